package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// TestDocumentPlaceBeside checks that a place a document names once in
// passing, beside the place it speaks of, does not take that place away
// (a field stormed "from the direction of" hills 25 km off), while two
// places named as often, or one far off, still leave the document without
// one place.
func TestDocumentPlaceBeside(t *testing.T) {
	f := fixture{Entities: []fxEntity{
		{Key: "syria", Name: "Syria", Kind: graph.KindPlace, PlaceType: "country", Gazetteer: true},
		{Key: "gov", Name: "Desert Governorate", Kind: graph.KindPlace, PlaceType: "governorate", Within: "syria", Gazetteer: true},
		{Key: "field", Name: "Wadi Zaid gas field", Kind: graph.KindPlace, PlaceType: "landmark", Within: "gov", Gazetteer: true, Lat: ptr(34.80), Lon: ptr(37.80)},
		{Key: "hills", Name: "Tulul Hamra", Kind: graph.KindPlace, PlaceType: "village", Within: "gov", Gazetteer: true, Lat: ptr(34.72), Lon: ptr(38.05)},
		{Key: "far", Name: "Bir Nasr", Kind: graph.KindPlace, PlaceType: "town", Within: "gov", Gazetteer: true, Lat: ptr(35.60), Lon: ptr(38.90)},
		{Key: "unlocated", Name: "Khirbet Amud", Kind: graph.KindPlace, PlaceType: "village", Within: "gov", Gazetteer: true},
	}}
	w := f.world()
	doc := func(mentions ...string) *graph.Extraction {
		x := &graph.Extraction{Accounts: []graph.Account{{ID: tid("acc"), Type: graph.EventAttack}}}
		for _, m := range mentions {
			x.Claims = append(x.Claims, graph.Claim{Mentions: []graph.Mention{{Entity: graph.EntityRef{ID: tid(m)}}}})
		}
		return x
	}
	cases := []struct {
		name     string
		mentions []string
		want     uuid.UUID
	}{
		{"field and its governorate", []string{"field", "gov"}, tid("field")},
		{"hills named once beside the field named twice", []string{"field", "field", "hills", "gov"}, tid("field")},
		{"hills named as often as the field", []string{"field", "hills"}, uuid.Nil},
		{"a town 110 km off named once", []string{"field", "field", "far"}, uuid.Nil},
		{"a place without coordinates named once", []string{"field", "field", "unlocated"}, uuid.Nil},
	}
	for _, c := range cases {
		if got := documentPlace(doc(c.mentions...), w); got != c.want {
			t.Errorf("%s: documentPlace = %s (%s), want %s (%s)", c.name, got, w.Name(got), c.want, w.Name(c.want))
		}
	}
}

func ptr(v float64) *float64 { return &v }

// TestInnerPlace checks which accounts placed only in a governorate read
// one place inside it from their document (testdata/match11.json), and
// that PrepareAccounts sets it as ingestion stores it.
func TestInnerPlace(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/match11.json")
	want := map[string]string{"wire-denial": "bridge", "two-denial": "", "raids": "", "wire-strike": "", "raids-town": ""}
	for key, place := range want {
		a := byKey(t, accs, key)
		got := uuid.Nil
		if a.InnerPlace != nil {
			got = *a.InnerPlace
		}
		if exp := uuid.Nil; place != "" && got != tid(place) || place == "" && got != exp {
			t.Errorf("%s: inner place %v, want %q", key, got, place)
		}
	}
	x := &graph.Extraction{Document: graph.Document{Date: "2020-06-05"}}
	for _, k := range []string{"wire-denial", "wire-strike"} {
		a := byKey(t, accs, k)
		a.InnerPlace = nil
		x.Accounts = append(x.Accounts, a)
	}
	PrepareAccounts(x, w)
	if p := x.Accounts[0].InnerPlace; p == nil || *p != tid("bridge") {
		t.Errorf("PrepareAccounts: denial's inner place %v, want the town", p)
	}
	if x.Accounts[1].InnerPlace != nil {
		t.Errorf("PrepareAccounts: a town's account got an inner place")
	}
}

// TestAccountsPlace checks which accounts of a lasting happening told
// without a place read the one place their document's placed accounts
// name (testdata/match12.json), as PrepareAccounts sets it, and what
// they then match.
func TestAccountsPlace(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/match12.json")
	var spec struct {
		Context map[string]string `json:"context"`
		matchCases
	}
	readJSON(t, "testdata/match12.json", &spec)
	prepared := prepareByDocument(accs, nil, w, func(a *graph.Account) { a.ContextPlace = nil })
	checkPlaceField(t, "read at", spec.Context, prepared, func(a graph.Account) *uuid.UUID { return a.ContextPlace })
	testMatchCases(t, spec.matchCases, prepared, w)
	// Blocking meets what Match accepts: the keys PrepareAccounts gives
	// the campaign read at the town share one with the town's campaign.
	blockingMeetsMatch(t, spec.matchCases, prepared, w)
}

