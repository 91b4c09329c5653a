package xref

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Attribute names Conflicts uses besides the figures' own attributes.
const (
	AttrKilled      = "killed"
	AttrInjured     = "injured"
	AttrPerpetrator = "perpetrator"
	AttrDate        = "date"
	AttrPlace       = "place"
	AttrTarget      = "target"
)

// claimsFor returns the claims of account a that carry span s (a value's
// or an attribution's), or all of a's claims when none does. Deprecated
// claims are left out.
func claimsFor(a graph.Account, s graph.Span, claims map[uuid.UUID]graph.Claim) []uuid.UUID {
	var in, all []uuid.UUID
	for _, id := range a.Claims {
		c, ok := claims[id]
		if ok && c.Deprecated {
			continue
		}
		all = append(all, id)
		if ok && s.Len() > 0 && c.Span.Contains(s) {
			in = append(in, id)
		}
	}
	if len(in) > 0 {
		return in
	}
	return all
}

// counted reports whether an account still counts: it has a claim an
// analyst has not deprecated (or its claims are unknown here).
func counted(a graph.Account, claims map[uuid.UUID]graph.Claim) bool {
	if len(a.Claims) == 0 {
		return true
	}
	for _, id := range a.Claims {
		if c, ok := claims[id]; !ok || !c.Deprecated {
			return true
		}
	}
	return false
}

// published orders accounts in time: the document's date, or ref when the
// document has none.
func publishedOf(a graph.Account) string { return pubOf(a) }

// laterValue reports whether value v (from account a) is later than u
// (from account b), for revisions by one source: by publication date, and
// on the same date the higher figure (tolls rise as the dead are counted).
func laterValue(a graph.Account, v graph.Value, b graph.Account, u graph.Value) bool {
	pa, pb := publishedOf(a), publishedOf(b)
	if pa != pb && pa != "" && pb != "" {
		return pa > pb
	}
	vlo, _ := Interval(v)
	ulo, _ := Interval(u)
	if vlo != ulo {
		return vlo > ulo
	}
	return a.DocumentID.String() > b.DocumentID.String()
}

// figure is one value an account gives, with where it came from.
type figure struct {
	acc   graph.Account
	v     graph.Value
	claim []uuid.UUID
	// revisedBy is the claim of the same source's later value.
	revisedBy *uuid.UUID
	// partOf is the highest figure the same source gives the attribute
	// in the same document, when this one cannot be true with it: a part
	// of the total ("13 civilians, among them 4 children" read as two
	// tolls) or a first count the document updates.
	partOf *figure
}

// figures returns every (counted, asserted) value in the accounts, by
// attribute, with revisions by the same source (sameSource; one speaker
// when w is nil) marked.
func figures(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) map[string][]*figure {
	out := map[string][]*figure{}
	splits := civilianSplits(accounts...)
	for _, a := range accounts {
		if a.Polarity == graph.Denied || !counted(a, claims) {
			continue // a denial repeats the allegation's figures, it does not give them
		}
		for _, v := range a.Values {
			if v.Attribute == "" {
				continue
			}
			k := civilianKey(a, v, splits)
			v = asCounted(a, v, claims)
			out[k] = append(out[k], &figure{acc: a, v: v, claim: claimsFor(a, v.Span, claims)})
		}
	}
	for _, fs := range out {
		markParts(fs)
	}
	for _, fs := range out {
		// For each speaker, the latest value of the attribute revises
		// every other value the speaker gave in other documents.
		for _, f := range fs {
			var latest *figure
			for _, g := range fs {
				if g.acc.Speaker.ID != f.acc.Speaker.ID && (g.acc.DocumentID == f.acc.DocumentID || !sameSource(g.acc, f.acc, w)) || g.acc.Speaker.ID == uuid.Nil {
					continue
				}
				if latest == nil || laterValue(g.acc, g.v, latest.acc, latest.v) {
					latest = g
				}
			}
			if latest != nil && latest != f && latest.acc.DocumentID != f.acc.DocumentID &&
				!restates(latest.v, f.v) && len(latest.claim) > 0 {
				id := latest.claim[0]
				f.revisedBy = &id
			}
		}
	}
	return out
}

