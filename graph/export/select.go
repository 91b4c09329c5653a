package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// Source is what selection reads from the claim graph: the store's read
// methods (graph/cayleystore.Store has them all, and so does the API's
// Store).
type Source interface {
	Document(ctx context.Context, id uuid.UUID) (*graph.Document, error)
	Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error)
	DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error)
	Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error)
	Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error)
	Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error)
	EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error)
	Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	Event(ctx context.Context, id uuid.UUID) (*graph.Event, error)
	Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error)
	EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error)
}

// LinkBatcher reads the links of many claims at once. A Source that has
// it (graph/cayleystore.Store does) is asked once per BFS level for the
// links of the level's claims, not once per claim; without it selection
// calls ClaimLinks claim by claim. Either way the graph is the same.
type LinkBatcher interface {
	// ClaimLinksMany maps each stored claim of ids to its links, ordered
	// as ClaimLinks orders them; ids that are not stored claims are absent.
	ClaimLinksMany(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID][]graph.Link, error)
}

// DocumentBatcher reads many documents at once, without their text. A
// Source that has it (graph/cayleystore.Store and the API's Store do) is
// asked once per batch of documents; without it selection calls Document
// one by one.
type DocumentBatcher interface {
	// DocumentRecords returns the documents of ids without their text;
	// unknown ids are skipped.
	DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error)
}

// JudgementFinder finds the judgements that act on a node. A Source that
// has it lets analyst links name the judgement that made them as their
// provenance (cg:judgement/ID); without it they say only "analyst".
type JudgementFinder interface {
	JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error)
}

// Limits of a selection.
const (
	DefaultDepth    = 2
	MaxDepth        = 4
	DefaultMaxNodes = 500
	HardMaxNodes    = 5000
	// DefaultMaxEdges is four edges a node at the default node budget: a
	// 500-node graph's structural edges (document, claim, account, event
	// and entity edges) fit in it, with room for its stance links first.
	DefaultMaxEdges = 4 * DefaultMaxNodes
	HardMaxEdges    = 50000
)

// Options says what to select.
type Options struct {
	// Focus is a document, claim, entity or event id; "" selects the whole
	// graph (from every event and document, with no depth limit).
	Focus string
	// Depth is how many hops from the focus, 0 to MaxDepth; 0 is the focus
	// alone. Callers that take no depth should pass DefaultDepth.
	Depth int
	// Relations limits the relations followed and written; nil is all.
	Relations map[string]bool
	// From and To (YYYY-MM-DD, either may be "") keep documents, claims,
	// accounts and events whose date meets the window; undated nodes and
	// entities are kept, and so is the focus.
	From, To string
	// MaxNodes is the node budget: 0 means DefaultMaxNodes, at most
	// HardMaxNodes.
	MaxNodes int
	// MaxEdges is the edge budget: 0 means DefaultMaxEdges, at most
	// HardMaxEdges. When the selected nodes have more edges, the edges
	// kept are, in this order: every edge that is not a link between
	// claims, analyst links, computed links; links by relation (disputes,
	// revises, repeats, corroborates); within that, the graph's own order.
	MaxEdges int
}

// Check validates o and fills its defaults.
func (o *Options) Check() error {
	if o.Depth < 0 || o.Depth > MaxDepth {
		return graph.Errorf(graph.EINVALID, "depth must be a whole number from 0 to %d, not %d", MaxDepth, o.Depth)
	}
	if o.MaxNodes == 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.MaxNodes < 1 || o.MaxNodes > HardMaxNodes {
		return graph.Errorf(graph.EINVALID, "max_nodes must be a whole number from 1 to %d, not %d", HardMaxNodes, o.MaxNodes)
	}
	if o.MaxEdges == 0 {
		o.MaxEdges = DefaultMaxEdges
	}
	if o.MaxEdges < 1 || o.MaxEdges > HardMaxEdges {
		return graph.Errorf(graph.EINVALID, "max_edges must be a whole number from 1 to %d, not %d", HardMaxEdges, o.MaxEdges)
	}
	for _, d := range []struct{ name, v string }{{"from", o.From}, {"to", o.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return graph.Errorf(graph.EINVALID, "%s must be a date as YYYY-MM-DD, not %q", d.name, d.v)
		}
	}
	if o.From != "" && o.To != "" && o.To < o.From {
		return graph.Errorf(graph.EINVALID, "from %s is after to %s", o.From, o.To)
	}
	if o.Focus != "" {
		if _, err := graph.ParseID("focus", o.Focus); err != nil {
			return err
		}
	}
	for r := range o.Relations {
		if !knownRelation(r) {
			return graph.Errorf(graph.EINVALID, "unknown relation %q", r)
		}
	}
	return nil
}

func knownRelation(r string) bool {
	for _, k := range Relations {
		if k == r {
			return true
		}
	}
	return false
}

// ref is a node: its id and type.
type ref struct {
	id  uuid.UUID
	typ string
}

