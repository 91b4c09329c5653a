package xref

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Cluster is one event's accounts, as resolution found them, with the
// pairs that joined them.
type Cluster struct {
	Accounts []graph.Account
	Evidence []graph.MergeEvidence
}

// IDs returns the cluster's account ids, sorted.
func (c Cluster) IDs() []uuid.UUID {
	ids := make([]uuid.UUID, len(c.Accounts))
	for i, a := range c.Accounts {
		ids[i] = a.ID
	}
	return sortedIDs(ids)
}

// EventID is the id of the cluster's event.
func (c Cluster) EventID() uuid.UUID { return graph.EventID(c.IDs()) }

// Resolve groups accounts into events: connected components over Match,
// with two refinements that keep it from chaining distinct happenings
// through a vague account. Pairs are joined strongest first, and two
// groups are joined only when no account in one is clearly different
// from an account in the other (incompatible types, distinct places,
// disjoint dates). An active split keeps its accounts apart (a split
// naming one account keeps it apart from every account it is not merged
// with). An active merge is applied after the computed pairs: it joins
// the events its accounts were resolved to whatever Match says (but not
// across a split), without letting other accounts through its merged
// accounts' differences. The later of a merge and a split on the same
// pair wins.
//
// When accounts carry blocking keys (graph.Account.Keys), only
// Candidates are compared, and an account without keys among them only
// with its own document's accounts. The result depends only on the set of
// accounts and judgements, not on their order.
func Resolve(accounts []graph.Account, judgements []graph.Judgement, w *World) []Cluster {
	return resolve(accounts, judgements, w)
}

type pairKey [2]uuid.UUID

func mkPair(a, b uuid.UUID) pairKey {
	if idLess(b, a) {
		a, b = b, a
	}
	return pairKey{a, b}
}

type edge struct {
	i, j     int
	score    float64
	reasons  []string
	analyst  bool
	ordering string
	// answerer is the index of the late denial when the pair matched as
	// its answer to the other (verdict.answer), -1 otherwise.
	answerer int
}

// judged is the analyst's word on pairs of accounts.
type judged struct {
	merge  map[pairKey]bool // true: merge wins; false: split wins
	alone  map[uuid.UUID]bool
	merged map[uuid.UUID]bool
}

func judge(judgements []graph.Judgement, present map[uuid.UUID]bool) judged {
	js := append([]graph.Judgement(nil), judgements...)
	sort.SliceStable(js, func(i, j int) bool {
		if !js[i].CreatedAt.Equal(js[j].CreatedAt) {
			return js[i].CreatedAt.Before(js[j].CreatedAt)
		}
		return idLess(js[i].ID, js[j].ID)
	})
	out := judged{merge: map[pairKey]bool{}, alone: map[uuid.UUID]bool{}, merged: map[uuid.UUID]bool{}}
	for _, j := range js {
		if j.RevokedAt != nil || (j.Kind != graph.JudgeMerge && j.Kind != graph.JudgeSplit) {
			continue
		}
		var ts []uuid.UUID
		for _, t := range j.Targets {
			if present[t] {
				ts = append(ts, t)
			}
		}
		if j.Kind == graph.JudgeSplit && len(ts) == 1 {
			out.alone[ts[0]] = true
			continue
		}
		for x := 0; x < len(ts); x++ {
			for y := x + 1; y < len(ts); y++ {
				if ts[x] != ts[y] {
					out.merge[mkPair(ts[x], ts[y])] = j.Kind == graph.JudgeMerge
				}
			}
		}
		if j.Kind == graph.JudgeMerge {
			for _, t := range ts {
				out.merged[t] = true
				delete(out.alone, t)
			}
		}
	}
	return out
}

// forbidden reports whether the analyst keeps a and b apart.
func (j judged) forbidden(a, b uuid.UUID) bool {
	if m, ok := j.merge[mkPair(a, b)]; ok {
		return !m
	}
	return j.alone[a] || j.alone[b]
}