// markParts marks, among the figures of one attribute, those a source's
// higher figure in the same document rules out: one source in one
// document (one account, or the accounts of one named speaker) gives an
// attribute one value; several incompatible ones counting the same people
// (sameWho) are a total and its parts, or a count and its update, never a
// conflict with itself; and when it is the attribute's only source, so
// are its figures of different people.
func markParts(fs []*figure) {
	type word struct{ doc, who uuid.UUID }
	bySource := map[word][]*figure{}
	var order []word
	for _, f := range fs {
		k := word{f.acc.DocumentID, f.acc.Speaker.ID}
		if f.acc.Speaker.ID == uuid.Nil || f.acc.DocumentID == uuid.Nil {
			k = word{f.acc.ID, uuid.Nil}
		}
		if _, ok := bySource[k]; !ok {
			order = append(order, k)
		}
		bySource[k] = append(bySource[k], f)
	}
	for _, k := range order {
		group := bySource[k]
		if len(group) < 2 {
			continue
		}
		top := group[0]
		for _, f := range group[1:] {
			flo, fhi := Interval(f.v)
			tlo, thi := Interval(top.v)
			if flo > tlo || flo == tlo && fhi > thi {
				top = f
			}
		}
		// With no other source for the attribute in the event, figures
		// of different people are the source's own breakdown too ("815
		// people, among them 21 civilians executed"): nothing to stand on
		// their own against.
		alone := len(order) == 1
		for _, f := range group {
			if f != top && !Compatible(f.v, top.v) && (alone || sameWho(f.v, top.v)) {
				f.partOf = top
			}
		}
	}
}

// sameWho reports whether two figures count the same people as far as
// the text says: the same words, or no word for one of them. "3,250
// people, among them 1,117 civilians" gives two whole counts of
// different people, and the civilians' figure stands on its own.
func sameWho(a, b graph.Value) bool {
	wa, wb := strings.ToLower(strings.TrimSpace(a.Who)), strings.ToLower(strings.TrimSpace(b.Who))
	return wa == wb || wa == "" || wb == ""
}

// Conflicts lists, for each attribute of an event, every value its
// accounts give with the claims, accounts and sources behind it, grouped
// into compatible sets (more than one group is a conflict).
//
// Figures (killed, injured and any other attribute) compare by Compatible,
// under AttrKey: subgroups ("killed children") are attributes of their own.
// Counts of nothing named (AttrCount) are listed, never grouped apart.
// When a source of the event counts civilians and fighters apart, a
// civilians figure is one group ("killed civilians"), not everyone
// concerned (civilianSplits).
// A speaker's earlier figure that the same speaker replaced in a later
// document is marked RevisedBy (its latest claim): a revision, not a
// conflict; it joins a group it is compatible with, else its reviser's.
// Within one document, a source's figures that cannot be true with its
// highest one (a total's parts, a count the document updates) join a
// group they are compatible with, else the highest one's: a source does
// not conflict with itself.
// The perpetrator lists each set of parties an account blames or clears,
// with the polarity: two blamed conflict unless a party of one is, or is
// part of, a party of the other (perpetratorConflict), a denial conflicts
// with the assertion it denies, an explicit unknown conflicts with nothing. Dates conflict when
// they cannot overlap (allowing DayTolerance), places when neither lies
// within the other. Targets are listed but never grouped apart: free text
// cannot tell two descriptions of one target from two targets.
func Conflicts(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) []graph.Conflict {
	accs := append([]graph.Account(nil), accounts...)
	sort.Slice(accs, func(i, j int) bool { return idLess(accs[i].ID, accs[j].ID) })
	var out []graph.Conflict
	figs := figures(accs, claims, w)
	attrs := make([]string, 0, len(figs))
	for a := range figs {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool {
		return attrRank(attrs[i]) < attrRank(attrs[j]) || attrRank(attrs[i]) == attrRank(attrs[j]) && attrs[i] < attrs[j]
	})
	for _, attr := range attrs {
		out = append(out, figureConflict(attr, figs[attr]))
	}
	if c := perpetratorConflict(accs, claims, w); len(c.Values) > 0 {
		out = append(out, c)
	}
	if c := dateConflict(accs, claims); len(c.Values) > 0 {
		out = append(out, c)
	}
	if c := placeConflict(accs, claims, w); len(c.Values) > 0 {
		out = append(out, c)
	}
	if c := targetConflict(accs, claims); len(c.Values) > 0 {
		out = append(out, c)
	}
	return out
}

