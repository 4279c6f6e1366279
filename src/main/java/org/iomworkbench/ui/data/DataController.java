package org.iomworkbench.ui.data;

import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;
import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;
import org.iomworkbench.ui.common.Visibility;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Binds the Data view to its {@link DataViewModel}; dialogs and choosers live here, decisions there. */
public final class DataController {
    private final DataViewModel vm;
    @FXML
    private TextField folderField;
    @FXML
    private Button chooseButton;
    @FXML
    private DatePicker datePicker;
    @FXML
    private Button loadButton;
    @FXML
    private HBox progressBox;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private Label progressDetailLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Label noticeLabel;
    @FXML
    private ListView<Snapshot> snapshotList;
    @FXML
    private Button disposeButton;
    @FXML
    private Button eraseButton;
    @FXML
    private VBox emptyState;
    @FXML
    private Button sampleButton;
    @FXML
    private VBox detailPane;
    @FXML
    private Label snapshotTitle;
    @FXML
    private Label rowsReadValue;
    @FXML
    private Label acceptedValue;
    @FXML
    private Label rejectedValue;
    private static final javafx.css.PseudoClass HAS_REJECTIONS = javafx.css.PseudoClass.getPseudoClass("has-rejections");
    @FXML
    private Label extractDateValue;
    @FXML
    private Label loadedValue;
    @FXML
    private Label folderValue;
    @FXML
    private Label harmIndexValue;
    @FXML
    private Label fingerprintValue;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab tablesTab;
    @FXML
    private Tab rejectionsTab;
    @FXML
    private TableView<FileSummary> filesTable;
    @FXML
    private TableColumn<FileSummary, String> fileColumn;
    @FXML
    private TableColumn<FileSummary, String> readColumn;
    @FXML
    private TableColumn<FileSummary, String> acceptedColumn;
    @FXML
    private TableColumn<FileSummary, String> rejectedColumn;
    @FXML
    private TableColumn<FileSummary, String> sizeColumn;
    @FXML
    private TableColumn<FileSummary, String> checksumColumn;
    @FXML
    private TableColumn<FileSummary, String> extraColumn;
    @FXML
    private ComboBox<String> tableChoice;
    @FXML
    private TextField filterField;
    @FXML
    private Label tableStatus;
    @FXML
    private TableView<Row> browserTable;
    @FXML
    private TextField rejectionFilterField;
    @FXML
    private Label rejectionStatus;
    @FXML
    private Button exportButton;
    @FXML
    private TableView<Row> rejectionsTable;

    public DataController(DataViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        bindLoad();
        bindSnapshots();
        bindSummary();
        bindFiles();
        BrowserTable.bind(vm.tables(), browserTable, filterField, tableStatus, tablesTab);
        BrowserTable.bind(vm.rejections(), rejectionsTable, rejectionFilterField, rejectionStatus, rejectionsTab);
        tableChoice.getItems().setAll(DataViewModel.tableNames());
        tableChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String table) {
                return BrowserViewModel.label(table);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        tableChoice.valueProperty().bindBidirectional(vm.tables().tableProperty());
        exportButton.disableProperty().bind(vm.canExportProperty().not());
        rejectionsTab.textProperty().bind(vm.summary(s -> "Rejections (" + Format.count(s.rowsRejected()) + ")"));
    }

    private void bindLoad() {
        LoadViewModel load = vm.load();
        folderField.textProperty().bindBidirectional(load.folderProperty());
        // ISO dates, as in the extract files and everywhere else in the workbench
        datePicker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        datePicker.setPromptText("yyyy-mm-dd");
        datePicker.valueProperty().bindBidirectional(load.extractDateProperty());
        folderField.disableProperty().bind(load.runningProperty());
        chooseButton.disableProperty().bind(load.runningProperty());
        datePicker.disableProperty().bind(load.runningProperty());
        loadButton.disableProperty().bind(load.canLoadProperty().not());
        Visibility.showWhen(progressBox, load.runningProperty());
        progressBar.progressProperty().bind(load.progressProperty());
        progressLabel.textProperty().bind(load.progressMessageProperty());
        progressDetailLabel.textProperty().bind(load.progressDetailProperty());
        Visibility.showText(noticeLabel, vm.noticeProperty());
    }

