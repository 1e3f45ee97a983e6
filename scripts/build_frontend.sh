#!/usr/bin/env bash
# Install the dashboard's front-end libraries from npm (package-lock.json) and copy the files the page
# loads into src/wirewatch/api/static/vendor/ (gitignored). The dashboard then works with no internet.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/wirewatch/api/static/vendor
command -v npm >/dev/null || { echo "npm is required (apt-get install -y nodejs npm)" >&2; exit 3; }
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
rm -rf "$VENDOR"
mkdir -p "$VENDOR/swagger-ui"
cp node_modules/d3/dist/d3.min.js "$VENDOR/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$VENDOR/"
cp node_modules/world-atlas/countries-110m.json "$VENDOR/"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$VENDOR/swagger-ui/"
for pkg in d3 topojson-client world-atlas swagger-ui-dist; do
  cp "node_modules/$pkg/LICENSE" "$VENDOR/LICENSE.$pkg" 2>/dev/null || true
done
echo "front-end libraries copied into $VENDOR"
