package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Test fixtures name entities, documents, accounts and claims by short keys;
// tid turns a key into a stable id.
func tid(key string) uuid.UUID {
	if key == "" {
		return uuid.Nil
	}
	return uuid.NewSHA1(graph.Namespace, []byte("xref-test:"+key))
}

type fxEntity struct {
	Key         string           `json:"key"`
	Name        string           `json:"name"`
	Kind        graph.EntityKind `json:"kind"`
	PlaceType   string           `json:"place_type"`
	Within      string           `json:"within"`
	Affiliation string           `json:"affiliation"`
	Gazetteer   bool             `json:"gazetteer"`
	Keys        []string         `json:"keys"`
	Lat         *float64         `json:"lat"`
	Lon         *float64         `json:"lon"`
}

type fxValue struct {
	Attribute string      `json:"attribute"`
	Value     *float64    `json:"value"`
	Bound     graph.Bound `json:"bound"`
	Min       *float64    `json:"min"`
	Who       string      `json:"who"`
	Unit      string      `json:"unit"`
	Text      string      `json:"text"`
}

type fxAccount struct {
	Key       string          `json:"key"`
	Doc       string          `json:"doc"`
	Published string          `json:"published"`
	NotBefore string          `json:"not_before"`
	Speaker   string          `json:"speaker"`
	Type      graph.EventType `json:"type"`
	TypeText  string          `json:"type_text"`
	Date      string          `json:"date"`
	DateText  string          `json:"date_text"`
	Context   string          `json:"context_place"`
	// Within is the place the account's document puts its place in
	// (Account.PlaceWithin).
	Within    string         `json:"place_within"`
	DateTo    string         `json:"date_to"`
	Precision string         `json:"precision"`
	Place     string         `json:"place"`
	Perp      string         `json:"perp"`
	PerpPol   graph.Polarity `json:"perp_polarity"`
	// CoPerps are further parties named as carrying it out (or, with
	// polarity negative, cleared).
	CoPerps []struct {
		Key      string         `json:"key"`
		Polarity graph.Polarity `json:"polarity"`
	} `json:"co_perps"`
	Polarity graph.Polarity `json:"polarity"`
	Values   []fxValue      `json:"values"`
	Claims   []fxClaim      `json:"claims"`
}

type fxClaim struct {
	Key      string         `json:"key"`
	Text     string         `json:"text"`
	Polarity graph.Polarity `json:"polarity"`
	Values   []fxValue      `json:"values"`
	// Places are the entities the claim names (its mentions), by key.
	Places []string `json:"places"`
}

type fixture struct {
	Entities []fxEntity  `json:"entities"`
	Accounts []fxAccount `json:"accounts"`
}

func (f fixture) world() *World {
	var es []graph.Entity
	for _, e := range f.Entities {
		ge := graph.Entity{ID: tid(e.Key), Name: e.Name, Kind: e.Kind, PlaceType: e.PlaceType, Gazetteer: e.Gazetteer, Keys: e.Keys, Lat: e.Lat, Lon: e.Lon}
		if e.Within != "" {
			id := tid(e.Within)
			ge.Within = &id
		}
		if e.Affiliation != "" {
			id := tid(e.Affiliation)
			ge.Affiliation = &id
		}
		es = append(es, ge)
	}
	return NewWorld(nil, es...)
}

func (f fixture) ref(w *World, key string) graph.EntityRef {
	id := tid(key)
	e, ok := w.Entity(id)
	if !ok {
		return graph.EntityRef{ID: id, Name: key}
	}
	return e.Ref()
}

func values(in []fxValue) []graph.Value {
	var out []graph.Value
	for _, v := range in {
		b := v.Bound
		if b == "" {
			b = graph.BoundExact
		}
		out = append(out, graph.Value{Attribute: v.Attribute, Value: v.Value, Bound: b, Min: v.Min, Who: v.Who, Unit: v.Unit, Text: v.Text})
	}
	return out
}

