package soaktune.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import soaktune.io.AtomicFiles;
import soaktune.io.InputException;
import soaktune.rules.engine.RuleSetManifest;
import soaktune.rules.engine.RuleSource;

/** {@code init [DIR] --from v1|v2}: an editable copy of a built-in rule set, its tests and a short README. */
@Command(name = "init",
        description = {"Writes an editable copy of a built-in rule set (rules, limits, KPI thresholds and its "
                + "regression scenarios in tests/) and a short README into DIR. Never overwrites: DIR must not exist "
                + "or be empty.",
                "Exit codes: 0 written, 2 DIR exists and is not empty (or --from is unknown), 6 cannot write."})
public final class InitCommand extends CliCommand {
    static final String README = "README.md";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Where to write the copy. Default: rules/<the --from name>, e.g. rules/v1.")
    Path dir;

    @Option(names = "--from", paramLabel = "v1|v2", defaultValue = RuleSource.DEFAULT,
            description = "The built-in set to copy. Default: ${DEFAULT-VALUE}.")
    String from;

    @Override
    public Integer call() throws Exception {
        RuleSource source = RuleSource.builtin(from);
        Path target = dir != null ? dir : Path.of("rules", from);
        refuseToOverwrite(target);
        List<Path> files = files(source.root());
        for (Path file : files) {
            String relative = source.root().relativize(file).toString();
            AtomicFiles.write(target.resolve(relative), Files.readAllBytes(file)); // creates the folders too
        }
        AtomicFiles.writeString(target.resolve(README), readme(target, from,
                Files.exists(source.root().resolve(RuleSetManifest.FILE))));
        markers().emit("rules_init", "OK", "FROM=builtin:" + from + " DIR=" + target
                + " FILES=" + (files.size() + 1));
        return ExitCodes.OK;
    }

    private static void refuseToOverwrite(Path target) throws InputException, IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isEmpty()) {
                    return;
                }
            }
            throw new InputException(target.toString(), "already exists and is not empty; init never overwrites "
                    + "(choose another DIR, or move this one aside)");
        }
        if (Files.exists(target)) {
            throw new InputException(target.toString(), "already exists and is not a folder; init never overwrites");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted(Comparator.comparing(f -> root.relativize(f).toString()))
                    .toList();
        }
    }

    /** The README template (a resource, so it reads as the Markdown it is) with this copy's names. */
    private static String readme(Path target, String from, boolean composed) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("/init/README.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{name}", target.toAbsolutePath().normalize().getFileName().toString())
                    .replace("{from}", from).replace("{dir}", target.toString())
                    .replace("{composed}\n", composed ? "| `ruleset.yaml` | the base set (`base:`): every file "
                            + "this folder lacks, and its tests, come from there; a rule here replaces the base's rule "
                            + "of the same name |\n" : "");
        }
    }
}
