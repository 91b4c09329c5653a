package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

// Item is one document found on disk, ready to ingest, or the reason it
// cannot be.
type Item struct {
	Path  string
	Input graph.DocumentInput
	Err   error
}

// manifest is a folder's manifest.json: metadata as a caller would give it
// on ingest, one entry per file.
type manifest struct {
	Documents []manifestEntry `json:"documents"`
}

type manifestEntry struct {
	graph.DocumentInput
	Date *string `json:"date"` // null in manifests for undated documents
}

// ReadPaths lists the documents under each path: a .txt, .md or .json file,
// or a folder of them, with the metadata of the folder's manifest.json when
// it has one. Files are returned in a stable order. Errors about single
// files are returned in their Item; the error return is for paths that
// cannot be read at all.
func ReadPaths(paths ...string) ([]Item, error) {
	var items []Item
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if !st.IsDir() {
			items = append(items, readFile(p, nil)...)
			continue
		}
		dirItems, err := readDir(p)
		if err != nil {
			return nil, err
		}
		items = append(items, dirItems...)
	}
	return items, nil
}

func readDir(dir string) ([]Item, error) {
	meta := map[string]*graph.DocumentInput{}
	mb, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("read manifest in %s: %w", dir, err)
	default:
		var m manifest
		if err := json.Unmarshal(mb, &m); err != nil {
			return nil, fmt.Errorf("parse %s: %w", filepath.Join(dir, "manifest.json"), err)
		}
		for i := range m.Documents {
			e := m.Documents[i]
			if e.File == "" || !filepath.IsLocal(e.File) {
				return nil, graph.Errorf(graph.EINVALID, "manifest in %s: file name %q must be a plain name inside the folder", dir, e.File)
			}
			in := e.DocumentInput
			if e.Date != nil {
				in.Date = *e.Date
			}
			meta[filepath.Clean(e.File)] = &in
		}
	}
	var files []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular() {
			return nil // links could point outside the folder
		}
		if documentFile(d.Name()) && d.Name() != "manifest.json" {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", dir, err)
	}
	sort.Strings(files)
	var items []Item
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		items = append(items, readFile(f, meta[rel])...)
	}
	return items, nil
}

func documentFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".json":
		return true
	}
	return false
}

// readFile reads one file. A .json file holds one document object or an
// array of them; in a folder, JSON files without a "text" field are not
// documents and are skipped.
func readFile(path string, meta *graph.DocumentInput) []Item {
	b, err := os.ReadFile(path)
	if err != nil {
		return []Item{{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}}
	}
	base := filepath.Base(path)
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return readJSON(path, b)
	}
	in := graph.DocumentInput{}
	if meta != nil {
		in = *meta
	}
	in.Text = string(b)
	in.File = base
	return []Item{{Path: path, Input: in}}
}

func readJSON(path string, b []byte) []Item {
	b = bytes.TrimSpace(b)
	var docs []graph.DocumentInput
	if len(b) > 0 && b[0] == '[' {
		if err := json.Unmarshal(b, &docs); err != nil {
			return []Item{{Path: path, Err: graph.Errorf(graph.EINVALID, "%s: %v", path, err)}}
		}
	} else {
		var one graph.DocumentInput
		if err := json.Unmarshal(b, &one); err != nil {
			return []Item{{Path: path, Err: graph.Errorf(graph.EINVALID, "%s: %v", path, err)}}
		}
		if one.Text == "" {
			return nil // not a document: expected findings, notes, ...
		}
		docs = []graph.DocumentInput{one}
	}
	items := make([]Item, 0, len(docs))
	for i, d := range docs {
		if d.File == "" {
			d.File = filepath.Base(path)
			if len(docs) > 1 {
				d.File = fmt.Sprintf("%s#%d", d.File, i)
			}
		}
		items = append(items, Item{Path: path, Input: d})
	}
	return items
}

// Summary counts what a bulk ingest did.
type Summary struct {
	// Commits counts the transactions: one per group committed, one per
	// document committed on its own.
	Commits  int
	Created  int
	Existing int
	Failed   int
	Claims   int
	Accounts int
	Errors   []error
}

