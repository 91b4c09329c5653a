#!/usr/bin/env bash
# Installs what the real-client tests in tests/clients need:
#   - Debian: python3-networkx (GraphML, GEXF), python3-rdflib (JSON-LD,
#     N-Quads), chromium (the viewer, headless);
#   - npm: tests/clients/package.json, pinned by its package-lock.json
#     (cytoscape for headless Cytoscape.js, playwright-core to drive
#     /usr/bin/chromium).
# Run as root from anywhere: bash scripts/clients-setup.sh
# Then: CLAIMGRAPH_CLIENT_TESTS=1 go test ./tests/clients/
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
/usr/bin/python3 -c 'import networkx' 2>/dev/null || need+=(python3-networkx)
/usr/bin/python3 -c 'import rdflib' 2>/dev/null || need+=(python3-rdflib)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
	echo "clients-setup: apt-get install ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "clients-setup: npm ci in tests/clients"
(cd tests/clients && npm ci --no-audit --no-fund --loglevel=error)
echo "clients-setup: done"
