package org.iomworkbench.ui.publish;

import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.publish.Publisher;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.ScoreStore;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.Visibility;

import java.util.Locale;
import java.util.TreeSet;

/** The Publish view: binds {@code publish.fxml} to a {@link PublishViewModel}. */
public final class PublishController {
    private final PublishViewModel vm;

    @FXML private Label statusLabel;
    @FXML private Label noticeLabel;
    @FXML private ComboBox<ScoreStore.Run> scoreRunChoice;
    @FXML private ComboBox<ModelStore.RunInfo> modelRunChoice;
    @FXML private FlowPane bandBoxes;
    @FXML private TextField minProbabilityField;
    @FXML private Button previewButton;
    @FXML private Label countsLabel;
    @FXML private CheckBox under18Check;
    @FXML private ComboBox<String> nextCrimeChoice;
    @FXML private Button excludeButton;
    @FXML private TableView<Publisher.Row> rowsTable;
    @FXML private TableColumn<Publisher.Row, String> rIdColumn;
    @FXML private TableColumn<Publisher.Row, String> rNameColumn;
    @FXML private TableColumn<Publisher.Row, String> rDobColumn;
    @FXML private TableColumn<Publisher.Row, String> rBandColumn;
    @FXML private TableColumn<Publisher.Row, String> rRfsdiColumn;
    @FXML private TableColumn<Publisher.Row, String> rPColumn;
    @FXML private TableColumn<Publisher.Row, String> rNextColumn;
    @FXML private TableColumn<Publisher.Row, String> rYoungColumn;
    @FXML private Label exclusionsLabel;
    @FXML private FlowPane columnBoxes;
    @FXML private CheckBox bomCheck;
    @FXML private TextField signerField;
    @FXML private Label confirmationPrompt;
    @FXML private TextField confirmationField;
    @FXML private Button publishButton;
    @FXML private Button followUpButton;
    @FXML private TableView<org.iomworkbench.core.publish.Monitor.Followed> ledgerTable;
    @FXML private TableColumn<org.iomworkbench.core.publish.Monitor.Followed, String> lPubColumn;
    @FXML private TableColumn<org.iomworkbench.core.publish.Monitor.Followed, String> lDateColumn;
    @FXML private TableColumn<org.iomworkbench.core.publish.Monitor.Followed, String> lFollowColumn;
    @FXML private TableColumn<org.iomworkbench.core.publish.Monitor.Followed, String> lBandsColumn;
    @FXML private TableColumn<org.iomworkbench.core.publish.Monitor.Followed, String> lSpecColumn;
    @FXML private TableColumn<org.iomworkbench.core.publish.Monitor.Followed, String> lCalColumn;

