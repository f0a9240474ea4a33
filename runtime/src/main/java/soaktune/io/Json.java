package soaktune.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one Jackson setup. Reading is strict (duplicate keys, NaN tokens, trailing garbage, deep nesting and
 * oversized files are errors); writing is deterministic (sorted keys, two-space indent, final newline).
 */
public final class Json {
    /** No input file the tool reads is legitimately larger than this. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    /** Two-space indent and "key": value, the way people and most tools write JSON. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    /**
     * Binds parsed documents to the artifact records as strictly as {@link JsonFields} reads them: no number
     * from a string or string from a number, no fraction into a whole number; unknown keys are ignored, so a
     * newer file stays readable.
     */
    private static final ObjectMapper BINDER = MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** {@link #BINDER} for files people write: an unknown key is a typo to report, not a newer version. */
    private static final ObjectMapper STRICT_BINDER;

    private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n"); // "\n" on every OS: byte-identical output
        PRINTER.indentArraysWith(indenter);
        PRINTER.indentObjectsWith(indenter);
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(1_000_000)
                .maxNumberLength(400)
                .build());
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean).forEach(scalar ->
                BINDER.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail));
        BINDER.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean).forEach(shape ->
                BINDER.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail));
        STRICT_BINDER = BINDER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // copied once configured
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads and parses a JSON file, turning every way it can be bad into one clear {@link InputException}. */
    public static JsonNode readFile(Path file) throws InputException {
        return readFile(file, true);
    }

    /** Parses JSON text from a non-file source (an environment variable, an HTTP body). */
    public static JsonNode parse(String source, byte[] bytes) throws InputException {
        return parse(source, bytes, true);
    }

    /** Reads a JSON file into {@code type}; see {@link #bind}. */
    public static <T> T readFile(Path file, Class<T> type) throws InputException {
        return bind(file.toString(), "", readFile(file), type);
    }

    /**
     * Binds a parsed document, or the part of one found at {@code at} ("" for the whole), to a record type. A
     * value of the wrong type is one {@link InputException} naming the source and the whole field path
     * ("gate.metrics.net_bps.value: must be a number, got string ..."), in the words {@link JsonFields} uses.
     */
    public static <T> T bind(String source, String at, JsonNode root, Class<T> type) throws InputException {
        return bind(BINDER, source, at, root, type);
    }

    /**
     * {@link #bind} for input people write (limits, thresholds, scenarios, requests): a key the record does not
     * have is an error naming it and the keys allowed there.
     */
    public static <T> T bindStrict(String source, JsonNode root, Class<T> type) throws InputException {
        // Jackson reports unknown keys only once the record is built, so a typo would show up as the key it
        // misspells "is missing": the typo is looked for first.
        unknownKey(source, "", root, STRICT_BINDER.constructType(type));
        return bind(STRICT_BINDER, source, "", root, type);
    }

    /** Fails on the first key, in a record anywhere in {@code node}, that the record has no component for. */
    private static void unknownKey(String source, String path, JsonNode node, JavaType type) throws InputException {
        JavaType content = type.getContentType();
        if (node == null || (type.isContainerType() && content == null)) {
            return;
        }
        if (type.isContainerType()) { // a map's values, or a list's elements (properties() of an array is empty)
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                unknownKey(source, JsonFields.join(path, e.getKey()), e.getValue(), content);
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                unknownKey(source, path + "[" + i + "]", node.get(i), content);
            }
            return;
        }
        if (!node.isObject() || !type.getRawClass().isRecord()) {
            return;
        }
        BeanDescription record = STRICT_BINDER.getDeserializationConfig().introspect(type);
        if (record.findAnySetterAccessor() != null) {
            return; // takes any key
        }
        Map<String, JavaType> components = new TreeMap<>();
        record.findProperties().forEach(p -> components.put(p.getName(), p.getPrimaryType()));
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!components.containsKey(e.getKey())) {
                throw new InputException(source, JsonFields.join(path, e.getKey()), "unknown field (allowed: "
                        + String.join(", ", components.keySet()) + ")");
            }
            unknownKey(source, JsonFields.join(path, e.getKey()), e.getValue(), components.get(e.getKey()));
        }
    }

    private static <T> T bind(ObjectMapper binder, String source, String at, JsonNode root, Class<T> type)
            throws InputException {
        try {
            return binder.treeToValue(root, type);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder(at);
            JsonNode node = root;
            for (JsonMappingException.Reference r : e.getPath()) {
                boolean named = r.getFieldName() != null;
                path.append(named ? (path.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
                node = node == null ? null : named ? node.get(r.getFieldName()) : node.get(r.getIndex());
            }
            String required = e.getOriginalMessage().startsWith("Missing required creator property '")
                    ? e.getOriginalMessage().split("'")[1] : null;
            if (required != null) { // Jackson names the missing property in the path, or only in the message
                String where = path.toString().endsWith(required) ? path.toString()
                        : JsonFields.join(path.toString(), required);
                throw new InputException(source, where, "is missing");
            }
            throw new InputException(source, path.toString(), problem(e, node));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InputException(source, firstLine(e.getMessage()));
        }
    }

    private static String problem(JsonMappingException e, JsonNode node) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(
                    u.getKnownPropertyIds().stream().map(String::valueOf).toList())) + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage(); // a record refused the value: its own words
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "is missing";
        }
        Class<?> t = e instanceof MismatchedInputException m && m.getTargetType() != null ? m.getTargetType()
                : Object.class;
        if (t.isEnum() && node.isTextual()) {
            return "must be one of " + String.join(", ", java.util.Arrays.stream(t.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList()) + ", got \"" + node.asText() + "\"";
        }
        boolean whole = t == int.class || t == Integer.class || t == long.class || t == Long.class;
        String expected = whole ? "a whole number" : Number.class.isAssignableFrom(t) || t == double.class ? "a number"
                : t == String.class || t.isEnum() ? "a string" : t == boolean.class || t == Boolean.class ? "true or false"
                : java.util.Collection.class.isAssignableFrom(t) ? "an array" : "a JSON object";
        return "must be " + expected + ", got " + JsonFields.typeOf(node);
    }

    /**
     * Reads a file whose content is secret (credentials): a parse error gives only where it is, never the
     * parser's message, which quotes the offending token (an unquoted secret would be printed).
     */
    public static JsonNode readSecretFile(Path file) throws InputException {
        return readFile(file, false);
    }

    private static JsonNode readFile(Path file, boolean quoteInput) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), "is a directory, expected a JSON file");
        }
        return parse(file.toString(), InputFiles.readBytes(file, MAX_FILE_BYTES, "JSON input"), quoteInput);
    }

    private static JsonNode parse(String source, byte[] bytes, boolean quoteInput) throws InputException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InputException(source, "is " + bytes.length + " bytes, larger than the " + MAX_FILE_BYTES
                    + "-byte limit for JSON input");
        }
        String text = InputFiles.utf8(source, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte order mark is harmless; editors on some systems add it
        }
        if (text.isBlank()) {
            throw new InputException(source, "is empty, expected a JSON document");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            throw new InputException(source, "malformed JSON" + where
                    + (quoteInput ? ": " + ourWords(firstLine(e.getOriginalMessage())) : " (content not shown: it may be secret)"));
        }
    }

    /**
     * The parser's message without its advice to the programmer (which Jackson feature to enable): the reader
     * of ours edits a file, not our parser settings.
     */
    static String ourWords(String message) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("^Non-standard token '([^']+)'").matcher(message);
        if (token.find()) {
            return token.group(1) + " is not a JSON number (write a finite number)";
        }
        if (message.contains("plus sign")) {
            return "a JSON number cannot start with '+' (write 1, not +1)";
        }
        if (message.contains("non-standard) comment")) {
            return "JSON has no comments (remove the // or /* ... */)";
        }
        return message.replaceAll(":?\\s*enable `[^`]*` to allow.*$", "")
                // "start marker at [Source: REDACTED (`...` disabled); line: 1, column: 1]": where the object began
                .replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1 column $2")
                .replaceAll("\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", "")
                .strip();
    }

    public static byte[] toBytes(Object value) {
        try {
            return (MAPPER.writer(PRINTER).writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Sorted keys on one line, no final newline: for HTTP responses, where indentation only costs time on
     * both ends (the resident tuner's answers are read by programs).
     */
    public static byte[] toCompactBytes(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static String toText(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    /** Writes a value as sorted, indented JSON, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, toBytes(value));
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("");
    }
}
