package cayleystore

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// HasDocument reports whether the document is stored.
func (s *Store) HasDocument(ctx context.Context, id uuid.UUID) (bool, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().hasDocument(ctx, id)
}

func (r reader) hasDocument(ctx context.Context, id uuid.UUID) (bool, error) {
	n := kDocument.iri(id)
	have, err := r.exists(ctx, []quad.Value{n})
	if err != nil {
		return false, fmt.Errorf("has document %s: %w", id, err)
	}
	return have[n], nil
}

// Document returns the document with its text.
func (s *Store) Document(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().document(ctx, id)
}

func (r reader) document(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	d, err := one[graph.Document](ctx, r, kDocument, id)
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", id, err)
	}
	texts, err := r.objects(ctx, []quad.Value{kDocument.iri(id)}, pText)
	if err != nil {
		return nil, fmt.Errorf("load text of document %s: %w", id, err)
	}
	if t := texts[kDocument.iri(id)]; len(t) == 1 {
		str, ok := t[0].(quad.String)
		if !ok {
			return nil, fmt.Errorf("load text of document %s: a %T, not a string", id, t[0])
		}
		d.Text = string(str)
	}
	return d, nil
}

// DocumentRecords returns the documents of ids without their text, in
// the order given; unknown ids are skipped. It is the read for callers
// that want titles, dates and authors, not texts: one pass for all ids,
// and no text read (nor cached).
func (s *Store) DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().documentRecords(ctx, ids)
}

func (r reader) documentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error) {
	out, err := ordered[graph.Document](ctx, r, kDocument, ids)
	if err != nil {
		return nil, fmt.Errorf("load %d documents: %w", len(ids), err)
	}
	return out, nil
}

// Documents lists documents without their text, by date (undated last),
// then title, then id.
func (s *Store) Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().documents(ctx, p)
}

func (r reader) documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error) {
	nodes, next, err := r.listed(ctx, kDocument, p)
	if err != nil {
		return nil, "", fmt.Errorf("list documents: %w", err)
	}
	out, err := ordered[graph.Document](ctx, r, kDocument, idsOf(nodes))
	if err != nil {
		return nil, "", fmt.Errorf("list documents: %w", err)
	}
	return out, next, nil
}

// DocumentClaims lists a document's claims in span order.
func (s *Store) DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().documentClaims(ctx, id, p)
}

func (r reader) documentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	dn := kDocument.iri(id)
	// Accounts point at their document too, but have no order key: listed
	// drops them. (A Has(cg:type, cg:Claim) filter would scan every claim.)
	in, err := r.into(ctx, []quad.Value{dn}, pDocument)
	if err != nil {
		return nil, "", fmt.Errorf("claims of document %s: %w", id, err)
	}
	nodes, next, err := r.listedNodes(ctx, in, p)
	if err != nil {
		return nil, "", fmt.Errorf("claims of document %s: %w", id, err)
	}
	if len(nodes) == 0 {
		if err := r.mustExist(ctx, kDocument, id); err != nil {
			return nil, "", err
		}
	}
	out, err := ordered[graph.Claim](ctx, r, kClaim, idsOf(nodes))
	if err != nil {
		return nil, "", fmt.Errorf("claims of document %s: %w", id, err)
	}
	return out, next, nil
}

// DocumentAccounts returns the accounts a document gives, by id.
func (s *Store) DocumentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().documentAccounts(ctx, id)
}

func (r reader) documentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	nodes, err := r.into(ctx, []quad.Value{kDocument.iri(id)}, pDocument)
	if err != nil {
		return nil, fmt.Errorf("accounts of document %s: %w", id, err)
	}
	nodes = kAccount.only(nodes)
	if len(nodes) == 0 {
		if err := r.mustExist(ctx, kDocument, id); err != nil {
			return nil, err
		}
	}
	out, err := r.accounts(ctx, idsOf(nodes))
	if err != nil {
		return nil, fmt.Errorf("accounts of document %s: %w", id, err)
	}
	return out, nil
}

// mustExist returns ENOTFOUND unless the node of id is stored.
func (r reader) mustExist(ctx context.Context, k kind, id uuid.UUID) error {
	n := k.iri(id)
	have, err := r.exists(ctx, []quad.Value{n})
	if err != nil {
		return fmt.Errorf("check %s %s: %w", k.name, id, err)
	}
	if !have[n] {
		return k.notFound(id)
	}
	return nil
}