    public PublishController(PublishViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(vm.statusProperty());
        Visibility.showText(noticeLabel, vm.noticeProperty());
        scoreRunChoice.setItems(vm.scoreRuns());
        scoreRunChoice.setCellFactory(l -> new ScoreRunCell());
        scoreRunChoice.setButtonCell(new ScoreRunCell());
        scoreRunChoice.valueProperty().bindBidirectional(vm.scoreRunProperty());
        modelRunChoice.setItems(vm.modelRuns());
        modelRunChoice.setCellFactory(l -> new ModelRunCell());
        modelRunChoice.setButtonCell(new ModelRunCell());
        modelRunChoice.valueProperty().bindBidirectional(vm.modelRunProperty());
        for (Band b : Band.values()) {
            CheckBox c = new CheckBox(b.name());
            c.setMnemonicParsing(false); // the underscores are part of the names
            c.selectedProperty().bindBidirectional(vm.bandProperty(b));
            bandBoxes.getChildren().add(c);
        }
        minProbabilityField.textProperty().bindBidirectional(vm.minProbabilityProperty());
        countsLabel.textProperty().bind(vm.countsProperty());
        FilteredList<Publisher.Row> shown = new FilteredList<>(vm.rows());
        Runnable filter = () -> shown.setPredicate(r -> (!under18Check.isSelected() || Boolean.TRUE.equals(r.under18()))
                && (nextCrimeChoice.getValue() == null || nextCrimeChoice.getValue().equals(r.nextCrimeType())));
        under18Check.selectedProperty().bindBidirectional(vm.under18OnlyProperty());
        under18Check.selectedProperty().addListener((o, a, b) -> filter.run());
        nextCrimeChoice.valueProperty().addListener((o, a, b) -> filter.run());
        vm.rows().addListener((javafx.collections.ListChangeListener<Publisher.Row>) c -> {
            TreeSet<String> types = new TreeSet<>();
            for (Publisher.Row r : vm.rows()) {
                if (r.nextCrimeType() != null) {
                    types.add(r.nextCrimeType());
                }
            }
            String keep = nextCrimeChoice.getValue();
            nextCrimeChoice.getItems().setAll(types);
            nextCrimeChoice.setValue(keep != null && types.contains(keep) ? keep : null);
        });
        rowsTable.setItems(shown);
        Columns.text(rIdColumn, Publisher.Row::personId);
        Columns.text(rNameColumn, r -> (r.surname() == null ? "" : r.surname()) + ", " + (r.forenames() == null ? "" : r.forenames()));
        Columns.text(rDobColumn, r -> r.dateOfBirth() == null ? "" : r.dateOfBirth().toString());
        Columns.text(rBandColumn, r -> r.band().name());
        Columns.text(rRfsdiColumn, r -> String.format(Locale.UK, "%.2f", r.rfsdi()));
        Columns.text(rPColumn, r -> r.pEscalate() == null ? "" : String.format(Locale.UK, "%.3f", r.pEscalate()));
        Columns.text(rNextColumn, r -> r.nextCrimeType() == null ? "" : r.nextCrimeType());
        Columns.text(rYoungColumn, r -> r.under18() == null ? "" : r.under18() ? "yes" : "");
        excludeButton.disableProperty().bind(rowsTable.getSelectionModel().selectedItemProperty().isNull());
        vm.exclusions().addListener((javafx.collections.MapChangeListener<String, String>) c -> exclusionsLabel.setText(
                vm.exclusions().isEmpty() ? "" : Format.plural(vm.exclusions().size(), "person is", "people are")
                        + " left off with a recorded reason: " + String.join("; ", vm.exclusions().entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()) + "."));
        for (String col : Publisher.ALLOWED) {
            // every list flags people under 18: that column is always on, and says so (a disabled box shows no tooltip)
            boolean always = col.equals(Publisher.REQUIRED_COLUMN);
            CheckBox c = new CheckBox(always ? col + " (on every list)" : col);
            c.setDisable(always);
            c.setMnemonicParsing(false);
            c.selectedProperty().bindBidirectional(vm.columnProperty(col));
            columnBoxes.getChildren().add(c);
        }
        bomCheck.selectedProperty().bindBidirectional(vm.bomProperty());
        signerField.textProperty().bindBidirectional(vm.signerProperty());
        confirmationPrompt.setText("Type to confirm: " + Publisher.CONFIRMATION);
        confirmationField.textProperty().bindBidirectional(vm.confirmationProperty());
        publishButton.disableProperty().bind(vm.canPublishProperty().not());
        previewButton.disableProperty().bind(vm.busyProperty());
        followUpButton.disableProperty().bind(vm.busyProperty());
        ledgerTable.setItems(vm.ledger());
        Columns.text(lPubColumn, f -> Integer.toString(f.publication()));
        Columns.text(lDateColumn, f -> f.asAt().toString());
        Columns.text(lFollowColumn, f -> f.laterSnapshot() == null || f.followUpDays() == 0 ? "awaiting a later snapshot"
                : "snapshot " + f.laterSnapshot() + ", " + f.followUpDays() + " days" + (f.complete() ? "" : " so far") + ", "
                + Format.count(f.followed()) + " of " + Format.count(f.people()) + " people");
        Columns.text(lBandsColumn, f -> String.join("; ", f.byBand().entrySet().stream().map(e -> e.getKey() + " "
                + Format.count(e.getValue()[1]) + "/" + Format.count(e.getValue()[0])).toList()));
        Columns.text(lSpecColumn, f -> f.model().get("specificity") instanceof Number sp && f.model().get("specificity_ci") instanceof java.util.List<?> ci
                ? String.format(Locale.UK, "%.3f (%.3f–%.3f)", sp.doubleValue(), ((Number) ci.get(0)).doubleValue(),
                ((Number) ci.get(1)).doubleValue()) : "");
        Columns.text(lCalColumn, f -> f.model().get("mean_predicted") instanceof Number mp && f.model().get("observed_rate") instanceof Number ob
                ? String.format(Locale.UK, "%.3f / %.3f", mp.doubleValue(), ob.doubleValue()) : "");
    }

    @FXML
    private void followUp() {
        vm.followUp();
    }

    @FXML
    private void preview() {
        vm.preview();
    }

    @FXML
    private void exclude() {
        Publisher.Row r = rowsTable.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Leave a person off the list");
        d.setHeaderText("Leave " + r.personId() + " off this list. The reason is recorded with the publication.");
        d.setContentText("Reason:");
        d.showAndWait().ifPresent(reason -> vm.exclude(r.personId(), reason));
    }

    @FXML
    private void publish() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Publish the list");
        chooser.setInitialFileName("iom-list.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = chooser.showSaveDialog(rowsTable.getScene().getWindow());
        if (f != null) {
            vm.publish(f.toPath());
        }
    }

    private static final class ScoreRunCell extends ListCell<ScoreStore.Run> {
        @Override
        protected void updateItem(ScoreStore.Run r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : "Scoring run " + r.runId() + " · snapshot " + r.snapshotId() + " · "
                    + Format.localTime(r.createdAt()));
        }
    }

    private static final class ModelRunCell extends ListCell<ModelStore.RunInfo> {
        @Override
        protected void updateItem(ModelStore.RunInfo r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : "Model run " + r.runId() + " · snapshot " + r.snapshotId() + " · "
                    + r.chosen().replace('_', ' '));
        }
    }
}
