package xref

import (
	"slices"
	"strings"
	"unicode"

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
	// PlacesNear: two places the gazetteer knows, neither in the other,
	// the lesser beside a town or a city of the same area (countryside):
	// a report placing an event at the city may mean the lesser. Neither
	// evidence for one happening nor against it: the pair is not matched
	// on it, but not kept apart either, as a place the gazetteer lacks
	// and the city are not.
	PlacesNear
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
// least MinSpellingKey letters or have one name (gazetteer.SameName:
// "Dulbeh", "Dulba"), perhaps one (PlacesMaybeSame) when they share a key
// of MinWeakSpellingKey letters ("Atarib", "Atareb": "atrb"), or one of
// two or three letters and their names are close spellings ("Hazano",
// "Hazanu"; "Haas", "Hass"; not "Busra", "Basir", nor "Tass", "Tus");
// otherwise disjoint. (A name extraction did not take for a gazetteer
// place is not one, whatever its skeleton.)
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
	case longest >= MinSpellingKey, gazetteer.SameName(ea.Name, eb.Name):
		return PlacesSame
	case longest >= MinWeakSpellingKey, longest >= 2 && gazetteer.Close(ea.Name, eb.Name):
		return PlacesMaybeSame
	case guttural(ea.Keys, eb.Keys):
		return PlacesMaybeSame
	case qualifiedPlace(ea.Name, eb.Name), qualifiedPlace(eb.Name, ea.Name):
		return PlacesMaybeSame
	}
	return PlacesDisjoint
}

// qualifiedPlace reports whether place name long is place name short with
// words after it that name a part of the place or its kind: a village's
// quarter by its people ("Ogossagou-Peul" of Ogossagou, "Kalaba Dogon" of
// Kalaba), an area named after its seat ("Wadi Amla Local Government
// Area" of "Wadi Amlah": the leading words' PlaceKey, its last word's
// ending read as the short name's is). The shorter name's key needs
// MinSpellingKey letters: "Kafr" is no place "Kafr Nabl" is part of.
func qualifiedPlace(long, short string) bool {
	s := gazetteer.PlaceKey(short)
	return len(s) >= MinSpellingKey && slices.Contains(leadingNames(long), s)
}

