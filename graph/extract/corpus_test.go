package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

const corpusDir = "../../examples/corpus"

// manifestDoc is one entry of a corpus manifest.
type manifestDoc struct {
	File        string           `json:"file"`
	Symbol      string           `json:"symbol"`
	Kind        string           `json:"kind"`
	Title       string           `json:"title"`
	Author      string           `json:"author"`
	OnBehalfOf  string           `json:"on_behalf_of"`
	AddressedTo graph.StringList `json:"addressed_to"`
	Date        *string          `json:"date"`
	Language    string           `json:"language"`
}

func (m manifestDoc) input(text string) graph.DocumentInput {
	in := graph.DocumentInput{Text: text, Title: m.Title, Symbol: m.Symbol, Kind: m.Kind, Author: m.Author, OnBehalfOf: m.OnBehalfOf, AddressedTo: m.AddressedTo, Language: m.Language, File: m.File}
	if m.Date != nil {
		in.Date = *m.Date
	}
	return in
}

func loadManifest(t testing.TB, dir string) []manifestDoc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	var m struct {
		Documents []manifestDoc `json:"documents"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("decode manifest: %v", err)
	}
	return m.Documents
}
