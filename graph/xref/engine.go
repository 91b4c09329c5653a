package xref

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// Store is what the engine reads; cayleystore.Store satisfies it.
type Store interface {
	// AccountsByKey returns the accounts indexed under any of the keys,
	// with EventID set.
	AccountsByKey(ctx context.Context, keys []string) ([]graph.Account, error)
	// EventAccounts returns the accounts assigned to an event.
	EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	// Claims returns the claims of ids; unknown ids are skipped.
	Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error)
	// JudgementsFor returns the judgements acting on target, revoked ones
	// included.
	JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error)
	// Entities returns the entities of ids; unknown ids are skipped.
	Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error)
}

// Engine cross-references new documents against a store. Plan is not safe
// for concurrent use with itself: the caller serialises Plan and Commit
// (one writer).
type Engine struct {
	store Store
	world *World
	// Now stamps computed links; time.Now by default.
	Now func() time.Time
}

// New returns an engine over the store and the gazetteer (which may be nil).
func New(s Store, g *gazetteer.Gazetteer) *Engine {
	var base Gazetteer
	if g != nil {
		base = g
	}
	return &Engine{store: s, world: NewWorld(base), Now: time.Now}
}

// World returns the engine's view of the gazetteer.
func (e *Engine) World() *World { return e.world }

// PrepareAccounts sets what cross-referencing derives on a document's
// accounts: Published from the document's date when missing, NotBefore
// for an undated document (the latest date its claims and accounts
// mention), and the blocking Keys.
func PrepareAccounts(x *graph.Extraction, w *World) {
	latest := ""
	for _, c := range x.Claims {
		for _, d := range c.Dates {
			latest = max(latest, lastDay(d))
		}
	}
	for _, a := range x.Accounts {
		if a.Date != nil {
			latest = max(latest, lastDay(*a.Date))
		}
	}
	for i := range x.Accounts {
		a := &x.Accounts[i]
		if a.Published == "" {
			a.Published = x.Document.Date
		}
		a.NotBefore = ""
		if a.Published == "" {
			a.NotBefore = latest
		}
		a.Keys = Keys(*a, w)
	}
}

func lastDay(d graph.Date) string {
	if _, to, ok := dateRange(&d); ok {
		return to.Format("2006-01-02")
	}
	return ""
}

// neighbourhood is what Plan loads around a new document.
type neighbourhood struct {
	accounts   []graph.Account // stored accounts touched, new ones not included
	oldEvent   map[uuid.UUID]uuid.UUID
	oldEvents  map[uuid.UUID][]graph.Account
	candidates map[uuid.UUID]bool // stored accounts sharing a key with a new one
	claims     map[uuid.UUID]graph.Claim
	judgements []graph.Judgement
	gradeJudge map[uuid.UUID][]graph.Judgement // by event id
}

