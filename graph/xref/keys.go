package xref

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// Blocking keys. An account is indexed under all its keys and looks for
// candidates with its query keys (QueryKeys), a subset; two accounts are
// candidates when either's query keys meet the other's keys (Candidates).
// Match accepts only candidates.
//
//   - "at:<place>:<period>" for the account's own place, and
//     "in:<place>:<period>" for that place and each enclosing place below
//     country level. An account queries "at:" for its place and each
//     enclosing place (accounts placed there) and "in:" for its own place
//     (accounts inside it): nested places meet, and a neighbourhood's
//     account never reads a whole governorate. An account that names no
//     place, in a document whose accounts name none, has these keys for
//     the place its document speaks of (Account.ContextPlace). The period
//     depends on the account's event window (its date widened by
//     DayTolerance, or for an undated account the UndatedLookback days
//     before publication):
//   - a short window (at most ShortWindowDays days: a date to the day) is
//     indexed under its first day, "<YYYY-MM-DD>", and queries the days
//     from ShortWindowDays-1 days before its first day to its last (two
//     short windows overlap exactly when one's first day lies in that
//     range of the other), and the months its window touches (long
//     windows);
//   - a long window is indexed under every month it touches, "<YYYY-MM>"
//     (the latest MonthKeyMax of them), queries those months, and queries
//     the days of its window within them, from ShortWindowDays-1 days
//     before (short windows).
//     A pair Match can accept (overlapping windows, places the same or
//     nested) are candidates with these keys exactly when they are with
//     month keys alone (KeyFormat "1"; windows of more than MonthKeyMax
//     months aside), so resolution finds the same
//     events; stores record the format (EnsureKeyFormat). But a short
//     window's candidates are the short windows within days of it, not a
//     month of them: their number follows how many events a place has in
//     a few days, not the months the store spans. (Text reuse, computed
//     between candidates, is looked for among these fewer candidates.)
//   - "d:<family>:<perpetrator root>:<YYYY-MM-DD>" for each day of a window
//     of at most DayKeyMaxDays days (for an undated account, the
//     ReportingDelay days up to its publication; for a date whose window
//     runs on to its report past DayKeyMaxDays, a "last week", the days of
//     the date itself, which an undated report may match), when the account names a perpetrator
//     (asserted or denied) other than an explicit unknown, and the account
//     has no place of its own that the world can locate (none, or one the
//     gazetteer lacks and nothing encloses: Match takes those as weak
//     evidence, which the same perpetrator on the same day may carry);
//     indexed and queried, and it queries "dp:" too. Match accepts an account without a usable place
//     only through this key: same family, same perpetrator, same day.
//   - "dp:<family>:<perpetrator root>:<YYYY-MM-DD>": the same for an
//     account with a located place of its own; indexed, and queried as "d:" only:
//     two placed accounts meet through their place keys, never through
//     their perpetrator (at 100,000 generated documents, over half of the
//     candidates a placed account met through "d:" were placed elsewhere).
//   - "sk:<name key>:<YYYY-MM>" for the account's own place when the
//     gazetteer lacks it, for each of its name keys of at least
//     MinSpellingKey letters (its transliteration skeleton): two
//     spellings of one village meet. Indexed and queried.
//   - "sw:<skeleton>:<YYYY-MM-DD>" for each day of a window of at most
//     DayKeyMaxDays days, for the account's own place when the gazetteer
//     lacks it and its name's skeleton has at least three letters: two
//     spellings that are perhaps one place (PlacesMaybeSame) meet on the
//     days where Match can accept them. Indexed and queried.
//   - "sa:<area>:<skeleton>:<YYYY-MM-DD>" for each day of such a window
//     (for an undated account, the days its report may follow), for the
//     account's own place when the gazetteer lacks it and its document
//     puts it in an area (docArea, by its governorate: areaKey), with a
//     skeleton of two letters or more: two spellings with one short
//     skeleton in one area meet (spelledInArea). Indexed and queried.
//   - "u:<family>:<YYYY-MM-DD>" for each day of a window of at most
//     DayKeyMaxDays days when the account's place is one the gazetteer
//     cannot locate, and "a:<family>:<YYYY-MM-DD>" when it is an area
//     (a city or larger) such a place may lie in: an account indexed
//     under one queries the other, so a village the gazetteer lacks
//     meets the governorate of a report of the same day.
//   - "v:<family>:<YYYY-MM-DD>" for each day of such a window when
//     the place the gazetteer cannot locate ranks below a town (a
//     village, a neighbourhood), and "h:<family>:<YYYY-MM-DD>" for the
//     first day of a window of at most DayKeyMaxDays days when the
//     account's place is one the world locates that is no area but may
//     hold such a place (a town, a village): the lesser queries "h:"
//     for the days from DayKeyMaxDays-1 before each of its days, the
//     holder "v:" for the days of its window, so a neighbourhood the
//     gazetteer lacks meets the town of a report of the same day
//     (PlacesMaybeNested), at one key per holder.
//   - "ls:siege:<place>" for the account's own place, when the gazetteer
//     knows it and it is below district rank, and "lsi:siege:<place>" for
//     each place enclosing it below district rank, for an account of a
//     siege or of what ends one (a capture, an evacuation), with no
//     period; an account queries "ls:" and "lsi:" for its own place and
//     "ls:" for the enclosing ones. Sieges last years (lasting.go).
//   - an evacuation account read at the town it leaves (Account.Origin)
//     has the "at:" and "in:" keys of that town's family too, with its
//     periods; it queries only its own place's.
//   - "<month>" is "undated" when the account has no date and no publication
//     date (nor NotBefore): such accounts meet only each other.
//
// Country-level places, and regions that lie directly in a country (the
// Syrian desert, northern Syria), are too vague to tell events apart: they
// give no place key, and Match treats them as no place. A region inside a
// governorate (Eastern Ghouta) is a place like a district.
const (
	DayKeyMaxDays = 9
	MonthKeyMax   = 36
	// ShortWindowDays is the longest event window indexed by its first
	// day rather than by month: a date to the day, widened by
	// DayTolerance on each side.
	ShortWindowDays = 1 + 2*DayTolerance
	keyAtPrefix     = "at:"
	keyInPrefix     = "in:"
	keyDayPrefix    = "d:"
	keyDayPlaced    = "dp:"
	keySpelling     = "sk:"
	keyUnplaced     = "u:"
	keyArea         = "a:"
	keyLesser       = "v:"
	keyHolder       = "h:"
	keyWeakSpell    = "sw:"
	keySpellArea    = "sa:"
)