func resolve(accounts []graph.Account, judgements []graph.Judgement, w *World) []Cluster {
	accs := append([]graph.Account(nil), accounts...)
	sort.Slice(accs, func(i, j int) bool { return idLess(accs[i].ID, accs[j].ID) })
	// Drop duplicates (the same account reached twice).
	uniq := accs[:0]
	for i, a := range accs {
		if i > 0 && a.ID == accs[i-1].ID {
			continue
		}
		uniq = append(uniq, a)
	}
	accs = uniq
	present := map[uuid.UUID]bool{}
	for _, a := range accs {
		present[a.ID] = true
	}
	jd := judge(judgements, present)

	n := len(accs)
	pairs := newPairFlags(n)
	// verdictOf is match's, but two accounts of a siege apart in time
	// (verdict.lasting) are clearly different when a capture or an
	// evacuation at their place is dated between them (siegeEnded).
	verdictOf := func(i, j int) verdict {
		v := match(accs[i], accs[j], w)
		if !v.lasting {
			return v
		}
		for k := range accs {
			if k != i && k != j && siegeEnded(accs[i], accs[j], accs[k], w) {
				v.ok, v.different = false, true
				v.reasons = append(v.reasons, fmt.Sprintf("a %s at %s dated between them ended the siege the earlier one tells of", accs[k].Type, placeName(accs[k], w)))
				break
			}
		}
		return v
	}
	compare := func(i, j int) uint8 {
		f := pairs.get(i, j)
		if f&pairCompared == 0 {
			f = flagsOf(verdictOf(i, j))
			pairs.set(i, j, f)
		}
		return f
	}
	// isDifferent compares a pair on demand: pairs that share no key are
	// not candidates, but must still be kept apart when clearly different.
	isDifferent := func(i, j int) bool {
		return compare(i, j)&pairDifferent != 0
	}
	// isWeeksApart: the pair's reports are weeks apart (verdict.weeksApart).
	isWeeksApart := func(i, j int) bool {
		return compare(min(i, j), max(i, j))&pairWeeks != 0
	}
	// Query keys once per account, not once per pair (Candidates).
	qk := make([][]string, n)
	for i, a := range accs {
		if len(a.Keys) > 0 {
			qk[i] = QueryKeys(a, w)
		}
	}
	judgedPairs := len(jd.merge) > 0 || len(jd.alone) > 0
	var edges []edge
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := accs[i], accs[j]
			if judgedPairs {
				if m, ok := jd.merge[mkPair(a.ID, b.ID)]; ok && m {
					edges = append(edges, edge{i: i, j: j, score: 1, analyst: true, answerer: -1,
						reasons: []string{"an analyst judged these accounts to describe one event"}})
					continue
				}
				if jd.forbidden(a.ID, b.ID) {
					pairs.set(i, j, pairDifferent)
					continue
				}
			}
			// Keyed accounts are compared only as candidates. An account
			// without keys (hand-built ones aside) meets no other
			// document's accounts: what reaches it would depend on which
			// neighbourhood its document-mates happened to load, so on
			// the order documents arrive in. It meets its own document's.
			keyed := len(a.Keys) > 0 || len(b.Keys) > 0
			sameDoc := a.DocumentID == b.DocumentID && a.DocumentID != uuid.Nil
			if keyed && !(sameDoc && (len(a.Keys) == 0 || len(b.Keys) == 0)) && !shareKey(qk[i], b.Keys) && !shareKey(qk[j], a.Keys) {
				continue
			}
			v := verdictOf(i, j)
			pairs.set(i, j, flagsOf(v))
			if v.ok {
				e := edge{i: i, j: j, score: v.score, reasons: v.reasons, answerer: -1}
				if v.answer {
					e.answerer = j
					if answersLate(a, b) {
						e.answerer = i
					}
				}
				edges = append(edges, e)
			}
		}
	}
	sort.SliceStable(edges, func(x, y int) bool {
		ex, ey := edges[x], edges[y]
		if ex.analyst != ey.analyst {
			return ey.analyst
		}
		if ex.score != ey.score {
			return ex.score > ey.score
		}
		if ex.i != ey.i {
			return ex.i < ey.i
		}
		return ex.j < ey.j
	})

	comp := make([]int, n)
	members := make([][]int, n)
	for i := range comp {
		comp[i] = i
		members[i] = []int{i}
	}
	evidence := make([][]graph.MergeEvidence, n)
	// apart reports whether two groups must stay apart: an analyst keeps
	// some pair apart, or some pair is clearly different. Computed pairs
	// are joined first, analyst merges last: a merge joins the events its
	// accounts were resolved to, overriding computed differences between
	// them, and gives its accounts no pull of their own on other events.
	apart := func(ci, cj int, analyst bool) bool {
		for _, x := range members[ci] {
			for _, y := range members[cj] {
				if judgedPairs && jd.forbidden(accs[x].ID, accs[y].ID) {
					return true
				}
				if analyst {
					continue
				}
				if isDifferent(min(x, y), max(x, y)) {
					return true
				}
			}
		}
		return false
	}
	// answerDocs are, per group, the documents of the late denials that
	// answer an account of it (edge.answerer). lateApart reports whether
	// a join that takes a late answer (the edge's, or one either group
	// holds) would put together two reports weeks apart (weeksApart),
	// neither of an answering document (the denial's speaker's own
	// version of the event goes with it): two undated strikes on a town
	// three weeks apart, which one denial after both could otherwise
	// chain into one event.
	answerDocs := make([]map[uuid.UUID]bool, n)
	lateApart := func(e edge, ci, cj int) bool {
		if e.answerer < 0 && len(answerDocs[ci]) == 0 && len(answerDocs[cj]) == 0 {
			return false // no answering document: nothing to check
		}
		docs := map[uuid.UUID]bool{}
		for d := range answerDocs[ci] {
			docs[d] = true
		}
		for d := range answerDocs[cj] {
			docs[d] = true
		}
		if e.answerer >= 0 {
			docs[accs[e.answerer].DocumentID] = true
		}
		if len(docs) == 0 {
			return false
		}
		for _, x := range members[ci] {
			if docs[accs[x].DocumentID] && accs[x].DocumentID != uuid.Nil {
				continue
			}
			for _, y := range members[cj] {
				if docs[accs[y].DocumentID] && accs[y].DocumentID != uuid.Nil {
					continue
				}
				if isWeeksApart(x, y) {
					return true
				}
			}
		}
		return false
	}
	for _, e := range edges {
		ci, cj := comp[e.i], comp[e.j]
		if ci == cj || apart(ci, cj, e.analyst) || !e.analyst && lateApart(e, ci, cj) {
			continue
		}
		if len(members[ci]) < len(members[cj]) || (len(members[ci]) == len(members[cj]) && cj < ci) {
			ci, cj = cj, ci
		}
		for _, m := range members[cj] {
			comp[m] = ci
		}
		members[ci] = append(members[ci], members[cj]...)
		members[cj] = nil
		if e.answerer >= 0 || answerDocs[cj] != nil {
			if answerDocs[ci] == nil {
				answerDocs[ci] = map[uuid.UUID]bool{}
			}
			for d := range answerDocs[cj] {
				answerDocs[ci][d] = true
			}
			if e.answerer >= 0 {
				answerDocs[ci][accs[e.answerer].DocumentID] = true
			}
			answerDocs[cj] = nil
		}
		origin := "computed"
		if e.analyst {
			origin = "analyst"
		}
		evidence[ci] = append(evidence[ci], evidence[cj]...)
		evidence[cj] = nil
		evidence[ci] = append(evidence[ci], graph.MergeEvidence{
			A: accs[e.i].ID, B: accs[e.j].ID, Score: e.score, Reasons: e.reasons, Origin: origin,
		})
	}

	var out []Cluster
	for ci, ms := range members {
		if len(ms) == 0 {
			continue
		}
		sort.Ints(ms)
		c := Cluster{Accounts: make([]graph.Account, 0, len(ms))}
		for _, m := range ms {
			c.Accounts = append(c.Accounts, accs[m])
		}
		ev := evidence[ci]
		sort.Slice(ev, func(x, y int) bool {
			if ev[x].A != ev[y].A {
				return idLess(ev[x].A, ev[y].A)
			}
			return idLess(ev[x].B, ev[y].B)
		})
		c.Evidence = ev
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return idLess(out[i].Accounts[0].ID, out[j].Accounts[0].ID) })
	return out
}

