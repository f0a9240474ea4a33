package soaktune.gate;

/** A KPI gate verdict, ordered from best to worst for aggregation (INCONCLUSIVE is handled apart). */
public enum Verdict {
    OK, WARN, FAIL, INCONCLUSIVE
}
