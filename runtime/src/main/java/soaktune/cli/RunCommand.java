package soaktune.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.gate.KpiThresholds;
import soaktune.gate.KpiThresholdsReader;
import soaktune.gate.Verdict;
import soaktune.io.Clocks;
import soaktune.io.InputException;
import soaktune.io.ProfileLoader;
import soaktune.model.Profile;
import soaktune.tuning.Markers;
import soaktune.rules.engine.HotRules;
import soaktune.rules.engine.RuleSet;
import soaktune.soak.ArtifactsLock;
import soaktune.soak.FileDropSource;
import soaktune.soak.FreshStart;
import soaktune.soak.HttpPollSource;
import soaktune.soak.Progress;
import soaktune.soak.Secrets;
import soaktune.soak.SoakConfig;
import soaktune.soak.SoakResult;
import soaktune.soak.SoakRunner;
import soaktune.artifacts.SoakState;
import soaktune.soak.StopSignal;
import soaktune.soak.StrategySource;

/** A soak: N iterations (or H hours) of strategy, EDGE_REPORT, decision, new overrides. */
@Command(name = "run",
        description = "Runs a soak: each iteration applies the overrides, runs the strategy (--mock) or waits for "
                + "its report (--source), keeps the EDGE_REPORT and, with --auto-tune, writes new overrides.")
public final class RunCommand extends CliCommand {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Length length;

    static final class Length {
        @Option(names = "--iterations", paramLabel = "N", description = "Number of iterations.")
        Integer iterations;

        @Option(names = "--hours", paramLabel = "H",
                description = "Soak length in hours; iterations = hours x 60 / --iteration-minutes.")
        Double hours;
    }

    @Option(names = "--iteration-minutes", paramLabel = "M", defaultValue = "10",
            description = "Market minutes per iteration. Default: ${DEFAULT-VALUE}.")
    double iterationMinutes;

    @Option(names = "--mock", description = "Run against the simulated strategy.")
    boolean mock;

    @Option(names = "--source", paramLabel = "file:DIR|http://HOST:PORT/PATH",
            description = "Live mode: where the strategy publishes its EDGE_REPORT each iteration.")
    String source;

