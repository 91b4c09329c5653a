package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// ManifestEntry is one document's line in manifest.json: the metadata a
// caller gives on ingest, with "date": null for undated documents, as in
// examples/corpus/manifest.json.
type ManifestEntry struct {
	File        string   `json:"file"`
	Symbol      string   `json:"symbol,omitempty"`
	Kind        string   `json:"kind"`
	Title       string   `json:"title"`
	Author      string   `json:"author"`
	OnBehalfOf  string   `json:"on_behalf_of,omitempty"`
	AddressedTo []string `json:"addressed_to,omitempty"`
	Date        *string  `json:"date"`
	Language    string   `json:"language"`
}

// Manifest is a corpus folder's manifest.json.
type Manifest struct {
	About     string          `json:"about"`
	Documents []ManifestEntry `json:"documents"`
}

// Entry is d's manifest entry.
func (d Document) Entry() ManifestEntry {
	in := d.Input
	m := ManifestEntry{File: d.File, Symbol: in.Symbol, Kind: in.Kind, Title: in.Title, Author: in.Author,
		OnBehalfOf: in.OnBehalfOf, AddressedTo: in.AddressedTo, Language: in.Language}
	if in.Date != "" {
		date := in.Date
		m.Date = &date
	}
	return m
}

// Write generates the corpus of opt into dir (created if missing): one
// .txt file per document and a manifest.json. progress, if not nil, is
// told after each document. It returns the number of documents written.
func Write(dir string, opt Options, progress func(done, total int)) (int, error) {
	gen, err := New(opt)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", dir, err)
	}
	man := Manifest{
		About: fmt.Sprintf("Synthetic corpus made by claimgraph gen: %d documents about %d invented events, seed %d. "+
			"Places, parties and sources come from the shipped gazetteer; events, figures and wording are invented.",
			opt.Docs, len(gen.Events()), opt.Seed),
		Documents: make([]ManifestEntry, 0, opt.Docs),
	}
	n := 0
	for d, ok := gen.Next(); ok; d, ok = gen.Next() {
		if err := os.WriteFile(filepath.Join(dir, d.File), []byte(d.Input.Text+"\n"), 0o644); err != nil {
			return n, fmt.Errorf("write %s: %w", d.File, err)
		}
		man.Documents = append(man.Documents, d.Entry())
		n++
		if progress != nil {
			progress(n, opt.Docs)
		}
	}
	f, err := os.Create(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return n, fmt.Errorf("write manifest: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(man); err != nil {
		f.Close()
		return n, fmt.Errorf("write manifest: %w", err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return n, fmt.Errorf("write manifest: %w", err)
	}
	if err := f.Close(); err != nil {
		return n, fmt.Errorf("write manifest: %w", err)
	}
	return n, nil
}
