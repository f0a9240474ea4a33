package soaktune.io;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import soaktune.model.Profile;

/**
 * Resolves a profile by name (built in: S1) or by JSON file path. The flag wins over {@code MM_PROFILE};
 * with neither, S1.
 */
public final class ProfileLoader {
    public static final String ENV_VAR = "MM_PROFILE";
    public static final String DEFAULT = "S1";
    public static final List<String> BUILT_IN = List.of("S1");

    /**
     * No parameter of the strategy, nor a delta on one, is legitimately this large (intervals and ages are in
     * ms, rates per minute, the rest bps or ratios): beyond it a value is a typo that would reach the strategy.
     */
    static final double MAX_MAGNITUDE = 1_000_000;

    private ProfileLoader() {
    }

    public static Profile resolve(Optional<String> flag, Map<String, String> env) throws InputException {
        String spec = flag.orElseGet(() -> env.getOrDefault(ENV_VAR, DEFAULT));
        String origin = flag.isPresent() ? "--profile" : env.containsKey(ENV_VAR) ? ENV_VAR : "default profile";
        return load(spec, origin);
    }

    /**
     * A profile file as written: an optional name and settings, each a parameter of the strategy or a delta on
     * one ({@code <parameter>_delta}); the built-in base has parameters only.
     */
    private record Written(String name, @JsonAnySetter Map<String, Double> settings) {
        Written {
            settings = settings == null ? Map.of() : settings;
            for (Map.Entry<String, Double> e : settings.entrySet()) {
                String key = e.getKey();
                if (!Profile.PARAMETERS.contains(key.endsWith("_delta") ? key.substring(0, key.length() - 6) : key)) {
                    throw new IllegalArgumentException(key + ": unknown field (allowed: name, "
                            + String.join(", ", Profile.PARAMETERS) + ", and each with _delta)");
                }
                if (e.getValue() == null) {
                    throw new IllegalArgumentException(key + ": is missing");
                }
                if (!key.endsWith("_delta") && e.getValue() < 0) {
                    throw new IllegalArgumentException(key + ": must be >= 0, got " + e.getValue());
                }
                if (Math.abs(e.getValue()) > MAX_MAGNITUDE) {
                    throw new IllegalArgumentException(key + ": must be within +/-" + (long) MAX_MAGNITUDE + ", got "
                            + e.getValue());
                }
            }
        }
    }

    public static Profile load(String spec, String origin) throws InputException {
        Map<String, Double> base = Json.bindStrict("profiles/base.json", resource("base"), Written.class).settings();
        if (BUILT_IN.contains(spec)) {
            return new Profile(spec, base, Json.bindStrict("profiles/" + spec + ".json", resource(spec), Written.class)
                    .settings());
        }
        Path file = Path.of(spec);
        if (spec.endsWith(".json") || Files.exists(file)) {
            Written p = Json.bindStrict(file.toString(), Json.readFile(file), Written.class);
            String name = p.name() != null ? p.name() : InputFiles.stripJson(file);
            return requireNonNegative(file.toString(), new Profile(name, base, p.settings()));
        }
        throw new InputException(origin, "unknown profile '" + spec + "' (built in: " + String.join(", ", BUILT_IN)
                + "; or give a path to a profile JSON file)");
    }

    /** A delta may not take a parameter below 0 (a negative interval or spread), the same rule as a value. */
    private static Profile requireNonNegative(String source, Profile profile) throws InputException {
        for (Map.Entry<String, Double> e : profile.applied().entrySet()) {
            String delta = e.getKey() + "_delta";
            if (e.getValue() < 0 && profile.settings().containsKey(delta)) {
                throw new InputException(source, delta, "takes " + e.getKey() + " to " + e.getValue()
                        + ", below 0");
            }
        }
        return profile;
    }

    private static JsonNode resource(String name) {
        String path = "/profiles/" + name + ".json";
        try (InputStream in = Objects.requireNonNull(ProfileLoader.class.getResourceAsStream(path), path)) {
            return Json.parse(path, in.readAllBytes());
        } catch (IOException | InputException e) {
            throw new IllegalStateException("built-in profile unreadable: " + path, e);
        }
    }
}
