package org.iomworkbench.core.model.eval;

import java.util.Arrays;

final class Sorting {
    private Sorting() {
    }

    /** Row indices in ascending order of score (stable). */
    static Integer[] ascending(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        return order;
    }

    static int[] ascendingInts(double[] score) {
        Integer[] o = ascending(score);
        int[] out = new int[o.length];
        for (int i = 0; i < o.length; i++) {
            out[i] = o[i];
        }
        return out;
    }
}
