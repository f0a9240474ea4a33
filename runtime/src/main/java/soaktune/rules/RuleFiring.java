package soaktune.rules;

import java.util.List;

/** A rule that fired, in firing order, with the facts it matched (as text, for the explanation). */
public record RuleFiring(int order, String rule, List<String> facts) {
}
