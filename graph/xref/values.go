package xref

import (
	"math"
	"regexp"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// AboutTolerance is the relative half-width of the band an "about" figure
// stands for; AboutMinimum is the least absolute half-width.
const (
	AboutTolerance = 0.15
	AboutMinimum   = 2.0
)

// countable reports whether v counts whole things (people, munitions,
// buildings), so that "more than 20" means at least 21.
func countable(v graph.Value) bool {
	switch v.Unit {
	case "percent", "km", "km2", "hectares", "usd", "dollars":
		return false
	}
	if v.Value != nil && *v.Value != math.Trunc(*v.Value) {
		return false
	}
	return true
}

// Interval returns the closed range [lo, hi] of true values a figure allows.
// hi is +Inf when the figure sets no upper limit. Figures are non-negative.
//
//	exact 14        -> [14, 14]
//	at least 22     -> [22, +Inf)
//	more than 20    -> [21, +Inf) for counts, (20, +Inf) otherwise
//	at most 10      -> [0, 10]
//	less than 10    -> [0, 9] for counts, [0, 10) otherwise
//	about 30        -> [25.5, 34.5] (±15%, at least ±2)
//	unspecified     -> [Min, Max] ("thousands" -> [2000, +Inf) if Max is nil)
//	between 3 and 5 -> [3, 5] (at least 3, Max 5)
//
// A figure with no number and no Min/Max allows anything: [0, +Inf).
func Interval(v graph.Value) (lo, hi float64) {
	inf := math.Inf(1)
	if v.Value == nil || v.Bound == graph.BoundUnspecified {
		lo, hi = 0, inf
		if v.Min != nil {
			lo = *v.Min
		}
		if v.Max != nil {
			hi = *v.Max
		}
		if v.Value != nil && v.Min == nil && v.Max == nil {
			lo, hi = *v.Value, *v.Value
		}
		return lo, hi
	}
	x := *v.Value
	count := countable(v)
	switch v.Bound {
	case graph.BoundAtLeast:
		// "between 105 and 141": at least the first, at most the second.
		if v.Max != nil && *v.Max >= x {
			return x, *v.Max
		}
		return x, inf
	case graph.BoundMoreThan:
		if count {
			return math.Floor(x) + 1, inf
		}
		return math.Nextafter(x, inf), inf
	case graph.BoundAtMost:
		return 0, x
	case graph.BoundLessThan:
		if count {
			return 0, math.Max(0, math.Ceil(x)-1)
		}
		return 0, math.Nextafter(x, math.Inf(-1))
	case graph.BoundAbout:
		tol := math.Max(x*AboutTolerance, AboutMinimum)
		return math.Max(0, x-tol), x + tol
	default: // exact, or a bound we do not know: take the figure as given
		return x, x
	}
}

// Compatible reports whether two figures for the same attribute can both be
// true: their intervals overlap. 14 (exact) and "at least 22" cannot; "more
// than 20" and "at least 22" can; "about 30" and 32 can.
func Compatible(a, b graph.Value) bool {
	alo, ahi := Interval(a)
	blo, bhi := Interval(b)
	return alo <= bhi && blo <= ahi
}

// wholeCounts are the "who" of figures that count everyone concerned;
// any other ("children", "women", "fighters") is a subgroup.
var wholeCounts = map[string]bool{"": true, "people": true, "civilians": true, "residents": true, "victims": true}

// AttrKey is the attribute a figure is compared under: its attribute, with
// the subgroup it counts when it counts one ("killed children"). 14
// civilians and at least 22 people compare; 267 children and 1,117
// civilians do not.
//
// A unit other than people joins the key too ("destroyed (percent)",
// "destroyed (buildings)"): figures in different units never compare.
func AttrKey(v graph.Value) string {
	k := v.Attribute
	if w := strings.ToLower(strings.TrimSpace(v.Who)); !wholeCounts[w] {
		k += " " + w
	}
	if u := strings.ToLower(strings.TrimSpace(v.Unit)); !peopleUnits[u] {
		k += " (" + u + ")"
	}
	return k
}

// peopleUnits are the units that count people.
var peopleUnits = map[string]bool{"": true, "people": true, "persons": true}

// AttrCount is the attribute of a figure extraction could tie to nothing
// that happened ("two of them volunteers", "an estimated 40,000" a town
// hosts): two such figures need not count the same thing, so they are
// listed under their key but never grouped apart, and give no stance link.
const AttrCount = "count"

// unnamedCount reports whether an attribute key is a count of nothing
// named (AttrCount, of any subgroup or unit).
func unnamedCount(key string) bool {
	return key == AttrCount || strings.HasPrefix(key, AttrCount+" ")
}

// bodyUnits count the dead as a rescue team or a hospital does ("16
// bodies recovered"): a toll, compared with the people killed.
var bodyUnits = map[string]bool{"bodies": true, "corpses": true}

// figureKey is the attribute a figure of account a is compared under:
// AttrKey, except that a toll counted in bodies compares with the people
// killed ("the Civil Defence recovered 16 bodies", "11 people died"), and
// that an evacuation's bare count of fighters ("the deal
// lets 600 militants leave", "600 fighters boarded the buses") counts the
// fighters evacuated, and compares with another source's evacuated
// fighters. In an account of any other kind it stays a count of fighters.
func figureKey(a graph.Account, v graph.Value) string {
	if a.Type == graph.EventEvacuation && v.Attribute == "fighters" {
		who := strings.ToLower(strings.TrimSpace(v.Who))
		if wholeCounts[who] || who == "fighters" {
			v.Attribute, v.Who = "evacuated", "fighters"
		}
	}
	if bodyUnits[strings.ToLower(strings.TrimSpace(v.Unit))] {
		v.Unit = ""
	}
	return AttrKey(v)
}

// combatants are the "who" of figures that count fighting men: a source
// that counts them apart from civilians gives two tolls, not a total and
// a part.
var combatants = map[string]bool{"fighters": true, "soldiers": true}

// civilianSplits returns the attributes for which one of the accounts
// counts civilians and combatants apart ("five civilians ... at least
// seven fighters, who are not counted among the civilians"): among these
// accounts, a civilians figure of such an attribute is not everyone
// concerned but one group, and compares only with civilians figures
// (civilianKey). Denials repeat the allegation's figures and are left out.
func civilianSplits(accs ...graph.Account) map[string]bool {
	var out map[string]bool
	for _, a := range accs {
		if a.Polarity == graph.Denied {
			continue
		}
		civ, com := map[string]bool{}, map[string]bool{}
		for _, v := range a.Values {
			switch w := strings.ToLower(strings.TrimSpace(v.Who)); {
			case w == "civilians":
				civ[v.Attribute] = true
			case combatants[w]:
				com[v.Attribute] = true
			}
		}
		for attr := range civ {
			if com[attr] {
				if out == nil {
					out = map[string]bool{}
				}
				out[attr] = true
			}
		}
	}
	return out
}

// civilianKey is figureKey, with the civilians named when the attribute
// is one civilianSplits returned: "killed civilians".
func civilianKey(a graph.Account, v graph.Value, splits map[string]bool) string {
	k := figureKey(a, v)
	if splits[v.Attribute] && strings.ToLower(strings.TrimSpace(v.Who)) == "civilians" {
		k = v.Attribute + " civilians" + strings.TrimPrefix(k, v.Attribute)
	}
	return k
}

// sameFigure reports whether two values state the same thing: same number
// and bound (or the same words when there is no number).
func sameFigure(a, b graph.Value) bool {
	if (a.Value == nil) != (b.Value == nil) {
		return false
	}
	if a.Value == nil {
		alo, ahi := Interval(a)
		blo, bhi := Interval(b)
		return alo == blo && ahi == bhi
	}
	return *a.Value == *b.Value && normBound(a.Bound) == normBound(b.Bound)
}

// restates reports whether a source giving b after a restates a rather
// than revising it: the same figure, or the same number with a bound
// that still allows it ("17" and "at least 17", as a wire report words
// the monitor's count). A new number is a revision.
func restates(a, b graph.Value) bool {
	if sameFigure(a, b) {
		return true
	}
	return a.Value != nil && b.Value != nil && *a.Value == *b.Value && Compatible(a, b)
}

func normBound(b graph.Bound) graph.Bound {
	if b == "" {
		return graph.BoundExact
	}
	return b
}

// partitive matches what follows a figure that counts part of a group
// ("17 of the wounded", "Seven of the wounded died", "93 of the bodies"):
// the text right after the figure.
var partitive = regexp.MustCompile(`^\s+of\s+(the|those|these)\s+(wounded|injured|dead|killed|victims|bodies|casualties)\b`)

// asCounted returns figure v of account a as cross-referencing compares
// it: a figure counting part of a group its claim names ("17 of the
// wounded" taken to a clinic, "Seven of the wounded died") says the group
// is at least that large, not that it is that large, unless the figure
// names whom it counts (Who: "20 of the dead were fighters" counts the
// fighters).
func asCounted(a graph.Account, v graph.Value, claims map[uuid.UUID]graph.Claim) graph.Value {
	if v.Value == nil || v.Who != "" || normBound(v.Bound) != graph.BoundExact || v.Span.Len() == 0 {
		return v
	}
	c, ok := claimCarrying(a, v.Span, claims)
	if !ok {
		return v
	}
	rs := []rune(c.Text)
	i := v.Span.End - c.Span.Start
	if i < 0 || i > len(rs) || !partitive.MatchString(strings.ToLower(string(rs[i:min(len(rs), i+40)]))) {
		return v
	}
	v.Bound = graph.BoundAtLeast
	return v
}
