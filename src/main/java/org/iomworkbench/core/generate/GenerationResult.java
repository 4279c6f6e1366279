package org.iomworkbench.core.generate;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param rows rows written per file (relative path, e.g. {@code crimes.csv}, {@code truth/person_map.csv})
 */
public record GenerationResult(Path folder, int persons, Map<String, Long> rows, long bytes, double seconds) {
    public double personsPerSecond() {
        return seconds > 0 ? persons / seconds : 0;
    }
}
