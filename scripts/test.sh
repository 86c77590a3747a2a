#!/usr/bin/env bash
# The whole test suite: set-up, formatting, lints, then every test.
# CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
# The fuzz targets (cargo-fuzz, outside the workspace) must keep compiling;
# running them needs cargo-fuzz (see README).
cargo check --manifest-path fuzz/Cargo.toml --locked --bins --target-dir target/fuzz-check
# The dashboard end to end in headless Chromium (installs Chromium and
# playwright-core when missing; screenshots in target/screenshots/).
./scripts/browser-test.sh
