#!/usr/bin/env bash
# Install paperkg with its test tools, and the browser the UI tests drive, then run every test.
# The README's test command and .ci/run both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        echo "The browser tests need Chromium and ChromeDriver (Debian: apt-get install chromium chromium-driver)." >&2
        exit 1
    fi
fi

# Neo4j's own Cypher linter (tests/test_cypher_lint.py) runs on Node.js.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "The Cypher lint test needs Node.js and npm (Debian: apt-get install nodejs npm)." >&2
        exit 1
    fi
fi
npm ci --silent --no-audit --no-fund --prefix tests/cypher_lint

python3 -m pip install -q -e '.[dev]'
exec python3 -m pytest --headless "$@"