// vaguePlace reports whether a place type is too coarse to identify an event.
func vaguePlace(placeType string) bool {
	switch placeType {
	case "country", "continent", "world":
		return true
	}
	return false
}

// vague reports whether place e is too coarse to identify an event: a
// country, or a region that lies directly in a country or in nothing.
func vague(e *graph.Entity, w *World) bool {
	if vaguePlace(e.PlaceType) {
		return true
	}
	if e.PlaceType != "region" {
		return false
	}
	enclosed, parent := false, ""
	w.eachAncestor(e.ID, func(anc graph.Entity) bool {
		enclosed, parent = true, anc.PlaceType
		return false
	})
	return !enclosed || vaguePlace(parent)
}

// placeFamily returns the account's place and its enclosing places below
// country level, innermost first; nil when the account has no usable place.
func placeFamily(a graph.Account, w *World) []uuid.UUID {
	if a.Place == nil || a.Place.Entity.ID == uuid.Nil {
		return nil
	}
	id := a.Place.Entity.ID
	if e, ok := w.Entity(id); ok && vague(&e, w) {
		return nil
	}
	return familyOf(id, w)
}

// familyOf returns place id and its enclosing places below country level,
// innermost first.
func familyOf(id uuid.UUID, w *World) []uuid.UUID {
	out := []uuid.UUID{id}
	w.eachAncestor(id, func(anc graph.Entity) bool {
		if vague(&anc, w) {
			return false
		}
		out = append(out, anc.ID)
		return true
	})
	return out
}