    private void bindSnapshots() {
        snapshotList.setItems(vm.snapshots());
        snapshotList.setCellFactory(list -> new SnapshotCell());
        snapshotList.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.selectedProperty().set(s);
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> {
            if (s == null) {
                snapshotList.getSelectionModel().clearSelection();
            } else {
                snapshotList.getSelectionModel().select(s);
            }
        });
        disposeButton.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        eraseButton.disableProperty().bind(vm.busyProperty());
        sampleButton.disableProperty().bind(vm.busyProperty());
        Visibility.showWhen(emptyState, vm.emptyProperty());
        Visibility.showWhen(detailPane, vm.selectedProperty().isNotNull());
    }

    private void bindSummary() {
        snapshotTitle.textProperty().bind(vm.summary(DataViewModel::title));
        rowsReadValue.textProperty().bind(vm.summary(s -> Format.count(s.rowsRead())));
        acceptedValue.textProperty().bind(vm.summary(s -> Format.count(s.rowsAccepted())));
        rejectedValue.textProperty().bind(vm.summary(s -> Format.count(s.rowsRejected())));
        rejectedValue.textProperty().addListener((obs, old, text) -> rejectedValue.pseudoClassStateChanged(
                HAS_REJECTIONS, text != null && !text.isEmpty() && !text.equals("0")));
        extractDateValue.textProperty().bind(vm.summary(s -> s.extractDate().toString()));
        loadedValue.textProperty().bind(vm.summary(s -> Format.localTime(s.createdAt())));
        folderValue.textProperty().bind(vm.summary(Snapshot::sourceFolder));
        harmIndexValue.textProperty().bind(vm.summary(DataViewModel::harmIndexSource));
        fingerprintValue.textProperty().bind(vm.summary(Snapshot::fingerprint));
    }

    private void bindFiles() {
        filesTable.setItems(vm.files());
        Columns.text(fileColumn, FileSummary::fileName);
        Columns.text(readColumn, f -> Format.count(f.rowsRead()));
        Columns.text(acceptedColumn, f -> Format.count(f.rowsAccepted()));
        Columns.text(rejectedColumn, f -> Format.count(f.rowsRejected()));
        Columns.text(sizeColumn, f -> Format.bytes(f.bytes()));
        Columns.text(checksumColumn, FileSummary::sha256);
        Columns.text(extraColumn, FileSummary::extraColumns);
        // the checksum and unknown-column lists keep their set widths; the rest follow the text size
        List<TableColumn<FileSummary, ?>> fitted = List.of(fileColumn, readColumn, acceptedColumn, rejectedColumn, sizeColumn);
        Runnable fit = () -> Columns.fitToContent(fitted, vm.files(), extractDateValue.getFont());
        vm.files().addListener((ListChangeListener<FileSummary>) c -> fit.run());
        extractDateValue.fontProperty().addListener((o, a, f) -> fit.run());
    }

    @FXML
    private void load() {
        vm.load().load();
    }

    @FXML
    private void loadSample() {
        vm.load().loadSample(false);
    }

    @FXML
    private void cancel() {
        vm.load().cancel();
    }

    /** Opens the folder chooser; a chosen folder is put in the field, ready to load. */
    @FXML
    public void chooseFolder() {
        if (vm.load().runningProperty().get()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the extract folder");
        Path start = vm.load().typedFolder();
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File dir = chooser.showDialog(window());
        if (dir != null) {
            vm.load().folderProperty().set(dir.getAbsolutePath());
            loadButton.requestFocus();
        }
    }

    /** Shows the Tables tab with the cursor in its filter. */
    public void focusFilter() {
        if (vm.selectedProperty().get() == null) {
            return;
        }
        tabs.getSelectionModel().select(tablesTab);
        filterField.requestFocus();
        filterField.selectAll();
    }

    public BooleanBinding busyProperty() {
        return vm.busyProperty();
    }

    public void cancelLoad() {
        vm.load().cancel();
    }

    @FXML
    private void erase() {
        javafx.scene.control.Dialog<String[]> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Erase a source record");
        d.setHeaderText("Right to erasure: the record is removed from every snapshot that holds it, what it touched is "
                + "linked and scored again, and its names leave the workspace's files. This cannot be undone.");
        javafx.scene.control.TextField source = new javafx.scene.control.TextField();
        source.setPromptText("CRIMES, CUSTODY, DIP, …");
        javafx.scene.control.TextField id = new javafx.scene.control.TextField();
        id.setPromptText("source_person_id");
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("source system"), source);
        g.addRow(1, new Label("record id"), id);
        d.getDialogPane().setContent(g);
        javafx.scene.control.ButtonType eraseType = new javafx.scene.control.ButtonType("Erase",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(eraseType, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == eraseType ? new String[]{source.getText(), id.getText()} : null);
        d.showAndWait().ifPresent(r -> vm.erase(r[0], r[1]));
    }

    @FXML
    private void dispose() {
        Snapshot s = vm.selectedProperty().get();
        if (s == null) {
            return;
        }
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("IOM Workbench");
        dialog.setHeaderText("Dispose of snapshot " + s.id() + "?");
        ButtonType confirm = new ButtonType("Dispose of snapshot " + s.id(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        TextField reason = new TextField();
        reason.setPromptText("for example: retention period ended");
        reason.setAccessibleText("Reason for disposing of the snapshot");
        Label explain = new Label("Snapshot " + s.id() + " (extract " + s.extractDate() + ", "
                + Format.plural(s.rowsAccepted(), "row", "rows") + ") and all its data will be removed from this "
                + "workspace. This cannot be undone. The audit trail records the disposal; it keeps only a hash "
                + "of the reason, never its words.");
        explain.setWrapText(true);
        explain.setMaxWidth(480);
        Label reasonLabel = new Label("Reason:");
        reasonLabel.setLabelFor(reason);
        dialog.getDialogPane().setContent(new VBox(10, explain, reasonLabel, reason));
        Appearance.matchWindow(dialog, window());
        ((Button) dialog.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        dialog.setResultConverter(b -> b == confirm ? reason.getText() : null);
        dialog.showAndWait().ifPresent(r -> vm.dispose(s, r));
    }

    @FXML
    private void exportRejections() {
        Snapshot s = vm.selectedProperty().get();
        if (s == null) {
            return;
        }
        Path suggested = vm.suggestedExport(s);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the rejections of snapshot " + s.id());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        if (suggested.getParent() != null && Files.isDirectory(suggested.getParent())) {
            chooser.setInitialDirectory(suggested.getParent().toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        File out = chooser.showSaveDialog(window());
        if (out != null) {
            vm.exportRejections(s, out.toPath());
        }
    }

    private Window window() {
        return folderField.getScene().getWindow();
    }

    /** A snapshot in the list: which, the extract's date and its size, a line each. */
    private final class SnapshotCell extends ListCell<Snapshot> {
        @Override
        protected void updateItem(Snapshot s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            List<String> lines = vm.listLines(s);
            VBox box = new VBox(2);
            for (String line : lines) {
                Label l = new Label(line);
                l.getStyleClass().add(box.getChildren().isEmpty() ? "snapshot-title" : "snapshot-subtitle");
                box.getChildren().add(l);
            }
            setText(null);
            setGraphic(box);
            setTooltip(new Tooltip("Loaded " + Format.localTime(s.createdAt()) + " from " + s.sourceFolder()));
            setAccessibleText(String.join(", ", lines));
        }
    }
}