func attrRank(a string) int {
	switch a {
	case AttrKilled:
		return 0
	case AttrInjured:
		return 1
	}
	return 2
}

// entry accumulates one ConflictValue.
type entry struct {
	cv  graph.ConflictValue
	key string
	// sort and compatibility data
	lo, hi float64
	v      graph.Value
	root   uuid.UUID
	known  bool
	// part is set for an entry of figures that are parts of another
	// entry's figure (figure.partOf): it is placed last, with home.
	part bool
	home *entry
}

func (e *entry) add(a graph.Account, cl []uuid.UUID) {
	e.cv.Claims = appendUnique(e.cv.Claims, cl...)
	e.cv.Accounts = appendUnique(e.cv.Accounts, a.ID)
	for _, s := range e.cv.Sources {
		if s.ID == a.Speaker.ID {
			return
		}
	}
	e.cv.Sources = append(e.cv.Sources, a.Speaker)
}

func appendUnique(ids []uuid.UUID, add ...uuid.UUID) []uuid.UUID {
	for _, x := range add {
		found := false
		for _, y := range ids {
			found = found || x == y
		}
		if !found {
			ids = append(ids, x)
		}
	}
	return ids
}

func finish(attr string, es []*entry, compatible func(a, b *entry) bool, home func(i int, es []*entry) int) graph.Conflict {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].lo != es[j].lo {
			return es[i].lo < es[j].lo
		}
		if es[i].hi != es[j].hi {
			return es[i].hi < es[j].hi
		}
		return es[i].key < es[j].key
	})
	c := graph.Conflict{Attribute: attr}
	for _, e := range es {
		sortIDs(e.cv.Claims)
		sortIDs(e.cv.Accounts)
		sort.Slice(e.cv.Sources, func(i, j int) bool { return idLess(e.cv.Sources[i].ID, e.cv.Sources[j].ID) })
		c.Values = append(c.Values, e.cv)
	}
	// Greedy partition into compatible sets, in value order; revised
	// values are placed last.
	group := make([]int, len(es))
	for i := range group {
		group[i] = -1
	}
	place := func(i int) {
		for g := range c.Groups {
			ok := true
			for _, j := range c.Groups[g] {
				ok = ok && compatible(es[i], es[j])
			}
			if ok {
				c.Groups[g] = append(c.Groups[g], i)
				group[i] = g
				return
			}
		}
		if home != nil {
			if j := home(i, es); j >= 0 && group[j] >= 0 {
				c.Groups[group[j]] = append(c.Groups[group[j]], i)
				group[i] = group[j]
				return
			}
		}
		c.Groups = append(c.Groups, []int{i})
		group[i] = len(c.Groups) - 1
	}
	for i, e := range es {
		if e.cv.RevisedBy == nil && !e.part {
			place(i)
		}
	}
	for i, e := range es {
		if e.cv.RevisedBy != nil && !e.part {
			place(i)
		}
	}
	for i, e := range es {
		if e.part {
			place(i)
		}
	}
	for g := range c.Groups {
		sort.Ints(c.Groups[g])
	}
	sort.Slice(c.Groups, func(i, j int) bool { return c.Groups[i][0] < c.Groups[j][0] })
	return c
}

func sortIDs(ids []uuid.UUID) {
	sort.Slice(ids, func(i, j int) bool { return idLess(ids[i], ids[j]) })
}

func figureText(v graph.Value) string {
	if v.Text != "" {
		return v.Text
	}
	if v.Value == nil {
		return string(v.Bound)
	}
	return fmt.Sprintf("%s %g", v.Bound, *v.Value)
}

