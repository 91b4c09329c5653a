package xref

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Blocking keys. Two accounts that Match can accept always share a key:
//
//   - "p:<place>:<YYYY-MM>" for the account's place and each enclosing place
//     below country level, crossed with every month its event window
//     touches (its date widened by DayTolerance, or for an undated account
//     the UndatedLookback days before publication). Nested places meet at
//     the outer one; a reporting delay is covered by the lookback.
//   - "d:<family>:<perpetrator root>:<YYYY-MM-DD>" for each day of a window
//     of at most DayKeyMaxDays days, when the account names a perpetrator
//     (asserted or denied) other than an explicit unknown. Match accepts an account without a usable place
//     only through this key: same family, same perpetrator, same day.
//   - "p:<place>:undated" when the account has no date and no publication
//     date (nor NotBefore): such accounts meet only each other.
//
// Country- and region-level places are too vague to tell events apart: they
// give no place key, and Match treats them as no place.
const (
	DayKeyMaxDays  = 9
	MonthKeyMax    = 36
	keyPlacePrefix = "p:"
	keyDayPrefix   = "d:"
)

// vaguePlace reports whether a place type is too coarse to identify an event.
func vaguePlace(placeType string) bool {
	switch placeType {
	case "country", "region", "continent", "world":
		return true
	}
	return false
}

// placeFamily returns the account's place and its enclosing places below
// country level, innermost first; nil when the account has no usable place.
func placeFamily(a graph.Account, w *World) []uuid.UUID {
	if a.Place == nil || a.Place.Entity.ID == uuid.Nil {
		return nil
	}
	id := a.Place.Entity.ID
	if e, ok := w.Entity(id); ok && vaguePlace(e.PlaceType) {
		return nil
	}
	out := []uuid.UUID{id}
	for _, anc := range w.Ancestors(id) {
		if vaguePlace(anc.PlaceType) {
			break
		}
		out = append(out, anc.ID)
	}
	return out
}

// Keys returns the account's blocking keys, sorted.
func Keys(a graph.Account, w *World) []string {
	set := map[string]bool{}
	places := placeFamily(a, w)
	win, dated := eventWindow(a)
	for _, p := range places {
		if !dated {
			set[keyPlacePrefix+p.String()+":undated"] = true
			continue
		}
		for _, m := range win.months(MonthKeyMax) {
			set[keyPlacePrefix+p.String()+":"+m] = true
		}
	}
	if identifying(a.Perpetrator, w) && dated {
		root := w.Root(a.Perpetrator.Entity.ID)
		for _, d := range win.days(DayKeyMaxDays) {
			for _, f := range typeFamilies(a.Type) {
				set[keyDayPrefix+f+":"+root.String()+":"+d] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func shareKey(a, b []string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}
