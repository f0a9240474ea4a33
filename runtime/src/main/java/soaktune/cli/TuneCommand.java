package soaktune.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.gate.KpiGate;
import soaktune.gate.KpiThresholds;
import soaktune.artifacts.AppliedProfile;
import soaktune.io.EdgeReportReader;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.OverridesReader;
import soaktune.model.EdgeReport;
import soaktune.model.MissingMetricException;
import soaktune.model.Profile;
import soaktune.tuning.DecisionMarkers;
import soaktune.report.Explanation;
import soaktune.tuning.Markers;
import soaktune.soak.ArtifactsLock;
import soaktune.rules.engine.RuleSet;
import soaktune.tuning.Decision;
import soaktune.tuning.DecisionJson.AdjustmentJson;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningStep;

/** One decision from one EDGE_REPORT: what CI and an external bot call between iterations. */
@Command(name = "tune",
        description = {"Reads an EDGE_REPORT and the current overrides, runs the rules, and writes the new "
                + "runtime overrides (all five tunable fields) plus applied_profile.json beside them."})
public final class TuneCommand extends CliCommand {
    @Option(names = "--edge-report", required = true, paramLabel = "FILE", description = "The EDGE_REPORT JSON.")
    Path edgeReport;

    @Option(names = "--overrides", paramLabel = "FILE",
            description = "Current overrides. Default: $MM_RUNTIME_OVERRIDES_JSON, else the --out file if it exists.")
    Path overrides;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "artifacts/soak/runtime_overrides.json",
            description = "Where the new overrides go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--explain", description = "Print every rule that fired, each proposal and what each guardrail did.")
    boolean explain;

    @Mixin
    ProfileOption profileOption;

    @Mixin
    RulesOption rulesOption;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = env();
        Markers markers = markers();
        String ts = now();

        // Read and check every input before writing anything: bad input must leave all artifacts as they were.
        Profile profile = profileOption.resolve(env);
        RuleSet rules = rulesOption.load(env);
        EdgeReport report = EdgeReportReader.read(edgeReport);
        // Overrides given by flag or env are user input like the rest; those in the folder are read under the lock.
        OverridesReader.Loaded given = overrides != null || env.containsKey(OverridesReader.ENV_VAR)
                ? OverridesReader.load(Optional.ofNullable(overrides), env, out) : null;
        // The folder's state (overrides, history) is read and written under the lock a live `run` holds.
        try (ArtifactsLock lock = RunCommand.acquireLock(out.toAbsolutePath().getParent())) {
            return decide(given != null ? given : OverridesReader.load(Optional.empty(), env, out), markers, ts,
                    profile, rules, report);
        }
    }

    private int decide(OverridesReader.Loaded current, Markers markers, String ts, Profile profile, RuleSet rules,
            EdgeReport report) throws Exception {
        Path appliedFile = out.toAbsolutePath().resolveSibling(AppliedProfile.NAME);
        AppliedProfile before = AppliedProfile.readOrEmpty(appliedFile);
        List<AdjustmentJson> history = new ArrayList<>(before.runtimeAdjustments());
        int iteration = before.lastIteration() + 1;

        markers.emit("runtime_overrides", "OK", "SOURCE=" + current.source());
        current.notAllowed().forEach(f -> markers.emit("runtime_override", "SKIP", "FIELD=" + f + " REASON=not_allowed"));
        markers.emit("profile_apply", "OK", "PROFILE=" + profile.name());
        markers.emit("rules_load", "OK", rules.loadMarker());

        TuningStep.Result step;
        try {
            // A one-shot decision has no KPI gate history: the healthy streak is unknown (0).
            step = new TuningStep(report.totals(), current.overrides(), profile, before.tuningMemory(), iteration, 0)
                    .take(new Tuner(rules), ts);
        } catch (MissingMetricException e) {
            throw new InputException(edgeReport.toString(), "totals." + e.metric(), "is missing, and the rules read it");
        }
        Decision decision = step.decision();
        // The gate's view of the same report, so "metrics_stable" is said only when the KPIs are met.
        KpiThresholds thresholds = RulesOption.thresholds(rules.source(), env());
        DecisionMarkers.print(markers, decision, report.totals(), KpiGate.judge(report.totals(), thresholds).verdict());
        if (explain) {
            Explanation.print(out(), decision);
        }

        Json.write(out, decision.after().toJson());
        markers.emit("save_runtime_overrides", "OK", out.toString());
        decision.adjustments().forEach(a -> history.add(AppliedProfile.historyEntry(a, rules)));
        AppliedProfile.of(profile, decision.after(), history, step.memoryAfter(), rules, ts).write(appliedFile);
        markers.emit("save_applied_profile", "OK", appliedFile.toString());
        return ExitCodes.OK;
    }
}
