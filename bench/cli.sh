#!/usr/bin/env bash
# End-to-end timings of the CLI: builds the binary, seeds a database with the
# demo person and 100 assessments, then times the commands with hyperfine
# (apt-get install hyperfine) or, without it, a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
go build -o "$out/ladder" ./cmd/ladder
ls -l "$out/ladder" | awk '{printf "binary size: %.1f MB\n", $5/1048576}'
export LADDER_DATA_DIR="$PWD/$out/data"
rm -rf "$LADDER_DATA_DIR"
go run ./bench/seed -db "$LADDER_DATA_DIR/ladder.db" -assessments 100
"$out/ladder" --person alex.moreno@example.com demo >/dev/null  # make Alex current
go run ./bench/seed -db "$LADDER_DATA_DIR/ladder.db" -assessments 100 >/dev/null

cmds=(
    "$out/ladder onet compare 15-1244.00 11-3021.00"
    "$out/ladder gaps"
    "$out/ladder readiness"
    "$out/ladder readiness --all-targets"
    "$out/ladder onet show 11-3021.00"
)
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs 30 "${cmds[@]}"
else
    for c in "${cmds[@]}"; do
        start=$(date +%s%N)
        for _ in $(seq 20); do $c >/dev/null; done
        echo "$c: $(( ($(date +%s%N) - start) / 20000000 )) ms per run"
    done
fi
