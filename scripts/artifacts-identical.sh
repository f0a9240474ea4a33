#!/usr/bin/env bash
# Compares what two builds write for fixed seeded runs: every artifact, stdout and exit code of
#   a mock soak with auto-tuning and its report, the same soak continued with --resume, a mock soak without
#   tuning, a live soak whose reports never come (inconclusive), two one-shot tunes and a kpi-gate --out.
# Usage: scripts/artifacts-identical.sh BEFORE.jar AFTER.jar   (exit 0 when byte-identical)
# Only the lock file (a pid) and the progress lines on stderr (wall-clock elapsed/ETA) may differ.
set -eu
runs() { # JAR SAVEDIR: run in one fixed folder, so the absolute paths in markers and artifacts are the same
    local out=/tmp/soaktune-artifacts-check
    rm -rf "$out" "$2"; mkdir -p "$out/drop" "$out/tune"
    (cd /tmp && export MM_FREEZE_UTC_ISO=2025-10-12T14:00:00Z MM_ALLOW_MISSING_SECRETS=1 &&
        step() { local name=$1 rc=0; shift; java -jar "$JAR" "$@" >"$out/$name.stdout" 2>/dev/null || rc=$?; echo "$name $rc" >>"$out/rc"; } &&
        JAR=$1 &&
        step run run --iterations 3 --mock --auto-tune --seed 42 --artifacts "$out/soak" &&
        step report report --artifacts "$out/soak" &&
        cp -r "$out/soak" "$out/resumed" &&
        sed -i 's/"completed_iterations": 3/"completed_iterations": 1/; s/"status": "complete"/"status": "interrupted"/' \
            "$out/resumed/soak_state.json" &&
        step resume run --iterations 3 --mock --auto-tune --seed 42 --resume --artifacts "$out/resumed" &&
        step untuned run --iterations 2 --mock --seed 7 --artifacts "$out/untuned" &&
        step live run --iterations 2 --source "file:$out/drop" --report-timeout 1 --poll-ms 100 \
            --max-inconclusive 2 --auto-tune --artifacts "$out/live" &&
        step tune1 tune --edge-report "$out/soak/EDGE_REPORT_1.json" --out "$out/tune/runtime_overrides.json" &&
        step tune2 tune --edge-report "$out/soak/EDGE_REPORT_2.json" --overrides "$out/tune/runtime_overrides.json" \
            --out "$out/tune/runtime_overrides.json" &&
        step gate kpi-gate --edge-report "$out/soak/EDGE_REPORT_3.json" --out "$out/tune/KPI_GATE.json")
    find "$out" -name .soaktune.lock -delete
    mv "$out" "$2"
}
work=$(mktemp -d)
runs "$(realpath "$1")" "$work/before"
runs "$(realpath "$2")" "$work/after"
cat "$work/after/rc"
diff -r "$work/before" "$work/after" && echo "identical: $(find "$work/before" -type f | wc -l) files"