// selector holds one selection's state: the records read so far and the
// nodes taken.
type selector struct {
	src Source
	opt Options

	docs   map[uuid.UUID]*graph.Document
	claims map[uuid.UUID]*graph.Claim
	ents   map[uuid.UUID]*graph.Entity
	accs   map[uuid.UUID]*graph.Account
	evs    map[uuid.UUID]*graph.Event
	links  map[uuid.UUID][]graph.Link // by claim

	taken   map[uuid.UUID]int // included node -> depth
	order   []ref
	omitted map[uuid.UUID]bool
	atLeast bool // some neighbours were not listed, so Omitted is a floor
	full    bool

	edgesCut map[string]int // relation -> edges the edge budget left out
}

// Select walks the graph from opt.Focus and returns the subgraph. An
// unknown focus is ENOTFOUND; bad options are EINVALID.
func Select(ctx context.Context, src Source, opt Options) (*Graph, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	s := &selector{
		src: src, opt: opt,
		docs: map[uuid.UUID]*graph.Document{}, claims: map[uuid.UUID]*graph.Claim{},
		ents: map[uuid.UUID]*graph.Entity{}, accs: map[uuid.UUID]*graph.Account{},
		evs: map[uuid.UUID]*graph.Event{}, links: map[uuid.UUID][]graph.Link{},
		taken: map[uuid.UUID]int{}, omitted: map[uuid.UUID]bool{},
	}
	g := &Graph{Focus: opt.Focus, Depth: opt.Depth, From: opt.From, To: opt.To, MaxNodes: opt.MaxNodes, MaxEdges: opt.MaxEdges}
	for r := range opt.Relations {
		g.Relations = append(g.Relations, r)
	}
	sort.Strings(g.Relations)

	var frontier []ref
	maxDepth := opt.Depth
	if opt.Focus == "" {
		seeds, more, err := s.seeds(ctx)
		if err != nil {
			return nil, err
		}
		if more {
			s.atLeast = true
		}
		frontier, err = s.admit(ctx, seeds, 0)
		if err != nil {
			return nil, err
		}
		maxDepth = -1
	} else {
		id, _ := uuid.Parse(opt.Focus)
		typ, err := s.detect(ctx, id)
		if err != nil {
			return nil, err
		}
		g.FocusType = typ
		s.take(ref{id, typ}, 0)
		frontier = []ref{{id, typ}}
	}

	for level := 0; len(frontier) > 0 && (maxDepth < 0 || level < maxDepth); level++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var cands []ref
		seen := map[uuid.UUID]bool{}
		if err := s.prefetchLinks(ctx, frontier); err != nil {
			return nil, err
		}
		for _, n := range frontier {
			ns, err := s.neighbours(ctx, n)
			if err != nil {
				return nil, err
			}
			for _, m := range ns {
				if _, ok := s.taken[m.id]; ok || seen[m.id] {
					continue
				}
				seen[m.id] = true
				cands = append(cands, m)
			}
		}
		next, err := s.admit(ctx, cands, level+1)
		if err != nil {
			return nil, err
		}
		frontier = next
		// Once the budget is spent, one more level is walked to count what
		// it leaves out; what lies beyond that is left out unseen.
		if s.full && len(next) == 0 {
			if len(s.omitted) > 0 && (maxDepth < 0 || level+1 < maxDepth) {
				s.atLeast = true
			}
			break
		}
	}

	if err := s.build(ctx, g); err != nil {
		return nil, err
	}
	g.Omitted = len(s.omitted)
	g.OmittedAtLeast = s.atLeast
	var notes []string
	if g.Omitted > 0 || s.atLeast {
		at := ""
		if s.atLeast {
			at = "at least "
		}
		note := fmt.Sprintf("the node budget of %d nodes cut the graph: %s%d more nodes were found and left out; narrow the selection (depth, relations, from/to) or raise max_nodes (at most %d)",
			opt.MaxNodes, at, g.Omitted, HardMaxNodes)
		if g.Omitted == 0 {
			note = fmt.Sprintf("the node budget of %d nodes cut the graph: more nodes lie beyond it; narrow the selection (depth, relations, from/to) or raise max_nodes (at most %d)",
				opt.MaxNodes, HardMaxNodes)
		}
		notes = append(notes, note)
	}
	if len(s.edgesCut) > 0 {
		for _, n := range s.edgesCut {
			g.OmittedEdges += n
		}
		g.OmittedEdgesByRelation = s.edgesCut
		notes = append(notes, fmt.Sprintf("the edge budget of %d edges cut the graph: %d more edges between its nodes were left out (%s); it keeps every edge that is not a link between claims first, then analyst links before computed ones, disputes, revises and repeats before corroborates; ask for the relations you need (relations=) or raise max_edges (at most %d)",
			opt.MaxEdges, g.OmittedEdges, relationCounts(s.edgesCut, " ", ", "), HardMaxEdges))
	}
	g.Truncated = len(notes) > 0
	g.Note = strings.Join(notes, "; ")
	sortGraph(g)
	return g, nil
}

