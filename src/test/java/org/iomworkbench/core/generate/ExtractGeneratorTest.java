package org.iomworkbench.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.FileSummary;
import org.iomworkbench.core.load.LoadResult;
import org.iomworkbench.core.util.Cancellation;
import org.iomworkbench.core.util.Progress;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generator: determinism, a clean load, the truth, the documented ranges of
 * {@code sample-data/GENERATOR.md}, and the planted effects, all measured from the written files.
 */
class ExtractGeneratorTest {
    static final int PERSONS = 4000;
    static final long SEED = 20240101L;
    static final LocalDate END = LocalDate.of(2024, 12, 31);

    @TempDir
    static Path tmp;
    static Path dir;
    static GenerationResult result;

    @BeforeAll
    static void generate() {
        dir = tmp.resolve("gen");
        result = new ExtractGenerator(params(PERSONS, SEED), 2).generate(dir, Progress.NONE, Cancellation.none());
    }

    static GeneratorParameters params(int persons, long seed) {
        GeneratorParameters p = new GeneratorParameters();
        p.persons = persons;
        p.seed = seed;
        return p;
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            return p.getRecords();
        }
    }

    static List<CSVRecord> read(String name) throws IOException {
        return read(dir.resolve(name));
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- determinism and format

    @Test
    void sameSeedGivesTheSameBytesWhateverTheThreads() throws IOException {
        Path again = tmp.resolve("again");
        new ExtractGenerator(params(PERSONS, SEED), 1).generate(again, Progress.NONE, Cancellation.none());
        List<Path> a = files(dir);
        List<Path> b = files(again);
        assertThat(b.stream().map(again::relativize).toList()).isEqualTo(a.stream().map(dir::relativize).toList());
        for (Path f : a) {
            assertThat(Files.readAllBytes(again.resolve(dir.relativize(f)))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
        Path other = tmp.resolve("other");
        new ExtractGenerator(params(200, SEED + 1), 2).generate(other, Progress.NONE, Cancellation.none());
        Path small = tmp.resolve("small");
        new ExtractGenerator(params(200, SEED), 2).generate(small, Progress.NONE, Cancellation.none());
        assertThat(Files.readAllBytes(other.resolve("crimes.csv"))).isNotEqualTo(Files.readAllBytes(small.resolve("crimes.csv")));
    }

    @Test
    void theCommandLineWritesTheSameFolderAndRefusesBadOptions() throws IOException {
        Path cli = tmp.resolve("cli");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.iomworkbench.cli.Cli.run(new String[]{"generate", "--persons", "300", "--seed", "9", "--out",
                cli.toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("persons/s").contains("crimes.csv");
        Path api = tmp.resolve("api");
        new ExtractGenerator(params(300, 9), 2).generate(api, Progress.NONE, Cancellation.none());
        for (Path f : files(api)) {
            assertThat(Files.readAllBytes(cli.resolve(api.relativize(f)))).as(f.toString()).isEqualTo(Files.readAllBytes(f));
        }
        int bad = org.iomworkbench.cli.Cli.run(new String[]{"generate", "--persons", "0", "--seed", "9", "--out",
                tmp.resolve("bad").toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString()).contains("--persons");
    }

    @Test
    void everyFileOfTheSpecIsWrittenAndLoadsWithZeroRejections() throws Exception {
        for (String f : List.of("harm_index.csv", "nominals.csv", "crimes.csv", "custody.csv", "prison.csv",
                "drug_tests.csv", "markers.csv", "truth/person_map.csv", "truth/parameters.json")) {
            assertThat(dir.resolve(f)).exists();
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            LoadResult r = new ExtractLoader(ws).load(dir, END, Progress.NONE, Cancellation.none());
            assertThat(r.firstRejections()).isEmpty();
            assertThat(r.snapshot().rowsRejected()).isZero();
            assertThat(r.snapshot().harmIndex()).isEqualTo("folder");
            for (FileSummary f : r.snapshot().files()) {
                assertThat(f.rowsRead()).as(f.fileName()).isEqualTo(result.rows().get(f.fileName()));
                assertThat(f.rowsRead()).as(f.fileName()).isPositive();
            }
        }
    }

    @Test
    void harmIndexIsTheReferenceTableWithoutItsCounts() throws IOException {
        List<String> written = Files.readAllLines(dir.resolve("harm_index.csv"));
        try (var in = getClass().getResourceAsStream(OffenceCatalogue.RESOURCE)) {
            List<String> reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
            assertThat(written).isEqualTo(reference);
        }
    }

    @Test
    void crimeRefsIdentifyOneCrimeAndEventRefsAreUnique() throws IOException {
        Map<String, String> crime = new HashMap<>();
        for (CSVRecord r : read("crimes.csv")) {
            String what = r.get("offence_code") + "@" + r.get("offence_date");
            String before = crime.putIfAbsent(r.get("crime_ref"), what);
            assertThat(before == null || before.equals(what)).as(r.get("crime_ref")).isTrue();
        }
        assertThat(read("custody.csv").stream().map(r -> r.get("custody_ref")).distinct().count())
                .isEqualTo(result.rows().get("custody.csv"));
        assertThat(read("drug_tests.csv").stream().map(r -> r.get("test_ref")).distinct().count())
                .isEqualTo(result.rows().get("drug_tests.csv"));
    }

    // ---------------------------------------------------------------- truth

    @Test
    void truthMapCoversEveryNominalAndEveryPersonHasACrimesRecord() throws IOException {
        Set<String> nominals = read("nominals.csv").stream().map(r -> r.get("source") + "|" + r.get("source_person_id"))
                .collect(Collectors.toSet());
        List<CSVRecord> map = read("truth/person_map.csv");
        assertThat(map.stream().map(r -> r.get("source") + "|" + r.get("source_person_id")).collect(Collectors.toSet()))
                .isEqualTo(nominals);
        assertThat(map).hasSize(nominals.size());
        Set<String> persons = read("truth/persons.csv").stream().map(r -> r.get("person_id")).collect(Collectors.toSet());
        assertThat(persons).hasSize(PERSONS);
        assertThat(map.stream().filter(r -> r.get("source").equals("CRIMES")).map(r -> r.get("person_id"))
                .collect(Collectors.toSet())).isEqualTo(persons);
        // a national identifier, when present, is always the person's own
        Map<String, String> personOf = new HashMap<>();
        map.forEach(r -> personOf.put(r.get("source") + "|" + r.get("source_person_id"), r.get("person_id")));
        Map<String, String> pncOf = new HashMap<>();
        read("truth/persons.csv").forEach(r -> pncOf.put(r.get("person_id"), r.get("pnc_id")));
        Map<String, Set<String>> personsByPnc = new HashMap<>();
        for (CSVRecord r : read("nominals.csv")) {
            String pnc = r.get("pnc_id");
            if (!pnc.isEmpty()) {
                String person = personOf.get(r.get("source") + "|" + r.get("source_person_id"));
                assertThat(pnc).isEqualTo(pncOf.get(person));
                personsByPnc.computeIfAbsent(pnc, k -> new HashSet<>()).add(person);
            }
        }
        assertThat(personsByPnc.values()).allMatch(s -> s.size() == 1);
    }

    @Test
    void parametersCarryThePlantedEffects() throws IOException {
        JsonNode p = new ObjectMapper().readTree(dir.resolve("truth/parameters.json").toFile()).get("parameters");
        assertThat(p.get("persons").asInt()).isEqualTo(PERSONS);
        assertThat(p.get("seed").asLong()).isEqualTo(SEED);
        assertThat(p.get("end").asText()).isEqualTo("2024-12-31");
        GeneratorParameters d = new GeneratorParameters();
        assertThat(p.at("/substances/opiatesRateMultiplier").asDouble()).isEqualTo(d.substances.opiatesRateMultiplier);
        assertThat(p.at("/substances/alcoholRateMultiplier").asDouble()).isEqualTo(d.substances.alcoholRateMultiplier);
        assertThat(p.at("/errors/surnameTypo").asDouble()).isEqualTo(0.05);
        assertThat(p.at("/bias/kind").asText()).isEqualTo("NONE");
    }

    // ---------------------------------------------------------------- documented ranges

    @Test
    void offendingAndPrisonFallInTheDocumentedRanges() throws IOException {
        List<CSVRecord> persons = read("truth/persons.csv");
        Map<String, Set<String>> refsByPerson = new HashMap<>();
        Map<String, String> personOf = personOf();
        for (CSVRecord r : read("crimes.csv")) {
            refsByPerson.computeIfAbsent(personOf.get("CRIMES|" + r.get("source_person_id")), k -> new HashSet<>())
                    .add(r.get("crime_ref"));
        }
        double[] perPerson = persons.stream().mapToDouble(r -> refsByPerson.getOrDefault(r.get("person_id"), Set.of()).size())
                .sorted().toArray();
        double mean = java.util.Arrays.stream(perPerson).average().orElse(0);
        double median = perPerson[perPerson.length / 2];
        assertThat(perPerson[0]).isGreaterThanOrEqualTo(1);
        assertThat(mean).as("crimes per person").isBetween(4.0, 10.0);
        assertThat(median).as("median crimes per person").isBetween(2.0, 5.0);
        double inPrison = persons.stream().filter(r -> r.get("in_prison_at_end").equals("Y")).count() / (double) PERSONS;
        assertThat(inPrison).as("share in prison at the end").isBetween(0.03, 0.10);
        long open = read("prison.csv").stream().filter(r -> r.get("release_date").isEmpty()).count();
        assertThat(open / (double) PERSONS).isEqualTo(inPrison, within(1e-9));
        // nobody offends while in prison
        Map<String, List<long[]>> spells = new HashMap<>();
        for (CSVRecord r : read("truth/episodes.csv")) {
            if (r.get("kind").equals("PRISON")) {
                long end = r.get("end_date").isEmpty() ? Long.MAX_VALUE : LocalDate.parse(r.get("end_date")).toEpochDay();
                spells.computeIfAbsent(r.get("person_id"), k -> new ArrayList<>())
                        .add(new long[]{LocalDate.parse(r.get("start_date")).toEpochDay(), end});
            }
        }
        for (CSVRecord r : read("truth/offences.csv")) {
            long day = LocalDate.parse(r.get("offence_date")).toEpochDay();
            for (long[] s : spells.getOrDefault(r.get("person_id"), List.of())) {
                assertThat(day >= s[0] && day < s[1]).as("offence in prison " + r).isFalse();
            }
        }
        // the ages: offenders from 10 upward
        Map<String, LocalDate> dob = new HashMap<>();
        persons.forEach(r -> dob.put(r.get("person_id"), LocalDate.parse(r.get("date_of_birth"))));
        for (CSVRecord r : read("truth/offences.csv")) {
            assertThat(LocalDate.parse(r.get("offence_date"))).isAfterOrEqualTo(dob.get(r.get("person_id")).plusYears(10));
        }
    }

    @Test
    void recordErrorsAndDuplicatesFallInTheDocumentedRanges() throws IOException {
        List<CSVRecord> nominals = read("nominals.csv");
        double n = nominals.size();
        Map<String, Integer> errors = new HashMap<>();
        for (CSVRecord r : read("truth/record_errors.csv")) {
            for (String e : r.get("errors").split(";")) {
                if (!e.isEmpty()) {
                    errors.merge(e, 1, Integer::sum);
                }
            }
        }
        GeneratorParameters.RecordErrors d = new GeneratorParameters().errors;
        assertRate(errors.getOrDefault("SURNAME_TYPO", 0) / n, d.surnameTypo, "surname typo");
        assertRate((errors.getOrDefault("FORENAME_NICKNAME", 0) + errors.getOrDefault("FORENAME_INITIAL", 0)) / n,
                d.forenameNicknameOrInitial, "nickname or initial");
        assertRate((errors.getOrDefault("SURNAME_CHANGED", 0) + errors.getOrDefault("SURNAME_HYPHENATED", 0)) / n,
                d.surnameChangedOrHyphenated, "changed or hyphenated");
        assertRate(errors.getOrDefault("NAMES_SWAPPED", 0) / n, d.namesSwapped, "swapped");
        assertRate(errors.getOrDefault("DOB_DAY_MONTH_SWAPPED", 0) / n, d.dayMonthSwapped, "day/month");
        assertRate(errors.getOrDefault("DOB_DIGIT_WRONG", 0) / n, d.dateOfBirthDigitWrong, "digit");
        // measured on the records themselves
        assertRate(nominals.stream().filter(r -> r.get("date_of_birth").isEmpty()).count() / n, d.dateOfBirthMissing, "dob missing");
        assertRate(nominals.stream().filter(r -> r.get("postcode").isEmpty()).count() / n, d.postcodeMissing, "postcode missing");
        assertThat(nominals).allMatch(r -> !r.get("forenames").isBlank());
        assertRate(pncShare(nominals, "CUSTODY"), d.pncCustody, "pnc custody");
        assertRate(pncShare(nominals, "CRIMES"), d.pncCrimes, "pnc crimes");
        assertRate(pncShare(nominals, "DIP"), d.pncDip, "pnc dip");
        // a second record in the same system
        Map<String, Integer> records = new HashMap<>();
        for (CSVRecord r : read("truth/person_map.csv")) {
            records.merge(r.get("source") + "|" + r.get("person_id"), 1, Integer::sum);
        }
        long duplicated = records.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey().substring(e.getKey().indexOf('|') + 1)).distinct().count();
        assertRate(duplicated / (double) PERSONS, d.secondRecord, "second record");
        // the true names differ from the recorded ones about as often as the errors say
        Map<String, CSVRecord> truth = new HashMap<>();
        read("truth/persons.csv").forEach(r -> truth.put(r.get("person_id"), r));
        Map<String, String> personOf = personOf();
        long exact = nominals.stream().filter(r -> {
            CSVRecord t = truth.get(personOf.get(r.get("source") + "|" + r.get("source_person_id")));
            return t.get("surname").equals(r.get("surname")) && t.get("forenames").equals(r.get("forenames"))
                    && t.get("date_of_birth").equals(r.get("date_of_birth"));
        }).count();
        assertThat(exact / n).isBetween(0.70, 0.85);
    }

    static double pncShare(List<CSVRecord> nominals, String system) {
        List<CSVRecord> s = nominals.stream().filter(r -> r.get("source").equals(system)).toList();
        return s.stream().filter(r -> !r.get("pnc_id").isEmpty()).count() / (double) s.size();
    }

    /** A measured rate within 40% of its parameter (and ±0.6 points for the small ones). */
    static void assertRate(double measured, double expected, String what) {
        assertThat(measured).as(what).isBetween(Math.min(expected * 0.6, expected - 0.006),
                Math.max(expected * 1.4, expected + 0.006));
    }

    @Test
    void offenceMixFollowsTheNationalMix() throws IOException {
        OffenceCatalogue cat = OffenceCatalogue.load();
        Map<String, Double> national = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (int i = 0; i < cat.size(); i++) {
            national.merge(cat.group[i], cat.nationalShare[i], Double::sum);
            groupOf.put(cat.code[i], cat.group[i]);
        }
        List<CSVRecord> crimes = read("crimes.csv");
        Map<String, Double> mix = new HashMap<>();
        for (CSVRecord r : crimes) {
            mix.merge(groupOf.get(r.get("offence_code")), 1.0 / crimes.size(), Double::sum);
        }
        for (Map.Entry<String, Double> e : national.entrySet()) {
            if (e.getValue() >= 0.01) {
                assertThat(mix.getOrDefault(e.getKey(), 0.0)).as(e.getKey())
                        .isBetween(e.getValue() / 2, e.getValue() * 2);
            }
        }
        assertThat(mix.keySet()).containsAll(national.keySet().stream().filter(g -> national.get(g) >= 0.01).toList());
    }

    @Test
    void trajectoriesDrugTestsMarkersAndCoOffendingAppear() throws IOException {
        Map<String, Set<String>> kinds = new HashMap<>();
        for (CSVRecord r : read("truth/episodes.csv")) {
            kinds.computeIfAbsent(r.get("kind"), k -> new HashSet<>()).add(r.get("person_id"));
        }
        assertThat(kinds.get("ESCALATING").size() / (double) PERSONS).isGreaterThan(0.2);
        assertThat(kinds.get("DEESCALATING").size() / (double) PERSONS).isGreaterThan(0.2);
        List<CSVRecord> tests = read("drug_tests.csv");
        assertThat(tests.stream().filter(r -> r.get("result").equals("POSITIVE")).count()).isGreaterThan(tests.size() / 20);
        assertThat(read("markers.csv").stream().map(r -> r.get("marker")).collect(Collectors.toSet()))
                .contains("ALCOHOL_DEPENDENCY", "DRUG_USE");
        assertThat(read("truth/offences.csv").stream().filter(r -> r.get("co_offence").equals("Y")).count()).isPositive();
        assertThat(read("crimes.csv").stream().filter(r -> r.get("alcohol_related").equals("Y")).count()).isPositive();
    }

    // ---------------------------------------------------------------- planted effects

    /** Offence rates (own offences a year of free, active career in the window) by substance state. */
    @Test
    void plantedSubstanceEffectsAreVisibleInTheTruthAndTheData() throws IOException {
        long start = LocalDate.of(2014, 1, 1).toEpochDay();
        long end = END.toEpochDay();
        int days = (int) (end - start + 1);
        Map<String, List<CSVRecord>> episodes = new HashMap<>();
        read("truth/episodes.csv").forEach(r -> episodes.computeIfAbsent(r.get("person_id"), k -> new ArrayList<>()).add(r));
        Map<String, int[]> offencesByDay = new HashMap<>();
        // state index: bit 0 alcohol, 1 opiates, 2 cocaine
        double[] offences = new double[8];
        double[] exposure = new double[8];
        double[][] violentShare = new double[8][2];
        OffenceCatalogue cat = OffenceCatalogue.load();
        Map<String, String> groupOf = new HashMap<>();
        for (int i = 0; i < cat.size(); i++) {
            groupOf.put(cat.code[i], cat.group[i]);
        }
        for (CSVRecord r : read("truth/offences.csv")) {
            if (r.get("co_offence").equals("Y")) {
                continue;
            }
            int s = (r.get("alcohol_dependent").equals("Y") ? 1 : 0) | (r.get("opiates").equals("Y") ? 2 : 0)
                    | (r.get("cocaine").equals("Y") ? 4 : 0);
            offences[s]++;
            String g = groupOf.get(r.get("offence_code"));
            violentShare[s][0] += Set.of("VIOLENCE", "PUBLIC_ORDER", "CRIMINAL_DAMAGE").contains(g) ? 1 : 0;
            violentShare[s][1] += Set.of("THEFT", "BURGLARY", "ROBBERY", "DRUGS").contains(g) ? 1 : 0;
        }
        for (Map.Entry<String, List<CSVRecord>> e : episodes.entrySet()) {
            byte[] state = new byte[days];
            boolean[] active = new boolean[days];
            for (CSVRecord r : e.getValue()) {
                long s = Math.max(start, LocalDate.parse(r.get("start_date")).toEpochDay());
                long f = r.get("end_date").isEmpty() ? end + 1 : LocalDate.parse(r.get("end_date")).toEpochDay();
                int bit = switch (r.get("kind")) {
                    case "ALCOHOL_DEPENDENCY" -> 1;
                    case "OPIATES" -> 2;
                    case "COCAINE" -> 4;
                    default -> 0;
                };
                for (long d = s; d < f && d <= end; d++) {
                    int i = (int) (d - start);
                    switch (r.get("kind")) {
                        case "CAREER" -> active[i] = true;
                        case "PRISON" -> state[i] |= 8;
                        default -> state[i] |= (byte) bit;
                    }
                }
            }
            for (int i = 0; i < days; i++) {
                if (active[i] && (state[i] & 8) == 0) {
                    exposure[state[i]]++;
                }
            }
        }
        double none = offences[0] / exposure[0];
        GeneratorParameters.Substances planted = new GeneratorParameters().substances;
        double alcohol = (offences[1] / exposure[1]) / none;
        double opiates = (offences[2] / exposure[2]) / none;
        double cocaine = (offences[4] / exposure[4]) / none;
        // confounded by age, drift and desistance, so the order of magnitude and direction, not the value
        assertThat(alcohol).as("alcohol rate ratio").isBetween(planted.alcoholRateMultiplier / 1.6, planted.alcoholRateMultiplier * 1.6);
        assertThat(opiates).as("opiates rate ratio").isBetween(planted.opiatesRateMultiplier / 1.6, planted.opiatesRateMultiplier * 1.6);
        assertThat(cocaine).as("cocaine rate ratio").isBetween(planted.cocaineRateMultiplier / 1.6, planted.cocaineRateMultiplier * 1.6);
        // type shifts: alcohol towards violence and disorder, drugs towards acquisitive crime
        assertThat(violentShare[1][0] / offences[1]).isGreaterThan(violentShare[0][0] / offences[0] * 1.2);
        assertThat(violentShare[2][1] / offences[2]).isGreaterThan(violentShare[0][1] / offences[0] * 1.3);

        // in the extracts: alcohol_related crimes are commoner under an alcohol marker, and people who test
        // positive for opiates have more crimes than people who test only negative
        Map<String, String> personOf = personOf();
        Map<String, Integer> crimesByPerson = new HashMap<>();
        Map<String, int[]> alcoholFlags = new HashMap<>();
        for (CSVRecord r : read("crimes.csv")) {
            String p = personOf.get("CRIMES|" + r.get("source_person_id"));
            crimesByPerson.merge(p, 1, Integer::sum);
            int[] a = alcoholFlags.computeIfAbsent(p, k -> new int[2]);
            a[0] += r.get("alcohol_related").equals("Y") ? 1 : 0;
            a[1]++;
        }
        Set<String> alcoholMarked = new HashSet<>();
        for (CSVRecord r : read("markers.csv")) {
            if (r.get("marker").equals("ALCOHOL_DEPENDENCY")) {
                alcoholMarked.add(personOf.get(r.get("source") + "|" + r.get("source_person_id")));
            }
        }
        double markedShare = share(alcoholFlags, alcoholMarked, true);
        double unmarkedShare = share(alcoholFlags, alcoholMarked, false);
        assertThat(markedShare).isGreaterThan(unmarkedShare * 1.5);
        Map<String, Boolean> opiatesPositive = new HashMap<>();
        for (CSVRecord r : read("drug_tests.csv")) {
            String p = personOf.get("DIP|" + r.get("source_person_id"));
            boolean pos = r.get("result").equals("POSITIVE") && !r.get("substance").equals("COCAINE");
            opiatesPositive.merge(p, pos, Boolean::logicalOr);
        }
        double posMean = opiatesPositive.entrySet().stream().filter(Map.Entry::getValue)
                .mapToInt(e -> crimesByPerson.get(e.getKey())).average().orElse(0);
        double negMean = opiatesPositive.entrySet().stream().filter(e -> !e.getValue())
                .mapToInt(e -> crimesByPerson.get(e.getKey())).average().orElse(0);
        assertThat(posMean).isGreaterThan(negMean * 1.2);
    }

    static double share(Map<String, int[]> flags, Set<String> group, boolean in) {
        long y = 0;
        long n = 0;
        for (Map.Entry<String, int[]> e : flags.entrySet()) {
            if (group.contains(e.getKey()) == in) {
                y += e.getValue()[0];
                n += e.getValue()[1];
            }
        }
        return y / (double) n;
    }

    static Map<String, String> personOf() throws IOException {
        Map<String, String> m = new HashMap<>();
        read("truth/person_map.csv").forEach(r -> m.put(r.get("source") + "|" + r.get("source_person_id"), r.get("person_id")));
        return m;
    }

    // ---------------------------------------------------------------- fairness

    /** Share of true offences (own, in the window) that were recorded, for the B group and the rest. */
    static double[] recordedShare(Path folder) throws IOException {
        Set<String> group = read(folder.resolve("truth/persons.csv")).stream()
                .filter(r -> r.get("bias_group").equals("Y")).map(r -> r.get("person_id")).collect(Collectors.toSet());
        double[] rec = new double[2];
        double[] all = new double[2];
        for (CSVRecord r : read(folder.resolve("truth/offences.csv"))) {
            if (r.get("co_offence").equals("Y")) {
                continue;
            }
            int g = group.contains(r.get("person_id")) ? 0 : 1;
            all[g]++;
            rec[g] += r.get("recorded").equals("Y") ? 1 : 0;
        }
        return new double[]{rec[0] / all[0], rec[1] / all[1]};
    }

    @Test
    void byDefaultEthnicityAndGenderHaveNoEffectAndAPlantedBiasShows() throws IOException {
        double[] fair = recordedShare(dir);
        assertThat(fair[0]).isCloseTo(fair[1], within(0.03));
        // true offending per person does not depend on gender (heavy tails: a loose bound)
        List<CSVRecord> persons = read("truth/persons.csv");
        double men = persons.stream().filter(r -> r.get("gender").equals("M")).mapToInt(r -> Integer.parseInt(r.get("offences"))).average().orElse(0);
        double women = persons.stream().filter(r -> r.get("gender").equals("F")).mapToInt(r -> Integer.parseInt(r.get("offences"))).average().orElse(0);
        assertThat(women / men).isBetween(0.7, 1.4);

        GeneratorParameters p = params(2000, SEED);
        p.bias.kind = "RECORDING";
        p.bias.group = "B";
        p.bias.factor = 1.25;
        Path biased = tmp.resolve("biased");
        new ExtractGenerator(p, 2).generate(biased, Progress.NONE, Cancellation.none());
        double[] b = recordedShare(biased);
        assertThat(b[0]).isCloseTo(1.0, within(1e-9));
        assertThat(b[1]).isCloseTo(0.8, within(0.03));

        GeneratorParameters t = params(2000, SEED);
        t.bias.kind = "DRUG_TEST";
        t.bias.group = "B";
        t.bias.factor = 1.5;
        Path tested = tmp.resolve("tested");
        new ExtractGenerator(t, 2).generate(tested, Progress.NONE, Cancellation.none());
        assertThat(testsPerTriggerArrest(tested, "B")).isGreaterThan(testsPerTriggerArrest(dir, "B") * 1.25);
    }

    /** Drug tests per custody detention for a trigger offence, for people whose ethnicity starts with {@code prefix}. */
    static double testsPerTriggerArrest(Path folder, String prefix) throws IOException {
        Map<String, String> personOf = new HashMap<>();
        read(folder.resolve("truth/person_map.csv")).forEach(r -> personOf.put(r.get("source") + "|" + r.get("source_person_id"), r.get("person_id")));
        Set<String> group = read(folder.resolve("truth/persons.csv")).stream()
                .filter(r -> r.get("ethnicity").startsWith(prefix)).map(r -> r.get("person_id")).collect(Collectors.toSet());
        long tests = read(folder.resolve("truth/offences.csv")).size() > 0 ? read(folder.resolve("drug_tests.csv")).stream()
                .filter(r -> group.contains(personOf.get("DIP|" + r.get("source_person_id")))).count() : 0;
        Set<String> triggers = Set.of("SHOPLIFTING", "OTHER_THEFT", "THEFT_FROM_PERSON", "BICYCLE_THEFT",
                "RESIDENTIAL_BURGLARY", "NON_RESIDENTIAL_BURGLARY", "ROBBERY_BUSINESS", "ROBBERY_PERSONAL",
                "DRUG_POSSESSION", "DRUG_TRAFFICKING");
        // custody rows may omit the code; count the arrests whose code is known and scale by the known share
        List<CSVRecord> custody = read(folder.resolve("custody.csv"));
        long known = custody.stream().filter(r -> !r.get("offence_code").isEmpty()).count();
        long arrests = custody.stream().filter(r -> triggers.contains(r.get("offence_code")))
                .filter(r -> group.contains(personOf.get("CUSTODY|" + r.get("source_person_id")))).count();
        return tests / (arrests * custody.size() / (double) known);
    }
}
