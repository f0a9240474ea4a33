package soaktune.rules.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soaktune.rules.lint.DrlToken;
import soaktune.rules.lint.DrlTokenizer;

/**
 * Rule-level composition: a rule a set defines replaces its base's rule of the same name, wherever in the base
 * it is, and the base's other rules in that file stay. So a set changes one guardrail by writing that rule
 * alone instead of copying the base's whole file.
 *
 * <p>The replaced rule's text is blanked (every character but line breaks becomes a space) rather than cut
 * out, so every line and column the linter, the sandbox and the compiler report in the base file stays true.
 * Drools names rules per package, and a set's files usually have a package of their own: without the blanking
 * both rules would be kept and both would fire.
 */
final class RuleOverrides {
    private RuleOverrides() {
    }

    /** The name and character range ({@code rule} to the end of {@code end}) of one rule in a DRL text. */
    record Span(String name, int from, int to) {
    }

    /**
     * Blanks, in each {@code .drl} file of {@code files}, the rules a closer layer defines. {@code layerOf} gives
     * the layer (0 for the set itself, 1 for its base, ...) each file was taken from.
     */
    static void apply(Map<String, byte[]> files, Map<String, Integer> layerOf) {
        int deepest = layerOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<String> definedCloser = new HashSet<>();
        for (int layer = 0; layer <= deepest; layer++) {
            Set<String> definedHere = new HashSet<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (!f.getKey().endsWith(".drl") || layerOf.get(f.getKey()) != layer) {
                    continue;
                }
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(f.getValue())).toString();
                } catch (CharacterCodingException e) {
                    continue; // reading the rule text reports it
                }
                StringBuilder blanked = new StringBuilder(text);
                for (Span s : spans(DrlTokenizer.tokenize(text))) {
                    if (definedCloser.contains(s.name())) {
                        blanked.replace(s.from(), s.to(), text.substring(s.from(), s.to()).replaceAll("[^\r\n]", " "));
                    } else {
                        definedHere.add(s.name());
                    }
                }
                f.setValue(blanked.toString().getBytes(StandardCharsets.UTF_8)); // the same bytes when nothing is blanked
            }
            definedCloser.addAll(definedHere);
        }
    }

    /**
     * The rules of a DRL text, from its tokens. A rule runs from its {@code rule} keyword to the first
     * {@code end} after it, the way the DRL parser reads it; a text the lexer cannot read gives what it could,
     * and the compiler reports the rest.
     */
    static List<Span> spans(List<DrlToken> tokens) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            DrlToken name = tokens.get(i + 1);
            if (!t.is(DrlToken.Kind.IDENTIFIER, "rule")
                    || (name.kind() != DrlToken.Kind.STRING && name.kind() != DrlToken.Kind.IDENTIFIER)) {
                continue;
            }
            int end = i + 2;
            while (end < tokens.size() && !tokens.get(end).is(DrlToken.Kind.IDENTIFIER, "end")) {
                end++;
            }
            if (end == tokens.size()) {
                return spans; // an unterminated rule: the compiler says where
            }
            spans.add(new Span(name.text(), t.offset(), tokens.get(end).offset() + "end".length()));
            i = end;
        }
        return spans;
    }
}
