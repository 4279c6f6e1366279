package org.iomworkbench.ui.model;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.data.Outcome;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.TabRows;
import org.iomworkbench.ui.common.Visibility;
import org.iomworkbench.ui.score.ViewExport;

import java.nio.file.Path;
import java.util.Locale;

/** The Models view: binds {@code models.fxml} to a {@link ModelsViewModel}. */
public final class ModelsController {
    private static final PseudoClass SHORTFALL = PseudoClass.getPseudoClass("shortfall");
    private static final PseudoClass BASELINE = PseudoClass.getPseudoClass("baseline");

    private final ModelsViewModel vm;
    private final javafx.beans.property.StringProperty warnings = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.StringProperty gains = new javafx.beans.property.SimpleStringProperty("");

    @FXML
    private Label statusLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private ComboBox<Outcome> outcomeChoice;
    @FXML
    private TextField targetField;
    @FXML
    private TextField horizonField;
    @FXML
    private TextField seedField;
    @FXML
    private CheckBox genderCheck;
    @FXML
    private Label datesLabel;
    @FXML
    private Label inputErrorLabel;
    @FXML
    private Button trainButton;
    @FXML
    private VBox progressBox;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private TableView<ModelStore.RunInfo> runsTable;
    @FXML
    private TableColumn<ModelStore.RunInfo, String> runIdColumn;
    @FXML
    private TableColumn<ModelStore.RunInfo, String> runWhenColumn;
    @FXML
    private TableColumn<ModelStore.RunInfo, String> runChosenColumn;
    @FXML
    private Label runTitle;
    @FXML
    private Label runFactsLabel;
    @FXML
    private Label warningsLabel;
    @FXML
    private Label gainsLabel;
    @FXML
    private TabPane tabs;
    @FXML
    private TableView<ModelSummary.EscalationRow> escalationTable;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eNameColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eAucColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eBrierColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eThresholdColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eSpecificityColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eSensitivityColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> ePpvColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eTargetColumn;
    @FXML
    private TableColumn<ModelSummary.EscalationRow, String> eTestColumn;
    @FXML
    private Button chooseButton;
    @FXML
    private Button validationButton;
    @FXML
    private Button escalationCsvButton;
    @FXML
    private Tab nextTab;
    @FXML
    private TableView<ModelSummary.NextCrimeRow> nextTable;
    /** The next-crime-type models of the run shown, in the table while its tab is selected. */
    private final javafx.collections.ObservableList<ModelSummary.NextCrimeRow> nextRows =
            javafx.collections.FXCollections.observableArrayList();
    @FXML
    private Tab effectsTab;
    @FXML
    private TableColumn<ModelSummary.NextCrimeRow, String> nNameColumn;
    @FXML
    private TableColumn<ModelSummary.NextCrimeRow, String> nTop1Column;
    @FXML
    private TableColumn<ModelSummary.NextCrimeRow, String> nTop3Column;
    @FXML
    private TableColumn<ModelSummary.NextCrimeRow, String> nF1Column;
    @FXML
    private Label coefficientsLabel;
    @FXML
    private TableView<ModelsViewModel.Coefficient> coefficientsTable;
    @FXML
    private TableColumn<ModelsViewModel.Coefficient, String> cFeatureColumn;
    @FXML
    private TableColumn<ModelsViewModel.Coefficient, String> cCoefficientColumn;
    @FXML
    private TableColumn<ModelsViewModel.Coefficient, String> cOddsColumn;
    @FXML
    private TableColumn<ModelsViewModel.Coefficient, String> cForestColumn;
    @FXML
    private TableColumn<ModelsViewModel.Coefficient, String> cBoostingColumn;

    public ModelsController(ModelsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(vm.statusProperty());
        Visibility.showText(noticeLabel, vm.noticeProperty());
        outcomeChoice.setItems(FXCollections.observableArrayList(Outcome.values()));
        outcomeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Outcome o) {
                return o == null ? "" : switch (o) {
                    case ESCALATION -> "escalation";
                    case ANY_OFFENCE -> "any offence";
                    case VIOLENT_OFFENCE -> "violent offence";
                };
            }

