package cayleystore

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// Commit writes b atomically: its deltas go to the backend in one
// ApplyDeltas call, which is one bolt transaction or one SQL transaction.
// A batch whose Extraction's document is already stored changes nothing
// and returns nil (ingesting the same text twice is a no-op).
func (s *Store) Commit(ctx context.Context, b *graph.Batch) error {
	if b == nil {
		return graph.Errorf(graph.EINVALID, "nil batch")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pl := newPlan(s)
	if err := s.planBatch(ctx, pl, b); err != nil {
		return err
	}
	return s.apply(ctx, pl)
}

// planBatch plans b into pl, over what pl holds already (the batches of a
// group planned before it) and the store.
func (s *Store) planBatch(ctx context.Context, pl *plan, b *graph.Batch) error {
	label, err := batchLabel(b.Label)
	if err != nil {
		return err
	}
	r := reader{s: s, pl: pl}
	if b.Extraction != nil {
		doc := b.Extraction.Document.ID
		if doc == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "extraction without a document id")
		}
		ex, err := r.exists(ctx, []quad.Value{kDocument.iri(doc)})
		if err != nil {
			return fmt.Errorf("commit document %s: %w", doc, err)
		}
		if ex[kDocument.iri(doc)] {
			return nil
		}
		if err := s.planExtraction(ctx, pl, b.Extraction, label); err != nil {
			return fmt.Errorf("commit document %s: %w", doc, err)
		}
	}
	if err := s.planEntities(ctx, pl, b.Entities, label); err != nil {
		return fmt.Errorf("commit entities: %w", err)
	}
	if err := s.planClaims(ctx, pl, b.Claims, label); err != nil {
		return fmt.Errorf("commit claims: %w", err)
	}
	if err := s.planEvents(ctx, pl, b, label); err != nil {
		return fmt.Errorf("commit events: %w", err)
	}
	if err := s.planLinks(ctx, pl, b.Links, b.DeleteLinks, label); err != nil {
		return fmt.Errorf("commit links: %w", err)
	}
	if err := s.planJudgements(ctx, pl, b.Judgements, label); err != nil {
		return fmt.Errorf("commit judgements: %w", err)
	}
	return nil
}

// apply writes the deltas of pl in one ApplyDeltas and invalidates what
// they change in the cache before readers may run again. The caller holds
// wmu.
func (s *Store) apply(ctx context.Context, pl *plan) error {
	deltas, err := pl.deltas()
	if err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if len(deltas) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.backend == BackendBolt {
		deltas = padForKV(deltas)
		defer s.releaseMapped() // after the write lock is released
	}
	s.rw.Lock()
	defer s.rw.Unlock()
	s.gen++
	if s.cache != nil {
		quads := make([]quad.Quad, len(deltas))
		for i, d := range deltas {
			quads[i] = d.Quad
		}
		s.cache.begin(quads)
	}
	err = s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if s.cache != nil {
		s.cache.end()
	}
	if err != nil {
		return fmt.Errorf("commit: apply %d deltas: %w", len(deltas), err)
	}
	return nil
}

func record(v any) (quad.String, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return quad.String(b), nil
}

