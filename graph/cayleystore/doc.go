// Package cayleystore is claimgraph's store: the domain graph (documents,
// claims, entities, accounts, events, links, judgements) kept as quads in a
// cayley quad store. It is the only package that imports cayley; every
// method takes and returns graph types.
//
// # Backends
//
// Open picks the backend from its address: "memory:" (cayley's memstore),
// "postgres://..." (cayley's PostgreSQL backend, schema created on first
// use), "cockroach://..." (cayley's CockroachDB backend) and, for anything
// else, a bolt file in that directory.
//
// # Quads
//
// Every node is an IRI <cg:TYPE/UUID> with a <cg:type> quad, a <cg:record>
// string literal holding its JSON record and the typed edges traversals
// use; docs/design.md ("Quads") has the table. Documents keep their text in
// <cg:text> so that lists never read it; listable nodes carry a <cg:order>
// literal that sorts them as their list promises, so a page reads order
// keys, not records. An account's event is its <cg:event> edge, not a field
// of its record. Labels carry provenance: <cg:ingest/DOCID> for what a
// document's ingestion wrote, the batch's label (default <cg:xref>) for
// everything else a batch writes.
//
// # Writes
//
// Commit plans a batch against the quads stored now and applies the
// difference. Adding a triple that is already stored under any label is
// skipped, replacing a value deletes the stored quad (whatever its label)
// and adds the new one, and a quad is never both added and deleted in one
// batch. So no fact depends on the same triple existing under two labels,
// which CockroachDB's schema (unique on subject, predicate, object) would
// silently drop, and re-writing what is already there is a no-op. Entities
// are written once, under the label of whatever first wrote them;
// Batch.Entities replaces the record of an entity that exists. A batch
// whose document already exists changes nothing.
//
// Cayley's key-value backends (bolt) have a bug: in one ApplyDeltas, a
// value whose reference count the batch lowers overall is not resolved for
// the quads the batch adds with it, and those are written with an empty
// subject, predicate or object (replace two event records with one and the
// new record loses its <cg:record>). On bolt, Commit therefore also adds
// the deleted quads holding such values, ahead of the deletions: the
// backend skips those adds (the quads exist), deletes the quads, and the
// counts stay positive. The values of those quads are then never reclaimed
// from bolt's value log: space, not facts. The merge case of the suite
// fails on bolt without this.
//
// # Atomicity and crash safety
//
// Commit hands the whole batch to one ApplyDeltas call, however large it
// is, and cayley applies one ApplyDeltas in one transaction on the
// persistent backends, as read in cayley's source at the version in go.mod:
//
//   - bolt (graph/kv/indexing.go, QuadStore.ApplyDeltas): opens one
//     read-write bolt transaction (qs.db.Tx(ctx, true)), adds nodes and
//     quads, marks deleted quads dead, and commits with tx.Commit at the
//     end; any error returns before the commit and the deferred tx.Close
//     rolls back. Bolt's transactions are copy-on-write with an fsync'ed
//     meta page switch, so a crash leaves the previous or the new state.
//   - PostgreSQL and CockroachDB (graph/sql/quadstore.go,
//     QuadStore.ApplyDeltas): one db.Begin(), every INSERT and DELETE of
//     the batch in it, tx.Rollback on any error, tx.Commit at the end.
//     Neither has a transaction size limit below available memory, so a
//     large batch is still all-or-nothing; the suite checks this against a
//     real server by making a large batch fail on its last quad.
//   - memstore applies deltas in memory under this package's write lock;
//     it is lost on Close anyway.
//
// Load is the exception: it applies its input in batches of 10,000 quads,
// each atomic, for restoring dumps that may not fit in one transaction.
//
// A Group (group.go) is a group commit: batches planned one after another
// into one plan, each over the ones before it, and applied by one
// ApplyDeltas, so the group is all or nothing. The group reads as the store
// will once it is committed (its pending quads layered over the store: a
// subject it planned has exactly the quads it leaves, in-edges come from
// the store minus planned subjects plus the plan's own), which is what the
// cross-referencer needs to plan the next document of a bulk ingest. If the
// store was written meanwhile, Commit plans the batches again. Start writes
// a group in the background on bolt while the next group, continuing its
// plan, is planned; reads beside that write take no lock (bolt's read
// transactions see the state before it, and the next group reads nothing
// the write changes from the store) and fill the cache only with what the
// write leaves as it is (cache.epoch, cache.pending).
//
// # Concurrency
//
// Commit and Load are serialised by a mutex (one writer per process); the
// deltas are applied under the write side of an RWMutex whose read side
// every read holds, which memstore (it has no locks) needs, and which gives
// every read a consistent view within the process. Several processes
// writing to one SQL database are serialised only by the database.
//
// # Reads
//
// Reads go through cayley's path API: one traversal per question, records
// fetched for many nodes in one pass with values resolved by one batched
// ValuesOf, start sets chunked, depth bounded (PlacesWithin walks at most
// four levels, level by level, never FollowRecursive), and cancellation
// checked after every iteration, since cayley's iterators stop silently
// when their context ends.
//
// # Read cache
//
// On bolt and memory stores, reads go through a cache (cache.go) of
// resolved edges (a node's objects or subjects by predicate: an event's
// accounts, a document's claims and accounts, a claim's links, a key's
// accounts and entities, order keys, texts) and of decoded records. It is
// bounded by Options.CacheBytes (estimated bytes, least recently used
// first out) and kept exact by Commit, which drops, for every quad it adds
// or deletes, the out-edges of its subject and the in-edges of its object
// with its predicate and the subject's decoded record, while it still
// holds the write lock: a read that starts after Commit returns sees the
// batch. Records are deep-copied out of the cache, so callers own what
// they get. PostgreSQL and CockroachDB stores do not cache unless opened
// with Options.SoleWriter: several servers may share one database, and a
// server cannot see the others' commits.
package cayleystore