// leadingNames returns the keys of the places a place name may be a part
// of (qualifiedPlace): the PlaceKeys of its leading words, of
// MinSpellingKey letters or more ("ogossagou" of "Ogossagou-Peul").
func leadingNames(name string) []string {
	words := strings.Fields(gazetteer.FoldKey(name))
	var out []string
	for i := 1; i < len(words); i++ {
		if k := gazetteer.PlaceKey(strings.Join(words[:i], " ")); len(k) >= MinSpellingKey && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// guttural reports whether two places' keys are one once "kh" and "h" are
// read alike (skeletons write them x and h): Arabic's ḥ is "h" in most
// English spellings and "kh" in Russian ones ("Haritan", "Khreytan"), so
// the two spellings make perhaps one place, at MinWeakSpellingKey letters
// or more.
func guttural(a, b []string) bool {
	for _, ka := range a {
		if len(ka) < MinWeakSpellingKey || !strings.ContainsAny(ka, "xh") {
			continue
		}
		fa := strings.ReplaceAll(ka, "x", "h")
		for _, kb := range b {
			if len(kb) == len(ka) && kb != ka && strings.ReplaceAll(kb, "x", "h") == fa {
				return true
			}
		}
	}
	return false
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
	case !ua && !ub && (w.countryside(ea, eb) || w.countryside(eb, ea)):
		return PlacesNear
	}
	return PlacesDisjoint
}

// CountrysideKm is the reach of a city's name: reports place what happens
// in its countryside, tens of kilometres out, "in" or "near" the city (an
// air base east of Aleppo, a town on the Euphrates near Hilla).
const CountrysideKm = 60

// countryside reports whether known place small may be what a report
// placing an event at known place large means: large a town or a city,
// small a lesser place (a village, an air base, a field, a town near a
// city) beside it, not inside it as the gazetteer knows it, within
// NearKm of a town or CountrysideKm of a city and inside the area that
// holds large (PlacesNear). A place the gazetteer lacks may lie in any
// larger area (PlacesMaybeNested); a place it knows must not be kept
// apart from a city by being known better, only by being far. Both
// places need the gazetteer's coordinates.
func (w *World) countryside(large, small graph.Entity) bool {
	rl, rs := rankOf(large), rankOf(small)
	if rl < placeRank["town"] || rl > placeRank["city"] || rs >= rl || large.Within == nil {
		return false
	}
	if large.Lat == nil || large.Lon == nil || small.Lat == nil || small.Lon == nil {
		return false
	}
	reach := float64(NearKm)
	if rl == placeRank["city"] {
		reach = CountrysideKm
	}
	return w.Within(small.ID, *large.Within) && gazetteer.DistanceKm(*large.Lat, *large.Lon, *small.Lat, *small.Lon) <= reach
}

// compatiblePlaces reports whether two places can be the place of one
// event: anything but disjoint.
func (w *World) compatiblePlaces(a, b uuid.UUID) bool { return w.Relate(a, b) != PlacesDisjoint }

// area reports whether a place is large enough to hold places the
// gazetteer lacks (a city or larger, below country level).
func area(e graph.Entity) bool {
	return rankOf(e) >= placeRank["city"] && !vaguePlace(e.PlaceType) && e.PlaceType != ""
}

// holder reports whether a place the world locates, no area, may hold a
// place the gazetteer lacks (PlacesMaybeNested): a town holds villages
// and neighbourhoods, a village its quarters.
func holder(e graph.Entity) bool {
	return !area(e) && rankOf(e) > placeRank["neighbourhood"] && !vaguePlace(e.PlaceType)
}

// NearKm is the distance within which a place a document names once in
// passing is a reference point beside the place it speaks of, not another
// scene: the direction an assault came from ("from the direction of the
// Jazal hills"), the village a field lies beside. Both places need the
// gazetteer's coordinates; a village, field or town of one countryside
// lies within it, two towns of one district often do not.
const NearKm = 30

// near reports whether two places the gazetteer locates lie within NearKm
// of each other.
func near(a, b graph.Entity) bool {
	if a.Lat == nil || a.Lon == nil || b.Lat == nil || b.Lon == nil {
		return false
	}
	return gazetteer.DistanceKm(*a.Lat, *a.Lon, *b.Lat, *b.Lon) <= NearKm
}

// documentPlace is the place a document speaks of when none of its
// accounts names a usable one: the most specific of the gazetteer places
// below country level its claims mention, when every other lies on its
// line of the hierarchy (a town and its governorate) or is a reference
// point beside it: a place within NearKm that the claims mention less
// often (the village a field lies east of, the hills an assault came
// from). uuid.Nil when the claims mention none, or places on different
// branches that are not so explained, or when an account of the document
// names a place (its accounts then speak for themselves, and an account
// without a place is read beside them). Knowing a neighbouring place
// better must not take a document's place away.
func documentPlace(x *graph.Extraction, w *World) uuid.UUID {
	for _, a := range x.Accounts {
		if len(placeFamily(a, w)) > 0 {
			return uuid.Nil
		}
	}
	count := map[uuid.UUID]int{}
	var places []graph.Entity
	for _, c := range x.Claims {
		for _, m := range c.Mentions {
			id := m.Entity.ID
			if n, seen := count[id]; seen {
				if n > 0 {
					count[id]++
				}
				continue
			}
			count[id] = 0
			e, ok := w.Entity(id)
			if !ok || !e.Gazetteer || e.Kind != graph.KindPlace || vague(&e, w) {
				continue
			}
			count[id] = 1
			places = append(places, e)
		}
	}
	// explains reports whether candidate p accounts for place q: on its
	// line, or a reference point beside it.
	explains := func(p, q graph.Entity) bool {
		return p.ID == q.ID || w.Within(p.ID, q.ID) || w.Within(q.ID, p.ID) || near(p, q) && count[q.ID] < count[p.ID]
	}
	// The place is the most specific: a candidate holds none of the
	// others (a governorate holding two towns is not the place of a
	// document about both).
	best := uuid.Nil
	for _, p := range places {
		ok := true
		for _, q := range places {
			if !explains(p, q) || q.ID != p.ID && w.Within(q.ID, p.ID) {
				ok = false
				break
			}
		}
		if ok {
			if best != uuid.Nil {
				return uuid.Nil
			}
			best = p.ID
		}
	}
	return best
}

// accountsPlace is the place of the happening that lasts (a bombing
// campaign, destruction, a siege, an evacuation) told without a place by
// account i of x, when every other account of its document that names a
// place names one place, however spelt: a monitor's "air strikes have
// killed 299 civilians", beside its capture of the town. It is weak
// evidence, as Account.ContextPlace is (documentPlace): it counts with a
// close date. uuid.Nil for an account of a day's happening or a massacre
// (a strike elsewhere is told beside a town's capture as often), an
// account with a place of its own, a document placing its accounts at two
// places, or at a governorate or wider.
func accountsPlace(x *graph.Extraction, i int, w *World) uuid.UUID {
	a := x.Accounts[i]
	if len(placeFamily(a, w)) > 0 || ofADay(a.Type) || a.Type == "" || a.Type == graph.EventMassacre {
		return uuid.Nil
	}
	place := uuid.Nil
	for j, b := range x.Accounts {
		if j == i {
			continue
		}
		pb := placeFamily(b, w)
		if len(pb) == 0 {
			continue
		}
		if e, ok := w.Entity(pb[0]); !ok || rankOf(e) >= wideRank {
			return uuid.Nil
		}
		switch {
		case place == uuid.Nil:
			place = pb[0]
		case w.Relate(place, pb[0]) == PlacesSame:
		default:
			return uuid.Nil
		}
	}
	return place
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

// wideRank is the least place rank (a region) at which an account's
// place says only where a happening was among many: a governorate's or
// a region's.
var wideRank = placeRank["region"]

// innerPlace is the place inside a governorate or a region at which
// account i of x, placed only there, happened as its document tells it:
// the one place inside it (the same place however spelt) at which the
// document's other accounts of a compatible type on its day (or, when
// it gives no date, on theirs) are placed. A wire report on a strike on
// a town closing on "the allegation that the air force killed 19
// civilians in Idlib Governorate was false" denies the town's strike,
// not another of that day in the governorate. uuid.Nil when the account
// is not of a happening of a day (a campaign across the governorate is
// of the governorate), spans more than DayKeyMaxDays, or its document
// tells of no such account inside the place or of two places.
func innerPlace(x *graph.Extraction, i int, w *World) uuid.UUID {
	a := x.Accounts[i]
	pa := placeFamily(a, w)
	if len(pa) == 0 || !ofADay(a.Type) {
		return uuid.Nil
	}
	if e, ok := w.Entity(pa[0]); !ok || rankOf(e) < wideRank {
		return uuid.Nil
	}
	af, at, dated := dateRange(a.Date)
	if dated && int(at.Sub(af)/day)+1 > DayKeyMaxDays {
		return uuid.Nil
	}
	inner := uuid.Nil
	for j, b := range x.Accounts {
		if j == i || TypeAffinity(a.Type, b.Type) == 0 {
			continue
		}
		pb := placeFamily(b, w)
		if len(pb) == 0 || pb[0] == pa[0] || !w.Within(pb[0], pa[0]) {
			continue
		}
		if e, ok := w.Entity(pb[0]); !ok || rankOf(e) >= wideRank {
			continue
		}
		if dated && !assaultDays(a, b) {
			continue
		}
		if !dated {
			if bf, bt, ok := dateRange(b.Date); !ok || int(bt.Sub(bf)/day)+1 > DayKeyMaxDays {
				continue
			}
		}
		switch {
		case inner == uuid.Nil:
			inner = pb[0]
		case w.Relate(inner, pb[0]) == PlacesSame:
		default:
			return uuid.Nil
		}
	}
	return inner
}

// matchFamily is placeFamily as Match compares it: an account placed
// only in a governorate or a region whose document tells of its
// happening at one place inside it (Account.InnerPlace) is at that place.
func matchFamily(a graph.Account, w *World) []uuid.UUID {
	p := placeFamily(a, w)
	if len(p) == 0 || a.InnerPlace == nil {
		return p
	}
	id := *a.InnerPlace
	if _, ok := w.Entity(id); !ok {
		return p
	}
	return familyOf(id, w)
}

// evacuationOrigin is the town an evacuation account i of x, placed
// where its document tells of no other part of it, leaves as its
// document tells it (Account.Origin): an evacuation is a journey, and a
// report names both its ends ("4,300 people left Harasta ... and arrived
// in Idlib governorate", "the last buses left al-Rastan for Idleb", "the
// buses waited at al-Rashidin"), its accounts placed at each. The origin
// is the one town the gazetteer knows, apart from the account's place
// (neither in the other; the account's place may be one the gazetteer
// lacks, a stop on the way), at which the document places a dated account
// of a day or a few of the evacuation, of the siege it ends or of the
// capture that follows, on days within reach of the account's own (or,
// when it gives none, at which the document places a dated account of
// it). An evacuation account with a date of its own takes no origin from
// another evacuation account: a report of two evacuations of one day
// ("from Madaya; from Foua") places each at its own town. uuid.Nil when
// the document tells of no such town, or of two.
func evacuationOrigin(x *graph.Extraction, i int, w *World) uuid.UUID {
	a := x.Accounts[i]
	pa := placeFamily(a, w)
	if a.Type != graph.EventEvacuation || len(pa) == 0 {
		return uuid.Nil
	}
	short := func(d *graph.Date) bool {
		f, t, ok := dateRange(d)
		return ok && int(t.Sub(f)/day)+1 <= DayKeyMaxDays
	}
	dated := a.Date != nil
	if dated && !short(a.Date) {
		return uuid.Nil
	}
	wa, _ := eventWindow(a)
	origin := uuid.Nil
	for j, b := range x.Accounts {
		if j == i || !short(b.Date) {
			continue
		}
		switch b.Type {
		case graph.EventSiege, graph.EventCapture:
		case graph.EventEvacuation:
			if dated {
				continue
			}
		default:
			continue
		}
		pb := placeFamily(b, w)
		if len(pb) == 0 {
			continue
		}
		e, ok := w.Entity(pb[0])
		if !ok || rankOf(e) >= placeRank["district"] {
			continue
		}
		if _, unknown := w.unplaced(pb[0]); unknown || w.Relate(pa[0], pb[0]) != PlacesDisjoint {
			continue
		}
		if wb, ok := eventWindow(b); dated && (!ok || !wa.overlaps(wb)) {
			continue
		}
		switch {
		case origin == uuid.Nil:
			origin = pb[0]
		case w.Relate(origin, pb[0]) == PlacesSame:
		default:
			return uuid.Nil
		}
	}
	return origin
}

// originFamily is the place family of an evacuation account's origin
// (Account.Origin), nil for none.
func originFamily(a graph.Account, w *World) []uuid.UUID {
	if a.Origin == nil || a.Type != graph.EventEvacuation {
		return nil
	}
	if _, ok := w.Entity(*a.Origin); !ok {
		return nil
	}
	return familyOf(*a.Origin, w)
}

// fromOrigin reports whether evacuation account a's origin is place p,
// or p a place in it or around it below a district: a read at the town
// it leaves. (A governorate holds many towns' evacuations.)
func fromOrigin(a graph.Account, p uuid.UUID, w *World) bool {
	o := originFamily(a, w)
	if len(o) == 0 {
		return false
	}
	switch w.Relate(o[0], p) {
	case PlacesSame:
		return true
	case PlacesNested:
		e, ok := w.Entity(p)
		return ok && rankOf(e) < placeRank["district"]
	}
	return false
}

// placeArea is the governorate a place the gazetteer cannot locate lies
// in, as its document tells (Account.PlaceArea): the one governorate
// holding the places the gazetteer knows that the sentences naming the
// account's place name beside it ("the village of Khattab, north of Hama
// city", "Jurin in the countryside of Hama", a round-up's "IDLIB:"
// heading). Places outside any governorate (a foreign capital where a
// spokesman spoke, a country) say nothing of it. uuid.Nil for an account
// placed where the world locates, or whose sentences name places of no
// governorate, or of two ("buses from X and Ghanto reached Akhtarin").
func placeArea(x *graph.Extraction, i int, w *World) uuid.UUID {
	a := x.Accounts[i]
	if a.Place == nil || a.Place.Entity.ID == uuid.Nil {
		return uuid.Nil
	}
	if _, unknown := w.unplaced(a.Place.Entity.ID); !unknown {
		return uuid.Nil
	}
	area := uuid.Nil
	for _, c := range x.Claims {
		if c.Span.Start > a.Place.Span.Start || a.Place.Span.End > c.Span.End {
			continue
		}
		for _, m := range c.Mentions {
			if m.Entity.Kind != graph.KindPlace || m.Entity.ID == a.Place.Entity.ID {
				continue
			}
			g := governorateOf(m.Entity.ID, w)
			switch {
			case g == uuid.Nil:
			case area == uuid.Nil:
				area = g
			case area != g:
				return uuid.Nil
			}
		}
	}
	return area
}

// placeWithin is the place that holds the place of account i, a place
// the gazetteer cannot locate, as the account's document says in so many
// words (Account.PlaceWithin): in a claim naming the place, the next place
// named after it, within a few words that put the first inside the second
// (holdsText): "al-Raqah village in Bani Qais district", "Beit Sadan, a
// village in the Arhab district", "Tallowford, a hamlet of Brackmere
// commune", "at Tallowford, in the commune of Brackmere", "Tallowford
// (Brackmere commune)", "Tallowford, which lies in Brackmere territory",
// "the camp on the northern outskirts of the town", "Tallowford,
// Brackmere district" ("the al-Hadba district of Tripoli" is read by
// extraction). uuid.Nil when no claim says so, or when two claims name
// two places that hold it, neither inside the other.
func placeWithin(x *graph.Extraction, i int, w *World) uuid.UUID {
	a := x.Accounts[i]
	if a.Place == nil || a.Place.Entity.ID == uuid.Nil {
		return uuid.Nil
	}
	p := a.Place.Entity.ID
	if _, unknown := w.unplaced(p); !unknown {
		return uuid.Nil
	}
	out := uuid.Nil
	for _, c := range x.Claims {
		var text []rune
		for _, m := range c.Mentions {
			if m.Entity.ID != p {
				continue
			}
			// The next place the claim names after it.
			var next *graph.Mention
			for q := range c.Mentions {
				n := &c.Mentions[q]
				if n.Entity.Kind == graph.KindPlace && n.Entity.ID != p && n.Span.Start >= m.Span.End && (next == nil || n.Span.Start < next.Span.Start) {
					next = n
				}
			}
			if next == nil || next.Span.Start-m.Span.End > maxHoldsGap {
				continue
			}
			if text == nil {
				text = []rune(c.Text)
			}
			from, to := m.Span.End-c.Span.Start, next.Span.Start-c.Span.Start
			end := next.Span.End - c.Span.Start
			if from < 0 || end > len(text) || from > to || to > end {
				continue
			}
			after := string(text[end:min(len(text), end+40)])
			if !holdsText(string(text[from:to]), string(text[to:end]), after) {
				continue
			}
			h := next.Entity.ID
			switch {
			case out == uuid.Nil || out == h:
				out = h
			case w.Within(h, out):
				// "Tallowford, in Brackmere territory" and "Tallowford,
				// Oxley province": the lesser of two places, one inside
				// the other.
				out = h
			case w.Within(out, h):
			default:
				return uuid.Nil
			}
		}
	}
	return out
}

// maxHoldsGap is the most characters between a place and the place a
// document puts it in ("the Abu camp for displaced people, on the
// northern edge of").
const maxHoldsGap = 64

// holdsText reports whether the words between a place and the next place
// named (next, followed by after) put the first inside the second:
//   - words of kind and position ending with "in" or "within" (" village
//     in ", ", which lies in ", ", in the northern "), or with "of" after a
//     word for a kind of place or a part of one (", a village of ", ", in
//     the commune of ", " camp on the northern outskirts of ", ", in the
//     north of "), never a bearing ("north of", "km west of");
//   - a comma or a bracket, after words of kind alone, before a place
//     named with its kind ("Tallowford, Brackmere Local Government
//     Area", "Tallowford (Brackmere commune)", "Tallowford hamlet,
//     Brackmere LGA"): a list
//     of places names none with its kind.
//
// A gloss in another script between them is no word ("Tallowford
// (ٹالوفورڈ), Brackmere district"); a State's possessive is a place's
// part ("in Eastland's Brackmere department").
func holdsText(between, next, after string) bool {
	between = stripGlosses(strings.ToLower(between))
	if strings.ContainsAny(between, ";:.!?\"") {
		return false
	}
	apposition := strings.ContainsAny(between, ",(")
	words := strings.FieldsFunc(between, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '(' })
	if len(words) == 0 {
		return apposition && kindNamed(next, after)
	}
	kinded := false // a word for a kind of place or a part of one before
	for j, wd := range words {
		switch {
		case holdsFiller[wd]:
		case holdsKind[wd]:
			kinded = true
		case holdsBearing[wd]:
			// "in the north of" holds; "north of" does not.
			if j == 0 || words[j-1] != "the" {
				return false
			}
			kinded = true
		case holdsAdjective[wd]:
		case strings.HasSuffix(wd, "'s") || strings.HasSuffix(wd, "’s"):
			// "in Eastland's", "in Brackmere Region's": the whole holds
			// the part.
			if j == 0 || words[j-1] != "in" {
				return false
			}
		default:
			return false
		}
	}
	last := words[len(words)-1]
	switch {
	case last == "in" || last == "within":
		return true
	case len(words) >= 2 && words[len(words)-2] == "in" && (last == "the" || strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") || holdsAdjective[last]):
		return true
	case len(words) >= 3 && words[len(words)-3] == "in" && words[len(words)-2] == "the" && holdsAdjective[last]:
		return true
	case last == "of" || len(words) >= 2 && words[len(words)-2] == "of" && last == "the":
		return kinded || kindNamed(next, after)
	}
	// Words of kind alone, then a comma: "Tallowford hamlet, Brackmere
	// LGA".
	if !apposition || strings.LastIndexAny(between, ",(") < strings.LastIndex(between, last) {
		return false
	}
	for _, wd := range words {
		if !holdsKind[wd] {
			return false
		}
	}
	return kindNamed(next, after)
}

// kindNamed reports whether a place is named with a word for its kind, in
// its name or right after it: "Brackmere district", "Oxley province",
// "Brackmere Local Government Area", "Oxley LGA".
func kindNamed(name, after string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) > 1 && divisionKinds[strings.Trim(f[len(f)-1], ",()")] {
		return true
	}
	after = strings.TrimSpace(stripGlosses(strings.ToLower(after)))
	a := strings.FieldsFunc(after, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ')' || r == '(' || r == '.' || r == ';'
	})
	if len(a) == 0 {
		return false
	}
	if divisionKinds[a[0]] {
		return true
	}
	return len(a) >= 3 && a[0] == "local" && a[1] == "government" && a[2] == "area"
}

