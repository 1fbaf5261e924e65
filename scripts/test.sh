#!/usr/bin/env bash
# Runs every test: typecheck, lint, unit + integration (vitest), build, e2e in real Chromium.
# Installs dependencies first when node_modules is missing (a fresh clone).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi
CHROMIUM_PATH="$(node scripts/ensure-chromium.mjs --quiet)"
export CHROMIUM_PATH
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint";      npx eslint . --max-warnings=0
echo "== unit and integration (vitest)"
set +e
npx vitest run; unit=$?
echo "== build";     npx vite build --logLevel warn; build=$?
e2e=1
if [ $build -eq 0 ]; then echo "== e2e (Playwright, $CHROMIUM_PATH)"; npx playwright test; e2e=$?; fi
set -e
echo "== summary: unit=$([ $unit -eq 0 ] && echo ok || echo FAILED) build=$([ $build -eq 0 ] && echo ok || echo FAILED) e2e=$([ $e2e -eq 0 ] && echo ok || echo FAILED)"
[ $unit -eq 0 ] && [ $build -eq 0 ] && [ $e2e -eq 0 ]
