#!/usr/bin/env bash
# Install digest with everything its tests need, then run the tests (arguments go to pytest).
# Used by README.md and .ci/run alike, so CI runs exactly what a developer runs.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

# The Nu HTML Checker (vnu.jar, run with the machine's Java), from the npm registry.
TOOLS="${DIGEST_TOOLS:-$HOME/.cache/digest-test-tools}"
if [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" vnu-jar@26.9.27 >/dev/null
fi
export VNU_JAR="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"

exec python3 -m pytest "$@"
