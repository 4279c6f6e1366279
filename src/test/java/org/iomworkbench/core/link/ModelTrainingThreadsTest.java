package org.iomworkbench.core.link;

import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Parallelism;
import org.iomworkbench.core.util.Progress;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match model does not depend on the threads: u from random pairs compared side by side
 * (here over two chunks of drawn pairs) and the EM sessions fitted side by side give the same
 * numbers, to the last digit, as on one thread.
 */
class ModelTrainingThreadsTest {
    private static final String[] SURNAMES = {"SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON", "DAVIES",
            "ROBINSON", "WRIGHT", "THOMPSON", "EVANS", "WALKER", "WHITE", "ROBERTS", "GREEN", "HALL", "WOOD", "JACKSON", "CLARKE"};
    private static final String[] FORENAMES = {"JOHN", "DAVID", "MICHAEL", "PAUL", "ANDREW", "MARK", "JAMES", "PETER",
            "SARAH", "EMMA", "LISA", "CLAIRE", "JULIE", "KAREN", "HELEN", "RACHEL"};
    private static final String[] SOURCES = {"CRIMES", "CUSTODY", "PRISON", "DIP"};

    /** 1,500 people, most with two or three records in different systems, some with typos and gaps. */
    static LinkRecords records() {
        SplittableRandom r = new SplittableRandom(3);
        LinkRecords.Builder b = LinkRecords.builder();
        int id = 0;
        for (int p = 0; p < 1500; p++) {
            String sn = SURNAMES[r.nextInt(SURNAMES.length)];
            String fn = FORENAMES[r.nextInt(FORENAMES.length)];
            LocalDate dob = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(40 * 365));
            String gender = r.nextBoolean() ? "M" : "F";
            String pc = "LS" + (1 + r.nextInt(20)) + " " + r.nextInt(10) + "AB";
            int copies = 1 + r.nextInt(3);
            for (int k = 0; k < copies; k++) {
                String src = SOURCES[(p + k) % SOURCES.length];
                String s = r.nextInt(10) == 0 ? sn.substring(0, sn.length() - 1) : sn;
                b.add(src, src.charAt(0) + Integer.toString(++id), s, fn, r.nextInt(12) == 0 ? null : dob, gender, null,
                        r.nextInt(4) == 0 ? null : pc, null);
                if (r.nextBoolean()) {
                    b.event(src, src.charAt(0) + Integer.toString(id), LocalDate.of(2020, 1, 1).plusDays(r.nextInt(900)));
                }
            }
        }
        return b.build();
    }

    @Test
    void theModelIsTheSameOnOneThreadAndOnAll() throws Exception {
        LinkRecords r = records();
        LinkParameters p = new LinkParameters();
        p.uSamplePairs = 400_000; // fewer than all pairs, so they are sampled; more than one chunk of them
        assertThat((long) r.n * (r.n - 1) / 2).isGreaterThan(p.uSamplePairs);
        ModelTraining.Trained all = ModelTraining.train(r, p, Progress.NONE, Cancellation.none());
        ModelTraining.Trained one = Parallelism.call(1, () -> ModelTraining.train(r, p, Progress.NONE, Cancellation.none()));
        assertThat(one.model().u).isDeepEqualTo(all.model().u);
        assertThat(one.model().m).isDeepEqualTo(all.model().m);
        assertThat(one.model().prior).isEqualTo(all.model().prior);
        assertThat(one.sessions()).isEqualTo(all.sessions());
        assertThat(all.sessions()).hasSize(p.trainingRules.size()).allMatch(s -> s.sampledPairs() > 0);
        // and u is estimated from the pairs, not a constant: some surname level other than "different" is seen
        assertThat(all.model().u[Field.SURNAME.ordinal()][Field.EXACT]).isBetween(0.01, 0.2);
    }
}
