package xref

import (
	"bytes"
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
	// Accounts returns the accounts of ids, with EventID set; unknown ids
	// are skipped.
	Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	// EventAccounts returns the accounts assigned to an event.
	EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	// DocumentAccounts returns the accounts a document gives, with
	// EventID set.
	DocumentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	// Claims returns the claims of ids; unknown ids are skipped.
	Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error)
	// EntityClaims lists the claims that mention an entity or whose
	// speaker it is, one page at a time.
	EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	// JudgementsFor returns the judgements acting on target, revoked ones
	// included.
	JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error)
	// Entities returns the entities of ids; unknown ids are skipped.
	Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error)
}

// Engine cross-references new documents against a store. Plan, Judge and
// Revoke are not safe for concurrent use with each other: the caller
// serialises planning and Commit (one writer).
type Engine struct {
	store Store
	world *World
	// Now stamps computed links; time.Now by default.
	Now func() time.Time
	// full turns off the incremental shortcuts of Plan (tests compare
	// the two).
	full bool
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
// mention), ContextPlace for an account without a place in a document
// whose accounts name none (the place its claims mention) or, for a
// happening that lasts, whose placed accounts name one place
// (accountsPlace), InnerPlace
// for an account placed only in a governorate or a region whose document
// tells of its happening at one place inside it, Origin for an
// evacuation account whose document places the evacuation's start at
// another town (evacuationOrigin), PlaceArea for an account placed where
// the gazetteer cannot locate but its sentence names a governorate's
// places (placeArea), PlaceWithin for one whose document puts its place
// inside another (placeWithin), and the blocking Keys.
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
	docPlace := documentPlace(x, w)
	asides := documentAsides(x)
	for i := range x.Accounts {
		a := &x.Accounts[i]
		if a.Published == "" {
			a.Published = x.Document.Date
		}
		a.NotBefore = ""
		if a.Published == "" {
			a.NotBefore = latest
		}
		a.ContextPlace = nil
		if docPlace != uuid.Nil && len(placeFamily(*a, w)) == 0 {
			p := docPlace
			a.ContextPlace = &p
		} else if p := accountsPlace(x, i, w); p != uuid.Nil {
			a.ContextPlace = &p
		}
		a.InnerPlace = nil
		if p := innerPlace(x, i, w); p != uuid.Nil {
			a.InnerPlace = &p
		}
		a.Origin = nil
		if p := evacuationOrigin(x, i, w); p != uuid.Nil {
			a.Origin = &p
		}
		a.PlaceArea = nil
		if p := placeArea(x, i, w); p != uuid.Nil {
			a.PlaceArea = &p
		}
		a.PlaceWithin = nil
		if p := placeWithin(x, i, w); p != uuid.Nil {
			a.PlaceWithin = &p
		}
		a.Keys = Keys(*a, w)
		a.Asides = asides
	}
}

// documentAsides lists, in id order, the claims of x that belong to none
// of its accounts, metadata left out.
func documentAsides(x *graph.Extraction) []uuid.UUID {
	in := map[uuid.UUID]bool{}
	for _, a := range x.Accounts {
		for _, id := range a.Claims {
			in[id] = true
		}
	}
	var out []uuid.UUID
	for _, c := range x.Claims {
		if !in[c.ID] && c.Kind != graph.ClaimMetadata {
			in[c.ID] = true
			out = append(out, c.ID)
		}
	}
	sortIDs(out)
	return out
}

func lastDay(d graph.Date) string {
	if _, to, ok := dateRange(&d); ok {
		return to.Format("2006-01-02")
	}
	return ""
}

// neighbourhood is what the engine loads around the accounts a change
// touches: the stored accounts sharing a key with them, the events those
// belong to with all their accounts, their claims, and the analyst's
// judgements on them.
type neighbourhood struct {
	accounts   []graph.Account // stored accounts touched, by id
	oldEvent   map[uuid.UUID]uuid.UUID
	oldEvents  map[uuid.UUID][]graph.Account
	candidates map[uuid.UUID]bool // stored accounts sharing a key with a seed
	claims     map[uuid.UUID]graph.Claim
	judgements []graph.Judgement               // merge and split
	gradeJudge map[uuid.UUID][]graph.Judgement // grade judgements by target (event or account)
}

// withJudgement returns js with j in place of the judgement of the same
// id, or added.
func withJudgement(js []graph.Judgement, j graph.Judgement) []graph.Judgement {
	out := make([]graph.Judgement, 0, len(js)+1)
	for _, x := range js {
		if x.ID != j.ID {
			out = append(out, x)
		}
	}
	return append(out, j)
}

