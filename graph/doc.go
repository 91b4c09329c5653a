// Package graph is claimgraph's domain: the documents an analyst reads, the
// claims they carry, the sources that assert those claims, the entities they
// name, the accounts each source gives of an event, the events that gather
// those accounts across documents, and the links, conflicts and judgements
// that relate them.
//
// The package holds data types, identifiers and the error vocabulary only.
// It depends on no storage or transport: the cayley store lives in
// graph/cayleystore, extraction in graph/extract, the gazetteer in
// graph/gazetteer and cross-referencing in graph/xref; the HTTP API in api.
//
// Vocabulary, as an analyst uses it:
//
//   - A Document is one letter, report, statement or briefing as received.
//   - A Claim is one assertion in a document, with its exact text and span.
//     The document carries it; its Speaker (a Source) asserts it. In "the
//     Observatory said 22 were killed", the Observatory is the speaker and
//     the wire report the carrier.
//   - An Entity is a state, government, army, armed group, organisation,
//     outlet, monitor, person or place, with aliases across spellings.
//   - An Account is what one speaker in one document says about one event:
//     its type, date, place, perpetrator and figures, each with its span.
//   - An Event gathers the accounts, across documents, that describe the
//     same happening. It has no single death toll: it has the values its
//     accounts give, and the conflicts between them.
//
// Spans are offsets in Unicode code points (not bytes) into the document's
// normalised text, half open: [start, end).
package graph
