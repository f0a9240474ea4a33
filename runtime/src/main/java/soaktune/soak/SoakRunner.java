package soaktune.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import soaktune.artifacts.AppliedProfile;
import soaktune.artifacts.IterationSummary;
import soaktune.artifacts.KpiGateFile;
import soaktune.artifacts.RulesRef;
import soaktune.artifacts.SoakState;
import soaktune.gate.GateResult;
import soaktune.gate.Verdict;
import soaktune.io.Clocks;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.OverridesReader;
import soaktune.model.EdgeReport;
import soaktune.model.Infeasible;
import soaktune.model.MissingMetricException;
import soaktune.model.Overrides;
import soaktune.rules.engine.HotRules;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.engine.RuleSet;
import soaktune.tuning.Decision;
import soaktune.tuning.DecisionJson;
import soaktune.tuning.DecisionJson.AdjustmentJson;
import soaktune.tuning.DecisionMarkers;
import soaktune.tuning.Markers;
import soaktune.tuning.ReloadMarker;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningStep;

/**
 * The soak loop, per iteration: load overrides, apply them to the profile, run one strategy iteration,
 * keep its EDGE_REPORT, decide, write the new overrides, the audit trail and the resume state. Every file
 * is written atomically, and the state file last, so a crash at any instant resumes from the last
 * completed iteration and redoes the interrupted one exactly (the strategy's randomness is per iteration).
 */
public final class SoakRunner {
    static final String RULE = "============================================================";

    private final SoakConfig config;
    private final HotRules rules;
    private final StrategySource strategy;
    private final Markers markers;
    private final Progress progress;
    private final Path dir;
    private final Path overridesFile;
    private final Path appliedFile;

    /** Rules checked for edits before each iteration (hot reload); a broken edit keeps the last good rules. */
    public SoakRunner(SoakConfig config, HotRules rules, StrategySource strategy, Markers markers, Progress progress) {
        this.config = config;
        this.rules = rules;
        this.progress = progress;
        this.strategy = strategy;
        this.markers = markers;
        this.dir = config.artifacts();
        this.overridesFile = dir.resolve("runtime_overrides.json");
        this.appliedFile = dir.resolve(AppliedProfile.NAME);
    }

    public SoakResult run(Optional<SoakState> resumeFrom) throws Exception {
        int n = config.iterations();
        markers.line("[INFO] Loading profile: " + config.profile().name());
        markers.emit("profile_apply", "OK", "PROFILE=" + config.profile().name());
        markers.emit("rules_load", "OK", rules.current().loadMarker());

        SoakState state;
        List<AdjustmentJson> history;
        OverridesReader.Loaded start;
        if (resumeFrom.isPresent()) {
            state = resumeFrom.get();
            history = new ArrayList<>(AppliedProfile.readOrEmpty(appliedFile).runtimeAdjustments());
            // Entries of iterations after the resume point: a crash may have left some behind.
            history.removeIf(entry -> entry.iteration() > resumeFrom.get().completed());
            strategy.restoreState(state.strategyState());
            start = OverridesReader.parse(SoakState.NAME, Json.mapper().valueToTree(state.overrides()), "state",
                    Optional.empty());
            markers.emit("soak_resume", "OK", "FROM_ITERATION=" + (state.completed() + 1) + " OF=" + n);
        } else {
            // The starting overrides: env var or a file already in the artifacts folder (a manual override).
            start = OverridesReader.load(Optional.empty(), config.env(), overridesFile);
            String ts = Clocks.isoNow(config.clock());
            state = new SoakState(SoakState.FORMAT_VERSION, SoakState.RUNNING, n, 0, config.autoTune(), config.seed(),
                    config.iterationMinutes(), config.sourceSpec(), config.profileSpec(),
                    rules.current().source().recorded(), rules.current().sha256(), start.overrides().toJson(), 0,
                    List.of(), TuningMemory.empty(), strategy.saveState(), ts, ts);
            history = new ArrayList<>();
        }
        markers.line("[INFO] Running mini-soak " + (config.autoTune() ? "with" : "without") + " auto-tuning: " + n
                + " iterations (" + strategy.describe() + ")");

        Writer writer = new Writer(state, history, start, state.completed() + 1);
        SoakLoop loop = new SoakLoop(strategy, config.profile(), config.thresholds(), config.autoTune(), rules,
                config.clock(), config.maxInconclusive());
        SoakLoop.Outcome out;
        try {
            out = loop.run(writer.first, n, new SoakLoop.Carry(start.overrides(), state.memory(), state.verdicts(),
                    state.inconclusiveStreak()), writer);
        } catch (MissingMetricException e) {
            throw new InputException(dir.resolve("EDGE_REPORT_" + writer.iteration + ".json").toString(),
                    "totals." + e.metric(), "is missing, and the rules read it");
        }
        state = writer.state;
        if (out.ending() == SoakResult.Ending.INCONCLUSIVE) {
            markers.emit("soak_stop", "INCONCLUSIVE", "REASON=" + state.inconclusiveStreak()
                    + "_iterations_without_a_report");
        }
        String status = switch (out.ending()) {
            case COMPLETE -> SoakState.COMPLETE;
            case INTERRUPTED -> SoakState.INTERRUPTED;
            case INCONCLUSIVE -> SoakState.INCONCLUSIVE;
        };
        state.withStatus(status, Clocks.isoNow(config.clock())).write(dir);
        Verdict finalVerdict = soakVerdict(state.verdicts(), state.memory());
        banner(title(out.ending(), state.completed()));
        // One escaped line each, as the seed prints the JSON: escaped whole, its newlines would show as \n.
        ("Final overrides: " + Json.toText(out.current().toJson()).strip()).lines().forEach(markers::line);
        return new SoakResult(out.ending(), finalVerdict);
    }

