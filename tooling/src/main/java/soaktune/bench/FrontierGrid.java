package soaktune.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import soaktune.io.InputException;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.Range;
import soaktune.model.TunableField;

/**
 * The grid the feasibility frontier sweeps: for each tunable field, evenly spaced values from its min to its
 * max in limits.json (both ends included), or one value, the profile's own (pulled into limits), when the
 * field is not swept. Points are numbered in a fixed order (the first axis varies slowest), so results are
 * reproducible whatever the thread timing.
 */
public record FrontierGrid(List<Axis> axes) {
    /** The order of the counts in {@code --grid}: the four axes, then (optionally) impact_cap_ratio. */
    public static final List<TunableField> ORDER = List.of(TunableField.MIN_INTERVAL_MS,
            TunableField.REPLACE_RATE_PER_MIN, TunableField.BASE_SPREAD_BPS_DELTA, TunableField.TAIL_AGE_MS,
            TunableField.IMPACT_CAP_RATIO);

    /** The values one field takes; {@code swept} is false when it is held at the profile's value. */
    public record Axis(TunableField field, List<Double> values, boolean swept) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public FrontierGrid {
        axes = List.copyOf(axes);
    }

    /**
     * Builds the grid from counts in {@link #ORDER} ({@code --grid 6x5x5x5}, a fifth count for
     * impact_cap_ratio), as {@link #parseCounts} checks them. A count of 1, or a field without a count, holds
     * that field at the profile's value.
     */
    public static FrontierGrid of(Limits limits, Profile profile, List<Integer> counts) {
        Map<TunableField, Double> defaults = profile.defaultValues();
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < ORDER.size(); i++) {
            TunableField field = ORDER.get(i);
            int n = i < counts.size() ? counts.get(i) : 1;
            if (n == 1) {
                axes.add(new Axis(field, List.of(limits.clamp(field, defaults.get(field))), false));
                continue;
            }
            Range r = limits.of(field);
            List<Double> values = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double v = field.normalize(r.min() + (r.max() - r.min()) * k / (n - 1));
                if (values.isEmpty() || values.get(values.size() - 1) != v) { // integral fields in a narrow range
                    values.add(v);
                }
            }
            axes.add(new Axis(field, values, values.size() > 1));
        }
        return new FrontierGrid(axes);
    }

    /** Parses {@code 6x5x5x5} (up to five counts, each 1..100) into counts for {@link #of}. */
    public static List<Integer> parseCounts(String spec) throws InputException {
        List<Integer> counts = new ArrayList<>();
        String[] parts = spec.strip().toLowerCase(Locale.ROOT).split("x", -1);
        if (parts.length > ORDER.size()) {
            throw new InputException("--grid", "at most " + ORDER.size() + " counts (" + names() + "), got '" + spec + "'");
        }
        for (String p : parts) {
            try {
                int n = Integer.parseInt(p.strip());
                if (n < 1 || n > 100) {
                    throw new NumberFormatException();
                }
                counts.add(n);
            } catch (NumberFormatException e) {
                throw new InputException("--grid", "expected counts 1..100 separated by 'x' (" + names()
                        + "), got '" + spec + "'");
            }
        }
        return counts;
    }

    private static String names() {
        return String.join(" x ", ORDER.stream().map(TunableField::key).toList());
    }

    public int size() {
        return axes.stream().mapToInt(a -> a.values().size()).reduce(1, (a, b) -> a * b);
    }

    public List<Axis> swept() {
        return axes.stream().filter(Axis::swept).toList();
    }

    public List<Axis> fixed() {
        return axes.stream().filter(a -> !a.swept()).toList();
    }

    /** Point {@code index} (0..size-1) as runtime overrides of all five fields; the first axis varies slowest. */
    public Overrides point(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        Map<TunableField, Double> values = new EnumMap<>(TunableField.class);
        int rest = index;
        for (int i = axes.size() - 1; i >= 0; i--) {
            Axis a = axes.get(i);
            values.put(a.field(), a.values().get(rest % a.values().size()));
            rest /= a.values().size();
        }
        return new Overrides(values);
    }

    /** "6x5x5x5" style: the number of values of each swept field, in {@link #ORDER}. */
    public String describe() {
        String swept = swept().stream().map(a -> a.field().key() + " " + a.field().format(a.values().get(0)) + ".."
                + a.field().format(a.values().get(a.values().size() - 1)) + " (" + a.values().size() + ")")
                .collect(Collectors.joining(" x "));
        String held = fixed().stream().map(a -> a.field().key() + "=" + a.field().format(a.values().get(0)))
                .collect(Collectors.joining(", "));
        return size() + " points: " + (swept.isEmpty() ? "nothing swept" : swept)
                + (held.isEmpty() ? "" : "; held at the profile's value: " + held);
    }
}
