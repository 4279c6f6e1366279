package org.iomworkbench.ui.shell;

import org.iomworkbench.core.workspace.Workspace;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.iomworkbench.app.Version;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.Shortcut;
import org.iomworkbench.ui.common.Theme;
import org.iomworkbench.ui.data.DataController;
import org.iomworkbench.ui.match.MatchController;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Binds the main window: menus (their accelerators from {@link Shortcut}), the workflow
 * navigation, the view of the current step and the status bar.
 */
public final class ShellController {
    private final ShellViewModel vm;
    private final Map<Destination, Parent> views;
    private final DataController data;
    private final MatchController match;
    @FXML
    private ListView<Destination> nav;
    @FXML
    private StackPane content;
    @FXML
    private Menu goMenu;
    @FXML
    private MenuItem loadItem;
    @FXML
    private MenuItem linkItem;
    @FXML
    private MenuItem openWorkspaceItem;
    @FXML
    private MenuItem quitItem;
    @FXML
    private MenuItem filterItem;
    @FXML
    private CheckMenuItem darkItem;
    @FXML
    private MenuItem biggerItem;
    @FXML
    private MenuItem smallerItem;
    @FXML
    private MenuItem resetFontItem;
    @FXML
    private MenuItem helpItem;
    @FXML
    private Button helpButton;
    @FXML
    private Label workspaceLabel;
    @FXML
    private Label versionLabel;

    /**
     * @param views the view of every destination
     * @param data  the Data view, which the Load and Filter shortcuts act on
     * @param match the Match & merge view, which the Link shortcut acts on
     */
    public ShellController(ShellViewModel vm, Map<Destination, Parent> views, DataController data, MatchController match) {
        this.vm = vm;
        this.views = Map.copyOf(views);
        this.data = data;
        this.match = match;
    }

    @FXML
    private void initialize() {
        vm.setPasswordPrompt(dir -> {
            javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
            d.setTitle("Encrypted workspace");
            d.setHeaderText("The workspace " + dir + " is encrypted. Give its password.");
            javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
            field.setAccessibleText("Password of the encrypted workspace");
            d.getDialogPane().setContent(field);
            d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
            d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? field.getText() : null);
            javafx.application.Platform.runLater(field::requestFocus);
            return d.showAndWait().map(String::toCharArray).orElse(null);
        });
        for (Destination d : Destination.workflow()) {
            MenuItem item = new MenuItem(d.step() + "  " + d.title());
            item.setAccelerator(d.shortcut().keys());
            item.setOnAction(e -> vm.go(d));
            goMenu.getItems().add(item);
        }
        loadItem.setAccelerator(Shortcut.LOAD.keys());
        filterItem.setAccelerator(Shortcut.FILTER.keys());
        linkItem.setAccelerator(Shortcut.LINK.keys());
        linkItem.disableProperty().bind(match.linkingProperty());
        openWorkspaceItem.setAccelerator(Shortcut.OPEN_WORKSPACE.keys());
        quitItem.setAccelerator(Shortcut.QUIT.keys());
        darkItem.setAccelerator(Shortcut.TOGGLE_THEME.keys());
        biggerItem.setAccelerator(Shortcut.FONT_BIGGER.keys());
        smallerItem.setAccelerator(Shortcut.FONT_SMALLER.keys());
        resetFontItem.setAccelerator(Shortcut.FONT_RESET.keys());
        helpItem.setAccelerator(Shortcut.HELP.keys());
        openWorkspaceItem.disableProperty().bind(vm.openingProperty().or(data.busyProperty()).or(match.linkingProperty()));

        darkItem.setSelected(vm.settings().theme() == Theme.DARK);
        vm.settingsProperty().addListener((o, a, s) -> darkItem.setSelected(s.theme() == Theme.DARK));

