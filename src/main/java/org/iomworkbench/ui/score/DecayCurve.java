package org.iomworkbench.ui.score;

/**
 * What one offence adds to S as it ages (sections 1 and 2 of the spec): {@code h * 2^(-age / half-life)}
 * with {@code h = log10(1 + harm days)}, for a person who goes to prison {@code prisonFrom} days
 * after the offence and is released {@code prisonTo} days after it. While they are inside the
 * clock stops at the entry date, so the contribution stays flat; on release it is measured from
 * the as-at date again.
 *
 * @param harmDays   the offence code's harm days in the harm index
 * @param prisonFrom days from the offence to the prison entry (at least 0)
 * @param prisonTo   days from the offence to the release (not before the entry; equal means no stay)
 */
public record DecayCurve(String code, double harmDays, double halfLifeDays, int prisonFrom, int prisonTo) {
    public DecayCurve {
        if (prisonFrom < 0 || prisonTo < prisonFrom) {
            throw new IllegalArgumentException("the prison stay must start at or after the offence and end after it starts");
        }
    }

    /** {@code log10(1 + harm days)}: the offence's harm on the day it is committed. */
    public double h() {
        return Math.log10(1 + harmDays);
    }

    /** The age the decay uses when the as-at date is {@code days} after the offence. */
    public int age(int days) {
        return days >= prisonFrom && days < prisonTo ? prisonFrom : days;
    }

    /** The contribution to S when the as-at date is {@code days} after the offence. */
    public double contribution(int days) {
        return h() * Math.pow(2.0, -age(days) / halfLifeDays);
    }

    /** A sensible span to draw: four half-lives, and the prison stay with a half-life after it. */
    public int span() {
        return (int) Math.ceil(Math.max(4 * halfLifeDays, prisonTo + halfLifeDays));
    }
}