// planExtraction writes a new document with its claims, accounts and the
// entities not stored yet, under the document's ingest label.
func (s *Store) planExtraction(ctx context.Context, pl *plan, ex *graph.Extraction, batch quad.IRI) error {
	doc := ex.Document
	lbl := ingestLabel(doc.ID)
	dn := kDocument.iri(doc.ID)

	// Validate first: nothing is planned from a batch that is refused.
	claimIDs := make(map[uuid.UUID]bool, len(ex.Claims))
	for i, c := range ex.Claims {
		if c.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "claim %d has no id", i)
		}
		if c.DocumentID != uuid.Nil && c.DocumentID != doc.ID {
			return graph.Errorf(graph.EINVALID, "claim %s belongs to document %s, not %s", c.ID, c.DocumentID, doc.ID)
		}
		claimIDs[c.ID] = true
	}
	for i, a := range ex.Accounts {
		if a.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "account %d has no id", i)
		}
		if a.DocumentID != uuid.Nil && a.DocumentID != doc.ID {
			return graph.Errorf(graph.EINVALID, "account %s belongs to document %s, not %s", a.ID, a.DocumentID, doc.ID)
		}
	}
	for i, e := range ex.Entities {
		if e.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "entity %d (%q) has no id", i, e.Name)
		}
	}

	// Claims and accounts take their ids from the document's, which is new:
	// they cannot exist yet.
	pl.fresh(dn)
	for _, c := range ex.Claims {
		pl.fresh(kClaim.iri(c.ID))
	}
	for _, a := range ex.Accounts {
		pl.fresh(kAccount.iri(a.ID))
	}

	stored := doc
	stored.Text = ""
	rec, err := record(stored)
	if err != nil {
		return fmt.Errorf("encode document: %w", err)
	}
	pl.put(dn, pType, kDocument.typ, lbl)
	pl.put(dn, pRecord, rec, lbl)
	pl.put(dn, pText, quad.String(doc.Text), lbl)
	pl.put(dn, pOrder, quad.String(documentOrder(&doc)), lbl)

	for _, c := range ex.Claims {
		c.DocumentID = doc.ID
		cn := kClaim.iri(c.ID)
		rec, err := record(c)
		if err != nil {
			return fmt.Errorf("encode claim %s: %w", c.ID, err)
		}
		pl.put(cn, pType, kClaim.typ, lbl)
		pl.put(cn, pRecord, rec, lbl)
		pl.put(cn, pOrder, quad.String(claimOrder(&c)), lbl)
		pl.put(cn, pDocument, dn, lbl)
		if c.Speaker.ID != uuid.Nil {
			pl.put(cn, pSpeaker, kEntity.iri(c.Speaker.ID), lbl)
		}
		for _, m := range c.Mentions {
			if m.Entity.ID != uuid.Nil {
				pl.put(cn, pMentions, kEntity.iri(m.Entity.ID), lbl)
			}
		}
	}

	for _, a := range ex.Accounts {
		a.DocumentID = doc.ID
		an := kAccount.iri(a.ID)
		ev := a.EventID
		a.EventID = nil
		rec, err := record(a)
		if err != nil {
			return fmt.Errorf("encode account %s: %w", a.ID, err)
		}
		pl.put(an, pType, kAccount.typ, lbl)
		pl.put(an, pRecord, rec, lbl)
		pl.put(an, pDocument, dn, lbl)
		for _, c := range a.Claims {
			pl.put(an, pClaim, kClaim.iri(c), lbl)
		}
		if a.Place != nil && a.Place.Entity.ID != uuid.Nil {
			pl.put(an, pPlace, kEntity.iri(a.Place.Entity.ID), lbl)
		}
		if a.Perpetrator != nil && a.Perpetrator.Entity.ID != uuid.Nil {
			pl.put(an, pPerpetrator, kEntity.iri(a.Perpetrator.Entity.ID), lbl)
		}
		for _, k := range a.Keys {
			pl.put(an, pKey, quad.String(k), lbl)
		}
		// An event resolved before the commit is an assignment like any
		// other: computed, so under the batch's label.
		if ev != nil && *ev != uuid.Nil {
			pl.put(an, pEvent, kEvent.iri(*ev), batch)
		}
	}

	// Entities already stored are not rewritten: their record stays under
	// the label that first wrote it.
	nodes := make([]quad.Value, 0, len(ex.Entities))
	for _, e := range ex.Entities {
		nodes = append(nodes, kEntity.iri(e.ID))
	}
	have, err := reader{s: s, pl: pl}.exists(ctx, nodes)
	if err != nil {
		return err
	}
	for _, e := range ex.Entities {
		en := kEntity.iri(e.ID)
		if have[en] {
			continue
		}
		pl.fresh(en)
		if pl.has(en) {
			continue // listed twice: the first wins
		}
		if err := writeEntity(pl, &e, lbl); err != nil {
			return err
		}
	}
	return nil
}

// writeEntity makes e's quads exactly those of its record.
func writeEntity(pl *plan, e *graph.Entity, lbl quad.IRI) error {
	en := kEntity.iri(e.ID)
	rec, err := record(e)
	if err != nil {
		return fmt.Errorf("encode entity %s: %w", e.ID, err)
	}
	pl.put(en, pType, kEntity.typ, lbl)
	pl.replace(en, pRecord, lbl, rec)
	pl.replace(en, pOrder, lbl, quad.String(entityOrder(e)))
	keys := make([]quad.Value, 0, len(e.Keys))
	for _, k := range e.Keys {
		keys = append(keys, quad.String(k))
	}
	pl.replace(en, pKey, lbl, keys...)
	var within, affiliation []quad.Value
	if e.Within != nil && *e.Within != uuid.Nil {
		within = append(within, kEntity.iri(*e.Within))
	}
	if e.Affiliation != nil && *e.Affiliation != uuid.Nil {
		affiliation = append(affiliation, kEntity.iri(*e.Affiliation))
	}
	pl.replace(en, pWithin, lbl, within...)
	pl.replace(en, pAffiliation, lbl, affiliation...)
	return nil
}

