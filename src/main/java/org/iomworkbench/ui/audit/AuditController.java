package org.iomworkbench.ui.audit;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.iomworkbench.core.audit.AuditEntry;
import org.iomworkbench.ui.common.Columns;
import org.iomworkbench.ui.common.Format;

import java.util.Locale;

/** Binds the Audit view to its {@link AuditViewModel}. */
public final class AuditController {
    private final AuditViewModel vm;
    @FXML
    private Label statusLabel;
    @FXML
    private Button verifyButton;
    @FXML
    private javafx.scene.control.TextField filterField;
    @FXML
    private TableView<AuditEntry> entriesTable;
    @FXML
    private TableColumn<AuditEntry, String> seqColumn;
    @FXML
    private TableColumn<AuditEntry, String> timeColumn;
    @FXML
    private TableColumn<AuditEntry, String> userColumn;
    @FXML
    private TableColumn<AuditEntry, String> commandColumn;
    @FXML
    private TableColumn<AuditEntry, String> actionColumn;
    @FXML
    private TableColumn<AuditEntry, String> detailsColumn;
    @FXML
    private TextArea detailsArea;

    public AuditController(AuditViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(vm.statusProperty());
        vm.stateProperty().addListener((o, a, s) -> showState(s));
        showState(vm.stateProperty().get());
        verifyButton.disableProperty().bind(vm.readingProperty());
        javafx.collections.transformation.FilteredList<org.iomworkbench.core.audit.AuditEntry> shown =
                new javafx.collections.transformation.FilteredList<>(vm.entries());
        filterField.textProperty().addListener((o, a, text) -> shown.setPredicate(AuditViewModel.matching(text)));
        entriesTable.setItems(shown);
        Columns.text(seqColumn, e -> Long.toString(e.seq()));
        Columns.text(timeColumn, e -> Format.localTime(e.at()));
        Columns.text(userColumn, AuditEntry::osUser);
        Columns.text(commandColumn, AuditEntry::command);
        Columns.text(actionColumn, AuditEntry::action);
        Columns.text(detailsColumn, AuditEntry::details);
        entriesTable.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> vm.selectedProperty().set(e));
        vm.selectedProperty().addListener((o, a, e) -> {
            if (e != entriesTable.getSelectionModel().getSelectedItem()) {
                entriesTable.getSelectionModel().select(e);
            }
        });
        detailsArea.textProperty().bind(vm.selectedDetailsProperty());
    }

    private void showState(AuditViewModel.State state) {
        statusLabel.getStyleClass().removeIf(c -> c.startsWith("audit-"));
        statusLabel.getStyleClass().add("audit-" + state.name().toLowerCase(Locale.ROOT));
    }


    @FXML
    private void verify() {
        vm.verify();
    }
}
