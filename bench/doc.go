// Package bench measures claimgraph at scale: it generates a corpus
// (graph/gen), ingests it through the real pipeline (extraction,
// cross-referencing, one atomic commit per document) into a real store,
// then serves the real HTTP API on a loopback listener and times the
// traversals analysts click through, with concurrent clients.
//
// Every latency is reported beside two baselines measured in the same
// process over the same store and the same sample of ids:
//
//   - gizmo: the same records fetched by cayley's own query engine (a
//     Gizmo script run by query/gizmo against the store's QuadStore, with
//     values resolved as for JSON). It fetches what the answer is built
//     from and stops there, so it is a lower bound on what answering with
//     Gizmo would cost.
//   - floor: the same answer computed from plain Go maps holding the
//     records it needs, decoded already, and encoded to JSON as the
//     handler does. Nothing can be faster than this without changing the
//     answer.
//
// The "in-process" figure is the API handler called directly (no socket),
// one request at a time, which is what the baselines compare with; the
// "HTTP" figures are over loopback with Clients concurrent clients.
//
// Run is the code behind `claimgraph bench`; bench_test.go has the Go
// benchmarks (go test -bench . ./bench/), which use the same code.
package bench
