package soaktune.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import soaktune.io.InputException;
import soaktune.sim.Scenario;
import soaktune.sim.ScenarioLoader;
import soaktune.sim.ScenarioSpec;

/** Parses {@code --scenarios all|a,b,FILE.json} into scenario specs, in the order given. */
final class ScenarioList {
    private ScenarioList() {
    }

    static List<ScenarioSpec> parse(String value) throws InputException {
        if (value.strip().equals("all")) {
            return Arrays.stream(Scenario.values()).map(Scenario::spec).toList();
        }
        List<ScenarioSpec> out = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                throw new InputException("--scenarios", "has an empty name in '" + value + "'");
            }
            out.add(ScenarioLoader.resolve(name.strip(), "--scenarios"));
        }
        return out;
    }
}
