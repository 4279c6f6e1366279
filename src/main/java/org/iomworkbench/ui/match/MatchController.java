package org.iomworkbench.ui.match;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.MatchModel;
import org.iomworkbench.core.link.ReviewDecision;
import org.iomworkbench.core.link.NominalRecord;
import org.iomworkbench.core.link.PairView;
import org.iomworkbench.core.link.PersonRow;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.Shortcut;
import org.iomworkbench.ui.common.TabRows;
import org.iomworkbench.ui.common.Visibility;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Binds the Match & merge view to its {@link MatchViewModel}; the confirmation of a split lives here, the work there. */
public final class MatchController {
    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    private final MatchViewModel vm;
    @FXML
    private ComboBox<Snapshot> snapshotChoice;
    @FXML
    private Button linkButton;
    @FXML
    private Label statusLabel;
    @FXML
    private HBox progressBox;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private FlowPane runPane;
    @FXML
    private Label recordsValue;
    @FXML
    private Label personsValue;
    @FXML
    private Label comparedValue;
    @FXML
    private Label linkedValue;
    @FXML
    private Label queuedValue;
    @FXML
    private Label flaggedValue;
    @FXML
    private Label thresholdsLabel;
    @FXML
    private Label cappedLabel;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab reviewTab;
    @FXML
    private SplitPane reviewPane;
    @FXML
    private Label queueLabel;
    @FXML
    private TableView<PairView> queueTable;
    @FXML
    private TableColumn<PairView, String> qWeightColumn;
    @FXML
    private TableColumn<PairView, String> qProbabilityColumn;
    @FXML
    private TableColumn<PairView, String> qRecordsColumn;
    @FXML
    private VBox pairPane;
    @FXML
    private Label pairTitle;
    @FXML
    private GridPane comparisonGrid;
    @FXML
    private Button acceptButton;
    @FXML
    private Button rejectButton;
    @FXML
    private Button skipButton;
    @FXML
    private WaterfallChart waterfall;
    @FXML
    private TextField searchField;
    @FXML
    private Label resultsLabel;
    @FXML
    private TableView<PersonRow> personsTable;
    @FXML
    private TableColumn<PersonRow, String> pNameColumn;
    @FXML
    private TableColumn<PersonRow, String> pRecordsColumn;
    @FXML
    private TableColumn<PersonRow, String> pFlagsColumn;
    @FXML
    private TableColumn<PersonRow, String> pIdColumn;
    @FXML
    private VBox personPane;
    @FXML
    private Label personTitle;
    @FXML
    private Label flagsLabel;
    @FXML
    private Button splitButton;
    @FXML
    private TableView<NominalRecord> recordsTable;
    @FXML
    private TableColumn<NominalRecord, Boolean> rSplitColumn;
    @FXML
    private TableColumn<NominalRecord, String> rSourceColumn;
    @FXML
    private TableColumn<NominalRecord, String> rIdColumn;
    @FXML
    private TableColumn<NominalRecord, String> rSurnameColumn;
    @FXML
    private TableColumn<NominalRecord, String> rForenamesColumn;
    @FXML
    private TableColumn<NominalRecord, String> rDobColumn;
    @FXML
    private TableColumn<NominalRecord, String> rGenderColumn;
    @FXML
    private TableColumn<NominalRecord, String> rPostcodeColumn;
    @FXML
    private TableColumn<NominalRecord, String> rPncColumn;
    @FXML
    private TableView<PairView> linksTable;
    @FXML
    private TableColumn<PairView, String> lAColumn;
    @FXML
    private TableColumn<PairView, String> lBColumn;
    @FXML
    private TableColumn<PairView, String> lStatusColumn;
    @FXML
    private TableColumn<PairView, String> lBasisColumn;
    @FXML
    private TableColumn<PairView, String> lWeightColumn;
    @FXML
    private TableColumn<PairView, String> lProbabilityColumn;
    @FXML
    private TableColumn<PairView, String> lOtherColumn;
    @FXML
    private Label modelSummaryLabel;
    @FXML
    private TableView<MatchModel.LevelEstimate> levelsTable;
    @FXML
    private TableColumn<MatchModel.LevelEstimate, String> mFieldColumn;
    @FXML
    private TableColumn<MatchModel.LevelEstimate, String> mLevelColumn;
    @FXML
    private TableColumn<MatchModel.LevelEstimate, String> mMColumn;
    @FXML
    private TableColumn<MatchModel.LevelEstimate, String> mUColumn;
    @FXML
    private TableColumn<MatchModel.LevelEstimate, String> mWeightColumn;
    @FXML
    private WeightHistogramChart histogram;
    @FXML
    private Tab decisionsTab;
    @FXML
    private Tab modelTab;
    @FXML
    private Label decisionsLabel;
    @FXML
    private Button withdrawButton;
    @FXML
    private TableView<ReviewDecision> decisionsTable;
    @FXML
    private TableColumn<ReviewDecision, String> dWhenColumn;
    @FXML
    private TableColumn<ReviewDecision, String> dKindColumn;
    @FXML
    private TableColumn<ReviewDecision, String> dAColumn;
    @FXML
    private TableColumn<ReviewDecision, String> dBColumn;
    @FXML
    private TableColumn<ReviewDecision, String> dUserColumn;
    @FXML
    private TableColumn<ReviewDecision, String> dSnapshotColumn;

