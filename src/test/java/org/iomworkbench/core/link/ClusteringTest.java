package org.iomworkbench.core.link;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Clustering never chains two groups through one weak link without flagging or holding it back. */
class ClusteringTest {

    @Test
    void componentsUseTheSmallestRecordAsRoot() {
        int[] root = Clustering.components(5, 3, new int[]{3, 1, 4}, new int[]{4, 2, 2}, new boolean[]{true, true, false});
        assertThat(root).containsExactly(0, 1, 1, 3, 3);
    }

    @Test
    void aSingleWeakBridgeBetweenTwoGroupsIsFlagged() {
        // records 0-2 strongly linked, 3-5 strongly linked, one weak link 2-3
        int[] ea = {0, 1, 0, 3, 4, 3, 2};
        int[] eb = {1, 2, 2, 4, 5, 5, 3};
        boolean[] weak = {false, false, false, false, false, false, true};
        Set<ClusterFlag> flags = Clustering.flags(6, ea, eb, weak, false, new LinkParameters());
        assertThat(flags).contains(ClusterFlag.WEAK_LINK);
        // the same link made strong: nothing to flag
        weak[6] = false;
        assertThat(Clustering.flags(6, ea, eb, weak, false, new LinkParameters())).isEmpty();
        // a weak link that is not a bridge (another path exists) is no chain
        int[] ea2 = {0, 1, 0, 3, 4, 3, 2, 1};
        int[] eb2 = {1, 2, 2, 4, 5, 5, 3, 4};
        boolean[] weak2 = {false, false, false, false, false, false, true, false};
        assertThat(Clustering.flags(6, ea2, eb2, weak2, false, new LinkParameters())).doesNotContain(ClusterFlag.WEAK_LINK);
    }

    @Test
    void largeClustersAndContradictionsAreFlagged() {
        LinkParameters p = new LinkParameters();
        p.maxClusterSize = 3;
        int[] chainA = {0, 1, 2};
        int[] chainB = {1, 2, 3};
        assertThat(Clustering.flags(4, chainA, chainB, new boolean[3], false, p)).contains(ClusterFlag.LARGE);
        assertThat(Clustering.flags(2, new int[]{0}, new int[]{1}, new boolean[1], true, p)).contains(ClusterFlag.CONTRADICTION);
    }

    @Test
    void aLinkThatWouldJoinContradictingRecordsIsHeldBack() {
        // 0 and 2 contradict (e.g. different dates of birth); 1 (no date of birth) links weakly to both
        int[] a = {0, 1};
        int[] b = {1, 2};
        double[] w = {20, 3};
        boolean[] linked = {true, true};
        boolean[] forced = {false, false};
        boolean[] held = new boolean[2];
        int[] root = Clustering.guarded(3, 2, a, b, w, linked, forced, (x, y) -> x + y == 2 && x != y, 50, held);
        assertThat(root).containsExactly(0, 0, 2);
        assertThat(held).containsExactly(false, true);
        // a link from a PNC or the analyst is followed first and anyway; the model link then waits
        boolean[] held2 = new boolean[2];
        int[] root2 = Clustering.guarded(3, 2, a, b, w, linked, new boolean[]{false, true}, (x, y) -> x + y == 2 && x != y, 50, held2);
        assertThat(root2).containsExactly(0, 1, 1);
        assertThat(held2).containsExactly(true, false);
    }

    @Test
    void theRunNeverChainsTwoPeopleThroughARecordWithoutDateOfBirth() {
        // two different people with one rare name, and a third record without date of birth that fits both
        LinkRecords.Builder b = LinkRecords.builder();
        b.add("CRIMES", "c1", "Quigglesworth", "Peregrine", LocalDate.of(1980, 5, 17), "M", "W1", "B1 1AA", null);
        b.add("CUSTODY", "u1", "Quigglesworth", "Peregrine", LocalDate.of(1980, 5, 17), "M", "W1", "B1 1AA", null);
        b.add("CRIMES", "c2", "Quigglesworth", "Peregrine", LocalDate.of(1999, 11, 3), "M", "W1", "WV3 7QQ", null);
        b.add("CUSTODY", "u2", "Quigglesworth", "Peregrine", LocalDate.of(1999, 11, 3), "M", "W1", "WV3 7QQ", null);
        b.add("DIP", "d1", "Quigglesworth", "Peregrine", null, "M", "W1", null, null);
        // unrelated people so that u and the prior can be estimated
        String[] sn = {"Smith", "Jones", "Khan", "Patel", "Brown", "Taylor", "Nowak", "Okafor", "Ali", "Wilson"};
        String[] fn = {"James", "Aisha", "Piotr", "Sarah", "Kwame", "Emma", "Mohammed", "Liam", "Zara", "Tom"};
        int k = 0;
        for (String s : sn) {
            for (String f : fn) {
                LocalDate d = LocalDate.of(1960 + k % 40, 1 + k % 12, 1 + k % 28);
                b.add("CRIMES", "x" + k, s, f, d, k % 2 == 0 ? "M" : "F", "W1", "B" + (k % 30) + " 2AB", null);
                if (k % 3 == 0) {
                    b.add("CUSTODY", "y" + k, s, f, d, k % 2 == 0 ? "M" : "F", "W1", "B" + (k % 30) + " 2AB", null);
                }
                k++;
            }
        }
        LinkRecords r = b.build();
        RunOutput o = LinkRun.link(r, java.util.Map.of(), new LinkParameters(), (m, d, t) -> { }, org.iomworkbench.core.util.Cancellation.none());
        int c1 = r.indexOf(new RecordKey("CRIMES", "c1"));
        int c2 = r.indexOf(new RecordKey("CRIMES", "c2"));
        int u1 = r.indexOf(new RecordKey("CUSTODY", "u1"));
        int u2 = r.indexOf(new RecordKey("CUSTODY", "u2"));
        assertThat(o.root[c1]).isNotEqualTo(o.root[c2]);
        assertThat(o.root[u1]).isEqualTo(o.root[c1]);
        assertThat(o.root[u2]).isEqualTo(o.root[c2]);
        List<RunOutput.Person> both = o.persons.stream().filter(p -> p.root() == o.root[c1] || p.root() == o.root[c2]).toList();
        assertThat(both).hasSize(2);
    }
}