        nav.getItems().setAll(Destination.workflow());
        helpButton.setText("Help and shortcuts  (" + Shortcut.HELP.keysText() + ")");
        nav.setCellFactory(list -> new StepCell());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                vm.go(d);
            }
        });
        vm.currentProperty().addListener((o, a, d) -> show(d));
        show(vm.currentProperty().get());

        workspaceLabel.textProperty().bind(vm.workspaceTextProperty());
        versionLabel.setText("IOM Workbench " + Version.get());
    }

    private void show(Destination d) {
        content.getChildren().setAll(views.get(d));
        if (d.isWorkflowStep()) {
            nav.getSelectionModel().select(d);
        } else {
            nav.getSelectionModel().clearSelection();
        }
    }

    @FXML
    private void load() {
        vm.go(Destination.DATA);
        data.chooseFolder();
    }

    @FXML
    private void filter() {
        vm.go(Destination.DATA);
        data.focusFilter();
    }

    @FXML
    private void link() {
        vm.go(Destination.MATCH);
        match.runLink();
    }

    @FXML
    private void openWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open or create a workspace folder");
        Path start = vm.workspaceParent();
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File dir = chooser.showDialog(window());
        if (dir != null) {
            java.nio.file.Path chosen = dir.toPath();
            if (!java.nio.file.Files.exists(chosen.resolve(Workspace.DB_NAME + ".mv.db"))) {
                // a new workspace: it may be encrypted at rest with a password chosen now
                javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
                d.setTitle("New workspace");
                d.setHeaderText("A new workspace will be created in " + chosen + ". To encrypt it at rest, choose a "
                        + "password (it cannot be recovered); leave both empty for none.");
                javafx.scene.control.PasswordField first = new javafx.scene.control.PasswordField();
                javafx.scene.control.PasswordField again = new javafx.scene.control.PasswordField();
                first.setAccessibleText("Password");
                again.setAccessibleText("The password again");
                javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
                g.setHgap(8);
                g.setVgap(8);
                g.addRow(0, new javafx.scene.control.Label("password"), first);
                g.addRow(1, new javafx.scene.control.Label("again"), again);
                d.getDialogPane().setContent(g);
                d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
                javafx.scene.Node ok = d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
                ok.disableProperty().bind(first.textProperty().isNotEqualTo(again.textProperty()));
                d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? first.getText() : null);
                java.util.Optional<String> pw = d.showAndWait();
                if (pw.isEmpty()) {
                    return;
                }
                vm.openWorkspace(chosen, pw.get().isEmpty() ? null : pw.get().toCharArray(), () -> vm.go(Destination.DATA));
                return;
            }
            vm.openWorkspace(chosen, () -> vm.go(Destination.DATA));
        }
    }

    @FXML
    private void quit() {
        Window w = window();
        // as if the window's close button was pressed, so a running load is asked about
        w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    @FXML
    private void toggleTheme() {
        vm.toggleTheme();
    }

    @FXML
    private void biggerFont() {
        vm.biggerFont();
    }

    @FXML
    private void smallerFont() {
        vm.smallerFont();
    }

    @FXML
    private void resetFont() {
        vm.resetFont();
    }

    @FXML
    private void help() {
        vm.go(Destination.HELP);
    }

    /** For the application: the stage whose close is confirmed. */
    /**
     * Skins and styles every view once, in the window's own scene, before the window shows: each
     * is put in the content area in turn and laid out, then the current view is put back. The
     * first visit to a step then finds its controls built and its styles resolved, instead of
     * blocking the window for the hundreds of milliseconds that JavaFX takes the first time.
     */
    public void prepareViews() {
        Parent root = content.getScene() == null ? null : content.getScene().getRoot();
        if (root == null) {
            return;
        }
        List<Node> current = List.copyOf(content.getChildren());
        for (Parent v : views.values()) {
            if (!current.contains(v)) {
                content.getChildren().setAll(v);
                root.applyCss();
                root.layout();
            }
        }
        content.getChildren().setAll(current);
    }

    public void attach(Stage stage) {
        stage.setOnCloseRequest(this::confirmClose);
    }

    /**
     * Asks before closing the window while a load runs; cancelling it then leaves nothing behind
     * (what the cancel cannot undo in time is removed when the workspace next opens).
     */
    private void confirmClose(WindowEvent event) {
        if (!data.busyProperty().get()) {
            return;
        }
        ButtonType quit = new ButtonType("Cancel the load and quit", ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType("Keep working", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "A load is still running. If you quit now it is cancelled and nothing of it is kept.", quit, stay);
        alert.setTitle("IOM Workbench");
        alert.setHeaderText("Quit while loading?");
        Appearance.matchWindow(alert, window());
        if (alert.showAndWait().orElse(stay) == quit) {
            data.cancelLoad();
        } else {
            event.consume();
        }
    }

    private Window window() {
        return content.getScene().getWindow();
    }

    /** A workflow step in the navigation: its number, its name and, if not built yet, a "planned" tag. */
    private static final class StepCell extends ListCell<Destination> {
        @Override
        protected void updateItem(Destination d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            Label number = new Label(Integer.toString(d.step()));
            number.getStyleClass().add("step-number");
            Label title = new Label(d.title());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox box = new HBox(number, title, gap);
            box.getStyleClass().add("step-cell");
            if (d.isPlanned()) {
                Label planned = new Label("planned");
                planned.getStyleClass().add("planned-tag");
                box.getChildren().add(planned);
            }
            setText(null);
            setGraphic(box);
            setAccessibleText("Step " + d.step() + ", " + d.title() + (d.isPlanned() ? ", not built yet" : "")
                    + ", " + d.shortcut().keysText());
        }
    }
}