// planEntities writes entities that no extraction carries (gazetteer
// entries, new aliases, an analyst's reliability grade): new ones are
// created, stored ones get the record given, what did not change stays as
// it is.
func (s *Store) planEntities(ctx context.Context, pl *plan, ents []graph.Entity, lbl quad.IRI) error {
	if len(ents) == 0 {
		return nil
	}
	nodes := make([]quad.Value, 0, len(ents))
	for i, e := range ents {
		if e.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "entity %d (%q) has no id", i, e.Name)
		}
		nodes = append(nodes, kEntity.iri(e.ID))
	}
	if err := pl.load(ctx, nodes); err != nil {
		return err
	}
	for i := range ents {
		if err := writeEntity(pl, &ents[i], lbl); err != nil {
			return err
		}
	}
	return nil
}

// planClaims replaces the records of stored claims (an analyst's
// deprecation or credibility grade). A claim keeps its identity: its
// document and span must be those stored; its edges stay as written.
func (s *Store) planClaims(ctx context.Context, pl *plan, claims []graph.Claim, lbl quad.IRI) error {
	if len(claims) == 0 {
		return nil
	}
	nodes := make([]quad.Value, len(claims))
	for i, c := range claims {
		if c.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "claim %d has no id", i)
		}
		nodes[i] = kClaim.iri(c.ID)
	}
	if err := pl.load(ctx, nodes); err != nil {
		return err
	}
	for i := range claims {
		c := &claims[i]
		cn := nodes[i]
		if !pl.has(cn) {
			return kClaim.notFound(c.ID)
		}
		var stored graph.Claim
		recs := pl.objects(cn, pRecord)
		if len(recs) != 1 {
			return fmt.Errorf("claim %s has %d records", c.ID, len(recs))
		}
		str, ok := recs[0].(quad.String)
		if !ok {
			return fmt.Errorf("claim %s: record is a %T, not a string", c.ID, recs[0])
		}
		if err := json.Unmarshal([]byte(str), &stored); err != nil {
			return fmt.Errorf("decode claim %s: %w", c.ID, err)
		}
		if c.DocumentID != stored.DocumentID || c.Span != stored.Span {
			return graph.Errorf(graph.EINVALID, "claim %s: a replaced record keeps the claim's document and span", c.ID)
		}
		rec, err := record(c)
		if err != nil {
			return fmt.Errorf("encode claim %s: %w", c.ID, err)
		}
		pl.replace(cn, pRecord, lbl, rec)
	}
	return nil
}

// planEvents deletes emptied events, reassigns accounts and writes event
// records.
func (s *Store) planEvents(ctx context.Context, pl *plan, b *graph.Batch, lbl quad.IRI) error {
	deleted := make(map[uuid.UUID]bool, len(b.DeleteEvents))
	for _, id := range b.DeleteEvents {
		deleted[id] = true
	}
	for acc, ev := range b.Assign {
		if deleted[ev] {
			return graph.Errorf(graph.EINVALID, "account %s is assigned to event %s, which the batch deletes", acc, ev)
		}
		if ev == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "account %s is assigned to no event", acc)
		}
	}
	for _, e := range b.Events {
		if e.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "event %q has no id", e.Title)
		}
		if deleted[e.ID] {
			return graph.Errorf(graph.EINVALID, "event %s is both written and deleted", e.ID)
		}
	}

	if len(b.DeleteEvents) > 0 {
		evs := kEvent.iris(uniqueIDs(b.DeleteEvents))
		if err := pl.load(ctx, evs); err != nil {
			return err
		}
		// Accounts still pointing at a deleted event lose that edge.
		per, err := reader{s: s, pl: pl}.adj(ctx, evs, true, pEvent)
		if err != nil {
			return fmt.Errorf("accounts of deleted events: %w", err)
		}
		var accs []quad.Value
		for _, l := range per {
			accs = append(accs, l...)
		}
		if err := pl.load(ctx, accs); err != nil {
			return err
		}
		for i, l := range per {
			for _, a := range l {
				pl.remove(a, pEvent, evs[i])
			}
		}
		for _, ev := range evs {
			pl.drop(ev)
		}
	}

	if len(b.Assign) > 0 {
		ids := make([]uuid.UUID, 0, len(b.Assign))
		for acc := range b.Assign {
			ids = append(ids, acc)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i].String() < ids[j].String() })
		accs := kAccount.iris(ids)
		if err := pl.load(ctx, accs); err != nil {
			return err
		}
		for i, acc := range accs {
			if !pl.has(acc) {
				return kAccount.notFound(ids[i])
			}
			pl.replace(acc, pEvent, lbl, kEvent.iri(b.Assign[ids[i]]))
		}
	}

	if len(b.Events) > 0 {
		evs := make([]quad.Value, len(b.Events))
		for i, e := range b.Events {
			evs[i] = kEvent.iri(e.ID)
		}
		if err := pl.load(ctx, evs); err != nil {
			return err
		}
		for i := range b.Events {
			e := &b.Events[i]
			rec, err := record(e)
			if err != nil {
				return fmt.Errorf("encode event %s: %w", e.ID, err)
			}
			pl.put(evs[i], pType, kEvent.typ, lbl)
			pl.replace(evs[i], pRecord, lbl, rec)
			pl.replace(evs[i], pOrder, lbl, quad.String(eventOrder(e)))
		}
	}
	return nil
}

