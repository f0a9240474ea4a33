package soaktune.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import soaktune.artifacts.AppliedProfile;
import soaktune.artifacts.IterationSummary;
import soaktune.artifacts.KpiGateFile;
import soaktune.artifacts.SoakState;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.LimitsReader;
import soaktune.model.Limits;
import soaktune.model.TunableField;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;

/**
 * Reads a soak's artifacts folder into a {@link SoakReport}: every {@code ITER_SUMMARY_<i>.json} (at least
 * one), and when present applied_profile.json (final overrides, the profile's spread), soak_state.json (how
 * the soak ended), KPI_GATE.json (thresholds file) and the rule set's limits.json. A malformed file is an
 * {@link InputException} naming it; a missing optional one or unreadable limits become a note in the report.
 */
public final class ArtifactsReader {
    // No leading zeros: ITER_SUMMARY_01.json is not a second copy of iteration 1.
    private static final Pattern SUMMARY = Pattern.compile(Pattern.quote(IterationSummary.PREFIX) + "([1-9][0-9]{0,6})\\.json");

    private ArtifactsReader() {
    }

    public static SoakReport read(Path dir) throws InputException {
        if (!Files.exists(dir)) {
            throw new InputException(dir.toString(), "no such folder: expected a soak's artifacts folder (run --artifacts DIR)");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "is not a folder: expected a soak's artifacts folder");
        }
        TreeMap<Integer, Path> summaries = summaries(dir);
        if (summaries.isEmpty()) {
            throw new InputException(dir.toString(), "no iterations: no " + IterationSummary.PREFIX
                    + "<i>.json in this folder (did a soak run here?)");
        }
        List<String> notes = new ArrayList<>();
        Optional<SoakState> state = Files.exists(dir.resolve(SoakState.NAME))
                ? Optional.of(SoakState.read(dir)) : Optional.empty();
        Path appliedFile = dir.resolve(AppliedProfile.NAME);
        AppliedProfile applied = Files.exists(appliedFile) ? AppliedProfile.read(appliedFile) : null;
        Double baseSpread = null;
        Map<TunableField, Double> finalOverrides = Map.of();
        if (applied != null) {
            baseSpread = applied.base() == null ? null : applied.base().get("base_spread_bps");
            if (applied.overridesRuntime() != null) {
                finalOverrides = new SummaryReader(appliedFile.toString()).overrides(applied.overridesRuntime(),
                        "overrides_runtime");
            }
        } else {
            notes.add(AppliedProfile.NAME + " is missing: final overrides are those of the last iteration");
        }

        int planned = state.map(SoakState::iterations).orElse(-1);
        List<IterationRow> rows = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : summaries.entrySet()) {
            if (planned > 0 && e.getKey() > planned) {
                skipped.add(e.getKey()); // left over from an earlier, longer soak in the same folder
                continue;
            }
            IterationSummary summary = IterationSummary.read(e.getValue());
            rows.add(new SummaryReader(e.getValue().toString()).row(summary, e.getKey(), baseSpread));
            if (planned < 0) {
                planned = Math.max(1, summary.iterations());
            }
        }
        if (!skipped.isEmpty()) {
            notes.add("ignored " + names(skipped) + ": beyond this soak's " + planned
                    + " iterations (left from an earlier soak in the same folder)");
        }
        if (rows.isEmpty()) {
            throw new InputException(dir.toString(), "no iterations of this soak (" + planned + " planned), only "
                    + names(skipped));
        }
        IterationRow last = rows.get(rows.size() - 1);
        if (finalOverrides.isEmpty()) {
            finalOverrides = last.after().isEmpty() ? last.inEffect() : last.after();
        }
        Set<String> ruleSets = rows.stream().map(r -> r.rulesVersion() + " (" + shortSha(r.rulesSha256()) + ")")
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ruleSets.size() > 1) {
            notes.add("the rule set changed during the soak: " + String.join(", then ", ruleSets));
        }
        // The rule set the run recorded (an absolute path or builtin:<name>), never one relative to the cwd.
        String limitsFile = null;
        Optional<Limits> limits = Optional.empty();
        if (last.rulesDir() == null) {
            notes.add("no limit bands: the summaries do not record the rules folder (rules.dir)");
        } else {
            // The limits of the rule set the soak ran with; without them the page draws no limit bands and says why.
            try {
                RuleSource recorded = RuleSource.resolve(last.rulesDir());
                limitsFile = recorded.nameOf(RuleSetLoader.LIMITS_FILE);
                limits = Optional.of(LimitsReader.fromJson(limitsFile, Json.parse(limitsFile,
                        recorded.read(RuleSetLoader.LIMITS_FILE))));
            } catch (InputException e) {
                notes.add("no limit bands: " + e.getMessage());
            }
        }
        String profile = applied == null ? null : applied.profile();
        Path gateFile = dir.resolve(KpiGateFile.NAME);
        return new SoakReport(dir, state.map(SoakState::status).orElse("unknown"), planned, profile,
                state.map(SoakState::source).orElse(null), rows, finalOverrides, limits, limitsFile,
                Files.exists(gateFile) ? KpiGateFile.read(gateFile).thresholds() : null, notes);
    }

    private static String names(List<Integer> iterations) {
        return String.join(", ", iterations.stream().map(i -> IterationSummary.PREFIX + i + ".json").toList());
    }

    static String shortSha(String sha) {
        return sha.length() <= 7 ? sha : sha.substring(0, 7);
    }

    private static TreeMap<Integer, Path> summaries(Path dir) throws InputException {
        TreeMap<Integer, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = SUMMARY.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.put(Integer.parseInt(m.group(1)), p);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot list the folder: " + e.getMessage());
        }
        return out;
    }
}
