#!/usr/bin/env bash
# sitrep's HTML extraction against trafilatura (PyPI), on the same pages in
# one run: shingle F1 (the shared scorer), pages/s on one core, speed ratio.
# Installs trafilatura into a virtualenv under $SITREP_HOME (idempotent).
# Usage: bench/compare-extraction.sh [SHARED_DIR]   (default: ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."

shared="$(cd "${1:-${SITREP_SHARED:-../shared}}" && pwd)"
dev="$shared/data/extraction-dev"
[ -d "$dev/html" ] || { echo "compare-extraction: no pages at $dev/html" >&2; exit 1; }

./scripts/setup.sh >/dev/null
SITREP_HOME="${SITREP_HOME:-$HOME/.cache/sitrep}"
venv="$SITREP_HOME/venv-trafilatura"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
    echo "installing trafilatura into $venv ..."
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "trafilatura==2.0.0" lxml_html_clean
fi

out="target/compare-extraction"
mkdir -p "$out"

echo "== sitrep (release, one thread)"
ours=$(SITREP_SHARED="$shared" cargo bench --quiet --locked -p sitrep_extract --bench extraction -- \
    --rounds 3 --predictions "$PWD/$out/sitrep.json" | tail -n 1)
echo "$ours"

echo "== trafilatura $("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)') (one process)"
theirs=$("$venv/bin/python" - "$dev/html" "$out/trafilatura.json" <<'PY'
import glob, gzip, json, os, sys, time
import trafilatura
pages = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.html.gz"))):
    pages.append((os.path.basename(path).split(".")[0], gzip.open(path).read().decode("utf-8", "replace")))
preds, best = {}, float("inf")
for round_ in range(2):
    start = time.perf_counter()
    for key, html in pages:
        text = trafilatura.extract(html, include_comments=False) or ""
        if round_ == 0:
            preds[key] = {"articleBody": text}
    best = min(best, time.perf_counter() - start)
json.dump(preds, open(sys.argv[2], "w"))
mb = sum(len(h.encode()) for _, h in pages) / 1e6
print(f"trafilatura: {len(pages)} pages, best of 2 rounds {best:.3f} s: {len(pages)/best:.1f} pages/s, {mb/best:.2f} MB/s")
PY
)
echo "$theirs"

echo "== shingle F1 on $(ls "$dev/html" | wc -l) extraction-dev pages"
printf 'sitrep:      '; python3 "$shared/tools/shingle_f1.py" "$dev/ground-truth.json" "$out/sitrep.json"
printf 'trafilatura: '; python3 "$shared/tools/shingle_f1.py" "$dev/ground-truth.json" "$out/trafilatura.json"

ours_rate=$(sed -E 's/.*: ([0-9.]+) pages\/s.*/\1/' <<<"$ours")
theirs_rate=$(sed -E 's/.*: ([0-9.]+) pages\/s.*/\1/' <<<"$theirs")
python3 -c "import sys; print('speed ratio: sitrep is %.1fx trafilatura (pages/s, one core)' % (float(sys.argv[1]) / float(sys.argv[2])))" "$ours_rate" "$theirs_rate"
