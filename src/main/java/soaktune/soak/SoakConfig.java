package soaktune.soak;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import soaktune.model.Profile;

/** Everything a soak run needs, validated before the first iteration starts. */
public record SoakConfig(int iterations, boolean autoTune, Path artifacts, Profile profile,
        Map<String, String> env, Clock clock) {
    public SoakConfig {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1");
        }
        env = Map.copyOf(env);
    }
}
