#!/usr/bin/env bash
# Install digest with everything its tests need, then run the tests (arguments go to pytest).
# Used by README.md and .ci/run alike, so CI runs exactly what a developer runs.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

# The Nu HTML Checker (vnu.jar, run with the machine's Java) and axe-core (injected into
# pages by the browser tests), from the npm registry.
TOOLS="${DIGEST_TOOLS:-$HOME/.cache/digest-test-tools}"
if [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" vnu-jar@26.9.27 >/dev/null
fi
if [ ! -f "$TOOLS/node_modules/axe-core/axe.min.js" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" axe-core@4.14.1 >/dev/null
fi
export VNU_JAR="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
export AXE_JS="$TOOLS/node_modules/axe-core/axe.min.js"

# From Debian: Chromium for the browser tests (Playwright drives it; it never downloads
# one), Vim, GNU Emacs and Git for the watcher's tests of real editors' saves and checkouts.
MISSING=""
[ -x /usr/bin/chromium ] || MISSING="$MISSING chromium"
command -v vim >/dev/null || MISSING="$MISSING vim"
command -v emacs >/dev/null || MISSING="$MISSING emacs-nox"
command -v git >/dev/null || MISSING="$MISSING git"
if [ -n "$MISSING" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $MISSING >/dev/null
fi
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

exec python3 -m pytest "$@"