// Claim returns one claim.
func (s *Store) Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().claim(ctx, id)
}

func (r reader) claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error) {
	c, err := one[graph.Claim](ctx, r, kClaim, id)
	if err != nil {
		return nil, fmt.Errorf("load claim %s: %w", id, err)
	}
	return c, nil
}

// Claims returns the claims of ids in the order given; unknown ids are
// skipped.
func (s *Store) Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().claims(ctx, ids)
}

func (r reader) claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	out, err := ordered[graph.Claim](ctx, r, kClaim, ids)
	if err != nil {
		return nil, fmt.Errorf("load %d claims: %w", len(ids), err)
	}
	return out, nil
}

// Entity returns one entity.
func (s *Store) Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().entity(ctx, id)
}

func (r reader) entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error) {
	e, err := one[graph.Entity](ctx, r, kEntity, id)
	if err != nil {
		return nil, fmt.Errorf("load entity %s: %w", id, err)
	}
	return e, nil
}

// Entities returns the entities of ids in the order given; unknown ids are
// skipped.
func (s *Store) Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().entities(ctx, ids)
}

func (r reader) entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	out, err := ordered[graph.Entity](ctx, r, kEntity, ids)
	if err != nil {
		return nil, fmt.Errorf("load %d entities: %w", len(ids), err)
	}
	return out, nil
}

// keyStrings are keys as cg:key literals.
func keyStrings(keys []string) []quad.Value {
	out := make([]quad.Value, 0, len(keys))
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, quad.String(k))
		}
	}
	return out
}

// byKey returns the nodes of kind k indexed under any of keys.
func (r reader) byKey(ctx context.Context, k kind, keys []string) ([]uuid.UUID, error) {
	ks := keyStrings(keys)
	var ids []uuid.UUID
	for start := 0; start < len(ks); start += chunk {
		end := min(start+chunk, len(ks))
		nodes, err := r.into(ctx, ks[start:end], pKey)
		if err != nil {
			return nil, err
		}
		ids = append(ids, idsOf(k.only(nodes))...)
	}
	return uniqueIDs(ids), nil
}

// EntitiesByKey returns the entities indexed under any of the match keys,
// by name.
func (s *Store) EntitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().entitiesByKey(ctx, keys)
}

func (r reader) entitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error) {
	ids, err := r.byKey(ctx, kEntity, keys)
	if err != nil {
		return nil, fmt.Errorf("entities by key: %w", err)
	}
	out, err := ordered[graph.Entity](ctx, r, kEntity, ids)
	if err != nil {
		return nil, fmt.Errorf("entities by key: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return entityOrder(&out[i]) < entityOrder(&out[j]) })
	return out, nil
}

// EntityList lists entities by name, then id.
func (s *Store) EntityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().entityList(ctx, p)
}

func (r reader) entityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error) {
	nodes, next, err := r.listed(ctx, kEntity, p)
	if err != nil {
		return nil, "", fmt.Errorf("list entities: %w", err)
	}
	out, err := ordered[graph.Entity](ctx, r, kEntity, idsOf(nodes))
	if err != nil {
		return nil, "", fmt.Errorf("list entities: %w", err)
	}
	return out, next, nil
}

// EntityClaims lists the claims that mention the entity or whose speaker it
// is, by document order (date, title, id), then span.
func (s *Store) EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().entityClaims(ctx, id, p)
}

func (r reader) entityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	claims, err := r.into(ctx, []quad.Value{kEntity.iri(id)}, pMentions, pSpeaker)
	if err != nil {
		return nil, "", fmt.Errorf("claims of entity %s: %w", id, err)
	}
	claimKeys, err := r.orderKeys(ctx, claims)
	if err != nil {
		return nil, "", fmt.Errorf("claims of entity %s: %w", id, err)
	}
	docOf, err := r.objects(ctx, claims, pDocument)
	if err != nil {
		return nil, "", fmt.Errorf("claims of entity %s: %w", id, err)
	}
	var docs []quad.Value
	seen := make(map[quad.Value]bool)
	for _, ds := range docOf {
		if !seen[ds[0]] {
			seen[ds[0]] = true
			docs = append(docs, ds[0])
		}
	}
	docKeys, err := r.orderKeys(ctx, docs)
	if err != nil {
		return nil, "", fmt.Errorf("claims of entity %s: %w", id, err)
	}
	items := make([]keyed, 0, len(claims))
	for _, c := range claims {
		ck, ok1 := claimKeys[c]
		ds := docOf[c]
		if !ok1 || len(ds) == 0 {
			continue
		}
		items = append(items, keyed{Item: c, Key: docKeys[ds[0]] + "\x1e" + ck})
	}
	nodes, next, err := page(items, p)
	if err != nil {
		return nil, "", err
	}
	if len(nodes) == 0 {
		if err := r.mustExist(ctx, kEntity, id); err != nil {
			return nil, "", err
		}
	}
	out, err := ordered[graph.Claim](ctx, r, kClaim, idsOf(nodes))
	if err != nil {
		return nil, "", fmt.Errorf("claims of entity %s: %w", id, err)
	}
	return out, next, nil
}

