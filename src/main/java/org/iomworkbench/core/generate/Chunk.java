package org.iomworkbench.core.generate;

/** The rows of a block of consecutive persons, in person order, ready to be appended to the files. */
final class Chunk {
    private final StringBuilder[] text = new StringBuilder[Output.values().length];
    private final long[] rows = new long[Output.values().length];
    int persons;

    Chunk(int personsHint) {
        for (Output o : Output.values()) {
            int size = switch (o) {
                case CRIMES, OFFENCES -> 400;
                case NOMINALS, PERSONS, EPISODES -> 150;
                default -> 60;
            };
            text[o.ordinal()] = new StringBuilder(Math.max(256, personsHint * size));
        }
    }

    StringBuilder sb(Output o) {
        return text[o.ordinal()];
    }

    void count(Output o) {
        rows[o.ordinal()]++;
    }

    long rows(Output o) {
        return rows[o.ordinal()];
    }
}
