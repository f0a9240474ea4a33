package soaktune.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import soaktune.io.Clocks;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.OverridesReader;
import soaktune.model.Adjustment;
import soaktune.model.EdgeReport;
import soaktune.model.MissingMetricException;
import soaktune.model.Overrides;
import soaktune.report.DecisionJson;
import soaktune.report.DecisionMarkers;
import soaktune.report.Markers;
import soaktune.report.ReloadMarker;
import soaktune.rules.HotRules;
import soaktune.tuning.CurrentValues;
import soaktune.tuning.Decision;
import soaktune.tuning.Tuner;

/**
 * The soak loop, per iteration: load overrides, apply them to the profile, run one strategy iteration,
 * keep its EDGE_REPORT, decide, write the new overrides and the audit trail. Every file is written
 * atomically, so a reader (the strategy) never sees a half-written one.
 */
public final class SoakRunner {
    static final String RULE = "============================================================";

    private final SoakConfig config;
    private final HotRules rules;
    private final StrategySource strategy;
    private final Markers markers;

    /** Rules fixed for the whole run. */
    public SoakRunner(SoakConfig config, Tuner tuner, StrategySource strategy, Markers markers) {
        this(config, HotRules.fixed(tuner.ruleSet()), strategy, markers);
    }

    /** Rules checked for edits before each iteration (hot reload); a broken edit keeps the last good rules. */
    public SoakRunner(SoakConfig config, HotRules rules, StrategySource strategy, Markers markers) {
        this.config = config;
        this.rules = rules;
        this.strategy = strategy;
        this.markers = markers;
    }

    public SoakResult run() throws Exception {
        Path dir = config.artifacts();
        Path overridesFile = dir.resolve("runtime_overrides.json");
        Path appliedFile = dir.resolve(AppliedProfileFile.NAME);
        int n = config.iterations();

        markers.line("[INFO] Loading profile: " + config.profile().name());
        markers.emit("profile_apply", "OK", "PROFILE=" + config.profile().name());
        markers.emit("rules_load", "OK", "VERSION=" + rules.current().version() + " SHA="
                + rules.current().shortSha());
        markers.line("[INFO] Running " + (config.autoTune() ? "mini-soak with auto-tuning" : "mini-soak without auto-tuning")
                + ": " + n + " iterations (" + strategy.describe() + ")");

        // The starting overrides: env var or the file already in the artifacts folder (a manual override).
        OverridesReader.Loaded start = OverridesReader.load(Optional.empty(), config.env(), overridesFile);
        Overrides current = start.overrides();
        List<Map<String, Object>> history = new ArrayList<>();
        int adjustments = 0;

        for (int i = 1; i <= n; i++) {
            String ts = Clocks.isoNow(config.clock());
            markers.line("");
            markers.line(RULE);
            markers.line("[ITER " + i + "/" + n + "] Starting iteration");
            markers.line(RULE);
            rules.refresh().ifPresent(reload -> ReloadMarker.print(markers, reload));
            Tuner tuner = new Tuner(rules.current()); // the rules of this iteration's decision, recorded with it
            OverridesReader.Loaded loaded = i == 1 || !config.autoTune() ? start : OverridesReader.fromFile(overridesFile);
            reportSource(loaded);
            current = loaded.overrides();

            Decision resolved;
            // The strategy runs with current values pulled into limits; the decision reports any clamp.
            Overrides effective = CurrentValues.resolve(current, config.profile(), tuner.ruleSet().limits()).values();
            AppliedProfileFile.write(appliedFile, config.profile(), effective, history, tuner.ruleSet(), ts);
            markers.emit("save_applied_profile", "OK", appliedFile.toString());

            EdgeReport report = strategy.runIteration(i, config.profile().applyRuntime(effective));
            writeEdgeReport(dir, i, report);

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("iteration", i);
            summary.put("iterations", n);
            summary.put("ts", ts);
            summary.put("profile", config.profile().name());
            summary.put("rules", DecisionJson.rules(tuner.ruleSet()));
            summary.put("source", strategy.describe());
            summary.put("metrics", DecisionJson.metrics(report.totals()));
            summary.put("applied", config.profile().applyRuntime(effective));
            if (config.autoTune()) {
                resolved = decide(tuner, report, current, i, ts, dir.resolve("EDGE_REPORT_" + i + ".json"));
                DecisionMarkers.print(markers, resolved, report.totals());
                Json.write(overridesFile, resolved.after().toJson());
                markers.emit("save_runtime_overrides", "OK", overridesFile.toString());
                for (Adjustment a : resolved.adjustments()) {
                    history.add(AppliedProfileFile.historyEntry(a, tuner.ruleSet()));
                }
                adjustments += resolved.adjustments().size();
                AppliedProfileFile.write(appliedFile, config.profile(), resolved.after(), history, tuner.ruleSet(), ts);
                markers.emit("save_applied_profile", "OK", appliedFile.toString());
                summary.put("tuning", "applied");
                summary.put("decision", DecisionJson.decision(resolved));
                current = resolved.after();
            } else {
                summary.put("tuning", "disabled");
            }
            Json.write(dir.resolve("ITER_SUMMARY_" + i + ".json"), summary);
        }

        markers.line("");
        markers.line(RULE);
        markers.line("[MINI-SOAK COMPLETE] " + n + " iterations " + (config.autoTune() ? "with" : "without")
                + " auto-tuning");
        markers.line(RULE);
        markers.line("Final overrides: " + Json.toText(current.toJson()).strip());
        return new SoakResult(n, current, adjustments);
    }

    private Decision decide(Tuner tuner, EdgeReport report, Overrides current, int iteration, String ts, Path reportFile)
            throws InputException {
        try {
            return tuner.decide(report.totals(), current, config.profile(), iteration, ts);
        } catch (MissingMetricException e) {
            throw new InputException(reportFile.toString(), "totals." + e.metric(), "is missing, and the rules read it");
        }
    }

    private void reportSource(OverridesReader.Loaded loaded) {
        markers.emit("runtime_overrides", "OK", "SOURCE=" + loaded.source());
        for (String field : loaded.notAllowed()) {
            markers.emit("runtime_override", "SKIP", "FIELD=" + field + " REASON=not_allowed");
        }
    }

    private static void writeEdgeReport(Path dir, int iteration, EdgeReport report) throws IOException {
        Json.write(dir.resolve("EDGE_REPORT_" + iteration + ".json"), report.document());
        Json.write(dir.resolve("EDGE_REPORT.json"), report.document());
    }
}
