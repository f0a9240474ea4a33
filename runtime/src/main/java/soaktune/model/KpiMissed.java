package soaktune.model;

/**
 * A KPI the rules judged as missing its target in this iteration ({@code missed(drools, kpi)}), and for how
 * many iterations in a row, this one included, they have judged so ({@code streak}). Inserted by the DSL.
 */
public record KpiMissed(String kpi, int streak, String rule) {
}
