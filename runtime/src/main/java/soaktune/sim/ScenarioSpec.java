package soaktune.sim;

/** A resolved scenario: its name, where it came from (built in or a file) and its validated parameters. */
public record ScenarioSpec(String name, String source, ScenarioParams params) {
}
