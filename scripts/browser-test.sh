#!/usr/bin/env bash
# End-to-end test of `sitrep serve` and its dashboard in headless Chromium.
# Installs what it needs (idempotent): Debian's chromium when missing, and
# playwright-core from npm into target/browser-test/. Ingests the test
# articles of scripts/browser-test/fixtures (three written for this test
# and one hostile one, posted over HTTP with the bearer token), builds a
# timeline document from them, starts the server on loopback, drives the
# dashboard (scripts/browser-test/dashboard.test.mjs) and saves screenshots
# under target/screenshots/. Fails loudly on any failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

work=target/browser-test
shots=target/screenshots
playwright_version="1.65.1"
mkdir -p "$work" "$shots"

if [ ! -x /usr/bin/chromium ]; then
    echo "browser-test: installing Debian's chromium"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
fi
if [ "$(node -p "try { require('./$work/node_modules/playwright-core/package.json').version } catch (e) { '' }" 2>/dev/null)" != "$playwright_version" ]; then
    echo "browser-test: installing playwright-core $playwright_version into $work"
    [ -f "$work/package.json" ] || echo '{"private": true}' > "$work/package.json"
    npm install --silent --no-audit --no-fund --prefix "$work" "playwright-core@$playwright_version"
fi

cargo build --locked --quiet -p sitrep
sitrep="${CARGO_TARGET_DIR:-target}/debug/sitrep"

db="$work/store.db"
rm -f "$db" "$db-wal" "$db-shm"
"$sitrep" ingest --db "$db" scripts/browser-test/fixtures/0*.txt
"$sitrep" articles --json --db "$db" | python3 scripts/browser-test/make_timeline.py > "$work/timeline.json"

token="browser-test-$$-$RANDOM"
printf '%s\n' "$token" > "$work/token"
log="$work/server.log"
"$sitrep" serve --db "$db" --addr 127.0.0.1:0 --token-file "$work/token" --timeline "$work/timeline.json" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
base=""
for _ in $(seq 1 100); do
    base=$(sed -n 's|^listening on \(http://[^/]*\)/$|\1|p' "$log" | head -n 1)
    [ -n "$base" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "browser-test: the server did not start" >&2; exit 1; }
    sleep 0.1
done
[ -n "$base" ] || { cat "$log" >&2; echo "browser-test: the server did not say where it listens" >&2; exit 1; }
echo "browser-test: server at $base"

# The hostile article goes in over HTTP, with the token.
status=$(curl -s -o "$work/hostile.json" -w '%{http_code}' -X POST "$base/api/articles" \
    -H "Authorization: Bearer $token" -H 'Content-Type: text/plain; charset=utf-8' \
    --data-binary @scripts/browser-test/fixtures/hostile.txt)
[ "$status" = 201 ] || [ "$status" = 200 ] || { cat "$work/hostile.json" >&2; echo "browser-test: ingest over HTTP answered $status" >&2; exit 1; }
hostile=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print((r["inserted"] or r["existing"])[0])' "$work/hostile.json")
unauthorized=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/articles" -H 'Content-Type: text/plain' --data 'no token here at all')
[ "$unauthorized" = 401 ] || { echo "browser-test: a POST without the token answered $unauthorized, not 401" >&2; exit 1; }

PLAYWRIGHT_PREFIX="$PWD/$work/node_modules/playwright-core" node scripts/browser-test/dashboard.test.mjs "$base" "$shots" "$hostile"
echo "browser-test: screenshots in $shots/"
