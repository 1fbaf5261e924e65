#!/usr/bin/env bash
# Runs every test: typecheck, lint, unit + integration (vitest), build, e2e in real Chromium,
# then prints one closing line "N passed, N failed". Installs dependencies on a fresh clone.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || exit 1
fi
CHROMIUM_PATH="$(node scripts/ensure-chromium.mjs --quiet)" || exit 1
export CHROMIUM_PATH
out=.test-reports; mkdir -p "$out"; rm -f "$out"/vitest.json "$out"/e2e.json  # not test-results/: Playwright empties that
status=0
step() { local name=$1; shift; echo "== $name"; "$@" || { echo "!! $name failed"; status=1; }; }

step typecheck npx tsc -p tsconfig.json --noEmit
step lint npx eslint . --max-warnings=0
step "unit and integration (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
if step build npx vite build --logLevel warn; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e.json" step "e2e (Playwright, $CHROMIUM_PATH)" npx playwright test --reporter=list,json
fi
echo "== summary"
node scripts/test-summary.mjs "$out/vitest.json" "$out/e2e.json"
[ $status -eq 0 ] && echo "all stages passed" || echo "some stage FAILED"
exit $status
