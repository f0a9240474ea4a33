package soaktune.rules.lint;

import soaktune.rules.RuleProblem;
import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import soaktune.model.TunableField;

/** Warnings for rules that are legal but almost surely wrong, and the one structural error. */
final class StructureLintTest {
    private static final String HEAD = """
            package soaktune.rules.v1
            import soaktune.model.Metrics
            import soaktune.model.GuardFired
            import soaktune.model.Adjustment
            import function soaktune.rules.Dsl.trigger
            import function soaktune.rules.Dsl.propose
            import function soaktune.rules.Dsl.guard
            """;

    private static List<RuleProblem> lint(String rules) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("triggers.drl", HEAD + rules);
        return RuleLint.lint(sources, Set.copyOf(TunableField.keys())).problems();
    }

    /** The one problem found, which must be an error. */
    private static RuleProblem singleError(List<RuleProblem> problems) {
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).severity()).isEqualTo(RuleProblem.Severity.ERROR);
        return problems.get(0);
    }

    private static String row(String name, String condition, String consequence) {
        return "rule \"" + name + "\"\nwhen\n    " + condition + "\nthen\n    trigger(drools, \"" + name + "\");\n    "
                + consequence + "\nend\n";
    }

    @Test
    void contradictoryConstraintsOnOneMetricCanNeverFire() {
        List<RuleProblem> p = lint(row("never", "Metrics( cancelRatio > 0.9 && cancelRatio < 0.1 )", ""));
        assertThat(p).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(RuleProblem.Severity.WARNING);
            assertThat(w.line()).isEqualTo(10);
            assertThat(w.message()).contains("can never fire", "cancelRatio > 0.9 and cancelRatio < 0.1");
        });
    }

    @Test
    void contradictionAcrossCommasAndAbbreviatedBoundsIsFound() {
        assertThat(lint(row("a", "Metrics( wsLagP95Ms >= 200, wsLagP95Ms < 200 )", "")))
                .anySatisfy(w -> assertThat(w.message()).contains("can never fire"));
        assertThat(lint(row("b", "Metrics( wsLagP95Ms > 200 && < 100 )", "")))
                .anySatisfy(w -> assertThat(w.message()).contains("can never fire"));
    }

    @Test
    void compatibleBoundsAndAlternativesAreNotFlagged() {
        assertThat(lint(row("band", "Metrics( cancelRatio > 0.5 && cancelRatio <= 0.9 )", ""))).isEmpty();
        assertThat(lint(row("either", "Metrics( cancelRatio > 0.9 || cancelRatio < 0.1 )", ""))).isEmpty();
        assertThat(lint(row("point", "Metrics( cancelRatio >= 0.5, cancelRatio <= 0.5 )", ""))).isEmpty();
    }

    @Test
    void patternOnATypeThatIsNeverInsertedCanNeverFire() {
        List<RuleProblem> p = lint(row("adj", "Adjustment( )", ""));
        assertThat(p).singleElement().satisfies(w -> assertThat(w.message()).contains("nothing inserts Adjustment"));
        assertThat(lint(row("adj", "not Adjustment( )", ""))).isEmpty();
    }

    @Test
    void twoRulesWithTheSameConditionsAreFlaggedEvenWithRenamedVariables() {
        List<RuleProblem> p = lint(row("one", "$m : Metrics( cancelRatio > 0.5 )", "")
                + row("two", "$x : Metrics( cancelRatio > 0.5 )", ""));
        assertThat(p).singleElement().satisfies(w -> {
            assertThat(w.message()).contains("rule \"two\" has the same conditions as rule \"one\"");
            assertThat(w.line()).isEqualTo(15);
        });
    }

    @Test
    void infeasibleNamingAFieldWithoutLimitsIsAnErrorAndGoodFieldsAreNot() {
        RuleProblem e = singleError(lint(row("bad", "Metrics( wsLagP95Ms > 120 )",
                "infeasible(drools, \"ws_lag\", \"min_interval_ms,spread\");")));
        assertThat(e.message()).contains("infeasible(...)", "\"spread\"", "no entry in limits.json");
        assertThat(lint(row("good", "Metrics( wsLagP95Ms > 130 )",
                "infeasible(drools, \"ws_lag\", \"min_interval_ms, replace_rate_per_min\");"))).isEmpty();
    }

    @Test
    void proposalForAFieldWithoutLimitsIsAnErrorAtTheLiteral() {
        RuleProblem e = singleError(lint(row("typo", "Metrics( cancelRatio > 0.5 )",
                "propose(drools, \"min_intervall_ms\", 20, \"x\");")));
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.message()).contains("\"min_intervall_ms\"", "no entry in limits.json");
    }

    @Test
    void propertyNamedLikeAnImportedFunctionIsFlagged() {
        // The bug we hit: MVEL resolved `guard` to the imported function and the pattern never matched.
        List<RuleProblem> p = lint(row("g", "GuardFired( guard == \"multi_fail_guard\" )", ""));
        // The sandbox now refuses the unknown property outright; the warning still says why it would never match.
        assertThat(p).filteredOn(e -> e.severity() == RuleProblem.Severity.ERROR).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("GuardFired has no property 'guard'"));
        assertThat(p).filteredOn(w -> w.severity() == RuleProblem.Severity.WARNING).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(10);
            assertThat(w.message()).contains("'guard'", "silently never matches");
        });
    }

    @Test
    void ruleSetWithoutTriggerRulesIsAnError() {
        String rules = "rule \"quiet\"\nwhen\n    Metrics( cancelRatio > 0.5 )\nthen\n"
                + "    propose(drools, \"min_interval_ms\", 20, \"x\");\nend\n";
        assertThat(singleError(lint(rules)).message()).startsWith("no trigger rules");
    }

    @Test
    void globalsAreRefusedOnceBySandboxNotAlsoWarned() {
        List<RuleProblem> p = lint("global Double maxLag\n" + row("g", "Metrics( wsLagP95Ms > 100 )", ""));
        assertThat(p).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(RuleProblem.Severity.ERROR);
            assertThat(e.message()).contains("global maxLag is not allowed");
        });
    }

    private static List<RuleProblem> lintWithV1(String file, String rule) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String f : List.of("anti_oscillation.drl", "guardrails.drl", "triggers.drl")) {
            sources.put(f, java.nio.file.Files.readString(RulesFolders.V1.resolve(f)));
        }
        sources.merge(file, rule, (a, b) -> a + "\n" + b);
        return RuleLint.lint(sources, Set.copyOf(TunableField.keys())).problems();
    }

    private static final String ROGUE = """
            rule "rogue_accept"
                salience %d
            when
                $p : soaktune.model.Proposal( pending == true )
            then
                soaktune.rules.Dsl.accept(drools, $p, "fine");
            end
            """;

    @Test
    void theShippedGuardrailsAcceptRuleIsNotFlagged() throws Exception {
        assertThat(lintWithV1("guardrails.drl", "")).isEmpty();
    }

    /** An accept at high salience settles proposals before any guardrail sees them. */
    @Test
    void aRuleThatAcceptsAboveTheGuardrailsIsFlagged() throws Exception {
        assertThat(lintWithV1("guardrails.drl", ROGUE.formatted(200))).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(RuleProblem.Severity.WARNING);
            assertThat(w.file()).isEqualTo("guardrails.drl");
            assertThat(w.message()).contains("rule \"rogue_accept\" accepts proposals at salience 200",
                    "skips every guardrail");
        });
    }

    @Test
    void aRuleThatAcceptsOutsideTheGuardrailsFileIsFlaggedAtAnySalience() throws Exception {
        assertThat(lintWithV1("triggers.drl", ROGUE.formatted(1))).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("rogue_accept", "outside guardrails.drl"));
    }
}
