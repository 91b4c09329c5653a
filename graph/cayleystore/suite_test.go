package cayleystore

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// opener opens an empty store for one test.
type opener func(t *testing.T) *Store

// runSuite runs every case against stores from open. The same cases run on
// every backend.
func runSuite(t *testing.T, open opener) {
	for _, c := range []struct {
		name string
		run  func(t *testing.T, open opener)
	}{
		{"reads", testReads},
		{"round trip of every record type", testRoundTrip},
		{"idempotent ingest", testIdempotentIngest},
		{"shared entities written once", testSharedEntities},
		{"assign replaces the event edge", testAssign},
		{"event merge", testMerge},
		{"links both directions", testLinks},
		{"judgements with revocation", testJudgements},
		{"entity update", testEntityUpdate},
		{"claim record update", testClaimUpdate},
		{"paging is stable", testPaging},
		{"provenance labels", testLabels},
		{"refused batches change nothing", testRefused},
		{"stats", testStats},
		{"dump and load into memory", testDumpLoad},
		{"cache coherence", testCacheCoherence},
		{"group commit", testGroup},
		{"group commit, stale and refused", testGroupStaleAndRefused},
		{"group commit, pipelined", testGroupPipelined},
	} {
		t.Run(c.name, func(t *testing.T) { c.run(t, open) })
	}
}

// readCase is one case of testdata/reads.json.
type readCase struct {
	Name   string   `json:"name"`
	Op     string   `json:"op"`
	Doc    string   `json:"doc"`
	Entity string   `json:"entity"`
	IDs    []string `json:"ids"`
	Keys   []string `json:"keys"`
	Limit  int      `json:"limit"`
	Cursor string   `json:"cursor"`
	Want   []string `json:"want"`
	Error  string   `json:"error"`
}

func testReads(t *testing.T, open opener) {
	b, err := os.ReadFile("testdata/reads.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []readCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("testdata/reads.json: %v", err)
	}
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			got, err := runRead(t, s, w, c)
			if c.Error != "" {
				if graph.ErrorCode(err) != c.Error {
					t.Fatalf("error %v (code %q), want code %q", err, graph.ErrorCode(err), c.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !matchGroups(got, c.Want) {
				t.Errorf("got %q\nwant %q", got, c.Want)
			}
		})
	}
}

// matchGroups compares got with want, where a want entry "a|b" stands for
// a and b in either order.
func matchGroups(got, want []string) bool {
	i := 0
	for _, w := range want {
		group := strings.Split(w, "|")
		if i+len(group) > len(got) {
			return false
		}
		have := slices.Clone(got[i : i+len(group)])
		sort.Strings(have)
		sort.Strings(group)
		if !slices.Equal(have, group) {
			return false
		}
		i += len(group)
	}
	return i == len(got)
}

// pageAll reads every page of a list, checking that pages are full but
// the last and that the cursor ends.
func pageAll[T any](t *testing.T, limit int, cursor string, list func(graph.Page) ([]T, string, error), id func(T) uuid.UUID) ([]uuid.UUID, error) {
	t.Helper()
	var out []uuid.UUID
	for range 1000 {
		items, next, err := list(graph.Page{Limit: limit, Cursor: cursor})
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			out = append(out, id(it))
		}
		if next == "" {
			return out, nil
		}
		if len(items) != limit {
			t.Fatalf("a page of %d items with limit %d has a next cursor", len(items), limit)
		}
		cursor = next
	}
	t.Fatal("paging did not end")
	return nil, nil
}