// detect finds which kind of node id is.
func (s *selector) detect(ctx context.Context, id uuid.UUID) (string, error) {
	if d, err := s.src.Document(ctx, id); err == nil {
		d.Text = ""
		s.docs[id] = d
		return TypeDocument, nil
	} else if !notFound(err) {
		return "", fmt.Errorf("focus %s: %w", id, err)
	}
	if c, err := s.src.Claim(ctx, id); err == nil {
		s.claims[id] = c
		return TypeClaim, nil
	} else if !notFound(err) {
		return "", fmt.Errorf("focus %s: %w", id, err)
	}
	if e, err := s.src.Entity(ctx, id); err == nil {
		s.ents[id] = e
		return TypeEntity, nil
	} else if !notFound(err) {
		return "", fmt.Errorf("focus %s: %w", id, err)
	}
	if e, err := s.src.Event(ctx, id); err == nil {
		s.evs[id] = e
		return TypeEvent, nil
	} else if !notFound(err) {
		return "", fmt.Errorf("focus %s: %w", id, err)
	}
	as, err := s.src.Accounts(ctx, []uuid.UUID{id})
	if err != nil {
		return "", fmt.Errorf("focus %s: %w", id, err)
	}
	if len(as) == 1 {
		s.accs[id] = &as[0]
		return TypeAccount, nil
	}
	return "", graph.Errorf(graph.ENOTFOUND, "no document, claim, entity or event has id %s", id)
}

func notFound(err error) bool {
	var ge *graph.Error
	return errors.As(err, &ge) && ge.Code == graph.ENOTFOUND
}

// seeds lists the whole graph's starting points: events, then documents,
// reading pages until one more than the budget is known.
func (s *selector) seeds(ctx context.Context) ([]ref, bool, error) {
	var out []ref
	want := s.opt.MaxNodes + 1
	p := graph.Page{Limit: graph.MaxLimit}
	for len(out) < want {
		evs, next, err := s.src.Events(ctx, p)
		if err != nil {
			return nil, false, fmt.Errorf("list events: %w", err)
		}
		for i := range evs {
			e := evs[i]
			s.evs[e.ID] = &e
			out = append(out, ref{e.ID, TypeEvent})
		}
		if next == "" {
			break
		}
		p.Cursor = next
	}
	p = graph.Page{Limit: graph.MaxLimit}
	more := false
	for len(out) < want {
		docs, next, err := s.src.Documents(ctx, p)
		if err != nil {
			return nil, false, fmt.Errorf("list documents: %w", err)
		}
		for i := range docs {
			d := docs[i]
			d.Text = ""
			s.docs[d.ID] = &d
			out = append(out, ref{d.ID, TypeDocument})
		}
		if next == "" {
			break
		}
		p.Cursor = next
		more = len(out) >= want
	}
	return out, more, nil
}

// take includes n at depth d.
func (s *selector) take(n ref, d int) {
	s.taken[n.id] = d
	s.order = append(s.order, n)
	delete(s.omitted, n.id)
	if len(s.order) >= s.opt.MaxNodes {
		s.full = true
	}
}

// admit loads the candidates' records, drops those outside the date window
// and takes the rest, in order, while the budget lasts; it returns the
// nodes taken.
func (s *selector) admit(ctx context.Context, cands []ref, depth int) ([]ref, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	if err := s.load(ctx, cands); err != nil {
		return nil, err
	}
	sort.SliceStable(cands, func(i, j int) bool {
		ri, rj := typeRank[cands[i].typ], typeRank[cands[j].typ]
		if ri != rj {
			return ri < rj
		}
		return cands[i].id.String() < cands[j].id.String()
	})
	var out []ref
	for _, c := range cands {
		if !s.known(c) {
			continue // a dangling reference: the record is not stored
		}
		if !s.inWindow(c) {
			continue
		}
		if s.full {
			s.omitted[c.id] = true
			continue
		}
		s.take(c, depth)
		out = append(out, c)
	}
	return out, nil
}

var typeRank = map[string]int{TypeEvent: 0, TypeDocument: 1, TypeAccount: 2, TypeClaim: 3, TypeEntity: 4}

// load fetches the records of refs not read yet, in batches.
func (s *selector) load(ctx context.Context, rs []ref) error {
	var cl, en, ac, dc []uuid.UUID
	for _, r := range rs {
		switch r.typ {
		case TypeDocument:
			if s.docs[r.id] == nil {
				dc = append(dc, r.id)
			}
		case TypeEvent:
			if s.evs[r.id] == nil {
				e, err := s.src.Event(ctx, r.id)
				if notFound(err) {
					continue
				}
				if err != nil {
					return fmt.Errorf("load event %s: %w", r.id, err)
				}
				s.evs[r.id] = e
			}
		case TypeClaim:
			if s.claims[r.id] == nil {
				cl = append(cl, r.id)
			}
		case TypeEntity:
			if s.ents[r.id] == nil {
				en = append(en, r.id)
			}
		case TypeAccount:
			if s.accs[r.id] == nil {
				ac = append(ac, r.id)
			}
		}
	}
	if err := s.loadDocuments(ctx, dc); err != nil {
		return err
	}
	if len(cl) > 0 {
		cs, err := s.src.Claims(ctx, cl)
		if err != nil {
			return fmt.Errorf("load claims: %w", err)
		}
		for i := range cs {
			s.claims[cs[i].ID] = &cs[i]
		}
	}
	if len(en) > 0 {
		es, err := s.src.Entities(ctx, en)
		if err != nil {
			return fmt.Errorf("load entities: %w", err)
		}
		for i := range es {
			s.ents[es[i].ID] = &es[i]
		}
	}
	if len(ac) > 0 {
		as, err := s.src.Accounts(ctx, ac)
		if err != nil {
			return fmt.Errorf("load accounts: %w", err)
		}
		for i := range as {
			s.accs[as[i].ID] = &as[i]
		}
	}
	// Claims are dated by their document.
	dc = dc[:0]
	asked := map[uuid.UUID]bool{}
	for _, r := range rs {
		if c := s.claims[r.id]; r.typ == TypeClaim && c != nil && s.docs[c.DocumentID] == nil && !asked[c.DocumentID] {
			asked[c.DocumentID] = true
			dc = append(dc, c.DocumentID)
		}
	}
	if err := s.loadDocuments(ctx, dc); err != nil {
		return fmt.Errorf("documents of claims: %w", err)
	}
	return nil
}

