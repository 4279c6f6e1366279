package org.iomworkbench.ui.score;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iomworkbench.core.score.Band;
import org.iomworkbench.core.score.Cutoffs;
import org.iomworkbench.core.score.ScoringConfig;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.Pulses;
import org.iomworkbench.ui.common.TabRows;
import org.iomworkbench.ui.common.Visibility;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Binds the Scores view to its {@link ScoresViewModel}. */
public final class ScoresController {
    private final ScoresViewModel vm;
    @FXML
    private Label statusLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private HBox body;
    @FXML
    private DatePicker asAtPicker;
    @FXML
    private Slider halfLifeSlider;
    @FXML
    private TextField halfLifeField;
    @FXML
    private Slider lookbackSlider;
    @FXML
    private TextField lookbackField;
    @FXML
    private Slider windowSlider;
    @FXML
    private TextField windowField;
    @FXML
    private Label modelLabel;
    @FXML
    private DatePicker calibrationPicker;
    @FXML
    private Button estimateButton;
    @FXML
    private Button saveButton;
    @FXML
    private FlowPane bandTiles;
    @FXML
    private Label cutoffsLabel;
    @FXML
    private Label fitLabel;
    @FXML
    private TableView<ScoresViewModel.WeightRow> weightsTable;
    @FXML
    private TableColumn<ScoresViewModel.WeightRow, String> wNameColumn;
    @FXML
    private TableColumn<ScoresViewModel.WeightRow, String> wValueColumn;
    @FXML
    private TableColumn<ScoresViewModel.WeightRow, String> wSeColumn;
    @FXML
    private TableColumn<ScoresViewModel.WeightRow, String> wIntervalColumn;
    @FXML
    private TableColumn<ScoresViewModel.WeightRow, String> wNonZeroColumn;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab weightsTab;
    @FXML
    private RfsdiHistogram histogram;
    @FXML
    private DatePicker earlierPicker;
    @FXML
    private GridPane transitionGrid;
    @FXML
    private ComboBox<ScoresViewModel.HarmCode> codeChoice;
    @FXML
    private TextField prisonFromField;
    @FXML
    private TextField prisonToField;
    @FXML
    private Label decayLabel;
    @FXML
    private DecayChart decayChart;
    @FXML
    private TextField personField;
    @FXML
    private Button explainButton;
    @FXML
    private Label personLabel;
    @FXML
    private TableView<ScoresViewModel.Factor> factorTable;
    @FXML
    private TableView<ScoresViewModel.OffenceRow> offenceTable;
    @FXML
    private TableColumn<ScoresViewModel.OffenceRow, String> oDateColumn;
    @FXML
    private TableColumn<ScoresViewModel.OffenceRow, String> oCodeColumn;
    @FXML
    private TableColumn<ScoresViewModel.OffenceRow, String> oHarmColumn;
    @FXML
    private TableColumn<ScoresViewModel.OffenceRow, String> oAgeColumn;
    @FXML
    private TableColumn<ScoresViewModel.OffenceRow, String> oContributionColumn;
    @FXML
    private TableColumn<ScoresViewModel.Factor, String> fNameColumn;
    @FXML
    private TableColumn<ScoresViewModel.Factor, String> fXColumn;
    @FXML
    private TableColumn<ScoresViewModel.Factor, String> fWeightColumn;
    @FXML
    private TableColumn<ScoresViewModel.Factor, String> fMultiplierColumn;
    @FXML
    private TableColumn<ScoresViewModel.Factor, String> fAfterColumn;
    @FXML
    private ScoreWaterfall waterfall;
    @FXML
    private TextField pinField;
    @FXML
    private Button pinButton;
    private final Label[] counts = new Label[Band.values().length];
    private final Label[] shares = new Label[Band.values().length];

    public ScoresController(ScoresViewModel vm) {
        this.vm = vm;
    }

    public ScoresViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(vm.statusProperty());
        Visibility.showText(noticeLabel, vm.noticeProperty());
        body.disableProperty().bind(vm.readyProperty().not());
        body.visibleProperty().bind(vm.readyProperty());

