package xref

import (
	"context"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Rebuild cross-references accounts from scratch: the same keys, events,
// grades and links as ingesting their documents one by one with Plan, in
// any order. claims are the accounts' claims; judgements the analyst's
// judgements (merge, split and grade act on events; link judgements give
// the analyst's links; revoked ones are ignored). Entities the gazetteer
// lacks, and the analyst's reliability grades of speakers, are read from
// the store. The batch assigns every account and writes every event and
// link; it deletes nothing (RebuildStore does).
func (e *Engine) Rebuild(ctx context.Context, accounts []graph.Account, claims []graph.Claim, judgements []graph.Judgement) (*graph.Batch, error) {
	w := e.world.With()
	var unknown []uuid.UUID
	for _, a := range accounts {
		unknown = append(unknown, accountEntities(a, w)...)
	}
	if err := e.loadEntities(ctx, w, unknown); err != nil {
		return nil, fmt.Errorf("rebuild: %w", err)
	}
	var speakers []uuid.UUID
	oldEvent := map[uuid.UUID]uuid.UUID{}
	for _, a := range accounts {
		speakers = append(speakers, a.Speaker.ID)
		if a.EventID != nil {
			oldEvent[a.ID] = *a.EventID
		}
	}
	if err := e.loadReliability(ctx, w, speakers); err != nil {
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
	nb := &neighbourhood{gradeJudge: map[uuid.UUID][]graph.Judgement{}, oldEvent: oldEvent}
	var accountJudge, linkJudge []graph.Judgement
	for _, j := range judgements {
		switch j.Kind {
		case graph.JudgeLink:
			linkJudge = append(linkJudge, j)
		case graph.JudgeGrade:
			for _, t := range j.Targets {
				nb.gradeJudge[t] = append(nb.gradeJudge[t], j)
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
			ev := eventRecord(c, cmap, w)
			for _, a := range c.Accounts {
				b.Assign[a.ID] = ev.ID
			}
			g := Grade(c.Accounts, cmap, nb.gradeJudgements(ev.ID, c), w)
			ev.Grade = &g
			b.Events = append(b.Events, ev)
			for _, k := range stance(c.Accounts, cmap, w, now) {
				l.links[k.ID] = k
			}
		}
	}
	// Text reuse between candidates that reach each other (each claim's
	// words once): Plan meets a stored account only through the new
	// one's query keys, and compares the two when the stored one's reach
	// back, so a pair one side alone reaches is compared in no order.
	words := claimWords{}
	reaches := make([]map[int]bool, len(all))
	for i, ms := range reach {
		reaches[i] = make(map[int]bool, len(ms))
		for _, m := range ms {
			reaches[i][m] = true
		}
	}
	for i, ms := range reach {
		for _, m := range ms {
			if m > i && reaches[m][i] {
				reuseBetween(l, all[i], all[m], cmap, words)
			}
		}
	}
	b.Links = l.list()
	for _, j := range linkJudge {
		if k, ok := analystLink(j); ok && j.RevokedAt == nil {
			b.Links = append(b.Links, k)
		}
	}
	sort.Slice(b.Links, func(i, j int) bool { return b.Links[i].ID.String() < b.Links[j].ID.String() })
	sort.Slice(b.Events, func(i, j int) bool { return b.Events[i].ID.String() < b.Events[j].ID.String() })
	return b, nil
}

// RebuildSource is what RebuildStore reads: every document, its accounts
// and claims, every judgement, and the links stored on each claim.
// *cayleystore.Store satisfies it.
type RebuildSource interface {
	Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error)
	DocumentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error)
	ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error)
}

// RebuildReport says what a rebuild changes.
type RebuildReport struct {
	Documents  int `json:"documents"`
	Accounts   int `json:"accounts"`
	Claims     int `json:"claims"`
	Judgements int `json:"judgements"`
	// EventsBefore and EventsAfter count the events stored before and
	// after; EventsNew are events the store did not hold, EventsDeleted
	// the events it held that are gone.
	EventsBefore  int `json:"events_before"`
	EventsAfter   int `json:"events_after"`
	EventsNew     int `json:"events_new"`
	EventsDeleted int `json:"events_deleted"`
	// Reassigned counts the accounts whose event changes.
	Reassigned int `json:"reassigned"`
	// LinksBefore and LinksAfter count the links stored before and after;
	// LinksAdded are new or changed, LinksDeleted no longer hold.
	LinksBefore  int `json:"links_before"`
	LinksAfter   int `json:"links_after"`
	LinksAdded   int `json:"links_added"`
	LinksDeleted int `json:"links_deleted"`
}