    @Option(names = "--report-timeout", paramLabel = "SECONDS",
            description = "Live mode: how long to wait for a new report. Default: 1.5 x the iteration length.")
    Double reportTimeout;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "500",
            description = "Live mode: how often to look for a new report. Default: ${DEFAULT-VALUE}.")
    long pollMs;

    @Option(names = "--max-inconclusive", paramLabel = "K", defaultValue = "3",
            description = "Stop after K iterations in a row without a usable report. Default: ${DEFAULT-VALUE}.")
    int maxInconclusive;

    @Option(names = "--secrets-file", paramLabel = "FILE",
            description = "Live mode: JSON with api_key and api_secret (instead of MM_API_KEY/MM_API_SECRET).")
    Path secretsFile;

    @Option(names = "--auto-tune", description = "Decide and write new runtime overrides after each iteration.")
    boolean autoTune;

    @Option(names = "--gate-final", description = "Exit with the KPI gate's final verdict: 0 OK, 1 WARN/FAIL, 3 INCONCLUSIVE.")
    boolean gateFinal;

    @Option(names = "--resume", description = "Continue the soak in --artifacts from its last completed iteration.")
    boolean resume;

    @Option(names = "--fresh", description = "Start a new soak in --artifacts, first moving the previous soak there "
            + "aside to a timestamped folder beside it (nothing is deleted).")
    boolean fresh;

    @Option(names = "--artifacts", paramLabel = "DIR", defaultValue = "artifacts/soak",
            description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path artifacts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Mock seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    SimulatorOptions simulator;

    @Mixin
    ProfileOption profileOption;

    @Mixin
    RulesOption rulesOption;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = env();
        Clock clock = Clocks.fromEnv(env);
        Progress progress = Progress.to(spec.commandLine().getErr(), Progress.onTerminal(env));
        Markers markers = new Markers(progress.stdout(out()));
        if (StopSignal.interruptIgnored()) {
            spec.commandLine().getErr().println("soaktune: note: " + StopSignal.SIGINT_IGNORED);
        }
        // Every input is read and checked before the artifacts folder is touched (even by the lock file).
        if (resume && fresh) {
            throw new InputException("run", "--resume/--fresh", "give one: --resume continues the soak, --fresh "
                    + "starts a new one");
        }
        Optional<SoakState> state = resume ? Optional.of(SoakState.read(artifacts)) : Optional.empty();
        if (state.isPresent()) {
            adoptResumedSettings(state.get());
        }
        int iterations = iterations(state);
        String profileSpec = profileOption.profile != null ? profileOption.profile
                : env.getOrDefault(ProfileLoader.ENV_VAR, ProfileLoader.DEFAULT);
        Profile profile = ProfileLoader.resolve(Optional.of(profileSpec), env);
        RuleSet rules = rulesOption.load(env);
        KpiThresholds thresholds = thresholds(rules, env);
        StrategySource strategy = strategy(env, clock, markers, iterations);
        if (!resume && !fresh) {
            refuseToContinue();
        }
        SoakConfig config = new SoakConfig(iterations, autoTune, artifacts, profile, profileSpec, seed,
                iterationMinutes, mock ? simulator.spec() : source, maxInconclusive, thresholds, env, clock);
        try (ArtifactsLock lock = acquireLock(artifacts); progress) {
            // Re-read under the lock: another run may have moved the soak on since the first look.
            Optional<SoakState> locked = resume ? Optional.of(SoakState.read(artifacts)) : Optional.empty();
            if (fresh) {
                FreshStart.moveAside(artifacts, clock).ifPresent(moved -> markers.emit("soak_fresh", "OK",
                        "MOVED_TO=" + moved));
            } else if (!resume) {
                refuseToContinue();
            }
            SoakResult result;
            try {
                result = new SoakRunner(config, HotRules.watching(rules), strategy, markers, progress).run(locked);
            } catch (RuntimeException e) {
                writeReport(markers); // a soak that fails still leaves its report of the iterations it completed
                throw e;
            }
            writeReport(markers);
            return switch (result.ending()) {
                case COMPLETE -> gateFinal ? gateExitCode(result.finalVerdict()) : ExitCodes.OK;
                case INCONCLUSIVE -> ExitCodes.INCONCLUSIVE;
                case INTERRUPTED -> StopSignal.signal() == 2 ? ExitCodes.INTERRUPTED : ExitCodes.TERMINATED;
            };
        }
    }

    /** The report of every soak, complete or not; failing to build it never changes the soak's exit code. */
    private void writeReport(Markers markers) {
        try {
            markers.emit("soak_report", "OK", ReportCommand.write(now(), artifacts, null, null).html().toString());
        } catch (Exception e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("[|\\r\\n]+", " ").strip();
            markers.emit("soak_report", "FAIL", "REASON=" + reason);
        }
    }

    static int gateExitCode(Verdict verdict) {
        return switch (verdict) {
            case OK -> ExitCodes.OK;
            case WARN, FAIL -> ExitCodes.FAILED;
            case INCONCLUSIVE -> ExitCodes.INCONCLUSIVE;
        };
    }

    /** The artifacts folder's lock, shared with {@code tune}; held by another tuner, it is exit code 5. */
    static ArtifactsLock acquireLock(Path folder) throws Exception {
        try {
            return ArtifactsLock.acquire(folder);
        } catch (ArtifactsLock.HeldException e) {
            throw new ExitException(ExitCodes.LOCKED, e.getMessage());
        }
    }

    /**
     * The KPI thresholds versioned with a rule set (a folder's file, or the built-in set's), recorded in the
     * artifacts by where they can be found from anywhere (an absolute path or {@code builtin:<name>/...}).
     */
    private static KpiThresholds thresholds(RuleSet rules, Map<String, String> env) throws InputException {
        KpiThresholds read = RulesOption.thresholds(rules.source(), env);
        return new KpiThresholds(read.metrics(), read.minFills(), rules.source().recordedNameOf(KpiThresholdsReader.FILE));
    }

    /** A new soak never silently continues the one already in the folder: the user says which they mean. */
    private void refuseToContinue() throws ExitException {
        Path state = artifacts.resolve(SoakState.NAME);
        if (java.nio.file.Files.exists(state)) {
            throw new ExitException(ExitCodes.INVALID_INPUT, artifacts + " holds a previous soak (" + state
                    + "): continue it with --resume, move it aside with --fresh, or choose another --artifacts");
        }
    }

    /** A resumed soak continues exactly as it started: settings come from its state file, not the flags. */
    private void adoptResumedSettings(SoakState state) throws InputException {
        if (SoakState.COMPLETE.equals(state.status())) {
            throw new InputException(artifacts.resolve(SoakState.NAME).toString(), "status",
                    "the soak is already complete (" + state.completed() + " iterations); nothing to resume");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--seed") && seed != state.seed()) {
            throw new InputException("run --resume", "--seed", "is " + seed + " but the soak ran with " + state.seed());
        }
        seed = state.seed();
        autoTune = state.autoTune();
        iterationMinutes = state.iterationMinutes();
        profileOption.profile = state.profile();
        if (!spec.commandLine().getParseResult().hasMatchedOption("--rules")) {
            rulesOption.spec = state.rulesDir();
        }
        mock = state.source().startsWith("mock");
        source = mock ? null : state.source();
        if (mock) {
            simulator.adopt(state.source());
        }
    }

    private StrategySource strategy(Map<String, String> env, Clock clock, Markers markers, int iterations)
            throws InputException {
        if (mock == (source != null)) {
            throw new InputException("run", "--mock/--source", "give exactly one: --mock for the simulator, or "
                    + "--source file:DIR | http://HOST:PORT/PATH for a live strategy");
        }
        if (mock) {
            return simulator.build(seed, iterationMinutes, iterations, Clocks.isoNow(clock), markers);
        }
        switch (Secrets.check(env, Optional.ofNullable(secretsFile))) {
            case SAFE_MODE -> markers.emit("safe_mode", "ON");
            case ENV -> markers.emit("secrets", "OK", "SOURCE=env");
            case FILE -> markers.emit("secrets", "OK", "SOURCE=file");
        }
        double timeoutSeconds = reportTimeout != null ? reportTimeout : iterationMinutes * 60 * 1.5;
        if (!(timeoutSeconds > 0) || pollMs < 1) {
            throw new InputException("run", "--report-timeout/--poll-ms", "must be positive");
        }
        Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
        Duration poll = Duration.ofMillis(pollMs);
        if (source.startsWith("file:")) {
            String folder = source.substring("file:".length());
            if (folder.isBlank()) {
                // Path.of("") would be the working folder: a report dropped anywhere there would count.
                throw new InputException("run", "--source", "file: needs the folder the strategy writes its "
                        + "EDGE_REPORT to, e.g. file:/var/run/strategy");
            }
            return new FileDropSource(Path.of(folder), timeout, poll);
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            try {
                return new HttpPollSource(URI.create(source), timeout, poll);
            } catch (IllegalArgumentException e) {
                throw new InputException("run", "--source", "is not a valid URL: " + e.getMessage());
            }
        }
        throw new InputException("run", "--source", "must start with file: or http://, got '" + source + "'");
    }

    private int iterations(Optional<SoakState> state) throws InputException {
        if (!(iterationMinutes > 0) || Double.isInfinite(iterationMinutes)) {
            throw new InputException("run", "--iteration-minutes", "must be a positive number, got " + iterationMinutes);
        }
        if (maxInconclusive < 1) {
            throw new InputException("run", "--max-inconclusive", "must be >= 1, got " + maxInconclusive);
        }
        Integer asked = null;
        if (length != null && length.iterations != null) {
            if (length.iterations < 1 || length.iterations > 1_000_000) {
                throw new InputException("run", "--iterations", "must be between 1 and 1000000, got " + length.iterations);
            }
            asked = length.iterations;
        } else if (length != null && length.hours != null) {
            if (!(length.hours > 0) || length.hours > 24 * 365) {
                throw new InputException("run", "--hours", "must be a positive number of hours up to a year, got "
                        + length.hours);
            }
            asked = (int) Math.max(1, Math.ceil(length.hours * 60 / iterationMinutes - 1e-9));
        }
        if (state.isPresent()) {
            if (asked != null && asked != state.get().iterations()) {
                throw new InputException("run --resume", "--iterations", "is " + asked + " but the soak was started with "
                        + state.get().iterations());
            }
            return state.get().iterations();
        }
        if (asked == null) {
            throw new InputException("run", "--iterations/--hours", "one is required (or --resume)");
        }
        return asked;
    }
}
