// Package export selects a subgraph of the claim graph and writes it in the
// formats that visualisation and analysis tools read.
//
// Selection (Select) walks breadth-first from a focus (a document, claim,
// entity or event id; which one is detected) over the graph's relations:
//
//	claim       -document->     document    (the document carries the claim)
//	claim       -speaker->      entity      (the source that asserts it)
//	claim       -mentions->     entity
//	account     -claim->        claim       (the claims an account rests on)
//	account     -event->        event
//	account     -place->        entity
//	account     -perpetrator->  entity
//	claim       -corroborates|disputes|revises|repeats-> claim (links)
//	entity      -within->       entity      (place hierarchy)
//	entity      -affiliation->  entity
//	document    -author|on_behalf_of-> entity
//
// Edges are followed in both directions. A relation filter, a date window
// and a node budget bound the walk; when the budget cuts it, the Graph says
// so (Truncated, Omitted, Note). Without a focus the walk starts from every
// event and document and has no depth limit, within the same budget.
//
// An edge budget (Options.MaxEdges) bounds the edges between the nodes
// taken: links between claims grow with the square of an event's claims.
// Every other edge is kept first, then analyst links before computed ones,
// disputes, revises and repeats before corroborates; links past the budget
// are counted (OmittedEdges, OmittedEdgesByRelation) but never built. A
// graph within both budgets is written as it was before the edge budget.
//
// Every edge carries its provenance: the cayley label of the quads it
// stands for (<cg:ingest/DOC> for what a document's ingestion wrote,
// <cg:xref> for computed cross-references, <cg:judgement/ID> for an
// analyst's action, <cg:gazetteer> for shipped entities) and an origin word
// (ingest, xref, analyst, gazetteer).
//
// Formats (Write): Cytoscape.js elements JSON, D3 / networkx node-link JSON,
// GraphML with typed keys, GEXF 1.3 with dates as time intervals (a dynamic
// graph Gephi's timeline plays), Graphviz DOT, JSON-LD with W3C PROV-O and
// schema.org terms, and N-Quads taken from the store's own dump, labels
// included. Export runs a selection and writes it in one call, for the
// command line.
package export