// Plan cross-references a new document: it sets the Keys (and NotBefore)
// of x's accounts, loads the stored accounts sharing a key with them and
// the events those belong to, resolves that neighbourhood again (merging
// events a new account bridges, deleting emptied ones), grades the events
// it touches and computes the links the new claims take part in. It
// returns one batch, with x as its Extraction, for the store to commit
// atomically. Its cost follows the candidates its keys reach, not the size
// of the graph. A document already stored gives a batch that changes
// nothing.
func (e *Engine) Plan(ctx context.Context, x *graph.Extraction) (*graph.Batch, error) {
	if x == nil {
		return nil, graph.Errorf(graph.EINVALID, "nil extraction")
	}
	docID := x.Document.ID
	b := &graph.Batch{Extraction: x, Label: "document:" + docID.String()}
	w := e.world.With(x.Entities...)
	PrepareAccounts(x, w)

	nb, stored, err := e.load(ctx, x, w)
	if err != nil {
		return nil, fmt.Errorf("cross-reference document %s: %w", docID, err)
	}
	if stored {
		return b, nil
	}
	all := append(append([]graph.Account(nil), nb.accounts...), x.Accounts...)
	for _, c := range x.Claims {
		nb.claims[c.ID] = c
	}
	clusters := resolve(all, nb.judgements, w)

	now := e.Now().UTC()
	newEvents := map[uuid.UUID]bool{}
	b.Assign = map[uuid.UUID]uuid.UUID{}
	var newLinks []graph.Link
	for _, c := range clusters {
		ev := EventRecord(c, w)
		newEvents[ev.ID] = true
		var gj []graph.Judgement
		seen := map[uuid.UUID]bool{}
		for _, id := range append([]uuid.UUID{ev.ID}, oldEventsOf(c, nb)...) {
			if !seen[id] {
				seen[id] = true
				gj = append(gj, nb.gradeJudge[id]...)
			}
		}
		g := Grade(c.Accounts, nb.claims, gj, w)
		ev.Grade = &g
		b.Events = append(b.Events, ev)
		for _, a := range c.Accounts {
			if old, ok := nb.oldEvent[a.ID]; !ok || old != ev.ID {
				b.Assign[a.ID] = ev.ID
			}
		}
		newLinks = append(newLinks, stance(c.Accounts, nb.claims, w, now)...)
	}
	for id := range nb.oldEvents {
		if !newEvents[id] {
			b.DeleteEvents = append(b.DeleteEvents, id)
		}
	}
	sortIDs(b.DeleteEvents)
	sort.Slice(b.Events, func(i, j int) bool { return b.Events[i].ID.String() < b.Events[j].ID.String() })

	// Stance links the old events carried that no longer hold.
	oldLinks := map[uuid.UUID]bool{}
	for _, members := range nb.oldEvents {
		for _, l := range stance(members, nb.claims, w, now) {
			oldLinks[l.ID] = true
		}
	}
	keep := map[uuid.UUID]bool{}
	for _, l := range newLinks {
		keep[l.ID] = true
		if !oldLinks[l.ID] {
			b.Links = append(b.Links, l)
		}
	}
	for id := range oldLinks {
		if !keep[id] {
			b.DeleteLinks = append(b.DeleteLinks, id)
		}
	}
	sortIDs(b.DeleteLinks)

	// Text reuse between the new accounts' claims and the claims of the
	// candidates they share a key with.
	l := &linker{links: map[uuid.UUID]graph.Link{}, now: now}
	for _, a := range x.Accounts {
		for _, c := range nb.accounts {
			if nb.candidates[c.ID] && Candidates(a, c, w) {
				reuseBetween(l, a, c, nb.claims)
			}
		}
	}
	for _, r := range l.list() {
		if !keep[r.ID] {
			keep[r.ID] = true
			b.Links = append(b.Links, r)
		}
	}
	sort.Slice(b.Links, func(i, j int) bool { return b.Links[i].ID.String() < b.Links[j].ID.String() })
	return b, nil
}

func oldEventsOf(c Cluster, nb *neighbourhood) []uuid.UUID {
	var out []uuid.UUID
	for _, a := range c.Accounts {
		if ev, ok := nb.oldEvent[a.ID]; ok {
			out = append(out, ev)
		}
	}
	return sortedIDs(out)
}

// reuseBetween adds repeats links between the claims of two accounts of
// different documents, from the later document's claim to the earlier's.
func reuseBetween(l *linker, a, b graph.Account, claims map[uuid.UUID]graph.Claim) {
	if a.DocumentID == b.DocumentID {
		return
	}
	ca, cb := accountClaims(a, claims), accountClaims(b, claims)
	pub := map[uuid.UUID]string{a.DocumentID: pubOf(a), b.DocumentID: pubOf(b)}
	reuseLinks(l, ca, cb, pub)
	reuseLinks(l, cb, ca, pub)
}

func accountClaims(a graph.Account, claims map[uuid.UUID]graph.Claim) []graph.Claim {
	var out []graph.Claim
	for _, id := range a.Claims {
		if c, ok := claims[id]; ok && !c.Deprecated {
			out = append(out, c)
		}
	}
	return out
}

// stance is Links without text reuse: the links that depend on event
// membership.
func stance(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World, now time.Time) []graph.Link {
	l := &linker{links: map[uuid.UUID]graph.Link{}, now: now}
	accs := append([]graph.Account(nil), accounts...)
	sort.Slice(accs, func(i, j int) bool { return accs[i].ID.String() < accs[j].ID.String() })
	for i := range accs {
		for j := i + 1; j < len(accs); j++ {
			stanceLinks(l, accs[i], accs[j], claims, w)
		}
	}
	return l.list()
}

