package soaktune.regression;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import soaktune.io.AtomicFiles;

/** A Surefire-style {@code <testsuite>} report of scenario results, for CI; written atomically. */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static void write(Path target, String suite, String classname, List<ScenarioResult> results,
            String timestamp) throws IOException {
        AtomicFiles.writeString(target, render(suite, classname, results, timestamp));
    }

    static String render(String suite, String classname, List<ScenarioResult> results, String timestamp) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", Integer.toString(results.size()));
            x.writeAttribute("failures", Long.toString(results.stream().filter(r -> !r.passed()).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(results.stream().mapToDouble(ScenarioResult::seconds).sum()));
            x.writeAttribute("timestamp", timestamp);
            x.writeCharacters("\n");
            for (ScenarioResult r : results) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", classname);
                x.writeAttribute("name", r.name());
                x.writeAttribute("file", r.file().toString());
                x.writeAttribute("time", seconds(r.seconds()));
                if (!r.passed()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("failure");
                    x.writeAttribute("message", String.join("; ", r.failures()));
                    x.writeAttribute("type", "ScenarioMismatch");
                    x.writeCharacters(r.file() + "\n" + String.join("\n", r.failures()));
                    x.writeEndElement();
                    x.writeCharacters("\n  ");
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML report", e);
        }
        return text.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
