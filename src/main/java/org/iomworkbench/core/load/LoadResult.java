package org.iomworkbench.core.load;

import java.util.List;

/**
 * The outcome of a load that was not refused.
 *
 * @param snapshot       the new snapshot, or the existing one whose files are byte-identical
 * @param created        false when the folder was identical to {@code snapshot} and nothing was created
 * @param seconds        wall time of the load
 * @param firstRejections up to the first few rejections, for a quick look
 */
public record LoadResult(Snapshot snapshot, boolean created, double seconds, List<Rejection> firstRejections) {

    public double rowsPerSecond() {
        return seconds > 0 ? snapshot.rowsRead() / seconds : 0;
    }
}