// PlacesWithin returns the place and every place inside it, down to
// maxWithinDepth levels, level by level.
func (s *Store) PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().placesWithin(ctx, id)
}

func (r reader) placesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	if err := r.mustExist(ctx, kEntity, id); err != nil {
		return nil, err
	}
	out := []uuid.UUID{id}
	seen := map[uuid.UUID]bool{id: true}
	frontier := []quad.Value{kEntity.iri(id)}
	for depth := 0; depth < maxWithinDepth && len(frontier) > 0; depth++ {
		var level []uuid.UUID
		for start := 0; start < len(frontier); start += chunk {
			end := min(start+chunk, len(frontier))
			inner, err := r.into(ctx, frontier[start:end], pWithin)
			if err != nil {
				return nil, fmt.Errorf("places within %s: %w", id, err)
			}
			for _, pid := range idsOf(inner) {
				if !seen[pid] {
					seen[pid] = true
					level = append(level, pid)
				}
			}
		}
		sort.Slice(level, func(i, j int) bool { return level[i].String() < level[j].String() })
		out = append(out, level...)
		frontier = kEntity.iris(level)
	}
	return out, nil
}

// accounts loads accounts by id, in the order given, with EventID set from
// their cg:event edge.
func (r reader) accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	out, err := ordered[graph.Account](ctx, r, kAccount, ids)
	if err != nil {
		return nil, err
	}
	nodes := make([]quad.Value, len(out))
	for i := range out {
		nodes[i] = kAccount.iri(out[i].ID)
	}
	evs, err := r.objects(ctx, nodes, pEvent)
	if err != nil {
		return nil, fmt.Errorf("events of accounts: %w", err)
	}
	for i := range out {
		out[i].EventID = nil
		if e := idsOf(evs[nodes[i]]); len(e) > 0 {
			sort.Slice(e, func(a, b int) bool { return e[a].String() < e[b].String() })
			ev := e[0]
			out[i].EventID = &ev
		}
	}
	return out, nil
}

// sortAccounts orders accounts by publication date (undated last), then id.
func sortAccounts(as []graph.Account) {
	sort.Slice(as, func(i, j int) bool { return accountLess(&as[i], &as[j]) })
}

// accountLess orders a before b as the keys "0" + Published + sep + id
// (dated) and "1" + id (undated) do, without formatting them: ids compare
// as their lower-case hex strings do, byte by byte.
func accountLess(a, b *graph.Account) bool {
	pa, pb := a.Published, b.Published
	if (pa == "") != (pb == "") {
		return pa != ""
	}
	if pa == pb {
		return bytes.Compare(a.ID[:], b.ID[:]) < 0
	}
	if strings.HasPrefix(pa, pb) || strings.HasPrefix(pb, pa) {
		// One date is a prefix of the other: sep decides, as in the keys.
		return pa+sep+a.ID.String() < pb+sep+b.ID.String()
	}
	return pa < pb
}

// Account returns one account, with EventID set.
func (s *Store) Account(ctx context.Context, id uuid.UUID) (*graph.Account, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().account(ctx, id)
}

func (r reader) account(ctx context.Context, id uuid.UUID) (*graph.Account, error) {
	as, err := r.accounts(ctx, []uuid.UUID{id})
	if err != nil {
		return nil, fmt.Errorf("load account %s: %w", id, err)
	}
	if len(as) == 0 {
		return nil, kAccount.notFound(id)
	}
	return &as[0], nil
}

// Accounts returns the accounts of ids in the order given, with EventID
// set; unknown ids are skipped.
func (s *Store) Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().accountsByID(ctx, ids)
}

