package xref

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// withinText builds a one-claim extraction from text whose place names are
// set in brackets ("[Tallowford], a hamlet of [Brackmere] commune"), the
// first the account's place; every place is one the gazetteer lacks.
func withinText(t *testing.T, text string) (*graph.Extraction, *World, map[string]uuid.UUID) {
	t.Helper()
	ids := map[string]uuid.UUID{}
	var ents []graph.Entity
	var ms []graph.Mention
	var plain []rune
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '[' {
			plain = append(plain, rs[i])
			continue
		}
		j := i + 1
		for j < len(rs) && rs[j] != ']' {
			j++
		}
		name := string(rs[i+1 : j])
		id, ok := ids[name]
		if !ok {
			id = uuid.NewSHA1(uuid.NameSpaceURL, []byte("placewords:"+name))
			ids[name] = id
			ents = append(ents, graph.Entity{ID: id, Name: name, Kind: graph.KindPlace, PlaceType: "village"})
		}
		start := len(plain)
		plain = append(plain, rs[i+1:j]...)
		ms = append(ms, graph.Mention{Entity: graph.EntityRef{ID: id, Name: name, Kind: graph.KindPlace}, Text: name, Span: graph.Span{Start: start, End: len(plain)}})
		i = j
	}
	if len(ms) == 0 {
		t.Fatalf("%q names no place", text)
	}
	c := graph.Claim{ID: uuid.New(), Text: string(plain), Span: graph.Span{Start: 0, End: len(plain)}, Mentions: ms}
	first := ms[0]
	x := &graph.Extraction{
		Claims:   []graph.Claim{c},
		Entities: ents,
		Accounts: []graph.Account{{ID: uuid.New(), Type: graph.EventAttack, Place: &graph.PlaceRef{Entity: first.Entity, Text: first.Text, Span: first.Span}, Claims: []uuid.UUID{c.ID}}},
	}
	return x, NewWorld(nil).With(ents...), ids
}

// TestPlaceWithinWords checks the words that put a place the gazetteer
// lacks inside the next place its sentence names (Account.PlaceWithin):
// a kind and "of" or "in", a clause ("which lies in"), a part of a place
// ("on the southern outskirts of", "in the east of"), a State's
// possessive, and a comma or a bracket before a place named with its kind
// ("Tallowford, Brackmere district", "Tallowford (Brackmere commune)");
// and the words that do not: a bearing ("north of", "12 km west of"), a
// list ("Tallowford, Brackmere and Oxley"), a journey ("to").
func TestPlaceWithinWords(t *testing.T) {
	holds := []string{
		"Gunmen raided [Tallowford] village in [Brackmere] district on Sunday.",
		"Gunmen raided [Tallowford], a hamlet of [Brackmere] commune, on Sunday.",
		"Gunmen raided an army post at [Tallowford], in the commune of [Brackmere], on Sunday.",
		"Gunmen raided an army post at [Tallowford] ([Brackmere] commune) on Sunday.",
		"Gunmen raided the site at [Tallowford], which lies in [Brackmere] territory ([Oxley] province).",
		"Shells hit the [Tallowford] camp on the southern outskirts of [Brackmere] on Sunday.",
		"Shells hit the [Tallowford] camp for displaced persons, on the western edge of [Brackmere], on Sunday.",
		"Gunmen raided [Tallowford], [Brackmere] district, on Sunday.",
		"Gunmen raided [Tallowford] hamlet, [Brackmere] Local Government Area, on Sunday.",
		"Shells hit [Tallowford], in the east of [Brackmere] city, on Sunday.",
		"Shells hit [Tallowford], in the eastern countryside of [Brackmere], on Sunday.",
		"Shells hit [Tallowford] in the northern [Brackmere] countryside on Sunday.",
		"Shells hit the [Tallowford] neighbourhood of [Brackmere] on Sunday.",
		"Shells hit [Tallowford] (ٹالوفورڈ), [Brackmere] district, on Sunday.",
		"Shells hit the village of [Tallowford], in Eastland's [Brackmere] province, on Sunday.",
	}
	for _, text := range holds {
		x, w, ids := withinText(t, text)
		if got := placeWithin(x, 0, w); got != ids["Brackmere"] {
			t.Errorf("%q: PlaceWithin %q, want Brackmere", text, w.Name(got))
		}
	}
	apart := []string{
		"Gunmen raided [Tallowford], north of [Brackmere], on Sunday.",
		"Gunmen raided [Tallowford], a town 12 km west of [Brackmere], on Sunday.",
		"Gunmen raided [Tallowford], [Brackmere] and [Oxley] on Sunday.",
		"Gunmen raided [Tallowford] and [Brackmere] district on Sunday.",
		"Families fled [Tallowford] to [Brackmere] district on Sunday.",
		"Gunmen raided [Tallowford], [Brackmere], on Sunday.",
		"Gunmen raided [Tallowford] near [Brackmere] town on Sunday.",
		"Gunmen raided [Tallowford]; [Brackmere] district was calm.",
	}
	for _, text := range apart {
		x, w, _ := withinText(t, text)
		if got := placeWithin(x, 0, w); got != uuid.Nil {
			t.Errorf("%q: PlaceWithin %q, want none", text, w.Name(got))
		}
	}
	// Two claims naming two holders, one inside the other: the lesser.
	x, w, ids := withinText(t, "Gunmen raided [Tallowford], which lies in [Brackmere] territory, on Sunday.")
	y, _, _ := withinText(t, "[Tallowford], [Oxley] province, was calm on Monday.")
	w = w.With(graph.Entity{ID: ids["Brackmere"], Name: "Brackmere", Kind: graph.KindPlace, PlaceType: "district", Within: idPtr(y.Entities[1].ID)}, y.Entities[1])
	c := y.Claims[0]
	c.Span = graph.Span{Start: 1000, End: 1000 + len([]rune(c.Text))}
	for i := range c.Mentions {
		c.Mentions[i].Span.Start += 1000
		c.Mentions[i].Span.End += 1000
	}
	x.Claims = append(x.Claims, c)
	if got := placeWithin(x, 0, w); got != ids["Brackmere"] {
		t.Errorf("%q: PlaceWithin %q, want Brackmere, the lesser holder", strings.Join([]string{x.Claims[0].Text, c.Text}, " "), w.Name(got))
	}
}

func idPtr(v uuid.UUID) *uuid.UUID { return &v }
