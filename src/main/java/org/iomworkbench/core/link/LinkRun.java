package org.iomworkbench.core.link;

import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Elapsed;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.util.Parallelism;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Match and merge for one snapshot: fit the model (u from random pairs, m by EM, the prior),
 * compare the blocked pairs, link by PNC, by threshold and by the analyst's stored decisions,
 * cluster, check the clusters, choose each person's attributes, and replace the snapshot's
 * results with the run's in one transaction with its audit entry.
 */
public final class LinkRun {
    private static final Logger LOG = LoggerFactory.getLogger(LinkRun.class);

    private final Workspace workspace;
    private final LinkParameters parameters;

    public LinkRun(Workspace workspace, LinkParameters parameters) {
        this.workspace = workspace;
        this.parameters = parameters;
    }

    public LinkRunSummary run(Snapshot snapshot, Progress progress, Cancellation cancel) {
        parameters.validate();
        long t0 = System.nanoTime();
        String startedAt = Instant.now().toString();
        try (Connection c = workspace.newConnection()) {
            LinkStore.ensureSnapshotTables(c, snapshot.schema());
            progress.update("Reading person records", 0, -1);
            LinkRecords r = LinkRecords.load(c, snapshot.schema());
            c.commit();
            LOG.info("Read {} person records in {} s", r.n, Elapsed.since(t0));
            cancel.check();
            RunOutput o = link(r, ReviewDecisions.load(c, r), parameters, progress, cancel);
            o.startedAt = startedAt;
            o.seconds = (System.nanoTime() - t0) / 1e9;
            progress.update("Writing persons and links", 0, -1);
            LinkRunSummary summary = LinkStore.write(c, snapshot, o);
            LOG.info("Linked snapshot {}: {} records, {} persons, {} pairs compared in {} s", snapshot.id(), r.n,
                    o.persons.size(), o.pairsCompared, String.format("%.1f", summary.seconds()));
            return summary;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    /** The whole computation, without the database: for the run and for tests. */
    static RunOutput link(LinkRecords r, Map<Long, PairStatus> decisions, LinkParameters p, Progress progress,
                          Cancellation cancel) {
        long t0 = System.nanoTime();
        RunOutput o = new RunOutput();
        o.records = r;
        o.parameters = p;
        TermFrequencies tf = new TermFrequencies(r);
        ModelTraining.Trained trained = ModelTraining.train(r, p, progress, cancel);
        MatchModel model = trained.model().withTermFrequencies(tf);
        o.model = model;
        o.training = trained.sessions();
        double keep = MatchModel.weightOf(p.lowerProbability);
        long t1 = System.nanoTime();

        // compare the blocked pairs
        List<BlockingRule> rules = p.blockingRules.stream().map(BlockingRule::parse).toList();
        Map<Integer, PairScorer> scorers = new ConcurrentHashMap<>();
        o.blocking = Blocking.run(r, rules, p.maxBlockSize, Math.min(p.threads, Parallelism.threads()),
                chunk -> scorers.computeIfAbsent(chunk, k -> new PairScorer(r, model, keep)), progress, cancel);
        o.pairsCompared = o.blocking.stream().mapToLong(BlockingStats::pairsCompared).sum();
        long t2 = System.nanoTime();
        cancel.check();
        progress.update("Linking and clustering", 0, -1);
        // the chunks' pairs in chunk order, into arrays sized for them and the analyst's decisions;
        // each chunk is let go once copied, so the pairs are held about twice at most, not four times
        long kept = decisions.size();
        for (PairScorer s : scorers.values()) {
            kept += s.size;
        }
        if (kept > Integer.MAX_VALUE - 16) {
            throw new WorkbenchException("Too many candidate pairs kept to link at once (" + kept + ").",
                    "Use blocking rules that bring fewer pairs, or a higher lower threshold.", true);
        }
        PairScorer collected = new PairScorer(r, model, keep, (int) kept);
        WeightHistogram histogram = collected.histogram;
        for (Integer k : scorers.keySet().stream().sorted().toList()) {
            PairScorer s = scorers.remove(k);
            histogram.addAll(s.histogram);
            collected.addAll(s);
        }
        o.histogram = histogram;
        o.pairsKept = collected.size;
        // the analyst's decisions on pairs the blocking did not bring
        Map<Long, PairStatus> pending = new HashMap<>(decisions);
        for (int i = 0; i < collected.size; i++) {
            pending.remove(pairKey(collected.a[i], collected.b[i]));
        }
        pending.keySet().stream().sorted().forEach(key -> {
            int x = (int) (key >>> 32);
            int y = (int) (long) key;
            int pattern = collected.patternOf(x, y);
            collected.add(x, y, pattern, model.priorWeight() + model.evidence(x, y, pattern, null), -1);
        });

        // the full name's frequency among other persons, once the first clusters are known
        PairScorer all = reweighNameOnly(r, p, collected, keep);
        long t3 = System.nanoTime();

        // the thresholds, from the scored pairs; then the status of each pair
        int n = all.size;
        Thresholds th = Thresholds.choose(p, all.weight, n);
        o.thresholds = th;
        PairStatus[] status = new PairStatus[n];
        LinkBasis[] basis = new LinkBasis[n];
        boolean[] linked = new boolean[n];
        for (int i = 0; i < n; i++) {
            PairStatus d = decisions.get(pairKey(all.a[i], all.b[i]));
            if (d != null) {
                status[i] = d == PairStatus.LINKED ? PairStatus.LINKED : PairStatus.REJECTED;
                basis[i] = LinkBasis.ANALYST;
            } else if (Field.PNC.levelOf(all.pattern[i]) == Field.EXACT) {
                status[i] = PairStatus.LINKED;
                basis[i] = LinkBasis.PNC;
            } else {
                status[i] = th.status(all.weight[i]);
                basis[i] = LinkBasis.MODEL;
            }
            linked[i] = status[i] == PairStatus.LINKED;
            if (linked[i]) {
                switch (basis[i]) {
                    case ANALYST -> o.linkedByAnalyst++;
                    case PNC -> o.linkedByPnc++;
                    default -> o.linkedByModel++;
                }
            } else if (status[i] == PairStatus.QUEUED) {
                o.queued++;
            }
        }
        boolean[] forced = new boolean[n];
        for (int i = 0; i < n; i++) {
            forced[i] = linked[i] && basis[i] != LinkBasis.MODEL;
        }
        boolean[] heldBack = new boolean[n];
        double contradictionWeight = MatchModel.weightOf(p.contradictionProbability);
        Clustering.Contradiction contradicts = (x, y) -> {
            if (decisions.get(pairKey(x, y)) == PairStatus.REJECTED) {
                return true;
            }
            double evidence = model.attributeEvidence(x, y, all.patternOf(x, y));
            return evidence < 0 && model.priorWeight() + evidence <= contradictionWeight;
        };
        int[] root = Clustering.guarded(r.n, n, all.a, all.b, all.weight, linked, forced, contradicts,
                p.maxClusterCompare, heldBack);
        Set<Integer> heldRoots = new java.util.HashSet<>();
        Set<Integer> placedByAnalyst = new java.util.HashSet<>();
        decisions.forEach((key, d) -> {
            if (d == PairStatus.LINKED) {
                placedByAnalyst.add((int) (key >>> 32));
                placedByAnalyst.add((int) (long) key);
            }
        });
        for (int i = 0; i < n; i++) {
            if (heldBack[i]) {
                linked[i] = false;
                o.linkedByModel--;
                o.heldBack++;
                heldRoots.add(root[all.a[i]]);
                heldRoots.add(root[all.b[i]]);
                if (placedByAnalyst.contains(all.a[i]) || placedByAnalyst.contains(all.b[i])) {
                    // the analyst put this record with others; a link that would also join it to records
                    // contradicting those is settled by that decision: rejected, not asked again
                    status[i] = PairStatus.REJECTED;
                } else {
                    status[i] = PairStatus.QUEUED;
                    o.queued++;
                }
            }
        }
        cancel.check();

        // check each cluster; contradicting pairs inside clusters are stored as rejected
        int[] next = new int[r.n];       // members of a cluster, chained from its root
        int[] last = new int[r.n];
        int[] size = new int[r.n];
        Arrays.fill(next, -1);
        for (int i = 0; i < r.n; i++) {
            int rt = root[i];
            if (rt != i) {
                next[last[rt]] = i;
            }
            last[rt] = i;
            size[rt]++;
        }
        Map<Integer, List<Integer>> edgesOf = new HashMap<>(); // cluster root -> indices of its stored pairs
        for (int i = 0; i < n; i++) {
            if (root[all.a[i]] == root[all.b[i]] && size[root[all.a[i]]] >= 2) {
                edgesOf.computeIfAbsent(root[all.a[i]], k -> new ArrayList<>()).add(i);
            }
        }
        double strongWeight = MatchModel.weightOf(p.strongLinkProbability);
        Set<Long> stored = new java.util.HashSet<>();
        Map<Integer, Set<ClusterFlag>> flagsOf = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : edgesOf.entrySet()) {
            int rt = e.getKey();
            int sz = size[rt];
            int[] members = new int[sz];
            Map<Integer, Integer> local = new HashMap<>();
            for (int i = rt, k = 0; i >= 0; i = next[i], k++) {
                members[k] = i;
                local.put(i, k);
            }
            boolean contradiction = false;
            List<int[]> links = new ArrayList<>();
            List<Boolean> weak = new ArrayList<>();
            stored.clear();
            for (int i : e.getValue()) {
                stored.add(pairKey(all.a[i], all.b[i]));
                if (linked[i]) {
                    links.add(new int[]{local.get(all.a[i]), local.get(all.b[i])});
                    weak.add(basis[i] == LinkBasis.MODEL && all.weight[i] < strongWeight);
                } else if (status[i] == PairStatus.REJECTED) {
                    contradiction = true; // the analyst rejected a pair that is still joined through others
                }
            }
            if (sz >= 3 && sz <= p.maxClusterCompare) {
                for (int x = 0; x < sz; x++) {
                    for (int y = x + 1; y < sz; y++) {
                        int a = members[x];
                        int b = members[y];
                        if (stored.contains(pairKey(a, b))) {
                            continue;
                        }
                        int pattern = all.patternOf(a, b);
                        if (model.attributeEvidence(a, b, pattern) < 0
                                && model.priorWeight() + model.attributeEvidence(a, b, pattern) <= contradictionWeight) {
                            contradiction = true;
                            all.add(a, b, pattern, model.priorWeight() + model.evidence(a, b, pattern, null), -2);
                        }
                    }
                }
            }
            int[] ea = links.stream().mapToInt(l -> l[0]).toArray();
            int[] eb = links.stream().mapToInt(l -> l[1]).toArray();
            boolean[] w = new boolean[weak.size()];
            for (int k = 0; k < w.length; k++) {
                w[k] = weak.get(k);
            }
            Set<ClusterFlag> flags = Clustering.flags(sz, ea, eb, w, contradiction, p);
            if (!flags.isEmpty()) {
                flagsOf.put(rt, flags);
            }
        }
        // contradicting pairs added above are rejected by the model
        PairStatus[] st2 = Arrays.copyOf(status, all.size);
        LinkBasis[] ba2 = Arrays.copyOf(basis, all.size);
        for (int i = n; i < all.size; i++) {
            st2[i] = PairStatus.REJECTED;
            ba2[i] = LinkBasis.MODEL;
        }
        for (int i = 0; i < all.size; i++) {
            if (st2[i] == PairStatus.REJECTED) {
                o.rejected++;
            }
        }

        long t4 = System.nanoTime();
        // persons
        progress.update("Choosing each person's attributes", 0, -1);
        o.root = root;
        o.personId = new String[r.n];
        List<RunOutput.Person> persons = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        for (int rt = 0; rt < r.n; rt++) {
            if (root[rt] != rt) {
                continue;
            }
            String pid = PersonTable.personId(r.key(rt));
            if (seenIds.put(pid, rt) != null) {
                throw new IllegalStateException("two clusters got the person id " + pid);
            }
            o.personId[rt] = pid;
            List<NominalRecord> members = new ArrayList<>(size[rt]);
            for (int i = rt; i >= 0; i = next[i]) {
                members.add(nominal(r, i));
            }
            Set<ClusterFlag> flags = EnumSet.noneOf(ClusterFlag.class);
            flags.addAll(flagsOf.getOrDefault(rt, Set.of()));
            if (heldRoots.contains(rt)) {
                flags.add(ClusterFlag.HELD_BACK);
            }
            if (!flags.isEmpty()) {
                o.flagged++;
            }
            persons.add(new RunOutput.Person(rt, pid, PersonTable.choose(members), size[rt], flags));
        }
        o.persons = persons;
        o.pairs = all.size;
        o.a = all.a;
        o.b = all.b;
        o.pattern = all.pattern;
        o.weight = all.weight;
        o.rule = new int[all.size];
        for (int i = 0; i < all.size; i++) {
            o.rule[i] = all.rule[i];
        }
        o.status = st2;
        o.basis = ba2;
        long t5 = System.nanoTime();
        LOG.info("Link computed: model fitted in {} s, pairs compared in {} s, collected and reweighed in {} s, "
                        + "clustered and checked in {} s, persons chosen in {} s; {} pairs compared, {} kept, {} after reweighing",
                Elapsed.seconds(t1 - t0), Elapsed.seconds(t2 - t1), Elapsed.seconds(t3 - t2), Elapsed.seconds(t4 - t3),
                Elapsed.seconds(t5 - t4), o.pairsCompared, o.pairsKept, o.pairs);
        return o;
    }

    /** Records of other persons assumed to carry a name seen on nobody else (smoothing). */
    static final double NAME_PSEUDO_COUNT = 0.5;

    /**
     * Second look at the pairs whose full name agrees exactly while the dates of birth do not
     * disagree, typically because one is missing (kept by {@link PairScorer#nameOnly}). The term-frequency adjustment judged their name by how
     * many <em>records</em> carry it, counting the pair's own person's other records as if they
     * were namesakes. Once the first clusters are known (links at the data's upper threshold and
     * by PNC), the frequency that matters is that of the name among the records of <em>other</em>
     * persons: {@code outside = count(name) - its records in either record's cluster}, smoothed by
     * half a record. The pair's weight gains {@code log2(count / (outside + 0.5))}: a name carried
     * by nobody else counts for much more than one carried by many. The pairs still below the
     * lower threshold are then dropped.
     */
    private static PairScorer reweighNameOnly(LinkRecords r, LinkParameters p, PairScorer all, double keep) {
        int n = all.size;
        Thresholds th0 = Thresholds.choose(p, all.weight, n);
        boolean[] linked0 = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            linked0[i] = all.weight[i] >= th0.upperWeight() || Field.PNC.levelOf(all.pattern[i]) == Field.EXACT;
            any |= PairScorer.nameOnly(all.pattern[i]);
        }
        if (any) {
            int[] root0 = Clustering.components(r.n, n, all.a, all.b, linked0);
            // each record's name (surname, first forename) as a dense id; how many records carry
            // it, and how many of them in each first cluster (counted by sorting, not hash maps)
            long[] key = new long[r.n];
            int named = 0;
            for (int i = 0; i < r.n; i++) {
                if (r.surname[i] != LinkRecords.NONE && r.forename1[i] != LinkRecords.NONE) {
                    key[named++] = ((long) r.surname[i] << 32) | r.forename1[i];
                }
            }
            long[] names = Sorted.distinct(key, named);
            int[] nameId = new int[r.n];
            int[] count = new int[names.length];
            named = 0;
            for (int i = 0; i < r.n; i++) {
                nameId[i] = r.surname[i] == LinkRecords.NONE || r.forename1[i] == LinkRecords.NONE ? -1
                        : java.util.Arrays.binarySearch(names, ((long) r.surname[i] << 32) | r.forename1[i]);
                if (nameId[i] >= 0) {
                    count[nameId[i]]++;
                    key[named++] = ((long) root0[i] << 32) | nameId[i];
                }
            }
            long[][] inCluster = Sorted.counted(key, named);
            for (int i = 0; i < n; i++) {
                int x = all.a[i];
                int y = all.b[i];
                if (!PairScorer.nameOnly(all.pattern[i]) || root0[x] == root0[y] || all.rule[i] < 0) {
                    continue;
                }
                int v = nameId[x];
                int outside = count[v] - Sorted.count(inCluster, ((long) root0[x] << 32) | v)
                        - Sorted.count(inCluster, ((long) root0[y] << 32) | v);
                all.weight[i] += TermFrequencies.log2(count[v] / (Math.max(0, outside) + NAME_PSEUDO_COUNT));
            }
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (keeps(all, i, keep)) {
                count++;
            }
        }
        PairScorer kept = new PairScorer(r, all.model(), keep, count);
        for (int i = 0; i < n; i++) {
            if (keeps(all, i, keep)) {
                kept.add(all.a[i], all.b[i], all.pattern[i], all.weight[i], all.rule[i]);
            }
        }
        return kept;
    }

    private static boolean keeps(PairScorer all, int i, double keep) {
        return all.weight[i] >= keep || Field.PNC.levelOf(all.pattern[i]) == Field.EXACT || all.rule[i] < 0;
    }

    static long pairKey(int a, int b) {
        int x = Math.min(a, b);
        int y = Math.max(a, b);
        return ((long) x << 32) | y;
    }

    static NominalRecord nominal(LinkRecords r, int i) {
        return new NominalRecord(r.key(i), r.rowNo[i], r.surnameRaw[i], r.forenamesRaw[i], r.dobRaw[i], r.genderRaw[i],
                r.ethnicity[i], r.postcodeRaw[i], r.pncRaw[i]);
    }
}
