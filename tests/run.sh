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

python3 -m pip install -q -e '.[dev]'
exec python3 -m pytest --headless "$@"
