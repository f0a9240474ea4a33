package soaktune.model;

/**
 * From the tuning memory: a KPI the rules judged missed in each of the {@code streak} iterations just before
 * this one. {@code missed(drools, kpi)} continues the streak; a KPI not judged missed again starts over.
 */
public record PastMisses(String kpi, int streak) {
}
