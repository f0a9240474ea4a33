package soaktune.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;
import soaktune.gate.Verdict;

/**
 * The soak in Markdown for a pull-request comment: verdicts, final overrides, the adjustments and the worst
 * KPIs. Long soaks are cut at {@link #MAX_ADJUSTMENT_ROWS} rows so the comment stays under hosting limits.
 */
public final class MarkdownReport {
    static final int MAX_ADJUSTMENT_ROWS = 100;

    private MarkdownReport() {
    }

    public static String render(SoakReport r) {
        StringBuilder md = new StringBuilder();
        md.append("## Soak report: final verdict **").append(r.finalVerdict()).append("**\n\n");
        if (r.finalReason() != null) {
            md.append("**Why:** ").append(cell(r.finalReason()))
                    .append(": the rules found these KPIs missing their targets with these fields at their limits.\n\n");
        }
        IterationRow last = r.lastRow();
        md.append(r.rows().size()).append(" of ").append(r.plannedIterations()).append(" iterations, soak ")
                .append(r.status()).append(", rules ").append(cell(last.rulesVersion())).append(" (")
                .append(ArtifactsReader.shortSha(last.rulesSha256())).append(")");
        if (r.profile() != null) {
            md.append(", profile ").append(cell(r.profile()));
        }
        if (r.source() != null) {
            md.append(", source ").append(cell(r.source()));
        }
        md.append(".\n\n");

        StringJoiner counts = new StringJoiner(", ");
        r.verdictCounts().forEach((v, n) -> counts.add(v + " " + n));
        StringJoiner perIteration = new StringJoiner(" ");
        r.rows().forEach(row -> perIteration.add(row.hasReport() ? row.verdict().name() : "NO_REPORT"));
        md.append("**Verdicts:** ").append(counts).append(" (per iteration: `").append(perIteration).append("`)\n\n");

        StringJoiner overrides = new StringJoiner(" ");
        r.finalOverrides().forEach((field, v) -> overrides.add("`" + field.key() + "=" + field.format(v) + "`"));
        md.append("**Final overrides:** ").append(overrides.length() == 0 ? "none" : overrides.toString()).append("\n\n");

        List<AdjustmentRow> adjustments = r.adjustments();
        md.append("**Adjustments:** ").append(adjustments.size()).append("\n\n");
        if (!adjustments.isEmpty()) {
            md.append("| Iteration | Field | From | To | Reason | Rule | Rules sha |\n");
            md.append("|---:|---|---:|---:|---|---|---|\n");
            for (AdjustmentRow a : adjustments.subList(0, Math.min(adjustments.size(), MAX_ADJUSTMENT_ROWS))) {
                md.append("| ").append(a.iteration()).append(" | ").append(a.field().key()).append(" | ")
                        .append(a.field().format(a.from())).append(" | ").append(a.field().format(a.to())).append(" | ")
                        .append(cell(a.reason())).append(" | ").append(cell(a.rule())).append(" | ")
                        .append(a.rulesShaShort()).append(" |\n");
            }
            if (adjustments.size() > MAX_ADJUSTMENT_ROWS) {
                md.append("\n... and ").append(adjustments.size() - MAX_ADJUSTMENT_ROWS)
                        .append(" more: see the HTML report.\n");
            }
            md.append('\n');
        }

        List<SoakReport.WorstKpi> worst = r.worstKpis();
        if (!worst.isEmpty()) {
            md.append("**Worst KPIs**\n\n");
            md.append("| KPI | Worst | Iteration | Verdict | WARN | FAIL | Not OK in |\n");
            md.append("|---|---:|---:|---|---:|---:|---|\n");
            for (SoakReport.WorstKpi w : worst) {
                String side = w.higherIsWorse() ? "> " : "< ";
                md.append("| ").append(w.kpi().key()).append(" | ").append(number(w.value())).append(" | ")
                        .append(w.iteration()).append(" | ").append(w.verdict()).append(" | ")
                        .append(w.warn() == null ? "" : side + number(w.warn())).append(" | ")
                        .append(w.fail() == null ? "" : side + number(w.fail())).append(" | ")
                        .append(notOk(w)).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.notes().isEmpty()) {
            md.append("**Notes**\n\n");
            r.notes().forEach(n -> md.append("- ").append(cell(n)).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static String notOk(SoakReport.WorstKpi w) {
        if (w.warnCount() == 0 && w.failCount() == 0) {
            return w.verdict() == Verdict.INCONCLUSIVE ? "not judged" : "never";
        }
        StringJoiner j = new StringJoiner(", ");
        if (w.failCount() > 0) {
            j.add(w.failCount() + " FAIL");
        }
        if (w.warnCount() > 0) {
            j.add(w.warnCount() + " WARN");
        }
        return j.toString();
    }

    /** Up to four decimals, no trailing zeros: 4.5828, 360, 0.7. */
    static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** Text safe in a table cell: a pipe would split the cell, a newline the row, a '<' could open HTML. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replaceAll("[\\r\\n]+", " ");
    }
}
