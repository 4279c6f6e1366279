package org.iomworkbench.core.link;

import org.iomworkbench.Fixtures;
import org.iomworkbench.core.generate.GeneratorParameters;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Parallelism;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a snapshot's records for linking: in key order, each record's event days exactly the
 * days of its rows in the event files, and the same whether the events are read beside the
 * records' normalising or after it.
 */
class LinkRecordsLoadTest {
    @TempDir
    Path tmp;

    @Test
    void recordsInKeyOrderWithTheirOwnEventDaysOnOneThreadOrTwo() throws Exception {
        Path extract = tmp.resolve("x");
        GeneratorParameters g = Fixtures.generatedExtract(extract, 1500, 31);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Snapshot s = new ExtractLoader(ws).load(extract, g.end, Progress.NONE, Cancellation.none()).snapshot();
            LinkRecords two = Parallelism.call(2, () -> LinkRecords.load(ws.connection(), s.schema()));
            LinkRecords one = Parallelism.call(1, () -> LinkRecords.load(ws.connection(), s.schema()));

            // what the event files say, straight from the tables
            Map<String, TreeSet<Integer>> expected = new HashMap<>();
            String[][] files = {{"CRIMES", "offence_date", "CRIMES"}, {"CUSTODY", "arrest_date", "CUSTODY"},
                    {"DRUG_TESTS", "test_date", "DIP"}};
            try (Statement st = ws.connection().createStatement()) {
                for (String[] f : files) {
                    try (ResultSet rs = st.executeQuery("SELECT source_person_id, " + f[1] + " FROM " + s.schema() + "." + f[0])) {
                        while (rs.next()) {
                            expected.computeIfAbsent(f[2] + ":" + rs.getString(1), k -> new TreeSet<>())
                                    .add((int) rs.getObject(2, java.time.LocalDate.class).toEpochDay());
                        }
                    }
                }
            }
            ws.connection().commit();

            int withEvents = 0;
            for (int i = 0; i < two.n; i++) {
                if (i > 0) {
                    int c = two.source[i - 1].compareTo(two.source[i]);
                    assertThat(c < 0 || (c == 0 && two.sourceId[i - 1].compareTo(two.sourceId[i]) < 0)).as("key order at %d", i).isTrue();
                }
                TreeSet<Integer> days = expected.get(two.source[i] + ":" + two.sourceId[i]);
                int[] want = days == null ? null : days.stream().mapToInt(Integer::intValue).toArray();
                assertThat(two.eventDays[i]).as("%s:%s", two.source[i], two.sourceId[i]).isEqualTo(want);
                withEvents += want == null ? 0 : 1;
            }
            assertThat(withEvents).isGreaterThan(two.n / 3);

            assertThat(one.n).isEqualTo(two.n);
            assertThat(one.source).isEqualTo(two.source);
            assertThat(one.sourceId).isEqualTo(two.sourceId);
            assertThat(one.rowNo).isEqualTo(two.rowNo);
            assertThat(one.surname).isEqualTo(two.surname);
            assertThat(one.forenames).isEqualTo(two.forenames);
            assertThat(one.postcode).isEqualTo(two.postcode);
            assertThat(one.pnc).isEqualTo(two.pnc);
            assertThat(one.dob).isEqualTo(two.dob);
            assertThat(one.sourceNo).isEqualTo(two.sourceNo);
            assertThat(one.phonetic).isEqualTo(two.phonetic);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int i = 0; i < one.n; i++) {
                a.add(Arrays.toString(one.eventDays[i]));
                b.add(Arrays.toString(two.eventDays[i]));
            }
            assertThat(a).isEqualTo(b);
        }
    }
}
