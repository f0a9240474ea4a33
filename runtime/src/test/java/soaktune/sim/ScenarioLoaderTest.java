package soaktune.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.InputException;
import soaktune.io.Json;

/** --scenario NAME|FILE: built-in names, files on top of a base, and every way a file can be wrong. */
final class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void builtInNames_resolve() throws Exception {
        for (String id : Scenario.ids()) {
            assertThat(ScenarioLoader.resolve(id).name()).isEqualTo(id);
        }
        assertThat(ScenarioLoader.resolve("toxic").params().informedShare())
                .isGreaterThan(Scenario.DEFAULT.params().informedShare());
    }

    @Test
    void unknownName_listsTheBuiltIns() {
        assertThatThrownBy(() -> ScenarioLoader.resolve("stormy"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown scenario 'stormy'")
                .hasMessageContaining("calm, volatile, toxic, laggy-venue, thin-book");
    }

    @Test
    void file_setsParametersOnTopOfItsBase() throws Exception {
        ScenarioSpec s = ScenarioLoader.resolve(file("""
                {"name": "mine", "base": "calm", "jitter_ms": 3, "informed_share": 0.5}
                """).toString());
        assertThat(s.name()).isEqualTo("mine");
        assertThat(s.params().jitterMs()).isEqualTo(3.0);
        assertThat(s.params().informedShare()).isEqualTo(0.5);
        assertThat(s.params().volatilityBpsPerSqrtS()).isEqualTo(Scenario.CALM.params().volatilityBpsPerSqrtS());
    }

    @Test
    void everyParameter_isSettableByItsSnakeCaseKey() throws Exception {
        JsonNode defaults = Json.mapper().valueToTree(Scenario.DEFAULT.params());
        List<String> keys = new ArrayList<>();
        defaults.fieldNames().forEachRemaining(keys::add);
        // each record component's name, a '_' before each capital: the keys docs/simulator.md lists
        assertThat(keys).containsExactlyInAnyOrderElementsOf(Arrays.stream(ScenarioParams.class.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList());
        ScenarioSpec s = ScenarioLoader.resolve(file(defaults.toString()).toString());
        assertThat(s.params()).isEqualTo(Scenario.DEFAULT.params());
    }

    @Test
    void unknownKey_isAnErrorNamingFileAndKey() throws Exception {
        Path f = file("{\"volatility\": 1.0}");
        assertThatThrownBy(() -> ScenarioLoader.resolve(f.toString()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": volatility: unknown field")
                .hasMessageContaining("volatility_bps_per_sqrt_s");
    }

    /** A wrong type, then a value out of range. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"jitter_ms\": \"10\"}    | jitter_ms: must be a number, got string \"10\"",
            "{\"jitter_ms\": true}    | jitter_ms: must be a number, got boolean true",
            "{\"name\": 3}            | name: must be a string, got number 3",
            "{\"informed_share\": 1.5} | informed_share: must be between 0.0 and 1.0, got 1.5",
            "{\"jitter_ms\": 1e9}      | jitter_ms: must be between 0.0 and 60000.0, got 1.0E9"})
    void badValue_isAnErrorNamingFileAndKey(String json, String problem) throws Exception {
        Path f = file(json);
        assertThatThrownBy(() -> ScenarioLoader.resolve(f.toString()))
                .isInstanceOf(InputException.class)
                .hasMessage(f + ": " + problem);
    }

    @Test
    void malformedOrMissingFile_isAnError() throws Exception {
        Path f = file("{\"jitter_ms\": 1,");
        assertThatThrownBy(() -> ScenarioLoader.resolve(f.toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> ScenarioLoader.resolve(dir.resolve("none.json").toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }

    @Test
    void unknownBase_isAnError() throws Exception {
        Path f = file("{\"base\": \"stormy\"}");
        assertThatThrownBy(() -> ScenarioLoader.resolve(f.toString()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(f + ": base: unknown scenario 'stormy'");
    }
}