// planLinks writes links between claims and deletes links that no longer
// hold.
func (s *Store) planLinks(ctx context.Context, pl *plan, links []graph.Link, del []uuid.UUID, lbl quad.IRI) error {
	dels := kLink.iris(uniqueIDs(del))
	nodes := append([]quad.Value(nil), dels...)
	for _, l := range links {
		if l.ID == uuid.Nil || l.From == uuid.Nil || l.To == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "link %s needs an id and both claims", l.ID)
		}
		nodes = append(nodes, kLink.iri(l.ID))
	}
	if err := pl.load(ctx, nodes); err != nil {
		return err
	}
	for _, d := range dels {
		pl.drop(d)
	}
	for i := range links {
		l := &links[i]
		ln := kLink.iri(l.ID)
		rec, err := record(l)
		if err != nil {
			return fmt.Errorf("encode link %s: %w", l.ID, err)
		}
		pl.put(ln, pType, kLink.typ, lbl)
		pl.replace(ln, pRecord, lbl, rec)
		pl.replace(ln, pFrom, lbl, kClaim.iri(l.From))
		pl.replace(ln, pTo, lbl, kClaim.iri(l.To))
	}
	return nil
}

// planJudgements records analyst actions; a judgement already stored gets
// the record given (its revocation), its targets stay.
func (s *Store) planJudgements(ctx context.Context, pl *plan, js []graph.Judgement, lbl quad.IRI) error {
	if len(js) == 0 {
		return nil
	}
	nodes := make([]quad.Value, len(js))
	var targets []uuid.UUID
	for i, j := range js {
		if j.ID == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "judgement of kind %q has no id", j.Kind)
		}
		nodes[i] = kJudgement.iri(j.ID)
		targets = append(targets, j.Targets...)
	}
	if err := pl.load(ctx, nodes); err != nil {
		return err
	}
	resolved, err := s.resolveTargets(ctx, pl, uniqueIDs(targets))
	if err != nil {
		return err
	}
	for i := range js {
		j := &js[i]
		jn := nodes[i]
		// A target already linked keeps its edge, even if its node has
		// gone since (a merged event); new targets must exist.
		linked := make(map[uuid.UUID]quad.Value)
		for _, o := range pl.objects(jn, pTarget) {
			if id, ok := idOf(o); ok {
				linked[id] = o
			}
		}
		objs := make([]quad.Value, 0, len(j.Targets))
		for _, t := range j.Targets {
			if o, ok := linked[t]; ok {
				objs = append(objs, o)
				continue
			}
			o, ok := resolved[t]
			if !ok {
				return graph.Errorf(graph.ENOTFOUND, "judgement %s: target %s not found", j.ID, t)
			}
			objs = append(objs, o)
		}
		rec, err := record(j)
		if err != nil {
			return fmt.Errorf("encode judgement %s: %w", j.ID, err)
		}
		pl.put(jn, pType, kJudgement.typ, lbl)
		pl.replace(jn, pRecord, lbl, rec)
		pl.replace(jn, pOrder, lbl, quad.String(judgementOrder(j)))
		pl.replace(jn, pTarget, lbl, objs...)
	}
	return nil
}

// resolveTargets finds the node of each id among the kinds a judgement can
// target, in this batch or in the store.
func (s *Store) resolveTargets(ctx context.Context, pl *plan, ids []uuid.UUID) (map[uuid.UUID]quad.Value, error) {
	out := make(map[uuid.UUID]quad.Value, len(ids))
	var ask []quad.Value
	for _, id := range ids {
		for _, k := range kinds {
			n := k.iri(id)
			if _, ok := pl.state[n]; ok && pl.has(n) {
				out[id] = n
				break
			}
		}
		if _, ok := out[id]; !ok {
			for _, k := range kinds {
				ask = append(ask, k.iri(id))
			}
		}
	}
	have, err := reader{s: s, pl: pl}.exists(ctx, ask)
	if err != nil {
		return nil, fmt.Errorf("resolve judgement targets: %w", err)
	}
	for _, n := range ask {
		if !have[n] {
			continue
		}
		// A node deleted by this batch is not a target.
		if _, ok := pl.state[n]; ok && !pl.has(n) {
			continue
		}
		if id, ok := idOf(n); ok {
			if _, done := out[id]; !done {
				out[id] = n
			}
		}
	}
	return out, nil
}
