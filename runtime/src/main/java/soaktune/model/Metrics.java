package soaktune.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The metrics of one EDGE_REPORT, as the rules see them. A bean with getters (not a record) because DRL
 * constraints such as {@code Metrics(cancelRatio > 0.55)} resolve JavaBean properties. Each getter throws
 * {@link MissingMetricException} when the report lacks that metric, so a rule can never read a gap as 0.
 */
public final class Metrics {
    private final Map<MetricName, Double> values;
    private final Map<String, Double> blockedRatio;

    public Metrics(Map<MetricName, Double> values, Map<String, Double> blockedRatio) {
        EnumMap<MetricName, Double> copy = new EnumMap<>(MetricName.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.blockedRatio = Collections.unmodifiableMap(new TreeMap<>(blockedRatio));
    }

    public Optional<Double> find(MetricName name) {
        return Optional.ofNullable(values.get(name));
    }

    public double require(MetricName name) {
        Double v = values.get(name);
        if (v == null) {
            throw new MissingMetricException(name.key());
        }
        return v;
    }

    public Map<MetricName, Double> values() {
        return values;
    }

    public Map<String, Double> blockedRatios() {
        return blockedRatio;
    }

    public double getNetBps() {
        return require(MetricName.NET_BPS);
    }

    public double getGrossBps() {
        return require(MetricName.GROSS_BPS);
    }

    public double getAdverseBpsP95() {
        return require(MetricName.ADVERSE_BPS_P95);
    }

    public double getSlippageBpsP95() {
        return require(MetricName.SLIPPAGE_BPS_P95);
    }

    public double getFeesEffBps() {
        return require(MetricName.FEES_EFF_BPS);
    }

    public double getInventoryBps() {
        return require(MetricName.INVENTORY_BPS);
    }

    public double getOrderAgeP95Ms() {
        return require(MetricName.ORDER_AGE_P95_MS);
    }

    public double getWsLagP95Ms() {
        return require(MetricName.WS_LAG_P95_MS);
    }

    public double getReplaceRatio() {
        return require(MetricName.REPLACE_RATIO);
    }

    public double getCancelRatio() {
        return require(MetricName.CANCEL_RATIO);
    }

    public double getMakerSharePct() {
        return require(MetricName.MAKER_SHARE_PCT);
    }

    public double getFills() {
        return require(MetricName.FILLS);
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "Metrics(", ")"));
    }
}
