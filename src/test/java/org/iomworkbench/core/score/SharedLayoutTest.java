package org.iomworkbench.core.score;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.link.ClusterView;
import org.iomworkbench.core.link.LinkParameters;
import org.iomworkbench.core.link.LinkRun;
import org.iomworkbench.core.link.LinkStore;
import org.iomworkbench.core.link.RecordKey;
import org.iomworkbench.core.link.ReviewDecisions;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.model.data.ModelData;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A linked snapshot's layout is read once and shared by the stages that follow, and read again
 * as soon as an audited change could alter it (a review decision, a link run), never served stale.
 */
class SharedLayoutTest {
    @TempDir
    Path tmp;

    @Test
    void theLayoutIsReadOnceAndAgainAfterAChangeToWhoIsWho() {
        Path extract = tmp.resolve("extract");
        Fixtures.generatedExtract(extract, 400, 3);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = Fixtures.loadAndLink(ws, extract, LocalDate.of(2024, 12, 31));
            ScoreData first = ScoreData.loadShared(ws, s);
            assertThat(ScoreData.loadShared(ws, s)).isSameAs(first);
            ModelData md = ModelData.load(ws, s);
            assertThat(md.score()).isSameAs(first);
            assertThat(ModelData.load(ws, s)).isSameAs(md);
            // an audited change that is not about who is who (a retention setting) keeps it
            new org.iomworkbench.core.load.Retention(ws).setPeriodDays(200);
            assertThat(ScoreData.loadShared(ws, s)).isSameAs(first);

            // the analyst splits a person of several records: read again, one person more
            LinkStore store = new LinkStore(ws);
            String pid = store.personMap(s).values().stream()
                    .filter(p -> store.cluster(s, p).orElseThrow().records().size() >= 2).findFirst().orElseThrow();
            ClusterView c = store.cluster(s, pid).orElseThrow();
            RecordKey one = c.records().get(0).key();
            new ReviewDecisions(ws).split(s, pid, List.of(one));
            ScoreData afterSplit = ScoreData.loadShared(ws, s);
            assertThat(afterSplit).isNotSameAs(first);
            assertThat(afterSplit.persons()).isEqualTo(first.persons() + 1);
            assertThat(afterSplit.persons()).isEqualTo(ScoreData.load(ws, s).persons());
            assertThat(ModelData.load(ws, s)).isNotSameAs(md);
            assertThat(ModelData.load(ws, s).score()).isSameAs(afterSplit);

            // a new link run: read again
            new LinkRun(ws, new LinkParameters()).run(s, Progress.NONE, Cancellation.none());
            assertThat(ScoreData.loadShared(ws, s)).isNotSameAs(afterSplit);
        }
    }
}
