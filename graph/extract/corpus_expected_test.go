package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

type expectedFigure struct {
	Value *float64 `json:"value"`
	Bound string   `json:"bound"`
}

type expectedAccount struct {
	Document    string          `json:"document"`
	AssertedBy  string          `json:"asserted_by"`
	Perpetrator string          `json:"perpetrator"`
	Killed      *expectedFigure `json:"killed"`
	Injured     *expectedFigure `json:"injured"`
	Stance      string          `json:"stance"`
	Disputes    string          `json:"disputes"`
}

type expectedFile struct {
	Events []struct {
		Key      string                `json:"key"`
		Type     string                `json:"type"`
		Date     json.RawMessage       `json:"date"`
		Place    struct{ Name string } `json:"place"`
		Accounts []expectedAccount     `json:"accounts"`
	} `json:"events"`
	Letter struct {
		Document    string `json:"document"`
		Symbol      string `json:"symbol"`
		Author      string `json:"author"`
		AddressedTo string `json:"addressed_to"`
	} `json:"letter"`
}

// extractCorpus extracts every document of a corpus folder, keyed by file.
func extractCorpus(t testing.TB, dir string) map[string]*graph.Extraction {
	t.Helper()
	x := New(nil)
	out := map[string]*graph.Extraction{}
	for _, m := range loadManifest(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, m.File))
		if err != nil {
			t.Fatalf("read %s: %v", m.File, err)
		}
		ex, err := x.Extract(m.input(string(b)))
		if err != nil {
			t.Fatalf("extract %s: %v", m.File, err)
		}
		out[m.File] = ex
	}
	return out
}

func figureMatches(want *expectedFigure, attr string, vals []graph.Value) bool {
	for _, v := range vals {
		if v.Attribute != attr || string(v.Bound) != want.Bound {
			continue
		}
		if want.Value == nil && v.Value == nil || want.Value != nil && v.Value != nil && *want.Value == *v.Value {
			return true
		}
	}
	return false
}

// TestCorpusExpected checks every account of examples/corpus/expected.json
// against what extraction computes from the texts and the manifest.
func TestCorpusExpected(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpusDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	docs := extractCorpus(t, corpusDir)
	g := gazetteer.Default()
	for _, ev := range exp.Events {
		places := g.Lookup(ev.Place.Name)
		for _, ea := range ev.Accounts {
			ex := docs[ea.Document]
			if ex == nil {
				t.Errorf("%s: no extraction for %s", ev.Key, ea.Document)
				continue
			}
			m := newMatcher(g, ex)
			var found *graph.Account
			var why []string
			for i := range ex.Accounts {
				a := &ex.Accounts[i]
				if !m.match(ea.AssertedBy, a.Speaker, "") {
					continue
				}
				var miss []string
				// A denial may be about the whole city the event is in.
				if a.Place == nil || len(places) == 0 || !m.placeMatch(places[0].Name, a.Place.Entity) && !(ea.Stance == "disputes" && g.Within(places[0].ID, a.Place.Entity.ID)) {
					miss = append(miss, "place")
				}
				if ea.Perpetrator != "" && (a.Perpetrator == nil || a.Perpetrator.Polarity != graph.Affirmed || !m.match(ea.Perpetrator, a.Perpetrator.Entity, a.Perpetrator.Text)) {
					miss = append(miss, "perpetrator")
				}
				if ea.Stance == "disputes" && strings.HasPrefix(ea.Disputes, "perpetrator = ") {
					who := strings.TrimPrefix(ea.Disputes, "perpetrator = ")
					if a.Polarity != graph.Denied || a.Perpetrator == nil || a.Perpetrator.Polarity != graph.Denied || !m.match(who, a.Perpetrator.Entity, a.Perpetrator.Text) {
						miss = append(miss, "denied perpetrator")
					}
				}
				if ea.Killed != nil && !figureMatches(ea.Killed, "killed", a.Values) {
					miss = append(miss, "killed")
				}
				if ea.Injured != nil && !figureMatches(ea.Injured, "injured", a.Values) {
					miss = append(miss, "injured")
				}
				if ev.Key == "qusur-strike" && ea.Stance == "" && (a.Date == nil || a.Date.From != "2017-10-23" || a.Date.To != "2017-10-23") {
					miss = append(miss, "date")
				}
				if len(miss) == 0 {
					found = a
					break
				}
				why = append(why, string(a.Type)+": "+strings.Join(miss, ", "))
			}
			if found == nil {
				t.Errorf("%s / %s / %s: no matching account (candidates by speaker: %v)", ev.Key, ea.Document, ea.AssertedBy, why)
			}
		}
	}
	// The letter's own facts.
	letter := docs[exp.Letter.Document]
	m := newMatcher(g, letter)
	if letter.Document.Symbol != exp.Letter.Symbol {
		t.Errorf("letter symbol %q, want %q", letter.Document.Symbol, exp.Letter.Symbol)
	}
	if letter.Document.AuthorEntity == nil || !m.match(exp.Letter.Author, *letter.Document.AuthorEntity, "") {
		t.Errorf("letter author entity %+v, want %s", letter.Document.AuthorEntity, exp.Letter.Author)
	}
	addressed := false
	for _, a := range letter.Document.AddressedTo {
		if strings.Contains(a, exp.Letter.AddressedTo) {
			addressed = true
		}
	}
	if !addressed {
		t.Errorf("letter addressed to %v, want %s", letter.Document.AddressedTo, exp.Letter.AddressedTo)
	}
	// The letter's Qusur account is placed in Qusur itself, within Dayr al-Zawr.
	qusur, dayr := g.Lookup("Qusur")[0], g.Lookup("Dayr al-Zawr")[0]
	ok := false
	for _, a := range letter.Accounts {
		if a.Type == graph.EventAirstrike && a.Place != nil && a.Place.Entity.ID == qusur.ID && g.Within(qusur.ID, dayr.ID) {
			ok = true
		}
	}
	if !ok {
		t.Errorf("letter: no airstrike account placed in Qusur")
	}
	// The safe exit claim.
	ok = false
	for _, a := range letter.Accounts {
		if a.Type == graph.EventEvacuation && a.Perpetrator != nil && m.match("international coalition", a.Perpetrator.Entity, "") {
			ok = true
		}
	}
	if !ok {
		t.Errorf("letter: no evacuation (safe exit) account by the coalition")
	}
}

