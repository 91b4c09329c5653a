package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/xref"
	"github.com/google/uuid"
)

// floor holds, in plain maps, decoded already, every record the sampled
// answers are built from: the in-memory floor.
type floor struct {
	world     *xref.World
	events    map[uuid.UUID]graph.Event
	evAcc     map[uuid.UUID][]graph.Account
	accounts  map[uuid.UUID]graph.Account
	claims    map[uuid.UUID]graph.Claim
	docs      map[uuid.UUID]graph.Document
	entities  map[uuid.UUID]graph.Entity
	links     map[uuid.UUID][]graph.Link
	byKey     map[string][]uuid.UUID
	searchFor map[string][]string // query -> keys
}

// buildFloor reads the records of the samples' answers through the store.
func buildFloor(ctx context.Context, sys *system, s *samples) (*floor, error) {
	f := &floor{world: sys.xref.World(), events: map[uuid.UUID]graph.Event{}, evAcc: map[uuid.UUID][]graph.Account{},
		accounts: map[uuid.UUID]graph.Account{}, claims: map[uuid.UUID]graph.Claim{}, docs: map[uuid.UUID]graph.Document{},
		entities: map[uuid.UUID]graph.Entity{}, links: map[uuid.UUID][]graph.Link{}, byKey: map[string][]uuid.UUID{},
		searchFor: map[string][]string{}}
	st := sys.store
	addDoc := func(id uuid.UUID) error {
		if _, ok := f.docs[id]; ok {
			return nil
		}
		d, err := st.Document(ctx, id)
		if err != nil {
			return err
		}
		d.Text = ""
		f.docs[id] = *d
		return nil
	}
	addEntities := func(ids ...uuid.UUID) error {
		es, err := st.Entities(ctx, ids)
		if err != nil {
			return err
		}
		for _, e := range es {
			f.entities[e.ID] = e
		}
		return nil
	}
	addClaims := func(ids []uuid.UUID) error {
		cs, err := st.Claims(ctx, ids)
		if err != nil {
			return err
		}
		for _, c := range cs {
			f.claims[c.ID] = c
		}
		return nil
	}
	for _, ev := range s.events {
		e, err := st.Event(ctx, ev)
		if err != nil {
			return nil, fmt.Errorf("floor: %w", err)
		}
		f.events[ev] = *e
		accs, err := st.EventAccounts(ctx, ev)
		if err != nil {
			return nil, fmt.Errorf("floor: %w", err)
		}
		f.evAcc[ev] = accs
		for _, a := range accs {
			f.accounts[a.ID] = a
			if err := addClaims(a.Claims); err != nil {
				return nil, fmt.Errorf("floor: %w", err)
			}
			if err := addDoc(a.DocumentID); err != nil {
				return nil, fmt.Errorf("floor: %w", err)
			}
			if err := addEntities(accountEntities(a)...); err != nil {
				return nil, fmt.Errorf("floor: %w", err)
			}
		}
	}
	for _, id := range s.claims {
		if err := addClaims([]uuid.UUID{id}); err != nil {
			return nil, fmt.Errorf("floor: %w", err)
		}
		c := f.claims[id]
		if err := addDoc(c.DocumentID); err != nil {
			return nil, fmt.Errorf("floor: %w", err)
		}
		// The speaker and what it speaks for.
		for e, n := c.Speaker.ID, 0; e != uuid.Nil && n < 6; n++ {
			if err := addEntities(e); err != nil {
				return nil, fmt.Errorf("floor: %w", err)
			}
			ent, ok := f.entities[e]
			if !ok || ent.Affiliation == nil {
				break
			}
			e = *ent.Affiliation
		}
		accs, err := st.Accounts(ctx, c.Accounts)
		if err != nil {
			return nil, fmt.Errorf("floor: %w", err)
		}
		for _, a := range accs {
			f.accounts[a.ID] = a
		}
		ls, err := st.ClaimLinks(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("floor: %w", err)
		}
		f.links[id] = ls
		for _, l := range ls {
			if err := addClaims([]uuid.UUID{l.From, l.To}); err != nil {
				return nil, fmt.Errorf("floor: %w", err)
			}
			for _, o := range []uuid.UUID{l.From, l.To} {
				if oc, ok := f.claims[o]; ok {
					if err := addDoc(oc.DocumentID); err != nil {
						return nil, fmt.Errorf("floor: %w", err)
					}
				}
			}
		}
	}
	for _, q := range s.queries {
		keys := gazetteer.Search{}.QueryKeys(q)
		f.searchFor[q] = keys
		for _, k := range keys {
			if _, ok := f.byKey[k]; ok {
				continue
			}
			es, err := st.EntitiesByKey(ctx, []string{k})
			if err != nil {
				return nil, fmt.Errorf("floor: %w", err)
			}
			f.byKey[k] = []uuid.UUID{}
			for _, e := range es {
				f.entities[e.ID] = e
				f.byKey[k] = append(f.byKey[k], e.ID)
			}
		}
	}
	return f, nil
}

func accountEntities(a graph.Account) []uuid.UUID {
	out := []uuid.UUID{a.Speaker.ID}
	if a.Place != nil {
		out = append(out, a.Place.Entity.ID)
	}
	if a.Perpetrator != nil {
		out = append(out, a.Perpetrator.Entity.ID)
	}
	return out
}