func runRead(t *testing.T, s *Store, w *world, c readCase) ([]string, error) {
	ctx := t.Context()
	var ids []uuid.UUID
	var err error
	claimID := func(c graph.Claim) uuid.UUID { return c.ID }
	entityID := func(e graph.Entity) uuid.UUID { return e.ID }
	collect := func(n int, id func(i int) uuid.UUID) {
		for i := range n {
			ids = append(ids, id(i))
		}
	}
	switch c.Op {
	case "Documents":
		ids, err = pageAll(t, c.Limit, c.Cursor, func(p graph.Page) ([]graph.Document, string, error) {
			ds, next, err := s.Documents(ctx, p)
			for _, d := range ds {
				if d.Text != "" {
					t.Errorf("document %s listed with its text", w.sym(d.ID))
				}
			}
			return ds, next, err
		}, func(d graph.Document) uuid.UUID { return d.ID })
	case "DocumentClaims":
		id := w.id(t, "document", c.Doc)
		ids, err = pageAll(t, c.Limit, c.Cursor, func(p graph.Page) ([]graph.Claim, string, error) {
			return s.DocumentClaims(ctx, id, p)
		}, claimID)
	case "DocumentAccounts":
		var as []graph.Account
		as, err = s.DocumentAccounts(ctx, w.id(t, "document", c.Doc))
		collect(len(as), func(i int) uuid.UUID { return as[i].ID })
	case "Claims":
		var cs []graph.Claim
		cs, err = s.Claims(ctx, w.ids(t, "claim", c.IDs))
		collect(len(cs), func(i int) uuid.UUID { return cs[i].ID })
	case "Entities":
		var es []graph.Entity
		es, err = s.Entities(ctx, w.ids(t, "entity", c.IDs))
		collect(len(es), func(i int) uuid.UUID { return es[i].ID })
	case "Accounts":
		var as []graph.Account
		as, err = s.Accounts(ctx, w.ids(t, "account", c.IDs))
		collect(len(as), func(i int) uuid.UUID { return as[i].ID })
	case "EntitiesByKey":
		var es []graph.Entity
		es, err = s.EntitiesByKey(ctx, c.Keys)
		collect(len(es), func(i int) uuid.UUID { return es[i].ID })
	case "EntityList":
		ids, err = pageAll(t, c.Limit, c.Cursor, func(p graph.Page) ([]graph.Entity, string, error) {
			return s.EntityList(ctx, p)
		}, entityID)
	case "EntityClaims":
		id := w.id(t, "entity", c.Entity)
		ids, err = pageAll(t, c.Limit, c.Cursor, func(p graph.Page) ([]graph.Claim, string, error) {
			return s.EntityClaims(ctx, id, p)
		}, claimID)
	case "PlacesWithin":
		ids, err = s.PlacesWithin(ctx, w.id(t, "entity", c.Entity))
	case "AccountsByKey":
		var as []graph.Account
		as, err = s.AccountsByKey(ctx, c.Keys)
		collect(len(as), func(i int) uuid.UUID { return as[i].ID })
	case "AccountsByEntity":
		var as []graph.Account
		as, err = s.AccountsByEntity(ctx, w.ids(t, "entity", c.IDs))
		collect(len(as), func(i int) uuid.UUID { return as[i].ID })
	case "Document":
		_, err = s.Document(ctx, w.id(t, "document", c.Doc))
	case "Claim":
		_, err = s.Claim(ctx, w.id(t, "claim", c.IDs[0]))
	case "Entity":
		_, err = s.Entity(ctx, w.id(t, "entity", c.Entity))
	case "Account":
		_, err = s.Account(ctx, w.id(t, "account", c.IDs[0]))
	case "Event":
		_, err = s.Event(ctx, missing)
	case "EventAccounts":
		_, err = s.EventAccounts(ctx, missing)
	case "ClaimLinks":
		_, err = s.ClaimLinks(ctx, w.id(t, "claim", c.IDs[0]))
	case "Judgement":
		_, err = s.Judgement(ctx, missing)
	default:
		t.Fatalf("unknown op %q", c.Op)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = w.sym(id)
	}
	return out, err
}

// equalJSON compares two records by their JSON form.
func equalJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

