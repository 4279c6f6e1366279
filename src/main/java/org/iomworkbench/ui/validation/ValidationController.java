package org.iomworkbench.ui.validation;

import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iomworkbench.core.model.ModelStore;
import org.iomworkbench.core.model.eval.Calibration;
import org.iomworkbench.core.model.eval.Confusion;
import org.iomworkbench.core.model.eval.GroupBreakdown;
import org.iomworkbench.core.model.eval.ThresholdSweep;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.Pulses;
import org.iomworkbench.ui.common.Visibility;
import org.iomworkbench.ui.score.ViewExport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The Validation view: binds {@code validation.fxml} to a {@link ValidationViewModel}. */
public final class ValidationController {
    private final ValidationViewModel vm;
    private boolean syncing;

    @FXML private Label statusLabel;
    @FXML private Label noticeLabel;
    @FXML private ComboBox<ModelStore.RunInfo> runChoice;
    @FXML private TextField scoreColumnField;
    @FXML private TextField labelColumnField;
    @FXML private TextField groupColumnsField;
    @FXML private Button importButton;
    @FXML private VBox body;
    private boolean dataPending;
    @FXML private FlowPane figures;
    @FXML private GridPane charts;
    @FXML private LineChart<Number, Number> rocChart;
    @FXML private LineChart<Number, Number> prChart;
    @FXML private LineChart<Number, Number> calibrationChart;
    @FXML private LineChart<Number, Number> gainsChart;
    @FXML private Label calibrationLabel;
    @FXML private Slider thresholdSlider;
    @FXML private TextField thresholdField;
    @FXML private GridPane confusionGrid;
    @FXML private Label ratesLabel;
    @FXML private Label workloadLabel;
    @FXML private TextField targetField;
    @FXML private Button snapButton;
    @FXML private Label targetLabel;
    @FXML private TableView<ValidationViewModel.BandRow> bandTable;
    @FXML private TableColumn<ValidationViewModel.BandRow, String> bBandColumn;
    @FXML private TableColumn<ValidationViewModel.BandRow, String> bNColumn;
    @FXML private TableColumn<ValidationViewModel.BandRow, String> bPosColumn;
    @FXML private TableColumn<ValidationViewModel.BandRow, String> bRateColumn;
    @FXML private Label fairnessLabel;
    @FXML private TableView<ValidationViewModel.FairnessRow> fairnessTable;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fColumnColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fValueColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fNColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fBaseColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fSelectionColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fFprColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fFnrColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fPpvColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fNpvColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fAucColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fEceColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fFprRatioColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fFnrRatioColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fPpvDiffColumn;
    @FXML private TableColumn<ValidationViewModel.FairnessRow, String> fNoteColumn;
    @FXML private Button chartsPngButton;
    @FXML private TextField explainField;
    @FXML private ComboBox<String> intersectA;
    @FXML private ComboBox<String> intersectB;
    @FXML private Button explainButton;
    @FXML private Label explainLabel;
    @FXML private TableView<org.iomworkbench.core.model.ModelService.Contribution> explainTable;
    @FXML private TableColumn<org.iomworkbench.core.model.ModelService.Contribution, String> xFeatureColumn;
    @FXML private TableColumn<org.iomworkbench.core.model.ModelService.Contribution, String> xValueColumn;
    @FXML private TableColumn<org.iomworkbench.core.model.ModelService.Contribution, String> xContributionColumn;
    @FXML private Button fairnessCsvButton;
    @FXML private Button reportButton;
    @FXML private Button bandsCsvButton;

