package xref

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/google/uuid"
)

// judgeStep is one analyst action (or a late document) of a judge case.
type judgeStep struct {
	Op       string   `json:"op"` // judge, revoke, ingest
	ID       string   `json:"id"` // the judgement's key
	Kind     string   `json:"kind"`
	Targets  []string `json:"targets"` // acc:KEY, event:KEY (the event of account KEY), claim:KEY, entity:KEY
	Relation string   `json:"relation"`
	Grade    string   `json:"grade"`
	Value    string   `json:"value"`
	Docs     []string `json:"docs"`  // ingest: the held documents to ingest now
	Error    string   `json:"error"` // the error code expected, if any
}

// judgeCase ingests testdata/strikes.json but the held documents, runs
// its steps, and checks the store's events and links (snapshot lines) for
// what it wants and what must be absent. It then checks that RebuildStore
// gives the same.
type judgeCase struct {
	Name   string      `json:"name"`
	Hold   []string    `json:"hold"`
	Steps  []judgeStep `json:"steps"`
	Want   []string    `json:"want"`
	Absent []string    `json:"absent"`
}

var judgeBase = time.Date(2024, 2, 1, 9, 0, 0, 0, time.UTC)

func TestJudge(t *testing.T) {
	var cases []judgeCase
	readJSON(t, "testdata/judge.json", &cases)
	docs, names := fixtureDocs(t, "testdata/strikes.json")
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			ctx := context.Background()
			held := map[uuid.UUID]bool{}
			for _, d := range c.Hold {
				held[tid("doc:"+d)] = true
			}
			var first []*graph.Extraction
			for _, x := range docs {
				if !held[x.Document.ID] {
					first = append(first, x)
				}
			}
			st, e := ingestAll(t, ctx, first)
			stored := map[string]graph.Judgement{}
			for i, s := range c.Steps {
				var b *graph.Batch
				var err error
				switch s.Op {
				case "ingest":
					for _, d := range s.Docs {
						for _, x := range docs {
							if x.Document.ID == tid("doc:"+d) {
								cp := *x
								cp.Accounts = append([]graph.Account(nil), x.Accounts...)
								if b, err = e.Plan(ctx, &cp); err != nil {
									t.Fatalf("step %d: plan %s: %v", i, d, err)
								}
								if err := st.Commit(ctx, b); err != nil {
									t.Fatalf("step %d: commit %s: %v", i, d, err)
								}
							}
						}
					}
					continue
				case "judge":
					j := graph.Judgement{ID: tid("judgement:" + s.ID), Kind: s.Kind, Relation: s.Relation, Grade: s.Grade,
						Value: s.Value, Author: "analyst-1", Reason: "step " + s.ID, CreatedAt: judgeBase.Add(time.Duration(i) * time.Minute)}
					for _, tg := range s.Targets {
						j.Targets = append(j.Targets, judgeTarget(t, ctx, st, tg))
					}
					b, err = e.Judge(ctx, j)
				case "revoke":
					j, gerr := st.Judgement(ctx, tid("judgement:"+s.ID))
					if gerr != nil {
						t.Fatalf("step %d: %v", i, gerr)
					}
					b, err = e.Revoke(ctx, *j, "analyst-2", judgeBase.Add(time.Duration(i)*time.Minute))
				default:
					t.Fatalf("step %d: unknown op %q", i, s.Op)
				}
				if s.Error != "" {
					if graph.ErrorCode(err) != s.Error {
						t.Fatalf("step %d (%s %s): error %v, want %s", i, s.Op, s.Kind, err, s.Error)
					}
					continue
				}
				if err != nil {
					t.Fatalf("step %d (%s %s): %v", i, s.Op, s.Kind, err)
				}
				if len(b.Judgements) != 1 || b.Label != "judgement:"+b.Judgements[0].ID.String() {
					t.Fatalf("step %d: batch records %d judgements under %q", i, len(b.Judgements), b.Label)
				}
				if err := st.Commit(ctx, b); err != nil {
					t.Fatalf("step %d (%s %s): commit: %v", i, s.Op, s.Kind, err)
				}
				got, err := st.Judgement(ctx, b.Judgements[0].ID)
				if err != nil {
					t.Fatalf("step %d: the judgement is not stored: %v", i, err)
				}
				if (s.Op == "revoke") != (got.RevokedAt != nil) {
					t.Fatalf("step %d: stored judgement revoked at %v", i, got.RevokedAt)
				}
				stored[s.ID] = *got
			}
			snap := storeSnapshot(t, ctx, st, docs, names).String()
			for _, w := range c.Want {
				if !strings.Contains(snap, w) {
					t.Errorf("no %q in\n%s", w, snap)
				}
			}
			for _, a := range c.Absent {
				if strings.Contains(snap, a) {
					t.Errorf("%q should be gone from\n%s", a, snap)
				}
			}
			// Rebuilding from the store changes nothing.
			b, rep, err := e.RebuildStore(ctx, st)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Commit(ctx, b); err != nil {
				t.Fatal(err)
			}
			if again := storeSnapshot(t, ctx, st, docs, names).String(); again != snap {
				t.Errorf("rebuild gives other events or links (%+v):\n%s\n\nincremental:\n%s", *rep, again, snap)
			}
			if rep.Reassigned != 0 || rep.EventsNew != 0 || rep.EventsDeleted != 0 || rep.LinksAdded != 0 || rep.LinksDeleted != 0 {
				t.Errorf("rebuild changes things: %+v", *rep)
			}
		})
	}
}

// judgeTarget turns a step's target into an id.
func judgeTarget(t *testing.T, ctx context.Context, st *cayleystore.Store, s string) uuid.UUID {
	t.Helper()
	kind, key, ok := strings.Cut(s, ":")
	if !ok {
		t.Fatalf("target %q: want kind:key", s)
	}
	switch kind {
	case "acc":
		return tid("account:" + key)
	case "claim":
		return tid("claim:" + key)
	case "entity":
		return tid(key)
	case "event":
		a, err := st.Account(ctx, tid("account:"+key))
		if err != nil || a.EventID == nil {
			t.Fatalf("target %q: %v", s, err)
		}
		return *a.EventID
	case "unknown":
		return tid("unknown:" + key)
	}
	t.Fatalf("target %q: unknown kind", s)
	return uuid.Nil
}
