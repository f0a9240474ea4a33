package soaktune.rules.lint;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.drools.drl.ast.descr.RuleDescr;

/** The tokens of one rule, split at {@code when} and {@code then}, located by the parser's character offsets. */
public record RuleTokens(List<DrlToken> conditions, List<DrlToken> consequence) {

    static RuleTokens of(List<DrlToken> fileTokens, RuleDescr rule) {
        return of(fileTokens, rule.getStartCharacter(), rule.getEndCharacter() + 1);
    }

    /** The rule whose text runs from character {@code start} up to (not including) {@code stop}. */
    public static RuleTokens of(List<DrlToken> fileTokens, int start, int stop) {
        List<DrlToken> all = fileTokens.subList(indexAtOrAfter(fileTokens, start), indexAtOrAfter(fileTokens, stop));
        int when = find(all, "when", 0);
        int then = find(all, "then", Math.max(when, 0));
        if (then < 0) {
            return new RuleTokens(List.of(), List.of());
        }
        List<DrlToken> lhs = when < 0 ? List.of() : all.subList(when + 1, then);
        int end = all.size() > then + 1 && all.get(all.size() - 1).is(DrlToken.Kind.IDENTIFIER, "end")
                ? all.size() - 1 : all.size();
        return new RuleTokens(lhs, all.subList(then + 1, Math.max(then + 1, end)));
    }

    /** The conditions as text with bound variables renamed by order of appearance ($p and $q compare equal). */
    String normalisedConditions() {
        Map<String, String> renamed = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (DrlToken t : conditions) {
            String text = t.text();
            if (t.isIdentifier() && text.startsWith("$")) {
                text = renamed.computeIfAbsent(text, k -> "$" + renamed.size());
            } else if (t.kind() == DrlToken.Kind.STRING) {
                text = "\"" + text + "\"";
            }
            sb.append(text).append(' ');
        }
        return sb.toString();
    }

    private static int find(List<DrlToken> tokens, String keyword, int from) {
        return IntStream.range(from, tokens.size()).filter(i -> tokens.get(i).is(DrlToken.Kind.IDENTIFIER, keyword))
                .findFirst().orElse(-1);
    }

    private static int indexAtOrAfter(List<DrlToken> tokens, int offset) {
        // Offsets strictly increase, so a hit is the first token at the offset, a miss the insertion point.
        int i = Collections.binarySearch(tokens, new DrlToken(DrlToken.Kind.SYMBOL, "", 0, 0, offset),
                Comparator.comparingInt(DrlToken::offset));
        return i >= 0 ? i : -i - 1;
    }
}
