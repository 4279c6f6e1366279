package org.iomworkbench.core.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a link run, all recorded with it. Nothing here is a match weight: m and u are
 * estimated from the data on every run; these say how to search and where to draw the lines.
 */
public final class LinkParameters {
    /**
     * Blocking rules: only records that agree on every part of at least one rule are compared.
     * Parts: {@code pnc, dob, dob_sorted (the date with day and month as an unordered pair), birth_year, birth_month_day, surname, surname_code, surname_initial,
     * forename, forename_code, forename_initial, names_sorted, postcode, sector, district, gender,
     * dob_missing}
     * (codes are Double Metaphone; {@code names_sorted} is the surname and first-forename codes
     * as an unordered pair, so swapped names still meet; {@code dob_missing} is not a key but keeps
     * only the pairs in which a record has no date of birth, and the size cap then counts those
     * pairs, so that the last, names-only rule reaches the records the date rules cannot without
     * comparing millions of pairs whose dates of birth plainly differ).
     */
    public List<String> blockingRules = new ArrayList<>(List.of(
            "pnc",
            "dob_sorted+surname_initial",
            "dob_sorted+forename_initial",
            "dob_sorted+initials_sorted",
            "surname_code+forename_initial+birth_year",
            "names_sorted+birth_year",
            "surname_code+forename_initial+birth_month_day",
            "names_sorted+district",
            "postcode",
            "names_sorted+dob_missing"));
    /** A block with more records than this is not compared (reported). */
    public int maxBlockSize = 600;
    /** Training blocks for EM: each trains the m of the fields its parts do not use. */
    public List<String> trainingRules = new ArrayList<>(List.of("dob", "surname_code+forename_code"));
    /** Random pairs drawn to estimate u. */
    public long uSamplePairs = 4_000_000;
    /** Pairs sampled from each training rule's blocks for EM. */
    public long emSamplePairs = 2_000_000;
    /** Smallest m or u an estimate may take (keeps log2(m/u) finite). */
    public double minProbability = 1e-6;
    /**
     * Pairs at or above this posterior match probability are linked; null (the default) chooses
     * it from the data, see {@link Thresholds}.
     */
    public Double upperProbability = null;
    /**
     * When the upper threshold is chosen from the data: the share of true matches the model must
     * expect among the links. With the full-name term frequencies the model's probabilities are
     * calibrated, so this is what it delivers link by link; between persons the share is a little
     * lower (one wrong link joins every record of two persons), hence the margin over the 0.995
     * asked of the persons. 0.995 links more (higher recall, precision about 0.992-0.995 at
     * 20,000-50,000 generated persons); see the README.
     */
    public double expectedPrecision = 0.998;
    /** Pairs below this probability are not linked; between the two they wait for the analyst. */
    public double lowerProbability = 0.5;
    /** A cluster with more records than this is flagged for review. */
    public int maxClusterSize = 10;
    /** A bridge (a link whose removal splits its cluster) below this probability is a weak link, flagged. */
    public double strongLinkProbability = 0.9999;
    /**
     * Two records contradict each other when their own comparison is evidence against a match
     * (Bayes factor below 1) and their posterior match probability is below this. The clustering
     * never joins contradicting records through other links (the joining link is held back for
     * review), and a cluster that holds them anyway (by PNC or the analyst) is flagged.
     */
    public double contradictionProbability = 0.001;
    /** Clusters up to this size have every pair of their records compared for contradictions. */
    public int maxClusterCompare = 60;
    /** Worker threads for comparing pairs. */
    public int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Seed of the random samples (the same data and seed give the same result). */
    public long seed = 20240601L;

    public Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("blockingRules", blockingRules);
        j.put("maxBlockSize", maxBlockSize);
        j.put("trainingRules", trainingRules);
        j.put("uSamplePairs", uSamplePairs);
        j.put("emSamplePairs", emSamplePairs);
        j.put("minProbability", minProbability);
        j.put("upperProbability", upperProbability);
        j.put("expectedPrecision", expectedPrecision);
        j.put("lowerProbability", lowerProbability);
        j.put("maxClusterSize", maxClusterSize);
        j.put("strongLinkProbability", strongLinkProbability);
        j.put("contradictionProbability", contradictionProbability);
        j.put("maxClusterCompare", maxClusterCompare);
        j.put("seed", seed);
        return j;
    }

    void validate() {
        double upper = upperProbability == null ? 0.99 : upperProbability;
        if (!(lowerProbability > 0 && lowerProbability <= upper && upper < 1 && expectedPrecision > 0 && expectedPrecision < 1)) {
            throw new org.iomworkbench.core.util.WorkbenchException("The thresholds must satisfy 0 < lower <= upper < 1 (lower "
                    + lowerProbability + ", upper " + upperProbability + ", expected precision " + expectedPrecision + ").", "Give match probabilities such as 0.5 and 0.99.", true);
        }
        if (blockingRules.isEmpty()) {
            throw new org.iomworkbench.core.util.WorkbenchException("No blocking rule was given.",
                    "Give at least one rule, e.g. dob+surname_initial.", true);
        }
        blockingRules.forEach(BlockingRule::parse);
        trainingRules.forEach(BlockingRule::parse);
    }
}
