#!/usr/bin/env bash
# Score sitrep's HTML main-text extraction on the extraction-dev pages with
# the shared benchmark metric (shingle F1). Prints 'f1 P R n'.
# Usage: bench/score-extraction.sh [SHARED_DIR]   (default: ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."

shared="${1:-${SITREP_SHARED:-../shared}}"
dev="$shared/data/extraction-dev"
[ -d "$dev/html" ] || { echo "score-extraction: no pages at $dev/html" >&2; exit 1; }

cargo build --release --locked --quiet -p sitrep
out="target/extraction-dev"
mkdir -p "$out"
target/release/sitrep extract --json "$dev/html" > "$out/extracted.jsonl" 2> "$out/rejected.txt" || true
python3 - "$out/extracted.jsonl" "$out/predictions.json" <<'PY'
import json, os, sys
preds = {}
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    key = os.path.basename(a["origin"]).split(".")[0]
    preds[key] = {"articleBody": a["text"]}
json.dump(preds, open(sys.argv[2], "w"))
PY
echo "rejected pages: $(wc -l < "$out/rejected.txt")"
python3 "$shared/tools/shingle_f1.py" "$dev/ground-truth.json" "$out/predictions.json"
