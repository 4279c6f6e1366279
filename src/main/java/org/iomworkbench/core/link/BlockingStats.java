package org.iomworkbench.core.link;

/**
 * What one blocking rule contributed to a run: its blocks, the pairs it compared (pairs an
 * earlier rule compared are not counted again), and the blocks over the size cap that it skipped.
 */
public record BlockingStats(String rule, long blocks, long pairsCompared, long cappedBlocks, long largestCappedBlock,
                            long pairsNotCompared) {
}
