package soaktune.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.api.definition.rule.Rule;
import soaktune.io.InputException;
import soaktune.model.MissingMetricException;
import soaktune.model.Overrides;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSetManifest;
import soaktune.rules.engine.RuleSource;
import soaktune.tuning.Decision;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningStep;

/**
 * Runs regression scenarios against a rule set through the real {@link TuningStep}: each step is one decision,
 * and a step starts from the overrides and the tuning memory (moves, freezes) the previous one produced. Problems in a scenario file fail that
 * scenario (with file and line) without stopping the others.
 */
public final class ScenarioRunner {
    /** Decisions in scenarios carry a fixed time stamp: results never depend on the clock. */
    static final String TS = "2000-01-01T00:00:00Z";

    private final RuleSet rules;
    private final Set<String> ruleNames;

    public ScenarioRunner(RuleSet rules) {
        this.rules = rules;
        this.ruleNames = rules.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(Rule::getName).collect(Collectors.toSet());
    }

    /**
     * The scenarios a rule set runs: its own {@code tests/} files, then each base's that it has no file of the
     * same name for, less those a manifest's {@code skip_base_tests} names (for that manifest's bases).
     *
     * @param files   sorted by file name
     * @param skipped base scenario files left out by {@code skip_base_tests}, with the manifest that says so
     */
    public record Suite(List<Path> files, List<String> skipped) {
    }

    public static Suite scenarios(RuleSource set) throws InputException {
        Map<String, Path> byName = new TreeMap<>();
        Map<String, String> skipBy = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (RuleSetManifest.Layer layer : RuleSetManifest.chain(set)) {
            for (Path p : scenarioFiles(layer.source().root())) {
                String name = p.getFileName().toString();
                if (skipBy.containsKey(name) && !byName.containsKey(name)) {
                    skipped.add(layer.source().ownNameOf(RuleSetLoader.TESTS_DIR + "/" + name) + " (skip_base_tests in "
                            + skipBy.get(name) + ")");
                } else {
                    byName.putIfAbsent(name, p);
                }
            }
            layer.manifest().ifPresent(m -> m.skipBaseTests().forEach(n -> skipBy.putIfAbsent(n, m.file())));
        }
        return new Suite(List.copyOf(byName.values()), skipped);
    }

    /** The scenario files of one rules folder ({@code tests/*.yaml|yml|json}), sorted by name; no base's. */
    public static List<Path> scenarioFiles(Path rulesDir) throws InputException {
        Path tests = rulesDir.resolve(RuleSetLoader.TESTS_DIR);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tests)) {
            return s.filter(ScenarioReader::isScenarioFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException(tests.toString(), "cannot list: " + e.getMessage());
        }
    }

    public ScenarioResult run(Path file) {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        Outcome outcome;
        try {
            Scenario s = ScenarioReader.read(file);
            name = s.name();
            outcome = run(s);
        } catch (InputException e) {
            outcome = new Outcome(List.of(e.getMessage()), null); // the message already names file and line
        }
        return new ScenarioResult(file, name, outcome.failures(), (System.nanoTime() - start) / 1e9, outcome.where());
    }

    /** A scenario's failures, and where its first failing expectation is written (null if none or not one). */
    record Outcome(List<String> failures, String where) {
    }

    Outcome run(Scenario s) {
        List<String> failures = new ArrayList<>();
        String where = null;
        Overrides current = s.overrides();
        TuningMemory memory = s.memory(); // carried from step to step, as in a soak
        Tuner tuner = new Tuner(rules);
        for (Scenario.Step step : s.steps()) {
            String prefix = s.steps().size() > 1 ? "iteration " + step.number() + ": " : "";
            TuningStep.Result taken;
            try {
                taken = new TuningStep(step.metrics(), current, s.profile(), memory, step.number(), step.healthyStreak())
                        .take(tuner, TS);
            } catch (MissingMetricException e) {
                failures.add(prefix + step.metricsWhere() + ": given.metrics: has no " + e.metric()
                        + ", and the rules read it");
                return new Outcome(failures, where);
            } catch (RuleEvaluationException e) {
                failures.add(prefix + "rules failed: " + e.getMessage());
                return new Outcome(failures, where == null ? step.metricsWhere() : where);
            }
            Decision d = taken.decision();
            for (String f : ExpectationCheck.compare(step.expect(), d, ruleNames)) {
                where = where == null ? step.expectWhere() : where;
                failures.add(prefix + f);
            }
            current = d.after();
            memory = taken.memoryAfter();
        }
        return new Outcome(failures, where);
    }
}