// accounts builds the fixture's accounts and their claims. An account with
// no claims listed gets one claim carrying its values.
func (f fixture) accounts(t *testing.T, w *World) ([]graph.Account, map[uuid.UUID]graph.Claim) {
	t.Helper()
	claims := map[uuid.UUID]graph.Claim{}
	var out []graph.Account
	for _, a := range f.Accounts {
		ga := graph.Account{
			ID:         tid("account:" + a.Key),
			DocumentID: tid("doc:" + a.Doc),
			Published:  a.Published,
			NotBefore:  a.NotBefore,
			Speaker:    f.ref(w, a.Speaker),
			Type:       a.Type,
			TypeText:   a.TypeText,
			Polarity:   a.Polarity,
			Values:     values(a.Values),
		}
		if ga.Polarity == "" {
			ga.Polarity = graph.Affirmed
		}
		if a.Date != "" {
			to := a.DateTo
			if to == "" {
				to = a.Date
			}
			p := graph.DatePrecision(a.Precision)
			if p == "" {
				p = graph.PrecisionDay
			}
			ga.Date = &graph.Date{From: a.Date, To: to, Precision: p, Text: a.DateText}
		}
		if a.Within != "" {
			id := f.ref(w, a.Within).ID
			ga.PlaceWithin = &id
		}
		if a.Context != "" {
			id := f.ref(w, a.Context).ID
			ga.ContextPlace = &id
		}
		if a.Place != "" {
			ga.Place = &graph.PlaceRef{Entity: f.ref(w, a.Place), Text: a.Place}
		}
		if a.Perp != "" {
			pol := a.PerpPol
			if pol == "" {
				pol = graph.Affirmed
			}
			ga.Perpetrator = &graph.Attribution{Entity: f.ref(w, a.Perp), Polarity: pol, Text: a.Perp}
		}
		for _, cp := range a.CoPerps {
			pol := cp.Polarity
			if pol == "" {
				pol = graph.Affirmed
			}
			ga.CoPerpetrators = append(ga.CoPerpetrators, graph.Attribution{Entity: f.ref(w, cp.Key), Polarity: pol, Text: cp.Key})
		}
		cs := a.Claims
		if len(cs) == 0 {
			cs = []fxClaim{{Key: a.Key, Text: a.Key, Values: a.Values, Polarity: ga.Polarity}}
		}
		for i, c := range cs {
			pol := c.Polarity
			if pol == "" {
				pol = graph.Affirmed
			}
			gc := graph.Claim{
				ID:         tid("claim:" + c.Key),
				DocumentID: ga.DocumentID,
				Text:       c.Text,
				Span:       graph.Span{Start: i * 100, End: i*100 + len([]rune(c.Text))},
				Speaker:    ga.Speaker,
				Polarity:   pol,
				Kind:       graph.ClaimFact,
				Values:     values(c.Values),
				Accounts:   []uuid.UUID{ga.ID},
			}
			for _, p := range c.Places {
				gc.Mentions = append(gc.Mentions, graph.Mention{Entity: f.ref(w, p), Text: p, Span: gc.Span})
			}
			claims[gc.ID] = gc
			ga.Claims = append(ga.Claims, gc.ID)
		}
		out = append(out, ga)
	}
	// As ingestion does (PrepareAccounts), an account placed only in a
	// governorate reads the one place inside it its document tells of.
	docs := map[uuid.UUID][]int{}
	for i, a := range out {
		docs[a.DocumentID] = append(docs[a.DocumentID], i)
	}
	for _, idx := range docs {
		x := &graph.Extraction{}
		for _, i := range idx {
			x.Accounts = append(x.Accounts, out[i])
		}
		for j, i := range idx {
			if p := innerPlace(x, j, w); p != uuid.Nil {
				out[i].InnerPlace = &p
			}
		}
	}
	return out, claims
}

func loadFixture(t *testing.T, path string) (fixture, *World, []graph.Account, map[uuid.UUID]graph.Claim) {
	t.Helper()
	var f fixture
	readJSON(t, path, &f)
	w := f.world()
	accs, claims := f.accounts(t, w)
	return f, w, accs, claims
}

func byKey(t *testing.T, accs []graph.Account, key string) graph.Account {
	t.Helper()
	id := tid("account:" + key)
	for _, a := range accs {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no account %q in fixture", key)
	return graph.Account{}
}

// keyedAccounts returns the fixture's accounts of the keys, in that
// order, each with its blocking keys computed, as ingestion stores them.
func keyedAccounts(t *testing.T, accs []graph.Account, w *World, keys ...string) []graph.Account {
	t.Helper()
	out := make([]graph.Account, 0, len(keys))
	for _, k := range keys {
		a := byKey(t, accs, k)
		a.Keys = Keys(a, w)
		out = append(out, a)
	}
	return out
}
