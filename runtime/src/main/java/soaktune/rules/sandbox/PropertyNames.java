package soaktune.rules.sandbox;

import java.beans.Introspector;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Spelling help for property names of the fact model ("did you mean 'cancelRatio'?"). */
public final class PropertyNames {
    private PropertyNames() {
    }

    /** The closest getter-backed property (or record component) of a fact model class, within three edits. */
    public static Optional<String> suggestion(Class<?> type, String property) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) { // record facts are read through their accessors, without getters
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
        }
        Arrays.stream(type.getMethods()).filter(m -> m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class
                && m.getName().matches("(get|is).+"))
                .map(m -> Introspector.decapitalize(m.getName().replaceFirst("^(get|is)", ""))).forEach(names::add);
        return names.stream().filter(n -> distance(n.toLowerCase(), property.toLowerCase()) <= 3)
                .min(Comparator.comparingInt(n -> distance(n.toLowerCase(), property.toLowerCase())));
    }

    /** Levenshtein distance, for spelling suggestions. */
    static int distance(String a, String b) {
        int[] prev = IntStream.rangeClosed(0, b.length()).toArray();
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
