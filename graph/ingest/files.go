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
	Created  int
	Existing int
	Failed   int
	Claims   int
	Accounts int
	Errors   []error
}

// Progress is told after each item.
type Progress func(done, total int, s *Summary)

// IngestItems ingests items, extracting on every core and committing one
// document at a time. It stops early only when ctx is cancelled; a failed
// item is counted and reported, and the rest go on.
func (p *Pipeline) IngestItems(ctx context.Context, items []Item, progress Progress) (*Summary, error) {
	s := &Summary{}
	type result struct {
		res *Result
		err error
	}
	jobs := make(chan Item)
	results := make(chan result)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				if it.Err != nil {
					results <- result{err: it.Err}
					continue
				}
				r, err := p.Ingest(ctx, it.Input)
				if err != nil {
					err = fmt.Errorf("%s: %w", it.Path, err)
				}
				results <- result{res: r, err: err}
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
	done := 0
	for r := range results {
		done++
		switch {
		case r.err != nil:
			s.Failed++
			s.Errors = append(s.Errors, r.err)
		case r.res.Created:
			s.Created++
			s.Claims += len(r.res.Extraction.Claims)
			s.Accounts += len(r.res.Extraction.Accounts)
		default:
			s.Existing++
		}
		if progress != nil {
			progress(done, len(items), s)
		}
	}
	return s, ctx.Err()
}
