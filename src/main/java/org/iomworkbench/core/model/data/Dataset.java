package org.iomworkbench.core.model.data;

import org.iomworkbench.core.score.ScoringConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A {@link ModelDataset} seen through public fields (the form {@code core.model} trains from). The
 * fields are the data set's own arrays, shared, not copied; every rule (who is at risk, unknown
 * outcomes, the prison exclusion, the audit columns kept apart) is {@link ModelDataset}'s.
 */
public final class Dataset {
    public final LocalDate asAt;
    public final int[] person;
    public final double[][] x;
    /** Outcome (labelled sets only). */
    public final boolean[] y;
    /** Index into {@link #groups} of the next offence's crime group within the follow-up, or -1. */
    public final int[] nextGroup;
    /** Index into {@link #groups} of the last offence's crime group on or before T, or -1. */
    public final int[] lastGroup;
    public final int[] band;
    public final double[] rfsdi;
    /** Audit only, never an input. */
    public final String[] gender;
    /** Audit only, never an input. */
    public final String[] ageBand;
    /** Audit only, never an input. */
    public final String[] ethnicity;
    public final List<String> groups;
    /** People at risk at T, before anyone is left out. */
    public final int atRisk;
    /** People at risk left out because the follow-up runs past the end of the data (outcome unknown). */
    public final int unknownFollowUp;
    /** People at risk left out for prison during most of the follow-up. */
    public final int excludedPrison;
    public final boolean labelled;
    /** The data set these fields show. */
    public final ModelDataset data;

    /** The fields of {@code s}. */
    public Dataset(ModelDataset s) {
        this.data = s;
        this.asAt = s.asAt();
        this.person = s.persons();
        this.x = s.x();
        this.y = s.y();
        this.nextGroup = s.nextGroup();
        this.lastGroup = s.lastGroup();
        this.band = s.band();
        this.rfsdi = s.rfsdi();
        this.gender = s.auditGender();
        this.ageBand = s.auditAgeBand();
        this.ethnicity = s.auditEthnicity();
        this.groups = s.groups();
        this.atRisk = s.atRisk();
        this.unknownFollowUp = s.unknownFollowUp();
        this.excludedPrison = s.excludedPrison();
        this.labelled = s.isLabelled();
    }

    public int size() {
        return person.length;
    }

    public long positives() {
        return data.positives();
    }

    /** Options of a labelled set (see {@link ModelDataset.Labelling}). */
    public record Labelling(Outcome outcome, int horizonDays, Set<String> violentGroups, double maxPrisonShare) {
        public ModelDataset.Labelling toModel() {
            return new ModelDataset.Labelling(outcome, horizonDays, violentGroups, maxPrisonShare);
        }
    }

    /** {@link ModelDataset#labelled}. */
    public static Dataset labelled(ModelData md, ScoringConfig frozen, LocalDate t, Features f, Labelling l) {
        return new Dataset(ModelDataset.labelled(md, frozen, t, f, l.toModel()));
    }

    /** {@link ModelDataset#forPrediction}. */
    public static Dataset forPrediction(ModelData md, ScoringConfig frozen, LocalDate t, Features f) {
        return new Dataset(ModelDataset.forPrediction(md, frozen, t, f));
    }

    /** {@link ModelDataset#forPersons}. */
    public static Dataset forPersons(ModelData md, ScoringConfig frozen, LocalDate t, Features f, boolean[] persons) {
        return new Dataset(ModelDataset.forPersons(md, frozen, t, f, persons));
    }
}