// stripGlosses removes bracketed glosses in another script ("(بيت سعدان)",
// "(LGA)" is kept: it has Latin letters).
func stripGlosses(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexRune(s, '(')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexRune(s[i:], ')')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		inner := s[i+1 : i+j]
		latin := false
		for _, r := range inner {
			if r < 0x250 && unicode.IsLetter(r) {
				latin = true
				break
			}
		}
		if latin {
			b.WriteString(s[:i+j+1])
		} else {
			b.WriteString(s[:i])
		}
		s = s[i+j+1:]
	}
}

// Words of holdsText.
var (
	holdsFiller = map[string]bool{"in": true, "the": true, "a": true, "an": true, "of": true, "on": true, "within": true,
		"which": true, "that": true, "lies": true, "is": true, "located": true, "situated": true, "small": true, "nearby": true,
		"for": true, "displaced": true, "internally": true, "people": true, "persons": true}
	holdsKind = map[string]bool{"village": true, "town": true, "hamlet": true, "area": true, "neighbourhood": true, "neighborhood": true,
		"district": true, "subdistrict": true, "sub-district": true, "quarter": true, "city": true, "camp": true, "site": true, "region": true,
		"province": true, "governorate": true, "commune": true, "territory": true, "department": true, "county": true, "municipality": true,
		"cercle": true, "township": true, "state": true, "lga": true, "locality": true, "settlement": true, "suburb": true, "suburbs": true,
		"outskirts": true, "edge": true, "countryside": true, "part": true, "heart": true, "centre": true, "center": true}
	holdsBearing   = map[string]bool{"north": true, "south": true, "east": true, "west": true, "north-west": true, "north-east": true, "south-west": true, "south-east": true, "northwest": true, "northeast": true, "southwest": true, "southeast": true}
	holdsAdjective = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
		"north-western": true, "north-eastern": true, "south-western": true, "south-eastern": true,
		"northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true, "rural": true, "remote": true, "mountainous": true}
	divisionKinds = map[string]bool{"district": true, "subdistrict": true, "sub-district": true, "province": true, "governorate": true,
		"commune": true, "territory": true, "department": true, "county": true, "municipality": true, "cercle": true, "township": true,
		"state": true, "lga": true, "region": true, "prefecture": true, "locality": true, "area": true, "city": true}
)

