package soaktune.regression;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    static final Set<String> TOP = Set.of("name", "description", "given", "expect", "iterations");
    static final Set<String> GIVEN = Set.of("metrics", "overrides", "profile", "memory");
    static final Set<String> STEP = Set.of("metrics", "healthy_streak", "expect");
    static final String BLOCKED = "blocked_ratio";

    private static final JsonFields FIELDS = new JsonFields("");
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
        JsonFactory factory = json ? Json.mapper().getFactory() : new YAMLFactory();
        JsonNode root = parse(file, bytes, mapper, json);
        Path defaults = file.resolveSibling(DEFAULTS);
        if (root.isObject() && root.get("given") != null && root.get("given").isObject() && Files.isRegularFile(defaults)) {
            root = withDefaults(root, defaults);
        }
        ScenarioReader reader = new ScenarioReader(file, bytes, factory);
        try {
            return reader.scenario(root);
        } catch (ScenarioException e) {
            throw reader.located(e);
        }
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(defaultsFile);
        } catch (IOException e) {
            throw new InputException(defaultsFile.toString(), "cannot read: " + e.getMessage());
        }
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
        Iterator<Map.Entry<String, JsonNode>> it = own.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
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

    private InputException located(ScenarioException e) {
        return new InputException(where(e.at()), e.field(), e.getMessage());
    }

    /** "tests/x.yaml:12:5", or just the file when the place cannot be found. */
    private String where(JsonPointer at) {
        return SourceLocator.locate(factory, bytes, at)
                .map(l -> file + ":" + l.getLineNr() + ":" + l.getColumnNr()).orElse(file.toString());
    }

    private Scenario scenario(JsonNode root) throws ScenarioException, InputException {
        JsonPointer top = JsonPointer.empty();
        object(root, top);
        onlyKeys(root, top, TOP);
        String name = text(root.get("name"), top.appendProperty("name"));
        JsonPointer givenAt = top.appendProperty("given");
        JsonNode given = object(root.get("given"), givenAt);
        onlyKeys(given, givenAt, GIVEN);
        JsonPointer metricsAt = givenAt.appendProperty("metrics");
        Map<MetricName, Double> metrics = metrics(object(given.get("metrics"), metricsAt), metricsAt);
        Map<String, Double> blocked = blocked(given.get("metrics"), metricsAt);
        Overrides overrides = overrides(given.get("overrides"), givenAt.appendProperty("overrides"));
        Profile profile = profile(given.get("profile"), givenAt.appendProperty("profile"));
        TuningMemory memory = memory(given.get("memory"), givenAt.appendProperty("memory"));
        String metricsWhere = where(metricsAt);

        boolean hasExpect = root.has("expect");
        boolean hasSteps = root.has("iterations");
        if (hasExpect == hasSteps) {
            throw new ScenarioException(top, "needs exactly one of 'expect' (one decision) or 'iterations' (several)");
        }
        List<Scenario.Step> steps = new ArrayList<>();
        if (hasExpect) {
            steps.add(step(1, root, top, metrics, blocked, metricsWhere));
        } else {
            JsonPointer stepsAt = top.appendProperty("iterations");
            JsonNode list = root.get("iterations");
            if (!list.isArray() || list.isEmpty()) {
                throw new ScenarioException(stepsAt, "must be a non-empty list of steps, each with 'expect' and "
                        + "optionally 'metrics' and 'healthy_streak'");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonPointer at = stepsAt.appendIndex(i);
                onlyKeys(object(list.get(i), at), at, STEP);
                steps.add(step(i + 1, list.get(i), at, metrics, blocked, metricsWhere));
            }
        }
        return new Scenario(file, name, profile, overrides, memory, List.copyOf(steps));
    }

    /** One decision: the given metrics with the step's own laid over them (a single top-level 'expect' has none). */
    private Scenario.Step step(int number, JsonNode step, JsonPointer at, Map<MetricName, Double> given,
            Map<String, Double> givenBlocked, String metricsWhere) throws ScenarioException {
        Map<MetricName, Double> metrics = new EnumMap<>(given);
        Map<String, Double> blocked = new TreeMap<>(givenBlocked);
        if (step.has("metrics")) {
            JsonPointer mAt = at.appendProperty("metrics");
            metrics.putAll(metrics(object(step.get("metrics"), mAt), mAt));
            blocked.putAll(blocked(step.get("metrics"), mAt));
        }
        if (!step.has("expect")) {
            throw new ScenarioException(at, "is missing 'expect'");
        }
        Expectation e = ExpectationReader.read(this, step.get("expect"), at.appendProperty("expect"));
        int streak = step.has("healthy_streak")
                ? count(step.get("healthy_streak"), at.appendProperty("healthy_streak")) : 0;
        return new Scenario.Step(number, new Metrics(metrics, blocked), streak, e, metricsWhere,
                where(at.appendProperty("expect")));
    }

    private Map<MetricName, Double> metrics(JsonNode node, JsonPointer at) throws ScenarioException {
        Map<MetricName, Double> out = new EnumMap<>(MetricName.class);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonPointer field = at.appendProperty(e.getKey());
            if (e.getKey().equals(BLOCKED)) {
                continue;
            }
            MetricName name = MetricName.fromKey(e.getKey()).orElseThrow(() -> new ScenarioException(field,
                    "unknown metric (EDGE_REPORT totals keys: " + metricKeys() + ")"));
            double v = number(e.getValue(), field);
            if (!name.kind().accepts(v)) {
                throw new ScenarioException(field, "must be " + name.kind().describe() + ", got " + v);
            }
            out.put(name, v);
        }
        return out;
    }

    private Map<String, Double> blocked(JsonNode metrics, JsonPointer metricsAt) throws ScenarioException {
        Map<String, Double> out = new TreeMap<>();
        JsonNode node = metrics == null ? null : metrics.get(BLOCKED);
        if (node == null) {
            return out;
        }
        JsonPointer at = metricsAt.appendProperty(BLOCKED);
        object(node, at);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            double v = number(e.getValue(), at.appendProperty(e.getKey()));
            if (!MetricKind.RATIO.accepts(v)) {
                throw new ScenarioException(at.appendProperty(e.getKey()), "must be " + MetricKind.RATIO.describe());
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private Overrides overrides(JsonNode node, JsonPointer at) throws ScenarioException {
        Overrides out = Overrides.empty();
        if (node == null || node.isNull()) {
            return out;
        }
        object(node, at);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out = out.with(field(e.getKey(), at.appendProperty(e.getKey())), number(e.getValue(), at.appendProperty(e.getKey())));
        }
        return out;
    }

    private Profile profile(JsonNode node, JsonPointer at) throws ScenarioException, InputException {
        if (node == null || node.isNull()) {
            return ProfileLoader.load(ProfileLoader.DEFAULT, file.toString());
        }
        String spec = text(node, at);
        if (spec.endsWith(".json") && !Path.of(spec).isAbsolute()) {
            spec = file.toAbsolutePath().resolveSibling(spec).toString(); // beside the scenario file
        }
        try {
            return ProfileLoader.load(spec, where(at));
        } catch (InputException e) {
            throw new ScenarioException(at, e.getMessage());
        }
    }

    /** The anti-oscillation memory the first step starts from, as serve's requests and applied_profile.json carry it. */
    private TuningMemory memory(JsonNode node, JsonPointer at) throws ScenarioException {
        try {
            return TuningMemoryJson.fromJson(new JsonFields(where(at)), node, "given.memory");
        } catch (InputException e) {
            throw new ScenarioException(at, e.getMessage());
        }
    }

    // Typed access, shared with ExpectationReader.

    TunableField field(String key, JsonPointer at) throws ScenarioException {
        return TunableField.fromKey(key).orElseThrow(() -> new ScenarioException(at,
                "unknown field (tunable fields: " + String.join(", ", TunableField.keys()) + ")"));
    }

    JsonNode object(JsonNode node, JsonPointer at) throws ScenarioException {
        return typed(at, f -> f.object(node == null || node.isNull() ? null : node, ""));
    }

    double number(JsonNode node, JsonPointer at) throws ScenarioException {
        return typed(at, f -> f.number(node, ""));
    }

    /** A whole number >= 0 (a count such as adjustments or a healthy streak). */
    int count(JsonNode node, JsonPointer at) throws ScenarioException {
        return typed(at, f -> f.count(node, ""));
    }

    String text(JsonNode node, JsonPointer at) throws ScenarioException {
        return typed(at, f -> f.text(node, ""));
    }

    boolean bool(JsonNode node, JsonPointer at) throws ScenarioException {
        return typed(at, f -> f.bool(node, ""));
    }

    List<String> texts(JsonNode node, JsonPointer at) throws ScenarioException {
        if (node == null || !node.isArray()) {
            throw new ScenarioException(at, "must be a list, e.g. [a, b], got " + typeOf(node));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(text(node.get(i), at.appendIndex(i)));
        }
        return out;
    }

    Set<String> fieldSet(JsonNode node, JsonPointer at) throws ScenarioException {
        Set<String> out = new LinkedHashSet<>();
        List<String> keys = texts(node, at);
        for (int i = 0; i < keys.size(); i++) {
            out.add(field(keys.get(i), at.appendIndex(i)).key());
        }
        return out;
    }

    void onlyKeys(JsonNode node, JsonPointer at, Set<String> allowed) throws ScenarioException {
        try {
            FIELDS.onlyKeys(node, "", allowed);
        } catch (InputException e) {
            throw new ScenarioException(at.appendProperty(e.field()), e.problem());
        }
    }

    private interface Access<T> {
        T get(JsonFields f) throws InputException;
    }

    /** io.JsonFields' checks and words; the error is placed by the pointer (file:line:column, path). */
    private static <T> T typed(JsonPointer at, Access<T> access) throws ScenarioException {
        try {
            return access.get(FIELDS);
        } catch (InputException e) {
            throw new ScenarioException(at, e.problem());
        }
    }

    private static String metricKeys() {
        return Stream.concat(Arrays.stream(MetricName.values()).map(MetricName::key), Stream.of(BLOCKED))
                .collect(Collectors.joining(", "));
    }

    private static String typeOf(JsonNode node) {
        return node == null ? "nothing" : JsonFields.typeOf(node);
    }
}
