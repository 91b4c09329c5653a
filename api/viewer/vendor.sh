#!/usr/bin/env bash
# Refreshes assets/vendor from the npm registry, at the versions pinned in
# package.json / package-lock.json. The vendored files are committed: the
# binary embeds them and serves them with no CDN.
#   bash api/viewer/vendor.sh            # install the pinned version
#   (cd api/viewer && npm install cytoscape@3.30.x --package-lock-only) first to move the pin
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp package.json package-lock.json "$tmp/"
(cd "$tmp" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
mkdir -p assets/vendor
cp "$tmp/node_modules/cytoscape/dist/cytoscape.min.js" assets/vendor/cytoscape.min.js
cp "$tmp/node_modules/cytoscape/LICENSE" assets/vendor/cytoscape.LICENSE
v=$(node -p "require('$tmp/node_modules/cytoscape/package.json').version")
echo "cytoscape $v" > assets/vendor/VERSIONS
echo "vendored cytoscape $v into api/viewer/assets/vendor"