// What resolve knows of a pair of accounts.
const (
	pairCompared  uint8 = 1 << iota // match has given its verdict
	pairDifferent                   // clearly different (or kept apart by an analyst)
	pairWeeks                       // reports weeks apart (verdict.weeksApart)
)

// flagsOf is what resolve keeps of match's verdict on a pair.
func flagsOf(v verdict) uint8 {
	f := pairCompared
	if v.different {
		f |= pairDifferent
	}
	if v.weeksApart {
		f |= pairWeeks
	}
	return f
}

// pairFlagsDense bounds the accounts whose pairs pairFlags keeps in one
// n*n array (256 KiB); larger sets use a map.
const pairFlagsDense = 512

// pairFlags holds what resolve knows of each pair (i, j), i < j, of n
// accounts: in an array for the neighbourhoods planning meets (a map
// entry per pair cost more than the rest of resolve's bookkeeping).
type pairFlags struct {
	n     int
	dense []uint8
	m     map[[2]int]uint8
}

func newPairFlags(n int) *pairFlags {
	if n <= pairFlagsDense {
		return &pairFlags{n: n, dense: make([]uint8, n*n)}
	}
	return &pairFlags{n: n, m: map[[2]int]uint8{}}
}

func (p *pairFlags) get(i, j int) uint8 {
	if p.dense != nil {
		return p.dense[i*p.n+j]
	}
	return p.m[[2]int{i, j}]
}

