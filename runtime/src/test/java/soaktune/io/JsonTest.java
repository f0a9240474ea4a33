package soaktune.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict reading and deterministic, atomic writing. */
final class JsonTest {
    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parserAdviceIsReplacedByOurWords() {
        for (String[] c : new String[][] {
                {"{\"a\": NaN}", "line 1 column 10: NaN is not a JSON number (write a finite number)"},
                {"{\"a\": Infinity}", "Infinity is not a JSON number"},
                {"{\"a\": +1}", "a JSON number cannot start with '+'"},
                {"{\"a\": 1 // c\n}", "JSON has no comments"}}) {
            assertThatThrownBy(() -> Json.parse("f.json", c[0].getBytes(StandardCharsets.UTF_8)))
                    .hasMessageContaining("f.json: malformed JSON at ").hasMessageContaining(c[1])
                    .hasMessageNotContaining("JsonReadFeature").hasMessageNotContaining("enable")
                    .hasMessageNotContaining("Feature");
        }
    }

    @Test
    void rejectsDuplicateKeysNonNumericNumbersAndTrailingGarbage() {
        assertThatThrownBy(() -> Json.parse("x", utf8("{\"a\":1,\"a\":2}"))).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> Json.parse("x", utf8("{\"a\":NaN}"))).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> Json.parse("x", utf8("{\"a\":Infinity}"))).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> Json.parse("x", utf8("{\"a\":1} {}"))).hasMessageContaining("malformed JSON");
    }

    @Test
    void rejectsDeepNestingInvalidUtf8AndEmptyInput() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 5) + "]".repeat(Json.MAX_NESTING_DEPTH + 5);
        assertThatThrownBy(() -> Json.parse("x", utf8(deep))).hasMessageContaining("malformed JSON")
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> Json.parse("x", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}))
                .hasMessage("x: is not valid UTF-8 text");
        assertThatThrownBy(() -> Json.parse("x", utf8("  \n"))).hasMessage("x: is empty, expected a JSON document");
    }

    @Test
    void acceptsAByteOrderMark() throws Exception {
        assertThat(Json.parse("x", utf8("\uFEFF{\"a\": 1}")).get("a").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsDirectoriesMissingAndOversizedFiles() throws Exception {
        assertThatThrownBy(() -> Json.readFile(tmp)).hasMessageEndingWith("is a directory, expected a JSON file");
        assertThatThrownBy(() -> Json.readFile(tmp.resolve("nope.json"))).hasMessageEndingWith("no such file");
        Path big = tmp.resolve("big.json");
        Files.write(big, new byte[(int) Json.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> Json.readFile(big)).hasMessageContaining("larger than the");
    }

    @Test
    void writesSortedKeysWithAFinalNewlineAndLeavesNoTempFiles() throws Exception {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", Map.of("z", 1, "y", 2));
        Path file = tmp.resolve("out/x.json");
        Json.write(file, value);
        assertThat(Files.readString(file)).isEqualTo("{\n  \"a\": {\n    \"y\": 2,\n    \"z\": 1\n  },\n  \"b\": 1\n}\n");
        Json.write(file, new TreeMap<>(Map.of("c", 3)));
        assertThat(Files.readString(file)).isEqualTo("{\n  \"c\": 3\n}\n");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void artifactsAreReadableByOthersAndLeftoverTempFilesAreRemoved() throws Exception {
        Path file = tmp.resolve("a.json");
        AtomicFiles.writeString(file, "{}");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        Files.writeString(tmp.resolve(".a.json.8812345.tmp"), "{\"half");
        Files.writeString(tmp.resolve(".notes.tmp"), "kept: not a name AtomicFiles makes");
        AtomicFiles.removeLeftovers(tmp);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", ".notes.tmp");
        }
    }

    @Test
    void atomicWriteRefusesToReplaceADirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d.json"));
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x")).hasMessageContaining("is a directory");
    }

    record Band(double min, double max) {
        Band {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
        }
    }

    record Bands(Band spread) {
    }

    record Listed(java.util.List<Band> list) {
    }

    @Test
    void strictBindingNamesAnUnknownKeyAndTheKeysAllowedThere() throws Exception {
        assertThat(Json.bindStrict("l.json", Json.parse("l.json", utf8("{\"spread\": {\"min\": 1, \"max\": 2}}")),
                Bands.class)).isEqualTo(new Bands(new Band(1, 2)));
        assertThatThrownBy(() -> Json.bindStrict("l.json", Json.parse("l.json",
                utf8("{\"spread\": {\"min\": 1, \"max\": 2, \"mxa\": 2}}")), Bands.class))
                .hasMessage("l.json: spread.mxa: unknown field (allowed: max, min)");
        // a typo is named, not the key it misspells as missing
        assertThatThrownBy(() -> Json.bindStrict("l.json", Json.parse("l.json",
                utf8("{\"spread\": {\"min\": 1, \"mxa\": 2}}")), Bands.class))
                .hasMessage("l.json: spread.mxa: unknown field (allowed: max, min)");
        assertThatThrownBy(() -> Json.bindStrict("l.json", Json.parse("l.json",
                utf8("{\"sprad\": {\"min\": 1, \"max\": 2}}")), Bands.class))
                .hasMessage("l.json: sprad: unknown field (allowed: spread)");
        assertThatThrownBy(() -> Json.bindStrict("l.json", Json.parse("l.json",
                utf8("{\"list\": [{\"min\": 1, \"max\": 2}, {\"min\": 1, \"mx\": 2}]}")), Listed.class))
                .hasMessage("l.json: list[1].mx: unknown field (allowed: max, min)");
        assertThatThrownBy(() -> Json.bindStrict("l.json", Json.parse("l.json",
                utf8("{\"spread\": {\"min\": 3, \"max\": 2}}")), Bands.class))
                .hasMessage("l.json: spread: min 3.0 is above max 2.0");
        assertThatThrownBy(() -> Json.bindStrict("l.json", Json.parse("l.json",
                utf8("{\"spread\": {\"min\": \"1\", \"max\": 2}}")), Bands.class))
                .hasMessage("l.json: spread.min: must be a number, got string \"1\"");
        // the lenient binder (artifacts the tool wrote, perhaps by a newer version) ignores the same key
        assertThat(Json.bind("l.json", "", Json.parse("l.json",
                utf8("{\"spread\": {\"min\": 1, \"max\": 2, \"x\": 0}}")), Bands.class)).isEqualTo(new Bands(new Band(1, 2)));
    }
}
