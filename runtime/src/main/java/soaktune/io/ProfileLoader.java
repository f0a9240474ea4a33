package soaktune.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    public static Profile load(String spec, String origin) throws InputException {
        Map<String, Double> base = parseFields("profiles/base.json", resource("base"), false);
        if (BUILT_IN.contains(spec)) {
            return new Profile(spec, base, parseFields("profiles/" + spec + ".json", resource(spec), true));
        }
        Path file = Path.of(spec);
        if (spec.endsWith(".json") || Files.exists(file)) {
            JsonNode root = Json.readFile(file);
            JsonFields f = JsonFields.ofObject(file.toString(), root);
            String name = root.has("name") ? f.text(root.get("name"), "name") : stripJson(file);
            return requireNonNegative(file.toString(), new Profile(name, base, parseFields(file.toString(), root, true)));
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

    private static Map<String, Double> parseFields(String source, JsonNode root, boolean allowDeltas)
            throws InputException {
        JsonFields f = JsonFields.ofObject(source, root);
        Set<String> allowed = new HashSet<>(Profile.PARAMETERS);
        if (allowDeltas) {
            Profile.PARAMETERS.forEach(p -> allowed.add(p + "_delta"));
            allowed.add("name");
        }
        f.onlyKeys(root, "", allowed);
        Map<String, Double> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("name")) {
                double v = f.number(e.getValue(), e.getKey());
                if (!e.getKey().endsWith("_delta") && v < 0) {
                    throw new InputException(source, e.getKey(), "must be >= 0, got " + v);
                }
                if (Math.abs(v) > MAX_MAGNITUDE) {
                    throw new InputException(source, e.getKey(), "must be within +/-" + (long) MAX_MAGNITUDE + ", got " + v);
                }
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private static JsonNode resource(String name) {
        String path = "/profiles/" + name + ".json";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile missing from the jar: " + path);
            }
            return Json.parse(path, in.readAllBytes());
        } catch (IOException | InputException e) {
            throw new IllegalStateException("built-in profile unreadable: " + path, e);
        }
    }

    private static String stripJson(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