// load reads the neighbourhood of x's accounts. stored is true when x's
// accounts are already in the store.
func (e *Engine) load(ctx context.Context, x *graph.Extraction, w *World) (*neighbourhood, bool, error) {
	nb := &neighbourhood{
		oldEvent:   map[uuid.UUID]uuid.UUID{},
		oldEvents:  map[uuid.UUID][]graph.Account{},
		candidates: map[uuid.UUID]bool{},
		claims:     map[uuid.UUID]graph.Claim{},
		gradeJudge: map[uuid.UUID][]graph.Judgement{},
	}
	mine := map[uuid.UUID]bool{}
	keySet := map[string]bool{}
	for _, a := range x.Accounts {
		mine[a.ID] = true
		for _, k := range QueryKeys(a, w) {
			keySet[k] = true
		}
	}
	if len(keySet) == 0 {
		return nb, false, nil
	}
	keys := make([]string, 0, len(keySet))
	for k := range keySet {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	cands, err := e.store.AccountsByKey(ctx, keys)
	if err != nil {
		return nil, false, fmt.Errorf("load candidates: %w", err)
	}
	byID := map[uuid.UUID]graph.Account{}
	for _, a := range cands {
		if mine[a.ID] {
			return nb, true, nil
		}
		byID[a.ID] = a
		nb.candidates[a.ID] = true
	}
	var events []uuid.UUID
	for _, a := range cands {
		if a.EventID != nil {
			if _, ok := nb.oldEvents[*a.EventID]; !ok {
				nb.oldEvents[*a.EventID] = nil
				events = append(events, *a.EventID)
			}
		}
	}
	sortIDs(events)
	for _, ev := range events {
		members, err := e.store.EventAccounts(ctx, ev)
		if err != nil {
			return nil, false, fmt.Errorf("load event %s: %w", ev, err)
		}
		nb.oldEvents[ev] = members
		for _, a := range members {
			byID[a.ID] = a
			nb.oldEvent[a.ID] = ev
		}
		js, err := e.store.JudgementsFor(ctx, ev)
		if err != nil {
			return nil, false, fmt.Errorf("load judgements of event %s: %w", ev, err)
		}
		nb.gradeJudge[ev] = js
	}
	for _, a := range cands {
		if a.EventID != nil {
			nb.oldEvent[a.ID] = *a.EventID
		}
	}
	var claimIDs, entityIDs []uuid.UUID
	for _, a := range byID {
		nb.accounts = append(nb.accounts, a)
		claimIDs = append(claimIDs, a.Claims...)
		entityIDs = append(entityIDs, accountEntities(a, w)...)
	}
	sort.Slice(nb.accounts, func(i, j int) bool { return nb.accounts[i].ID.String() < nb.accounts[j].ID.String() })
	if len(claimIDs) > 0 {
		cs, err := e.store.Claims(ctx, sortedIDs(claimIDs))
		if err != nil {
			return nil, false, fmt.Errorf("load claims: %w", err)
		}
		for _, c := range cs {
			nb.claims[c.ID] = c
		}
	}
	if err := e.loadEntities(ctx, w, entityIDs); err != nil {
		return nil, false, err
	}
	// Merge and split judgements act on accounts.
	seen := map[uuid.UUID]bool{}
	for _, a := range append(append([]graph.Account(nil), nb.accounts...), x.Accounts...) {
		js, err := e.store.JudgementsFor(ctx, a.ID)
		if err != nil {
			return nil, false, fmt.Errorf("load judgements of account %s: %w", a.ID, err)
		}
		for _, j := range js {
			if !seen[j.ID] && (j.Kind == graph.JudgeMerge || j.Kind == graph.JudgeSplit) {
				seen[j.ID] = true
				nb.judgements = append(nb.judgements, j)
			}
		}
	}
	return nb, false, nil
}

// loadEntities adds to w the stored entities of ids it does not know, and
// the places and affiliations they lead to.
func (e *Engine) loadEntities(ctx context.Context, w *World, ids []uuid.UUID) error {
	tried := map[uuid.UUID]bool{}
	for round := 0; round < maxChain && len(ids) > 0; round++ {
		var want []uuid.UUID
		for _, id := range ids {
			if _, ok := w.Entity(id); !ok && !tried[id] && id != uuid.Nil {
				tried[id] = true
				want = append(want, id)
			}
		}
		if len(want) == 0 {
			return nil
		}
		es, err := e.store.Entities(ctx, sortedIDs(want))
		if err != nil {
			return fmt.Errorf("load entities: %w", err)
		}
		w.Add(es...)
		ids = ids[:0]
		for _, en := range es {
			if en.Within != nil {
				ids = append(ids, *en.Within)
			}
			if en.Affiliation != nil {
				ids = append(ids, *en.Affiliation)
			}
		}
	}
	return nil
}

// accountEntities lists the entities an account refers to that the world
// does not know (document entities of earlier documents: anonymous
// sources, places and parties the gazetteer lacks).
func accountEntities(a graph.Account, w *World) []uuid.UUID {
	var out []uuid.UUID
	add := func(id uuid.UUID) {
		if id != uuid.Nil {
			if _, ok := w.Entity(id); !ok {
				out = append(out, id)
			}
		}
	}
	add(a.Speaker.ID)
	if a.Place != nil {
		add(a.Place.Entity.ID)
	}
	if a.Perpetrator != nil {
		add(a.Perpetrator.Entity.ID)
	}
	return out
}

// Rebuild cross-references accounts from scratch: the same keys, events,
// grades and links as ingesting their documents one by one with Plan, in
// any order. claims are the accounts' claims; judgements the analyst's
// merge, split and grade judgements. Entities the gazetteer lacks are read
// from the store. The batch assigns every account and writes every event
// and link; it deletes nothing.
func (e *Engine) Rebuild(ctx context.Context, accounts []graph.Account, claims []graph.Claim, judgements []graph.Judgement) (*graph.Batch, error) {
	w := e.world.With()
	var unknown []uuid.UUID
	for _, a := range accounts {
		unknown = append(unknown, accountEntities(a, w)...)
	}
	if err := e.loadEntities(ctx, w, unknown); err != nil {
		return nil, fmt.Errorf("rebuild: %w", err)
	}
	cmap := make(map[uuid.UUID]graph.Claim, len(claims))
	byDoc := map[uuid.UUID]*graph.Extraction{}
	var docs []uuid.UUID
	doc := func(id uuid.UUID) *graph.Extraction {
		x := byDoc[id]
		if x == nil {
			x = &graph.Extraction{Document: graph.Document{ID: id}}
			byDoc[id] = x
			docs = append(docs, id)
		}
		return x
	}
	for _, c := range claims {
		cmap[c.ID] = c
		x := doc(c.DocumentID)
		x.Claims = append(x.Claims, c)
	}
	for _, a := range accounts {
		x := doc(a.DocumentID)
		a.Keys, a.EventID = nil, nil
		if a.NotBefore != "" {
			a.Published = "" // NotBefore is derived; Published is the document's own
		}
		x.Accounts = append(x.Accounts, a)
		if a.Published != "" {
			x.Document.Date = a.Published
		}
	}
	sortIDs(docs)
	var all []graph.Account
	for _, d := range docs {
		PrepareAccounts(byDoc[d], w)
		all = append(all, byDoc[d].Accounts...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID.String() < all[j].ID.String() })

	// Components of the key-sharing graph.
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	bucket := map[string][]int{}
	for i, a := range all {
		for _, k := range a.Keys {
			bucket[k] = append(bucket[k], i)
		}
	}
	// Each account joins the accounts its query keys reach (the relation
	// Plan's candidate lookup follows).
	reach := make([][]int, len(all))
	for i, a := range all {
		seen := map[int]bool{i: true}
		for _, k := range QueryKeys(a, w) {
			for _, m := range bucket[k] {
				if !seen[m] {
					seen[m] = true
					reach[i] = append(reach[i], m)
					if ra, rb := find(i), find(m); ra != rb {
						parent[rb] = ra
					}
				}
			}
		}
	}
	// Plan resolves a document's accounts together: so does Rebuild.
	firstOfDoc := map[uuid.UUID]int{}
	for i, a := range all {
		if f, ok := firstOfDoc[a.DocumentID]; !ok {
			firstOfDoc[a.DocumentID] = i
		} else if ra, rb := find(f), find(i); ra != rb {
			parent[rb] = ra
		}
	}
	// Merge judgements also join components.
	index := map[uuid.UUID]int{}
	for i, a := range all {
		index[a.ID] = i
	}
	gradeJudge := map[uuid.UUID][]graph.Judgement{}
	var accountJudge []graph.Judgement
	for _, j := range judgements {
		switch j.Kind {
		case graph.JudgeGrade:
			for _, t := range j.Targets {
				gradeJudge[t] = append(gradeJudge[t], j)
			}
		case graph.JudgeMerge, graph.JudgeSplit:
			accountJudge = append(accountJudge, j)
			if j.Kind == graph.JudgeMerge && j.RevokedAt == nil {
				first := -1
				for _, t := range j.Targets {
					if i, ok := index[t]; ok {
						if first < 0 {
							first = i
						} else if ra, rb := find(first), find(i); ra != rb {
							parent[rb] = ra
						}
					}
				}
			}
		}
	}
	comps := map[int][]graph.Account{}
	var roots []int
	for i, a := range all {
		r := find(i)
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], a)
	}
	sort.Ints(roots)

	now := e.Now().UTC()
	b := &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{}, Label: "xref"}
	l := &linker{links: map[uuid.UUID]graph.Link{}, now: now}
	for _, r := range roots {
		for _, c := range resolve(comps[r], accountJudge, w) {
			ev := EventRecord(c, w)
			var gj []graph.Judgement
			for _, a := range c.Accounts {
				b.Assign[a.ID] = ev.ID
			}
			gj = append(gj, gradeJudge[ev.ID]...)
			g := Grade(c.Accounts, cmap, gj, w)
			ev.Grade = &g
			b.Events = append(b.Events, ev)
			for _, k := range stance(c.Accounts, cmap, w, now) {
				l.links[k.ID] = k
			}
		}
	}
	// Text reuse between candidates.
	for i, ms := range reach {
		for _, m := range ms {
			reuseBetween(l, all[i], all[m], cmap)
		}
	}
	b.Links = l.list()
	sort.Slice(b.Events, func(i, j int) bool { return b.Events[i].ID.String() < b.Events[j].ID.String() })
	return b, nil
}
