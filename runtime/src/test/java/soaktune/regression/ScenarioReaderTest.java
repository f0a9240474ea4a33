package soaktune.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import soaktune.io.InputException;
import soaktune.model.MetricName;
import soaktune.model.TunableField;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesFolders;

/** Scenario files are read strictly; every problem names the file, line and column. */
final class ScenarioReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void unknownFieldInExpectNamesItsLine() throws Exception {
        Path f = write("s.yaml", "name: s\ngiven:\n  metrics: {net_bps: 3.0}\nexpect:\n  min_interval_ms: 80\n"
                + "  min_intreval_ms: 80\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":6:3: expect.min_intreval_ms: unknown field (allowed: ");
    }

    @Test
    void unknownMetricAndWrongTypeNameTheirLines() throws Exception {
        Path metric = write("m.yaml", "name: m\ngiven:\n  metrics:\n    net_bps: 3.0\n    cancel_ratoi: 0.5\nexpect: {}\n");
        assertThatThrownBy(() -> ScenarioReader.read(metric)).hasMessageStartingWith(metric + ":5:5: "
                + "given.metrics.cancel_ratoi: unknown metric");
        Path type = write("t.yaml", "name: t\ngiven:\n  metrics: {net_bps: \"3\"}\nexpect: {}\n");
        assertThatThrownBy(() -> ScenarioReader.read(type)).hasMessageContaining(":3:")
                .hasMessageContaining("given.metrics.net_bps: must be a number, got string \"3\"");
    }

    @Test
    void healthyStreakAndMemoryAreReadPerStepAndCheckedWithTheirLine() throws Exception {
        Path ok = write("h.yaml", "name: h\ngiven:\n  metrics: {net_bps: 3.0}\n  memory:\n    moves: "
                + "[{field: tail_age_ms, iteration: 0, direction: -1}]\n    frozen: {min_interval_ms: 2}\n"
                + "iterations:\n  - expect: {}\n  - healthy_streak: 3\n    expect: {}\n");
        Scenario s = ScenarioReader.read(ok);
        assertThat(s.steps()).extracting(Scenario.Step::healthyStreak).containsExactly(0, 3);
        assertThat(s.memory().moves()).singleElement().satisfies(m -> assertThat(m.direction()).isEqualTo(-1));
        assertThat(s.memory().frozen()).containsEntry("min_interval_ms", 2);
        Path negative = write("n.yaml", "name: n\ngiven:\n  metrics: {net_bps: 3.0}\niterations:\n"
                + "  - healthy_streak: -1\n    expect: {}\n");
        assertThatThrownBy(() -> ScenarioReader.read(negative)).hasMessageStartingWith(negative + ":5:5: "
                + "iterations.0.healthy_streak: must be a whole number >= 0");
        Path badMove = write("b.yaml", "name: b\ngiven:\n  metrics: {net_bps: 3.0}\n  memory: {moves: "
                + "[{field: tail_age_ms, iteration: 0, direction: 2}], frozen: {}}\nexpect: {}\n");
        assertThatThrownBy(() -> ScenarioReader.read(badMove)).hasMessageContaining("given.memory.moves[0].direction")
                .hasMessageContaining("must be 1 or -1");
    }

    @Test
    void stepsInheritTheGivenMetricsAndJsonWorksToo() throws Exception {
        Path f = write("s.json", """
                {"name": "j", "given": {"metrics": {"net_bps": 3.0, "cancel_ratio": 0.4}, "overrides": {"tail_age_ms": 800}},
                 "iterations": [{"expect": {"tail_age_ms": 800}}, {"metrics": {"cancel_ratio": 0.6}, "expect": {}}]}
                """);
        Scenario s = ScenarioReader.read(f);
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(1).metrics().require(MetricName.CANCEL_RATIO)).isEqualTo(0.6);
        assertThat(s.steps().get(1).metrics().require(MetricName.NET_BPS)).isEqualTo(3.0);
        assertThat(s.overrides().get(TunableField.TAIL_AGE_MS)).contains(800.0);
    }