// answer computes the endpoint's answer for sample i from the maps and
// encodes it, as the handler does.
func (f *floor) answer(ep *endpoint, i int) ([]byte, error) {
	switch ep.kind {
	case "sources", "conflicts", "graph":
		ev := ep.ids[i]
		accs := f.evAcc[ev]
		claims := map[uuid.UUID]graph.Claim{}
		docs := map[uuid.UUID]graph.Document{}
		var ents []graph.Entity
		for _, a := range accs {
			for _, c := range a.Claims {
				claims[c] = f.claims[c]
			}
			docs[a.DocumentID] = f.docs[a.DocumentID]
			for _, e := range accountEntities(a) {
				if ent, ok := f.entities[e]; ok {
					ents = append(ents, ent)
				}
			}
		}
		w := f.world.With(ents...)
		switch ep.kind {
		case "conflicts":
			return json.Marshal(api.ConflictsView{Event: f.events[ev], Conflicts: xref.Conflicts(accs, claims, w)})
		case "graph":
			type node struct {
				ID   uuid.UUID `json:"id"`
				Data any       `json:"data"`
			}
			nodes := []node{{ev, f.events[ev]}}
			for _, a := range accs {
				nodes = append(nodes, node{a.ID, a})
			}
			for id, c := range claims {
				nodes = append(nodes, node{id, c})
			}
			for id, d := range docs {
				nodes = append(nodes, node{id, d})
			}
			return json.Marshal(nodes)
		}
		byDoc := map[uuid.UUID]*api.EventSource{}
		var order []uuid.UUID
		src := func(doc uuid.UUID) *api.EventSource {
			if e := byDoc[doc]; e != nil {
				return e
			}
			e := &api.EventSource{Document: api.DocumentRef{ID: doc, Title: docs[doc].Title, Date: docs[doc].Date}}
			byDoc[doc] = e
			order = append(order, doc)
			return e
		}
		for _, se := range xref.Sources(accs, claims, docs, w) {
			e := src(se.Document)
			e.Speakers = append(e.Speakers, se)
			e.First = e.First || se.First
		}
		for _, a := range accs {
			e := src(a.DocumentID)
			e.Accounts = append(e.Accounts, a)
			for _, c := range a.Claims {
				e.Claims = append(e.Claims, claims[c])
			}
		}
		out := make([]api.EventSource, 0, len(order))
		for _, d := range order {
			out = append(out, *byDoc[d])
		}
		sort.SliceStable(out, func(a, b int) bool { return out[a].Document.Date < out[b].Document.Date })
		return json.Marshal(api.List[api.EventSource]{Items: out})
	case "provenance":
		c := f.claims[ep.ids[i]]
		d := f.docs[c.DocumentID]
		p := api.Provenance{Claim: api.ClaimView{Claim: c, Document: api.DocumentRef{ID: d.ID, Title: d.Title, Date: d.Date}, Source: c.Speaker}}
		sp := c.Speaker
		p.Chain = append(p.Chain, api.ProvenanceStep{Relation: "wasAttributedTo", Entity: &sp})
		for e, n := f.entities[c.Speaker.ID], 0; e.Affiliation != nil && n < 6; n++ {
			a, ok := f.entities[*e.Affiliation]
			if !ok {
				break
			}
			ref := a.Ref()
			p.Chain = append(p.Chain, api.ProvenanceStep{Relation: "affiliated_with", Entity: &ref})
			e = a
		}
		for _, a := range c.Accounts {
			if acc, ok := f.accounts[a]; ok && acc.EventID != nil {
				p.Claim.Events = append(p.Claim.Events, *acc.EventID)
			}
		}
		for _, l := range f.links[c.ID] {
			if l.Relation != graph.RelRepeats {
				continue
			}
			other := l.To
			if other == c.ID {
				other = l.From
			}
			od := f.docs[f.claims[other].DocumentID]
			ref := api.DocumentRef{ID: od.ID, Title: od.Title, Date: od.Date}
			if l.From == c.ID {
				p.Chain = append(p.Chain, api.ProvenanceStep{Relation: "wasDerivedFrom", Document: &ref, Claim: &other})
			} else {
				p.RepeatedIn = append(p.RepeatedIn, ref)
			}
		}
		return json.Marshal(p)
	case "entities":
		q := ep.qs[i]
		var out []graph.Entity
		seen := map[uuid.UUID]bool{}
		for _, k := range f.searchFor[q] {
			for _, id := range f.byKey[k] {
				if e := f.entities[id]; !seen[id] && (gazetteer.Search{}).Matches(q, &e) {
					seen[id] = true
					out = append(out, e)
				}
			}
		}
		return json.Marshal(api.List[graph.Entity]{Items: out})
	}
	return nil, fmt.Errorf("no floor for %s", ep.kind)
}

// timeFloor times the floor's answers over the samples, one at a time.
func timeFloor(ctx context.Context, f *floor, ep *endpoint, n int) (Latency, error) {
	samples := max(len(ep.ids), len(ep.qs))
	return timed(ctx, n, samples, func(i int) error {
		b, err := f.answer(ep, i)
		if err == nil && len(b) < 2 {
			err = fmt.Errorf("empty answer")
		}
		return err
	})
}