// gradeJudgements returns the grade judgements that act on a cluster: on
// its event, on an event its accounts belonged to, or on its accounts
// (a grade judgement names the event and its accounts, so it follows
// them when the event's id changes).
func (nb *neighbourhood) gradeJudgements(ev uuid.UUID, c Cluster) []graph.Judgement {
	var out []graph.Judgement
	seen := map[uuid.UUID]bool{}
	add := func(id uuid.UUID) {
		for _, j := range nb.gradeJudge[id] {
			if !seen[j.ID] {
				seen[j.ID] = true
				out = append(out, j)
			}
		}
	}
	add(ev)
	for _, a := range c.Accounts {
		add(a.ID)
		if old, ok := nb.oldEvent[a.ID]; ok {
			add(old)
		}
	}
	return out
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
	w.memoQueryKeys()
	PrepareAccounts(x, w)

	nb, stored, err := e.load(ctx, x.Accounts, true, w)
	if err != nil {
		return nil, fmt.Errorf("cross-reference document %s: %w", docID, err)
	}
	if stored {
		return b, nil
	}
	claims := make(map[uuid.UUID]graph.Claim, len(nb.claims)+len(x.Claims))
	for id, c := range nb.claims {
		claims[id] = c
	}
	for _, c := range x.Claims {
		claims[c.ID] = c
	}
	e.replan(b, nb, change{fresh: x.Accounts, claims: claims, reuse: x.Accounts, additive: !e.full}, w)
	return b, nil
}

// PlanOver is Plan reading view instead of the engine's store, with the
// engine's world and clock. Bulk ingestion plans each document of a group
// commit over the store with the group's earlier documents, not committed
// yet, layered on top.
func (e *Engine) PlanOver(ctx context.Context, view Store, x *graph.Extraction) (*graph.Batch, error) {
	o := *e
	o.store = view
	return o.Plan(ctx, x)
}

// change is what a replan resolves again: new accounts (not stored yet),
// the claims as they are after the change (nb.claims holds them as
// stored), and the accounts whose text-reuse links are recomputed against
// their candidates (reuseStored: those links are stored, and the ones
// that no longer hold are deleted).
type change struct {
	fresh       []graph.Account
	claims      map[uuid.UUID]graph.Claim
	reuse       []graph.Account
	reuseStored bool
	// additive: the change only adds accounts and their claims (Plan);
	// the stored claims are unchanged.
	additive bool
}

// replan resolves the neighbourhood (with the change's new accounts) into
// events and fills b with the assignments, event records, deleted events
// and links that differ from what the store holds.
func (e *Engine) replan(b *graph.Batch, nb *neighbourhood, ch change, w *World) {
	all := make([]graph.Account, 0, len(nb.accounts)+len(ch.fresh))
	all = append(append(all, nb.accounts...), ch.fresh...)
	claims := ch.claims
	if claims == nil {
		claims = nb.claims
	}
	clusters := resolve(all, nb.judgements, w)

	now := e.Now().UTC()
	newEvents := map[uuid.UUID]bool{}
	if b.Assign == nil {
		b.Assign = map[uuid.UUID]uuid.UUID{}
	}
	skip := stanceSkipper(nb, ch, clusters)
	var newLinks []graph.Link
	for _, c := range clusters {
		ev := eventRecord(c, claims, w)
		newEvents[ev.ID] = true
		g := Grade(c.Accounts, claims, nb.gradeJudgements(ev.ID, c), w)
		ev.Grade = &g
		b.Events = append(b.Events, ev)
		for _, a := range c.Accounts {
			if old, ok := nb.oldEvent[a.ID]; !ok || old != ev.ID {
				b.Assign[a.ID] = ev.ID
			}
		}
		newLinks = append(newLinks, stanceExcept(c.Accounts, claims, w, now, skip.inCluster())...)
	}
	for id := range nb.oldEvents {
		if !newEvents[id] {
			b.DeleteEvents = append(b.DeleteEvents, id)
		}
	}
	sortIDs(b.DeleteEvents)
	sort.Slice(b.Events, func(i, j int) bool { return idLess(b.Events[i].ID, b.Events[j].ID) })

	// Links stored that depend on what changed: the stance links of the
	// old events and the text reuse of the accounts recomputed.
	oldLinks := map[uuid.UUID]bool{}
	for _, members := range nb.oldEvents {
		for _, l := range stanceExcept(members, nb.claims, w, now, skip.inEvent()) {
			oldLinks[l.ID] = true
		}
	}
	if ch.reuseStored {
		for _, l := range e.reuseOf(ch.reuse, nb, nb.claims, w, now) {
			oldLinks[l.ID] = true
		}
	}
	keep := map[uuid.UUID]bool{}
	add := func(l graph.Link) {
		if keep[l.ID] {
			return
		}
		keep[l.ID] = true
		if !oldLinks[l.ID] {
			b.Links = append(b.Links, l)
		}
	}
	for _, l := range newLinks {
		add(l)
	}
	for _, l := range e.reuseOf(ch.reuse, nb, claims, w, now) {
		add(l)
	}
	for id := range oldLinks {
		if !keep[id] {
			b.DeleteLinks = append(b.DeleteLinks, id)
		}
	}
	sortIDs(b.DeleteLinks)
	sort.Slice(b.Links, func(i, j int) bool { return idLess(b.Links[i].ID, b.Links[j].ID) })
}

