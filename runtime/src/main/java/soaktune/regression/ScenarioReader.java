package soaktune.regression;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import soaktune.io.InputException;
import soaktune.io.InputFiles;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.io.ProfileLoader;
import soaktune.model.MetricKind;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningMemoryJson;

/**
 * Reads a scenario file (YAML or JSON) strictly: unknown fields, wrong types, unknown metrics or fields are
 * errors that name the file, line and column ({@code tests/x.yaml:12:5: expect.min_intreval_ms: unknown
 * field ...}), because a misspelt expectation that is silently ignored would make a test that cannot fail.
 */
public final class ScenarioReader {
    static final String BLOCKED = "blocked_ratio";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final byte[] bytes;
    private final JsonFactory factory;

    private ScenarioReader(Path file, byte[] bytes, JsonFactory factory) {
        this.file = file;
        this.bytes = bytes;
        this.factory = factory;
    }

    /** Metrics (and overrides, profile) every scenario beside it starts from; a scenario's own values win. */
    public static final String DEFAULTS = "_defaults.yaml";

    /** A scenario file: not hidden, not {@code _}-prefixed (like {@link #DEFAULTS}), YAML or JSON. */
    public static boolean isScenarioFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("_")
                && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }

    public static Scenario read(Path file) throws InputException {
        byte[] bytes = InputFiles.readBytes(file, Json.MAX_FILE_BYTES, "a scenario file");
        boolean json = file.getFileName().toString().endsWith(".json");
        ObjectMapper mapper = json ? Json.mapper() : YAML;
        JsonNode root = parse(file, bytes, mapper, json);
        Path defaults = file.resolveSibling(DEFAULTS);
        if (root.isObject() && root.get("given") != null && root.get("given").isObject() && Files.isRegularFile(defaults)) {
            root = withDefaults(root, defaults);
        }
        ScenarioReader reader = new ScenarioReader(file, bytes, mapper.getFactory());
        return reader.scenario(reader.bind(root));
    }

    private static JsonNode parse(Path file, byte[] bytes, ObjectMapper mapper, boolean json) throws InputException {
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()),
                    "malformed " + (json ? "JSON" : "YAML") + ": " + brief(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * The scenario with {@code _defaults.yaml}'s {@code given} laid under its own: a value the scenario gives
     * wins, nested maps (metrics, overrides) are merged key by key. Only {@code given} may be defaulted.
     */
    private static JsonNode withDefaults(JsonNode root, Path defaultsFile) throws InputException {
        byte[] bytes = InputFiles.readBytes(defaultsFile, Json.MAX_FILE_BYTES, "a scenario file");
        JsonNode defaults = parse(defaultsFile, bytes, YAML, false);
        if (!defaults.isObject() || defaults.size() != 1 || !defaults.has("given") || !defaults.get("given").isObject()) {
            throw new InputException(defaultsFile.toString(), "must hold exactly one key, 'given' (metrics, "
                    + "overrides, profile shared by the scenarios beside it)");
        }
        ObjectNode merged = root.deepCopy();
        merged.set("given", under((ObjectNode) root.get("given"), (ObjectNode) defaults.get("given")));
        return merged;
    }

    private static ObjectNode under(ObjectNode own, ObjectNode defaults) {
        ObjectNode out = defaults.deepCopy();
        for (Map.Entry<String, JsonNode> e : own.properties()) {
            JsonNode d = out.get(e.getKey());
            out.set(e.getKey(), d instanceof ObjectNode dObj && e.getValue() instanceof ObjectNode oObj
                    ? under(oObj, dObj) : e.getValue());
        }
        return out;
    }

    /** Parser messages span lines and quote the input; one line of at most 160 characters is enough. */
    private static String brief(String message) {
        String s = message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    /** A problem at {@code at}: "tests/x.yaml:12:5: given.metrics.cancel_ratoi: unknown metric ...". */
    private InputException problem(JsonPointer at, String message) {
        String path = at.toString(); // "given.metrics.cancel_ratio" for people; pointers are for machines
        return new InputException(where(at), path.isEmpty() ? "" : path.substring(1).replace('/', '.'), message);
    }

    /** "tests/x.yaml:12:5", or just the file when the place cannot be found. */
    private String where(JsonPointer at) {
        return SourceLocator.locate(factory, bytes, at)
                .map(l -> file + ":" + l.getLineNr() + ":" + l.getColumnNr()).orElse(file.toString());
    }

    /** Binds the tree strictly (io.Json's words); a problem is placed at the path Jackson names. */
    private ScenarioFile bind(JsonNode root) throws InputException {
        if (root.isMissingNode()) {
            throw problem(JsonPointer.empty(), "is empty, expected a scenario (name, given, expect)");
        }
        try {
            return Json.bindStrict("", root, ScenarioFile.class);
        } catch (InputException e) {
            JsonPointer at = JsonPointer.empty(); // "iterations[0].expect" as /iterations/0/expect
            for (String part : e.field().replace("[", ".").replace("]", "").split("\\.")) {
                at = part.isEmpty() ? at : at.appendProperty(part);
            }
            throw problem(at, e.problem());
        }
    }

    private Scenario scenario(ScenarioFile f) throws InputException {
        JsonPointer givenAt = JsonPointer.compile("/given");
        JsonPointer metricsAt = givenAt.appendProperty("metrics");
        Metrics metrics = metrics(f.given().metrics(), metricsAt, new Metrics(Map.of(), Map.of()));
        Overrides overrides = Overrides.empty();
        for (Map.Entry<String, Double> e : f.given().overrides().entrySet()) {
            JsonPointer at = givenAt.appendProperty("overrides").appendProperty(e.getKey());
            overrides = overrides.with(field(e.getKey(), at), e.getValue());
        }
        Profile profile = profile(f.given().profile(), givenAt.appendProperty("profile"));
        // the tuning memory the first step starts from, as serve's requests and applied_profile.json carry it
        TuningMemory memory = TuningMemoryJson.fromJson(new JsonFields(where(givenAt.appendProperty("memory"))),
                f.given().memory(), "given.memory");
        if ((f.expect() == null) == (f.iterations() == null)) {
            throw problem(JsonPointer.empty(),
                    "needs exactly one of 'expect' (one decision) or 'iterations' (several)");
        }
        if (f.iterations() != null && f.iterations().isEmpty()) {
            throw problem(JsonPointer.compile("/iterations"), "must be a non-empty list of steps, each with 'expect' "
                    + "and optionally 'metrics' and 'healthy_streak'");
        }
        List<ScenarioFile.Iteration> iterations = f.iterations() != null ? f.iterations()
                : List.of(new ScenarioFile.Iteration(null, 0, f.expect()));
        List<Scenario.Step> steps = new ArrayList<>();
        for (int i = 0; i < iterations.size(); i++) {
            JsonPointer at = f.iterations() == null ? JsonPointer.empty() : JsonPointer.compile("/iterations/" + i);
            steps.add(step(i + 1, iterations.get(i), at, metrics, where(metricsAt)));
        }
        return new Scenario(file, f.name(), profile, overrides, memory, List.copyOf(steps));
    }

    /** One decision: the given metrics with the step's own laid over them (a single top-level 'expect' has none). */
    private Scenario.Step step(int number, ScenarioFile.Iteration step, JsonPointer at, Metrics given,
            String metricsWhere) throws InputException {
        if (step.healthyStreak() < 0) {
            throw problem(at.appendProperty("healthy_streak"),
                    "must be a whole number >= 0, got " + step.healthyStreak());
        }
        JsonPointer expectAt = at.appendProperty("expect");
        check(step.expect(), expectAt);
        Metrics metrics = metrics(step.metrics(), at.appendProperty("metrics"), given);
        return new Scenario.Step(number, metrics, step.healthyStreak(), step.expect(), metricsWhere, where(expectAt));
    }

    /** {@code under} with the metrics a file gives laid over it; each must be a metric, in its kind's range. */
    private Metrics metrics(ScenarioFile.Totals given, JsonPointer at, Metrics under) throws InputException {
        Map<MetricName, Double> out = new EnumMap<>(MetricName.class);
        out.putAll(under.values());
        for (Map.Entry<String, Double> e : given.values().entrySet()) {
            JsonPointer field = at.appendProperty(e.getKey());
            MetricName name = MetricName.fromKey(e.getKey()).orElseThrow(() -> problem(field,
                    "unknown metric (EDGE_REPORT totals keys: " + metricKeys() + ")"));
            if (e.getValue() == null || !name.kind().accepts(e.getValue())) {
                throw problem(field, "must be " + name.kind().describe() + ", got " + e.getValue());
            }
            out.put(name, e.getValue());
        }
        Map<String, Double> blocked = new TreeMap<>(under.blockedRatios());
        for (Map.Entry<String, Double> e : given.blocked().entrySet()) {
            if (!MetricKind.RATIO.accepts(e.getValue())) {
                throw problem(at.appendProperty(BLOCKED).appendProperty(e.getKey()),
                        "must be " + MetricKind.RATIO.describe());
            }
            blocked.put(e.getKey(), e.getValue());
        }
        return new Metrics(out, blocked);
    }

    /** What binding cannot know of an {@code expect} block: the names of its fields, and counts are >= 0. */
    private void check(Expectation e, JsonPointer at) throws InputException {
        for (Map.Entry<String, Double> v : e.values().entrySet()) {
            JsonPointer key = at.appendProperty(v.getKey());
            if (TunableField.fromKey(v.getKey()).isEmpty()) {
                throw problem(key, "unknown field (allowed: " + String.join(", ", new TreeSet<>(
                        Stream.concat(Expectation.CHECKS.stream(), TunableField.keys().stream()).toList())) + ")");
            }
            if (v.getValue() == null) {
                throw problem(key, "is missing");
            }
        }
        fields(e.dropped(), at.appendProperty("dropped"));
        fields(e.trimmed(), at.appendProperty("trimmed"));
        fields(e.clamped(), at.appendProperty("clamped"));
        if (e.adjustments() != null && e.adjustments() < 0) {
            throw problem(at.appendProperty("adjustments"), "must be a whole number >= 0, got " + e.adjustments());
        }
    }

    private Profile profile(String spec, JsonPointer at) throws InputException {
        if (spec == null) {
            return ProfileLoader.load(ProfileLoader.DEFAULT, file.toString());
        }
        if (spec.endsWith(".json") && !Path.of(spec).isAbsolute()) {
            spec = file.toAbsolutePath().resolveSibling(spec).toString(); // beside the scenario file
        }
        return ProfileLoader.load(spec, where(at) + ": given.profile");
    }

    private void fields(List<String> keys, JsonPointer at) throws InputException {
        for (int i = 0; keys != null && i < keys.size(); i++) {
            field(keys.get(i), at.appendIndex(i));
        }
    }

    private TunableField field(String key, JsonPointer at) throws InputException {
        return TunableField.fromKey(key).orElseThrow(() -> problem(at,
                "unknown field (tunable fields: " + String.join(", ", TunableField.keys()) + ")"));
    }

    private static String metricKeys() {
        return Stream.concat(Arrays.stream(MetricName.values()).map(MetricName::key), Stream.of(BLOCKED))
                .collect(Collectors.joining(", "));
    }
}
