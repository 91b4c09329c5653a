package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

func readCases(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "rules", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// allValues returns the figures of every non-metadata claim.
func allValues(x *graph.Extraction) []graph.Value {
	var out []graph.Value
	for _, c := range x.Claims {
		if c.Kind != graph.ClaimMetadata {
			out = append(out, c.Values...)
		}
	}
	return out
}

func TestFigures(t *testing.T) {
	var cs struct {
		Cases []struct {
			Text   string `json:"text"`
			Values []struct {
				Attribute string   `json:"attribute"`
				Value     *float64 `json:"value"`
				Bound     string   `json:"bound"`
				Who       *string  `json:"who"`
				Unit      string   `json:"unit"`
				Text      string   `json:"text"`
				Min       *float64 `json:"min"`
				Max       *float64 `json:"max"`
			} `json:"values"`
		} `json:"cases"`
	}
	readCases(t, "figures.json", &cs)
	x := New(nil)
	for _, c := range cs.Cases {
		ex, err := x.Extract(graph.DocumentInput{Text: c.Text, Date: "2018-01-10"})
		if err != nil {
			t.Fatalf("%q: %v", c.Text, err)
		}
		got := allValues(ex)
		if len(got) != len(c.Values) {
			t.Errorf("%q: %d values, want %d: %+v", c.Text, len(got), len(c.Values), got)
			continue
		}
		for i, w := range c.Values {
			g := got[i]
			ok := g.Attribute == w.Attribute && string(g.Bound) == w.Bound && g.Text == w.Text &&
				(w.Value == nil) == (g.Value == nil) && (w.Value == nil || *w.Value == *g.Value) &&
				(w.Who == nil || *w.Who == g.Who) && (w.Unit == "" || w.Unit == g.Unit) &&
				(w.Min == nil || g.Min != nil && *g.Min == *w.Min) && (w.Max == nil || g.Max != nil && *g.Max == *w.Max)
			if !ok {
				t.Errorf("%q value %d: got %s (who %q, unit %q), want %+v", c.Text, i, valueString(g), g.Who, g.Unit, w)
			}
			if runeSlice(ex.Document.Text, g.Span) != g.Text {
				t.Errorf("%q: span %v does not hold %q", c.Text, g.Span, g.Text)
			}
		}
	}
}

func TestDates(t *testing.T) {
	var cs struct {
		Cases []struct {
			Text    string `json:"text"`
			DocDate string `json:"doc_date"`
			Dates   []struct {
				From, To, Precision, Text string
				Relative                  bool
			} `json:"dates"`
		} `json:"cases"`
	}
	readCases(t, "dates.json", &cs)
	x := New(nil)
	for _, c := range cs.Cases {
		ex, err := x.Extract(graph.DocumentInput{Text: c.Text, Date: c.DocDate})
		if err != nil {
			t.Fatalf("%q: %v", c.Text, err)
		}
		var got []graph.Date
		for _, cl := range ex.Claims {
			got = append(got, cl.Dates...)
		}
		if len(got) != len(c.Dates) {
			t.Errorf("%q: %d dates, want %d: %+v", c.Text, len(got), len(c.Dates), got)
			continue
		}
		for i, w := range c.Dates {
			g := got[i]
			if g.From != w.From || g.To != w.To || string(g.Precision) != w.Precision || g.Text != w.Text || g.Relative != w.Relative {
				t.Errorf("%q date %d: got %s, want %+v", c.Text, i, dateString(g)+" relative="+boolStr(g.Relative), w)
			}
			if runeSlice(ex.Document.Text, g.Span) != g.Text {
				t.Errorf("%q: span %v does not hold %q", c.Text, g.Span, g.Text)
			}
		}
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestSpeakers(t *testing.T) {
	var cs struct {
		Cases []struct {
			Name, Author, Date, Text string
			Claims                   []struct {
				Speaker  string `json:"speaker"`
				Reported bool   `json:"reported"`
				Polarity string `json:"polarity"`
				Kind     string `json:"kind"`
			} `json:"claims"`
		} `json:"cases"`
	}
	readCases(t, "speakers.json", &cs)
	x := New(nil)
	g := gazetteer.Default()
	for _, c := range cs.Cases {
		ex, err := x.Extract(graph.DocumentInput{Text: c.Text, Author: c.Author, Date: c.Date})
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		m := newMatcher(g, ex)
		var got []graph.Claim
		for _, cl := range ex.Claims {
			if cl.Kind != graph.ClaimMetadata {
				got = append(got, cl)
			}
		}
		if len(got) != len(c.Claims) {
			for _, cl := range got {
				t.Logf("  %q by %s", cl.Text, cl.Speaker.Name)
			}
			t.Errorf("%s: %d claims, want %d", c.Name, len(got), len(c.Claims))
			continue
		}
		for i, w := range c.Claims {
			cl := got[i]
			var ok bool
			switch {
			case w.Speaker == "author":
				ok = ex.Document.AuthorEntity != nil && cl.Speaker.ID == ex.Document.AuthorEntity.ID
			case strings.HasPrefix(w.Speaker, "anonymous: "):
				ok = m.match("anonymous "+strings.TrimPrefix(w.Speaker, "anonymous: "), cl.Speaker, "")
			case strings.HasPrefix(w.Speaker, "for: "):
				// A named person who speaks for the organisation: not the
				// organisation itself, but affiliated with it.
				org := gazetteer.FoldKey(strings.TrimPrefix(w.Speaker, "for: "))
				if e := m.entity(cl.Speaker.ID); e != nil && e.Kind == graph.KindPerson && e.Affiliation != nil {
					if a := m.entity(*e.Affiliation); a != nil {
						ok = gazetteer.FoldKey(a.Name) == org
					}
				}
			default:
				// A gazetteer name is that entity; another name matches as
				// the evaluation matches it (skeleton or fold key).
				want := g.Lookup(w.Speaker)
				ok = len(want) > 0 && want[0].ID == cl.Speaker.ID || len(want) == 0 && m.match(w.Speaker, cl.Speaker, "")
			}
			if !ok {
				t.Errorf("%s: claim %q: speaker %s, want %s", c.Name, cl.Text, refString(cl.Speaker), w.Speaker)
			}
			if cl.Reported != w.Reported || string(cl.Polarity) != w.Polarity || string(cl.Kind) != w.Kind {
				t.Errorf("%s: claim %q: reported %v polarity %s kind %s, want %v %s %s", c.Name, cl.Text, cl.Reported, cl.Polarity, cl.Kind, w.Reported, w.Polarity, w.Kind)
			}
		}
	}
}

func TestAccounts(t *testing.T) {
	var cs struct {
		Cases []struct {
			Name, Author, Date, Text string
			Accounts                 []struct {
				Type         string   `json:"type"`
				Place        string   `json:"place"`
				Perpetrators []string `json:"perpetrators"`
				Negative     bool     `json:"negative"`
				// Date, when given, is the account's date as
				// "from..to", or "none" for an undated account.
				Date string `json:"date"`
				// Killed, when given, are the texts of the account's
				// killed values, in order.
				Killed []string `json:"killed"`
			} `json:"accounts"`
		} `json:"cases"`
	}
	readCases(t, "accounts.json", &cs)
	x := New(nil)
	g := gazetteer.Default()
	for _, c := range cs.Cases {
		ex, err := x.Extract(graph.DocumentInput{Text: c.Text, Author: c.Author, Date: c.Date})
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		checkInvariants(t, ex)
		m := newMatcher(g, ex)
		if len(ex.Accounts) != len(c.Accounts) {
			t.Errorf("%s: %d accounts, want %d", c.Name, len(ex.Accounts), len(c.Accounts))
			continue
		}
		for i, w := range c.Accounts {
			a := ex.Accounts[i]
			if string(a.Type) != w.Type {
				t.Errorf("%s: type %s, want %s", c.Name, a.Type, w.Type)
			}
			if w.Place != "" && (a.Place == nil || !placeIs(g, ex, w.Place, a.Place.Entity)) {
				t.Errorf("%s: place %+v, want %s", c.Name, a.Place, w.Place)
			}
			if w.Date != "" {
				got := "none"
				if a.Date != nil {
					got = a.Date.From + ".." + a.Date.To
				}
				if got != w.Date {
					t.Errorf("%s: date %s, want %s", c.Name, got, w.Date)
				}
			}
			if (a.Polarity == graph.Denied) != w.Negative {
				t.Errorf("%s: polarity %s", c.Name, a.Polarity)
			}
			if w.Killed != nil {
				var got []string
				for _, v := range a.Values {
					if v.Attribute == "killed" {
						got = append(got, v.Text)
					}
				}
				if strings.Join(got, "|") != strings.Join(w.Killed, "|") {
					t.Errorf("%s: account %d killed %q, want %q", c.Name, i, got, w.Killed)
				}
			}
			all := append([]graph.Attribution(nil), a.CoPerpetrators...)
			if a.Perpetrator != nil {
				all = append([]graph.Attribution{*a.Perpetrator}, all...)
			}
			if len(all) != len(w.Perpetrators) {
				t.Errorf("%s: %d perpetrators %+v, want %v", c.Name, len(all), all, w.Perpetrators)
				continue
			}
			for _, wp := range w.Perpetrators {
				pol := graph.Affirmed
				if strings.HasPrefix(wp, "!") {
					pol, wp = graph.Denied, wp[1:]
				}
				found := false
				for _, p := range all {
					if p.Polarity == pol && m.match(wp, p.Entity, p.Text) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: no perpetrator %s (%s) among %+v", c.Name, wp, pol, all)
				}
			}
		}
	}
}

func TestKinds(t *testing.T) {
	var cs struct {
		Cases []struct {
			Text, Caller, Kind string
		} `json:"cases"`
	}
	readCases(t, "kinds.json", &cs)
	x := New(nil)
	for _, c := range cs.Cases {
		ex, err := x.Extract(graph.DocumentInput{Text: c.Text, Kind: c.Caller})
		if err != nil {
			t.Fatalf("%q: %v", c.Text, err)
		}
		if ex.Document.Kind != c.Kind {
			t.Errorf("%q: kind %q, want %q", c.Text, ex.Document.Kind, c.Kind)
		}
	}
}

// TestKindsCorpus infers the kind of every corpus and development
// document from its text alone: never a kind the manifest contradicts, and
// a kind for most of them.
func TestKindsCorpus(t *testing.T) {
	same := map[string]string{"broadcast report": "news report"}
	x := New(nil)
	n, inferred := 0, 0
	for _, dir := range []string{corpusDir, devDir} {
		for _, m := range loadManifest(t, dir) {
			b, err := os.ReadFile(filepath.Join(dir, m.File))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := x.Extract(graph.DocumentInput{Text: string(b)})
			if err != nil {
				t.Fatalf("%s: %v", m.File, err)
			}
			n++
			got := ex.Document.Kind
			if got == "" {
				continue
			}
			inferred++
			if got != m.Kind && same[m.Kind] != got {
				t.Errorf("%s: kind %q, manifest says %q", m.File, got, m.Kind)
			}
		}
	}
	if inferred*10 < n*8 {
		t.Errorf("kind inferred for %d of %d documents, want 80%%", inferred, n)
	}
}

func TestPlaces(t *testing.T) {
	var cs struct {
		Cases []struct {
			Date, Text string
			Places     [][2]string `json:"places"`
		} `json:"cases"`
	}
	readCases(t, "places.json", &cs)
	x := New(nil)
	g := gazetteer.Default()
	for _, c := range cs.Cases {
		ex, err := x.Extract(graph.DocumentInput{Text: c.Text, Date: c.Date})
		if err != nil {
			t.Fatalf("%q: %v", c.Text, err)
		}
		var got [][2]string
		for _, cl := range ex.Claims {
			if cl.Kind == graph.ClaimMetadata {
				continue
			}
			for _, m := range cl.Mentions {
				if e, ok := g.Entity(m.Entity.ID); m.Entity.Kind != graph.KindPlace || ok && e.PlaceType == "country" {
					continue
				}
				got = append(got, [2]string{m.Text, m.Entity.Name})
				if runeSlice(ex.Document.Text, m.Span) != m.Text {
					t.Errorf("%q: span %v does not hold %q", c.Text, m.Span, m.Text)
				}
			}
		}
		if len(got) != len(c.Places) {
			t.Errorf("%q: places %v, want %v", c.Text, got, c.Places)
			continue
		}
		for i, w := range c.Places {
			if got[i][0] != w[0] || !samePlace(g, w[1], graph.EntityRef{Name: got[i][1], ID: placeID(ex, got[i])}) {
				t.Errorf("%q: place %d is %v, want %v", c.Text, i, got[i], w)
			}
		}
	}
}

// placeID finds the entity id of a mention found as (text, name).
func placeID(ex *graph.Extraction, tn [2]string) uuid.UUID {
	for _, e := range ex.Entities {
		if e.Name == tn[1] && e.Kind == graph.KindPlace {
			return e.ID
		}
	}
	return uuid.Nil
}

// TestCityQuarters checks that a quarter named with its city ("the
// al-Zahraa neighbourhood of Homs", or "the al-Zahra district" in a
// sentence about Homs) is a place inside that city, one entity however it
// is spelled, not the gazetteer's homonym elsewhere (the town of al-Zahraa
// near Aleppo); and that a quarter the gazetteer places in the city stays
// the gazetteer's.
func TestCityQuarters(t *testing.T) {
	g := gazetteer.Default()
	homs := g.Lookup("Homs")
	var city *graph.Entity
	for _, e := range homs {
		if e.PlaceType == "city" {
			city = e
		}
	}
	if city == nil {
		t.Fatal("no city of Homs in the gazetteer")
	}
	x := New(nil)
	var ids []uuid.UUID
	for _, text := range []string{
		"Mortar shells fell on the al-Zahraa neighbourhood of Homs on Tuesday, wounding four people.",
		"Rebels claimed the Homs bombing, in which two car bombs hit the al-Zahra district on Tuesday.",
	} {
		ex, err := x.Extract(graph.DocumentInput{Text: text, Date: "2016-02-24"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range ex.Claims {
			for _, m := range c.Mentions {
				if !strings.HasPrefix(m.Text, "al-Zahra") {
					continue
				}
				found = true
				var e *graph.Entity
				for i := range ex.Entities {
					if ex.Entities[i].ID == m.Entity.ID {
						e = &ex.Entities[i]
					}
				}
				if e == nil || e.Within == nil || *e.Within != city.ID {
					t.Errorf("%q: %s is %+v, want a place within %s", text, m.Text, e, city.Name)
				}
				ids = append(ids, m.Entity.ID)
			}
		}
		if !found {
			t.Errorf("%q: no al-Zahraa mention", text)
		}
	}
	if len(ids) == 2 && ids[0] != ids[1] {
		t.Errorf("the two spellings are two entities: %v", ids)
	}
}

// placeIs is samePlace for the rule cases, where "X in Y" names a place the
// gazetteer lacks (or has elsewhere) inside the gazetteer's city Y: "the
// Hamidiyah district of Hama" is a quarter of Hama, not the neighbourhood
// of that name in Dayr al-Zawr.
func placeIs(g *gazetteer.Gazetteer, ex *graph.Extraction, want string, ref graph.EntityRef) bool {
	name, in, ok := strings.Cut(want, " in ")
	if !ok {
		return samePlace(g, want, ref)
	}
	if gazetteer.Skeleton(name) != gazetteer.Skeleton(ref.Name) {
		return false
	}
	for _, e := range ex.Entities {
		if e.ID != ref.ID || e.Within == nil {
			continue
		}
		for _, c := range g.Lookup(in) {
			if c.ID == *e.Within {
				return true
			}
		}
	}
	return false
}
