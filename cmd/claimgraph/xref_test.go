package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/xref"
)

// TestXrefRebuild ingests the example corpus into a bolt store, then
// rebuilds it: incremental ingestion and the rebuild agree, so nothing
// changes, and the report says so.
func TestXrefRebuild(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "db")
	var out, errb bytes.Buffer
	if err := Run(ctx, []string{"ingest", "--db", db, corpus}, nil, &out, &errb); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb.String())
	}
	out.Reset()
	if err := Run(ctx, []string{"xref", "--rebuild", "--db", db, "--json"}, nil, &out, &errb); err != nil {
		t.Fatalf("xref --rebuild: %v\n%s", err, errb.String())
	}
	var got struct {
		DryRun bool               `json:"dry_run"`
		Report xref.RebuildReport `json:"report"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	r := got.Report
	if r.Documents != 9 || r.Accounts == 0 || r.EventsBefore == 0 || r.LinksBefore == 0 {
		t.Fatalf("rebuild read too little: %s", out.String())
	}
	if r.EventsBefore != r.EventsAfter || r.EventsNew != 0 || r.EventsDeleted != 0 || r.Reassigned != 0 ||
		r.LinksBefore != r.LinksAfter || r.LinksAdded != 0 || r.LinksDeleted != 0 {
		t.Errorf("rebuild after ingestion changes things: %s", out.String())
	}
	out.Reset()
	if err := Run(ctx, []string{"xref", "--rebuild", "--dry-run", "--db", db}, nil, &out, &errb); err != nil {
		t.Fatalf("xref --rebuild --dry-run: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "dry run") || !strings.Contains(out.String(), "0 accounts reassigned") {
		t.Errorf("dry run output:\n%s", out.String())
	}
	if err := Run(ctx, []string{"xref", "--db", db}, nil, &out, &errb); err == nil || exitCode(err) != 2 {
		t.Errorf("xref without --rebuild: %v", err)
	}
}