func (r reader) accountsByID(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	out, err := r.accounts(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load %d accounts: %w", len(ids), err)
	}
	return out, nil
}

// AccountsByKey returns the accounts indexed under any of the blocking
// keys, with EventID set, by publication date then id.
func (s *Store) AccountsByKey(ctx context.Context, keys []string) ([]graph.Account, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().accountsByKey(ctx, keys)
}

func (r reader) accountsByKey(ctx context.Context, keys []string) ([]graph.Account, error) {
	ids, err := r.byKey(ctx, kAccount, keys)
	if err != nil {
		return nil, fmt.Errorf("accounts by key: %w", err)
	}
	out, err := r.accounts(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("accounts by key: %w", err)
	}
	sortAccounts(out)
	return out, nil
}

// AccountsByEntity returns the accounts whose place or perpetrator is one
// of the entities, with EventID set, by publication date then id.
func (s *Store) AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().accountsByEntity(ctx, ids)
}

func (r reader) accountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	ents := kEntity.iris(uniqueIDs(ids))
	var accs []uuid.UUID
	for start := 0; start < len(ents); start += chunk {
		end := min(start+chunk, len(ents))
		nodes, err := r.into(ctx, ents[start:end], pPlace, pPerpetrator)
		if err != nil {
			return nil, fmt.Errorf("accounts by entity: %w", err)
		}
		accs = append(accs, idsOf(nodes)...)
	}
	out, err := r.accounts(ctx, uniqueIDs(accs))
	if err != nil {
		return nil, fmt.Errorf("accounts by entity: %w", err)
	}
	sortAccounts(out)
	return out, nil
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id uuid.UUID) (*graph.Event, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().event(ctx, id)
}

func (r reader) event(ctx context.Context, id uuid.UUID) (*graph.Event, error) {
	e, err := one[graph.Event](ctx, r, kEvent, id)
	if err != nil {
		return nil, fmt.Errorf("load event %s: %w", id, err)
	}
	return e, nil
}

// Events lists events by date (undated last), then title, then id.
func (s *Store) Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().events(ctx, p)
}

func (r reader) events(ctx context.Context, p graph.Page) ([]graph.Event, string, error) {
	nodes, next, err := r.listed(ctx, kEvent, p)
	if err != nil {
		return nil, "", fmt.Errorf("list events: %w", err)
	}
	out, err := ordered[graph.Event](ctx, r, kEvent, idsOf(nodes))
	if err != nil {
		return nil, "", fmt.Errorf("list events: %w", err)
	}
	return out, next, nil
}

// EventAccounts returns the accounts assigned to the event, by publication
// date then id.
func (s *Store) EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().eventAccounts(ctx, id)
}

func (r reader) eventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	nodes, err := r.into(ctx, []quad.Value{kEvent.iri(id)}, pEvent)
	if err != nil {
		return nil, fmt.Errorf("accounts of event %s: %w", id, err)
	}
	if len(nodes) == 0 {
		if err := r.mustExist(ctx, kEvent, id); err != nil {
			return nil, err
		}
	}
	out, err := r.accounts(ctx, idsOf(nodes))
	if err != nil {
		return nil, fmt.Errorf("accounts of event %s: %w", id, err)
	}
	sortAccounts(out)
	return out, nil
}

// ClaimLinks returns the links from or to the claim, by creation time then
// id.
func (s *Store) ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().claimLinks(ctx, claim)
}

func (r reader) claimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error) {
	nodes, err := r.into(ctx, []quad.Value{kClaim.iri(claim)}, pFrom, pTo)
	if err != nil {
		return nil, fmt.Errorf("links of claim %s: %w", claim, err)
	}
	if len(nodes) == 0 {
		if err := r.mustExist(ctx, kClaim, claim); err != nil {
			return nil, err
		}
	}
	out, err := ordered[graph.Link](ctx, r, kLink, idsOf(nodes))
	if err != nil {
		return nil, fmt.Errorf("links of claim %s: %w", claim, err)
	}
	sortLinks(out)
	return out, nil
}

// ClaimLinksMany returns the links from or to each of the claims, as
// ClaimLinks does for one, in one pass over the index for all of them: a
// stored claim maps to its links (an empty slice if it has none), an id
// that is not a stored claim is absent from the map.
func (s *Store) ClaimLinksMany(ctx context.Context, claims []uuid.UUID) (map[uuid.UUID][]graph.Link, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().claimLinksMany(ctx, claims)
}

