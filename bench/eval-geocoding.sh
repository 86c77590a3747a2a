#!/usr/bin/env bash
# Score geocoding on the gritta corpora (LGL, TR-News, GeoVirus) by driving
# `sitrep geocode --json`, the command the held-out evaluation uses:
# resolution with gold spans (exact GeoNames match, within 161 km) and
# recognition without them (precision, recall, F1).
# Usage: bench/eval-geocoding.sh [SHARED_DIR] [eval_geocoding.py options]
#   e.g. bench/eval-geocoding.sh ../shared --corpora TR-News --mode resolve
# Needs the gazetteer (scripts/setup.sh); without it the figures are those
# of the built-in country-table fallback.
set -euo pipefail
cd "$(dirname "$0")/.."

shared="${SITREP_SHARED:-../shared}"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then shared="$1"; shift; fi
gritta="$shared/data/geoparsing-gritta"
[ -f "$gritta/lgl.xml" ] || { echo "eval-geocoding: no corpora at $gritta" >&2; exit 1; }

cargo build --release --quiet -p sitrep
python3 bench/eval_geocoding.py target/release/sitrep "$gritta" "$@"
