package soaktune.rules.lint;

import soaktune.rules.RuleProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import soaktune.rules.sandbox.Sandbox;

/**
 * Checks rule files before anything compiles them: Drools' DRL parser, then the sandbox's source check
 * ({@link Sandbox#verifySource}: errors; a file that fails it is never compiled, let alone run) and the
 * structure lint (warnings about rules that are legal but almost surely wrong). A file the parser cannot
 * read is not compiled either: its syntax errors are reported with positions.
 */
public final class RuleLint {
    private RuleLint() {
    }

    /**
     * The problems in file/line order; {@code unsafe} when a file failed to parse or failed the sandbox, so
     * nothing may be compiled. {@code parsed} holds every file that parsed, for the bytecode check.
     */
    public record Result(List<RuleProblem> problems, boolean unsafe, Map<String, PackageDescr> parsed) {
    }

    /**
     * @param sources     rule file path relative to the rules folder, mapped to its text, in load order
     * @param limitFields the fields limits.json bounds
     */
    public static Result lint(Map<String, String> sources, Set<String> limitFields) {
        List<RuleProblem> problems = new ArrayList<>();
        boolean unsafe = false;
        List<StructureLint.ParsedFile> parsed = new ArrayList<>();
        Map<String, PackageDescr> descrs = new LinkedHashMap<>();
        CompileProblems syntax = new CompileProblems(sources);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parse(parser, source.getValue());
            if (pkg == null || parser.hasErrors()) {
                unsafe = true;
                parser.getErrors().forEach(error -> problems.addAll(syntax.of(error, source.getKey())));
                if (parser.getErrors().isEmpty()) {
                    problems.add(RuleProblem.error(source.getKey(), 0, 0, "cannot parse this rule file"));
                }
                continue;
            }
            List<RuleProblem> safety = Sandbox.verifySource(source.getKey(), pkg, source.getValue());
            unsafe |= !safety.isEmpty();
            problems.addAll(safety);
            descrs.put(source.getKey(), pkg);
            parsed.add(new StructureLint.ParsedFile(source.getKey(), DrlTokenizer.tokenize(source.getValue()), pkg));
        }
        if (descrs.size() == sources.size()) {
            problems.addAll(StructureLint.check(parsed, limitFields));
        }
        problems.sort(ORDER);
        return new Result(List.copyOf(problems), unsafe, java.util.Collections.unmodifiableMap(descrs));
    }

    /** File, then line, then column: the order an editor's error list uses. */
    public static final Comparator<RuleProblem> ORDER = Comparator.comparing(RuleProblem::file)
            .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column);

    /** Drools' own DRL parser; null when it gave up. */
    private static PackageDescr parse(DrlParser parser, String text) {
        try {
            return parser.parse(false, new StringReader(text));
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }
}
