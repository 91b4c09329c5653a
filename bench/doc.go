// Package bench measures claimgraph at scale: it generates a corpus
// (graph/gen), ingests it through the real pipeline (extraction,
// cross-referencing, group commits of atomic documents) into a real store,
// then serves the real HTTP API on a loopback listener and times the
// traversals analysts click through, with concurrent clients.
//
// Every latency is reported beside two baselines measured in the same
// process over the same store and the same sample of requests. Both run
// the API's own handlers, unchanged, over another implementation of the
// store interface, so they compute the very same answer: Run checks, for
// every sample request, that the API, the Gizmo baseline and the floor
// answer byte for byte alike, before and after timing them.
//
//   - gizmo (gizmo.go): every store method is a Gizmo script (cayley's
//     query language, query/gizmo) run in a fresh session, as cayley's
//     HTTP server runs each query, over the store's QuadStore. The scripts
//     follow the same edges and fetch the same records as
//     graph/cayleystore (an event's accounts with their records and event
//     edges, records by node, in-edges by key, order keys for pages); Go
//     decodes the records and sorts and pages them as cayleystore does.
//     This is what answering the endpoint through cayley's own engine
//     costs.
//   - floor (floor.go): every store answer the sampled requests need,
//     read once and kept decoded in a Go map by method and arguments;
//     replayed, a store call costs a map lookup and a shallow copy. What
//     is left is the handler's own work (cross-referencing, JSON encoding,
//     routing), so nothing answers faster without changing the answer.
//
// The "in-process" figure is the API handler called directly (no socket),
// one request at a time, as the baselines are; the "HTTP" figures are over
// loopback with Clients concurrent clients.
//
// Run is the code behind `claimgraph bench`; bench_test.go has the Go
// benchmarks (go test -bench . ./bench/), which use the same code.
package bench
