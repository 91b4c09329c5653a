// Package ingest is claimgraph's ingestion pipeline: it reads documents from
// files, folders and manifests, checks them, extracts their claims, has the
// cross-referencer plan how they join the graph, and commits each document
// as one atomic batch.
//
// Bulk ingestion (IngestItems) with Pipeline.Groups set commits several
// documents per transaction: each is planned over the store with the
// group's earlier documents layered on top, a failed group is committed
// again one document at a time, and groups made by GroupsOf are written in
// the background while the next is planned. One document (Ingest) is
// always committed, and synced, before Ingest returns.
//
// Documents are identified by their content, so ingesting the same document
// twice changes nothing and returns the same id; an interrupted bulk ingest
// completes on a re-run without duplicates.
package ingest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/xref"
	"github.com/google/uuid"
)

// Extractor turns a document into what it claims.
type Extractor interface {
	Extract(in graph.DocumentInput) (*graph.Extraction, error)
}

// Planner decides how an extraction joins the graph: the events its
// accounts belong to and its links to claims already stored.
type Planner interface {
	Plan(ctx context.Context, x *graph.Extraction) (*graph.Batch, error)
}

// Store is where documents are committed.
type Store interface {
	HasDocument(ctx context.Context, id uuid.UUID) (bool, error)
	Document(ctx context.Context, id uuid.UUID) (*graph.Document, error)
	Commit(ctx context.Context, b *graph.Batch) error
}

// sharedStore is a store that several processes may write at once (a
// shared SQL database, cayleystore.Store on PostgreSQL or CockroachDB):
// LockWriters serialises their Plan + Commit, as mu does this process's.
type sharedStore interface {
	LockWriters(ctx context.Context) (unlock func(), err error)
}

// Group is a group commit over the store (cayleystore.Group): batches
// added are planned over the ones added before them, read back through
// its xref.Store methods as if they were committed, and written together,
// all or nothing, by Commit.
type Group interface {
	xref.Store
	HasDocument(ctx context.Context, id uuid.UUID) (bool, error)
	Document(ctx context.Context, id uuid.UUID) (*graph.Document, error)
	Add(ctx context.Context, b *graph.Batch) error
	Len() int
	Commit(ctx context.Context) error
}

// GroupPlanner is a Planner that can plan over a view other than its
// store (xref.Engine): a group's.
type GroupPlanner interface {
	PlanOver(ctx context.Context, view xref.Store, x *graph.Extraction) (*graph.Batch, error)
}

// DefaultGroupSize is the most documents IngestItems commits together by
// default.
const DefaultGroupSize = 32

// DefaultMaxDocumentBytes is the largest document text accepted by default.
const DefaultMaxDocumentBytes = 5 << 20

// Pipeline ingests documents. It is safe for concurrent use: extraction
// runs concurrently, planning and committing are serialised so that
// cross-referencing sees every earlier document.
type Pipeline struct {
	Extractor Extractor
	Planner   Planner
	Store     Store
	// MaxDocumentBytes bounds a document's text; 0 means the default.
	MaxDocumentBytes int
	// Now returns the time recorded as a document's ingestion time.
	Now func() time.Time
	// Index returns the match keys an entity is searched by (the
	// gazetteer's Keys); entities that have none get them before commit.
	Index func(e *graph.Entity) []string
	// Groups, when set and the Planner is a GroupPlanner, makes
	// IngestItems commit documents in groups of up to GroupSize, one
	// transaction (and one fsync) per group, each document planned over
	// the store and the group's documents before it. A group that fails
	// is committed again one document at a time, planned afresh, so one
	// bad document fails alone. Ingest (one document) always commits, and
	// syncs, before it returns. Other writes through the pipeline (Ingest,
	// Apply) wait while groups follow one another: IngestItems lets them
	// in whenever no extracted document is waiting.
	Groups func() Group
	// GroupSize is the most documents per group; 0 means DefaultGroupSize.
	GroupSize int

	mu sync.Mutex // serialises Plan + Commit in this process (see lock)
}

// Result is what one ingestion did.
type Result struct {
	Document   graph.Document
	Created    bool              // false when the document was already stored
	Extraction *graph.Extraction // nil when the document was already stored
	Events     []uuid.UUID       // events its accounts joined
}

