package xref

import (
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// KeyFormat is the format of the blocking keys Keys computes (see Keys).
// "1", or none recorded, is month keys for every window; "2" day keys
// for short windows; "3" perpetrator-day keys of placed accounts apart
// ("dp:"); "4" the lasting keys of sieges and what ends them ("ls:",
// "lsi:"); "5" perpetrator-day keys for the days of a "last week"
// whose window runs on to its report; "6" the place keys of the town an
// evacuation leaves (Account.Origin); "7" the day keys that let a place
// the gazetteer lacks below a town's rank meet a town or village ("v:",
// "h:"); "8" the same keys over the gazetteer that places Kirkuk, Baghdad,
// Basra, Najaf, Karbala, Erbil and Sulaymaniyah in governorates of their
// own (place keys follow the hierarchy, so stored accounts are keyed
// again); "9" the spelling keys of the places a place the gazetteer
// lacks may be part of ("Ogossagou-Peul" of Ogossagou); "10" the place
// keys of the place that a place the gazetteer lacks lies in, as its
// document says (Account.PlaceWithin), and that place's spelling keys
// when the gazetteer lacks it too, the leading names read by PlaceKey;
// the weak spelling keys of undated accounts on the days their report
// may follow; and the short skeletons of places in an area ("sa:").
const KeyFormat = "10"

// KeyStore is what EnsureKeyFormat reads and writes; *cayleystore.Store
// satisfies it.
type KeyStore interface {
	// KeyFormat returns the key format the store records, "" for none.
	KeyFormat(ctx context.Context) (string, error)
	// SetKeys replaces the keys of stored accounts and records format,
	// in one transaction.
	SetKeys(ctx context.Context, keys map[uuid.UUID][]string, format string) error
	Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error)
	DocumentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
}

// KeyReport says what EnsureKeyFormat did.
type KeyReport struct {
	// From is the format the store recorded ("" for none), To the
	// format it records now.
	From, To string
	// Accounts counts the accounts read; Changed those whose keys were
	// rewritten.
	Accounts, Changed int
}

// EnsureKeyFormat makes the store's accounts keyed in KeyFormat: accounts
// keyed in another format would not meet new accounts as candidates (a
// store written with month keys misses day keys), so when the store
// records another format, or none while holding accounts, it computes
// every stored account's keys again and writes them, with the format, in
// one transaction. A store that records KeyFormat is left as it is; an
// empty one is stamped. Call it before planning anything over the store
// (the binary does on opening it); it is not safe beside Plan.
func (e *Engine) EnsureKeyFormat(ctx context.Context, s KeyStore) (*KeyReport, error) {
	f, err := s.KeyFormat(ctx)
	if err != nil {
		return nil, fmt.Errorf("key format: %w", err)
	}
	rep := &KeyReport{From: f, To: KeyFormat}
	if f == KeyFormat {
		return rep, nil
	}
	var accounts []graph.Account
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		docs, next, err := s.Documents(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("key format: list documents: %w", err)
		}
		for _, d := range docs {
			accs, err := s.DocumentAccounts(ctx, d.ID)
			if err != nil {
				return nil, fmt.Errorf("key format: %w", err)
			}
			accounts = append(accounts, accs...)
		}
		if next == "" {
			break
		}
		p.Cursor = next
	}
	rep.Accounts = len(accounts)
	w := e.world.With()
	var unknown []uuid.UUID
	for _, a := range accounts {
		unknown = append(unknown, accountEntities(a, w)...)
		if a.ContextPlace != nil {
			unknown = append(unknown, *a.ContextPlace)
		}
	}
	if err := e.loadEntities(ctx, w, unknown); err != nil {
		return nil, fmt.Errorf("key format: %w", err)
	}
	keys := map[uuid.UUID][]string{}
	for _, a := range accounts {
		// Published, NotBefore and ContextPlace are stored with the
		// account: its keys follow from it and the world alone.
		k := Keys(a, w)
		if !sameStrings(k, a.Keys) {
			keys[a.ID] = k
		}
	}
	rep.Changed = len(keys)
	if err := s.SetKeys(ctx, keys, KeyFormat); err != nil {
		return nil, fmt.Errorf("key format %q -> %q: %w", f, KeyFormat, err)
	}
	return rep, nil
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
