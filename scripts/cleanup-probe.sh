#!/usr/bin/env bash
# False-edit probe for the cleanup stage: runs it over the other stages' hand-written
# fixtures (archive prose dense with rare names, foreign words and abbreviations; a few
# batches carry deliberate OCR damage) and prints every word-level edit for a person to read,
# then the count per kind. The seeded noise eval cannot see false edits on real names; this
# can. Usage: scripts/cleanup-probe.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p galley --bin galley
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for f in crates/sentences/tests/fixtures/*/*.txt crates/metadata/tests/fixtures/*/*.txt; do
  cp "$f" "$dir/$(basename "$(dirname "$f")")_$(basename "$f")"
done
target/release/galley stage cleanup --no-progress --input "$dir" --output "$dir/out.jsonl" 2>/dev/null
python3 - "$dir/out.jsonl" <<'PY'
import collections, json, sys
kinds = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    text = doc["text"]
    for e in doc.get("edits", []):
        kinds[e.get("kind")] += 1
        if e.get("kind") in ("punctuation", "hyphenation", "normalize"):
            continue
        context = text[max(0, e["start"] - 30):e["end"] + 20].replace("\n", " ")
        print(f"{doc['id'][:18]:18} {e.get('kind'):10} {e['original']!r:16} -> "
              f"{text[e['start']:e['end']]!r:16} | {context}")
print(dict(kinds))
PY
