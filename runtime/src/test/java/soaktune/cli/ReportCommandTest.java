package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `report` and the report `run` writes, through the real CLI: outputs, markers, bad input, exit codes. */
final class ReportCommandTest {
    private static final String MARKER = "\\| [a-z_]+ \\| [A-Z]+ \\|( .+ \\|)?";

    @TempDir
    Path tmp;

    private Path soak(int iterations) {
        Path dir = tmp.resolve("soak");
        CliRun r = CliRun.run("run", "--mock", "--iterations", String.valueOf(iterations), "--auto-tune",
                "--artifacts", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return dir;
    }

    @Test
    void run_writesTheReportAtTheEnd_withAMarker_andProgressOnlyOnStderr() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = CliRun.run("run", "--mock", "--iterations", "3", "--auto-tune", "--artifacts", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| soak_report | OK | " + dir.resolve("report.html") + " |");
        assertThat(r.out().lines().filter(l -> l.startsWith("|"))).allMatch(l -> l.matches(MARKER), "marker shape");
        assertThat(r.out()).doesNotContain("[progress]");
        assertThat(r.err().lines().filter(l -> l.startsWith("[progress] iteration "))).hasSize(3);
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("## Soak report: final verdict **");
    }

    @Test
    void run_aReportThatCannotBeWritten_failsItsMarkerButNotTheSoak() throws Exception {
        Path dir = tmp.resolve("soak");
        Files.createDirectories(dir.resolve("report.html")); // a folder where the page should go

        CliRun r = CliRun.run("run", "--mock", "--iterations", "2", "--artifacts", dir.toString(), "--gate-final");
        CliRun ungated = CliRun.run("run", "--mock", "--iterations", "2", "--artifacts", tmp.resolve("b").toString(),
                "--gate-final");
        assertThat(r.code()).isEqualTo(ungated.code());
        assertThat(r.out()).containsPattern("\\| soak_report \\| FAIL \\| REASON=.*report\\.html is a directory \\|");
    }

    @Test
    void report_writesHtmlAndMarkdownWhereAsked() throws Exception {
        Path dir = soak(2);
        Path html = tmp.resolve("out/page.html");
        CliRun r = CliRun.run("report", "--artifacts", dir.toString(), "--out", html.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("| soak_report | OK | " + html + " |\n| soak_report_md | OK | "
                + tmp.resolve("out/page.md") + " |\n");
        assertThat(Files.size(html)).isGreaterThan(1_000_000); // the inlined library alone is ~1 MB
        assertThat(Files.readString(tmp.resolve("out/page.md"))).contains("2 of 2 iterations, soak complete");

        Path md = tmp.resolve("elsewhere/summary.md");
        assertThat(CliRun.run("report", "--artifacts", dir.toString(), "--out", html.toString(), "--markdown",
                md.toString()).code()).isZero();
        assertThat(md).exists();
    }

    @Test
    void report_missingFolder_exit2_oneLine() {
        Path dir = tmp.resolve("nope");
        CliRun r = CliRun.run("report", "--artifacts", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).isEqualTo("soaktune: error: " + dir
                + ": no such folder: expected a soak's artifacts folder (run --artifacts DIR)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void report_noIterations_exit2_andNothingWritten() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = CliRun.run("report", "--artifacts", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("no iterations").doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void report_malformedSummary_exit2_namesTheFile_andLeavesTheOldReportAsItWas() throws Exception {
        Path dir = soak(3);
        Map<String, String> before = TestFiles.checksums(dir);
        Files.writeString(dir.resolve("ITER_SUMMARY_2.json"), "{\"iteration\": 2, \"rules\": ");
        before.put("ITER_SUMMARY_2.json", TestFiles.checksums(dir).get("ITER_SUMMARY_2.json"));

        CliRun r = CliRun.run("report", "--artifacts", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("soaktune: error: " + dir.resolve("ITER_SUMMARY_2.json") + ": malformed JSON at line 1");
        assertThat(TestFiles.checksums(dir)).isEqualTo(before); // report.html and report.md untouched, no temp files
    }

    @Test
    void report_wrongFieldType_namesTheField() throws Exception {
        Path dir = soak(2);
        String text = Files.readString(dir.resolve("ITER_SUMMARY_1.json"));
        Files.writeString(dir.resolve("ITER_SUMMARY_1.json"), text.replaceFirst("\"verdict\": \"[A-Z]+\"",
                "\"verdict\": 3"));
        CliRun r = CliRun.run("report", "--artifacts", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("ITER_SUMMARY_1.json: gate.").contains(".verdict: must be a string, got number 3");
    }
}