func (p *pairFlags) set(i, j int, f uint8) {
	if p.dense != nil {
		p.dense[i*p.n+j] = f
		return
	}
	p.m[[2]int{i, j}] = f
}

// specificity ranks event types from most to least specific, for naming an
// event whose accounts disagree on its type.
var specificity = map[graph.EventType]int{
	graph.EventProhibitedArms:  10,
	graph.EventAirstrike:       9,
	graph.EventShelling:        8,
	graph.EventExplosion:       7,
	graph.EventEvacuation:      6,
	graph.EventCapture:         6,
	graph.EventSiege:           6,
	graph.EventBombingCampaign: 5,
	graph.EventDestruction:     4,
	graph.EventMassacre:        3,
	graph.EventAttack:          2,
}

// EventRecord builds the event record of a cluster: the type most accounts
// give (the most specific on a tie; denials do not vote), the date (the
// intersection of the accounts' dates, else the most precise date that
// agrees with most others), the most specific place consistent with the
// others, a title, the merge evidence and the number of documents.
//
// Contested and ContestedAttributes come from Conflicts over the accounts
// (every claim counted: the engine sets them again with the claims, which
// leaves deprecated ones out).
func EventRecord(c Cluster, w *World) graph.Event { return eventRecord(c, nil, w) }

func eventRecord(c Cluster, claims map[uuid.UUID]graph.Claim, w *World) graph.Event {
	ev := graph.Event{ID: c.EventID(), Accounts: c.IDs(), Evidence: c.Evidence}
	ev.Contested, ev.ContestedAttributes = Contestedness(Conflicts(c.Accounts, claims, w))
	// Type.
	votes := map[graph.EventType]int{}
	for _, a := range c.Accounts {
		if a.Polarity != graph.Denied && a.Type != "" {
			votes[a.Type]++
		}
	}
	if len(votes) == 0 {
		for _, a := range c.Accounts {
			if a.Type != "" {
				votes[a.Type]++
			}
		}
	}
	for t, n := range votes {
		best := votes[ev.Type]
		if ev.Type == "" || n > best || (n == best && (specificity[t] > specificity[ev.Type] ||
			specificity[t] == specificity[ev.Type] && t < ev.Type)) {
			ev.Type = t
		}
	}
	ev.Date = eventDate(c.Accounts)
	ev.Place = eventPlace(c.Accounts, w)
	docs := map[uuid.UUID]bool{}
	for _, a := range c.Accounts {
		docs[a.DocumentID] = true
	}
	ev.Documents = len(docs)
	ev.Title = title(ev, w)
	return ev
}