    public MatchController(MatchViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        bindRun();
        bindQueue();
        bindPersons();
        bindModel();
        bindDecisions();
    }

    private void bindDecisions() {
        DecisionsViewModel d = vm.decisions();
        decisionsTable.setItems(d.decisions());
        Columns.text(dWhenColumn, ReviewDecision::decidedAt);
        Columns.text(dKindColumn, r -> r.kind() == ReviewDecision.Kind.ACCEPT ? "Same person" : "Different people");
        Columns.text(dAColumn, r -> r.a().toString());
        Columns.text(dBColumn, r -> r.b().toString());
        Columns.text(dUserColumn, ReviewDecision::user);
        Columns.text(dSnapshotColumn, r -> Integer.toString(r.snapshotId()));
        decisionsLabel.textProperty().bind(d.summaryProperty());
        decisionsTab.textProperty().bind(Bindings.createStringBinding(
                () -> "Decisions (" + Format.count(d.decisions().size()) + ")", d.decisions()));
        decisionsTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> d.selectedProperty().set(r));
        d.selectedProperty().addListener((o, a, r) -> {
            if (r == null) {
                decisionsTable.getSelectionModel().clearSelection();
            }
        });
        withdrawButton.disableProperty().bind(d.canWithdrawProperty().not().or(vm.linkingProperty()));
    }

    @FXML
    private void withdraw() {
        vm.decisions().withdraw();
    }

    private void bindRun() {
        snapshotChoice.setItems(vm.snapshots());
        snapshotChoice.setCellFactory(l -> new SnapshotCell());
        snapshotChoice.setButtonCell(new SnapshotCell());
        snapshotChoice.valueProperty().bindBidirectional(vm.snapshotProperty());
        snapshotChoice.disableProperty().bind(vm.linkingProperty());
        linkButton.setText("Link  (" + Shortcut.LINK.keysText() + ")");
        linkButton.setAccessibleText("Link the snapshot's records into persons, " + Shortcut.LINK.keysText());
        linkButton.disableProperty().bind(vm.linkingProperty().or(vm.snapshotProperty().isNull())
                .or(vm.queue().decidingProperty()).or(vm.persons().splittingProperty()));
        statusLabel.textProperty().bind(vm.statusProperty());
        Visibility.showWhen(progressBox, vm.linkingProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressMessageProperty());
        Visibility.showText(noticeLabel, vm.noticeProperty());
        Visibility.showWhen(runPane, vm.runProperty().isNotNull());
        recordsValue.textProperty().bind(run(r -> Format.count(r.records())));
        personsValue.textProperty().bind(run(r -> Format.count(r.persons())));
        comparedValue.textProperty().bind(run(r -> Format.count(r.pairsCompared())));
        linkedValue.textProperty().bind(run(r -> Format.count(r.pairsLinked())));
        queuedValue.textProperty().bind(run(r -> Format.count(r.pairsQueued())));
        flaggedValue.textProperty().bind(run(r -> Format.count(r.clustersFlagged())));
        thresholdsLabel.textProperty().bind(run(MatchViewModel::factsText));
        Visibility.showWhen(thresholdsLabel, vm.runProperty().isNotNull());
        Visibility.showText(cappedLabel, run(MatchViewModel::cappedText));
        tabs.disableProperty().bind(vm.runProperty().isNull());
    }

    private javafx.beans.binding.StringBinding run(Function<LinkRunSummary, String> part) {
        return Bindings.createStringBinding(() -> vm.runProperty().get() == null ? "" : part.apply(vm.runProperty().get()),
                vm.runProperty());
    }

    private void bindQueue() {
        ReviewQueueViewModel q = vm.queue();
        queueTable.setItems(q.pairs());
        Columns.text(qWeightColumn, p -> p.weight() == null ? "" : String.format(Locale.UK, "%+.2f", p.weight()));
        Columns.text(qProbabilityColumn, p -> p.probability() == null ? "" : String.format(Locale.UK, "%.3f", p.probability()));
        Columns.text(qRecordsColumn, p -> name(p.recordA()) + "\n" + name(p.recordB()));
        queueLabel.textProperty().bind(q.queueTextProperty());
        reviewTab.textProperty().bind(Bindings.createStringBinding(
                () -> "Review queue (" + Format.count(q.queuedProperty().get()) + ")", q.queuedProperty()));
        queueTable.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                q.selectedProperty().set(p);
            }
        });
        q.selectedProperty().addListener((o, a, p) -> {
            if (p == null) {
                queueTable.getSelectionModel().clearSelection();
            } else if (p != queueTable.getSelectionModel().getSelectedItem()) {
                queueTable.getSelectionModel().select(p);
                queueTable.scrollTo(Math.max(0, queueTable.getSelectionModel().getSelectedIndex() - 3));
            }
            showPair(p);
        });
        q.waterfallProperty().addListener((o, a, w) -> waterfall.show(w));
        pairPane.visibleProperty().bind(q.selectedProperty().isNotNull());

        acceptButton.setText("Accept: same person  (" + Shortcut.REVIEW_ACCEPT.keysText() + ")");
        acceptButton.setAccessibleText("Accept the pair: the two records are the same person. Key "
                + Shortcut.REVIEW_ACCEPT.keysText());
        rejectButton.setText("Reject: different people  (" + Shortcut.REVIEW_REJECT.keysText() + ")");
        rejectButton.setAccessibleText("Reject the pair: the two records are different people. Key "
                + Shortcut.REVIEW_REJECT.keysText());
        skipButton.setText("Skip  (" + Shortcut.REVIEW_SKIP.keysText() + " or " + Shortcut.REVIEW_SKIP_SPACE.keysText() + ")");
        skipButton.setAccessibleText("Skip the pair for now; it stays in the queue. Key "
                + Shortcut.REVIEW_SKIP.keysText() + " or " + Shortcut.REVIEW_SKIP_SPACE.keysText());
        acceptButton.disableProperty().bind(q.canDecideProperty().not());
        rejectButton.disableProperty().bind(q.canDecideProperty().not());
        skipButton.disableProperty().bind(q.canDecideProperty().not());
        // the review keys act anywhere in the review pane but in a text field
        reviewPane.addEventFilter(KeyEvent.KEY_PRESSED, this::reviewKey);
    }

    private void reviewKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        ReviewQueueViewModel q = vm.queue();
        if (Shortcut.REVIEW_ACCEPT.keys().match(e)) {
            q.accept();
        } else if (Shortcut.REVIEW_REJECT.keys().match(e)) {
            q.reject();
        } else if (Shortcut.REVIEW_SKIP.keys().match(e) || Shortcut.REVIEW_SKIP_SPACE.keys().match(e)) {
            q.skip();
        } else {
            return;
        }
        e.consume();
    }

    private void showPair(PairView p) {
        comparisonGrid.getChildren().clear();
        if (p == null) {
            pairTitle.setText("");
            return;
        }
        ReviewQueueViewModel.Waterfall w = vm.queue().waterfallProperty().get();
        pairTitle.setText(String.format(Locale.UK, "%s and %s: match weight %+.2f, probability %.4f", p.a(), p.b(),
                p.weight() == null ? 0 : p.weight(), p.probability() == null ? 0 : p.probability())
                + (w == null ? "" : "\n" + w.reason()));
        comparisonGrid.add(header(""), 0, 0);
        comparisonGrid.add(header("Record A"), 1, 0);
        comparisonGrid.add(header("Record B"), 2, 0);
        List<ReviewQueueViewModel.FieldComparison> rows = vm.queue().comparison();
        for (int i = 0; i < rows.size(); i++) {
            ReviewQueueViewModel.FieldComparison f = rows.get(i);
            Label name = new Label(f.field());
            name.getStyleClass().add("fact-label");
            comparisonGrid.add(name, 0, i + 1);
            comparisonGrid.add(cell(f.valueA(), f, "A"), 1, i + 1);
            comparisonGrid.add(cell(f.valueB(), f, "B"), 2, i + 1);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("comparison-header");
        return l;
    }

    private static Label cell(String value, ReviewQueueViewModel.FieldComparison f, String which) {
        Label l = new Label(value.isEmpty() ? "—" : value);
        l.getStyleClass().add("comparison-cell");
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(l, Priority.ALWAYS);
        l.pseudoClassStateChanged(DIFFERS, f.differs());
        l.setAccessibleText(f.field() + " of record " + which + ": " + (value.isEmpty() ? "missing" : value)
                + (f.differs() ? ", differs" : ""));
        return l;
    }

    private static String name(NominalRecord r) {
        if (r == null) {
            return "";
        }
        String n = (r.surname() == null ? "" : r.surname().toUpperCase(Locale.ROOT)) + ", "
                + (r.forenames() == null ? "" : r.forenames());
        return n + (r.dateOfBirth() == null ? "" : "  " + r.dateOfBirth());
    }

    private void bindPersons() {
        PersonsViewModel p = vm.persons();
        searchField.textProperty().bindBidirectional(p.queryProperty());
        searchField.setOnAction(e -> p.search());
        resultsLabel.textProperty().bind(p.resultsTextProperty());
        personsTable.setItems(p.results());
        Columns.text(pNameColumn, r -> (r.surname() == null ? "" : r.surname().toUpperCase(Locale.ROOT)) + ", "
                + (r.forenames() == null ? "" : r.forenames()) + under18(r));
        Columns.text(pRecordsColumn, r -> Integer.toString(r.records()));
        Columns.text(pFlagsColumn, PersonsViewModel::flagNames);
        Columns.text(pIdColumn, PersonRow::personId);
        personsTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                p.selectedProperty().set(r);
            }
        });
        p.selectedProperty().addListener((o, a, r) -> {
            if (r == null) {
                personsTable.getSelectionModel().clearSelection();
            } else if (r != personsTable.getSelectionModel().getSelectedItem()) {
                personsTable.getSelectionModel().select(r);
            }
        });
        personPane.visibleProperty().bind(p.clusterProperty().isNotNull());
        personTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = p.clusterProperty().get();
            if (c == null) {
                return "";
            }
            PersonRow r = c.person();
            return r.personId() + ": " + (r.surname() == null ? "" : r.surname().toUpperCase(Locale.ROOT)) + ", "
                    + (r.forenames() == null ? "" : r.forenames())
                    + (r.dateOfBirth() == null ? "" : ", born " + r.dateOfBirth()) + under18(r) + " · "
                    + Format.plural(r.records(), "record", "records");
        }, p.clusterProperty()));
        Visibility.showText(flagsLabel, p.flagsTextProperty());

        recordsTable.setItems(p.records());
        rSplitColumn.setCellValueFactory(c -> {
            BooleanProperty ticked = new SimpleBooleanProperty(p.splitOff().contains(c.getValue().key()));
            ticked.addListener((o, a, b) -> {
                if (b) {
                    p.splitOff().add(c.getValue().key());
                } else {
                    p.splitOff().remove(c.getValue().key());
                }
            });
            return ticked;
        });
        rSplitColumn.setCellFactory(col -> {
            CheckBoxTableCell<NominalRecord, Boolean> cell = new CheckBoxTableCell<>();
            cell.setAccessibleText("Split this record off");
            return cell;
        });
        Columns.text(rSourceColumn, r -> r.key().source());
        Columns.text(rIdColumn, r -> r.key().sourcePersonId());
        Columns.text(rSurnameColumn, NominalRecord::surname);
        Columns.text(rForenamesColumn, NominalRecord::forenames);
        Columns.text(rDobColumn, r -> r.dateOfBirth() == null ? "" : r.dateOfBirth().toString());
        Columns.text(rGenderColumn, NominalRecord::gender);
        Columns.text(rPostcodeColumn, NominalRecord::postcode);
        Columns.text(rPncColumn, NominalRecord::pncId);
        splitButton.disableProperty().bind(p.canSplitProperty().not());

        linksTable.setItems(p.links());
        Columns.text(lAColumn, v -> v.a().toString());
        Columns.text(lBColumn, v -> v.b().toString());
        Columns.text(lStatusColumn, v -> v.status().name());
        Columns.text(lBasisColumn, v -> v.basis() == null ? "" : v.basis().name());
        Columns.text(lWeightColumn, v -> v.weight() == null ? "" : String.format(Locale.UK, "%+.2f", v.weight()));
        Columns.text(lProbabilityColumn, v -> v.probability() == null ? "" : String.format(Locale.UK, "%.4f", v.probability()));
        Columns.text(lOtherColumn, v -> {
            var c = p.clusterProperty().get();
            return c == null ? "" : PersonsViewModel.otherPerson(v, c.person().personId()).orElse("");
        });
        p.records().addListener((ListChangeListener<NominalRecord>) c -> recordsTable.refresh());
    }

    /** " · UNDER 18" for a person under 18 at the snapshot's extract date (children are flagged in every view). */
    private String under18(PersonRow r) {
        var s = vm.snapshotProperty().get();
        if (r.dateOfBirth() == null || s == null || s.extractDate() == null) {
            return "";
        }
        return java.time.Period.between(r.dateOfBirth(), s.extractDate()).getYears() < 18 ? " · UNDER 18" : "";
    }

    private void bindModel() {
        ModelViewModel m = vm.model();
        modelSummaryLabel.textProperty().bind(m.summaryProperty());
        TabRows.whileSelected(levelsTable, modelTab, m.levels());
        Columns.text(mFieldColumn, l -> l.level() == 0 ? l.field().label() : "");
        Columns.text(mLevelColumn, MatchModel.LevelEstimate::name);
        Columns.text(mMColumn, l -> ModelViewModel.probability(l.m()));
        Columns.text(mUColumn, l -> ModelViewModel.probability(l.u()));
        Columns.text(mWeightColumn, l -> l.level() == 0 ? "0" : ModelViewModel.weight(l.weight()));
        histogram.bind(m.bins(), m.thresholdsProperty());
    }

    @FXML
    private void link() {
        vm.link();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void accept() {
        vm.queue().accept();
    }

    @FXML
    private void reject() {
        vm.queue().reject();
    }

    @FXML
    private void skip() {
        vm.queue().skip();
    }

    @FXML
    private void split() {
        var c = vm.persons().clusterProperty().get();
        if (c == null || !vm.persons().canSplitProperty().get()) {
            return;
        }
        List<String> part = vm.persons().splitOff().stream().sorted().map(Object::toString).toList();
        ButtonType split = new ButtonType("Split off " + Format.plural(part.size(), "record", "records"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep the person as it is", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", split, keep);
        alert.setTitle("IOM Workbench");
        alert.setHeaderText("Split " + String.join(", ", part) + " off person " + c.person().personId() + "?");
        alert.setContentText("The ticked records become a person of their own, and the links that joined them to the "
                + "rest are rejected. The decision is stored and audited, and every later link run keeps it.");
        Appearance.matchWindow(alert, splitButton.getScene().getWindow());
        ((Button) alert.getDialogPane().lookupButton(split)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        if (alert.showAndWait().orElse(keep) == split) {
            vm.persons().split();
        }
    }

    /** Runs the link (the Link shortcut, from the menu). */
    public void runLink() {
        vm.link();
    }

    /** Puts the keyboard in the review queue, where A, R and S act. */
    public void focusQueue() {
        tabs.getSelectionModel().select(reviewTab);
        queueTable.requestFocus();
    }

    /** True while a link run is going: quitting then cancels it. */
    public javafx.beans.property.ReadOnlyBooleanProperty linkingProperty() {
        return vm.linkingProperty();
    }

    private static final class SnapshotCell extends ListCell<Snapshot> {
        @Override
        protected void updateItem(Snapshot s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : MatchViewModel.title(s));
        }
    }
}
