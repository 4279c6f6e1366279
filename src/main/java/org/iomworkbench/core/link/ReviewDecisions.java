package org.iomworkbench.core.link;

import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.load.Snapshot;
import org.iomworkbench.core.util.WorkbenchException;
import org.iomworkbench.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analyst's review: accept or reject a pair, split a cluster, withdraw a decision. Each
 * decision is stored in {@code REVIEW_DECISION}, applied to the snapshot's pairs and persons (the
 * persons touched are re-clustered at once) and audited, all in one transaction. Every later link
 * run applies the stored decisions before clustering.
 */
public final class ReviewDecisions {
    private final Workspace workspace;

    public ReviewDecisions(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The two records are the same person: the pair is linked and their persons merge. Returns the person ids now holding them. */
    public Set<String> accept(Snapshot s, RecordKey x, RecordKey y) {
        return decide(s, x, y, ReviewDecision.Kind.ACCEPT);
    }

    /** The two records are not the same person: the pair is not linked (their person splits if nothing else joins them). */
    public Set<String> reject(Snapshot s, RecordKey x, RecordKey y) {
        return decide(s, x, y, ReviewDecision.Kind.REJECT);
    }

    /**
     * Splits a person: the records in {@code part} are separated from the rest by rejecting every
     * stored pair between the two groups. Returns the person ids now holding the records.
     */
    public Set<String> split(Snapshot s, String personId, Collection<RecordKey> part) {
        LinkStore store = new LinkStore(workspace);
        store.requireRun(s);
        Connection c = workspace.connection();
        try {
            List<NominalRecord> records = LinkStore.recordsOf(c, s.schema(), List.of(personId)).getOrDefault(personId, List.of());
            Set<RecordKey> all = new HashSet<>();
            records.forEach(r -> all.add(r.key()));
            Set<RecordKey> moving = new HashSet<>(part);
            if (records.isEmpty() || !all.containsAll(moving) || moving.isEmpty() || moving.size() == all.size()) {
                throw new WorkbenchException("A split needs some, but not all, of person " + personId + "'s records.",
                        "Choose the records to separate from the rest.", true);
            }
            int rejected = 0;
            for (PairView p : LinkStore.pairsTouching(c, s, all)) {
                if (!all.contains(p.a()) || !all.contains(p.b())) {
                    continue; // a pair with a record of another person
                }
                if (p.status() != PairStatus.REJECTED && moving.contains(p.a()) != moving.contains(p.b())) {
                    store(c, s, p.a(), p.b(), ReviewDecision.Kind.REJECT);
                    setStatus(c, s, p.a(), p.b(), PairStatus.REJECTED, LinkBasis.ANALYST);
                    rejected++;
                }
            }
            Set<String> after = recluster(c, s, Set.of(personId));
            new AuditTrail(c).append("review", "review.split", AuditTrail.details("snapshot", s.id(), "person", personId,
                    "records_moved", moving.size(), "pairs_rejected", rejected, "persons_after", String.join(",", after)));
            c.commit();
            return after;
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e instanceof SQLException se ? WorkbenchException.database(se) : (RuntimeException) e;
        }
    }

    /** Removes the analyst's decision on a pair: it goes back to the model's (or the PNC's) verdict. */
    public Set<String> withdraw(Snapshot s, RecordKey x, RecordKey y) {
        LinkStore store = new LinkStore(workspace);
        LinkRunSummary run = store.requireRun(s);
        RecordKey a = x.compareTo(y) <= 0 ? x : y;
        RecordKey b = a == x ? y : x;
        Connection c = workspace.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM REVIEW_DECISION WHERE source_a = ? AND id_a = ? "
                    + "AND source_b = ? AND id_b = ?")) {
                bind(ps, a, b);
                ps.executeUpdate();
            }
            Set<String> before = new LinkedHashSet<>();
            LinkStore.personOf(c, s.schema(), a).ifPresent(before::add);
            LinkStore.personOf(c, s.schema(), b).ifPresent(before::add);
            List<PairView> pv = LinkStore.pairViews(c, s, "WHERE source_a = ? AND id_a = ? AND source_b = ? AND id_b = ?",
                    a.source(), a.sourcePersonId(), b.source(), b.sourcePersonId());
            if (!pv.isEmpty()) {
                PairView p = pv.get(0);
                if (p.weight() == null) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + s.schema() + ".LINK_PAIR WHERE "
                            + "source_a = ? AND id_a = ? AND source_b = ? AND id_b = ?")) {
                        bind(ps, a, b);
                        ps.executeUpdate();
                    }
                } else {
                    boolean pnc = p.contributions().stream().anyMatch(k -> k.field() == Field.PNC && k.level() == Field.EXACT);
                    // withdrawing never makes a model link by itself (a link above the threshold may have been
                    // held back by the guard against chaining): the pair waits for review again, and the next
                    // link run settles it by the model
                    PairStatus st = pnc ? PairStatus.LINKED
                            : p.weight() >= run.thresholds().lowerWeight() ? PairStatus.QUEUED : PairStatus.REJECTED;
                    setStatus(c, s, a, b, st, pnc ? LinkBasis.PNC : LinkBasis.MODEL);
                }
            }
            Set<String> after = recluster(c, s, before);
            new AuditTrail(c).append("review", "review.withdrawn", AuditTrail.details("snapshot", s.id(),
                    "source_a", a.source(), "id_a", a.sourcePersonId(), "source_b", b.source(), "id_b", b.sourcePersonId(),
                    "persons_after", String.join(",", after)));
            c.commit();
            return after;
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e instanceof SQLException se ? WorkbenchException.database(se) : (RuntimeException) e;
        }
    }

    /** Every stored decision, oldest first. */
    public List<ReviewDecision> list() {
        Connection c = workspace.connection();
        try {
            LinkStore.ensureCatalogue(c);
            List<ReviewDecision> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT source_a, id_a, source_b, id_b, decision, decided_at, os_user, "
                         + "snapshot_id FROM REVIEW_DECISION ORDER BY decided_at, source_a, id_a, source_b, id_b")) {
                while (rs.next()) {
                    out.add(new ReviewDecision(new RecordKey(rs.getString(1), rs.getString(2)),
                            new RecordKey(rs.getString(3), rs.getString(4)), ReviewDecision.Kind.valueOf(rs.getString(5)),
                            rs.getString(6), rs.getString(7), rs.getInt(8)));
                }
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw WorkbenchException.database(e);
        }
    }

    // ------------------------------------------------------------------ internals

    private Set<String> decide(Snapshot s, RecordKey x, RecordKey y, ReviewDecision.Kind kind) {
        if (x.equals(y)) {
            throw new WorkbenchException("A pair needs two different records.", "Choose two records.", true);
        }
        new LinkStore(workspace).requireRun(s);
        RecordKey a = x.compareTo(y) <= 0 ? x : y;
        RecordKey b = a == x ? y : x;
        Connection c = workspace.connection();
        try {
            Set<String> before = new LinkedHashSet<>();
            for (RecordKey k : List.of(a, b)) {
                before.add(LinkStore.personOf(c, s.schema(), k).orElseThrow(() -> new WorkbenchException(
                        "Snapshot " + s.id() + " has no person record " + k + ".", "Choose records of this snapshot.", true)));
            }
            store(c, s, a, b, kind);
            PairStatus st = kind == ReviewDecision.Kind.ACCEPT ? PairStatus.LINKED : PairStatus.REJECTED;
            if (!setStatus(c, s, a, b, st, LinkBasis.ANALYST)) {
                if (kind == ReviewDecision.Kind.ACCEPT) {
                    insertAnalystPair(c, s, a, b);
                }
            }
            Set<String> after = recluster(c, s, before);
            new AuditTrail(c).append("review", kind == ReviewDecision.Kind.ACCEPT ? "review.accepted" : "review.rejected",
                    AuditTrail.details("snapshot", s.id(), "source_a", a.source(), "id_a", a.sourcePersonId(),
                            "source_b", b.source(), "id_b", b.sourcePersonId(),
                            "persons_before", String.join(",", before), "persons_after", String.join(",", after)));
            c.commit();
            return after;
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e instanceof SQLException se ? WorkbenchException.database(se) : (RuntimeException) e;
        }
    }

    private static void store(Connection c, Snapshot s, RecordKey a, RecordKey b, ReviewDecision.Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO REVIEW_DECISION(source_a, id_a, source_b, id_b, decision, "
                + "decided_at, os_user, snapshot_id) KEY(source_a, id_a, source_b, id_b) VALUES (?,?,?,?,?,?,?,?)")) {
            bind(ps, a, b);
            ps.setString(5, kind.name());
            ps.setString(6, Instant.now().toString());
            ps.setString(7, AuditTrail.currentUser());
            ps.setInt(8, s.id());
            ps.executeUpdate();
        }
    }

    private static boolean setStatus(Connection c, Snapshot s, RecordKey a, RecordKey b, PairStatus status, LinkBasis basis)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s.schema() + ".LINK_PAIR SET status = ?, basis = ? "
                + "WHERE source_a = ? AND id_a = ? AND source_b = ? AND id_b = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, basis.name());
            ps.setString(3, a.source());
            ps.setString(4, a.sourcePersonId());
            ps.setString(5, b.source());
            ps.setString(6, b.sourcePersonId());
            return ps.executeUpdate() > 0;
        }
    }

    private static void insertAnalystPair(Connection c, Snapshot s, RecordKey a, RecordKey b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s.schema() + ".LINK_PAIR(source_a, id_a, row_a, "
                + "source_b, id_b, row_b, rule_no, status, basis) SELECT ?, ?, ra.row_no, ?, ?, rb.row_no, -3, 'LINKED', 'ANALYST' "
                + "FROM " + s.schema() + ".PERSON_RECORD ra, " + s.schema() + ".PERSON_RECORD rb "
                + "WHERE ra.source = ? AND ra.source_person_id = ? AND rb.source = ? AND rb.source_person_id = ?")) {
            bind(ps, a, b);
            ps.setString(5, a.source());
            ps.setString(6, a.sourcePersonId());
            ps.setString(7, b.source());
            ps.setString(8, b.sourcePersonId());
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, RecordKey a, RecordKey b) throws SQLException {
        ps.setString(1, a.source());
        ps.setString(2, a.sourcePersonId());
        ps.setString(3, b.source());
        ps.setString(4, b.sourcePersonId());
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /**
     * Re-clusters the records of some persons from their stored links and rewrites those persons
     * (ids, attributes, flags) and the person columns of their pairs. Returns the new person ids.
     */
    static Set<String> recluster(Connection c, Snapshot s, Set<String> personIds) throws SQLException {
        String schema = s.schema();
        LinkParameters p = parameters(c, s);
        Map<String, List<NominalRecord>> byPerson = LinkStore.recordsOf(c, schema, personIds);
        List<NominalRecord> records = new ArrayList<>();
        byPerson.values().forEach(records::addAll);
        records.sort((x, y) -> x.key().compareTo(y.key()));
        Map<RecordKey, Integer> local = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            local.put(records.get(i).key(), i);
        }
        Map<Long, PairView> pairs = new HashMap<>();
        for (PairView v : LinkStore.pairsTouching(c, s, local.keySet())) {
            Integer x = local.get(v.a());
            Integer y = local.get(v.b());
            if (x != null && y != null) {
                pairs.put(LinkRun.pairKey(x, y), v);
            }
        }
        int m = pairs.size();
        int[] ea = new int[m];
        int[] eb = new int[m];
        boolean[] linked = new boolean[m];
        List<PairView> list = new ArrayList<>(pairs.values());
        for (int k = 0; k < m; k++) {
            ea[k] = local.get(list.get(k).a());
            eb[k] = local.get(list.get(k).b());
            linked[k] = list.get(k).status() == PairStatus.LINKED;
        }
        int[] root = Clustering.components(records.size(), m, ea, eb, linked);
        double strong = MatchModel.weightOf(p.strongLinkProbability);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + schema + ".PERSON WHERE person_id = ?")) {
            for (String pid : personIds) {
                del.setString(1, pid);
                del.executeUpdate();
            }
        }
        Set<String> after = new LinkedHashSet<>();
        Map<Integer, String> idOf = new HashMap<>();
        for (int rt = 0; rt < records.size(); rt++) {
            if (root[rt] != rt) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int i = rt; i < records.size(); i++) {
                if (root[i] == rt) {
                    members.add(i);
                }
            }
            Map<Integer, Integer> pos = new HashMap<>();
            List<NominalRecord> recs = new ArrayList<>();
            for (int i : members) {
                pos.put(i, recs.size());
                recs.add(records.get(i));
            }
            List<int[]> links = new ArrayList<>();
            List<Boolean> weak = new ArrayList<>();
            boolean contradiction = false;
            for (int k = 0; k < m; k++) {
                if (root[ea[k]] != rt || root[eb[k]] != rt) {
                    continue;
                }
                PairView v = list.get(k);
                if (linked[k]) {
                    links.add(new int[]{pos.get(ea[k]), pos.get(eb[k])});
                    weak.add(v.basis() == LinkBasis.MODEL && v.weight() != null && v.weight() < strong);
                } else if (v.status() == PairStatus.REJECTED) {
                    contradiction = true;
                }
            }
            boolean[] w = new boolean[weak.size()];
            for (int k = 0; k < w.length; k++) {
                w[k] = weak.get(k);
            }
            Set<ClusterFlag> flags = recs.size() < 2 ? EnumSet.noneOf(ClusterFlag.class) : Clustering.flags(recs.size(),
                    links.stream().mapToInt(l -> l[0]).toArray(), links.stream().mapToInt(l -> l[1]).toArray(), w,
                    contradiction, p);
            String pid = PersonTable.personId(recs.get(0).key());
            idOf.put(rt, pid);
            after.add(pid);
            PersonTable.Attributes at = PersonTable.choose(recs);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + schema + ".PERSON(person_id, surname, forenames, "
                    + "date_of_birth, gender, ethnicity, records, flags) KEY(person_id) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, pid);
                ps.setString(2, at.surname());
                ps.setString(3, at.forenames());
                ps.setObject(4, at.dateOfBirth());
                ps.setString(5, at.gender());
                ps.setString(6, at.ethnicity());
                ps.setInt(7, recs.size());
                ps.setString(8, LinkStore.flagsText(flags));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement pr = c.prepareStatement("UPDATE " + schema + ".PERSON_RECORD SET person_id = ? "
                + "WHERE source = ? AND source_person_id = ?");
             PreparedStatement pa = c.prepareStatement("UPDATE " + schema + ".LINK_PAIR SET person_a = ? "
                     + "WHERE source_a = ? AND id_a = ?");
             PreparedStatement pb = c.prepareStatement("UPDATE " + schema + ".LINK_PAIR SET person_b = ? "
                     + "WHERE source_b = ? AND id_b = ?")) {
            for (int i = 0; i < records.size(); i++) {
                String pid = idOf.get(root[i]);
                RecordKey k = records.get(i).key();
                for (PreparedStatement ps : List.of(pr, pa, pb)) {
                    ps.setString(1, pid);
                    ps.setString(2, k.source());
                    ps.setString(3, k.sourcePersonId());
                    ps.executeUpdate();
                }
            }
        }
        return after;
    }

    /** The parameters of the snapshot's latest link run (the defaults when it has none): what a re-link after a change uses. */
    public static LinkParameters parameters(Connection c, Snapshot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT parameters FROM LINK_RUN WHERE snapshot_id = ? AND "
                + "snapshot_fingerprint = ? ORDER BY run_id DESC LIMIT 1")) {
            ps.setInt(1, s.id());
            ps.setString(2, s.fingerprint());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    try {
                        return LinkStore.JSON.readValue(rs.getString(1), LinkParameters.class);
                    } catch (java.io.IOException e) {
                        throw new SQLException("The link run's parameters could not be read", e);
                    }
                }
            }
        }
        return new LinkParameters();
    }

    /** The stored decisions on pairs of records that are both in {@code r}, as pair key to LINKED or REJECTED. */
    static Map<Long, PairStatus> load(Connection c, LinkRecords r) throws SQLException {
        LinkStore.ensureCatalogue(c);
        Map<Long, PairStatus> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT source_a, id_a, source_b, id_b, decision FROM REVIEW_DECISION")) {
            while (rs.next()) {
                int x = r.indexOf(new RecordKey(rs.getString(1), rs.getString(2)));
                int y = r.indexOf(new RecordKey(rs.getString(3), rs.getString(4)));
                if (x >= 0 && y >= 0 && x != y) {
                    out.put(LinkRun.pairKey(x, y), ReviewDecision.Kind.valueOf(rs.getString(5)) == ReviewDecision.Kind.ACCEPT
                            ? PairStatus.LINKED : PairStatus.REJECTED);
                }
            }
        }
        c.commit();
        return out;
    }
}