// governorateOf is the governorate (or province) place id is or lies in,
// as the world knows it; uuid.Nil when none.
func governorateOf(id uuid.UUID, w *World) uuid.UUID {
	e, ok := w.Entity(id)
	if !ok || e.Kind != graph.KindPlace {
		return uuid.Nil
	}
	if rankOf(e) == placeRank["governorate"] {
		return id
	}
	out := uuid.Nil
	w.eachAncestor(id, func(anc graph.Entity) bool {
		if rankOf(anc) == placeRank["governorate"] {
			out = anc.ID
			return false
		}
		return true
	})
	return out
}

// outsideArea reports whether a, placed where the gazetteer cannot
// locate in a governorate its document names (Account.PlaceArea), is
// compared with a known place p outside that governorate (neither in it
// nor holding it): a town of another governorate, a foreign city.
func outsideArea(a graph.Account, p uuid.UUID, w *World) bool {
	if a.PlaceArea == nil {
		return false
	}
	g := *a.PlaceArea
	if _, unknown := w.unplaced(p); unknown {
		return false
	}
	return p != g && !w.Within(p, g) && !w.Within(g, p)
}

// heldByText reports whether account a's document puts its place inside
// place b (Account.PlaceWithin): the place that holds it is b, or b by
// another spelling.
func heldByText(a graph.Account, b uuid.UUID, w *World) bool {
	if a.PlaceWithin == nil {
		return false
	}
	h := *a.PlaceWithin
	if h == b {
		return true
	}
	r := w.Relate(h, b)
	return r == PlacesSame || r == PlacesMaybeSame
}