    /** Each of these is one line naming the file, the line where it can be found, and the field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "expct: {}                          | :4:1: expct: unknown field (allowed: description, expect, given, "
                    + "iterations, name)",
            "iterations:\\n  - metrics: {net_bps: 2} | : iterations.0.expect: is missing",
            "expect:\\n  fired: [a, ~]              | :5:14: expect.fired.1: is missing",
            "expect:\\n  dropped: [tial_age_ms]     | :5:13: expect.dropped.0: unknown field (tunable fields: ",
            "expect:\\n  adjustments: 1.5           | :5:3: expect.adjustments: must be a whole number, got number 1.5",
            "'  overrides: {tail_age_ms: }\\nexpect: {}' | :4:15: given.overrides.tail_age_ms: is missing",
            "'  profile: S9\\nexpect: {}'              | :4:3: given.profile: unknown profile 'S9'"})
    void bindingProblemsNameFileLineAndField(String rest, String problem) throws Exception {
        // given in block style, so that a case can add to it; then the rest of the file
        Path f = write("p.yaml", "name: x\ngiven:\n  metrics: {net_bps: 3}\n" + rest.replace("\\n", "\n") + "\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + problem);
    }

    @Test
    void expectAndIterationsTogetherAreRejected() throws Exception {
        Path f = write("b.yaml", "name: b\ngiven: {metrics: {net_bps: 3.0}}\nexpect: {}\niterations: []\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessageContaining("exactly one of 'expect'");
    }

    @Test
    void givenWithoutAMetricTheRulesReadFailsNamingFileAndLine() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        Files.delete(rules.resolve("tests/" + ScenarioReader.DEFAULTS));
        Path f = Files.writeString(rules.resolve("tests/missing.yaml"),
                "name: missing metric\ngiven:\n  metrics: {net_bps: 3.0, adverse_bps_p95: 2.0}\nexpect: {}\n");
        ScenarioResult r = new ScenarioRunner(RuleSetLoader.load(rules)).run(f);
        assertThat(r.failures()).singleElement().satisfies(m -> assertThat(m)
                .matches(".*missing\\.yaml:3:3: given\\.metrics: has no \\w+, and the rules read it"));
    }

    @Test
    void defaultsBesideAScenarioFillWhatItDoesNotGiveAndItsOwnValuesWin() throws Exception {
        write(ScenarioReader.DEFAULTS, "given:\n  metrics: {net_bps: 3.0, cancel_ratio: 0.4}\n"
                + "  overrides: {min_interval_ms: 70, tail_age_ms: 800}\n");
        Path f = write("d.yaml", "name: d\ngiven:\n  metrics: {cancel_ratio: 0.7}\n  overrides: {tail_age_ms: 900}\n"
                + "expect: {}\n");
        Scenario s = ScenarioReader.read(f);
        assertThat(s.steps().get(0).metrics().values()).containsEntry(MetricName.NET_BPS, 3.0)
                .containsEntry(MetricName.CANCEL_RATIO, 0.7);
        assertThat(s.overrides().get(TunableField.MIN_INTERVAL_MS)).contains(70.0);
        assertThat(s.overrides().get(TunableField.TAIL_AGE_MS)).contains(900.0);
        assertThat(ScenarioReader.isScenarioFile(f.resolveSibling(ScenarioReader.DEFAULTS))).isFalse();
    }

    @Test
    void defaultsWithAnythingButGivenAreRefused() throws Exception {
        write(ScenarioReader.DEFAULTS, "expect: {adjustments: 0}\n");
        Path f = write("e.yaml", "name: e\ngiven: {metrics: {net_bps: 3.0}}\nexpect: {}\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessageContaining(ScenarioReader.DEFAULTS)
                .hasMessageContaining("exactly one key, 'given'");
    }
}
