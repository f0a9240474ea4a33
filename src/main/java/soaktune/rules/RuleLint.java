package soaktune.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Checks rule files before anything compiles them: the safety lint (errors; a rejected file is never
 * compiled, let alone run) and the structure lint (warnings about rules that are legal but almost surely
 * wrong). Files the DRL parser cannot read still get the safety lint; their syntax errors come from the
 * compiler, with positions.
 */
public final class RuleLint {
    private RuleLint() {
    }

    /**
     * The problems in file/line order; {@code unsafe} when the safety lint rejected a file, which must then
     * not be compiled.
     */
    public record Result(List<RuleProblem> problems, boolean unsafe) {
    }

    /**
     * @param sources     rule file path relative to the rules folder, mapped to its text, in load order
     * @param limitFields the fields limits.json bounds
     */
    public static Result lint(Map<String, String> sources, Set<String> limitFields) {
        List<RuleProblem> problems = new ArrayList<>();
        boolean unsafe = false;
        List<StructureLint.ParsedFile> parsed = new ArrayList<>();
        boolean allParsed = true;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            DrlTokenizer.Result lexed = DrlTokenizer.tokenize(source.getValue());
            List<RuleProblem> safety = SafetyLint.check(source.getKey(), lexed);
            unsafe |= !safety.isEmpty();
            problems.addAll(safety);
            PackageDescr pkg = parse(source.getValue());
            if (pkg == null) {
                allParsed = false;
            } else {
                parsed.add(new StructureLint.ParsedFile(source.getKey(), lexed.tokens(), pkg));
            }
        }
        if (allParsed) {
            problems.addAll(StructureLint.check(parsed, limitFields));
        }
        problems.sort(ORDER);
        return new Result(List.copyOf(problems), unsafe);
    }

    /** File, then line, then column: the order an editor's error list uses. */
    public static final Comparator<RuleProblem> ORDER = Comparator.comparing(RuleProblem::file)
            .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column);

    /** Drools' own DRL parser; null when the text has syntax errors (the compiler reports those). */
    private static PackageDescr parse(String text) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, new StringReader(text));
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }
}