func testRoundTrip(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	for _, b := range w.batches {
		ex := b.Extraction
		d, err := s.Document(ctx, ex.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalJSON(t, "document "+w.sym(d.ID), d, ex.Document)
		if ok, err := s.HasDocument(ctx, d.ID); err != nil || !ok {
			t.Errorf("HasDocument(%s) = %v, %v", w.sym(d.ID), ok, err)
		}
		for _, c := range ex.Claims {
			got, err := s.Claim(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			equalJSON(t, "claim "+w.sym(c.ID), got, c)
		}
		for _, a := range ex.Accounts {
			got, err := s.Account(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			equalJSON(t, "account "+w.sym(a.ID), got, a)
		}
	}
	if ok, err := s.HasDocument(ctx, missing); err != nil || ok {
		t.Errorf("HasDocument(missing) = %v, %v", ok, err)
	}
	for key, e := range w.entity {
		got, err := s.Entity(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalJSON(t, "entity "+key, got, e)
	}

	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	for _, e := range x.first().Events {
		got, err := s.Event(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalJSON(t, "event", got, e)
	}
	for _, l := range x.first().Links {
		got, err := s.ClaimLinks(ctx, l.From)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(got, func(g graph.Link) bool { return reflect.DeepEqual(g, l) }) {
			t.Errorf("link %s not read back from its claim: %+v", l.ID, got)
		}
	}
	j := x.judgement()
	if err := s.Commit(ctx, &graph.Batch{Judgements: []graph.Judgement{j}, Label: "judgement:" + j.ID.String()}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Judgement(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalJSON(t, "judgement", got, j)
}

// xref builds cross-referencing batches over the world: event e1 gathers
// the letter's and state television's accounts, e2 the Observatory's.
type xref struct {
	w                    *world
	letter, tv, sohr, co uuid.UUID // accounts
	e1, e2               uuid.UUID
	l1, l2               graph.Link
}

var linkTime = time.Date(2024, 3, 2, 9, 30, 0, 0, time.UTC)

func newXref(w *world) *xref {
	x := &xref{w: w, letter: w.account["letter#0"], tv: w.account["state-tv#0"], sohr: w.account["sohr#0"], co: w.account["coalition#0"]}
	x.e1 = graph.EventID([]uuid.UUID{x.letter, x.tv})
	x.e2 = graph.EventID([]uuid.UUID{x.sohr})
	x.l1 = graph.Link{
		ID: uuid.NewSHA1(graph.Namespace, []byte("link:1")), From: w.claim["state-tv#0"], To: w.claim["letter#0"],
		Relation: graph.RelCorroborates, Origin: "computed", Author: "xref", Reason: "same place, date and perpetrator",
		Score: 0.9, CreatedAt: linkTime,
	}
	x.l2 = graph.Link{
		ID: uuid.NewSHA1(graph.Namespace, []byte("link:2")), From: w.claim["coalition#0"], To: w.claim["letter#0"],
		Relation: graph.RelDisputes, Origin: "computed", Author: "xref", Reason: "denies the attribution",
		Score: 0.8, CreatedAt: linkTime.Add(time.Second), Attribute: "perpetrator",
	}
	return x
}

func (x *xref) event(id uuid.UUID, title string, accounts ...uuid.UUID) graph.Event {
	qusur := x.w.entity["qusur"]
	ref := qusur.Ref()
	return graph.Event{
		ID: id, Type: graph.EventAirstrike, Title: title, Place: &ref, Accounts: accounts, Documents: len(accounts),
		Date:  &graph.Date{From: "2017-10-23", To: "2017-10-23", Precision: graph.PrecisionDay},
		Grade: &graph.Grade{Grade: graph.GradeFair, Reasons: []string{"two sources"}, Origin: "computed"},
	}
}

// first resolves two events and links two claims.
func (x *xref) first() *graph.Batch {
	return &graph.Batch{
		Assign: map[uuid.UUID]uuid.UUID{x.letter: x.e1, x.tv: x.e1, x.sohr: x.e2},
		Events: []graph.Event{
			x.event(x.e1, "airstrike, Qusur (Dayr al-Zawr), 2017-10-23", x.letter, x.tv),
			x.event(x.e2, "airstrike, Qusur, 2017-10-23", x.sohr),
		},
		Links: []graph.Link{x.l1, x.l2},
		Label: "xref",
	}
}

// merge moves the Observatory's account into e1 and deletes e2.
func (x *xref) merge() *graph.Batch {
	return &graph.Batch{
		Assign:       map[uuid.UUID]uuid.UUID{x.sohr: x.e1},
		Events:       []graph.Event{x.event(x.e1, "airstrike, Qusur (Dayr al-Zawr), 2017-10-23", x.letter, x.tv, x.sohr)},
		DeleteEvents: []uuid.UUID{x.e2},
	}
}

func (x *xref) judgement() graph.Judgement {
	return graph.Judgement{
		ID: uuid.NewSHA1(graph.Namespace, []byte("judgement:1")), Kind: graph.JudgeGrade,
		Targets: []uuid.UUID{x.e1}, Grade: graph.GradeContested, Author: "analyst-1",
		Reason: "the Observatory names another air force", CreatedAt: linkTime.Add(time.Hour),
	}
}

// dumpLines is the store's dump as a sorted list of N-Quads lines.
func dumpLines(t *testing.T, s *Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Dump(t.Context(), &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	sort.Strings(lines)
	return lines
}

func diffLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	g := make(map[string]bool, len(got))
	for _, l := range got {
		g[l] = true
	}
	w := make(map[string]bool, len(want))
	for _, l := range want {
		w[l] = true
	}
	n := 0
	for _, l := range got {
		if !w[l] && n < 10 {
			t.Errorf("%s: extra %s", what, l)
			n++
		}
	}
	for _, l := range want {
		if !g[l] && n < 20 {
			t.Errorf("%s: missing %s", what, l)
			n++
		}
	}
	if n == 0 {
		t.Errorf("%s: %d lines, want %d (duplicates)", what, len(got), len(want))
	}
}

func testIdempotentIngest(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	before := dumpLines(t, s)
	w.ingest(t, s)
	diffLines(t, "after ingesting again", dumpLines(t, s), before)

	// A batch for a stored document changes nothing at all, even when the
	// rest of it differs: a re-extraction does not overwrite.
	again := *w.batches[0]
	ex := *again.Extraction
	ex.Claims = slices.Clone(ex.Claims)
	ex.Claims[0].Text = "rewritten"
	ex.Document.Title = "rewritten"
	again.Extraction = &ex
	again.Assign = map[uuid.UUID]uuid.UUID{w.account["letter#0"]: missing}
	if err := s.Commit(ctx, &again); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "after a changed batch for a stored document", dumpLines(t, s), before)
	d, err := s.Document(ctx, ex.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title == "rewritten" {
		t.Error("a second ingest overwrote the document")
	}
}

func testSharedEntities(t *testing.T, open opener) {
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	// Qusur is carried by three documents; the letter came first.
	qusur := "<" + string(kEntity.iri(w.entity["qusur"].ID)) + ">"
	letter := "<" + string(ingestLabel(w.doc["letter"])) + ">"
	var records []string
	for _, l := range dumpLines(t, s) {
		if strings.HasPrefix(l, qusur+" <cg:") {
			if !strings.HasSuffix(l, letter+" .") {
				t.Errorf("entity quad not under the first document's label: %s", l)
			}
			if strings.HasPrefix(l, qusur+" <cg:record>") {
				records = append(records, l)
			}
		}
	}
	if len(records) != 1 {
		t.Errorf("%d records of qusur, want 1: %q", len(records), records)
	}
}

// eventOf returns the event id of an account, or uuid.Nil.
func eventOf(t *testing.T, s *Store, acc uuid.UUID) uuid.UUID {
	t.Helper()
	a, err := s.Account(t.Context(), acc)
	if err != nil {
		t.Fatal(err)
	}
	if a.EventID == nil {
		return uuid.Nil
	}
	return *a.EventID
}

// eventEdges counts the cg:event quads of an account in the dump.
func eventEdges(t *testing.T, s *Store, acc uuid.UUID) int {
	t.Helper()
	prefix := "<" + string(kAccount.iri(acc)) + "> <cg:event> "
	n := 0
	for _, l := range dumpLines(t, s) {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

func accountIDs(as []graph.Account) []uuid.UUID {
	out := make([]uuid.UUID, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func testAssign(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if got := eventOf(t, s, x.letter); got != uuid.Nil {
		t.Fatalf("an account has event %s before any assignment", got)
	}
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	if got := eventOf(t, s, x.letter); got != x.e1 {
		t.Errorf("letter account in %s, want e1", got)
	}
	// Reassigning replaces the edge: one cg:event quad, the new one.
	if err := s.Commit(ctx, &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{x.letter: x.e2}}); err != nil {
		t.Fatal(err)
	}
	if got := eventOf(t, s, x.letter); got != x.e2 {
		t.Errorf("letter account in %s after reassignment, want e2", got)
	}
	if n := eventEdges(t, s, x.letter); n != 1 {
		t.Errorf("%d event edges after reassignment, want 1", n)
	}
	as, err := s.EventAccounts(ctx, x.e2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := accountIDs(as), []uuid.UUID{x.sohr, x.letter}; !slices.Equal(got, want) {
		t.Errorf("accounts of e2 = %v, want %v", got, want)
	}
	as, err = s.EventAccounts(ctx, x.e1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := accountIDs(as), []uuid.UUID{x.tv}; !slices.Equal(got, want) {
		t.Errorf("accounts of e1 = %v, want %v", got, want)
	}
	// The same assignment again is a no-op.
	before := dumpLines(t, s)
	if err := s.Commit(ctx, &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{x.letter: x.e2}}); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "after repeating an assignment", dumpLines(t, s), before)
	// Assigning an unknown account is refused.
	err = s.Commit(ctx, &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{missing: x.e1}})
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("assigning an unknown account: %v, want not_found", err)
	}
}

func testMerge(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, x.merge()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Event(ctx, x.e2); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("merged-away event: %v, want not_found", err)
	}
	if _, err := s.EventAccounts(ctx, x.e2); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("accounts of merged-away event: %v, want not_found", err)
	}
	e1, err := s.Event(ctx, x.e1)
	if err != nil {
		t.Fatal(err)
	}
	if len(e1.Accounts) != 3 {
		t.Errorf("merged event record has %d accounts, want 3", len(e1.Accounts))
	}
	as, err := s.EventAccounts(ctx, x.e1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := accountIDs(as), []uuid.UUID{x.tv, x.sohr, x.letter}; !slices.Equal(got, want) {
		t.Errorf("accounts of the merged event = %v, want %v", got, want)
	}
	for _, a := range as {
		if a.EventID == nil || *a.EventID != x.e1 {
			t.Errorf("account %s has event %v, want e1", w.sym(a.ID), a.EventID)
		}
	}
	e2 := "<" + string(kEvent.iri(x.e2)) + ">"
	for _, l := range dumpLines(t, s) {
		if strings.Contains(l, e2) {
			t.Errorf("a quad still names the deleted event: %s", l)
		}
	}
	evs, _, err := s.Events(ctx, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].ID != x.e1 {
		t.Errorf("events after the merge: %+v", evs)
	}
	// Deleting an event that still has accounts unassigns them.
	if err := s.Commit(ctx, &graph.Batch{DeleteEvents: []uuid.UUID{x.e1}}); err != nil {
		t.Fatal(err)
	}
	if got := eventOf(t, s, x.tv); got != uuid.Nil {
		t.Errorf("account still in deleted event %s", got)
	}
	// Assigning to an event the same batch deletes is refused.
	err = s.Commit(ctx, &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{x.tv: x.e1}, DeleteEvents: []uuid.UUID{x.e1}})
	if graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("assign to a deleted event: %v, want invalid", err)
	}
}

func linkIDs(ls []graph.Link) []uuid.UUID {
	out := make([]uuid.UUID, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}

func testLinks(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		claim string
		want  []uuid.UUID
	}{
		{"letter#0", []uuid.UUID{x.l1.ID, x.l2.ID}}, // target of both
		{"state-tv#0", []uuid.UUID{x.l1.ID}},        // source of one
		{"coalition#0", []uuid.UUID{x.l2.ID}},
		{"sohr#0", []uuid.UUID{}},
	} {
		ls, err := s.ClaimLinks(ctx, w.claim[c.claim])
		if err != nil {
			t.Fatal(err)
		}
		if got := linkIDs(ls); !slices.Equal(got, c.want) {
			t.Errorf("links of %s = %v, want %v", c.claim, got, c.want)
		}
	}
	sameLinksMany(t, s, w, "after the first batch")
	// A computed link that no longer holds is deleted; a changed one
	// replaced.
	l1 := x.l1
	l1.Score = 0.95
	if err := s.Commit(ctx, &graph.Batch{Links: []graph.Link{l1}, DeleteLinks: []uuid.UUID{x.l2.ID}}); err != nil {
		t.Fatal(err)
	}
	ls, err := s.ClaimLinks(ctx, w.claim["letter#0"])
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || ls[0].ID != x.l1.ID || ls[0].Score != 0.95 {
		t.Errorf("links of the letter after update: %+v", ls)
	}
	ls, err = s.ClaimLinks(ctx, w.claim["coalition#0"])
	if err != nil || len(ls) != 0 {
		t.Errorf("links of the coalition claim after deletion: %+v, %v", ls, err)
	}
	sameLinksMany(t, s, w, "after update and deletion")
}

// sameLinksMany checks that ClaimLinksMany over every claim of the world,
// an unknown id and a repeated id, answers as ClaimLinks does claim by
// claim, and leaves the unknown id out.
func sameLinksMany(t *testing.T, s *Store, w *world, when string) {
	t.Helper()
	ctx := t.Context()
	var ids []uuid.UUID
	for _, id := range w.claim {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return strings.Compare(a.String(), b.String()) })
	unknown := uuid.NewSHA1(graph.Namespace, []byte("no such claim"))
	ask := append(append([]uuid.UUID{unknown}, ids...), ids[0])
	got, err := s.ClaimLinksMany(ctx, ask)
	if err != nil {
		t.Fatalf("%s: ClaimLinksMany: %v", when, err)
	}
	if _, ok := got[unknown]; ok {
		t.Errorf("%s: ClaimLinksMany lists an unknown claim", when)
	}
	if len(got) != len(ids) {
		t.Errorf("%s: ClaimLinksMany has %d claims, want %d", when, len(got), len(ids))
	}
	links := 0
	for _, id := range ids {
		want, err := s.ClaimLinks(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		links += len(want)
		have, ok := got[id]
		if !ok {
			t.Errorf("%s: ClaimLinksMany leaves out claim %s", when, id)
			continue
		}
		equalJSON(t, when+": links of "+id.String(), have, want)
	}
	if links == 0 {
		t.Fatalf("%s: the world has no links to compare", when)
	}
	none, err := s.ClaimLinksMany(ctx, nil)
	if err != nil || len(none) != 0 {
		t.Errorf("%s: ClaimLinksMany(nil) = %v, %v", when, none, err)
	}
}

func testJudgements(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	j := x.judgement()
	dep := graph.Judgement{
		ID: uuid.NewSHA1(graph.Namespace, []byte("judgement:2")), Kind: graph.JudgeDeprecate,
		Targets: []uuid.UUID{w.claim["letter#1"]}, Author: "analyst-2", Reason: "figure from a partisan source",
		CreatedAt: linkTime.Add(2 * time.Hour),
	}
	for _, jj := range []graph.Judgement{j, dep} {
		if err := s.Commit(ctx, &graph.Batch{Judgements: []graph.Judgement{jj}, Label: "judgement:" + jj.ID.String()}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.JudgementsFor(ctx, x.e1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != j.ID || got[0].RevokedAt != nil {
		t.Fatalf("judgements for e1: %+v", got)
	}
	got, err = s.JudgementsFor(ctx, w.claim["letter#1"])
	if err != nil || len(got) != 1 || got[0].ID != dep.ID {
		t.Fatalf("judgements for the deprecated claim: %+v, %v", got, err)
	}
	// Revoking replaces the record; the judgement stays, with its targets.
	revoked := j
	at := linkTime.Add(3 * time.Hour)
	revoked.RevokedAt, revoked.RevokedBy = &at, "analyst-2"
	if err := s.Commit(ctx, &graph.Batch{Judgements: []graph.Judgement{revoked}, Label: "judgement:" + dep.ID.String()}); err != nil {
		t.Fatal(err)
	}
	got, err = s.JudgementsFor(ctx, x.e1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].RevokedAt == nil || !got[0].RevokedAt.Equal(at) || got[0].RevokedBy != "analyst-2" {
		t.Fatalf("judgements for e1 after revocation: %+v", got)
	}
	all, next, err := s.Judgements(ctx, graph.Page{Limit: 1})
	if err != nil || len(all) != 1 || all[0].ID != j.ID || next == "" {
		t.Fatalf("first page of judgements: %+v %q %v", all, next, err)
	}
	all, next, err = s.Judgements(ctx, graph.Page{Limit: 1, Cursor: next})
	if err != nil || len(all) != 1 || all[0].ID != dep.ID || next != "" {
		t.Fatalf("second page of judgements: %+v %q %v", all, next, err)
	}
	// A revocation after the target event was merged away still stands.
	if err := s.Commit(ctx, x.merge()); err != nil {
		t.Fatal(err)
	}
	j2 := dep
	j2.Targets = []uuid.UUID{x.e2}
	j2.ID = uuid.NewSHA1(graph.Namespace, []byte("judgement:3"))
	if err := s.Commit(ctx, &graph.Batch{Judgements: []graph.Judgement{j2}}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("a judgement on a deleted event: %v, want not_found", err)
	}
	if err := s.Commit(ctx, &graph.Batch{Judgements: []graph.Judgement{revoked}}); err != nil {
		t.Errorf("re-recording a revocation: %v", err)
	}
}

func testEntityUpdate(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	sohr := w.entity["sohr"]
	sohr.Reliability = "B"
	sohr.Aliases = append(slices.Clone(sohr.Aliases), "al-marsad")
	sohr.Keys = []string{"sohr", "al marsad"} // one key dropped, one added
	if err := s.Commit(ctx, &graph.Batch{Entities: []graph.Entity{sohr}, Label: "judgement:" + missing.String()}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entity(ctx, sohr.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalJSON(t, "updated entity", got, sohr)
	for key, want := range map[string]int{"al marsad": 1, "sohr": 1, "syrian observatory for human rights": 0} {
		es, err := s.EntitiesByKey(ctx, []string{key})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != want {
			t.Errorf("EntitiesByKey(%q) = %d entities, want %d", key, len(es), want)
		}
	}
	// A new entity from a batch (a gazetteer entry).
	syria := w.entity["syria"].ID
	homs := graph.Entity{ID: graph.EntityID(graph.KindPlace, "homs", uuid.Nil), Name: "Homs", Kind: graph.KindPlace,
		PlaceType: "city", Within: &syria, Keys: []string{"homs"}, Gazetteer: true}
	if err := s.Commit(ctx, &graph.Batch{Entities: []graph.Entity{homs}, Label: "gazetteer"}); err != nil {
		t.Fatal(err)
	}
	within, err := s.PlacesWithin(ctx, w.entity["syria"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(within, homs.ID) {
		t.Errorf("a new place is not within its country")
	}
}

func testClaimUpdate(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	id := w.claim["letter#1"]
	c, err := s.Claim(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.ClaimLinks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	upd := *c
	upd.Deprecated, upd.Credibility = true, 5
	if err := s.Commit(ctx, &graph.Batch{Claims: []graph.Claim{upd}, Label: "judgement:" + missing.String()}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Claim(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	equalJSON(t, "updated claim", got, upd)
	// The claim is still its document's, in the same place.
	cs, _, err := s.DocumentClaims(ctx, c.DocumentID, graph.Page{Limit: graph.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range cs {
		if x.ID == id {
			found = true
			equalJSON(t, "listed claim", x, upd)
		}
	}
	if !found {
		t.Errorf("the updated claim is no longer listed with its document")
	}
	after, err := s.ClaimLinks(ctx, id)
	if err != nil || len(after) != len(before) {
		t.Errorf("links of the claim: %d before, %d after (%v)", len(before), len(after), err)
	}
	// Undoing gives the first record back.
	if err := s.Commit(ctx, &graph.Batch{Claims: []graph.Claim{*c}, Label: "judgement:" + missing.String()}); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Claim(ctx, id); err != nil {
		t.Fatal(err)
	}
	equalJSON(t, "restored claim", got, c)
	// Unknown claims and a changed identity are refused, and change nothing.
	unknown := upd
	unknown.ID = missing
	if err := s.Commit(ctx, &graph.Batch{Claims: []graph.Claim{upd, unknown}}); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("replacing an unknown claim: %v, want not_found", err)
	}
	moved := upd
	moved.Span.End++
	if err := s.Commit(ctx, &graph.Batch{Claims: []graph.Claim{moved}}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("moving a claim: %v, want invalid", err)
	}
	if got, err = s.Claim(ctx, id); err != nil {
		t.Fatal(err)
	}
	equalJSON(t, "claim after refused batches", got, c)
}

func testPaging(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	// Ingest all but the first document (the letter), page, then ingest it
	// between two pages: the pages still hold every document once.
	for _, b := range w.batches[1:] {
		if err := s.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	for limit := 1; limit <= 6; limit++ {
		ids, err := pageAll(t, limit, "", func(p graph.Page) ([]graph.Document, string, error) {
			return s.Documents(ctx, p)
		}, func(d graph.Document) uuid.UUID { return d.ID })
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != 4 {
			t.Fatalf("limit %d: %d documents, want 4", limit, len(ids))
		}
	}
	first, next, err := s.Documents(ctx, graph.Page{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, w.batches[0]); err != nil {
		t.Fatal(err)
	}
	rest, err := pageAll(t, 2, next, func(p graph.Page) ([]graph.Document, string, error) {
		return s.Documents(ctx, p)
	}, func(d graph.Document) uuid.UUID { return d.ID })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range first {
		got = append(got, w.sym(d.ID))
	}
	for _, id := range rest {
		got = append(got, w.sym(id))
	}
	if want := []string{"raqqa", "state-tv", "sohr", "coalition", "letter"}; !slices.Equal(got, want) {
		t.Errorf("pages across an insert: %q, want %q", got, want)
	}
	// The default and the maximum limits.
	ds, _, err := s.Documents(ctx, graph.Page{Limit: -1})
	if err != nil || len(ds) != 5 {
		t.Errorf("default limit: %d documents, %v", len(ds), err)
	}
}

func testLabels(t *testing.T, open opener) {
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(t.Context(), x.first()); err != nil {
		t.Fatal(err)
	}
	j := x.judgement()
	if err := s.Commit(t.Context(), &graph.Batch{Judgements: []graph.Judgement{j}, Label: "judgement:" + j.ID.String()}); err != nil {
		t.Fatal(err)
	}
	lines := dumpLines(t, s)
	want := []string{
		"<" + string(kClaim.iri(w.claim["sohr#1"])) + "> <cg:document> <" + string(kDocument.iri(w.doc["sohr"])) + "> <cg:ingest/" + w.doc["sohr"].String() + "> .",
		"<" + string(kAccount.iri(x.letter)) + "> <cg:event> <" + string(kEvent.iri(x.e1)) + "> <cg:xref> .",
		"<" + string(kLink.iri(x.l1.ID)) + "> <cg:from> <" + string(kClaim.iri(x.l1.From)) + "> <cg:xref> .",
		"<" + string(kJudgement.iri(j.ID)) + "> <cg:target> <" + string(kEvent.iri(x.e1)) + "> <cg:judgement/" + j.ID.String() + "> .",
	}
	for _, l := range want {
		if !slices.Contains(lines, l) {
			t.Errorf("missing quad %s", l)
		}
	}
	for _, l := range lines {
		if !strings.HasSuffix(l, "> .") {
			t.Errorf("a quad without a label: %s", l)
		}
	}
}

func testRefused(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	before := dumpLines(t, s)
	x := newXref(w)
	bad := x.first()
	bad.Judgements = []graph.Judgement{{ID: uuid.NewSHA1(graph.Namespace, []byte("j:bad")), Kind: graph.JudgeGrade, Targets: []uuid.UUID{missing}, CreatedAt: linkTime}}
	for name, b := range map[string]*graph.Batch{
		"nil batch":             nil,
		"bad label":             {Label: "two words"},
		"judgement on nothing":  bad,
		"event without id":      {Events: []graph.Event{{Title: "no id"}}},
		"link without claims":   {Links: []graph.Link{{ID: x.l1.ID}}},
		"claim of another doc":  otherDocClaim(w),
		"assign to no event":    {Assign: map[uuid.UUID]uuid.UUID{x.letter: uuid.Nil}},
		"unknown assigned acct": {Assign: map[uuid.UUID]uuid.UUID{missing: x.e1}, Events: x.first().Events},
	} {
		if err := s.Commit(ctx, b); err == nil {
			t.Errorf("%s: accepted", name)
		} else if c := graph.ErrorCode(err); c != graph.EINVALID && c != graph.ENOTFOUND {
			t.Errorf("%s: %v, want invalid or not_found", name, err)
		}
	}
	diffLines(t, "after refused batches", dumpLines(t, s), before)
}

func otherDocClaim(w *world) *graph.Batch {
	ex := *w.batches[0].Extraction
	ex.Document.ID = uuid.NewSHA1(graph.Namespace, []byte("another document"))
	return &graph.Batch{Extraction: &ex}
}

func testStats(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{}) {
		t.Errorf("stats of an empty store: %+v", st)
	}
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Documents: 5, Claims: 8, Entities: 10, Accounts: 5, Events: 2, Links: 2, Quads: int64(len(dumpLines(t, s)))}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
}

func testDumpLoad(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	for _, b := range []*graph.Batch{x.first(), x.merge()} {
		if err := s.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.Dump(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	m, err := Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.Load(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "loaded copy", dumpLines(t, m), dumpLines(t, s))
	// Loading twice adds nothing.
	if err := m.Load(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "loaded twice", dumpLines(t, m), dumpLines(t, s))
	// And the copy answers as the original does.
	as, err := m.EventAccounts(ctx, x.e1)
	if err != nil || len(as) != 3 {
		t.Errorf("accounts of e1 in the copy: %d, %v", len(as), err)
	}
	if err := m.Load(ctx, strings.NewReader("<a> <b> .\nnot a quad\n")); graph.ErrorCode(err) == "" {
		t.Error("loading garbage succeeded")
	}
}