// Check validates a document's text before extraction: valid UTF-8, no NUL
// bytes, not empty, not larger than max bytes.
func Check(text string, max int) error {
	if max <= 0 {
		max = DefaultMaxDocumentBytes
	}
	if len(text) > max {
		return graph.Errorf(graph.ETOOLARGE, "document text is %d bytes; the limit is %d bytes", len(text), max)
	}
	if !utf8.ValidString(text) {
		return graph.Errorf(graph.EINVALID, "document text is not valid UTF-8")
	}
	if strings.IndexByte(text, 0) >= 0 {
		return graph.Errorf(graph.EINVALID, "document text contains a NUL byte")
	}
	if strings.TrimSpace(text) == "" {
		return graph.Errorf(graph.EINVALID, "document text is empty")
	}
	return nil
}

// Ingest checks, extracts, plans and commits one document.
func (p *Pipeline) Ingest(ctx context.Context, in graph.DocumentInput) (*Result, error) {
	if err := p.validate(in); err != nil {
		return nil, err
	}
	id := graph.DocumentID(graph.NormaliseText(in.Text))
	if doc, err := p.existing(ctx, id); err != nil || doc != nil {
		if err != nil {
			return nil, err
		}
		return &Result{Document: *doc}, nil
	}
	x, err := p.Extractor.Extract(in)
	if err != nil {
		return nil, fmt.Errorf("extract document: %w", err)
	}
	return p.commit(ctx, x)
}

// validate checks a document's text and date.
func (p *Pipeline) validate(in graph.DocumentInput) error {
	if err := Check(in.Text, p.MaxDocumentBytes); err != nil {
		return err
	}
	if in.Date != "" {
		if _, err := time.Parse("2006-01-02", in.Date); err != nil {
			return graph.Errorf(graph.EINVALID, "date %q is not YYYY-MM-DD", in.Date)
		}
	}
	return nil
}

func (p *Pipeline) existing(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	ok, err := p.Store.HasDocument(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("look up document %s: %w", id, err)
	}
	if !ok {
		return nil, nil
	}
	doc, err := p.Store.Document(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", id, err)
	}
	return doc, nil
}

// Apply plans a batch with plan and commits it, serialised with every
// other write (documents and judgements see each other's effects). It
// returns the committed batch.
func (p *Pipeline) Apply(ctx context.Context, plan func(context.Context) (*graph.Batch, error)) (*graph.Batch, error) {
	unlock, err := p.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	b, err := plan(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Store.Commit(ctx, b); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return b, nil
}

// commit plans and commits an extraction, unless another caller stored the
// same document first.
func (p *Pipeline) commit(ctx context.Context, x *graph.Extraction) (*Result, error) {
	unlock, err := p.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	return p.commitLocked(ctx, x)
}

// lock takes p.mu and, on a store other processes write too, the writers'
// lock, so that planning sees every document committed before it, by
// whichever process. The returned function releases both.
func (p *Pipeline) lock(ctx context.Context) (unlock func(), err error) {
	p.mu.Lock()
	s, ok := p.Store.(sharedStore)
	if !ok {
		return p.mu.Unlock, nil
	}
	release, err := s.LockWriters(ctx)
	if err != nil {
		p.mu.Unlock()
		return nil, err
	}
	return func() {
		release()
		p.mu.Unlock()
	}, nil
}

// commitLocked is commit for a caller holding p.lock.
func (p *Pipeline) commitLocked(ctx context.Context, x *graph.Extraction) (*Result, error) {
	id := x.Document.ID
	if doc, err := p.existing(ctx, id); err != nil || doc != nil {
		if err != nil {
			return nil, err
		}
		return &Result{Document: *doc}, nil
	}
	p.prepare(x)
	b, err := p.Planner.Plan(ctx, x)
	if err != nil {
		return nil, fmt.Errorf("cross-reference document %s: %w", id, err)
	}
	if err := p.Store.Commit(ctx, b); err != nil {
		return nil, fmt.Errorf("commit document %s: %w", id, err)
	}
	return created(x, b), nil
}

// prepare sets what the pipeline adds to an extraction before planning:
// the ingestion time and the match keys of entities that have none.
func (p *Pipeline) prepare(x *graph.Extraction) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	x.Document.IngestedAt = now().UTC().Truncate(time.Second)
	if p.Index != nil {
		for i := range x.Entities {
			if len(x.Entities[i].Keys) == 0 {
				x.Entities[i].Keys = p.Index(&x.Entities[i])
			}
		}
	}
}

// created is the result of committing x with its batch b.
func created(x *graph.Extraction, b *graph.Batch) *Result {
	res := &Result{Document: x.Document, Created: true, Extraction: x}
	seen := map[uuid.UUID]bool{}
	for _, a := range x.Accounts {
		ev := a.EventID
		if e, ok := b.Assign[a.ID]; ok {
			ev = &e
		}
		if ev != nil && !seen[*ev] {
			seen[*ev] = true
			res.Events = append(res.Events, *ev)
		}
	}
	return res
}
