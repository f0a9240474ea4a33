package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Option checks of serve and the bench commands (the running server is tested in soaktune.serve). */
final class ServeAndBenchCommandTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "serve --port 70000 | --port must be between 0 and 65535",
        "serve --port 0 --threads 0 | --threads must be between 1 and 256, got 0",
        "serve --port 0 --reload-ms -5 | --reload-ms must be 0 (never) or more, got -5",
        "serve --port 0 --host 999.1.1.1 | --host: not an address of this machine or a name that resolves, got '999.1.1.1'",
        // benchmarks that start processes must run from the jar
        "bench startup --smoke | run it from the jar"})
    void aBadOptionIsBadInput(String args, String message) {
        CliRun r = CliRun.run(args.split(" "));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(message);
    }

    @Test
    void serveWithAMissingRulesFolderStopsWithBadInputAndNoServerLeft() {
        CliRun r = CliRun.run("serve", "--port", "0", "--rules", "no/such/rules");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("no/such/rules");
        assertThat(r.out()).contains("| serve_listen | OK |").doesNotContain("serve_ready");
    }

    @Test
    void serveWithUnsafeRulesIsRulesInvalid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        soaktune.rules.RulesFolders.copyOfV1(dir);
        soaktune.rules.RulesFolders.edit(dir.resolve("triggers.drl"), "import soaktune.model.Trigger",
                "import soaktune.model.Trigger\nimport java.lang.System");
        CliRun r = CliRun.run("serve", "--port", "0", "--rules", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RULES_INVALID);
    }

    @Test
    void benchWithoutSubcommandListsThem() {
        CliRun r = CliRun.run("bench");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("startup", "decision", "serve", "reload");
    }
}