    private String title(SoakResult.Ending ending, int completed) {
        if (ending == SoakResult.Ending.COMPLETE) {
            return "[MINI-SOAK COMPLETE] " + config.iterations() + " iterations "
                    + (config.autoTune() ? "with" : "without") + " auto-tuning";
        }
        String why = ending == SoakResult.Ending.INTERRUPTED
                ? "stopped by " + (StopSignal.signal() == 2 ? "SIGINT" : "SIGTERM") : "no usable report";
        return "[MINI-SOAK " + ending.name() + "] " + completed + " of " + config.iterations() + " iterations (" + why
                + "); resume with: run --resume --artifacts " + dir;
    }

    /** The loop's listener that prints the markers and writes every artifact of an iteration. */
    private final class Writer implements SoakLoop.Listener {
        private final List<AdjustmentJson> history;
        private final OverridesReader.Loaded start;
        private final int first;
        private SoakState state;
        private int iteration;
        // The parts of this iteration's summary the loop's Iteration does not carry, filled in as it reports them.
        private String ts;
        private KpiGateFile gate;
        private IterationSummary.RuntimeFailure failure;

        Writer(SoakState state, List<AdjustmentJson> history, OverridesReader.Loaded start, int first) {
            this.state = state;
            this.history = history;
            this.start = start;
            this.first = first;
        }

        @Override
        public boolean proceed(int i) {
            if (StopSignal.requested()) {
                return false;
            }
            iteration = i;
            banner("[ITER " + i + "/" + config.iterations() + "] Starting iteration");
            return true;
        }

        @Override
        public void reloaded(HotRules.Reload reload) {
            ReloadMarker.print(markers, reload);
        }

        @Override
        public Overrides overrides(int i, Overrides carried) throws Exception {
            // Later iterations read back the file the tuner wrote: an operator may have edited it in between.
            OverridesReader.Loaded loaded = i == first ? start
                    : config.autoTune() && Files.exists(overridesFile) ? OverridesReader.fromFile(overridesFile)
                    : new OverridesReader.Loaded(carried, "state", Optional.empty(), List.of());
            markers.emit("runtime_overrides", "OK", "SOURCE=" + loaded.source());
            loaded.notAllowed().forEach(field -> markers.emit("runtime_override", "SKIP",
                    "FIELD=" + field + " REASON=not_allowed"));
            return loaded.overrides();
        }

        @Override
        public void starting(int i, String ts, RuleSet ruleSet, Overrides effective) throws IOException {
            AppliedProfile.of(config.profile(), effective, history, state.memory(), ruleSet, ts).write(appliedFile);
            markers.emit("save_applied_profile", "OK", appliedFile.toString());
            this.ts = ts;
            gate = null;
            failure = null;
        }

        @Override
        public void judged(int i, EdgeReport report, GateResult gate, List<String> verdicts, String ts)
                throws IOException {
            Json.write(dir.resolve("EDGE_REPORT_" + i + ".json"), report.document());
            Json.write(dir.resolve("EDGE_REPORT.json"), report.document());
            markers.emit("kpi_gate", gate.verdict().name(), gate.markerPayload());
            this.gate = KpiGateFile.of(gate, config.thresholds(), "EDGE_REPORT_" + i + ".json", ts);
            // KPI_GATE.json: the latest iteration's verdict plus the soak so far.
            Json.write(dir.resolve(KpiGateFile.NAME), this.gate.withIterationVerdicts(verdicts));
        }