// TestEvacuationOrigin checks which evacuation accounts PrepareAccounts
// reads at the town their document tells of the evacuation leaving
// (testdata/match13.json), what they then match, that blocking meets
// what Match accepts, and that the journey's two ends are no conflict of
// place.
func TestEvacuationOrigin(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/match13.json")
	var spec struct {
		Origin map[string]string `json:"origin"`
		matchCases
	}
	readJSON(t, "testdata/match13.json", &spec)
	prepared := prepareByDocument(accs, nil, w, func(a *graph.Account) { a.Origin = nil })
	checkPlaceField(t, "origin", spec.Origin, prepared, func(a graph.Account) *uuid.UUID { return a.Origin })
	testMatchCases(t, spec.matchCases, prepared, w)
	blockingMeetsMatch(t, spec.matchCases, prepared, w)
	ends := []graph.Account{byKey(t, prepared, "relief-left"), byKey(t, prepared, "relief-arrived"), byKey(t, prepared, "relief-received"), byKey(t, prepared, "mon-qasab")}
	if c := placeConflict(ends, claims, w); Conflicting(c) {
		t.Errorf("an evacuation's two ends are a conflict of place: %+v", c.Groups)
	}
	// An evacuation's two sides are no conflict of blame; a capture's
	// two captors are.
	if c := perpetratorConflict([]graph.Account{byKey(t, prepared, "agency-buses"), byKey(t, prepared, "mon-jisr-army")}, claims, w); Conflicting(c) {
		t.Errorf("an evacuation's two sides are a conflict of perpetrator: %+v", c.Groups)
	}
	if c := perpetratorConflict([]graph.Account{byKey(t, prepared, "agency-capture"), byKey(t, prepared, "mon-jisr-capture")}, claims, w); !Conflicting(c) {
		t.Errorf("a capture's two captors: no conflict of perpetrator")
	}
	// Without the origin, the destination's place is another place.
	if c := placeConflict([]graph.Account{byKey(t, prepared, "mon-wadi"), byKey(t, prepared, "mon-qasab")}, claims, w); !Conflicting(c) {
		t.Errorf("two towns' evacuations: no conflict of place")
	}
}

// prepareByDocument groups fixture accounts into their documents, in the
// order the documents first appear, clears with reset what PrepareAccounts
// sets, and prepares each document's accounts as ingest does.
func prepareByDocument(accs []graph.Account, claims map[uuid.UUID]graph.Claim, w *World, reset func(*graph.Account)) []graph.Account {
	docs := map[uuid.UUID]*graph.Extraction{}
	var order []uuid.UUID
	for _, a := range accs {
		if docs[a.DocumentID] == nil {
			docs[a.DocumentID] = &graph.Extraction{Document: graph.Document{ID: a.DocumentID, Date: a.Published}}
			order = append(order, a.DocumentID)
		}
		// With claims, each document carries its accounts' claims, as
		// PrepareAccounts reads them for what a sentence names.
		for _, id := range a.Claims {
			if c, ok := claims[id]; ok {
				docs[a.DocumentID].Claims = append(docs[a.DocumentID].Claims, c)
			}
		}
		reset(&a)
		docs[a.DocumentID].Accounts = append(docs[a.DocumentID].Accounts, a)
	}
	var prepared []graph.Account
	for _, id := range order {
		x := docs[id]
		PrepareAccounts(x, w)
		prepared = append(prepared, x.Accounts...)
	}
	return prepared
}

// blockingMeetsMatch fails when two accounts a case says match share no
// blocking key.
func blockingMeetsMatch(t *testing.T, mc matchCases, prepared []graph.Account, w *World) {
	t.Helper()
	for _, p := range mc.Pairs {
		if a, b := byKey(t, prepared, p.A), byKey(t, prepared, p.B); p.OK && !Candidates(a, b, w) {
			t.Errorf("%s and %s match but share no key: %q / %q", p.A, p.B, a.Keys, b.Keys)
		}
	}
}

// checkPlaceField fails when a prepared account's place field (what field
// returns) is not the fixture place want names for its key, or is set
// where want gives "".
func checkPlaceField(t *testing.T, what string, want map[string]string, prepared []graph.Account, field func(graph.Account) *uuid.UUID) {
	t.Helper()
	for key, place := range want {
		got := uuid.Nil
		if p := field(byKey(t, prepared, key)); p != nil {
			got = *p
		}
		if place != "" && got != tid(place) || place == "" && got != uuid.Nil {
			t.Errorf("%s: %s %v, want %q", key, what, got, place)
		}
	}
}
