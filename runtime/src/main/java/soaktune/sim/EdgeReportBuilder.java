package soaktune.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns one iteration's stats into the extended EDGE_REPORT. PnL components are bps of turnover, each
 * rounded first so that net_bps is exactly their sum; percentiles come from the samples, and every
 * percentile's sample count is written beside it (no samples: the percentile is 0 and its count says so).
 */
final class EdgeReportBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EdgeReportBuilder() {
    }

    static ObjectNode build(IterationStats st, ObjectNode runtime, String symbol) {
        ObjectNode root = NODES.objectNode();
        ObjectNode totals = root.putObject("totals");
        writeTotals(totals, st);
        ObjectNode sym = root.putObject("symbols").putObject(symbol);
        List.of("net_bps", "fills", "turnover_usd", "maker_share_pct").forEach(key -> sym.set(key, totals.get(key)));
        root.set("runtime", runtime);
        return root;
    }

    private static void writeTotals(ObjectNode totals, IterationStats st) {
        double turnover = st.turnover();
        double gross = bps(st.grossUsd, turnover);
        double fees = bps(st.feesUsd, turnover);
        double slippage = bps(st.slippageUsd, turnover);
        double inventory = bps(st.inventoryUsd, turnover);
        totals.put("gross_bps", gross);
        totals.put("fees_eff_bps", fees);
        totals.put("slippage_bps", slippage);
        totals.put("inventory_bps", inventory);
        totals.put("net_bps", round(gross + fees + slippage + inventory, 4));

        DoubleSamples adverse = st.markoutBps[IterationStats.ADVERSE_HORIZON];
        // adverse = -markout, so its 95th percentile is minus the markouts' 5th.
        totals.put("adverse_bps_p95", adverse.size() == 0 ? 0.0 : round(-adverse.quantile(0.05), 4));
        totals.put("slippage_bps_p95", round(st.slippageCostBps.quantile(0.95), 4));
        totals.put("order_age_p95_ms", round(st.orderAgeMs.quantile(0.95), 1));
        totals.put("ws_lag_p95_ms", round(st.wsLagMs.quantile(0.95), 1));
        totals.put("cancel_ratio", ratio(st.cancels, st.placements));
        totals.put("replace_ratio", ratio(st.replaces, st.placements));
        totals.put("maker_share_pct", turnover == 0 ? 100.0 : round(100 * st.makerNotional / turnover, 2));
        totals.put("fills", st.makerFills + st.takerFills);
        totals.put("turnover_usd", round(turnover, 2));

        ObjectNode blocked = totals.putObject("blocked_ratio");
        for (int i = 0; i < IterationStats.BLOCK_NAMES.length; i++) {
            blocked.put(IterationStats.BLOCK_NAMES[i], ratio(st.blocked[i], st.attempts));
        }

        ObjectNode markouts = totals.putObject("markouts");
        for (int h = 0; h < IterationStats.MARKOUT_NAMES.length; h++) {
            DoubleSamples m = st.markoutBps[h];
            ObjectNode node = markouts.putObject(IterationStats.MARKOUT_NAMES[h]);
            node.put("n", m.size());
            node.put("mean_bps", round(m.mean(), 4));
            node.put("p50_bps", round(m.quantile(0.5), 4));
            node.put("adverse_p95_bps", m.size() == 0 ? 0.0 : round(-m.quantile(0.05), 4));
        }

        ObjectNode counts = totals.putObject("counts");
        counts.put("placements", st.placements);
        counts.put("replaces", st.replaces);
        counts.put("cancels", st.cancels);
        counts.put("tail_cancels", st.tailCancels);
        counts.put("risk_cancels", st.riskCancels);
        counts.put("post_only_rejects", st.postOnlyRejects);
        counts.put("messages", st.messages);
        counts.put("maker_fills", st.makerFills);
        counts.put("taker_fills", st.takerFills);
        counts.put("pickoffs", st.pickoffs);
        counts.put("quote_attempts", st.attempts);
        ObjectNode blockedCounts = counts.putObject("blocked");
        for (int i = 0; i < IterationStats.BLOCK_NAMES.length; i++) {
            blockedCounts.put(IterationStats.BLOCK_NAMES[i], st.blocked[i]);
        }

        ObjectNode samples = totals.putObject("samples");
        samples.put("order_age", st.orderAgeMs.size());
        samples.put("slippage", st.slippageCostBps.size());
        samples.put("ws_lag", st.wsLagMs.size());

        ObjectNode pnl = totals.putObject("pnl_usd");
        pnl.put("gross", round(st.grossUsd, 2));
        pnl.put("fees", round(st.feesUsd, 2));
        pnl.put("slippage", round(st.slippageUsd, 2));
        pnl.put("inventory", round(st.inventoryUsd, 2));
        pnl.put("net", round(st.grossUsd + st.feesUsd + st.slippageUsd + st.inventoryUsd, 2));
    }

    private static double bps(double usd, double turnover) {
        return turnover == 0 ? 0.0 : round(usd / turnover * 1e4, 4);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : round((double) part / whole, 4);
    }

    static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        double r = Math.round(v * scale) / scale;
        return r == 0 ? 0.0 : r; // no "-0.0" in reports
    }
}
