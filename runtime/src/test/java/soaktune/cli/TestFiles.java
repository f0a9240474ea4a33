package soaktune.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File helpers for CLI tests: EDGE_REPORT fixtures and folder checksums (to prove nothing changed). */
public final class TestFiles {
    private TestFiles() {
    }

    /** A healthy extended EDGE_REPORT with one totals entry replaced by raw JSON text. */
    public static String edgeReport(String key, String rawValue) {
        Map<String, String> totals = new TreeMap<>(Map.ofEntries(
                Map.entry("net_bps", "3.0"), Map.entry("gross_bps", "4.0"), Map.entry("adverse_bps_p95", "2.0"),
                Map.entry("slippage_bps_p95", "1.0"), Map.entry("fees_eff_bps", "-0.5"),
                Map.entry("inventory_bps", "-0.5"), Map.entry("order_age_p95_ms", "250"),
                Map.entry("ws_lag_p95_ms", "80"), Map.entry("replace_ratio", "0.3"),
                Map.entry("cancel_ratio", "0.4"), Map.entry("maker_share_pct", "92"),
                Map.entry("blocked_ratio", "{\"min_interval\": 0.1, \"concurrency\": 0, \"risk\": 0, \"throttle\": 0}")));
        if (key != null) {
            if (rawValue == null) {
                totals.remove(key);
            } else {
                totals.put(key, rawValue);
            }
        }
        StringBuilder sb = new StringBuilder("{\"totals\": {");
        totals.forEach((k, v) -> sb.append('"').append(k).append("\": ").append(v).append(", "));
        sb.setLength(sb.length() - 2);
        return sb.append("}, \"symbols\": {}, \"runtime\": {\"utc\": \"2025-10-12T14:00:00Z\", \"version\": \"t\"}}")
                .toString();
    }

    public static String healthyReport() {
        return edgeReport(null, null);
    }

    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sha256 of every file below {@code dir}, by relative path. */
    public static Map<String, String> checksums(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