func figureConflict(attr string, fs []*figure) graph.Conflict {
	var es []*entry
	byKey := map[string]*entry{}
	of := map[*figure]*entry{}
	for _, f := range fs {
		lo, hi := Interval(f.v)
		key := fmt.Sprintf("%g|%g|%s", lo, hi, normBound(f.v.Bound))
		if f.revisedBy != nil {
			key += "|revised:" + f.acc.Speaker.ID.String()
		}
		if f.partOf != nil {
			key += "|part:" + f.acc.DocumentID.String() + ":" + f.acc.Speaker.ID.String() + ":" + f.acc.ID.String()
		}
		e := byKey[key]
		if e == nil {
			e = &entry{key: key, lo: lo, hi: hi, v: f.v}
			e.cv = graph.ConflictValue{Bound: normBound(f.v.Bound), Text: figureText(f.v), RevisedBy: f.revisedBy, Polarity: graph.Affirmed}
			if f.v.Value != nil {
				e.cv.Value = *f.v.Value
			} else {
				e.cv.Value = figureText(f.v)
			}
			byKey[key] = e
			es = append(es, e)
		}
		e.add(f.acc, f.claim)
		e.part = f.partOf != nil
		of[f] = e
	}
	for _, f := range fs {
		if f.partOf != nil {
			of[f].home = of[f.partOf]
		}
	}
	home := func(i int, es []*entry) int {
		if es[i].part {
			for j, e := range es {
				if e == es[i].home {
					return j
				}
			}
		}
		if es[i].cv.RevisedBy != nil && !unnamedCount(attr) && againstOthers(es[i], es) {
			return -1
		}
		for j, e := range es {
			for _, cl := range e.cv.Claims {
				if es[i].cv.RevisedBy != nil && cl == *es[i].cv.RevisedBy {
					return j
				}
			}
		}
		return -1
	}
	unnamed := unnamedCount(attr)
	return finish(attr, es, func(a, b *entry) bool { return unnamed || Compatible(a.v, b.v) }, home)
}