// loadDocuments reads the documents of ids (not read yet, each once)
// without their text: in one call to a DocumentBatcher source, else one by
// one. Unknown documents stay unread.
func (s *selector) loadDocuments(ctx context.Context, ids []uuid.UUID) error {
	if len(ids) == 0 {
		return nil
	}
	if db, ok := s.src.(DocumentBatcher); ok {
		ds, err := db.DocumentRecords(ctx, ids)
		if err != nil {
			return fmt.Errorf("load %d documents: %w", len(ids), err)
		}
		for i := range ds {
			d := ds[i]
			d.Text = ""
			s.docs[d.ID] = &d
		}
		return nil
	}
	for _, id := range ids {
		if s.docs[id] != nil {
			continue
		}
		d, err := s.src.Document(ctx, id)
		if notFound(err) {
			continue
		}
		if err != nil {
			return fmt.Errorf("load document %s: %w", id, err)
		}
		d.Text = ""
		s.docs[id] = d
	}
	return nil
}

func (s *selector) known(r ref) bool {
	switch r.typ {
	case TypeDocument:
		return s.docs[r.id] != nil
	case TypeClaim:
		return s.claims[r.id] != nil
	case TypeEntity:
		return s.ents[r.id] != nil
	case TypeAccount:
		return s.accs[r.id] != nil
	case TypeEvent:
		return s.evs[r.id] != nil
	}
	return false
}

// dates returns the date range a node is known by; "" for undated.
func (s *selector) dates(r ref) (string, string) {
	switch r.typ {
	case TypeDocument:
		if d := s.docs[r.id]; d != nil {
			return d.Date, d.Date
		}
	case TypeClaim:
		if c := s.claims[r.id]; c != nil {
			if d := s.docs[c.DocumentID]; d != nil {
				return d.Date, d.Date
			}
		}
	case TypeAccount:
		if a := s.accs[r.id]; a != nil {
			return a.Published, a.Published
		}
	case TypeEvent:
		if e := s.evs[r.id]; e != nil && e.Date != nil {
			to := e.Date.To
			if to == "" {
				to = e.Date.From
			}
			return e.Date.From, to
		}
	}
	return "", ""
}

// inWindow reports whether the node's dates meet [From, To]; undated nodes
// always do.
func (s *selector) inWindow(r ref) bool {
	if s.opt.From == "" && s.opt.To == "" {
		return true
	}
	from, to := s.dates(r)
	if from == "" {
		return true
	}
	if s.opt.To != "" && from > s.opt.To {
		return false
	}
	if s.opt.From != "" && to < s.opt.From {
		return false
	}
	return true
}

func (s *selector) allowed(rel string) bool {
	return s.opt.Relations == nil || s.opt.Relations[rel]
}

// listLimit is how many neighbours a reverse lookup lists: enough to fill
// the budget, and a margin to count what is left out.
func (s *selector) listLimit() int {
	return min(graph.MaxLimit, s.opt.MaxNodes-len(s.order)+50)
}

