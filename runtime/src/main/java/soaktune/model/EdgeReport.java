package soaktune.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One EDGE_REPORT: validated metrics for the rules, and the whole document as read (kept for the audit). */
public record EdgeReport(Metrics totals, JsonNode document) {
}