func (r reader) claimLinksMany(ctx context.Context, claims []uuid.UUID) (map[uuid.UUID][]graph.Link, error) {
	ids := uniqueIDs(claims)
	out := make(map[uuid.UUID][]graph.Link, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	nodes := kClaim.iris(ids)
	per, err := r.adj(ctx, nodes, true, pFrom, pTo)
	if err != nil {
		return nil, fmt.Errorf("links of %d claims: %w", len(ids), err)
	}
	var lonely []quad.Value // claims without links: stored or not?
	var all []uuid.UUID
	byClaim := make([][]uuid.UUID, len(ids))
	total := 0
	for i, vs := range per {
		if len(vs) == 0 {
			lonely = append(lonely, nodes[i])
			continue
		}
		// A link reached by both predicates (a claim linked to itself)
		// is listed once; the order does not matter, sortLinks sets it.
		byClaim[i] = sortedUnique(idsOf(vs))
		total += len(byClaim[i])
	}
	all = make([]uuid.UUID, 0, total)
	for _, l := range byClaim {
		all = append(all, l...)
	}
	all = sortedUnique(all)
	have := map[quad.Value]bool{}
	if len(lonely) > 0 {
		if have, err = r.exists(ctx, lonely); err != nil {
			return nil, fmt.Errorf("links of %d claims: %w", len(ids), err)
		}
	}
	recs, err := fetch[graph.Link](ctx, r, kLink, kLink.iris(all))
	if err != nil {
		return nil, fmt.Errorf("links of %d claims: %w", len(ids), err)
	}
	// One array holds every claim's list (a link is in both its claims').
	buf := make([]graph.Link, 0, total)
	for i, id := range ids {
		if len(per[i]) == 0 {
			if have[nodes[i]] {
				out[id] = []graph.Link{}
			}
			continue
		}
		from := len(buf)
		for _, l := range byClaim[i] {
			if rec, ok := recs[l]; ok {
				buf = append(buf, *rec) // a Link has no references to share
			}
		}
		ls := buf[from:len(buf):len(buf)]
		sortLinks(ls)
		out[id] = ls
	}
	return out, nil
}

// sortedUnique sorts ids and drops repeats, in place.
func sortedUnique(ids []uuid.UUID) []uuid.UUID {
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return slices.Compact(ids)
}

// sortLinks orders links by creation time then id.
func sortLinks(ls []graph.Link) {
	sort.Slice(ls, func(i, j int) bool {
		if !ls[i].CreatedAt.Equal(ls[j].CreatedAt) {
			return ls[i].CreatedAt.Before(ls[j].CreatedAt)
		}
		return ls[i].ID.String() < ls[j].ID.String()
	})
}

// Judgement returns one judgement.
func (s *Store) Judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().judgement(ctx, id)
}

func (r reader) judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error) {
	j, err := one[graph.Judgement](ctx, r, kJudgement, id)
	if err != nil {
		return nil, fmt.Errorf("load judgement %s: %w", id, err)
	}
	return j, nil
}

// Judgements lists judgements by creation time, then id.
func (s *Store) Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().judgements(ctx, p)
}

func (r reader) judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error) {
	nodes, next, err := r.listed(ctx, kJudgement, p)
	if err != nil {
		return nil, "", fmt.Errorf("list judgements: %w", err)
	}
	out, err := ordered[graph.Judgement](ctx, r, kJudgement, idsOf(nodes))
	if err != nil {
		return nil, "", fmt.Errorf("list judgements: %w", err)
	}
	return out, next, nil
}

// JudgementsFor returns the judgements that act on target (a claim,
// account, event, entity, link, document or judgement), revoked ones
// included, by creation time then id.
func (s *Store) JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.rd().judgementsFor(ctx, target)
}

func (r reader) judgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error) {
	starts := make([]quad.Value, len(kinds))
	for i, k := range kinds {
		starts[i] = k.iri(target)
	}
	nodes, err := r.into(ctx, starts, pTarget)
	if err != nil {
		return nil, fmt.Errorf("judgements for %s: %w", target, err)
	}
	out, err := ordered[graph.Judgement](ctx, r, kJudgement, idsOf(nodes))
	if err != nil {
		return nil, fmt.Errorf("judgements for %s: %w", target, err)
	}
	sort.Slice(out, func(i, j int) bool { return judgementOrder(&out[i]) < judgementOrder(&out[j]) })
	return out, nil
}
