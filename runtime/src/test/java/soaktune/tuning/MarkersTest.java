package soaktune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class MarkersTest {
    @Test
    void plainTextIsUnchanged() {
        assertThat(Markers.format("runtime_adjust", "OK", "FIELD=min_interval_ms FROM=60 TO=80 REASON=cancel_ratio>0.55"))
                .isEqualTo("| runtime_adjust | OK | FIELD=min_interval_ms FROM=60 TO=80 REASON=cancel_ratio>0.55 |");
    }

    @Test
    void lineBreaksControlCharactersBackslashesAndPipesAreEscaped() {
        assertThat(Markers.format("x", "OK", "A=a\nb\rc\td\\e|f\u0000g\u2028h\u0085i"))
                .isEqualTo("| x | OK | A=a\\nb\\rc\\td\\\\e\\|f\\u0000g\\u2028h\\u0085i |");
    }

    @Test
    void everyPrintedMarkerIsExactlyOneLine() {
        StringWriter text = new StringWriter();
        Markers m = new Markers(new PrintWriter(text));
        m.emit("n\n| forged | OK | X=1 |", "OK", "K=v\n| forged | OK | X=1 |");
        m.emit("n", "S\nT");
        m.detail("reason\n| forged | OK |");
        m.line("[INFO] profile P\r\n| forged | OK |");
        assertThat(text.toString().lines()).hasSize(4).noneMatch(l -> l.startsWith("| forged"));
    }

    /** A line for people keeps backslashes and pipes as written and escapes only what would break the line. */
    @Test
    void oneLineEscapesLineBreaksAndControlsOnly() {
        assertThat(Markers.oneLine("a\nb\rc\td\\e|f\u0000g\u2028h")).isEqualTo("a\\nb\\rc\\td\\e|f\\u0000g\\u2028h");
    }
}
