package soaktune.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import soaktune.tuning.Markers;
import soaktune.report.SoakReportWriter;

/** Builds the soak report: one self-contained HTML page (charts inlined) and a Markdown summary for PRs. */
@Command(name = "report",
        description = {"Builds one self-contained HTML page (opens offline) from a soak's artifacts: KPIs against "
                + "their thresholds, tuned parameters against their limits with each rule change, the gate verdict "
                + "per iteration and every adjustment; plus a Markdown summary for pull-request comments.",
                "Exit codes: 0 written, 2 bad or missing artifacts (nothing written), 6 cannot write."})
public final class ReportCommand extends CliCommand {
    @Option(names = "--artifacts", paramLabel = "DIR", defaultValue = "artifacts/soak",
            description = "The soak's artifacts folder. Default: ${DEFAULT-VALUE}.")
    Path artifacts;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file. Default: DIR/report.html.")
    Path out;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "The Markdown summary. Default: beside the HTML, same name with .md.")
    Path markdown;

    @Override
    public Integer call() throws Exception {
        SoakReportWriter.Written w = write(now(), artifacts, out, markdown);
        Markers markers = markers();
        markers.emit("soak_report", "OK", w.html().toString());
        markers.emit("soak_report_md", "OK", w.markdown().toString());
        return ExitCodes.OK;
    }

    /** Shared with {@code run}, which writes the report of every soak into its artifacts folder. */
    static SoakReportWriter.Written write(String ts, Path artifacts, Path html, Path markdown) throws Exception {
        Path target = html != null ? html : artifacts.resolve(SoakReportWriter.DEFAULT_HTML);
        return SoakReportWriter.write(artifacts, target, markdown, ts, new VersionProvider().getVersion()[0]);
    }
}
