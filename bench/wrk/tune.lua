-- wrk script for the resident tuner: POST /v1/tune with the sample EDGE_REPORT, paced.
--   java -jar target/soaktune.jar serve --port 8080 &
--   wrk -t2 -c2 -d60s --latency -s bench/wrk/tune.lua http://127.0.0.1:8080/v1/tune
-- Debian's wrk has no fixed-rate mode: each connection waits PACE_MS after every response, so two
-- connections at 2 ms give just under 1,000 requests/s (closed loop: a slow response lowers the rate
-- instead of queueing requests; `bench serve` measures open loop, from scheduled send times).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"edge_report":{"totals":{"net_bps":2.1,"gross_bps":4.0,"adverse_bps_p95":4.6,"slippage_bps_p95":1.0,"fees_eff_bps":-0.5,"inventory_bps":-0.5,"order_age_p95_ms":340,"ws_lag_p95_ms":80,"replace_ratio":0.3,"cancel_ratio":0.6,"maker_share_pct":92,"fills":500}},"overrides":{"min_interval_ms":80,"replace_rate_per_min":270},"profile":"S1"}'

local pace_ms = tonumber(os.getenv("PACE_MS") or "2")

function delay()
  return pace_ms
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests %d, errors %d (non-2xx %d), %.0f req/s\n", summary.requests, errors,
      summary.errors.status, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency us: p50 %.0f  p90 %.0f  p99 %.0f  p99.9 %.0f  max %.0f\n",
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
