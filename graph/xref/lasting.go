package xref

import (
	"fmt"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Lasting events. A siege lasts months or years (Yarmouk 2013-2018,
// Darayya 2012-2016, Nubl and al-Zahraa 2012-2016), and a besieged town
// is reported on in passing, often a year or more apart: "besieged since
// July 2012" in a letter of 2013, "the besieged towns" in a monitor's
// round-up of 2015. Their event windows (a date, or the UndatedLookback
// days before an undated report) do not overlap, so Match would call
// them different. Two siege accounts at the same or a nested place the
// gazetteer knows (a town, not a district or larger) are one siege when
// their spans (lastingSpan) overlap or lie at most SiegeGapMonths apart,
// unless an account of a capture or an evacuation at that place is
// dated between them (siegeEnded): a town taken or emptied is no longer
// besieged, and a siege told of after it is another.
//
// Blocking: "ls:siege:<place>" for the account's own known place and
// "lsi:siege:<place>" for each place enclosing it below district rank,
// for accounts of a siege and of what ends one (a capture, an
// evacuation), with no period: a town has few such accounts, so the
// key costs little, and what may end a siege is in the neighbourhood a
// siege account loads (and a capture's neighbourhood holds the sieges
// it may separate). An account queries "ls:" and "lsi:" for its own
// place and "ls:" for the enclosing ones (keys.go).

// SiegeGapMonths is how far apart (in months of 30 days) the spans of two
// accounts of a siege at one place may lie and still be of one siege
// when nothing dated between them ended it. Sieges of the Syrian war
// lasted up to five years; accounts of one are often a year or two
// apart. Longer gaps than this are not taken for one siege.
const SiegeGapMonths = 36

const (
	keyLasting   = "ls:siege:"
	keyLastingIn = "lsi:siege:"
)

// lasting reports whether t is a happening that lasts (a siege).
func lasting(t graph.EventType) bool { return t == graph.EventSiege }

// endsLasting reports whether t ends a siege at its place: the town is
// taken, or its people or fighters leave.
func endsLasting(t graph.EventType) bool {
	return t == graph.EventCapture || t == graph.EventEvacuation
}

// lastingKeyed reports whether an account is indexed under the lasting
// keys: a siege, or what ends one.
func lastingKeyed(t graph.EventType) bool { return lasting(t) || endsLasting(t) }

// lastingPlaces returns the account's own place, known to the gazetteer
// (not a place it cannot locate), and the places enclosing it below
// district rank; nil when it has none.
func lastingPlaces(a graph.Account, w *World) []uuid.UUID {
	fam := placeFamily(a, w)
	if len(fam) == 0 {
		return nil
	}
	if _, unknown := w.unplaced(fam[0]); unknown {
		return nil
	}
	if e, ok := w.Entity(fam[0]); !ok || rankOf(e) >= placeRank["district"] {
		return nil
	}
	out := fam[:1:1]
	for _, p := range fam[1:] {
		e, ok := w.Entity(p)
		if !ok || rankOf(e) >= placeRank["district"] {
			break
		}
		out = append(out, p)
	}
	return out
}

// lastingSpan is the stretch of days a siege account says the siege went
// on: from its date's first day to its last or to its report, whichever
// is later (a siege told of by its start, "besieged since July 2012", was
// still going on when reported); for an undated account, the
// UndatedApart days before its report (a report right after the end may
// still speak of the siege).
func lastingSpan(a graph.Account) (from, to time.Time, ok bool) {
	p, pok := parseDay(pubOf(a))
	if f, t, dok := dateRange(a.Date); dok {
		if pok && p.After(t) {
			t = p
		}
		return f, t, true
	}
	if a.Date != nil || !pok {
		return time.Time{}, time.Time{}, false
	}
	return p.Add(-UndatedApart * day), p, true
}

// siegeGap returns the days between two siege accounts' spans (0 when
// they overlap), and whether both have one.
func siegeGap(a, b graph.Account) (int, bool) {
	af, at, oka := lastingSpan(a)
	bf, bt, okb := lastingSpan(b)
	if !oka || !okb {
		return 0, false
	}
	switch {
	case at.Before(bf):
		return int(bf.Sub(at) / day), true
	case bt.Before(af):
		return int(af.Sub(bt) / day), true
	}
	return 0, true
}

// siegeJoins reports whether two accounts of a siege may be of one siege
// by their spans alone (siegeGap within SiegeGapMonths); the place, and
// what ended a siege between them, are checked apart.
func siegeJoins(a, b graph.Account) bool {
	if !lasting(a.Type) || !lasting(b.Type) {
		return false
	}
	g, ok := siegeGap(a, b)
	return ok && g <= SiegeGapMonths*30
}

// siegeReason words the lasting rule's evidence.
func siegeReason(a, b graph.Account) string {
	g, _ := siegeGap(a, b)
	return fmt.Sprintf("a siege lasts: the two accounts' spans (to each report) lie %d days apart, within %d months", g, SiegeGapMonths)
}

// endDay is the day an account of a capture or an evacuation puts it: the
// last day of its date, or, undated, its report's day.
func endDay(a graph.Account) (time.Time, bool) {
	if _, t, ok := dateRange(a.Date); ok {
		return t, true
	}
	if a.Date != nil {
		return time.Time{}, false
	}
	return parseDay(pubOf(a))
}

// siegeEnded reports whether account e, of a capture or an evacuation at
// the same or a nested known place as both siege accounts a and b, falls
// after the end of the earlier one's span and before the start of the
// later one's: the siege a tells of ended, and b tells of another.
func siegeEnded(a, b, e graph.Account, w *World) bool {
	if !endsLasting(e.Type) {
		return false
	}
	d, ok := endDay(e)
	if !ok {
		return false
	}
	af, at, oka := lastingSpan(a)
	bf, bt, okb := lastingSpan(b)
	if !oka || !okb {
		return false
	}
	early, late := at, bf // the earlier span's end, the later one's start
	if bt.Before(af) {
		early, late = bt, af
	}
	if !d.After(early) || !d.Before(late) {
		return false
	}
	pe := lastingPlaces(e, w)
	if len(pe) == 0 {
		return false
	}
	for _, x := range []graph.Account{a, b} {
		px := lastingPlaces(x, w)
		if len(px) == 0 {
			return false
		}
		switch w.Relate(pe[0], px[0]) {
		case PlacesSame, PlacesNested:
		default:
			return false
		}
	}
	return true
}