// keyPlaces is the place family an account is indexed under: its own
// place's, or the place its document speaks of (Account.ContextPlace).
// A place the gazetteer lacks, which the account's document puts inside
// another (Account.PlaceWithin), has that place's family after it: it is
// indexed as lying there, and queries accounts placed there.
func keyPlaces(a graph.Account, w *World) []uuid.UUID {
	if p := placeFamily(a, w); len(p) > 0 {
		if a.PlaceWithin != nil && len(p) == 1 && *a.PlaceWithin != p[0] {
			if _, unknown := w.unplaced(p[0]); unknown {
				for _, h := range familyOf(*a.PlaceWithin, w) {
					if !slices.Contains(p, h) {
						p = append(p, h)
					}
				}
			}
		}
		return p
	}
	return contextFamily(a, w)
}

// Keys returns the account's blocking keys, sorted.
func Keys(a graph.Account, w *World) []string {
	set := map[string]bool{}
	places := keyPlaces(a, w)
	win, dated := eventWindow(a)
	months := []string{"undated"}
	if dated {
		months = win.months(MonthKeyMax)
	}
	periods := months
	if dated && !win.longerThan(ShortWindowDays) {
		periods = []string{win.from.Format(dayLayout)}
	}
	for i, p := range places {
		for _, m := range periods {
			if i == 0 {
				set[keyAtPrefix+p.String()+":"+m] = true
			}
			set[keyInPrefix+p.String()+":"+m] = true
		}
	}
	// An evacuation read at the town it leaves is indexed there too, as
	// if placed there: accounts at that town or in it query these keys.
	for i, p := range originFamily(a, w) {
		for _, m := range periods {
			if i == 0 {
				set[keyAtPrefix+p.String()+":"+m] = true
			}
			set[keyInPrefix+p.String()+":"+m] = true
		}
	}
	if lastingKeyed(a.Type) {
		for i, p := range lastingPlaces(a, w) {
			if i == 0 {
				set[keyLasting+p.String()] = true
			} else {
				set[keyLastingIn+p.String()] = true
			}
		}
	}
	if own := placeFamily(a, w); len(own) > 0 {
		if e, unknown := w.unplaced(own[0]); unknown {
			for _, k := range e.Keys {
				if len(k) >= MinSpellingKey && !strings.Contains(k, ":") {
					for _, m := range months {
						set[keySpelling+k+":"+m] = true
					}
				}
			}
			// The name's PlaceKey, however short: one name in two
			// spellings ("Dulba", "Dulbeh"; spelling's SameName).
			if k := gazetteer.PlaceKey(e.Name); len(k) >= 3 && !strings.Contains(k, ":") {
				for _, m := range months {
					set[keySpelling+k+":"+m] = true
				}
			}
			// The places it may be a part of ("Ogossagou-Peul" of
			// Ogossagou; qualifiedPlace), by their PlaceKey.
			for _, k := range leadingNames(e.Name) {
				if !strings.Contains(k, ":") {
					for _, m := range months {
						set[keySpelling+k+":"+m] = true
					}
				}
			}
			// The place its document puts it in, when the gazetteer
			// lacks that too, by the same keys: an account placed at
			// that place under another spelling, or at the place it is
			// named after ("Tal Hamreh Local Government Area" of Tal
			// Hamreh), meets it (heldByText).
			var holder *graph.Entity
			if a.PlaceWithin != nil && *a.PlaceWithin != e.ID {
				if h, unknown := w.unplaced(*a.PlaceWithin); unknown && h.Name != "" {
					holder = &h
					hk := append([]string{gazetteer.PlaceKey(h.Name)}, leadingNames(h.Name)...)
					for _, k := range h.Keys {
						if len(k) >= MinSpellingKey {
							hk = append(hk, k)
						}
					}
					for _, k := range hk {
						if len(k) >= 3 && !strings.Contains(k, ":") {
							for _, m := range months {
								set[keySpelling+k+":"+m] = true
							}
						}
					}
				}
			}
			if dated {
				skel := gazetteer.Skeleton(e.Name)
				lesser := rankOf(e) < placeRank["town"]
				hskel := ""
				if holder != nil {
					hskel = gazetteer.Skeleton(holder.Name)
				}
				for _, d := range win.days(DayKeyMaxDays) {
					for _, f := range typeFamilies(a.Type) {
						set[keyUnplaced+f+":"+d] = true
						if lesser {
							set[keyLesser+f+":"+d] = true
						}
					}
				}
				// Its spellings and its holder's, on the days of the
				// window, or for an undated account the days its report
				// may follow (Match's reportedWithin).
				days := win.days(DayKeyMaxDays)
				if rw, ok := reportWindow(a); ok {
					days = rw.days(DayKeyMaxDays)
				}
				// A skeleton of two letters or more, in the area its
				// document puts it (spelledInArea).
				area := areaKey(docArea(a, w), w)
				for _, d := range days {
					if len(skel) >= 3 {
						set[keyWeakSpell+skel+":"+d] = true
					}
					if len(hskel) >= 3 {
						set[keyWeakSpell+hskel+":"+d] = true
					}
					if area != uuid.Nil && len(skel) >= 2 {
						set[keySpellArea+area.String()+":"+skel+":"+d] = true
					}
				}
			}
		} else if area(e) && dated {
			for _, d := range win.days(DayKeyMaxDays) {
				for _, f := range typeFamilies(a.Type) {
					set[keyArea+f+":"+d] = true
				}
			}
		} else if holder(e) && dated {
			if days := win.days(DayKeyMaxDays); len(days) > 0 {
				for _, f := range typeFamilies(a.Type) {
					set[keyHolder+f+":"+days[0]] = true
				}
			}
		}
	}
	if identifying(a.Perpetrator, w) && dated {
		// An account with a place of its own meets other placed accounts
		// through its place keys; its perpetrator-day keys are for the
		// accounts without one ("dp:" is queried by "d:" only).
		prefix := keyDayPrefix
		if own := placeFamily(a, w); len(own) > 0 {
			if _, unknown := w.unplaced(own[0]); !unknown {
				prefix = keyDayPlaced
			}
		}
		root := w.Root(a.Perpetrator.Entity.ID)
		days := win.days(DayKeyMaxDays)
		if rw, ok := reportWindow(a); ok {
			days = rw.days(DayKeyMaxDays)
		} else if from, to, ok := dateRange(a.Date); ok && days == nil {
			// A "last week" runs on to the report (eventWindow), past
			// DayKeyMaxDays; an undated report within ReportingDelay
			// days of the week itself still matches it (reportedWithin):
			// the week's own days are keyed.
			days = window{from: from, to: to}.days(DayKeyMaxDays)
		}
		for _, d := range days {
			for _, f := range typeFamilies(a.Type) {
				set[prefix+f+":"+root.String()+":"+d] = true
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

// QueryKeys returns the keys an account looks candidates up with: its
// "at:" keys for its place's family, its "in:" keys for its own place,
// its "d:" and "sk:" keys, and the "a:" keys of its "u:" keys and the
// "u:" keys of its "a:" keys. The periods follow the format of the
// account's own keys (a.Keys, from Keys): a short window keyed by its
// first day queries the days around it and its months; a long window
// keyed by month queries its months and the days of its window.
//
// The slice returned may be shared: callers must not modify it.
func QueryKeys(a graph.Account, w *World) []string {
	if w == nil || w.queryKeys == nil || len(a.Keys) == 0 {
		return queryKeys(a, w)
	}
	if e, ok := w.queryKeys[a.ID]; ok && e.keys == &a.Keys[0] && e.n == len(a.Keys) {
		return e.out
	}
	out := queryKeys(a, w)
	w.queryKeys[a.ID] = queryKeysEntry{keys: &a.Keys[0], n: len(a.Keys), out: out}
	return out
}

func queryKeys(a graph.Account, w *World) []string {
	places := keyPlaces(a, w)
	var out []string
	own := ""
	if len(places) > 0 {
		own = keyInPrefix + places[0].String() + ":"
	}
	periods := map[string]bool{}
	short, firstMonth := false, ""
	for _, k := range a.Keys {
		switch {
		case strings.HasPrefix(k, keyDayPrefix):
			out = append(out, k, keyDayPlaced+strings.TrimPrefix(k, keyDayPrefix))
		case strings.HasPrefix(k, keyDayPlaced):
			out = append(out, keyDayPrefix+strings.TrimPrefix(k, keyDayPlaced))
		case strings.HasPrefix(k, keyLasting):
			out = append(out, k, keyLastingIn+strings.TrimPrefix(k, keyLasting))
		case strings.HasPrefix(k, keyLastingIn):
			out = append(out, keyLasting+strings.TrimPrefix(k, keyLastingIn))
		case strings.HasPrefix(k, keySpelling), strings.HasPrefix(k, keyWeakSpell), strings.HasPrefix(k, keySpellArea):
			out = append(out, k)
		case strings.HasPrefix(k, keyUnplaced):
			out = append(out, keyArea+strings.TrimPrefix(k, keyUnplaced))
		case strings.HasPrefix(k, keyArea):
			out = append(out, keyUnplaced+strings.TrimPrefix(k, keyArea))
		case strings.HasPrefix(k, keyLesser):
			// The holders whose window's first day lies within
			// DayKeyMaxDays-1 days before this day.
			f, d, _ := strings.Cut(strings.TrimPrefix(k, keyLesser), ":")
			if t, err := time.Parse(dayLayout, d); err == nil {
				for i := 0; i < DayKeyMaxDays; i++ {
					out = append(out, keyHolder+f+":"+t.Add(-time.Duration(i)*day).Format(dayLayout))
				}
			}
		case strings.HasPrefix(k, keyHolder):
			f, _, _ := strings.Cut(strings.TrimPrefix(k, keyHolder), ":")
			if win, ok := eventWindow(a); ok {
				for _, d := range win.days(DayKeyMaxDays) {
					out = append(out, keyLesser+f+":"+d)
				}
			}
		case own != "" && strings.HasPrefix(k, own):
			p := strings.TrimPrefix(k, own)
			switch len(p) {
			case len(dayLayout):
				short = true
			case len(monthLayout):
				if firstMonth == "" || p < firstMonth {
					firstMonth = p
				}
				periods[p] = true
			default: // "undated"
				periods[p] = true
			}
		}
	}
	if win, ok := eventWindow(a); ok && (short || firstMonth != "") {
		from := win.from
		if short {
			for _, m := range win.months(MonthKeyMax) {
				periods[m] = true
			}
		} else if m, err := time.Parse(monthLayout, firstMonth); err == nil && m.After(from) {
			// Past MonthKeyMax months, only the latest are keyed.
			from = m
		}
		for d := from.Add(-(ShortWindowDays - 1) * day); !d.After(win.to); d = d.Add(day) {
			periods[d.Format(dayLayout)] = true
		}
	}
	// Each place's "at:" prefix formatted once, not once per period.
	at := make([]string, len(places))
	for i, pl := range places {
		at[i] = keyAtPrefix + pl.String() + ":"
	}
	out = slices.Grow(out, len(periods)*(1+len(places)))
	for p := range periods {
		out = append(out, own+p)
		for _, pre := range at {
			out = append(out, pre+p)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

const (
	dayLayout   = "2006-01-02"
	monthLayout = "2006-01"
)

// Candidates reports whether two accounts (with Keys set) may describe
// one event: the query keys of one meet the keys of the other.
func Candidates(a, b graph.Account, w *World) bool {
	return shareKey(QueryKeys(a, w), b.Keys) || shareKey(QueryKeys(b, w), a.Keys)
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