            @Override
            public Outcome fromString(String s) {
                return null;
            }
        });
        outcomeChoice.valueProperty().bindBidirectional(vm.outcomeProperty());
        targetField.textProperty().bindBidirectional(vm.targetProperty());
        horizonField.textProperty().bindBidirectional(vm.horizonProperty());
        seedField.textProperty().bindBidirectional(vm.seedProperty());
        genderCheck.selectedProperty().bindBidirectional(vm.useGenderProperty());
        datesLabel.setText("Dates from the end of the data E: tested at E − 365 days, validated a year before, fitted a "
                + "year before that; the score's weights and cut-offs are estimated a year before fitting and then frozen.");
        Visibility.showText(inputErrorLabel, vm.inputErrorProperty());
        trainButton.setText("Train the models");
        trainButton.disableProperty().bind(vm.trainingProperty().or(vm.inputErrorProperty().isNotEmpty()));
        Visibility.showWhen(progressBox, vm.trainingProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressMessageProperty());

        runsTable.setItems(vm.runs());
        Columns.text(runIdColumn, r -> Integer.toString(r.runId()));
        Columns.text(runWhenColumn, r -> Format.localTime(r.createdAt()));
        Columns.text(runChosenColumn, r -> r.chosen().replace('_', ' '));
        runsTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != vm.selectedProperty().get()) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != null && runsTable.getSelectionModel().getSelectedItem() != r) {
                runsTable.getSelectionModel().select(r);
            }
            runTitle.setText(r == null ? "No run selected" : "Model run " + r.runId());
            runFactsLabel.setText(r == null ? "" : ModelsViewModel.facts(r));
        });
        runTitle.setText("No run selected");
        tabs.disableProperty().bind(vm.selectedProperty().isNull());

        Columns.text(eNameColumn, r -> r.name().replace('_', ' ') + (r.chosen() ? "  (chosen)" : "")
                + (r.baseline() ? "  (baseline)" : ""));
        Columns.text(eAucColumn, r -> ModelSummary.withInterval(r.auc(), r.aucCi(), 3));
        Columns.text(eBrierColumn, r -> fmt(r.brier(), 4));
        Columns.text(eThresholdColumn, r -> fmt(r.threshold(), 4));
        Columns.text(eSpecificityColumn, r -> ModelSummary.withInterval(r.specificity(), r.specificityCi(), 3));
        Columns.text(eSensitivityColumn, r -> ModelSummary.withInterval(r.sensitivity(), r.sensitivityCi(), 3));
        Columns.text(ePpvColumn, r -> fmt(r.ppv(), 3));
        Columns.text(eTargetColumn, r -> fmt(r.pTargetMet(), 3));
        Columns.text(eTestColumn, r -> r.nTest() == null ? "" : Format.count(r.nTest()) + " (" + Format.count(r.nPositiveTest()) + ")");
        escalationTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ModelSummary.EscalationRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(SHORTFALL, !empty && item != null && item.shortfall());
                pseudoClassStateChanged(BASELINE, !empty && item != null && item.baseline());
            }
        });
        Columns.text(nNameColumn, r -> r.name().replace('_', ' ') + (r.baseline() ? "  (baseline)" : ""));
        Columns.text(nTop1Column, r -> fmt(r.top1(), 3));
        Columns.text(nTop3Column, r -> fmt(r.top3(), 3));
        Columns.text(nF1Column, r -> fmt(r.macroF1(), 3));
        TabRows.whileSelected(coefficientsTable, effectsTab, vm.coefficients());
        TabRows.whileSelected(nextTable, nextTab, nextRows);
        Columns.text(cFeatureColumn, ModelsViewModel.Coefficient::feature);
        Columns.text(cCoefficientColumn, c -> c.coefficient() == null ? "" : String.format(Locale.UK, "%+.3f", c.coefficient()));
        Columns.text(cOddsColumn, c -> c.oddsRatio() == null ? "" : String.format(Locale.UK, "%.3f", c.oddsRatio()));
        Columns.text(cForestColumn, c -> c.forest() == null ? "" : String.format(Locale.UK, "%.3f", c.forest()));
        Columns.text(cBoostingColumn, c -> c.boosting() == null ? "" : String.format(Locale.UK, "%.3f", c.boosting()));
        coefficientsLabel.setText("Logistic regression, on inputs scaled to one standard deviation of the training year: "
                + "an odds ratio above 1 raises the odds of escalating, below 1 lowers them. The tree models' importance is "
                + "each input's share of their total impurity reduction. Largest effects first. Inputs are correlated, so "
                + "read them together, not one by one; none of this says what causes escalation.");
        vm.summaryProperty().addListener((o, a, s) -> {
            escalationTable.getItems().setAll(s == null ? java.util.List.of() : s.escalation());
            nextRows.setAll(s == null ? java.util.List.of() : s.nextCrime());
            warnings.set(s == null || s.warnings().isEmpty() ? "" : String.join("\n", s.warnings()));
            gains.set(s == null || s.gains().isEmpty() ? "" : "Against the baselines, paired on the same test-year people "
                    + "(bootstrap 95% interval of the difference): " + String.join(" ", s.gains()));
        });
        Visibility.showText(gainsLabel, gains);
        Visibility.showText(warningsLabel, warnings);
        chooseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ModelSummary.EscalationRow r = escalationTable.getSelectionModel().getSelectedItem();
            return r == null || r.baseline() || r.chosen();
        }, escalationTable.getSelectionModel().selectedItemProperty(), vm.summaryProperty()));
        validationButton.disableProperty().bind(vm.selectedProperty().isNull());
    }

    private static String fmt(Double v, int digits) {
        return v == null ? "" : String.format(Locale.UK, "%." + digits + "f", v);
    }

    @FXML
    private void train() {
        vm.train();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void choose() {
        ModelSummary.EscalationRow r = escalationTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.choose(r.name());
        }
    }

    @FXML
    private void openValidation() {
        vm.openValidation();
    }

    @FXML
    private void saveEscalationCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the escalation models as CSV");
        chooser.setInitialFileName("model-run-" + (vm.selectedProperty().get() == null ? "" : vm.selectedProperty().get().runId())
                + "-escalation.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = chooser.showSaveDialog(escalationTable.getScene().getWindow());
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        try {
            ViewExport.writeCsv(ViewExport.csv("escalation models on the test year", ViewExport.cells(escalationTable)), file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
