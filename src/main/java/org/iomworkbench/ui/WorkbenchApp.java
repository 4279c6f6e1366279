package org.iomworkbench.ui;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.iomworkbench.ui.audit.AuditController;
import org.iomworkbench.ui.audit.AuditViewModel;
import org.iomworkbench.ui.common.Appearance;
import org.iomworkbench.ui.common.ErrorDialog;
import org.iomworkbench.ui.common.Fxml;
import org.iomworkbench.ui.common.FxmlView;
import org.iomworkbench.ui.common.FxStallMonitor;
import org.iomworkbench.ui.common.FxTaskRunner;
import org.iomworkbench.ui.common.Settings;
import org.iomworkbench.ui.common.SettingsStore;
import org.iomworkbench.ui.common.WorkspaceSession;
import org.iomworkbench.ui.data.DataController;
import org.iomworkbench.ui.data.DataViewModel;
import org.iomworkbench.ui.match.MatchController;
import org.iomworkbench.ui.match.MatchViewModel;
import org.iomworkbench.ui.score.ScoresController;
import org.iomworkbench.ui.score.ScoresViewModel;
import org.iomworkbench.ui.model.ModelsController;
import org.iomworkbench.ui.model.ModelsViewModel;
import org.iomworkbench.ui.validation.ValidationController;
import org.iomworkbench.ui.validation.ValidationViewModel;
import org.iomworkbench.ui.shell.Destination;
import org.iomworkbench.ui.shell.HelpController;
import org.iomworkbench.ui.shell.HelpViewModel;
import org.iomworkbench.ui.shell.LaunchOptions;
import org.iomworkbench.ui.shell.PlannedStepController;
import org.iomworkbench.ui.shell.ShellController;
import org.iomworkbench.ui.shell.ShellViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The desktop application: builds the view models and views, opens the workspace and shows the
 * main window. Arguments: {@code --workspace DIR}, {@code --sample-data}, {@code --view NAME}
 * (see {@link LaunchOptions}); the settings folder is {@code ~/.iom-workbench} unless the system
 * property {@code iom.settings.dir} names another.
 */
public final class WorkbenchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private FxTaskRunner runner;
    private FxStallMonitor stalls;
    private ShellViewModel shell;
    private Stage stage;

    public static void launchWith(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        options.problems().forEach(p -> LOG.warn("Ignoring an argument: {}", p));

        ErrorDialog errors = new ErrorDialog(() -> stage, () -> shell.logFile(), () -> shell.settings());
        runner = new FxTaskRunner(errors);
        stalls = new FxStallMonitor().start();
        Clock clock = Clock.systemDefaultZone();
        WorkspaceSession session = new WorkspaceSession();
        shell = new ShellViewModel(session, runner, SettingsStore.standard());
        DataViewModel data = new DataViewModel(session, runner, clock);

        Map<Destination, Parent> views = new EnumMap<>(Destination.class);
        DataController dataController = new DataController(data);
        views.put(Destination.DATA, Fxml.load(FxmlView.DATA, dataController));
        MatchController matchController = new MatchController(new MatchViewModel(session, runner));
        views.put(Destination.MATCH, Fxml.load(FxmlView.MATCH, matchController));
        ScoresViewModel scores = new ScoresViewModel(session, runner);
        scores.shownProperty().bind(shell.currentProperty().isEqualTo(Destination.SCORES));
        views.put(Destination.SCORES, Fxml.load(FxmlView.SCORES, new ScoresController(scores)));
        ModelsViewModel models = new ModelsViewModel(session, runner);
        ValidationViewModel validation = new ValidationViewModel(session, runner);
        models.setOpenValidation(() -> {
            validation.runProperty().set(models.selectedProperty().get());
            shell.go(Destination.VALIDATION);
        });
        views.put(Destination.MODELS, Fxml.load(FxmlView.MODELS, new ModelsController(models)));
        views.put(Destination.VALIDATION, Fxml.load(FxmlView.VALIDATION, new ValidationController(validation)));
        views.put(Destination.PUBLISH, Fxml.load(FxmlView.PUBLISH,
                new org.iomworkbench.ui.publish.PublishController(new org.iomworkbench.ui.publish.PublishViewModel(session, runner))));
        AuditViewModel audit = new AuditViewModel(session, runner, clock);
        audit.shownProperty().bind(shell.currentProperty().isEqualTo(Destination.AUDIT));
        views.put(Destination.AUDIT, Fxml.load(FxmlView.AUDIT, new AuditController(audit)));
        views.put(Destination.HELP, Fxml.load(FxmlView.HELP, new HelpController(new HelpViewModel(shell))));
        for (Destination d : Destination.values()) {
            if (d.isPlanned()) {
                views.put(d, Fxml.load(FxmlView.PLANNED_STEP, new PlannedStepController(d)));
            }
        }
        ShellController shellController = new ShellController(shell, views, dataController, matchController);
        Parent root = Fxml.load(FxmlView.SHELL, shellController);

        Settings settings = shell.settings();
        Settings.WindowBounds w = settings.window();
        Scene scene = new Scene(root);
        Appearance.apply(scene, settings);
        shell.settingsProperty().addListener((o, a, s) -> Appearance.apply(scene, s));
        stage.setScene(scene);
        stage.setTitle("IOM Workbench");
        try (java.io.InputStream icon = WorkbenchApp.class.getResourceAsStream("/icon/iom-workbench.png")) {
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        } catch (java.io.IOException e) {
            LOG.debug("No window icon", e);
        }
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        // the window's size as remembered, decorations included, as stop() reads it
        stage.setWidth(w.width());
        stage.setHeight(w.height());
        // a window remembered on a screen that is no longer attached is left to the window manager
        if (w.placed() && !Screen.getScreensForRectangle(w.x(), w.y(), w.width(), w.height()).isEmpty()) {
            stage.setX(w.x());
            stage.setY(w.y());
        }
        stage.setMaximized(w.maximized());
        shellController.attach(stage);
        shellController.prepareViews();
        shell.go(options.view());
        stage.show();

        shell.openWorkspace(shell.startWorkspace(options), () -> {
            if (options.sampleData()) {
                data.load().loadSample(true);
            }
        });
    }

    /** The task runner, for tests and benchmarks that wait until the background work is done. */
    public FxTaskRunner taskRunner() {
        return runner;
    }

    /** How long the FX thread has been blocked (each stall over 100 ms is also logged). */
    public FxStallMonitor stallMonitor() {
        return stalls;
    }

    @Override
    public void stop() {
        if (shell == null) {
            return;
        }
        Settings.WindowBounds before = shell.settings().window();
        // a maximised window keeps the size it returns to when un-maximised
        shell.rememberWindow(stage.isMaximized()
                ? new Settings.WindowBounds(before.x(), before.y(), before.width(), before.height(), true)
                : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        runner.close();
        stalls.close();
        shell.closeWorkspace();
    }
}