        @Override
        public void held(String reason) {
            markers.emit("soak_iter_tune", "SKIP", "REASON=" + reason);
        }

        @Override
        public void failedAtRunTime(int i, RuleSet failed, RuleSet fallback, RuleEvaluationException e) {
            markers.emit("rules_runtime", "FAIL", "SHA=" + failed.shortSha() + " FALLBACK=" + fallback.shortSha()
                    + " MSG=" + e.getMessage());
            failure = new IterationSummary.RuntimeFailure(failed.sha256(), String.valueOf(e.getMessage()),
                    fallback.sha256());
        }

        @Override
        public void decided(int i, TuningStep.Result step, EdgeReport report, RuleSet ruleSet) throws IOException {
            Decision decision = step.decision();
            DecisionMarkers.print(markers, decision, report.totals(), gate.verdict());
            Json.write(overridesFile, decision.after().toJson());
            markers.emit("save_runtime_overrides", "OK", overridesFile.toString());
            decision.adjustments().forEach(a -> history.add(AppliedProfile.historyEntry(a, ruleSet)));
            AppliedProfile.of(config.profile(), decision.after(), history, step.memoryAfter(), ruleSet, ts)
                    .write(appliedFile);
            markers.emit("save_applied_profile", "OK", appliedFile.toString());
        }

        @Override
        public void done(SoakLoop.Iteration it, SoakLoop.Carry next) throws IOException {
            IterationSummary summary = new IterationSummary(it.number(), config.iterations(), it.ts(),
                    config.profile().name(), RulesRef.of(it.rules()), strategy.describe(),
                    config.profile().applyRuntime(it.effective()),
                    it.report() == null ? null : DecisionJson.metrics(it.report().totals()), gate, failure,
                    it.step() == null ? null : DecisionJson.of(it.step().decision()), it.tuning(), it.inconclusive());
            Json.write(IterationSummary.file(dir, it.number()), summary);
            state = state.after(it.number(), next.current().toJson(), next.inconclusiveStreak(), next.verdicts(),
                    next.memory(), strategy.saveState(), it.rules().sha256(), it.ts());
            state.write(dir);
            progress.iterationDone(it.number(), config.iterations(), summary);
        }
    }

    /**
     * The whole soak's verdict: that of the last iteration which had a report (the state tuning led to),
     * INCONCLUSIVE when none had; FAIL, with reason infeasible_within_limits, when the rules declared a KPI
     * infeasible within limits in that iteration's decision. Printed with the count of each verdict.
     */
    private Verdict soakVerdict(List<String> verdicts, TuningMemory memory) {
        // verdicts[k] is iteration k + 1's
        int reported = IntStream.range(0, verdicts.size()).filter(k -> verdicts.get(k) != null).max().orElse(-1) + 1;
        List<Infeasible> infeasible = memory.infeasible().stream().filter(i -> i.iteration() == reported).toList();
        Verdict last = !infeasible.isEmpty() ? Verdict.FAIL
                : reported == 0 ? Verdict.INCONCLUSIVE : Verdict.valueOf(verdicts.get(reported - 1));
        StringBuilder payload = new StringBuilder("FINAL=" + last.name());
        for (Verdict v : Verdict.values()) {
            String name = v.name();
            long count = verdicts.stream().filter(x -> name.equals(x == null ? Verdict.INCONCLUSIVE.name() : x)).count();
            payload.append(' ').append(name).append('=').append(count);
        }
        if (!infeasible.isEmpty()) {
            payload.append(" REASON=").append(Infeasible.VERDICT_REASON)
                    .append(" KPI=").append(sortedDistinct(infeasible.stream().map(Infeasible::kpi)))
                    .append(" FIELDS=").append(sortedDistinct(infeasible.stream().map(Infeasible::field)));
        }
        markers.emit("kpi_gate_soak", last.name(), payload.toString());
        return last;
    }

    private static String sortedDistinct(Stream<String> values) {
        return String.join(",", values.collect(Collectors.toCollection(TreeSet::new)));
    }

    private void banner(String title) {
        markers.line("");
        markers.line(RULE);
        markers.line(title);
        markers.line(RULE);
    }
}
