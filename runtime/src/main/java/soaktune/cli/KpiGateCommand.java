package soaktune.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import soaktune.artifacts.KpiGateFile;
import soaktune.gate.GateResult;
import soaktune.gate.KpiGate;
import soaktune.gate.KpiThresholds;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.Clocks;
import soaktune.io.EdgeReportReader;
import soaktune.io.Json;
import soaktune.model.EdgeReport;
import soaktune.tuning.Markers;
import soaktune.rules.engine.RuleSource;

/** Judges one EDGE_REPORT against the KPI thresholds: exit 0 OK, 1 WARN or FAIL, 3 INCONCLUSIVE. */
@Command(name = "kpi-gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Judges an EDGE_REPORT against the KPI thresholds (file beside the rules, KPI_* env overrides).",
                "Exit codes: 0 OK, 1 WARN or FAIL, 2 bad input, 3 INCONCLUSIVE (a metric missing or too few fills), "
                        + "6 cannot write --out."})
public final class KpiGateCommand implements Callable<Integer> {
    @ParentCommand
    SoaktuneCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--edge-report", required = true, paramLabel = "FILE", description = "The EDGE_REPORT JSON.")
    Path edgeReport;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "KPI thresholds file. Default: the " + KpiThresholdsReader.FILE + " of the --rules set.")
    Path thresholdsFile;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the verdict as JSON (e.g. KPI_GATE.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = root.env();
        String ts = Clocks.isoNow(Clocks.fromEnv(env));
        KpiThresholds thresholds;
        if (thresholdsFile != null) {
            thresholds = KpiThresholdsReader.read(thresholdsFile, env);
        } else {
            RuleSource rules = rulesOption.source();
            thresholds = KpiThresholdsReader.read(rules.nameOf(KpiThresholdsReader.FILE),
                    rules.read(KpiThresholdsReader.FILE), env);
        }
        EdgeReport report = EdgeReportReader.read(edgeReport);
        GateResult result = KpiGate.judge(report.totals(), thresholds);
        if (out != null) {
            Json.write(out, KpiGateFile.of(result, thresholds, edgeReport.toString(), ts));
        }
        new Markers(spec.commandLine().getOut()).emit("kpi_gate", result.verdict().name(), result.markerPayload());
        return RunCommand.gateExitCode(result.verdict());
    }
}
