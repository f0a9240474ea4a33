package soaktune.rules.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.base.rule.LineMappings;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.definition.KiePackage;
import soaktune.rules.RuleProblem;

/**
 * The rule sandbox. Two checks, both on what actually runs and both against {@link AllowList}:
 * {@link #verifySource} on the parsed DRL before anything is compiled (conditions, imports, declarations,
 * attributes), and {@link #verifyCompiled} on the bytecode Drools generated for consequences and functions
 * before the packages are used, whether just compiled or read from the rule-base cache. Loading, hot reload,
 * {@code serve} and {@code rules check} all go through both, so "check OK" means "load OK".
 */
public final class Sandbox {
    private Sandbox() {
    }

    /** Problems in one parsed rule file; a file with any must not be compiled. */
    public static List<RuleProblem> verifySource(String file, PackageDescr pkg, String text) {
        return ConditionVerifier.verify(file, pkg, text);
    }

    /**
     * Problems in the generated code of compiled packages, placed on the DRL line they come from.
     *
     * @param parsed  each rule file's parsed form, by file name (to place problems)
     * @param sources each rule file's text, by file name
     */
    public static List<RuleProblem> verifyCompiled(Collection<KiePackage> packages, Map<String, PackageDescr> parsed,
            Map<String, String> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (KiePackage kp : packages) {
            if (!(kp instanceof KnowledgePackageImpl pkg)) {
                problems.add(RuleProblem.error("?", 0, 0, "unexpected package type " + kp.getClass().getName()));
                continue;
            }
            if (!(pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java)) {
                continue;
            }
            Placement placement = new Placement(pkg, parsed, sources);
            BytecodeVerifier.verify(java.getStore()).forEach(v -> problems.add(placement.place(v)));
        }
        return problems;
    }

    /**
     * Problems in the conditions of packages read back from the rule-base cache: their MVEL constraints and
     * {@code from} expressions, checked as the source check checks the folder's text.
     */
    public static List<String> verifyCachedConditions(Collection<KiePackage> packages) {
        return CompiledConditions.verify(packages);
    }

    /** Maps a generated class and its line back to a rule file and line. */
    private record Placement(KnowledgePackageImpl pkg, Map<String, PackageDescr> parsed, Map<String, String> sources) {
        RuleProblem place(BytecodeVerifier.Violation v) {
            String dotted = v.className().replace('/', '.');
            String simple = dotted.substring(dotted.lastIndexOf('.') + 1);
            LineMappings lines = pkg.getDialectRuntimeRegistry().getLineMappings(dotted);
            for (Map.Entry<String, PackageDescr> file : parsed.entrySet()) {
                if (!file.getValue().getName().equals(pkg.getName())) {
                    continue;
                }
                for (RuleDescr rule : file.getValue().getRules()) {
                    if (simple.startsWith("Rule_") && sameName(simple.substring(5), rule.getName())
                            && (lines == null || lines.getStartLine() == rule.getConsequenceLine()
                                    || simple.endsWith("Invoker"))) {
                        int line = rule.getLine();
                        if (v.javaLine() > 0 && v.anchor() > 0 && rule.getEndLine() > 0) {
                            int fromEnd = rule.getEndLine() - (v.anchor() - v.javaLine());
                            line = Math.max(rule.getConsequenceLine(), Math.min(rule.getEndLine(), fromEnd));
                        }
                        return at(file.getKey(), line, v.message() + " (rule \"" + rule.getName() + "\")");
                    }
                }
                for (FunctionDescr f : file.getValue().getFunctions()) {
                    if (simple.equalsIgnoreCase(f.getName())) {
                        int line = f.getLine();
                        if (lines != null && v.javaLine() > 0) {
                            line = v.javaLine() - lines.getOffset() + lines.getStartLine();
                        }
                        return at(file.getKey(), line, v.message() + " (function " + f.getName() + ")");
                    }
                }
            }
            String first = parsed.keySet().stream().filter(k -> parsed.get(k).getName().equals(pkg.getName()))
                    .findFirst().orElse(parsed.keySet().stream().findFirst().orElse("?"));
            return at(first, 1, v.message() + " (in generated class " + simple + ")");
        }

        private RuleProblem at(String file, int line, String message) {
            String text = sources.get(file);
            int column = text == null ? 1 : new SourcePositions(text).firstCodeColumn(line);
            return RuleProblem.error(file, Math.max(line, 1), column, message);
        }

        /** Drools names a rule's class after the rule with every character but letters and digits dropped. */
        private static boolean sameName(String classSuffix, String ruleName) {
            String bare = ruleName.replaceAll("[^A-Za-z0-9]", "");
            String cls = classSuffix.replaceAll("[^A-Za-z0-9]", "");
            return cls.toLowerCase().startsWith(bare.toLowerCase());
        }
    }
}
