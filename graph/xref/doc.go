// Package xref cross-references accounts across documents: it says which
// accounts describe the same event, where they agree and conflict, how
// independent the agreeing sources are, and where each claim came from.
//
// The package is built in two layers.
//
// Pure functions, testable alone with hand-built accounts:
//
//   - Interval and Compatible give the meaning of a figure's bound
//     ("at least 22", "more than 20", "about 30", "thousands") and say
//     whether two figures can both be true.
//   - Keys computes blocking keys: any two accounts that could describe
//     the same event share at least one key, so candidates are found by
//     key lookup, never by scanning the graph.
//   - Match scores a pair of accounts and explains the score; Resolve
//     groups accounts into events (connected components over Match, with
//     "clearly different" pairs kept apart and analyst merge and split
//     judgements respected), whatever order the accounts arrive in.
//   - Conflicts lists every value each attribute is given, grouped into
//     compatible sets, with revisions by the same source set apart.
//   - Links computes stance links between claims (corroborates, disputes,
//     revises, repeats); Grade rates an event and each allegation of
//     responsibility on the Airwars scale, counting independent groups of
//     sources only; Sources, Timeline and Provenance lay out who said what,
//     when, and where a claim first appeared.
//
// The Engine applies them to a store: Plan turns a new document's
// extraction into one batch (keys, event assignments, merged and deleted
// events, links), touching only the candidates its keys reach; Judge and
// Revoke turn an analyst's judgement (merge, split, grade, deprecate,
// credibility, reliability, link) or its revocation into one batch that
// records it and carries its effects; Rebuild computes events and links
// from scratch, and RebuildStore makes a store hold exactly that. Every
// event record carries its Contested score (Contestedness) so lists can
// sort by it.
//
// Weak evidence counts, but only with support: a place the gazetteer
// cannot locate may lie in a larger area (Relate), two spellings of such
// a place are one place, a report that gives no date of its own is
// recent news of an event up to ReportingDelay days before it, and an
// account that names no place is read in its document's context. A
// source's figures in one document that its highest figure rules out (a
// total's parts, an update) are never in conflict with it. An account
// naming no place, in a document whose accounts name none, is read in
// the one place its document's claims speak of (Account.ContextPlace),
// on a report of the same few days. A "last week" read from the calendar
// runs on to the report's date; a bomb set off on the ground (a car bomb,
// a suicide bomber) is never an air strike. A place the gazetteer lacks
// lies in the place its document puts it in, in so many words ("a village
// of X commune", "which lies in X territory", "Y, X district",
// "on the outskirts of X": Account.PlaceWithin), and is keyed there too;
// two spellings of one short skeleton that their documents put in one
// governorate are perhaps one place.
//
// testdata/dev holds the development documents the matching rules are
// tuned on; testdata/heldout and testdata/heldout2 are only measured
// (TestHeldout, TestHeldout2); TestDiagnose (XREF_DIAG=1) counts the
// causes of the first held-out set's misses without showing its text.
// testdata/weak.json and testdata/match4.json hold rule cases.
//
// Entities are looked up through a World: the gazetteer's entities with,
// layered over them, the entities documents bring (anonymous sources with
// their affiliation, places the gazetteer lacks).
package xref