// reuseOf computes the text-reuse links between the claims of accounts
// and the claims of the stored candidates they share a key with.
func (e *Engine) reuseOf(accounts []graph.Account, nb *neighbourhood, claims map[uuid.UUID]graph.Claim, w *World, now time.Time) []graph.Link {
	l := &linker{links: map[uuid.UUID]graph.Link{}, now: now}
	if len(accounts) == 0 {
		return l.list()
	}
	// Candidates(a, c, w), with each account's query keys computed once.
	var cands []graph.Account
	var candKeys [][]string
	for _, c := range nb.accounts {
		if nb.candidates[c.ID] {
			cands = append(cands, c)
			candKeys = append(candKeys, QueryKeys(c, w))
		}
	}
	// Each claim's words once per call, not once per pair of claims
	// (claims holds one version of each claim).
	words := claimWords{}
	for _, a := range accounts {
		qa := QueryKeys(a, w)
		for i, c := range cands {
			// Both ways, as Rebuild does: the accounts of a stored document
			// that reach a new one only one way were never loaded for it.
			if c.ID != a.ID && shareKey(qa, c.Keys) && shareKey(candKeys[i], a.Keys) {
				reuseBetween(l, a, c, claims, words)
			}
		}
	}
	return l.list()
}

// reuseBetween adds repeats links between the claims of two accounts of
// different documents, from the later document's claim to the earlier's.
func reuseBetween(l *linker, a, b graph.Account, claims map[uuid.UUID]graph.Claim, words claimWords) {
	if a.DocumentID == b.DocumentID {
		return
	}
	ca, cb := accountClaims(a, claims), accountClaims(b, claims)
	pub := map[uuid.UUID]string{a.DocumentID: pubOf(a), b.DocumentID: pubOf(b)}
	reuseLinksWith(l, ca, cb, pub, words)
	reuseLinksWith(l, cb, ca, pub, words)
}

// accountClaims returns the claims of a and its document's asides, those
// not deprecated.
func accountClaims(a graph.Account, claims map[uuid.UUID]graph.Claim) []graph.Claim {
	var out []graph.Claim
	for _, ids := range [][]uuid.UUID{a.Claims, a.Asides} {
		for _, id := range ids {
			if c, ok := claims[id]; ok && !c.Deprecated {
				out = append(out, c)
			}
		}
	}
	return out
}

// stance is Links without text reuse: the links that depend on event
// membership.
func stance(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World, now time.Time) []graph.Link {
	return stanceExcept(accounts, claims, w, now, nil)
}

// stanceExcept is stance leaving out the pairs of accounts that group
// puts in one group (a group >= 0; nil groups none).
func stanceExcept(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World, now time.Time, group func(uuid.UUID) int) []graph.Link {
	l := &linker{links: map[uuid.UUID]graph.Link{}, now: now}
	accs := append([]graph.Account(nil), accounts...)
	sort.Slice(accs, func(i, j int) bool { return idLess(accs[i].ID, accs[j].ID) })
	g := make([]int, len(accs))
	for i, a := range accs {
		g[i] = -1
		if group != nil {
			g[i] = group(a.ID)
		}
	}
	for i := range accs {
		for j := i + 1; j < len(accs); j++ {
			if g[i] >= 0 && g[i] == g[j] {
				continue
			}
			stanceLinks(l, accs[i], accs[j], claims, w)
		}
		selfRevisions(l, accs[i], accs, claims, w)
		crossRevisions(l, accs[i], accs, claims, w)
	}
	return l.list()
}

