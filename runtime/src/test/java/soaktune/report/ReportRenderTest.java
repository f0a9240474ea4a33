package soaktune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.Main;
import soaktune.io.Json;

/**
 * The report of a real mock soak, opened in headless Chromium as a person would: every chart must finish
 * rendering, the page must log no error (its content security policy turns any fetch into one), and the
 * screenshot must show each chart's data line and its thresholds or limits in the chart's own area.
 * Skips when Debian's chromium package is not installed.
 */
final class ReportRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1400;
    private static final int[] VALUE_BLUE = {0x15, 0x65, 0xc0};
    private static final int[] FAIL_RED = {0xc6, 0x28, 0x28};
    private static final int[] LIMIT_GREEN = {0x2e, 0x7d, 0x32};
    private static final int[] CHANGE_PURPLE = {0x6a, 0x1b, 0x9a};

    @TempDir
    Path tmp;

    @Test
    void mockSoakReport_rendersEveryChartInChromium_withoutConsoleErrors() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed (apt-get install -y chromium): "
                + "skipping the browser render test");
        Path artifacts = tmp.resolve("soak");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("run", "--mock", "--iterations", "6", "--auto-tune", "--artifacts",
                artifacts.toString());
        assertThat(code).as(err.toString()).isZero();
        Path html = artifacts.resolve("report.html");
        assertThat(out.toString()).contains("| soak_report | OK | " + html + " |");
        String url = html.toUri().toString();

        // 1. The DOM after the scripts ran: the page counts charts that finished and records any error.
        Browser dom = chromium("dom", List.of("--window-size=" + WIDTH + ",3000", "--dump-dom", url));
        assertThat(dom.consoleLines()).as("console messages").isEmpty();
        String body = bodyTag(dom.stdout());
        assertThat(body).doesNotContain("data-errors");
        assertThat(attribute(body, "data-charts")).isEqualTo("12"); // 7 KPIs + 5 tuned fields
        assertThat(attribute(body, "data-rendered")).as("charts that finished rendering").isEqualTo("12");
        JsonNode boxes = Json.mapper().readTree(attribute(body, "data-chart-boxes").replace("&quot;", "\""));
        assertThat(boxes).hasSize(12);

        // 2. A screenshot tall enough for every chart, read back pixel by pixel.
        int height = 0;
        for (JsonNode b : boxes) {
            height = Math.max(height, b.get("y").asInt() + b.get("h").asInt() + 40);
        }
        Path png = tmp.resolve("report.png");
        Browser shot = chromium("shot", List.of("--hide-scrollbars", "--window-size=" + WIDTH + "," + height,
                "--screenshot=" + png, url));
        assertThat(shot.consoleLines()).as("console messages").isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(height - 1);
        for (JsonNode b : boxes) {
            String key = b.get("key").asText();
            int[] box = {b.get("x").asInt(), b.get("y").asInt(), b.get("w").asInt(), b.get("h").asInt()};
            assertThat(nonWhiteShare(image, box)).as(key + ": share of non-white pixels").isGreaterThan(0.02);
            // Nothing else in a chart is this blue: a few hundred such pixels are the data line (measured 390-550
            // for lines across the plot, fewer for a line that hugs a limit).
            assertThat(count(image, box, VALUE_BLUE)).as(key + ": pixels of the value line").isGreaterThan(150);
            boolean kpi = ReportKpi.ALL.stream().anyMatch(k -> k.key().equals(key));
            assertThat(count(image, box, kpi ? FAIL_RED : LIMIT_GREEN))
                    .as(key + (kpi ? ": pixels of the FAIL threshold" : ": pixels of the limit lines and labels"))
                    .isGreaterThan(100);
        }
        // The mock soak changes min_interval_ms at iteration 1: its rule-change marker is drawn.
        JsonNode interval = null;
        for (JsonNode b : boxes) {
            interval = b.get("key").asText().equals("min_interval_ms") ? b : interval;
        }
        assertThat(count(image, new int[] {interval.get("x").asInt(), interval.get("y").asInt(),
                interval.get("w").asInt(), interval.get("h").asInt()}, CHANGE_PURPLE)).isGreaterThan(15);
    }

    private record Browser(String stdout, String stderr) {
        /** Chromium logs every console message of the page (errors, CSP refusals, uncaught exceptions) as CONSOLE. */
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        }
    }

    private Browser chromium(String name, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile-" + name), "--enable-logging=stderr",
                "--v=0", "--virtual-time-budget=5000"));
        cmd.addAll(args);
        File stdout = tmp.resolve(name + ".out").toFile();
        File stderr = tmp.resolve(name + ".err").toFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(stderr).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish in 90 s: " + String.join(" ", cmd));
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr in " + stderr).isZero();
        return new Browser(Files.readString(stdout.toPath()), Files.readString(stderr.toPath()));
    }

    /** The page's body tag: the last one, since the inlined library's source (in the head) has one too. */
    private static String bodyTag(String dom) {
        Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        assertThat(last).as("a body element in the dumped DOM").isNotNull();
        return last;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
        assertThat(m.find()).as(name + " in " + tag).isTrue();
        return m.group(1);
    }

    private static double nonWhiteShare(BufferedImage image, int[] box) {
        long total = 0;
        long ink = 0;
        for (int y = box[1]; y < Math.min(box[1] + box[3], image.getHeight()); y++) {
            for (int x = box[0]; x < Math.min(box[0] + box[2], image.getWidth()); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                total++;
                ink += r < 235 || g < 235 || b < 235 ? 1 : 0;
            }
        }
        return (double) ink / total;
    }

    /** Pixels within a small distance of a colour (anti-aliasing blurs line edges). */
    private static int count(BufferedImage image, int[] box, int[] colour) {
        int n = 0;
        for (int y = box[1]; y < Math.min(box[1] + box[3], image.getHeight()); y++) {
            for (int x = box[0]; x < Math.min(box[0] + box[2], image.getWidth()); x++) {
                int rgb = image.getRGB(x, y);
                int dr = (rgb >> 16 & 0xff) - colour[0];
                int dg = (rgb >> 8 & 0xff) - colour[1];
                int db = (rgb & 0xff) - colour[2];
                n += dr * dr + dg * dg + db * db < 40 * 40 ? 1 : 0;
            }
        }
        return n;
    }
}