    public ValidationController(ValidationViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(vm.statusProperty());
        Visibility.showText(noticeLabel, vm.noticeProperty());
        runChoice.setItems(vm.runs());
        runChoice.setCellFactory(l -> new RunCell());
        runChoice.setButtonCell(new RunCell());
        runChoice.valueProperty().bindBidirectional(vm.runProperty());
        scoreColumnField.setText("score");
        labelColumnField.setText("label");
        body.disableProperty().bind(vm.dataProperty().isNull());
        targetField.textProperty().bindBidirectional(vm.targetProperty());
        targetField.setOnAction(e -> vm.snapToTarget());
        targetLabel.textProperty().bind(vm.targetTextProperty());
        fairnessLabel.setText("Each group at the same threshold. When groups differ in how often the outcome happens "
                + "(their base rates), a score cannot have equal false positive and false negative rates across them and "
                + "be equally calibrated (equal precision) in each at the same time: both kinds of figure are shown, so the "
                + "trade can be seen and argued. The reference is the largest group; a group too small to judge (under 50 "
                + "people, or under 10 with or without the outcome) is marked. Ethnicity is used here only, never as an input.");

        // the charts and tables are built when the view is on screen: data arriving while another
        // step is shown (a model run just trained) waits, so as not to block the window meanwhile
        vm.dataProperty().addListener((o, a, d) -> showWhenVisible());
        body.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && dataPending) {
                showWhenVisible();
            }
        });
        intersectA.setItems(vm.groupColumns());
        intersectB.setItems(vm.groupColumns());
        explainTable.setItems(vm.explanation());
        Columns.text(xFeatureColumn, org.iomworkbench.core.model.ModelService.Contribution::feature);
        Columns.text(xValueColumn, c -> String.format(Locale.UK, "%.3f", c.value()));
        Columns.text(xContributionColumn, c -> Double.isNaN(c.contribution()) ? "" : String.format(Locale.UK, "%+.4f", c.contribution()));
        explainLabel.textProperty().bind(vm.explanationTextProperty());
        explainField.setOnAction(e -> explain());
        for (LineChart<Number, Number> chart : List.of(rocChart, prChart, calibrationChart, gainsChart)) {
            javafx.scene.control.MenuItem save = new javafx.scene.control.MenuItem("Save this chart as PNG…");
            save.setOnAction(e -> savePng(chart, chart.getTitle().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + ".png"));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(save);
            chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        }
        thresholdSlider.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                vm.thresholdProperty().set(v.doubleValue());
            }
        });
        thresholdField.setOnAction(e -> {
            try {
                vm.thresholdProperty().set(Double.parseDouble(thresholdField.getText().strip()));
            } catch (NumberFormatException ex) {
                thresholdField.setText(String.format(Locale.UK, "%.4f", vm.thresholdProperty().get()));
            }
        });
        vm.thresholdProperty().addListener((o, a, t) -> {
            syncing = true;
            thresholdSlider.setValue(t.doubleValue());
            syncing = false;
            thresholdField.setText(String.format(Locale.UK, "%.4f", t.doubleValue()));
        });
        vm.confusionProperty().addListener((o, a, c) -> showConfusion(c));

        bandTable.setItems(vm.bands());
        Columns.text(bBandColumn, ValidationViewModel.BandRow::band);
        Columns.text(bNColumn, r -> Format.count(r.n()));
        Columns.text(bPosColumn, r -> Format.count(r.positives()));
        Columns.text(bRateColumn, r -> Double.isNaN(r.rate()) ? "" : String.format(Locale.UK, "%.3f (%.3f–%.3f)", r.rate(),
                r.lo(), r.hi()));
        fairnessTable.setItems(vm.fairness());
        Columns.text(fColumnColumn, ValidationViewModel.FairnessRow::column);
        Columns.text(fValueColumn, r -> r.value() + (r.reference() ? " (ref)" : ""));
        Columns.text(fNColumn, r -> Format.count(r.group().n()));
        Columns.text(fBaseColumn, r -> {
            if (r.intervals() == null || r.group().baseRate() == null) {
                return f(r.group().baseRate());
            }
            long n = r.group().n();
            double[] w = ValidationViewModel.wilson(Math.round(r.group().baseRate() * n), n);
            return withCi(r.group().baseRate(), w[0], w[1]);
        });
        Columns.text(fSelectionColumn, r -> r.intervals() == null || r.group().n() == 0 ? f(r.group().selectionRate())
                : withCi(r.group().selectionRate(), r.intervals().flagged().lo() / r.group().n(),
                r.intervals().flagged().hi() / r.group().n()));
        Columns.text(fFprColumn, r -> r.intervals() == null ? f(r.group().fpr())
                : withCi(r.group().fpr(), 1 - r.intervals().specificity().hi(), 1 - r.intervals().specificity().lo()));
        Columns.text(fFnrColumn, r -> r.intervals() == null ? f(r.group().fnr())
                : withCi(r.group().fnr(), 1 - r.intervals().sensitivity().hi(), 1 - r.intervals().sensitivity().lo()));
        Columns.text(fPpvColumn, r -> r.intervals() == null ? f(r.group().ppv())
                : withCi(r.group().ppv(), r.intervals().ppv().lo(), r.intervals().ppv().hi()));
        Columns.text(fNpvColumn, r -> r.intervals() == null ? f(r.group().npv())
                : withCi(r.group().npv(), r.intervals().npv().lo(), r.intervals().npv().hi()));
        Columns.text(fEceColumn, r -> f(r.ece()));
        Columns.text(fAucColumn, r -> r.intervals() == null ? f(r.group().auc())
                : withCi(r.group().auc(), r.intervals().auc().lo(), r.intervals().auc().hi()));
        Columns.text(fFprRatioColumn, r -> {
            GroupBreakdown.Group ref = vm.fairness().stream().filter(x -> x.column().equals(r.column()) && x.reference())
                    .map(ValidationViewModel.FairnessRow::group).findFirst().orElse(null);
            return ref == null || r.group().fpr() == null || ref.fpr() == null || ref.fpr() == 0 ? ""
                    : String.format(Locale.UK, "%.2f", r.group().fpr() / ref.fpr());
        });
        Columns.text(fFnrRatioColumn, r -> {
            GroupBreakdown.Group ref = reference(r);
            return ref == null || r.group().fnr() == null || ref.fnr() == null || ref.fnr() == 0 ? ""
                    : String.format(Locale.UK, "%.2f", r.group().fnr() / ref.fnr());
        });
        Columns.text(fPpvDiffColumn, r -> {
            GroupBreakdown.Group ref = reference(r);
            return ref == null || r.group().ppv() == null || ref.ppv() == null ? ""
                    : String.format(Locale.UK, "%+.3f", r.group().ppv() - ref.ppv());
        });
        Columns.text(fNoteColumn, r -> r.group().tooSmall() ? "too small to judge" : "");
    }

    private GroupBreakdown.Group reference(ValidationViewModel.FairnessRow r) {
        return vm.fairness().stream().filter(x -> x.column().equals(r.column()) && x.reference())
                .map(ValidationViewModel.FairnessRow::group).findFirst().orElse(null);
    }

    private static String withCi(Double v, double lo, double hi) {
        return v == null ? "" : Double.isNaN(lo) ? f(v) : String.format(Locale.UK, "%.3f (%.3f–%.3f)", v, lo, hi);
    }

    @FXML
    private void saveExplanationCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the explanation as CSV");
        chooser.setInitialFileName("explanation-" + explainField.getText().strip() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        if (f != null) {
            vm.writeExplanation(f.toPath(), ViewExport.csv(explainLabel.getText(), ViewExport.cells(explainTable)));
        }
    }

    @FXML
    private void intersect() {
        vm.addIntersection(intersectA.getValue(), intersectB.getValue());
    }

    @FXML
    private void explain() {
        vm.explain(explainField.getText());
    }

    @FXML
    private void groupIntervals() {
        vm.computeGroupIntervals();
    }

    private static String f(Double v) {
        return v == null ? "" : String.format(Locale.UK, "%.3f", v);
    }

    private void showWhenVisible() {
        dataPending = body.getScene() == null;
        if (!dataPending) {
            // the view model has filled the band and group tables in this event: the charts follow
            // in the next, so that the FX thread does not build both in one pulse
            Pulses.afterNext(body.getScene(), () -> showData(vm.dataProperty().get()));
        }
    }

    private void showData(ValidationData d) {
        figures.getChildren().clear();
        for (LineChart<Number, Number> c : List.of(rocChart, prChart, calibrationChart, gainsChart)) {
            c.getData().clear();
        }
        if (d == null) {
            return;
        }
        figures.getChildren().addAll(
                stat(String.format(Locale.UK, "%.3f", d.auc), String.format(Locale.UK, "AUC (95%%: %.3f–%.3f)", d.aucCi.lo(),
                        d.aucCi.hi())),
                stat(String.format(Locale.UK, "%.3f", d.averagePrecision), "average precision"),
                stat(Double.isNaN(d.brier) ? "–" : String.format(Locale.UK, "%.4f", d.brier), "Brier score"),
                stat(Double.isNaN(d.ece) ? "–" : String.format(Locale.UK, "%.4f", d.ece), "calibration error (ECE)"),
                stat(Format.count(d.size()), "people"),
                stat(String.format(Locale.UK, "%.2f%%", 100.0 * d.sweep.positives() / Math.max(1, d.size())), "base rate"));
        for (ValidationData.Curve c : d.curves) {
            rocChart.getData().add(series(String.format(Locale.UK, "%s (AUC %.3f)", c.name(), c.auc()), c.roc()));
            prChart.getData().add(series(String.format(Locale.UK, "%s (AP %.3f)", c.name(), c.ap()), c.pr()));
        }
        XYChart.Series<Number, Number> lo = new XYChart.Series<>();
        XYChart.Series<Number, Number> hi = new XYChart.Series<>();
        lo.setName("95% band, lower");
        hi.setName("95% band, upper");
        for (int g = 0; g < ValidationData.ROC_GRID.length; g++) {
            lo.getData().add(new XYChart.Data<>(ValidationData.ROC_GRID[g], d.rocBand[0][g]));
            hi.getData().add(new XYChart.Data<>(ValidationData.ROC_GRID[g], d.rocBand[1][g]));
        }
        rocChart.getData().add(lo);
        rocChart.getData().add(hi);
        XYChart.Series<Number, Number> plo = new XYChart.Series<>();
        XYChart.Series<Number, Number> phi = new XYChart.Series<>();
        plo.setName("95% band, lower");
        phi.setName("95% band, upper");
        for (int g = 0; g < ValidationData.ROC_GRID.length; g++) {
            if (!Double.isNaN(d.prBand[0][g])) {
                plo.getData().add(new XYChart.Data<>(ValidationData.ROC_GRID[g], d.prBand[0][g]));
                phi.getData().add(new XYChart.Data<>(ValidationData.ROC_GRID[g], d.prBand[1][g]));
            }
        }
        prChart.getData().add(plo);
        prChart.getData().add(phi);
        rocChart.getData().add(diagonal("chance"));
        gainsChart.getData().add(series("gains", d.gains));
        gainsChart.getData().add(diagonal("random order"));
        if (d.probabilities) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("observed");
            for (Calibration.Bin b : d.bins) {
                if (b.n() > 0) {
                    s.getData().add(new XYChart.Data<>(b.meanPredicted(), b.observedRate()));
                }
            }
            calibrationChart.getData().add(s);
            calibrationChart.getData().add(diagonal("perfect"));
            StringBuilder sb = new StringBuilder("People per bin: ");
            for (Calibration.Bin b : d.bins) {
                sb.append(String.format(Locale.UK, "%.1f–%.1f: %s", b.lo(), b.hi(), Format.count(b.n())))
                        .append(b.hi() < 1 ? "; " : ".");
            }
            calibrationLabel.setText(sb.toString());
        } else {
            calibrationLabel.setText("The scores are not probabilities (not all in [0, 1]): no calibration diagram or Brier score.");
        }
        double[] distinct = d.sweep.distinctScores();
        double min = d.probabilities ? 0 : distinct[0];
        double max = d.probabilities ? 1 : distinct[distinct.length - 1];
        thresholdSlider.setMin(min);
        thresholdSlider.setMax(max);
        thresholdSlider.setBlockIncrement((max - min) / 200);
        syncing = true;
        thresholdSlider.setValue(vm.thresholdProperty().get());
        syncing = false;
        thresholdField.setText(String.format(Locale.UK, "%.4f", vm.thresholdProperty().get()));
        showConfusion(vm.confusionProperty().get());
    }

    private static VBox stat(String value, String label) {
        Label v = new Label(value);
        v.getStyleClass().add("stat-value");
        Label l = new Label(label);
        l.getStyleClass().add("stat-label");
        VBox box = new VBox(v, l);
        box.getStyleClass().add("stat");
        return box;
    }

    /** A series built in one list (one change event, not one per point). */
    private static XYChart.Series<Number, Number> series(String name, List<ThresholdSweep.Point> pts) {
        List<XYChart.Data<Number, Number>> data = new java.util.ArrayList<>(pts.size());
        for (ThresholdSweep.Point p : pts) {
            data.add(new XYChart.Data<>(p.x(), p.y()));
        }
        return new XYChart.Series<>(name, javafx.collections.FXCollections.observableList(data));
    }

    private static XYChart.Series<Number, Number> diagonal(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(0, 0));
        s.getData().add(new XYChart.Data<>(1, 1));
        return s;
    }

    private void showConfusion(Confusion c) {
        confusionGrid.getChildren().clear();
        if (c == null) {
            ratesLabel.setText("");
            workloadLabel.setText("");
            return;
        }
        String[][] cells = {{"", "had the outcome", "did not"},
                {"flagged", Format.count(c.tp()) + " true positives", Format.count(c.fp()) + " false positives"},
                {"not flagged", Format.count(c.fn()) + " false negatives", Format.count(c.tn()) + " true negatives"}};
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                Label l = new Label(cells[r][k]);
                l.getStyleClass().add(r == 0 || k == 0 ? "transition-head" : "transition-cell");
                l.setMaxWidth(Double.MAX_VALUE);
                confusionGrid.add(l, k, r);
            }
        }
        ratesLabel.setText(String.format(Locale.UK, "specificity %s · sensitivity %s · precision (PPV) %s · NPV %s",
                f(c.specificity()), f(c.sensitivity()), f(c.ppv()), f(c.npv())));
        workloadLabel.setText(String.format(Locale.UK, "%s people flagged (%s of all): among them, on this year's outcomes, "
                        + "%s would have escalated and %s would not. That is the Offender Managers' list at this threshold.",
                Format.count(c.flagged()), c.selectionRate() == null ? "–" : String.format(Locale.UK, "%.1f%%", 100 * c.selectionRate()),
                Format.count(c.tp()), Format.count(c.fp())));
    }

    @FXML
    private void snap() {
        vm.snapToTarget();
    }

    @FXML
    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a score file (CSV with a header row)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = chooser.showOpenDialog(body.getScene().getWindow());
        if (f == null) {
            return;
        }
        List<String> groups = new ArrayList<>();
        for (String g : groupColumnsField.getText().split(",")) {
            if (!g.isBlank()) {
                groups.add(g.strip());
            }
        }
        vm.importFile(f.toPath(), scoreColumnField.getText().strip(), labelColumnField.getText().strip(), groups);
    }

    private void savePng(javafx.scene.Node node, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the chart as PNG");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        if (f != null) {
            try {
                ViewExport.writePng(ViewExport.pixels(node.snapshot(null, null)), f.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FXML
    private void saveChartsPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the charts as PNG");
        chooser.setInitialFileName("validation-charts.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        if (f != null) {
            try {
                ViewExport.writePng(ViewExport.pixels(charts.snapshot(null, null)), f.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FXML
    private void saveFairnessCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the fairness table as CSV");
        chooser.setInitialFileName("fairness.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        if (f != null) {
            Path file = f.toPath();
            try {
                ViewExport.writeCsv(ViewExport.csv(String.format(Locale.UK, "fairness at threshold %.6f",
                        vm.thresholdProperty().get()), ViewExport.cells(fairnessTable)), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FXML
    private void saveBandsCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the outcome rate by band as CSV");
        chooser.setInitialFileName("outcome-by-band.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        if (f != null) {
            try {
                ViewExport.writeCsv(ViewExport.csv("outcome rate by current band, 95% Wilson intervals",
                        ViewExport.cells(bandTable)), f.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FXML
    private void saveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the validation report");
        chooser.setInitialFileName("validation-report.html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        if (f != null) {
            vm.saveReport(f.toPath());
        }
    }

    private static final class RunCell extends ListCell<ModelStore.RunInfo> {
        @Override
        protected void updateItem(ModelStore.RunInfo r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : "Run " + r.runId() + " · snapshot " + r.snapshotId() + " · "
                    + r.chosen().replace('_', ' ') + " · " + Format.localTime(r.createdAt()));
        }
    }

    static String join(double[] v) {
        return Arrays.toString(v);
    }
}
