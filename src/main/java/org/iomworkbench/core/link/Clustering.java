package org.iomworkbench.core.link;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Persons are the connected components of the linked pairs (union-find). Because one bad link
 * can chain two people together, every cluster is checked: more records than a person plausibly
 * has ({@link ClusterFlag#LARGE}); a link below the strong-link probability that is a bridge,
 * i.e. the cluster falls apart without it ({@link ClusterFlag#WEAK_LINK}); two of its records
 * that, compared directly, are strong evidence of different people ({@link ClusterFlag#CONTRADICTION}).
 * Flagged clusters stay linked and go to the analyst's review list. Before that, {@link #guarded}
 * refuses to follow a model link that would join two records that contradict each other: the
 * link is held back for the analyst ({@link ClusterFlag#HELD_BACK}) rather than chaining two people.
 */
final class Clustering {
    private Clustering() {
    }

    /** Tells whether two records contradict each other (they must not end up in one person through others). */
    interface Contradiction {
        boolean between(int x, int y);
    }

    /**
     * Clusters with a guard against chaining: links are taken strongest first (those from a PNC
     * or the analyst before all others), and a model link that would put two records that
     * contradict each other into one person is held back ({@code heldBack[e]} set) instead of
     * followed. Components larger than {@code maxCheck} records are joined without the check
     * (and flagged {@link ClusterFlag#LARGE} later). Returns each record's cluster representative,
     * the smallest record index of its cluster.
     */
    static int[] guarded(int n, int edges, int[] a, int[] b, double[] weight, boolean[] linked, boolean[] forced,
                         Contradiction contradiction, int maxCheck, boolean[] heldBack) {
        Integer[] order = new Integer[edges];
        int k = 0;
        for (int e = 0; e < edges; e++) {
            if (linked[e]) {
                order[k++] = e;
            }
        }
        Integer[] used = java.util.Arrays.copyOf(order, k);
        java.util.Arrays.sort(used, (x, y) -> {
            if (forced[x] != forced[y]) {
                return forced[x] ? -1 : 1;
            }
            int c = Double.compare(weight[y], weight[x]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a[x], a[y]);
            return c != 0 ? c : Integer.compare(b[x], b[y]);
        });
        int[] parent = new int[n];
        int[][] members = new int[n][];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e : used) {
            int x = find(parent, a[e]);
            int y = find(parent, b[e]);
            if (x == y) {
                continue;
            }
            int[] mx = members[x] == null ? new int[]{x} : members[x];
            int[] my = members[y] == null ? new int[]{y} : members[y];
            if (!forced[e] && mx.length + my.length <= maxCheck && contradicts(mx, my, contradiction)) {
                heldBack[e] = true;
                continue;
            }
            int[] merged = new int[mx.length + my.length];
            System.arraycopy(mx, 0, merged, 0, mx.length);
            System.arraycopy(my, 0, merged, mx.length, my.length);
            int root = Math.min(x, y);
            int other = Math.max(x, y);
            parent[other] = root;
            members[root] = merged;
            members[other] = null;
        }
        for (int i = 0; i < n; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    private static boolean contradicts(int[] xs, int[] ys, Contradiction c) {
        for (int x : xs) {
            for (int y : ys) {
                if (c.between(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each record's cluster representative: the smallest record index in its component. */
    static int[] components(int n, int edges, int[] a, int[] b, boolean[] linked) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < edges; e++) {
            if (!linked[e]) {
                continue;
            }
            int x = find(parent, a[e]);
            int y = find(parent, b[e]);
            if (x != y) {
                // the smaller index becomes the root, so the root is the component's minimum
                if (x < y) {
                    parent[y] = x;
                } else {
                    parent[x] = y;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    private static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    }

    /**
     * The flags of one cluster of {@code size} records (numbered 0..size-1) joined by the links
     * {@code ea[k]-eb[k]}; {@code weak[k]} tells which links are below the strong-link probability
     * (links from a PNC or the analyst are never weak).
     */
    static Set<ClusterFlag> flags(int size, int[] ea, int[] eb, boolean[] weak, boolean contradiction,
                                  LinkParameters p) {
        Set<ClusterFlag> flags = EnumSet.noneOf(ClusterFlag.class);
        if (size > p.maxClusterSize) {
            flags.add(ClusterFlag.LARGE);
        }
        if (contradiction) {
            flags.add(ClusterFlag.CONTRADICTION);
        }
        if (size >= 3 && size <= p.maxClusterCompare) {
            for (int k = 0; k < ea.length; k++) {
                if (weak[k] && isBridge(size, ea, eb, k)) {
                    flags.add(ClusterFlag.WEAK_LINK);
                    break;
                }
            }
        }
        return flags;
    }

    /** Whether the cluster is disconnected without link {@code skip}. */
    static boolean isBridge(int size, int[] ea, int[] eb, int skip) {
        boolean[] seen = new boolean[size];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[ea[skip]] = true;
        queue.add(ea[skip]);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int k = 0; k < ea.length; k++) {
                if (k == skip) {
                    continue;
                }
                int w = ea[k] == v ? eb[k] : eb[k] == v ? ea[k] : -1;
                if (w >= 0 && !seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return !seen[eb[skip]];
    }
}
