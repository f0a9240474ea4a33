package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.InputException;
import soaktune.io.LimitsReader;
import soaktune.io.ProfileLoader;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;

/** The frontier's grid is read from limits.json: ends included, held fields at the profile's value. */
final class FrontierGridTest {
    private static Profile s1() throws InputException {
        return ProfileLoader.resolve(Optional.of("S1"), Map.of());
    }

    @Test
    void axesSpanTheLimitsFile_endsIncluded_unsweptFieldsAtTheProfileValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("limits.json");
        Files.writeString(file, """
                {
                  "base_spread_bps_delta": { "min": 0.1, "max": 0.5 },
                  "impact_cap_ratio": { "min": 0.04, "max": 0.08 },
                  "min_interval_ms": { "min": 40, "max": 100 },
                  "replace_rate_per_min": { "min": 200, "max": 300 },
                  "tail_age_ms": { "min": 450, "max": 900 }
                }
                """);
        Limits limits = LimitsReader.read(file);
        FrontierGrid g = FrontierGrid.of(limits, s1(), FrontierGrid.parseCounts("3x1x2x4"));

        assertThat(g.axes().get(0).values()).containsExactly(40.0, 70.0, 100.0);
        assertThat(g.axes().get(2).values()).containsExactly(0.1, 0.5);
        assertThat(g.axes().get(3).values()).containsExactly(450.0, 600.0, 750.0, 900.0);
        // replace_rate_per_min (count 1) stays at S1's 300; impact_cap_ratio (no count) at S1's 0.10, pulled
        // into this file's max of 0.08.
        assertThat(g.fixed()).extracting(FrontierGrid.Axis::field)
                .containsExactly(TunableField.REPLACE_RATE_PER_MIN, TunableField.IMPACT_CAP_RATIO);
        assertThat(g.axes().get(1).values()).containsExactly(300.0);
        assertThat(g.axes().get(4).values()).containsExactly(0.08);
        assertThat(g.size()).isEqualTo(3 * 2 * 4);
        assertThat(g.describe()).startsWith("24 points: min_interval_ms 40..100 (3) x base_spread_bps_delta 0.1..0.5 (2)")
                .endsWith("held at the profile's value: replace_rate_per_min=300, impact_cap_ratio=0.08");
    }

    @Test
    void pointsEnumerateEveryCombinationOnce_firstAxisSlowest() throws Exception {
        Limits limits = LimitsReader.read(Path.of("rules/v1/limits.json"));
        FrontierGrid g = FrontierGrid.of(limits, s1(), FrontierGrid.parseCounts("6x5x5x5"));
        assertThat(g.size()).isEqualTo(750);
        Set<Overrides> seen = new HashSet<>();
        for (int i = 0; i < g.size(); i++) {
            Overrides p = g.point(i);
            assertThat(p.values()).hasSize(5);
            seen.add(p);
        }
        assertThat(seen).hasSize(750);
        assertThat(g.point(0).get(TunableField.MIN_INTERVAL_MS)).contains(50.0);
        assertThat(g.point(1).get(TunableField.TAIL_AGE_MS)).contains(550.0);
        assertThat(g.point(749).get(TunableField.MIN_INTERVAL_MS)).contains(300.0);
        assertThat(g.point(749).get(TunableField.BASE_SPREAD_BPS_DELTA)).contains(0.6);
        assertThat(g.axes().get(2).values()).containsExactly(0.0, 0.15, 0.3, 0.45, 0.6);
    }

    @Test
    void integralFieldsInANarrowRange_collapseDuplicates() throws Exception {
        Limits v1 = LimitsReader.read(Path.of("rules/v1/limits.json"));
        Map<TunableField, soaktune.model.Range> ranges = new java.util.EnumMap<>(v1.ranges());
        ranges.put(TunableField.MIN_INTERVAL_MS, new soaktune.model.Range(50, 52));
        FrontierGrid g = FrontierGrid.of(new Limits(ranges), s1(), List.of(5));
        assertThat(g.axes().get(0).values()).containsExactly(50.0, 51.0, 52.0);
    }

    @Test
    void badGridSpecs_nameTheOption() {
        for (String bad : new String[] {"6x0x5", "6xx5", "axb", "1x2x3x4x5x6", "101"}) {
            assertThatThrownBy(() -> FrontierGrid.parseCounts(bad)).as(bad).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("--grid: ");
        }
    }
}
