#!/usr/bin/env bash
# Compares what two builds write for a fixed seeded soak and its report: every artifact, stdout and exit code.
# Usage: scripts/artifacts-identical.sh BEFORE.jar AFTER.jar   (exit 0 when byte-identical)
# Only the lock file (a pid) and the progress lines on stderr (wall-clock elapsed/ETA) may differ.
set -eu
soak() { # JAR SAVEDIR: run in one fixed folder, so the absolute paths in markers and artifacts are the same
    local out=/tmp/soaktune-artifacts-check
    rm -rf "$out" "$2"; mkdir -p "$out"
    (cd /tmp && export MM_FREEZE_UTC_ISO=2025-10-12T14:00:00Z &&
        { java -jar "$1" run --iterations 3 --mock --auto-tune --seed 42 --artifacts "$out/soak" >"$out/run.stdout" 2>/dev/null; echo "run $?"; } >"$out/rc" &&
        { java -jar "$1" report --artifacts "$out/soak" >"$out/report.stdout" 2>"$out/report.stderr"; echo "report $?"; } >>"$out/rc")
    rm -f "$out/soak/.soaktune.lock"
    mv "$out" "$2"
}
work=$(mktemp -d)
soak "$(realpath "$1")" "$work/before"
soak "$(realpath "$2")" "$work/after"
diff -r "$work/before" "$work/after" && echo "identical: $(find "$work/before" -type f | wc -l) files"