// neighbours lists the nodes one allowed hop from n, either direction.
func (s *selector) neighbours(ctx context.Context, n ref) ([]ref, error) {
	var out []ref
	add := func(rel string, id uuid.UUID, typ string) {
		if id != uuid.Nil && s.allowed(rel) {
			out = append(out, ref{id, typ})
		}
	}
	switch n.typ {
	case TypeDocument:
		d := s.docs[n.id]
		if d.AuthorEntity != nil {
			add(RelAuthor, d.AuthorEntity.ID, TypeEntity)
		}
		if d.OnBehalfOfEntity != nil {
			add(RelOnBehalfOf, d.OnBehalfOfEntity.ID, TypeEntity)
		}
		if s.allowed(RelDocument) {
			err := s.pages(func(p graph.Page) (int, string, error) {
				cs, next, err := s.src.DocumentClaims(ctx, n.id, p)
				for i := range cs {
					c := cs[i]
					s.claims[c.ID] = &c
					add(RelDocument, c.ID, TypeClaim)
				}
				return len(cs), next, err
			})
			if err != nil {
				return nil, fmt.Errorf("claims of document %s: %w", n.id, err)
			}
		}
	case TypeClaim:
		c := s.claims[n.id]
		add(RelDocument, c.DocumentID, TypeDocument)
		add(RelSpeaker, c.Speaker.ID, TypeEntity)
		for _, m := range c.Mentions {
			add(RelMentions, m.Entity.ID, TypeEntity)
		}
		for _, a := range c.Accounts {
			add(RelClaim, a, TypeAccount)
		}
		links, err := s.claimLinks(ctx, n.id)
		if err != nil {
			return nil, err
		}
		for _, l := range links {
			other := l.To
			if other == n.id {
				other = l.From
			}
			add(l.Relation, other, TypeClaim)
		}
	case TypeAccount:
		a := s.accs[n.id]
		for _, c := range a.Claims {
			add(RelClaim, c, TypeClaim)
		}
		// The document that gives the account is one hop away, as in the
		// store (the account's cg:document): the documents reporting an
		// event are two hops from it.
		add(RelDocument, a.DocumentID, TypeDocument)
		if a.EventID != nil {
			add(RelEvent, *a.EventID, TypeEvent)
		}
		if a.Place != nil {
			add(RelPlace, a.Place.Entity.ID, TypeEntity)
		}
		if a.Perpetrator != nil {
			add(RelPerpetrator, a.Perpetrator.Entity.ID, TypeEntity)
		}
	case TypeEvent:
		if s.allowed(RelEvent) {
			as, err := s.src.EventAccounts(ctx, n.id)
			if err != nil {
				return nil, fmt.Errorf("accounts of event %s: %w", n.id, err)
			}
			for i := range as {
				a := as[i]
				s.accs[a.ID] = &a
				add(RelEvent, a.ID, TypeAccount)
			}
		}
	case TypeEntity:
		e := s.ents[n.id]
		if e.Within != nil {
			add(RelWithin, *e.Within, TypeEntity)
		}
		if e.Affiliation != nil {
			add(RelAffiliation, *e.Affiliation, TypeEntity)
		}
		if s.allowed(RelSpeaker) || s.allowed(RelMentions) {
			err := s.pages(func(p graph.Page) (int, string, error) {
				cs, next, err := s.src.EntityClaims(ctx, n.id, p)
				for i := range cs {
					c := cs[i]
					s.claims[c.ID] = &c
					if c.Speaker.ID == n.id {
						add(RelSpeaker, c.ID, TypeClaim)
					}
					if c.Speaker.ID != n.id || !s.allowed(RelSpeaker) {
						for _, m := range c.Mentions {
							if m.Entity.ID == n.id {
								add(RelMentions, c.ID, TypeClaim)
								break
							}
						}
					}
				}
				return len(cs), next, err
			})
			if err != nil {
				return nil, fmt.Errorf("claims of entity %s: %w", n.id, err)
			}
		}
		if s.allowed(RelPlace) || s.allowed(RelPerpetrator) {
			as, err := s.src.AccountsByEntity(ctx, []uuid.UUID{n.id})
			if err != nil {
				return nil, fmt.Errorf("accounts of entity %s: %w", n.id, err)
			}
			for i := range as {
				a := as[i]
				s.accs[a.ID] = &a
				if a.Place != nil && a.Place.Entity.ID == n.id {
					add(RelPlace, a.ID, TypeAccount)
				}
				if a.Perpetrator != nil && a.Perpetrator.Entity.ID == n.id {
					add(RelPerpetrator, a.ID, TypeAccount)
				}
			}
		}
		if s.allowed(RelWithin) && e.Kind == graph.KindPlace {
			inner, err := s.src.PlacesWithin(ctx, n.id)
			if err != nil {
				return nil, fmt.Errorf("places within %s: %w", n.id, err)
			}
			var ask []uuid.UUID
			for _, id := range inner {
				if id != n.id && s.ents[id] == nil {
					ask = append(ask, id)
				}
			}
			if len(ask) > 0 {
				es, err := s.src.Entities(ctx, ask)
				if err != nil {
					return nil, fmt.Errorf("places within %s: %w", n.id, err)
				}
				for i := range es {
					s.ents[es[i].ID] = &es[i]
				}
			}
			for _, id := range inner {
				if p := s.ents[id]; p != nil && p.Within != nil && *p.Within == n.id {
					add(RelWithin, id, TypeEntity)
				}
			}
		}
	}
	return out, nil
}

// pages runs a paged reverse lookup until it is exhausted or has listed
// listLimit items; a lookup cut short makes the omitted count a floor.
func (s *selector) pages(list func(graph.Page) (int, string, error)) error {
	limit := s.listLimit()
	p := graph.Page{Limit: min(limit, graph.MaxLimit)}
	got := 0
	for {
		n, next, err := list(p)
		if err != nil {
			return err
		}
		got += n
		if next == "" {
			return nil
		}
		if got >= limit {
			s.atLeast = true
			return nil
		}
		p.Cursor = next
	}
}

