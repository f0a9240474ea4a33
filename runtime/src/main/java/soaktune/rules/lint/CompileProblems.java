package soaktune.rules.lint;

import soaktune.rules.RuleProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.jci.CompilationProblem;

/**
 * Turns Drools compile errors into {@link RuleProblem}s whose line and column point at the offending text,
 * so an editor jumps to it. Drools reports a condition error at its pattern and a consequence error at the
 * rule's first line; both are refined here from the message and the source text. (An unknown property never
 * gets here: the sandbox refuses it, with a suggestion, before anything is compiled.)
 *
 * @param sources each rule file's text, by the name its problems carry
 */
public record CompileProblems(Map<String, String> sources) {
    /**
     * Line of the generated rule class that holds the DRL's {@code then} line. Drools 10 compiles each
     * consequence into a class whose template puts the consequence right after this many lines; a test
     * pins it, so a Drools upgrade that changes the template fails loudly instead of pointing at wrong lines.
     */
    static final int CONSEQUENCE_CLASS_LINE = 8;

    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.}]");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\w+) cannot be resolved");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(");

    public List<RuleProblem> of(KnowledgeBuilderError error, String fallbackFile) {
        String file = error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath() : fallbackFile;
        if (error instanceof ParserError parser) {
            return List.of(RuleProblem.error(file, Math.max(parser.getRow(), 0), parser.getCol() + 1,
                    clean(error.getMessage())));
        }
        if (error instanceof DescrBuildError build && build.getObject() instanceof CompilationProblem[] javac
                && build.getParentDescr() instanceof RuleDescr rule) {
            return Arrays.stream(javac).map(p -> consequenceProblem(file, rule, p)).toList();
        }
        if (error instanceof DescrBuildError build) {
            return List.of(conditionProblem(file, build));
        }
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
        return List.of(RuleProblem.error(file, line, 0, clean(error.getMessage())));
    }

    /**
     * After a syntax error Drools adds "Parser returned a null Package" without a line; it says nothing the
     * located error does not, so it is dropped when a located one exists.
     */
    public static List<RuleProblem> withoutEchoes(List<RuleProblem> problems) {
        boolean located = problems.stream().anyMatch(p -> p.line() > 0);
        return problems.stream().filter(p -> !(located && p.line() == 0 && p.message().contains("null Package")))
                .toList();
    }

    private RuleProblem consequenceProblem(String file, RuleDescr rule, CompilationProblem p) {
        int line = rule.getConsequenceLine() + (p.getStartLine() - CONSEQUENCE_CLASS_LINE);
        if (line < rule.getLine() || (rule.getEndLine() > 0 && line > rule.getEndLine())) {
            line = rule.getLine(); // the template changed: better the rule than a wrong line
        }
        String message = p.getMessage() + " (in rule \"" + rule.getName() + "\")";
        Matcher m = UNRESOLVED.matcher(p.getMessage());
        Matcher method = UNDEFINED_METHOD.matcher(p.getMessage());
        String word = m.find() ? m.group(1) : method.find() ? method.group(1) : null;
        return RuleProblem.error(file, line, column(file, line, word, 0).orElse(firstNonBlank(file, line)), message);
    }

    private RuleProblem conditionProblem(String file, DescrBuildError build) {
        BaseDescr descr = build.getDescr() != null ? build.getDescr() : build.getParentDescr();
        int line = Math.max(build.getLine(), 0);
        int column = descr != null && descr.getColumn() >= 0 ? descr.getColumn() + 1 : 0;
        String raw = build.getMessage();
        Matcher near = NEAR.matcher(raw);
        if (near.find()) {
            column = column(file, line, near.group(1).trim(), column).orElse(column);
        }
        return RuleProblem.error(file, line, column, clean(raw));
    }

    /** 1-based column of {@code word} on {@code line}, searching from {@code fromColumn} first. */
    private Optional<Integer> column(String file, int line, String word, int fromColumn) {
        String text = lineText(file, line);
        if (word == null || text == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + (word.matches("\\w+") ? "(?![\\w$])" : ""))
                .matcher(text);
        int from = Math.max(fromColumn - 1, 0);
        if (from <= text.length() && m.find(from)) {
            return Optional.of(m.start() + 1);
        }
        return m.find(0) ? Optional.of(m.start() + 1) : Optional.empty();
    }

    private int firstNonBlank(String file, int line) {
        String text = lineText(file, line);
        String code = text == null ? "" : text.stripLeading();
        return code.isEmpty() ? 0 : text.length() - code.length() + 1;
    }

    private String lineText(String file, int line) {
        String source = sources.get(file);
        return source == null || line < 1 ? null : source.lines().skip(line - 1).findFirst().orElse(null);
    }

    /** Drools' messages carry an ASCII-art caret and a repeated location; keep the words. */
    private static String clean(String message) {
        return Arrays.stream(message.split("\n")).map(String::trim)
                .filter(t -> !t.isEmpty() && !t.matches("\\^+") && !t.startsWith("[Line:") && !t.startsWith("[Near"))
                .collect(Collectors.joining(" "));
    }
}