// stableStance finds the pairs of accounts whose stance links a replan
// need not compute: two stored accounts that were in one event and stay
// in one event, with claims unchanged. Their links are the same before
// and after, so they are neither added nor deleted; leaving them out of
// both sides changes nothing provided no other pair gives a link of the
// same id. A link's id is its two claims and relation, so that holds when
// every claim of the two accounts belongs to no other account: accounts
// sharing a claim with another are never skipped.
type stableStance struct {
	old map[uuid.UUID]int // account -> old event index, stable accounts only
	new map[uuid.UUID]int // account -> cluster index, stable accounts only
}

func stanceSkipper(nb *neighbourhood, ch change, clusters []Cluster) *stableStance {
	if !ch.additive || len(nb.oldEvents) == 0 {
		return nil
	}
	// The new accounts' claims must be new: the stored ones keep theirs.
	for _, a := range ch.fresh {
		for _, id := range a.Claims {
			if _, ok := nb.claims[id]; ok {
				return nil
			}
		}
	}
	owner := map[uuid.UUID]uuid.UUID{}
	unstable := map[uuid.UUID]bool{}
	own := func(a graph.Account) {
		for _, id := range a.Claims {
			if o, ok := owner[id]; ok && o != a.ID {
				unstable[o], unstable[a.ID] = true, true
			}
			owner[id] = a.ID
		}
	}
	s := &stableStance{old: map[uuid.UUID]int{}, new: map[uuid.UUID]int{}}
	for ci, c := range clusters {
		for _, a := range c.Accounts {
			own(a)
			if _, ok := s.new[a.ID]; ok {
				unstable[a.ID] = true
			}
			s.new[a.ID] = ci
		}
	}
	events := make([]uuid.UUID, 0, len(nb.oldEvents))
	for ev := range nb.oldEvents {
		events = append(events, ev)
	}
	sortIDs(events)
	for i, ev := range events {
		for _, a := range nb.oldEvents[ev] {
			own(a)
			if _, ok := s.old[a.ID]; ok {
				unstable[a.ID] = true
			}
			s.old[a.ID] = i
		}
	}
	for id := range unstable {
		delete(s.old, id)
		delete(s.new, id)
	}
	return s
}

// inCluster groups a new cluster's accounts by the old event they come
// from; inEvent groups an old event's accounts by the cluster they go to.
// Either way two accounts of one group were together and stay together.
func (s *stableStance) inCluster() func(uuid.UUID) int { return s.groupBy(true) }
func (s *stableStance) inEvent() func(uuid.UUID) int   { return s.groupBy(false) }

func (s *stableStance) groupBy(old bool) func(uuid.UUID) int {
	if s == nil {
		return nil
	}
	m := s.new
	if old {
		m = s.old
	}
	return func(id uuid.UUID) int {
		if _, ok := s.old[id]; !ok {
			return -1
		}
		if _, ok := s.new[id]; !ok {
			return -1
		}
		return m[id]
	}
}

