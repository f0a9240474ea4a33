package soaktune.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import soaktune.rules.DrlToken.Kind;

/**
 * Rejects rule files that could do anything but read facts and propose changes. It works on tokens, not
 * on the parsed rules, because it must see everything the compiler will compile (conditions, consequences,
 * functions, accumulate code, {@code from} expressions, salience expressions) and must work on a file the
 * parser cannot read. Every problem is an error with the token's line and column.
 */
final class SafetyLint {
    private final String file;
    private final List<DrlToken> tokens;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final boolean[] consumed;
    private final Set<String> allowedNames = new HashSet<>(SafetyPolicy.JAVA_TYPES.keySet());
    private boolean modelWildcard;

    private SafetyLint(String file, List<DrlToken> tokens) {
        this.file = file;
        this.tokens = tokens;
        this.consumed = new boolean[tokens.size()];
    }

    static List<RuleProblem> check(String file, DrlTokenizer.Result lexed) {
        SafetyLint lint = new SafetyLint(file, lexed.tokens());
        for (DrlTokenizer.Ambiguity a : lexed.ambiguities()) {
            lint.problems.add(RuleProblem.error(file, a.line(), a.column(), a.message()));
        }
        lint.declarations();
        lint.names();
        lint.problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return List.copyOf(lint.problems);
    }

    /** First pass: package, imports and declared types decide which simple names are allowed. */
    private void declarations() {
        for (int i = 0; i < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            if (!t.isIdentifier() || consumed[i] || (i > 0 && isMemberAccess(tokens.get(i - 1)))) {
                continue;
            }
            switch (t.text()) {
                case "package" -> consumeChain(i + 1);
                case "import" -> importStatement(i);
                case "declare" -> declaredType(i + 1);
                default -> {
                }
            }
        }
    }

    private void importStatement(int at) {
        consumed[at] = true;
        int i = at + 1;
        String kind = "";
        if (i < tokens.size() && tokens.get(i).isIdentifier()
                && List.of("function", "accumulate", "static").contains(tokens.get(i).text())) {
            kind = tokens.get(i).text();
            consumed[i] = true;
            i++;
        }
        int end = consumeChain(i);
        String target = chainText(i, end);
        DrlToken where = tokens.get(Math.min(i, tokens.size() - 1));
        switch (kind) {
            case "function" -> functionImport(where, target);
            case "accumulate" -> error(where, "import accumulate " + target + ": custom accumulate functions are"
                    + " not allowed (they are arbitrary Java); use count, sum, min, max, average or collectList");
            case "static" -> error(where, "import static " + target + " is not allowed; import functions from "
                    + SafetyPolicy.DSL_CLASS + " with 'import function'");
            default -> typeImport(where, target);
        }
    }

    private void typeImport(DrlToken where, String target) {
        String modelPrefix = SafetyPolicy.MODEL_PACKAGE + ".";
        if (target.equals(modelPrefix + "*")) {
            modelWildcard = true;
        } else if (target.startsWith(modelPrefix) && SafetyPolicy.isModelClass(target.substring(modelPrefix.length()))) {
            allowedNames.add(target.substring(modelPrefix.length()));
        } else if (SafetyPolicy.JAVA_TYPES.containsValue(target)) {
            allowedNames.add(target.substring(target.lastIndexOf('.') + 1));
        } else {
            error(where, "import " + target + " is not allowed" + reasonFor(target) + "; rules may use only "
                    + SafetyPolicy.allowedSummary());
        }
    }

    private void functionImport(DrlToken where, String target) {
        String prefix = SafetyPolicy.DSL_CLASS + ".";
        String name = target.startsWith(prefix) ? target.substring(prefix.length()) : null;
        if (name != null && (name.equals("*") || SafetyPolicy.dslFunctions().contains(name))) {
            return;
        }
        error(where, "import function " + target + " is not allowed; rules may import only the DSL functions "
                + prefix + "{" + String.join(", ", SafetyPolicy.dslFunctions()) + "}");
    }

