package cayleystore

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// The store's own metadata: <cg:store> <cg:keyFormat> "FORMAT" records the
// format of the accounts' blocking keys (xref.KeyFormat), under <cg:xref>.
// <cg:store> <cg:gazetteer> "FINGERPRINT" records the gazetteer last seeded
// in full, under <cg:gazetteer>.
var (
	storeNode  = quad.IRI("cg:store")
	pKeyFormat = quad.IRI("cg:keyFormat")
	pGazetteer = quad.IRI("cg:gazetteer")
)

// KeyFormat returns the format of the accounts' blocking keys the store
// records, "" when it records none (a store written before formats were
// recorded, or one nothing has stamped yet).
func (s *Store) KeyFormat(ctx context.Context) (string, error) {
	v, err := s.storeValue(ctx, pKeyFormat)
	if err != nil {
		return "", fmt.Errorf("read the key format: %w", err)
	}
	return v, nil
}

// SeededGazetteer returns the fingerprint of the gazetteer last seeded in
// full into the store (MarkSeededGazetteer), "" when none was.
func (s *Store) SeededGazetteer(ctx context.Context) (string, error) {
	v, err := s.storeValue(ctx, pGazetteer)
	if err != nil {
		return "", fmt.Errorf("read the seeded gazetteer: %w", err)
	}
	return v, nil
}

// MarkSeededGazetteer records fingerprint as the gazetteer seeded in full,
// replacing any earlier one.
func (s *Store) MarkSeededGazetteer(ctx context.Context, fingerprint string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pl := newPlan(s)
	if err := pl.load(ctx, []quad.Value{storeNode}); err != nil {
		return fmt.Errorf("mark the seeded gazetteer: %w", err)
	}
	pl.replace(storeNode, pGazetteer, labelGazetteer, quad.String(fingerprint))
	if err := s.apply(ctx, pl); err != nil {
		return fmt.Errorf("mark the seeded gazetteer: %w", err)
	}
	return nil
}

// storeValue returns the string the store's own node has under predicate
// p, "" when it has none.
func (s *Store) storeValue(ctx context.Context, p quad.IRI) (string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	qs, err := s.subjectQuads(ctx, storeNode)
	if err != nil {
		return "", err
	}
	for _, q := range qs {
		if q.Predicate == p {
			if v, ok := q.Object.(quad.String); ok {
				return string(v), nil
			}
		}
	}
	return "", nil
}

// SetKeys replaces the blocking keys of stored accounts (their cg:key
// quads and the keys in their records, both under the label their record
// has) with keys, and records format as the store's key format, in one
// transaction. Accounts that are not stored are an error.
func (s *Store) SetKeys(ctx context.Context, keys map[uuid.UUID][]string, format string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pl := newPlan(s)
	subjects := make([]quad.Value, 0, len(keys)+1)
	subjects = append(subjects, storeNode)
	ids := make([]uuid.UUID, 0, len(keys))
	for id := range keys {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return bytes.Compare(ids[i][:], ids[j][:]) < 0 })
	for _, id := range ids {
		subjects = append(subjects, kAccount.iri(id))
	}
	if err := pl.load(ctx, subjects); err != nil {
		return fmt.Errorf("set keys: %w", err)
	}
	for _, id := range ids {
		an := kAccount.iri(id)
		var rec *quad.Quad
		for i, q := range pl.state[an] {
			if q.Predicate == pRecord {
				rec = &pl.state[an][i]
			}
		}
		if rec == nil {
			return graph.Errorf(graph.ENOTFOUND, "set keys: account %s is not stored", id)
		}
		raw, ok := rec.Object.(quad.String)
		if !ok {
			return fmt.Errorf("set keys: account %s: record is not a string", id)
		}
		var a graph.Account
		if err := json.Unmarshal([]byte(raw), &a); err != nil {
			return fmt.Errorf("set keys: decode account %s: %w", id, err)
		}
		a.Keys = keys[id]
		enc, err := record(a)
		if err != nil {
			return fmt.Errorf("set keys: encode account %s: %w", id, err)
		}
		label := rec.Label
		objs := make([]quad.Value, len(a.Keys))
		for i, k := range a.Keys {
			objs[i] = quad.String(k)
		}
		pl.replace(an, pRecord, label, enc)
		pl.replace(an, pKey, label, objs...)
	}
	pl.replace(storeNode, pKeyFormat, labelXref, quad.String(format))
	if err := s.apply(ctx, pl); err != nil {
		return fmt.Errorf("set keys: %w", err)
	}
	return nil
}