// load reads the neighbourhood of seeds: the stored accounts their query
// keys reach and the events those belong to. fresh seeds are new accounts
// (a document being planned): stored is then true when they are already
// in the store. Seeds that are stored (an analyst's judgement) are part
// of the neighbourhood, with their events.
func (e *Engine) load(ctx context.Context, seeds []graph.Account, fresh bool, w *World) (*neighbourhood, bool, error) {
	nb := &neighbourhood{
		oldEvent:   map[uuid.UUID]uuid.UUID{},
		oldEvents:  map[uuid.UUID][]graph.Account{},
		candidates: map[uuid.UUID]bool{},
		claims:     map[uuid.UUID]graph.Claim{},
		gradeJudge: map[uuid.UUID][]graph.Judgement{},
	}
	mine := map[uuid.UUID]bool{}
	keySet := map[string]bool{}
	for _, a := range seeds {
		mine[a.ID] = true
		for _, k := range QueryKeys(a, w) {
			keySet[k] = true
		}
	}
	var cands []graph.Account
	if len(keySet) > 0 {
		keys := make([]string, 0, len(keySet))
		for k := range keySet {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var err error
		cands, err = e.store.AccountsByKey(ctx, keys)
		if err != nil {
			return nil, false, fmt.Errorf("load candidates: %w", err)
		}
	}
	byID := map[uuid.UUID]graph.Account{}
	for _, a := range cands {
		if fresh && mine[a.ID] {
			return nb, true, nil
		}
		byID[a.ID] = a
		nb.candidates[a.ID] = true
	}
	if !fresh {
		for _, a := range seeds {
			if _, ok := byID[a.ID]; !ok {
				byID[a.ID] = a
				cands = append(cands, a)
			}
		}
	}
	if len(byID) == 0 && fresh && len(seeds) > 0 {
		// Nothing stored nearby; the new accounts' own judgements and
		// entities still count.
		return nb, false, e.loadExtras(ctx, nb, seeds, w)
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
		for _, j := range js {
			if j.Kind == graph.JudgeGrade {
				nb.gradeJudge[ev] = append(nb.gradeJudge[ev], j)
			}
		}
	}
	for _, a := range cands {
		if a.EventID != nil {
			nb.oldEvent[a.ID] = *a.EventID
		}
	}
	var claimIDs []uuid.UUID
	nb.accounts = make([]graph.Account, 0, len(byID))
	for _, a := range byID {
		nb.accounts = append(nb.accounts, a)
		claimIDs = append(claimIDs, a.Claims...)
		claimIDs = append(claimIDs, a.Asides...)
	}
	sort.Slice(nb.accounts, func(i, j int) bool { return idLess(nb.accounts[i].ID, nb.accounts[j].ID) })
	if len(claimIDs) > 0 {
		cs, err := e.store.Claims(ctx, idsInOrder(claimIDs))
		if err != nil {
			return nil, false, fmt.Errorf("load claims: %w", err)
		}
		nb.claims = make(map[uuid.UUID]graph.Claim, len(cs))
		for _, c := range cs {
			nb.claims[c.ID] = c
		}
	}
	extra := nb.accounts
	if fresh {
		extra = make([]graph.Account, 0, len(nb.accounts)+len(seeds))
		extra = append(append(extra, nb.accounts...), seeds...)
	}
	if err := e.loadExtras(ctx, nb, extra, w); err != nil {
		return nil, false, err
	}
	return nb, false, nil
}

// loadExtras loads what the accounts need besides their events: the
// entities the world lacks (and the analyst's reliability grades of their
// speakers), and the merge, split and grade judgements acting on them.
func (e *Engine) loadExtras(ctx context.Context, nb *neighbourhood, accounts []graph.Account, w *World) error {
	var entityIDs, speakers []uuid.UUID
	for _, a := range accounts {
		entityIDs = append(entityIDs, accountEntities(a, w)...)
		if a.Speaker.ID != uuid.Nil {
			speakers = append(speakers, a.Speaker.ID)
		}
	}
	if err := e.loadEntities(ctx, w, entityIDs); err != nil {
		return err
	}
	if err := e.loadReliability(ctx, w, speakers); err != nil {
		return err
	}
	seen := map[uuid.UUID]bool{}
	for _, j := range nb.judgements {
		seen[j.ID] = true
	}
	done := map[uuid.UUID]bool{}
	for _, a := range accounts {
		if done[a.ID] {
			continue
		}
		done[a.ID] = true
		js, err := e.store.JudgementsFor(ctx, a.ID)
		if err != nil {
			return fmt.Errorf("load judgements of account %s: %w", a.ID, err)
		}
		for _, j := range js {
			switch j.Kind {
			case graph.JudgeMerge, graph.JudgeSplit:
				if !seen[j.ID] {
					seen[j.ID] = true
					nb.judgements = append(nb.judgements, j)
				}
			case graph.JudgeGrade:
				nb.gradeJudge[a.ID] = append(nb.gradeJudge[a.ID], j)
			}
		}
	}
	return nil
}

// loadReliability layers over w the analyst's reliability grades of the
// speakers stored with one.
func (e *Engine) loadReliability(ctx context.Context, w *World, speakers []uuid.UUID) error {
	if len(speakers) == 0 {
		return nil
	}
	es, err := e.store.Entities(ctx, idsInOrder(uniqueIDs(speakers)))
	if err != nil {
		return fmt.Errorf("load speakers: %w", err)
	}
	for _, en := range es {
		if en.Reliability != "" {
			w.Add(en)
		}
	}
	return nil
}

func uniqueIDs(ids []uuid.UUID) []uuid.UUID {
	seen := make(map[uuid.UUID]bool, len(ids))
	out := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
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
		es, err := e.store.Entities(ctx, idsInOrder(want))
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
	if a.InnerPlace != nil {
		add(*a.InnerPlace)
	}
	return out
}

// idsInOrder returns a sorted copy of ids, in the order of sortedIDs
// (their strings') without formatting each id at every comparison.
func idsInOrder(ids []uuid.UUID) []uuid.UUID {
	out := append([]uuid.UUID(nil), ids...)
	sortIDs(out)
	return out
}

// idLess orders ids as their strings do (lower-case hex of the bytes in
// order), without formatting them.
func idLess(a, b uuid.UUID) bool { return bytes.Compare(a[:], b[:]) < 0 }
