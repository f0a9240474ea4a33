package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench commands run and print their tables (figures are not asserted: they are measurements). */
final class BenchCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Map.of(), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void benchTuning_printsOneRowPerScenarioAndMode() {
        String[] r = run("bench", "tuning", "--scenarios", "calm,default", "--seeds", "2", "--iterations", "3",
                "--threads", "2");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("| scenario | mode | runs | met by it3 | met by it5 | stay met |")
                .contains("| calm | fixed | 2 |").contains("| calm | auto-tune | 2 |")
                .contains("| default | fixed | 2 |").contains("| default | auto-tune | 2 |")
                .contains("8 runs x 3 iterations");
    }

    @Test
    void benchTuning_badInput_exit2() {
        String[] unknown = run("bench", "tuning", "--scenarios", "calm,stormy", "--seeds", "1");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).contains("unknown scenario 'stormy'");
        String[] seeds = run("bench", "tuning", "--seeds", "0");
        assertThat(seeds[0]).isEqualTo("2");
        assertThat(seeds[2]).contains("--seeds: must be between 1 and 10000, got 0");
    }

    @Test
    void benchSim_printsEventsPerSecond_andSaysWhenReplayIsSkipped() {
        String[] r = run("bench", "sim", "--scenarios", "calm", "--runs", "1", "--warmup", "0", "--iterations", "1",
                "--market-data", "no/such/folder");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("| market | events per run | median events/s (wall) |")
                .contains("| calm (1 x 10 min) |").contains("Replay skipped: no market-data folder at no/such/folder");
    }

    @Test
    void bench_bare_listsSubcommands() {
        String[] r = run("bench");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("tuning").contains("sim");
    }
}
