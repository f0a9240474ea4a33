package soaktune.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.artifacts.KpiGateFile;
import soaktune.gate.GateResult;
import soaktune.gate.KpiGate;
import soaktune.gate.KpiThresholds;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.EdgeReportReader;
import soaktune.io.Json;
import soaktune.model.EdgeReport;

/** Judges one EDGE_REPORT against the KPI thresholds: exit 0 OK, 1 WARN or FAIL, 3 INCONCLUSIVE. */
@Command(name = "kpi-gate",
        description = {"Judges an EDGE_REPORT against the KPI thresholds (file beside the rules, KPI_* env overrides).",
                "Exit codes: 0 OK, 1 WARN or FAIL, 2 bad input, 3 INCONCLUSIVE (too few fills, or a metric missing "
                        + "and none failing), 6 cannot write --out."})
public final class KpiGateCommand extends CliCommand {
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
        Map<String, String> env = env();
        String ts = now();
        KpiThresholds thresholds = thresholdsFile != null ? KpiThresholdsReader.read(thresholdsFile, env)
                : RulesOption.thresholds(rulesOption.source(), env);
        EdgeReport report = EdgeReportReader.read(edgeReport);
        GateResult result = KpiGate.judge(report.totals(), thresholds);
        if (out != null) {
            Json.write(out, KpiGateFile.of(result, thresholds, edgeReport.toString(), ts));
        }
        markers().emit("kpi_gate", result.verdict().name(), result.markerPayload());
        return RunCommand.gateExitCode(result.verdict());
    }
}