// prefetchLinks reads, in one call to a LinkBatcher source, the links of
// the claims among rs not read yet; claimLinks then finds them cached. A
// source without the batch read is left to claimLinks, claim by claim.
func (s *selector) prefetchLinks(ctx context.Context, rs []ref) error {
	lb, ok := s.src.(LinkBatcher)
	if !ok {
		return nil
	}
	var ask []uuid.UUID
	for _, r := range rs {
		if _, done := s.links[r.id]; r.typ == TypeClaim && !done {
			ask = append(ask, r.id)
		}
	}
	if len(ask) < 2 {
		return nil // one claim: ClaimLinks reads it as well
	}
	got, err := lb.ClaimLinksMany(ctx, ask)
	if err != nil {
		return fmt.Errorf("links of %d claims: %w", len(ask), err)
	}
	for _, id := range ask {
		if ls, ok := got[id]; ok {
			s.links[id] = ls
		}
		// A claim the batch does not know is left to ClaimLinks, which
		// says why.
	}
	return nil
}

// claimLinks returns (and caches) the links of a claim.
func (s *selector) claimLinks(ctx context.Context, id uuid.UUID) ([]graph.Link, error) {
	if ls, ok := s.links[id]; ok {
		return ls, nil
	}
	ls, err := s.src.ClaimLinks(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("links of claim %s: %w", id, err)
	}
	s.links[id] = ls
	return ls, nil
}

// build writes the taken nodes and every allowed edge between them.
func (s *selector) build(ctx context.Context, g *Graph) error {
	g.Nodes = make([]Node, 0, len(s.order))
	// Each taken node's id as text and its date, for the edges: formatted
	// once, not once per edge.
	type taken struct{ id, start string }
	nodes := make(map[uuid.UUID]taken, len(s.order))
	for _, r := range s.order {
		n := s.node(r)
		nodes[r.id] = taken{n.ID, n.Start}
		g.Nodes = append(g.Nodes, n)
	}
	g.Edges = []Edge{}
	seen := map[uuid.UUID]bool{}
	var key []byte
	edge := func(rel string, from, to uuid.UUID, prov, origin string) *Edge {
		if !s.allowed(rel) || from == uuid.Nil || to == uuid.Nil {
			return nil
		}
		f, ok := nodes[from]
		if !ok {
			return nil
		}
		t, ok := nodes[to]
		if !ok {
			return nil
		}
		key = append(append(append(append(append(append(key[:0], "edge:"...), rel...), ':'), f.id...), ':'), t.id...)
		id := uuid.NewSHA1(graph.Namespace, key)
		if seen[id] {
			return nil
		}
		seen[id] = true
		g.Edges = append(g.Edges, Edge{
			ID: id.String(), Source: f.id, Target: t.id, Relation: rel,
			Provenance: prov, Origin: origin, Start: later(f.start, t.start),
		})
		return &g.Edges[len(g.Edges)-1]
	}
	for _, r := range s.order {
		switch r.typ {
		case TypeDocument:
			d := s.docs[r.id]
			prov := "cg:ingest/" + d.ID.String()
			if d.AuthorEntity != nil {
				edge(RelAuthor, d.ID, d.AuthorEntity.ID, prov, OriginIngest)
			}
			if d.OnBehalfOfEntity != nil {
				edge(RelOnBehalfOf, d.ID, d.OnBehalfOfEntity.ID, prov, OriginIngest)
			}
		case TypeClaim:
			c := s.claims[r.id]
			prov := "cg:ingest/" + c.DocumentID.String()
			edge(RelDocument, c.ID, c.DocumentID, prov, OriginIngest)
			edge(RelSpeaker, c.ID, c.Speaker.ID, prov, OriginIngest)
			for _, m := range c.Mentions {
				edge(RelMentions, c.ID, m.Entity.ID, prov, OriginIngest)
			}
		case TypeAccount:
			a := s.accs[r.id]
			prov := "cg:ingest/" + a.DocumentID.String()
			edge(RelDocument, a.ID, a.DocumentID, prov, OriginIngest)
			for _, c := range a.Claims {
				edge(RelClaim, a.ID, c, prov, OriginIngest)
			}
			if a.EventID != nil {
				// Assigned by cross-referencing, in the batch of whichever
				// document's ingestion (or rebuild) resolved it: the label
				// is known only from the quads (ResolveProvenance).
				edge(RelEvent, a.ID, *a.EventID, "", OriginXref)
			}
			if a.Place != nil {
				edge(RelPlace, a.ID, a.Place.Entity.ID, prov, OriginIngest)
			}
			if a.Perpetrator != nil {
				edge(RelPerpetrator, a.ID, a.Perpetrator.Entity.ID, prov, OriginIngest)
			}
		case TypeEntity:
			e := s.ents[r.id]
			// An entity's quads stay under the label that first wrote it:
			// known only from the quads (ResolveProvenance), except for
			// entities scoped to one document.
			prov, origin := "", OriginIngest
			switch {
			case e.Scope != nil:
				prov = "cg:ingest/" + e.Scope.String()
			case e.Gazetteer:
				origin = OriginGazetteer
			}
			if e.Within != nil {
				edge(RelWithin, e.ID, *e.Within, prov, origin)
			}
			if e.Affiliation != nil {
				edge(RelAffiliation, e.ID, *e.Affiliation, prov, origin)
			}
		}
	}
	// Structural edges go first; when they alone exceed the budget, the
	// first of them in the graph's order are kept.
	if len(g.Edges) > s.opt.MaxEdges {
		g.Edges = sortedStable(g.Edges, edgeLess)
		for i := s.opt.MaxEdges; i < len(g.Edges); i++ {
			s.cutEdge(g.Edges[i].Relation)
		}
		g.Edges = g.Edges[:s.opt.MaxEdges]
	}
	// Links between taken claims.
	if !s.allowed(RelCorroborates) && !s.allowed(RelDisputes) && !s.allowed(RelRevises) && !s.allowed(RelRepeats) {
		return nil
	}
	if err := s.prefetchLinks(ctx, s.order); err != nil {
		return err
	}
	cands, err := s.linkCandidates(ctx)
	if err != nil {
		return err
	}
	if room := s.opt.MaxEdges - len(g.Edges); len(cands) > room {
		// Keep the links that come first by priority, and count the rest
		// without building their edges.
		sort.Slice(cands, func(i, j int) bool { return cands[i].before(&cands[j]) })
		for i := room; i < len(cands); i++ {
			s.cutEdge(cands[i].l.Relation)
		}
		cands = cands[:room]
	}
	for i := range cands {
		l := cands[i].l
		// Computed links are written in the batch that computed them
		// (a document's ingestion, or a rebuild): ResolveProvenance
		// reads which.
		prov, origin := "", OriginXref
		if l.Origin == "analyst" {
			origin = OriginAnalyst
			if j, err := s.linkJudgement(ctx, l); err != nil {
				return err
			} else if j != uuid.Nil {
				prov = "cg:judgement/" + j.String()
			}
		}
		// The link is a node of its own in the store: the edge keeps its
		// id.
		f, t := nodes[l.From], nodes[l.To] // both taken (linkCandidates)
		e := Edge{
			ID: l.ID.String(), Source: f.id, Target: t.id, Relation: l.Relation, Stance: l.Relation,
			Provenance: prov, Origin: origin, Start: later(f.start, t.start), Attrs: map[string]any{},
		}
		if l.Reason != "" {
			e.Attrs["reason"] = l.Reason
		}
		if l.Score != 0 {
			e.Attrs["score"] = l.Score
		}
		if l.Attribute != "" {
			e.Attrs["attribute"] = l.Attribute
		}
		if l.Author != "" {
			e.Attrs["author"] = l.Author
		}
		g.Edges = append(g.Edges, e)
	}
	return nil
}

