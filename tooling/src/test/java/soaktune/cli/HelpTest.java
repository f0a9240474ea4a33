package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help lists exit codes; every bench command has --smoke; rule sets are named --rules. */
final class HelpTest {
    private static List<CommandLine> all(CommandLine cli) {
        List<CommandLine> out = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().forEach(c -> out.addAll(all(c)));
        return out;
    }

    private static final CommandLine ROOT = Main.commandLine(Map.of(), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    @Test
    void everyHelpListsExitCodes() {
        for (CommandLine c : all(ROOT)) {
            assertThat(c.getUsageMessage()).as(c.getCommandSpec().qualifiedName()).contains("Exit codes");
        }
    }

    @Test
    void everyBenchCommandHasSmoke() {
        CommandLine bench = ROOT.getSubcommands().get("bench");
        assertThat(bench.getSubcommands()).isNotEmpty();
        bench.getSubcommands().forEach((name, c) -> assertThat(c.getCommandSpec().findOption("--smoke"))
                .as("bench " + name).isNotNull());
    }

    @Test
    void everyOptionNamingARuleSetIsCalledRules() {
        for (CommandLine c : all(ROOT)) {
            c.getCommandSpec().options().forEach(o -> assertThat(o.longestName()).as(c.getCommandSpec().qualifiedName())
                    .isNotIn("--rules-dir", "--rule-set", "--ruleset"));
        }
        for (String cmd : List.of("run", "tune", "kpi-gate", "serve")) {
            assertThat(ROOT.getSubcommands().get(cmd).getCommandSpec().findOption("--rules")).as(cmd).isNotNull();
        }
        CommandLine rules = ROOT.getSubcommands().get("rules");
        assertThat(rules.getSubcommands().get("check").getCommandSpec().findOption("--rules")).isNotNull();
        assertThat(rules.getSubcommands().get("test").getCommandSpec().findOption("--rules")).isNotNull();
    }

    @Test
    void benchSimAndTuningSmokeRunQuickly() {
        CliRun sim = CliRun.run("bench", "sim", "--smoke");
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(sim.out()).contains("Replay skipped: --smoke").contains("default");
        CliRun tuning = CliRun.run("bench", "tuning", "--smoke", "--threads", "1");
        assertThat(tuning.code()).as(tuning.err()).isZero();
        assertThat(tuning.out()).contains("seeds 1..2, 3 iterations");
    }
}
