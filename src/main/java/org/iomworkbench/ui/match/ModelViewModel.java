package org.iomworkbench.ui.match;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iomworkbench.core.link.LinkRunSummary;
import org.iomworkbench.core.link.MatchModel;
import org.iomworkbench.core.link.Thresholds;
import org.iomworkbench.core.link.WeightHistogram;
import org.iomworkbench.ui.common.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fitted model of the latest link run: m, u and weight of every comparison level, and how
 * the compared pairs' match weights spread, with the two thresholds.
 */
public final class ModelViewModel {
    private final ObservableList<MatchModel.LevelEstimate> levels = FXCollections.observableArrayList();
    private final ObservableList<WeightHistogram.Bin> bins = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Thresholds> thresholds = new ReadOnlyObjectWrapper<>(this, "thresholds");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    void show(LinkRunSummary r) {
        if (r == null) {
            levels.clear();
            bins.clear();
            thresholds.set(null);
            summary.set("Link the snapshot to see the model fitted to its records.");
            return;
        }
        levels.setAll(r.model().levels());
        bins.setAll(continuous(r.histogram().bins()));
        thresholds.set(r.thresholds());
        summary.set(String.format(Locale.UK, "The prior (two records drawn at random are the same person) is %s. "
                        + "%s compared pairs; %s at or above the upper threshold were linked, %s between the thresholds "
                        + "were queued for review.", MatchViewModel.priorText(r),
                Format.count(r.histogram().total()), Format.count(r.linkedByModel()), Format.count(r.pairsQueued())));
    }

    /** Every level of every field, most specific first; level 0 ("missing") carries no evidence. */
    public ObservableList<MatchModel.LevelEstimate> levels() {
        return levels;
    }

    /** One-bit-wide bins of pair weights, from the lowest to the highest with pairs, empty bins between included. */
    public ObservableList<WeightHistogram.Bin> bins() {
        return bins;
    }

    public ReadOnlyObjectProperty<Thresholds> thresholdsProperty() {
        return thresholds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A probability as the model table shows it: small ones in scientific notation. */
    public static String probability(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return p != 0 && p < 0.001 ? String.format(Locale.UK, "%.2e", p) : String.format(Locale.UK, "%.4f", p);
    }

    public static String weight(double w) {
        return String.format(Locale.UK, "%+.2f", w);
    }

    /** A bin's label on the histogram's axis: its lower edge in bits. */
    public static String binLabel(int lower) {
        return Integer.toString(lower);
    }

    static List<WeightHistogram.Bin> continuous(List<WeightHistogram.Bin> present) {
        List<WeightHistogram.Bin> out = new ArrayList<>();
        if (present.isEmpty()) {
            return out;
        }
        int next = present.get(0).lower();
        for (WeightHistogram.Bin b : present) {
            while (next < b.lower()) {
                out.add(new WeightHistogram.Bin(next++, 0));
            }
            out.add(b);
            next = b.lower() + 1;
        }
        return out;
    }
}