// Progress is told after each item.
type Progress func(done, total int, s *Summary)

// IngestItems ingests items, extracting on every core and planning and
// committing in one goroutine: one document at a time, or in groups when
// p.Groups is set (see Pipeline.Groups), in which case progress is told
// once a document's group is committed. It stops early only when ctx is
// cancelled; a failed item is counted and reported, and the rest go on.
func (p *Pipeline) IngestItems(ctx context.Context, items []Item, progress Progress) (*Summary, error) {
	s := &Summary{}
	gp, grouped := p.Planner.(GroupPlanner)
	grouped = grouped && p.Groups != nil
	done := 0
	report := func(path string, r *Result, err error) {
		done++
		switch {
		case err != nil:
			s.Failed++
			if path != "" {
				err = fmt.Errorf("%s: %w", path, err)
			}
			s.Errors = append(s.Errors, err)
		case r.Created:
			s.Created++
			if !grouped {
				s.Commits++
			}
			s.Claims += len(r.Extraction.Claims)
			s.Accounts += len(r.Extraction.Accounts)
		default:
			s.Existing++
		}
		if progress != nil {
			progress(done, len(items), s)
		}
	}

	type extracted struct {
		path string
		x    *graph.Extraction // nil when res or err is set
		res  *Result
		err  error
	}
	jobs := make(chan Item)
	workers := runtime.GOMAXPROCS(0)
	size := p.GroupSize
	if size <= 0 {
		size = DefaultGroupSize
	}
	// Extracted documents wait here while a group is planned and
	// committed; whatever waited when a group is full or nothing more
	// waits makes the next group, so groups grow as large as commit is
	// slower than extraction.
	results := make(chan extracted, max(workers, size))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				switch {
				case it.Err != nil:
					results <- extracted{err: it.Err} // it names its path
				case !grouped:
					r, err := p.Ingest(ctx, it.Input)
					results <- extracted{path: it.Path, res: r, err: err}
				default:
					x, r, err := p.extract(ctx, it.Input)
					results <- extracted{path: it.Path, x: x, res: r, err: err}
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, it := range items {
			select {
			case jobs <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	// The open group (cur) takes documents until it is full or nothing
	// waits; then it is sealed. A pipelined group (GroupsOf) is written in
	// the background while the next group, layered over it, is planned;
	// at most one write is in flight. prevWait tells how the write in
	// flight ended, prevItems are its documents, reported once it has.
	var (
		cur       Group
		curItems  []extracted
		prevWait  func() error
		prevItems []extracted
		unlock    func() // releases p.lock while groups follow one another; nil when not held
	)
	redo := func(items []extracted) {
		for _, e := range items {
			r, err := p.commitLocked(ctx, e.x)
			if err == nil && r.Created {
				s.Commits++
			}
			report(e.path, r, err)
		}
	}
	// settle waits for the write in flight and reports its documents; if
	// it failed, they and the open group's (planned over them) are
	// committed again one by one, planned afresh.
	settle := func() {
		if prevWait == nil {
			return
		}
		err := prevWait()
		items := prevItems
		prevWait, prevItems = nil, nil
		if err == nil {
			s.Commits++
			for _, e := range items {
				report(e.path, e.res, nil)
			}
			return
		}
		again := append(items, curItems...)
		cur, curItems = nil, nil
		redo(again)
	}
	// seal writes the open group.
	seal := func() {
		settle()
		if cur == nil || len(curItems) == 0 {
			return
		}
		if pg, ok := cur.(pipelinedGroup); ok {
			next := pg.start(ctx)
			prevWait, prevItems = pg.wait, curItems
			cur, curItems = next, nil
			return
		}
		err := cur.Commit(ctx)
		prevWait, prevItems = func() error { return err }, curItems
		cur, curItems = nil, nil
		settle()
	}
	// release writes everything and lets other writers in.
	release := func() {
		seal()
		settle()
		cur, curItems = nil, nil
		if unlock != nil {
			unlock()
			unlock = nil
		}
	}
	for r := range results {
		if ctx.Err() != nil {
			// Interrupted: plan nothing more. The write in flight ends
			// and is reported; the open group, never written, is let go,
			// and its documents are stored by the next run.
			settle()
			cur, curItems = nil, nil
			if unlock != nil {
				unlock()
				unlock = nil
			}
			go func() {
				for range results {
				}
			}()
			return s, ctx.Err()
		}
		if r.x == nil {
			report(r.path, r.res, r.err)
			continue
		}
		if unlock == nil {
			u, err := p.lock(ctx)
			if err != nil {
				report(r.path, nil, err)
				continue
			}
			unlock = u
		}
		if cur == nil {
			cur = p.Groups()
		}
		res, err := p.planInto(ctx, cur, gp, r.x)
		switch {
		case err == nil && res.Created:
			r.res = res
			curItems = append(curItems, r)
		case errors.Is(err, errGroupBroken):
			// The group holds part of this batch: commit nothing of it;
			// its documents go one by one.
			curItems = append(curItems, r)
			settle()
			again := curItems
			cur, curItems = nil, nil
			redo(again)
		default:
			report(r.path, res, err)
		}
		switch {
		case len(results) == 0:
			release()
		case len(curItems) >= size:
			seal()
		}
	}
	release()
	return s, ctx.Err()
}

// pipelinedGroup is a Group from GroupsOf: start seals it and starts its
// write, returning the next group layered over it; wait tells how the
// write ended.
type pipelinedGroup interface {
	Group
	start(ctx context.Context) Group
	wait() error
}

// startable is a store's group type that pipelines (cayleystore.Group).
type startable[G any] interface {
	Group
	Start(ctx context.Context) G
	Wait() error
}

// GroupsOf makes Pipeline.Groups from a store's group constructor
// (cayleystore.Store.Group): groups are then pipelined, each written
// while the next is planned over it.
func GroupsOf[G startable[G]](newGroup func() G) func() Group {
	return func() Group { return pipelined[G]{newGroup()} }
}

type pipelined[G startable[G]] struct{ startable[G] }

func (g pipelined[G]) start(ctx context.Context) Group { return pipelined[G]{g.Start(ctx)} }
func (g pipelined[G]) wait() error                     { return g.Wait() }

// errGroupBroken marks a failed Group.Add.
var errGroupBroken = errors.New("group commit: a batch was refused")

// extract checks and extracts one document, or returns the stored
// document when its text is already stored.
func (p *Pipeline) extract(ctx context.Context, in graph.DocumentInput) (*graph.Extraction, *Result, error) {
	if err := p.validate(in); err != nil {
		return nil, nil, err
	}
	id := graph.DocumentID(graph.NormaliseText(in.Text))
	if doc, err := p.existing(ctx, id); err != nil || doc != nil {
		if err != nil {
			return nil, nil, err
		}
		return nil, &Result{Document: *doc}, nil
	}
	x, err := p.Extractor.Extract(in)
	if err != nil {
		return nil, nil, fmt.Errorf("extract document: %w", err)
	}
	return x, nil, nil
}

// planInto plans x over g and adds its batch to g. A document already
// stored, or already in the group, is reported as existing.
func (p *Pipeline) planInto(ctx context.Context, g Group, gp GroupPlanner, x *graph.Extraction) (*Result, error) {
	id := x.Document.ID
	have, err := g.HasDocument(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("look up document %s: %w", id, err)
	}
	if have {
		doc, err := g.Document(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("load document %s: %w", id, err)
		}
		return &Result{Document: *doc}, nil
	}
	p.prepare(x)
	b, err := gp.PlanOver(ctx, g, x)
	if err != nil {
		return nil, fmt.Errorf("cross-reference document %s: %w", id, err)
	}
	if err := g.Add(ctx, b); err != nil {
		return nil, fmt.Errorf("%w: document %s: %w", errGroupBroken, id, err)
	}
	return created(x, b), nil
}
