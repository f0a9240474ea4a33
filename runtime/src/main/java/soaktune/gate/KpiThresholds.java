package soaktune.gate;

import java.util.List;

/** Every KPI threshold plus the minimum number of fills below which a report is too thin to judge. */
public record KpiThresholds(List<KpiThreshold> metrics, int minFills, String source) {
    public KpiThresholds {
        metrics = List.copyOf(metrics);
    }
}