// RebuildStore cross-references the whole store from scratch (Rebuild
// over every document's accounts and claims, with every judgement) and
// returns one batch, labelled "xref", that makes the store hold exactly
// the result: it assigns every account, writes every event record,
// deletes the events no account is left in, adds the links that are new
// or changed and deletes stored links that no longer hold (computed links,
// and the links of revoked link judgements). Links already stored keep
// their creation time. Committing it and rebuilding again changes
// nothing.
func (e *Engine) RebuildStore(ctx context.Context, s RebuildSource) (*graph.Batch, *RebuildReport, error) {
	rep := &RebuildReport{}
	var accounts []graph.Account
	var claims []graph.Claim
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		docs, next, err := s.Documents(ctx, p)
		if err != nil {
			return nil, nil, fmt.Errorf("rebuild: list documents: %w", err)
		}
		for _, d := range docs {
			rep.Documents++
			accs, err := s.DocumentAccounts(ctx, d.ID)
			if err != nil {
				return nil, nil, fmt.Errorf("rebuild: %w", err)
			}
			accounts = append(accounts, accs...)
			cp := graph.Page{Limit: graph.MaxLimit}
			for {
				cs, cnext, err := s.DocumentClaims(ctx, d.ID, cp)
				if err != nil {
					return nil, nil, fmt.Errorf("rebuild: %w", err)
				}
				claims = append(claims, cs...)
				if cnext == "" {
					break
				}
				cp.Cursor = cnext
			}
		}
		if next == "" {
			break
		}
		p.Cursor = next
	}
	var judgements []graph.Judgement
	p = graph.Page{Limit: graph.MaxLimit}
	for {
		js, next, err := s.Judgements(ctx, p)
		if err != nil {
			return nil, nil, fmt.Errorf("rebuild: list judgements: %w", err)
		}
		judgements = append(judgements, js...)
		if next == "" {
			break
		}
		p.Cursor = next
	}
	rep.Accounts, rep.Claims, rep.Judgements = len(accounts), len(claims), len(judgements)

	stored := map[uuid.UUID]graph.Link{}
	for _, c := range claims {
		ls, err := s.ClaimLinks(ctx, c.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("rebuild: %w", err)
		}
		for _, l := range ls {
			stored[l.ID] = l
		}
	}
	oldEvents := map[uuid.UUID]bool{}
	oldOf := map[uuid.UUID]uuid.UUID{}
	for _, a := range accounts {
		if a.EventID != nil {
			oldEvents[*a.EventID] = true
			oldOf[a.ID] = *a.EventID
		}
	}

	b, err := e.Rebuild(ctx, accounts, claims, judgements)
	if err != nil {
		return nil, nil, err
	}
	newEvents := map[uuid.UUID]bool{}
	for _, ev := range b.Events {
		newEvents[ev.ID] = true
		if !oldEvents[ev.ID] {
			rep.EventsNew++
		}
	}
	for id := range oldEvents {
		if !newEvents[id] {
			b.DeleteEvents = append(b.DeleteEvents, id)
		}
	}
	sortIDs(b.DeleteEvents)
	for acc, ev := range b.Assign {
		if old, ok := oldOf[acc]; !ok || old != ev {
			rep.Reassigned++
		}
	}
	rep.EventsBefore, rep.EventsAfter, rep.EventsDeleted = len(oldEvents), len(b.Events), len(b.DeleteEvents)

	// Links: only what changes.
	want := map[uuid.UUID]bool{}
	var add []graph.Link
	for _, l := range b.Links {
		want[l.ID] = true
		if old, ok := stored[l.ID]; ok {
			l.CreatedAt = old.CreatedAt
			if sameLink(old, l) {
				continue
			}
		}
		add = append(add, l)
	}
	b.Links = add
	for id := range stored {
		if !want[id] {
			b.DeleteLinks = append(b.DeleteLinks, id)
		}
	}
	sortIDs(b.DeleteLinks)
	rep.LinksBefore, rep.LinksAfter = len(stored), len(want)
	rep.LinksAdded, rep.LinksDeleted = len(b.Links), len(b.DeleteLinks)
	return b, rep, nil
}

func sameLink(a, b graph.Link) bool {
	return a.ID == b.ID && a.From == b.From && a.To == b.To && a.Relation == b.Relation && a.Origin == b.Origin &&
		a.Author == b.Author && a.Reason == b.Reason && a.Score == b.Score && a.Attribute == b.Attribute &&
		a.CreatedAt.Equal(b.CreatedAt)
}
