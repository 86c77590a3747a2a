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