        for (DatePicker p : new DatePicker[]{asAtPicker, calibrationPicker, earlierPicker}) {
            p.setConverter(ISO_DATE);
            p.setPromptText("yyyy-mm-dd");
        }
        asAtPicker.valueProperty().bindBidirectional(vm.asAtProperty());
        calibrationPicker.valueProperty().bindBidirectional(vm.calibrationDateProperty());
        earlierPicker.valueProperty().bindBidirectional(vm.earlierDateProperty());
        histogram.setOnCutoffsDragged(vm::setCutoffs);
        // the histogram, the decay curve and the band transitions wait for the next pulse: new scores
        // also fill the band tiles and the tables in this one
        vm.histogramProperty().addListener((o, a, h) -> Pulses.afterNext(histogram.getScene(), () ->
                histogram.show(vm.histogramProperty().get(),
                        vm.scoresProperty().get() == null ? null : vm.scoresProperty().get().config().cutoffs())));
        vm.transitionsProperty().addListener((o, a, m) -> Pulses.afterNext(transitionGrid.getScene(),
                () -> showTransitions(vm.transitionsProperty().get())));
        codeChoice.setItems(vm.harmCodes());
        codeChoice.valueProperty().bindBidirectional(vm.decayCodeProperty());
        wholeDays(null, prisonFromField, vm.prisonFromProperty(), 0);
        wholeDays(null, prisonToField, vm.prisonToProperty(), 0);
        vm.decayCurveProperty().addListener((o, a, c) -> Pulses.afterNext(decayChart.getScene(),
                () -> showDecay(vm.decayCurveProperty().get())));
        personField.setOnAction(e -> explain());
        explainButton.disableProperty().bind(personField.textProperty().isEmpty());
        Columns.text(oDateColumn, o -> o.date().toString() + (o.alcoholRelated() ? "  (alcohol)" : ""));
        Columns.text(oCodeColumn, o -> o.code() + " · " + o.crimeGroup());
        Columns.text(oHarmColumn, o -> number(o.h()));
        Columns.text(oAgeColumn, o -> o.inPrison() ? "0 (in prison)" : Long.toString(o.ageDays()));
        Columns.text(oContributionColumn, o -> number(o.contribution()));
        Columns.text(fNameColumn, ScoresViewModel.Factor::name);
        Columns.text(fXColumn, f -> Integer.toString(f.x()));
        Columns.text(fWeightColumn, f -> number(f.weight()));
        Columns.text(fMultiplierColumn, f -> number(f.multiplier()));
        Columns.text(fAfterColumn, f -> number(f.after()));
        vm.explanationProperty().addListener((o, a, e) -> showExplanation(e));
        vm.personAgeProperty().addListener((o, a, b) -> showExplanation(vm.explanationProperty().get()));
        vm.personMessageProperty().addListener((o, a, m) -> {
            if (!m.isEmpty()) {
                personLabel.setText(m);
            }
        });
        wholeDays(halfLifeSlider, halfLifeField, vm.halfLifeProperty(), 1);
        wholeDays(lookbackSlider, lookbackField, vm.lookbackProperty(), 0);
        wholeDays(windowSlider, windowField, vm.windowProperty(), 0);
        estimateButton.disableProperty().bind(vm.busyProperty().or(vm.calibrationDateProperty().isNull()));
        saveButton.disableProperty().bind(vm.busyProperty().or(vm.scoresProperty().isNull()).or(vm.weightsMissingProperty()));
        pinButton.disableProperty().bind(vm.busyProperty().or(pinField.textProperty().isEmpty()));
        pinField.setOnAction(e -> pin());

