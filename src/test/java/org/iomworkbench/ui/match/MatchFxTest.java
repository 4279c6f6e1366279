package org.iomworkbench.ui.match;

import org.iomworkbench.Fixtures;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.PairStatus;
import org.iomworkbench.core.link.PairView;
import org.iomworkbench.core.link.ReviewDecision;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.ui.WorkbenchApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.iomworkbench.ui.WorkbenchFxTest;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Match & merge in the whole application, headless: link a loaded snapshot with the Link
 * shortcut, then accept the first queued pair from the keyboard.
 */
class MatchFxTest extends WorkbenchFxTest {
    @TempDir
    Path dir;
    private Path workspace;

    @BeforeEach
    void prepare() throws Exception {
        Fixtures.headlessSettings(dir);
        // a small generated extract, loaded before the app opens the workspace
        Path extract = dir.resolve("extract");
        GeneratorParameters g = Fixtures.generatedExtract(extract, 600, 11);
        workspace = dir.resolve("ws");
        try (Workspace ws = Workspace.open(workspace)) {
            new ExtractLoader(ws).load(extract, g.end, Progress.NONE, Cancellation.none());
        }
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void linkingThenAcceptingAQueuedPairFromTheKeyboard() throws Exception {
        app = FxToolkit.setupApplication(WorkbenchApp.class, "--workspace", workspace.toString(), "--view", "match");
        waitUntil("the snapshot is read", () -> text("#statusLabel").startsWith("Snapshot 1 has not been linked yet."));

        focusWindow();
        push(KeyCode.CONTROL, KeyCode.K);
        waitUntil("the run is shown", () -> text("#statusLabel").startsWith("Link run 1 of snapshot 1"));
        waitUntil("the queue is read", () -> text("#queueLabel").endsWith("for review, highest match weight first."));
        int queued = queueSize();
        assertThat(queued).isPositive();
        assertThat(text("#queuedValue")).isEqualTo(Integer.toString(queued));
        PairView first = onFx(() -> queueTable().getSelectionModel().getSelectedItem());
        assertThat(first).isNotNull();
        assertThat(onFx(() -> queueTable().getItems().get(0))).isEqualTo(first);
        assertThat(text("#acceptButton")).isEqualTo("Accept: same person  (A)");

        // under Monocle the stage is not focused by itself: put the keyboard in the queue first
        interact(() -> queueTable().requestFocus());
        push(KeyCode.A);
        waitUntil("the pair has left the queue", () -> queueSize() == queued - 1);
        assertThat(onFx(() -> queueTable().getItems().stream()
                .noneMatch(p -> p.a().equals(first.a()) && p.b().equals(first.b())))).isTrue();
        waitUntil("the decision is reported", () -> text("#noticeLabel").startsWith("Accepted: " + first.a() + " and " + first.b()));
        assertThat(text("#queueLabel")).startsWith((queued - 1) + " pair");

        // the decision is in the workspace once the app has let it go
        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workspace ws = Workspace.open(workspace)) {
            Snapshot s = new SnapshotStore(ws).resolve(null);
            assertThat(new ReviewDecisions(ws).list()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(ReviewDecision.Kind.ACCEPT);
                assertThat(List.of(d.a(), d.b())).containsExactly(first.a(), first.b());
            });
            assertThat(new LinkStore(ws).pair(s, first.a(), first.b()).orElseThrow().status()).isEqualTo(PairStatus.LINKED);
            assertThat(new LinkStore(ws).countPairs(s, PairStatus.QUEUED)).isEqualTo(queued - 1);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<PairView> queueTable() {
        return (TableView<PairView>) lookup("#queueTable").queryAs(TableView.class);
    }

    private int queueSize() throws Exception {
        return onFx(() -> queueTable().getItems().size());
    }
}
