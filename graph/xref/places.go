package xref

import (
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// PlaceRelation says how two places relate.
type PlaceRelation int

const (
	// PlacesDisjoint: neither place can lie in the other (two places of
	// the gazetteer's tree on different branches, or two places a
	// document names that share no spelling).
	PlacesDisjoint PlaceRelation = iota
	// PlacesSame: one place, or two spellings of one name the gazetteer
	// lacks ("Kafr Nabudah", "Kafranbouda").
	PlacesSame
	// PlacesNested: one place lies within the other.
	PlacesNested
	// PlacesMaybeNested: a place the gazetteer lacks, whose enclosing
	// place is unknown, and a larger area (a city, district, region or
	// governorate): the first may lie in the second.
	PlacesMaybeNested
	// PlacesMaybeSame: two places the gazetteer lacks whose names share
	// only a short transliteration skeleton ("Atarib", "Atareb": "atrb"):
	// perhaps one place, perhaps two. Like PlacesMaybeNested, it is weak
	// evidence that counts only with a close date.
	PlacesMaybeSame
)

// placeRank orders place types by size; a place the gazetteer lacks and
// whose type is unknown ranks as a town.
var placeRank = map[string]int{
	"landmark": 1, "airbase": 1, "camp": 1, "neighbourhood": 1, "building": 1,
	"village": 2,
	"town":    3, "": 3,
	"city":     4,
	"district": 5, "subdistrict": 5,
	"region":      6,
	"governorate": 7, "province": 7,
	"country": 8,
}

func rankOf(e graph.Entity) int {
	if r, ok := placeRank[e.PlaceType]; ok {
		return r
	}
	return 3
}

// MinSpellingKey is the least length of a shared name key (a
// transliteration skeleton) that makes two places the gazetteer lacks
// one place: shorter skeletons collide.
const MinSpellingKey = 5

// MinWeakSpellingKey is the least length of a shared name key that makes
// two places the gazetteer lacks perhaps one place (PlacesMaybeSame).
const MinWeakSpellingKey = 4

// unplaced reports whether the world knows nothing of what encloses place
// id: it is not in the gazetteer and names no enclosing place.
func (w *World) unplaced(id uuid.UUID) (graph.Entity, bool) {
	e, ok := w.Entity(id)
	if !ok {
		return graph.Entity{ID: id}, true
	}
	return e, !e.Gazetteer && e.Within == nil
}

// spelling says how two places outside the gazetteer relate by name
// alone, from their name keys (entity Keys hold each name's fold key and
// transliteration skeleton): the same place when they share a key of at
// least MinSpellingKey letters, perhaps one (PlacesMaybeSame) when they
// share one of MinWeakSpellingKey letters ("Atarib", "Atareb": "atrb"),
// or one of three letters and their names are close spellings ("Hazano",
// "Hazanu"; not "Busra", "Basir"); otherwise disjoint. (A name extraction
// did not take for a gazetteer place is not one, whatever its skeleton.)
func (w *World) spelling(a, b uuid.UUID) PlaceRelation {
	ea, oka := w.Entity(a)
	eb, okb := w.Entity(b)
	if !oka || !okb || ea.Gazetteer || eb.Gazetteer {
		return PlacesDisjoint
	}
	longest := 0
	for _, ka := range ea.Keys {
		if len(ka) <= longest {
			continue
		}
		for _, kb := range eb.Keys {
			if ka == kb {
				longest = len(ka)
				break
			}
		}
	}
	switch {
	case longest >= MinSpellingKey:
		return PlacesSame
	case longest >= MinWeakSpellingKey, longest >= 3 && gazetteer.Close(ea.Name, eb.Name):
		return PlacesMaybeSame
	}
	return PlacesDisjoint
}

// Relate says how places a and b relate: the same, nested, possibly
// nested (a place the gazetteer lacks and a larger area), or disjoint.
func (w *World) Relate(a, b uuid.UUID) PlaceRelation {
	switch {
	case a == b:
		return PlacesSame
	case w.Within(a, b) || w.Within(b, a):
		return PlacesNested
	}
	if r := w.spelling(a, b); r != PlacesDisjoint {
		return r
	}
	ea, ua := w.unplaced(a)
	eb, ub := w.unplaced(b)
	switch {
	case ua && !ub && rankOf(eb) > rankOf(ea) && !vaguePlace(eb.PlaceType):
		return PlacesMaybeNested
	case ub && !ua && rankOf(ea) > rankOf(eb) && !vaguePlace(ea.PlaceType):
		return PlacesMaybeNested
	}
	return PlacesDisjoint
}

// compatiblePlaces reports whether two places can be the place of one
// event: anything but disjoint.
func (w *World) compatiblePlaces(a, b uuid.UUID) bool { return w.Relate(a, b) != PlacesDisjoint }

// area reports whether a place is large enough to hold places the
// gazetteer lacks (a city or larger, below country level).
func area(e graph.Entity) bool {
	return rankOf(e) >= placeRank["city"] && !vaguePlace(e.PlaceType) && e.PlaceType != ""
}

// documentPlace is the place a document speaks of when none of its
// accounts names a usable one: the most specific of the gazetteer places
// below country level its claims mention, when every other lies on its
// line of the hierarchy (a town and its governorate); uuid.Nil when the
// claims mention none, or two places on different branches, or when an
// account of the document names a place (its accounts then speak for
// themselves, and an account without a place is read beside them).
func documentPlace(x *graph.Extraction, w *World) uuid.UUID {
	for _, a := range x.Accounts {
		if len(placeFamily(a, w)) > 0 {
			return uuid.Nil
		}
	}
	seen := map[uuid.UUID]bool{}
	var places []uuid.UUID
	for _, c := range x.Claims {
		for _, m := range c.Mentions {
			id := m.Entity.ID
			if seen[id] {
				continue
			}
			seen[id] = true
			e, ok := w.Entity(id)
			if !ok || !e.Gazetteer || e.Kind != graph.KindPlace || vague(&e, w) {
				continue
			}
			places = append(places, id)
		}
	}
	best := uuid.Nil
	for _, p := range places {
		if best == uuid.Nil || w.Within(p, best) {
			best = p
		}
	}
	for _, p := range places {
		if p != best && !w.Within(best, p) {
			return uuid.Nil
		}
	}
	return best
}

// contextFamily is placeFamily of the place an account's document speaks
// of (Account.ContextPlace), for an account naming none of its own.
func contextFamily(a graph.Account, w *World) []uuid.UUID {
	if a.ContextPlace == nil || len(placeFamily(a, w)) > 0 {
		return nil
	}
	id := *a.ContextPlace
	e, ok := w.Entity(id)
	if !ok || vague(&e, w) {
		return nil
	}
	out := []uuid.UUID{id}
	for _, anc := range w.Ancestors(id) {
		if vague(&anc, w) {
			break
		}
		out = append(out, anc.ID)
	}
	return out
}
