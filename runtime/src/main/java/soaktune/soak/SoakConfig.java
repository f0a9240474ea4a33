package soaktune.soak;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import soaktune.gate.KpiThresholds;
import soaktune.model.Profile;

/**
 * Everything a soak run needs, validated before the first iteration starts. {@code profileSpec} is the
 * profile as the user named it (S1 or a file path) and {@code sourceSpec} the strategy source ("mock",
 * "file:DIR" or a URL), kept so a resume continues with the same ones.
 */
public record SoakConfig(int iterations, boolean autoTune, Path artifacts, Profile profile, String profileSpec,
        long seed, double iterationMinutes, String sourceSpec, int maxInconclusive, KpiThresholds thresholds,
        Map<String, String> env, Clock clock) {
    public SoakConfig {
        env = Map.copyOf(env);
    }
}
