package soaktune.report;

import java.io.IOException;
import java.nio.file.Path;
import soaktune.io.AtomicFiles;
import soaktune.io.InputException;

/**
 * Builds the HTML page and the Markdown summary of a soak's artifacts folder. Both are rendered in memory
 * before either file is touched, and each is written atomically, so bad input leaves no partial report and
 * an existing report as it was.
 */
public final class SoakReportWriter {
    public static final String DEFAULT_HTML = "report.html";

    private SoakReportWriter() {
    }

    public record Written(Path html, Path markdown, SoakReport report) {
    }

    /**
     * @param markdown where the Markdown goes; null for beside the HTML with the same name (report.md)
     * @param generatedAt the timestamp printed in the page (from {@code Clocks}, frozen in tests)
     * @param version the soaktune version printed in the page
     */
    public static Written write(Path artifacts, Path html, Path markdown, String generatedAt, String version)
            throws InputException, IOException {
        Path md = markdown != null ? markdown : defaultMarkdown(html);
        SoakReport report = ArtifactsReader.read(artifacts);
        String page = HtmlReport.render(ChartData.of(report, generatedAt, version));
        String text = MarkdownReport.render(report);
        AtomicFiles.writeString(html, page);
        AtomicFiles.writeString(md, text);
        return new Written(html, md, report);
    }

    /** report.html -> report.md, in the same folder. */
    public static Path defaultMarkdown(Path html) {
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".md");
    }
}