// cutEdge counts an edge of relation rel that the edge budget left out.
func (s *selector) cutEdge(rel string) {
	if s.edgesCut == nil {
		s.edgesCut = map[string]int{}
	}
	s.edgesCut[rel]++
}

// linkCand is a link between two taken claims that may become an edge.
type linkCand struct {
	l     *graph.Link
	class int // linkClass: lower is kept first
}

// linkKey identifies a link edge: one edge per relation, source and
// target, whichever claim's list names it first.
type linkKey struct {
	rel      string
	from, to uuid.UUID
}

// linkRank orders link relations under the edge budget: disputes first,
// corroborates last of the four, any other after them.
var linkRank = map[string]int{RelDisputes: 0, RelRevises: 1, RelRepeats: 2, RelCorroborates: 3}

// linkClass is a link's priority class under the edge budget: analyst
// links before computed ones, then by relation (linkRank).
func linkClass(l *graph.Link) int {
	r, ok := linkRank[l.Relation]
	if !ok {
		r = len(linkRank)
	}
	if l.Origin != "analyst" {
		r += len(linkRank) + 1
	}
	return r
}

// before orders candidates by class, then as sortGraph orders edges
// (source, relation, target, id). A UUID's string sorts as its bytes.
func (a *linkCand) before(b *linkCand) bool {
	if a.class != b.class {
		return a.class < b.class
	}
	if c := bytes.Compare(a.l.From[:], b.l.From[:]); c != 0 {
		return c < 0
	}
	if a.l.Relation != b.l.Relation {
		return a.l.Relation < b.l.Relation
	}
	if c := bytes.Compare(a.l.To[:], b.l.To[:]); c != 0 {
		return c < 0
	}
	return bytes.Compare(a.l.ID[:], b.l.ID[:]) < 0
}

// linkCandidates lists the allowed links between taken claims, each edge
// once, in the order the claims were taken and their links listed.
func (s *selector) linkCandidates(ctx context.Context) ([]linkCand, error) {
	n := 0
	for _, r := range s.order {
		if r.typ == TypeClaim {
			n += len(s.links[r.id])
		}
	}
	// Most links are listed by both their claims.
	out := make([]linkCand, 0, n/2+1)
	seen := make(map[linkKey]bool, n/2+1)
	for _, r := range s.order {
		if r.typ != TypeClaim {
			continue
		}
		links, err := s.claimLinks(ctx, r.id)
		if err != nil {
			return nil, err
		}
		for i := range links {
			l := &links[i]
			if !stances[l.Relation] || !s.allowed(l.Relation) || l.From == uuid.Nil || l.To == uuid.Nil {
				continue
			}
			if _, ok := s.taken[l.From]; !ok {
				continue
			}
			if _, ok := s.taken[l.To]; !ok {
				continue
			}
			k := linkKey{l.Relation, l.From, l.To}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, linkCand{l: l, class: linkClass(l)})
		}
	}
	return out, nil
}

