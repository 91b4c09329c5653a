package bench

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// floorStore is the in-memory floor: every answer of the store that the
// sampled requests need, read once through graph/cayleystore while
// recording and kept decoded in a Go map by method and arguments. Replayed,
// it costs a map lookup and a shallow copy per call, so the API's handlers
// running over it compute the very same answer (cross-referencing, JSON
// encoding, HTTP handling in process) with storage reduced to nothing:
// nothing can answer faster without changing the answer. A call that was
// not recorded fails. It is for one goroutine.
type floorStore struct {
	src       api.Store
	recording bool
	m         map[string]floorEntry
}

type floorEntry struct {
	v    any
	next string
	err  error
}

func newFloorStore(src api.Store) *floorStore {
	return &floorStore{src: src, recording: true, m: map[string]floorEntry{}}
}

func key(method string, ids []uuid.UUID, extra ...string) string {
	var b strings.Builder
	b.Grow(len(method) + 37*len(ids) + 16)
	b.WriteString(method)
	for _, id := range ids {
		b.WriteByte(' ')
		b.WriteString(id.String())
	}
	for _, e := range extra {
		b.WriteByte('|')
		b.WriteString(e)
	}
	return b.String()
}

// recall returns the entry under k, reading it with read while recording.
func (f *floorStore) recall(k string, read func() (any, string, error)) (floorEntry, error) {
	if e, ok := f.m[k]; ok {
		return e, nil
	}
	if !f.recording {
		return floorEntry{}, fmt.Errorf("floor: %s was not recorded", k)
	}
	v, next, err := read()
	e := floorEntry{v, next, err}
	f.m[k] = e
	return e, nil
}

// ptr returns a copy of a recorded record.
func ptr[T any](f *floorStore, k string, read func() (*T, error)) (*T, error) {
	e, err := f.recall(k, func() (any, string, error) { v, err := read(); return v, "", err })
	if err != nil {
		return nil, err
	}
	if e.err != nil {
		return nil, e.err
	}
	cp := *e.v.(*T)
	return &cp, nil
}

// many returns a copy of a recorded list.
func many[T any](f *floorStore, k string, read func() ([]T, error)) ([]T, error) {
	e, err := f.recall(k, func() (any, string, error) { v, err := read(); return v, "", err })
	if err != nil {
		return nil, err
	}
	if e.err != nil {
		return nil, e.err
	}
	return slices.Clone(e.v.([]T)), nil
}

// paged returns a copy of a recorded page.
func paged[T any](f *floorStore, k string, read func() ([]T, string, error)) ([]T, string, error) {
	e, err := f.recall(k, func() (any, string, error) { return read() })
	if err != nil {
		return nil, "", err
	}
	if e.err != nil {
		return nil, "", e.err
	}
	return slices.Clone(e.v.([]T)), e.next, nil
}

func pageKey(p graph.Page) string { return strconv.Itoa(p.Limit) + "|" + p.Cursor }

func one1(id uuid.UUID) []uuid.UUID { return []uuid.UUID{id} }

func (f *floorStore) Document(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	return ptr(f, key("Document", one1(id)), func() (*graph.Document, error) { return f.src.Document(ctx, id) })
}

func (f *floorStore) DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error) {
	return many(f, key("DocumentRecords", ids), func() ([]graph.Document, error) { return f.src.DocumentRecords(ctx, ids) })
}

func (f *floorStore) Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error) {
	return paged(f, key("Documents", nil, pageKey(p)), func() ([]graph.Document, string, error) { return f.src.Documents(ctx, p) })
}

func (f *floorStore) DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	return paged(f, key("DocumentClaims", one1(id), pageKey(p)), func() ([]graph.Claim, string, error) { return f.src.DocumentClaims(ctx, id, p) })
}

func (f *floorStore) Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error) {
	return ptr(f, key("Claim", one1(id)), func() (*graph.Claim, error) { return f.src.Claim(ctx, id) })
}

func (f *floorStore) Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	return many(f, key("Claims", ids), func() ([]graph.Claim, error) { return f.src.Claims(ctx, ids) })
}

func (f *floorStore) Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error) {
	return ptr(f, key("Entity", one1(id)), func() (*graph.Entity, error) { return f.src.Entity(ctx, id) })
}

func (f *floorStore) Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	return many(f, key("Entities", ids), func() ([]graph.Entity, error) { return f.src.Entities(ctx, ids) })
}

func (f *floorStore) EntitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error) {
	return many(f, key("EntitiesByKey", nil, keys...), func() ([]graph.Entity, error) { return f.src.EntitiesByKey(ctx, keys) })
}

func (f *floorStore) EntityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error) {
	return paged(f, key("EntityList", nil, pageKey(p)), func() ([]graph.Entity, string, error) { return f.src.EntityList(ctx, p) })
}

func (f *floorStore) EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	return paged(f, key("EntityClaims", one1(id), pageKey(p)), func() ([]graph.Claim, string, error) { return f.src.EntityClaims(ctx, id, p) })
}

func (f *floorStore) PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	return many(f, key("PlacesWithin", one1(id)), func() ([]uuid.UUID, error) { return f.src.PlacesWithin(ctx, id) })
}

func (f *floorStore) Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	return many(f, key("Accounts", ids), func() ([]graph.Account, error) { return f.src.Accounts(ctx, ids) })
}

func (f *floorStore) AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	return many(f, key("AccountsByEntity", ids), func() ([]graph.Account, error) { return f.src.AccountsByEntity(ctx, ids) })
}

func (f *floorStore) Event(ctx context.Context, id uuid.UUID) (*graph.Event, error) {
	return ptr(f, key("Event", one1(id)), func() (*graph.Event, error) { return f.src.Event(ctx, id) })
}

func (f *floorStore) Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error) {
	return paged(f, key("Events", nil, pageKey(p)), func() ([]graph.Event, string, error) { return f.src.Events(ctx, p) })
}

func (f *floorStore) EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	return many(f, key("EventAccounts", one1(id)), func() ([]graph.Account, error) { return f.src.EventAccounts(ctx, id) })
}

func (f *floorStore) ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error) {
	return many(f, key("ClaimLinks", one1(claim)), func() ([]graph.Link, error) { return f.src.ClaimLinks(ctx, claim) })
}

func (f *floorStore) Judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error) {
	return ptr(f, key("Judgement", one1(id)), func() (*graph.Judgement, error) { return f.src.Judgement(ctx, id) })
}

func (f *floorStore) Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error) {
	return paged(f, key("Judgements", nil, pageKey(p)), func() ([]graph.Judgement, string, error) { return f.src.Judgements(ctx, p) })
}

func (f *floorStore) JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error) {
	return many(f, key("JudgementsFor", one1(target)), func() ([]graph.Judgement, error) { return f.src.JudgementsFor(ctx, target) })
}
