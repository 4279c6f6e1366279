package org.iomworkbench.core.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of common forename variants and diminutives (resource {@code nicknames.txt}): two
 * forenames are a nickname match when they share a group.
 */
final class Nicknames {
    private static final int[] NONE = new int[0];
    private static final Map<String, int[]> GROUPS = load();

    private Nicknames() {
    }

    /** The groups a normalised forename belongs to (empty when none). */
    static int[] groups(String normalisedName) {
        return GROUPS.getOrDefault(normalisedName, NONE);
    }

    static boolean share(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, int[]> load() {
        Map<String, List<Integer>> m = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream("nicknames.txt")) {
            if (in == null) {
                throw new IllegalStateException("nicknames.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int group = 0;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split("\\s+")) {
                    String n = Normalise.name(name);
                    if (!n.isEmpty()) {
                        List<Integer> gs = m.computeIfAbsent(n, k -> new ArrayList<>());
                        if (!gs.contains(group)) {
                            gs.add(group);
                        }
                    }
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, int[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }
}
