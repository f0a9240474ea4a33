package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad command line: one line on stderr naming what is wrong and where the options are, exit 2, no usage dump. */
final class UsageErrorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "run --seed abc; Invalid value for option '--seed': 'abc' is not a long (soaktune run --help lists the options)",
        "run --iterations 2 --hours 1; --iterations=N, --hours=H are mutually exclusive",
        "run --iteration 3; did you mean --iterations or --iteration-minutes? (soaktune run --help",
        "rules tets; 'tets'; did you mean test? (soaktune rules --help lists the options)",
        "frobnicate; 'frobnicate' (soaktune --help lists the options)",
        "kpi-gate --edge-report; Missing required parameter for option '--edge-report'"})
    void aBadCommandLine_isOneLineAndExit2(String args, String expected) {
        CliRun r = CliRun.run(args.split(" "));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString().startsWith("soaktune: error: ").contains(expected)
                .doesNotContain("Error:", "Usage:");
    }

    /** A name with a line break in it stays on the error's one line (a script reads stderr line by line). */
    @Test
    void aFileNameWithALineBreak_staysOnTheErrorsOneLine() {
        CliRun r = CliRun.run("tune", "--edge-report", "no/such\nEDGE_REPORT.json");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("soaktune: error: no/such\\nEDGE_REPORT.json");
    }
}