func eventDate(accs []graph.Account) *graph.Date {
	type rng struct {
		from, to string
		prec     graph.DatePrecision
	}
	var rs []rng
	for _, a := range accs {
		if f, t, ok := dateRange(a.Date); ok {
			rs = append(rs, rng{f.Format("2006-01-02"), t.Format("2006-01-02"), a.Date.Precision})
		}
	}
	if len(rs) == 0 {
		return nil
	}
	from, to := rs[0].from, rs[0].to
	for _, r := range rs[1:] {
		from, to = max(from, r.from), min(to, r.to)
	}
	if from <= to {
		p := graph.PrecisionRange
		if from == to {
			p = graph.PrecisionDay
		}
		return &graph.Date{From: from, To: to, Precision: p}
	}
	// No common day: the most precise date agreeing with most others.
	best, bestAgree := -1, -1
	for i, r := range rs {
		agree := 0
		for _, o := range rs {
			if r.from <= o.to && o.from <= r.to {
				agree++
			}
		}
		if best < 0 || agree > bestAgree || agree == bestAgree && span(r.from, r.to) < span(rs[best].from, rs[best].to) ||
			agree == bestAgree && span(r.from, r.to) == span(rs[best].from, rs[best].to) && r.from < rs[best].from {
			best, bestAgree = i, agree
		}
	}
	r := rs[best]
	p := r.prec
	if p == "" {
		p = graph.PrecisionRange
	}
	return &graph.Date{From: r.from, To: r.to, Precision: p}
}

func span(from, to string) int {
	f, _ := parseDay(from)
	t, _ := parseDay(to)
	return int(t.Sub(f) / day)
}

func eventPlace(accs []graph.Account, w *World) *graph.EntityRef {
	var best *graph.EntityRef
	bestRel, bestDepth := -1, -1
	seen := map[uuid.UUID]bool{}
	for _, a := range accs {
		if a.Place == nil || a.Place.Entity.ID == uuid.Nil || seen[a.Place.Entity.ID] {
			continue
		}
		p := a.Place.Entity
		seen[p.ID] = true
		rel := 0
		for _, o := range accs {
			if o.Place != nil && w.compatiblePlaces(p.ID, o.Place.Entity.ID) {
				rel++
			}
		}
		depth := len(w.Ancestors(p.ID))
		if e, ok := w.Entity(p.ID); ok {
			p = e.Ref()
		}
		if best == nil || rel > bestRel || rel == bestRel && depth > bestDepth ||
			rel == bestRel && depth == bestDepth && idLess(p.ID, best.ID) {
			ref := p
			best, bestRel, bestDepth = &ref, rel, depth
		}
	}
	return best
}

func title(ev graph.Event, w *World) string {
	parts := []string{strings.ReplaceAll(string(ev.Type), "_", " ")}
	if ev.Place != nil {
		name := ev.Place.Name
		for _, anc := range w.Ancestors(ev.Place.ID) {
			if anc.Name != "" && anc.Name != name && !vaguePlace(anc.PlaceType) {
				name = fmt.Sprintf("%s (%s)", name, anc.Name)
				break
			}
		}
		parts = append(parts, name)
	}
	if ev.Date != nil {
		if ev.Date.From == ev.Date.To {
			parts = append(parts, ev.Date.From)
		} else {
			parts = append(parts, ev.Date.From+" to "+ev.Date.To)
		}
	}
	return strings.Join(parts, ", ")
}