// edgeLess is sortGraph's order of edges: source, relation, target, id.
func edgeLess(a, b *Edge) bool {
	if a.Source != b.Source {
		return a.Source < b.Source
	}
	if a.Relation != b.Relation {
		return a.Relation < b.Relation
	}
	if a.Target != b.Target {
		return a.Target < b.Target
	}
	return a.ID < b.ID
}

// linkJudgement finds the analyst judgement that made a link.
func (s *selector) linkJudgement(ctx context.Context, l *graph.Link) (uuid.UUID, error) {
	jf, ok := s.src.(JudgementFinder)
	if !ok {
		return uuid.Nil, nil
	}
	js, err := jf.JudgementsFor(ctx, l.From)
	if err != nil {
		return uuid.Nil, fmt.Errorf("judgements of claim %s: %w", l.From, err)
	}
	for _, j := range js {
		if j.Kind != graph.JudgeLink || j.RevokedAt != nil || (j.Relation != "" && j.Relation != l.Relation) {
			continue
		}
		hasFrom, hasTo := false, false
		for _, t := range j.Targets {
			hasFrom = hasFrom || t == l.From
			hasTo = hasTo || t == l.To
		}
		if hasFrom && hasTo {
			return j.ID, nil
		}
	}
	return uuid.Nil, nil
}

func later(a, b string) string {
	if a > b {
		return a
	}
	return b
}

// node describes a taken node.
func (s *selector) node(r ref) Node {
	n := Node{ID: r.id.String(), Type: r.typ, Depth: s.taken[r.id], Attrs: map[string]any{}}
	n.Start, n.End = s.dates(r)
	if n.End == n.Start {
		n.End = ""
	}
	set := func(k string, v any) {
		switch x := v.(type) {
		case string:
			if x == "" {
				return
			}
		case int:
			if x == 0 {
				return
			}
		case bool:
			if !x {
				return
			}
		}
		n.Attrs[k] = v
	}
	switch r.typ {
	case TypeDocument:
		d := s.docs[r.id]
		n.Label = firstOf(d.Title, d.Symbol, d.File, "document "+short(d.ID))
		set("kind", d.Kind)
		set("title", d.Title)
		set("symbol", d.Symbol)
		set("author", d.Author)
		set("on_behalf_of", d.OnBehalfOf)
	case TypeClaim:
		c := s.claims[r.id]
		n.Label = clip(c.Text, 80)
		set("kind", string(c.Kind))
		set("text", c.Text)
		set("document", c.DocumentID.String())
		n.Attrs["span_start"] = c.Span.Start
		n.Attrs["span_end"] = c.Span.End
		set("speaker", c.Speaker.Name)
		n.Attrs["reported"] = c.Reported
		set("polarity", string(c.Polarity))
		set("hedge", c.Hedge)
		set("values", ValuesText(c.Values))
		set("credibility", c.Credibility)
		set("deprecated", c.Deprecated)
	case TypeEntity:
		e := s.ents[r.id]
		n.Label = e.Name
		set("kind", string(e.Kind))
		set("aliases", strings.Join(e.Aliases, "; "))
		set("place_type", e.PlaceType)
		set("reliability", e.Reliability)
		n.Attrs["gazetteer"] = e.Gazetteer
	case TypeAccount:
		a := s.accs[r.id]
		n.Label = accountLabel(a)
		set("kind", string(a.Type))
		set("document", a.DocumentID.String())
		set("speaker", a.Speaker.Name)
		set("polarity", string(a.Polarity))
		set("values", ValuesText(a.Values))
		if a.Place != nil {
			set("place", a.Place.Entity.Name)
		}
		if a.Perpetrator != nil {
			p := a.Perpetrator.Entity.Name
			if a.Perpetrator.Polarity == graph.Denied {
				p = "not " + p
			}
			if a.Perpetrator.Hedge != "" {
				p += " (" + a.Perpetrator.Hedge + ")"
			}
			set("perpetrator", p)
		}
	case TypeEvent:
		e := s.evs[r.id]
		n.Label = firstOf(e.Title, string(e.Type)+" "+short(e.ID))
		set("kind", string(e.Type))
		set("title", e.Title)
		if e.Place != nil {
			set("place", e.Place.Name)
		}
		if e.Grade != nil {
			set("grade", e.Grade.Grade)
		}
		set("documents", e.Documents)
		set("accounts", len(e.Accounts))
	}
	if len(n.Attrs) == 0 {
		n.Attrs = nil
	}
	return n
}

func accountLabel(a *graph.Account) string {
	var b strings.Builder
	b.WriteString(firstOf(a.Speaker.Name, "unnamed source"))
	b.WriteString(": ")
	b.WriteString(firstOf(string(a.Type), "event"))
	if a.Place != nil && a.Place.Entity.Name != "" {
		b.WriteString(", " + a.Place.Entity.Name)
	}
	if len(a.Values) > 0 {
		b.WriteString(" (" + a.Values[0].Attribute + " " + valueText(a.Values[0]) + ")")
	}
	if a.Polarity == graph.Denied {
		b.WriteString(" [denies]")
	}
	return b.String()
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func short(id uuid.UUID) string { return id.String()[:8] }

// clip shortens s to at most n code points, marking the cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