// againstOthers reports whether a revised figure cannot be true with a
// current figure another source gives (one whose speakers it shares
// none of): a superseded count that others' figures contradict ("38"
// revised to 43, against the mission's "at least 42") stays a value in
// conflict, not one its revision absorbs; a superseded count only its own
// revision contradicts is no conflict.
func againstOthers(r *entry, es []*entry) bool {
	for _, e := range es {
		if e == r || e.part || e.cv.RevisedBy != nil || Compatible(r.v, e.v) {
			continue
		}
		shared := false
		for _, s := range e.cv.Sources {
			for _, t := range r.cv.Sources {
				shared = shared || s.ID == t.ID
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

// partySet is the parties one account blames, or clears, together.
type partySet struct {
	pol     graph.Polarity
	parties []graph.Attribution
}

// partySets returns the parties an account names, its perpetrator first,
// each once, in one set per polarity: "the regime, not the opposition"
// blames one and clears the other. A denied account clears them all.
func partySets(a graph.Account) []partySet {
	var out []partySet
	seen := map[uuid.UUID]bool{}
	for _, p := range append([]graph.Attribution{*a.Perpetrator}, a.CoPerpetrators...) {
		if p.Entity.ID == uuid.Nil || seen[p.Entity.ID] {
			continue
		}
		seen[p.Entity.ID] = true
		pol := polarityOf(p.Polarity)
		if a.Polarity == graph.Denied {
			pol = graph.Denied
		}
		i := 0
		for i < len(out) && out[i].pol != pol {
			i++
		}
		if i == len(out) {
			out = append(out, partySet{pol: pol})
		}
		out[i].parties = append(out[i].parties, p)
	}
	return out
}

// perpetratorConflict groups the parties the accounts blame. A value is
// the set of parties one account names ("Syrian and Russian warplanes" is
// one value of two parties). Two values blaming are compatible when a
// party of one is a party of the other or part of it (World.PartOf: the
// Syrian Arab Air Force and the Syrian Arab Army; US forces and the
// coalition the United States leads; Ahrar al-Sham and Jaysh al-Fatah,
// the alliance it is in): one speaker is only more specific, or names
// more of the parties, than the other. Parties merely on one side (Syria
// and Russia, two factions of one alliance, an army and a militia of one
// state) are different answers. A denial conflicts with a blame of a
// party nested with one it clears, and with nothing else.
func perpetratorConflict(accs []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) graph.Conflict {
	var es []*entry
	byKey := map[string]*entry{}
	ids := map[*entry][]uuid.UUID{}
	sources := map[[2]uuid.UUID]bool{}
	for _, a := range accs {
		if a.Perpetrator == nil || a.Perpetrator.Entity.ID == uuid.Nil || !counted(a, claims) {
			continue
		}
		// The party an account of an evacuation names is the side moved
		// out ("the terrorists left on 61 buses") or the side moving it
		// out ("the army evacuated the town"), as each source tells it:
		// two such parties are the evacuation's two sides, not two
		// parties blamed for one happening.
		if a.Type == graph.EventEvacuation {
			continue
		}
		sources[perpSource(a, w)] = true
		for _, ps := range partySets(a) {
			pol, p := ps.pol, ps.parties[0]
			set := make([]uuid.UUID, 0, len(ps.parties))
			for _, q := range ps.parties {
				set = append(set, q.Entity.ID)
			}
			sorted := append([]uuid.UUID(nil), set...)
			sortIDs(sorted)
			var key strings.Builder
			for _, id := range sorted {
				key.WriteString(id.String() + "+")
			}
			key.WriteString("|" + string(pol))
			e := byKey[key.String()]
			if e == nil {
				var names []string
				for _, q := range ps.parties {
					name := q.Entity.Name
					if name == "" {
						name = w.Name(q.Entity.ID)
					}
					names = append(names, name)
				}
				name := strings.Join(names, " and ")
				text := p.Text
				if p.Hedge != "" {
					text = strings.TrimSpace(p.Hedge + " " + text)
				}
				e = &entry{key: name + "|" + key.String(), root: w.Root(p.Entity.ID), known: identifying(&p, w)}
				e.cv = graph.ConflictValue{Value: name, Text: text, Polarity: pol}
				if pol == graph.Denied {
					e.lo = 1
				}
				byKey[key.String()] = e
				ids[e] = set
				es = append(es, e)
			}
			e.add(a, claimsFor(a, p.Span, claims))
		}
	}
	nested := func(a, b *entry) bool {
		for _, x := range ids[a] {
			for _, y := range ids[b] {
				if w.nestedParties(x, y) {
					return true
				}
			}
		}
		return false
	}
	// The only source naming parties in the event does not conflict with
	// itself: a ministry that claims its sorties and, in the same
	// statement, denies a strike on a town (its spokesman quoted for one,
	// the ministry for the other) gives its own version, not a dispute.
	alone := len(sources) == 1
	compatible := func(a, b *entry) bool {
		if !a.known || !b.known || alone {
			return true
		}
		if a.cv.Polarity == b.cv.Polarity {
			return a.cv.Polarity == graph.Denied || nested(a, b)
		}
		return !nested(a, b)
	}
	return finish(AttrPerpetrator, es, compatible, nil)
}

// perpSource is who names an account's parties, as one source: its
// document and the root of its speaker's affiliation (a ministry and its
// spokesman are one), or the account itself when either is unknown.
func perpSource(a graph.Account, w *World) [2]uuid.UUID {
	if a.DocumentID == uuid.Nil || a.Speaker.ID == uuid.Nil {
		return [2]uuid.UUID{a.ID, uuid.Nil}
	}
	return [2]uuid.UUID{a.DocumentID, w.Root(a.Speaker.ID)}
}

func dateConflict(accs []graph.Account, claims map[uuid.UUID]graph.Claim) graph.Conflict {
	var es []*entry
	byKey := map[string]*entry{}
	wins := map[*entry]window{}
	// A siege's dates are days it went on, a year or more apart in one
	// siege (lasting.go): two such dates do not conflict.
	sieges := map[*entry]bool{}
	for _, a := range accs {
		if a.Date == nil || !counted(a, claims) || a.Polarity == graph.Denied {
			continue
		}
		win, ok := eventWindow(a)
		if !ok {
			continue
		}
		text := a.Date.From
		if a.Date.To != "" && a.Date.To != a.Date.From {
			text += ".." + a.Date.To
		}
		e := byKey[text]
		if e == nil {
			e = &entry{key: text, lo: float64(win.from.Unix()), hi: float64(win.to.Unix())}
			e.cv = graph.ConflictValue{Value: text, Text: a.Date.Text, Polarity: graph.Affirmed}
			if e.cv.Text == "" {
				e.cv.Text = text
			}
			byKey[text] = e
			wins[e] = win
			sieges[e] = true
			es = append(es, e)
		}
		sieges[e] = sieges[e] && lasting(a.Type)
		e.add(a, claimsFor(a, a.Date.Span, claims))
	}
	return finish(AttrDate, es, func(a, b *entry) bool { return wins[a].overlaps(wins[b]) || sieges[a] && sieges[b] }, nil)
}

func placeConflict(accs []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) graph.Conflict {
	var es []*entry
	byKey := map[uuid.UUID]*entry{}
	held := map[*entry]graph.Account{}   // an account of the entry's place whose document puts it inside another
	inArea := map[*entry]graph.Account{} // the first account of the entry's place whose document puts it in an area (docArea)
	for _, a := range accs {
		if a.Place == nil || a.Place.Entity.ID == uuid.Nil || !counted(a, claims) || a.Polarity == graph.Denied {
			continue
		}
		// An evacuation read at the town it leaves (Account.Origin) is
		// placed at the journey's other end, not at another place for it.
		if len(originFamily(a, w)) > 0 {
			continue
		}
		id := a.Place.Entity.ID
		e := byKey[id]
		if e == nil {
			e = &entry{key: id.String(), root: id, lo: -float64(len(w.Ancestors(id)))}
			e.cv = graph.ConflictValue{Value: placeName(a, w), Text: a.Place.Text, Polarity: graph.Affirmed}
			byKey[id] = e
			es = append(es, e)
		}
		// A place its document puts inside another ("al-Raqah village in
		// Bani Qais district") does not conflict with that other.
		if a.PlaceWithin != nil {
			held[e] = a
		}
		// A place its document puts in an area, perhaps another's
		// spelling there ("Jinah", "al-Jeena": spelledInArea).
		if _, ok := inArea[e]; !ok && docArea(a, w) != uuid.Nil {
			inArea[e] = a
		}
		e.add(a, claimsFor(a, a.Place.Span, claims))
	}
	return finish(AttrPlace, es, func(a, b *entry) bool {
		if w.compatiblePlaces(a.root, b.root) {
			return true
		}
		if x, ok := inArea[a]; ok {
			if y, ok := inArea[b]; ok && spelledInArea(x, y, w) {
				return true
			}
		}
		if x, ok := held[a]; ok && heldByText(x, b.root, w) {
			return true
		}
		x, ok := held[b]
		return ok && heldByText(x, a.root, w)
	}, nil)
}

func targetConflict(accs []graph.Account, claims map[uuid.UUID]graph.Claim) graph.Conflict {
	var es []*entry
	byKey := map[string]*entry{}
	for _, a := range accs {
		t := strings.TrimSpace(a.Target)
		if t == "" || !counted(a, claims) || a.Polarity == graph.Denied {
			continue
		}
		k := strings.ToLower(t)
		e := byKey[k]
		if e == nil {
			e = &entry{key: k, hi: math.Inf(1)}
			e.cv = graph.ConflictValue{Value: t, Text: t, Polarity: graph.Affirmed}
			byKey[k] = e
			es = append(es, e)
		}
		e.add(a, claimsFor(a, graph.Span{}, claims))
	}
	return finish(AttrTarget, es, func(a, b *entry) bool { return true }, nil)
}

// Conflicting reports whether a conflict has values in more than one group.
func Conflicting(c graph.Conflict) bool { return len(c.Groups) > 1 }

// Contestedness scores a list of conflicts for sorting events, most
// contested first: the number of incompatible value groups summed over
// the attributes in conflict, and those attributes in order. An event
// without conflict scores 0; two sources giving two incompatible death
// tolls score 2; adding a disputed perpetrator makes it 4.
func Contestedness(cs []graph.Conflict) (score int, attributes []string) {
	for _, c := range cs {
		if Conflicting(c) {
			score += len(c.Groups)
			attributes = append(attributes, c.Attribute)
		}
	}
	return score, attributes
}
