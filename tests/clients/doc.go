// Package clients tests claimgraph's graph exports and viewer with the real
// tools people open them in: networkx (GraphML, GEXF), rdflib (JSON-LD,
// N-Quads), Cytoscape.js headless under Node.js, and the viewer in headless
// Chromium driven by playwright-core, against a claimgraph server built
// from this tree and started on loopback with the example corpus.
//
// The tests need what scripts/clients-setup.sh installs (Debian
// python3-networkx, python3-rdflib, chromium; npm ci here) and run only
// when CLAIMGRAPH_CLIENT_TESTS=1:
//
//	bash scripts/clients-setup.sh
//	CLAIMGRAPH_CLIENT_TESTS=1 go test -v ./tests/clients/
//
// Screenshots land in tests/clients/out/ (ignored by git).
package clients