    /** {@code declare [enum|trait] Name}: a type defined in DRL is plain data and may be named. */
    private void declaredType(int i) {
        while (i < tokens.size() && tokens.get(i).isIdentifier()
                && List.of("enum", "trait").contains(tokens.get(i).text())) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isIdentifier()) {
            allowedNames.add(tokens.get(i).text());
        }
    }

    /** Second pass: every name used anywhere else. */
    private void names() {
        for (int i = 0; i < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            if (!t.isIdentifier() || consumed[i]) {
                continue;
            }
            DrlToken prev = i > 0 ? tokens.get(i - 1) : null;
            DrlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (prev != null && prev.isSymbol("@")) {
                continue; // an annotation name: metadata, never executed
            }
            if (prev != null && isMemberAccess(prev)) {
                member(t);
                continue;
            }
            if (SafetyPolicy.FORBIDDEN_MEMBERS.containsKey(t.text()) && next != null && next.isSymbol("(")) {
                error(t, t.text() + "() is not allowed: it " + SafetyPolicy.FORBIDDEN_MEMBERS.get(t.text()));
            } else if (SafetyPolicy.ENGINE_HANDLES.contains(t.text()) && next != null && isMemberAccess(next)) {
                error(t, "'" + t.text() + "." + (i + 2 < tokens.size() ? tokens.get(i + 2).text() : "")
                        + "' is not allowed: the engine handle reaches the whole session; pass " + t.text()
                        + " only to the DSL functions (trigger, propose, accept, ...)");
            } else if (t.text().equals("eval") && next != null && next.isSymbol("(")) {
                error(t, "eval(...) is not allowed: it runs arbitrary code in a condition; write a constraint on a"
                        + " fact instead, e.g. Metrics( cancelRatio > 0.55 )");
            } else if (isLoop(t, next)) {
                error(t, "'" + t.text() + "' loops are not allowed in rules: a loop that never ends would hang the"
                        + " soak; let the engine iterate by matching facts");
            } else {
                qualifiedOrSimpleName(i);
            }
        }
    }

    private void member(DrlToken t) {
        if (t.text().equals("class")) {
            error(t, "class literals (.class) are not allowed: they " + SafetyPolicy.FORBIDDEN_MEMBERS.get("getClass"));
        } else if (SafetyPolicy.FORBIDDEN_MEMBERS.containsKey(t.text())) {
            error(t, t.text() + " is not allowed: it " + SafetyPolicy.FORBIDDEN_MEMBERS.get(t.text()));
        }
    }

    private void qualifiedOrSimpleName(int i) {
        DrlToken t = tokens.get(i);
        String name = t.text();
        if (name.startsWith("$")) {
            return; // a bound variable
        }
        int end = chainEnd(i);
        int typeAt = firstCapitalised(i, end);
        boolean lower = Character.isLowerCase(name.charAt(0));
        if (lower && end > i + 1 && (SafetyPolicy.PACKAGE_ROOTS.contains(name) || typeAt > i)) {
            qualifiedName(i, end, typeAt);
        } else if (Character.isUpperCase(name.charAt(0)) && !isAllowedSimpleName(name)) {
            String why = SafetyPolicy.FORBIDDEN_TYPES.get(name);
            error(t, why != null ? "'" + name + "' is not allowed: it " + why
                    : "'" + name + "' is not an allowed name: import it from " + SafetyPolicy.MODEL_PACKAGE
                            + " if it is a fact type; otherwise rules may use only " + SafetyPolicy.allowedSummary()
                            + " (local names must start with a lower-case letter or $)");
        }
    }

    /** {@code java.lang.System.exit(0)} needs no import, so full names are checked like imports. */
    private void qualifiedName(int start, int end, int typeAt) {
        String qualified = typeAt < 0 ? chainText(start, end) : chainText(start, typeAt + 1);
        for (int k = start; k < end; k++) {
            consumed[k] = k <= typeAt || typeAt < 0;
        }
        if (typeAt >= 0 && SafetyPolicy.isAllowedQualifiedType(qualified)) {
            return;
        }
        error(tokens.get(start), "fully-qualified name " + qualified + " is not allowed" + reasonFor(qualified)
                + "; rules may use only " + SafetyPolicy.allowedSummary());
    }

    private boolean isAllowedSimpleName(String name) {
        return allowedNames.contains(name) || (modelWildcard && SafetyPolicy.isModelClass(name));
    }

    private static boolean isLoop(DrlToken t, DrlToken next) {
        if (next == null) {
            return false;
        }
        return switch (t.text()) {
            case "while", "for", "foreach", "until" -> next.isSymbol("(");
            case "do" -> next.isSymbol("{");
            default -> false;
        };
    }

    private static String reasonFor(String qualified) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        String why = SafetyPolicy.FORBIDDEN_TYPES.get(simple);
        if (why == null && qualified.matches("java\\.(io|nio|net)(\\..*)?")) {
            why = qualified.startsWith("java.net") ? "opens network connections" : "reads or writes files";
        } else if (why == null && qualified.startsWith("java.lang.reflect")) {
            why = "is reflection or class loading, which reaches any code";
        } else if (why == null && qualified.startsWith("java.util.concurrent")) {
            why = "starts threads or tasks";
        }
        return why == null ? "" : " (it " + why + ")";
    }

    private static boolean isMemberAccess(DrlToken t) {
        return t.isSymbol(".") || t.isSymbol("?.") || t.isSymbol("::");
    }

    /** Index after the last token of the dotted name starting at {@code i}; a trailing {@code .*} is included. */
    private int chainEnd(int i) {
        int end = i + 1;
        while (end + 1 < tokens.size() && isMemberAccess(tokens.get(end)) && !tokens.get(end).isSymbol("::")
                && (tokens.get(end + 1).isIdentifier() || tokens.get(end + 1).isSymbol("*"))) {
            end += 2;
        }
        return end;
    }

    private int consumeChain(int i) {
        if (i >= tokens.size()) {
            return i;
        }
        int end = chainEnd(i);
        for (int k = i; k < end; k++) {
            consumed[k] = true;
        }
        return end;
    }

    /** Token index of the first segment starting with a capital letter in [start, end), or -1. */
    private int firstCapitalised(int start, int end) {
        for (int k = start; k < end; k++) {
            DrlToken t = tokens.get(k);
            if (t.isIdentifier() && Character.isUpperCase(t.text().charAt(0))) {
                return k;
            }
        }
        return -1;
    }

    private String chainText(int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end && k < tokens.size(); k++) {
            sb.append(tokens.get(k).isSymbol("?.") ? "." : tokens.get(k).text());
        }
        return sb.toString();
    }

    private void error(DrlToken at, String message) {
        problems.add(RuleProblem.error(file, at.line(), at.column(), message));
    }
}
