package soaktune.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import soaktune.io.Json;

/**
 * The one-file HTML report: {@code report/template.html} with Apache ECharts and the chart data inlined, so
 * the page opens offline and its content security policy can forbid every fetch.
 */
public final class HtmlReport {
    /** Must match {@code echarts.version} in pom.xml. */
    public static final String ECHARTS_VERSION = "5.3.1";
    static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
            + "/dist/echarts.min.js";
    static final String TEMPLATE_RESOURCE = "report/template.html";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(ECHARTS|DATA)\\}\\}");

    private HtmlReport() {
    }

    public static String render(Object chartData) {
        String library = Resources.ECHARTS;
        if (library.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException(ECHARTS_RESOURCE + " contains </script and cannot be inlined");
        }
        Map<String, String> values = Map.of("ECHARTS", library, "DATA", scriptSafeJson(chartData));
        // One pass: inserted text is never scanned for placeholders again.
        Matcher m = PLACEHOLDER.matcher(Resources.TEMPLATE);
        return m.replaceAll(r -> Matcher.quoteReplacement(values.get(r.group(1))));
    }

    /**
     * JSON that can sit inside a script element: {@code <}, {@code >} and {@code &} become \\u escapes, so
     * no value from the artifacts (a rule reason, say) can close the element or open a comment. JSON's own
     * syntax never uses them, so every one is inside a string, where the escape means the same character.
     */
    static String scriptSafeJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value).replace("<", "\\u003C").replace(">", "\\u003E")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the chart data", e);
        }
    }

    /** Read once per process: the library is a megabyte and does not change. */
    private static final class Resources {
        static final String ECHARTS = load(ECHARTS_RESOURCE);
        static final String TEMPLATE = load(TEMPLATE_RESOURCE);

        private static String load(String name) {
            try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + name + " is not on the classpath (broken build?)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + name, e);
            }
        }
    }
}
