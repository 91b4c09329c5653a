package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// TestPlaceWithinFromText checks, on texts read by the real extractor,
// that a village the gazetteer lacks, which its document puts in a
// district it lacks too ("Beit Hadir village in Wadi Amlah district"), is
// read as lying there (Account.PlaceWithin), so that an account placed in
// the district on the same day is of the same happening; and that a
// village merely named beside a district ("Beit Hadir and Wadi Amlah") is
// not.
func TestPlaceWithinFromText(t *testing.T) {
	g := gazetteer.Default()
	ex := extract.New(g)
	read := func(text, date string) *graph.Extraction {
		t.Helper()
		x, err := ex.Extract(graph.DocumentInput{Text: text, Date: date, Author: "news agency"})
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	monitor := read("Aircraft struck a wedding in Beit Hadir village in Wadi Amlah district on Sunday night, killing 21 civilians, villagers said.", "2018-04-24")
	agency := read("Aircraft struck Wadi Amlah district on Sunday night, killing 33 people, the health office said.", "2018-04-23")
	listed := read("Shells hit Beit Hadir and Wadi Amlah on Sunday, killing two farmers, residents said.", "2018-04-24")
	w := NewWorld(g)
	for _, x := range []*graph.Extraction{monitor, agency, listed} {
		w = w.With(x.Entities...)
	}
	for _, x := range []*graph.Extraction{monitor, agency, listed} {
		PrepareAccounts(x, w)
		if len(x.Accounts) != 1 {
			t.Fatalf("%q: %d accounts, want 1", x.Claims[0].Text, len(x.Accounts))
		}
	}
	a, b := monitor.Accounts[0], agency.Accounts[0]
	if a.Place == nil || b.Place == nil {
		t.Fatalf("places %v, %v", a.Place, b.Place)
	}
	if a.PlaceWithin == nil || *a.PlaceWithin != b.Place.Entity.ID {
		t.Fatalf("the monitor's %s: PlaceWithin %v, want %s (%s)", a.Place.Text, a.PlaceWithin, b.Place.Entity.ID, b.Place.Text)
	}
	if v := match(a, b, w); !v.ok || v.different {
		t.Errorf("the village in the district and the district on one day: match %v (%q), want the same event", v.ok, v.reasons)
	}
	if l := listed.Accounts[0]; l.PlaceWithin != nil {
		t.Errorf("%q: PlaceWithin %v, want none: a list puts no place inside another", listed.Claims[0].Text, *l.PlaceWithin)
	}
}