// TestWireSpeakers checks the wire report's three speakers and the
// spokesman's denial.
func TestWireSpeakers(t *testing.T) {
	ex := extractCorpus(t, corpusDir)["wire-2017-10-24.txt"]
	m := newMatcher(gazetteer.Default(), ex)
	want := []struct {
		label string
		neg   bool
	}{
		{"Syrian Observatory for Human Rights", false},
		{"anonymous government source", false},
		{"Ryan Dillon", true},
	}
	for _, w := range want {
		n, denial := 0, false
		for _, c := range ex.Claims {
			if c.Kind == graph.ClaimMetadata || !m.match(w.label, c.Speaker, "") {
				continue
			}
			if w.label == "Syrian Observatory for Human Rights" && c.Speaker.Kind != graph.KindMonitor {
				continue
			}
			n++
			if !c.Reported {
				t.Errorf("%s: claim %q not marked reported", w.label, c.Text)
			}
			if c.Polarity == graph.Denied {
				denial = true
			}
		}
		if n == 0 {
			t.Errorf("no claims by %s", w.label)
		}
		if denial != w.neg {
			t.Errorf("%s: denial %v, want %v", w.label, denial, w.neg)
		}
	}
	for _, c := range ex.Claims {
		if c.Speaker.Kind == graph.KindAnonymous && c.Speaker.Name == "government source" {
			e := findEntity(ex, c.Speaker.ID)
			gov := gazetteer.Default().Lookup("Government of the Syrian Arab Republic")[0]
			if e == nil || e.Affiliation == nil || *e.Affiliation != gov.ID || e.Scope == nil || *e.Scope != ex.Document.ID {
				t.Errorf("government source entity %+v: want scoped to the document, affiliated with the Syrian government", e)
			}
		}
	}
}

func findEntity(x *graph.Extraction, id interface{ String() string }) *graph.Entity {
	for i := range x.Entities {
		if x.Entities[i].ID.String() == id.String() {
			return &x.Entities[i]
		}
	}
	return nil
}