// docArea is the area account a's document puts its place in, when the
// gazetteer lacks the place: the governorate its sentence names
// (Account.PlaceArea), or the governorate of the place its document puts
// it in (Account.PlaceWithin), or that place. uuid.Nil when none.
func docArea(a graph.Account, w *World) uuid.UUID {
	switch {
	case a.PlaceArea != nil:
		return *a.PlaceArea
	case a.PlaceWithin != nil:
		if g := governorateOf(*a.PlaceWithin, w); g != uuid.Nil {
			return g
		}
		return *a.PlaceWithin
	}
	return uuid.Nil
}

// spelledInArea reports whether two accounts' places, both places the
// gazetteer lacks, have one transliteration skeleton ("Jinah", "al-Jeena":
// "jn") and lie, as their documents say, in one area (docArea, read as
// its governorate when the world knows it: areaKey): perhaps
// one place, though their skeleton is too short to say so alone ("Busra"
// and "Basir" are two).
func spelledInArea(a, b graph.Account, w *World) bool {
	if a.Place == nil || b.Place == nil {
		return false
	}
	ea, ua := w.unplaced(a.Place.Entity.ID)
	eb, ub := w.unplaced(b.Place.Entity.ID)
	if !ua || !ub || ea.Name == "" || eb.Name == "" {
		return false
	}
	sa := gazetteer.Skeleton(ea.Name)
	if len(sa) < 2 || sa != gazetteer.Skeleton(eb.Name) {
		return false
	}
	x := areaKey(docArea(a, w), w)
	return x != uuid.Nil && x == areaKey(docArea(b, w), w)
}

// areaKey is the governorate an area is or lies in, or the area itself
// when the world knows none (a district the gazetteer lacks).
func areaKey(area uuid.UUID, w *World) uuid.UUID {
	if area == uuid.Nil {
		return uuid.Nil
	}
	if g := governorateOf(area, w); g != uuid.Nil {
		return g
	}
	return area
}