        for (Band b : Band.values()) {
            Label count = new Label();
            count.setId("bandCount-" + b.name());
            count.getStyleClass().add("stat-value");
            count.setMinWidth(Label.USE_PREF_SIZE);
            count.setAccessibleText("Persons in band " + b.name());
            Label share = new Label();
            share.setId("bandShare-" + b.name());
            share.getStyleClass().add("stat-label");
            share.setMinWidth(Label.USE_PREF_SIZE);
            Label name = new Label(b.name());
            name.getStyleClass().add("band-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            VBox tile = new VBox(name, count, share);
            tile.getStyleClass().addAll("stat", "stat-small", "band-tile", "band-" + b.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            tile.setMinWidth(VBox.USE_PREF_SIZE);
            bandTiles.getChildren().add(tile);
            counts[b.ordinal()] = count;
            shares[b.ordinal()] = share;
        }
        vm.bands().addListener((javafx.collections.ListChangeListener<ScoresViewModel.BandRow>) c -> showBands());

        // a dropped column (constant or collinear at the calibration date) is marked by its name
        Columns.text(wNameColumn, r -> r.dropped() ? r.name() + " (dropped)" : r.name());
        Columns.text(wValueColumn, r -> number(r.weight()));
        Columns.text(wSeColumn, r -> short3(r.se()));
        Columns.text(wIntervalColumn, r -> Double.isNaN(r.lower()) ? "–" : short3(r.lower()) + " to " + short3(r.upper()));
        Columns.text(wNonZeroColumn, r -> r.nonZero() < 0 ? "–" : Format.count(r.nonZero()));
        TabRows.whileSelected(weightsTable, weightsTab, vm.weights());
        vm.weights().addListener((javafx.collections.ListChangeListener<ScoresViewModel.WeightRow>) c ->
                Columns.fitToContent(weightsTable.getColumns(), vm.weights(), statusLabel.getFont()));

        fitLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.fitMessageProperty().get().isEmpty() ? ""
                : vm.fitMessageProperty().get() + " No weights were produced: you may pin them by value below.",
                vm.fitMessageProperty()));
        Visibility.showWhen(fitLabel, vm.fitMessageProperty().isNotEmpty());
        vm.fitMessageProperty().addListener((o, a, m) -> {
            if (!m.isEmpty()) {
                tabs.getSelectionModel().select(weightsTab);
            }
        });
        vm.modelProperty().addListener((o, a, m) -> showModel(m));
    }

    /** A slider and a field for one parameter in whole days, both following the view model. */
    private static void wholeDays(Slider slider, TextField field, DoubleProperty value, double minimum) {
        field.setText(ScoresViewModel.days(value.get()));
        value.addListener((o, a, v) -> field.setText(ScoresViewModel.days(v.doubleValue())));
        if (slider != null) {
            slider.setBlockIncrement(1);
            slider.setValue(value.get());
            value.addListener((o, a, v) -> slider.setValue(v.doubleValue()));
            slider.valueProperty().addListener((o, a, v) -> {
                double days = Math.max(minimum, Math.round(v.doubleValue()));
                if (days != value.get()) {
                    value.set(days);
                }
            });
        }
        Runnable commit = () -> {
            try {
                double days = Double.parseDouble(field.getText().strip());
                if (days >= minimum && Double.isFinite(days)) {
                    value.set(Math.rint(days));
                }
            } catch (NumberFormatException ignored) {
                // not a number: the field goes back to the value
            }
            field.setText(ScoresViewModel.days(value.get()));
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
    }

    private void showBands() {
        for (ScoresViewModel.BandRow r : vm.bands()) {
            counts[r.band().ordinal()].setText(Format.count(r.count()));
            shares[r.band().ordinal()].setText(String.format(Locale.ROOT, "%.1f%% of persons", 100 * r.share()));
        }
        if (vm.bands().isEmpty()) {
            Arrays.stream(counts).forEach(l -> l.setText(""));
            Arrays.stream(shares).forEach(l -> l.setText(""));
        }
    }

    private void showModel(ScoringConfig m) {
        if (m == null) {
            modelLabel.setText("");
            cutoffsLabel.setText("");
            return;
        }
        String weights = m.weightsSource() == ScoringConfig.WeightsSource.ESTIMATED
                ? "Weights estimated at " + m.calibrationDate() : "Weights pinned by value";
        Cutoffs c = m.cutoffs();
        String cut = switch (m.cutoffsSource()) {
            case PERCENTILES -> "cut-offs the 50th, 80th, 95th and 99th percentiles of the positive RFSDi at " + m.calibrationDate();
            case SET -> "cut-offs set by value";
            case FILE -> "cut-offs from a file";
        };
        modelLabel.setText(weights + "; " + cut + ". They stay as they are while the parameters move.");
        cutoffsLabel.setText(String.format(Locale.ROOT, "Cut-offs (RFSDi): LOW_MEDIUM from %s, HIGH_MEDIUM from %s, HIGH from %s, SUPER_HIGH from %s.",
                number(c.c1()), number(c.c2()), number(c.c3()), number(c.c4())));
    }

    private void showExplanation(ScoresViewModel.Explanation e) {
        waterfall.show(e);
        if (e == null) {
            factorTable.getItems().clear();
            offenceTable.getItems().clear();
            personLabel.setText(vm.personMessageProperty().get());
            return;
        }
        factorTable.getItems().setAll(e.factors());
        offenceTable.getItems().setAll(e.offences());
        String age = vm.personAgeProperty().get();
        personLabel.setText(String.format(Locale.ROOT, "%s (%s)%s: S = %s%s, RFSDi = %s, band %s at %s.", e.personId(),
                e.records(), age.isEmpty() ? "" : ", " + age, number(e.s()),
                e.inPrison() ? " (in prison at the as-at date: the clock stopped at the entry, " + e.clock() + ")" : "",
                number(e.rfsdi()), e.band(), e.config().asAt()));
    }

    private void showDecay(DecayCurve c) {
        decayChart.show(c);
        if (c == null) {
            decayLabel.setText("");
            return;
        }
        decayLabel.setText(String.format(Locale.ROOT, "%s: %s harm days, so h = log10(1 + %s) = %.4f on the day; "
                        + "it halves every %s days spent outside prison (a quarter is left after %s).", c.code(),
                ScoresViewModel.days(c.harmDays()), ScoresViewModel.days(c.harmDays()), c.h(),
                ScoresViewModel.days(c.halfLifeDays()), ScoresViewModel.days(2 * c.halfLifeDays())));
    }

    private void showTransitions(long[][] m) {
        transitionGrid.getChildren().clear();
        if (m == null) {
            return;
        }
        Band[] bands = Band.values();
        transitionGrid.add(cell("earlier ↓\nas-at →", "transition-corner"), 0, 0);
        for (Band b : bands) {
            // the column heads break at the underscore to keep the matrix narrow
            transitionGrid.add(cell(b.name().replace("_", "_\n"), "transition-head"), b.ordinal() + 1, 0);
            transitionGrid.add(cell(b.name(), "transition-head"), 0, b.ordinal() + 1);
        }
        for (Band from : bands) {
            for (Band to : bands) {
                Label l = cell(Format.count(m[from.ordinal()][to.ordinal()]),
                        from == to ? "transition-same" : to.ordinal() > from.ordinal() ? "transition-up" : "transition-down");
                l.setId("transition-" + from.name() + "-" + to.name());
                l.setAccessibleText(Format.count(m[from.ordinal()][to.ordinal()]) + " persons from " + from.name() + " to " + to.name());
                transitionGrid.add(l, to.ordinal() + 1, from.ordinal() + 1);
            }
        }
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("transition-cell", style);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static final StringConverter<LocalDate> ISO_DATE = new StringConverter<>() {
        @Override
        public String toString(LocalDate d) {
            return d == null ? "" : d.toString();
        }

        @Override
        public LocalDate fromString(String s) {
            try {
                return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    };

    private static String short3(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3g", v);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v);
    }

    @FXML
    private void estimate() {
        vm.estimate();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void saveHistogramPng() {
        savePng(histogram, "the RFSDi histogram", "rfsdi-histogram.png");
    }

    @FXML
    private void saveDecayPng() {
        savePng(decayChart, "the decay curve", "decay-curve.png");
    }

    @FXML
    private void saveWaterfallPng() {
        savePng(waterfall, "the person's waterfall", "person-waterfall.png");
    }

    @FXML
    private void saveBandsCsv() {
        saveCsv("the band counts", "band-counts.csv", vm.bandRows());
    }

    @FXML
    private void saveTransitionsCsv() {
        saveCsv("the band transitions", "band-transitions.csv", vm.transitionRows());
    }

    @FXML
    private void saveWeightsCsv() {
        saveCsv("the weights", "weights.csv", ViewExport.cells(weightsTable));
    }

    @FXML
    private void saveFactorsCsv() {
        ScoresViewModel.Explanation e = vm.explanationProperty().get();
        Path file = choose("Save the person's flags and trends as CSV", (e == null ? "person" : e.personId()) + "-factors.csv",
                "CSV file", "*.csv");
        if (file != null) {
            String text = ViewExport.csv(vm.settingsLine(), ViewExport.cells(factorTable));
            vm.writePersonFile("the person's flags and trends", file, f -> ViewExport.writeCsv(text, f));
        }
    }

    private void savePng(javafx.scene.Node node, String what, String name) {
        Path file = choose("Save " + what + " as PNG", name, "PNG image", "*.png");
        if (file != null) {
            // the snapshot is taken here, on the UI thread; only the file is written in the background
            java.awt.image.BufferedImage img = ViewExport.pixels(node.snapshot(null, null));
            vm.writeFile(what, file, f -> ViewExport.writePng(img, f));
        }
    }

    private void saveCsv(String what, String name, java.util.List<java.util.List<String>> rows) {
        Path file = choose("Save " + what + " as CSV", name, "CSV file", "*.csv");
        if (file != null) {
            String text = ViewExport.csv(vm.settingsLine(), rows);
            vm.writeFile(what, file, f -> ViewExport.writeCsv(text, f));
        }
    }

    private Path choose(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        java.io.File f = chooser.showSaveDialog(body.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    @FXML
    private void explain() {
        vm.explain(personField.getText());
    }

    @FXML
    private void pin() {
        String[] parts = pinField.getText().split("[,;\\s]+");
        double[] w = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                w[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            w = new double[0];
        }
        vm.pinWeights(w);
    }
}
