package extract

import (
	"strings"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// labelMatcher decides whether an extracted entity is the one a label
// names. Identity is the gazetteer's: the label's Lookup entity, reached
// from the extracted entity itself or along its affiliation chain (an air
// force acts for its army and government; a spokesman speaks for his
// organisation). Labels the gazetteer does not know match by Skeleton or
// fold key, of the entity or of one along its affiliation chain, or by
// the extracted words where they hold the whole label; "anonymous X" matches an anonymous source described as X, and
// "unknown" the explicit unknown.
type labelMatcher struct {
	g    *gazetteer.Gazetteer
	ents map[uuid.UUID]*graph.Entity
}

func newMatcher(g *gazetteer.Gazetteer, x *graph.Extraction) *labelMatcher {
	m := &labelMatcher{g: g, ents: map[uuid.UUID]*graph.Entity{}}
	for i := range x.Entities {
		m.ents[x.Entities[i].ID] = &x.Entities[i]
	}
	return m
}

func (m *labelMatcher) entity(id uuid.UUID) *graph.Entity {
	if e, ok := m.ents[id]; ok {
		return e
	}
	if e, ok := m.g.Entity(id); ok {
		return e
	}
	return nil
}

// cleanLabel drops a trailing parenthesis: "Russia (believed)".
func cleanLabel(label string) (string, string) {
	if i := strings.Index(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		return label[:i], label[i+2 : len(label)-1]
	}
	return label, ""
}

func (m *labelMatcher) match(label string, ref graph.EntityRef, text string) bool {
	name, note := cleanLabel(label)
	fl := gazetteer.FoldKey(name)
	if fl == "unknown" || strings.HasPrefix(fl, "unknown ") {
		return ref.Kind == graph.KindUnknown
	}
	if strings.HasPrefix(fl, "anonymous ") || note == "anonymous" {
		desc := strings.TrimPrefix(fl, "anonymous ")
		if ref.Kind != graph.KindAnonymous {
			return false
		}
		e := m.entity(ref.ID)
		names := []string{ref.Name}
		if e != nil {
			names = append(names, e.Aliases...)
		}
		for _, n := range names {
			fn := gazetteer.FoldKey(n)
			if strings.Contains(fn, desc) || strings.Contains(desc, fn) || sameWords(fn, desc) {
				return true
			}
		}
		return false
	}
	want := m.g.Lookup(name)
	if len(want) > 0 {
		seen := map[uuid.UUID]bool{}
		for id := ref.ID; id != uuid.Nil && !seen[id]; {
			seen[id] = true
			for _, w := range want {
				if w.ID == id {
					return true
				}
			}
			e := m.entity(id)
			if e == nil || e.Affiliation == nil {
				break
			}
			id = *e.Affiliation
		}
		return false
	}
	if s := gazetteer.Skeleton(name); s != "" && s == gazetteer.Skeleton(ref.Name) {
		return true
	}
	fr := gazetteer.FoldKey(ref.Name)
	if fr == fl {
		return true
	}
	// A person's words count as his organisation's (the labels'
	// convention) also where the gazetteer does not know the organisation:
	// compare the names along the affiliation chain.
	seen := map[uuid.UUID]bool{ref.ID: true}
	for e := m.entity(ref.ID); e != nil && e.Affiliation != nil && !seen[*e.Affiliation]; {
		seen[*e.Affiliation] = true
		if e = m.entity(*e.Affiliation); e == nil {
			break
		}
		if s := gazetteer.Skeleton(name); s != "" && s == gazetteer.Skeleton(e.Name) || gazetteer.FoldKey(e.Name) == fl {
			return true
		}
	}
	// The words the extractor kept count when they hold the whole label
	// ("the armed terrorist groups" for "armed terrorist groups"), or when
	// the label is them and the act ("Anglo-American bombing" for
	// "Anglo-American"); not when the label's other words name another
	// party: "Turkish" is not "Turkish-backed factions", and crediting it
	// would count the Turkish army for them.
	if text != "" {
		if ft := gazetteer.FoldKey(text); ft != "" && (strings.Contains(" "+ft+" ", " "+fl+" ") || labelIsActOf(fl, ft)) {
			return true
		}
	}
	if e := m.entity(ref.ID); e != nil && byName(e, name) {
		return true
	}
	return false
}

// sameWords reports whether one folded description holds every content
// word of the other, in any order: "member of the municipal council" and
// "council member".
func sameWords(a, b string) bool {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			switch w {
			case "of", "the", "a", "an", "at", "in", "s":
			default:
				m[w] = true
			}
		}
		return m
	}
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	sub := func(x, y map[string]bool) bool {
		for w := range x {
			if !y[w] {
				return false
			}
		}
		return true
	}
	return sub(wa, wb) || sub(wb, wa)
}

// labelIsActOf reports whether a folded label is the folded words of a
// party and, beside them, only words for the act: "anglo american
// bombing" of "anglo american".
func labelIsActOf(fl, ft string) bool {
	i := strings.Index(" "+fl+" ", " "+ft+" ")
	if i < 0 {
		return false
	}
	rest := strings.Fields(fl[:i] + " " + fl[i+len(ft):])
	if len(rest) == 0 {
		return false
	}
	for _, w := range rest {
		if !airCues[w] && !strikeCues[w] && !shellingCues[w] && !campaignCues[w] {
			return false
		}
	}
	return true
}

// placeMatch reports whether an extracted place is the labelled place: the
// same entity or one inside it.
func (m *labelMatcher) placeMatch(label string, ref graph.EntityRef) bool {
	for _, w := range m.g.Lookup(label) {
		if m.g.Within(ref.ID, w.ID) {
			return true
		}
	}
	return false
}
