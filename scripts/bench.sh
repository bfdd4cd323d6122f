#!/usr/bin/env bash
# Throughput and peak memory of `galley run` on a generated corpus: passthrough (no stages:
# read, parse, serialise, write — the ceiling every stage is measured against) and the full
# pipeline.toml. Prints MB/s (wall clock, and per CPU-second, which stays meaningful on a
# loaded machine) and peak RSS. Usage: scripts/bench.sh [MEGABYTES] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
threads=${2:-0}
work=${BENCH_DIR:-$(mktemp -d)}
cargo build --release -q -p galley --bin galley --example gen_corpus
bin=target/release/galley
corpus="$work/corpus-${mb}mb.jsonl"
[ -s "$corpus" ] || target/release/examples/gen_corpus "$corpus" "$mb"
size=$(stat -c %s "$corpus")

measure() { # name config
  local name=$1 config=$2
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$bin" run --config "$config" --input "$corpus" \
    --output "$work/out.jsonl" --threads "$threads" --no-progress 2>"$work/log" || { cat "$work/log"; exit 1; }
  t1=$(date +%s.%N)
  read -r rss user sys < "$work/rss"
  awk -v n="$name" -v s="$size" -v a="$t0" -v b="$t1" -v rss="$rss" -v cpu="$(awk -v u="$user" -v y="$sys" 'BEGIN{print u+y}')" \
    'BEGIN { printf "%-12s %8.1f MB in %6.2f s  %8.1f MB/s wall  %8.1f MB/s per CPU-second  peak RSS %6.1f MB\n", n, s/1e6, b-a, s/1e6/(b-a), s/1e6/(cpu>0?cpu:1e-9), rss/1024 }'
}

echo "galley bench: $(nproc) cores, threads=${threads} (0 = all)"
printf '' > "$work/empty.toml"
measure passthrough "$work/empty.toml"
measure pipeline pipeline.toml
sed -n '/"stages"/,$p' "$work/run.json" 2>/dev/null | grep -E '"name"|"seconds"|"bytes"' | paste - - - | \
  awk -F'[:,]' '{ gsub(/[" ]/, "", $2); printf "  stage %-10s %8.1f MB/s per thread\n", $2, ($6/1e6)/($4>0?$4:1e-9) }' || true
[ -n "${BENCH_DIR:-}" ] || rm -rf "$work"
