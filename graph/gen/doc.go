// Package gen generates synthetic corpora for claimgraph's benchmarks and
// scale tests: letters, wire reports, statements, monitor reports and local
// digests about a pool of invented events, written the way the example
// corpus is written, so that the extractor finds their speakers, figures,
// places, dates and perpetrators.
//
// Events take their places (neighbourhoods, towns and cities, with every
// spelling variant the gazetteer lists), perpetrators and sources from the
// shipped gazetteer; dates fall between 2012 and 2020; tolls are given with
// every bound the model knows (exact, at least, more than, about, no more
// than, fewer than, and unspecified magnitudes such as "dozens"). Several
// documents tell of each event, so accounts overlap, corroborate, conflict
// (different tolls, different perpetrators, denials) and revise each other
// (a monitor's later, higher count). How many documents an event gets is
// skewed: a few events are told by many documents (a few dozen at most),
// most by a few, and the pool grows with the corpus, so events are as large
// in a corpus of 100,000 documents as in one of 1,000.
//
// A Generator is deterministic: the same Options give the same documents,
// byte for byte, in the same order. Documents are produced one at a time
// (Next), so a corpus of any size needs no more memory than its largest
// document plus a hash per document (texts are kept distinct, since a
// document's identity is its text).
package gen
