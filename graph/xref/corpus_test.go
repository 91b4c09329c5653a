package xref

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

type manifestDoc struct {
	File        string           `json:"file"`
	Symbol      string           `json:"symbol"`
	Kind        string           `json:"kind"`
	Title       string           `json:"title"`
	Author      string           `json:"author"`
	OnBehalfOf  string           `json:"on_behalf_of"`
	AddressedTo graph.StringList `json:"addressed_to"`
	Date        *string          `json:"date"`
	Language    string           `json:"language"`
}

// extractDir extracts every document a manifest lists.
func extractDir(t testing.TB, dir string, g *gazetteer.Gazetteer) []*graph.Extraction {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Documents []manifestDoc `json:"documents"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	var out []*graph.Extraction
	for _, d := range m.Documents {
		text, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		in := graph.DocumentInput{Text: string(text), Title: d.Title, Symbol: d.Symbol, Kind: d.Kind, Author: d.Author,
			OnBehalfOf: d.OnBehalfOf, AddressedTo: d.AddressedTo, Language: d.Language, File: d.File}
		if d.Date != nil {
			in.Date = *d.Date
		}
		ex, err := x.Extract(in)
		if err != nil {
			t.Fatalf("extract %s: %v", d.File, err)
		}
		out = append(out, ex)
	}
	return out
}

// world is the corpus once ingested: the store and what it holds.
type ingested struct {
	st       *cayleystore.Store
	engine   *Engine
	docs     map[uuid.UUID]graph.Document
	file     map[uuid.UUID]string
	accounts map[uuid.UUID]graph.Account
	claims   map[uuid.UUID]graph.Claim
	events   map[uuid.UUID][]graph.Account
	w        *World
}

func ingest(t testing.TB, ctx context.Context, g *gazetteer.Gazetteer, xs []*graph.Extraction) *ingested {
	t.Helper()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := New(st, g)
	e.Now = func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }
	in := &ingested{st: st, engine: e, docs: map[uuid.UUID]graph.Document{}, file: map[uuid.UUID]string{},
		accounts: map[uuid.UUID]graph.Account{}, claims: map[uuid.UUID]graph.Claim{}, events: map[uuid.UUID][]graph.Account{}}
	var ents []graph.Entity
	for _, x := range xs {
		cp := *x
		cp.Accounts = append([]graph.Account(nil), x.Accounts...)
		b, err := e.Plan(ctx, &cp)
		if err != nil {
			t.Fatalf("plan %s: %v", x.Document.File, err)
		}
		if err := st.Commit(ctx, b); err != nil {
			t.Fatalf("commit %s: %v", x.Document.File, err)
		}
		in.docs[x.Document.ID] = x.Document
		in.file[x.Document.ID] = x.Document.File
		for _, c := range x.Claims {
			in.claims[c.ID] = c
		}
		ents = append(ents, x.Entities...)
	}
	in.w = e.world.With(ents...)
	for _, x := range xs {
		accs, err := st.DocumentAccounts(ctx, x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range accs {
			in.accounts[a.ID] = a
			if a.EventID == nil {
				t.Fatalf("%s: account without event", x.Document.File)
			}
			in.events[*a.EventID] = append(in.events[*a.EventID], a)
		}
	}
	return in
}

func (in *ingested) describe(a graph.Account) string {
	perp := ""
	if a.Perpetrator != nil {
		perp = a.Perpetrator.Entity.Name + "/" + string(a.Perpetrator.Polarity)
	}
	place := ""
	if a.Place != nil {
		place = a.Place.Entity.Name
	}
	date := ""
	if a.Date != nil {
		date = a.Date.From + ".." + a.Date.To
	}
	var vs []string
	for _, v := range a.Values {
		vs = append(vs, v.Attribute+"="+figureText(v))
	}
	return fmt.Sprintf("%s | %s | %s | %s | %s | %s | perp %s | %s | %s", in.file[a.DocumentID], a.Speaker.Name, a.Type, place, date, a.Polarity, perp, strings.Join(vs, ","), a.Published+a.NotBefore)
}

// snapshot returns the events as sorted lines, for comparing orders.
func (in *ingested) snapshot() string {
	var lines []string
	for _, accs := range in.events {
		var ds []string
		for _, a := range accs {
			ds = append(ds, in.describe(a))
		}
		sort.Strings(ds)
		lines = append(lines, strings.Join(ds, "\n    "))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n  --\n    ")
}

// eventWhere returns the event of the first account (by id) that f accepts.
func (in *ingested) eventWhere(f func(graph.Account) bool) (uuid.UUID, bool) {
	ids := make([]uuid.UUID, 0, len(in.accounts))
	for id := range in.accounts {
		ids = append(ids, id)
	}
	sortIDs(ids)
	for _, id := range ids {
		if a := in.accounts[id]; f(a) && a.EventID != nil {
			return *a.EventID, true
		}
	}
	return uuid.Nil, false
}

func (in *ingested) claimsMap(accs []graph.Account) map[uuid.UUID]graph.Claim {
	out := map[uuid.UUID]graph.Claim{}
	for _, a := range accs {
		for _, id := range a.Claims {
			if c, ok := in.claims[id]; ok {
				out[id] = c
			}
		}
	}
	return out
}

func TestCorpusDump(t *testing.T) {
	dir := os.Getenv("XREF_DUMP")
	if dir == "" {
		t.Skip("set XREF_DUMP=1 (or a folder with a manifest.json, such as testdata/dev) to print the corpus's accounts and events")
	}
	if dir == "1" {
		dir = "../../examples/corpus"
	}
	ctx := context.Background()
	g := gazetteer.Default()
	xs := extractDir(t, dir, g)
	in := ingest(t, ctx, g, xs)
	t.Logf("events:\n    %s", in.snapshot())
}

// TestCorpus ingests the example corpus (real extractor, real memory
// store) in several orders and checks what examples/corpus/expected.json
// lists.
func TestCorpus(t *testing.T) {
	ctx := context.Background()
	g := gazetteer.Default()
	xs := extractDir(t, "../../examples/corpus", g)
	orders := [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8}, {8, 7, 6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 1, 8, 4, 2, 7, 5}}
	var first *ingested
	var firstLinks string
	for n, ord := range orders {
		var seq []*graph.Extraction
		for _, i := range ord {
			seq = append(seq, xs[i%len(xs)])
		}
		in := ingest(t, ctx, g, seq)
		links := in.linkSnapshot(t, ctx)
		if first == nil {
			first, firstLinks = in, links
			continue
		}
		if in.snapshot() != first.snapshot() {
			t.Fatalf("order %d gives other events:\n%s\n\nfirst order:\n%s", n, in.snapshot(), first.snapshot())
		}
		if links != firstLinks {
			t.Fatalf("order %d gives other links:\n%s\n\nfirst order:\n%s", n, links, firstLinks)
		}
	}
	in := first
	t.Run("qusur event", func(t *testing.T) { checkQusur(t, in) })
	t.Run("raqqa", func(t *testing.T) { checkRaqqa(t, ctx, in) })
	t.Run("rebuild", func(t *testing.T) {
		var accs []graph.Account
		for _, a := range in.accounts {
			accs = append(accs, a)
		}
		var cs []graph.Claim
		for _, c := range in.claims {
			cs = append(cs, c)
		}
		b, err := in.engine.Rebuild(ctx, accs, cs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for acc, ev := range b.Assign {
			if got := in.accounts[acc].EventID; got == nil || *got != ev {
				t.Errorf("rebuild puts %s in another event", in.describe(in.accounts[acc]))
			}
		}
		want := map[uuid.UUID]bool{}
		for _, l := range in.linksAll(t, ctx) {
			want[l.ID] = true
		}
		for _, l := range b.Links {
			if !want[l.ID] {
				t.Errorf("rebuild adds link %s %s %s", in.file[in.claims[l.From].DocumentID], l.Relation, in.file[in.claims[l.To].DocumentID])
			}
			delete(want, l.ID)
		}
		if len(want) > 0 {
			t.Errorf("rebuild lacks %d links", len(want))
		}
	})
}

func (in *ingested) linksAll(t *testing.T, ctx context.Context) []graph.Link {
	seen := map[uuid.UUID]bool{}
	var out []graph.Link
	ids := make([]uuid.UUID, 0, len(in.claims))
	for id := range in.claims {
		ids = append(ids, id)
	}
	sortIDs(ids)
	for _, id := range ids {
		ls, err := in.st.ClaimLinks(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			if !seen[l.ID] {
				seen[l.ID] = true
				out = append(out, l)
			}
		}
	}
	return out
}

func (in *ingested) linkSnapshot(t *testing.T, ctx context.Context) string {
	var lines []string
	for _, l := range in.linksAll(t, ctx) {
		lines = append(lines, fmt.Sprintf("%s %q %s %s %q", in.file[in.claims[l.From].DocumentID], in.claims[l.From].Speaker.Name,
			l.Relation, in.file[in.claims[l.To].DocumentID], in.claims[l.To].Speaker.Name))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func checkQusur(t *testing.T, in *ingested) {
	// The letter's account with a day date (its Qusur strike).
	ev, ok := in.eventWhere(func(a graph.Account) bool {
		return in.file[a.DocumentID] == "s-2017-893.txt" && a.Date != nil && a.Date.Precision == graph.PrecisionDay
	})
	if !ok {
		t.Fatalf("no dated account of the letter")
	}
	for _, a := range in.events[ev] {
		if a.Date != nil && !strings.HasPrefix(a.Date.From, "2017-10-2") {
			t.Errorf("event holds %s", in.describe(a))
		}
	}
	want := [][2]string{
		{"s-2017-893.txt", "Government"}, {"state-tv-2017-10-23.txt", "television"},
		{"wire-2017-10-24.txt", "Observatory"}, {"wire-2017-10-24.txt", "government source"}, {"wire-2017-10-24.txt", "Dillon"},
		{"sohr-2017-10-24.txt", "Observatory"}, {"local-networks-2017-10-24.txt", "Deir Ezzor 24"},
		{"local-networks-2017-10-24.txt", "Euphrates"}, {"local-networks-2017-10-24.txt", "pro-government"},
		{"coalition-2017-10-25.txt", ""},
	}
	have := map[string]bool{}
	for _, a := range in.events[ev] {
		for _, wnt := range want {
			if in.file[a.DocumentID] == wnt[0] && strings.Contains(strings.ToLower(a.Speaker.Name), strings.ToLower(wnt[1])) {
				have[wnt[0]+"/"+wnt[1]] = true
			}
		}
	}
	for _, wnt := range want {
		if !have[wnt[0]+"/"+wnt[1]] {
			t.Errorf("the Qusur event lacks %s's account by %q; it holds:\n  %s", wnt[0], wnt[1], in.eventLines(ev))
		}
	}
	accs := in.events[ev]
	claims := in.claimsMap(accs)
	conf := map[string]graph.Conflict{}
	for _, c := range Conflicts(accs, claims, in.w) {
		conf[c.Attribute] = c
	}
	numbers := func(attr string) map[float64]graph.ConflictValue {
		out := map[float64]graph.ConflictValue{}
		for _, v := range conf[attr].Values {
			if f, ok := v.Value.(float64); ok {
				out[f] = v
			}
		}
		return out
	}
	killed := numbers(AttrKilled)
	for _, k := range []float64{14, 15, 20, 22, 24, 25} {
		if _, ok := killed[k]; !ok {
			t.Errorf("killed conflict lacks %g: %+v", k, conf[AttrKilled].Values)
		}
	}
	if !Conflicting(conf[AttrKilled]) {
		t.Errorf("killed figures not in conflict: %v", conf[AttrKilled].Groups)
	}
	injured := numbers(AttrInjured)
	for _, k := range []float64{30, 32, 40, 50} {
		if _, ok := injured[k]; !ok {
			t.Errorf("injured conflict lacks %g", k)
		}
	}
	// The Observatory's 24 revises its 22.
	if v, ok := killed[22]; !ok || v.RevisedBy == nil || in.file[in.claims[*v.RevisedBy].DocumentID] != "sohr-2017-10-24.txt" {
		t.Errorf("the Observatory's 22 is not revised by its report of 24: %+v", v)
	}
	if v := killed[14]; v.RevisedBy != nil {
		t.Errorf("14 marked revised")
	}
	// Perpetrators: coalition, Russia, the Syrian government, an unknown
	// party, and the coalition's denial.
	roots := map[string]bool{}
	denied := false
	unknown := false
	for _, v := range conf[AttrPerpetrator].Values {
		name := fmt.Sprint(v.Value)
		if v.Polarity == graph.Denied {
			denied = denied || strings.Contains(strings.ToLower(name), "coalition")
			continue
		}
		if strings.Contains(strings.ToLower(name), "unknown") || strings.Contains(strings.ToLower(name), "unidentified") {
			unknown = true
		}
		roots[strings.ToLower(name)] = true
	}
	joined := fmt.Sprint(roots)
	for _, p := range []string{"coalition", "russia", "syria"} {
		if !strings.Contains(joined, p) {
			t.Errorf("perpetrators lack %s: %s", p, joined)
		}
	}
	if !unknown || !denied {
		t.Errorf("perpetrators: unknown=%v coalition denial=%v in %+v", unknown, denied, conf[AttrPerpetrator].Values)
	}
	if !Conflicting(conf[AttrPerpetrator]) {
		t.Errorf("perpetrators not in conflict")
	}
	// The government-side sources are one independence group.
	src := Sources(accs, claims, in.docs, in.w)
	groups := map[string]uuid.UUID{}
	for _, e := range src {
		switch {
		case e.Document == in.docID("s-2017-893.txt"):
			groups["letter"] = e.Group
		case e.Document == in.docID("state-tv-2017-10-23.txt"):
			groups["tv"] = e.Group
		case strings.Contains(e.Speaker.Name, "government source"):
			groups["anon"] = e.Group
		case strings.Contains(e.Speaker.Name, "Observatory"):
			groups["sohr"] = e.Group
		}
	}
	if groups["letter"] == uuid.Nil || groups["letter"] != groups["tv"] || groups["tv"] != groups["anon"] {
		t.Errorf("government-side sources in different groups: %v", groups)
	}
	if groups["sohr"] == groups["letter"] {
		t.Errorf("the Observatory counted with the government")
	}
	if g := Grade(accs, claims, nil, in.w); g.Grade != graph.GradeContested {
		t.Errorf("grade %s %q", g.Grade, g.Reasons)
	}
	// The coalition's statement disputes the letter.
	disputes := false
	for _, l := range Links(accs, claims, in.w, time.Time{}) {
		if l.Relation == graph.RelDisputes && in.claims[l.From].DocumentID == in.docID("coalition-2017-10-25.txt") &&
			in.claims[l.To].DocumentID == in.docID("s-2017-893.txt") {
			disputes = true
		}
	}
	if !disputes {
		t.Errorf("no link: the coalition statement disputes the letter")
	}
}

func checkRaqqa(t *testing.T, ctx context.Context, in *ingested) {
	ev, ok := in.eventWhere(func(a graph.Account) bool { return in.file[a.DocumentID] == "ru-mod-2017-10-22.txt" })
	if !ok {
		t.Fatal("no Russian MoD account")
	}
	docs := map[string]bool{}
	for _, a := range in.events[ev] {
		docs[in.file[a.DocumentID]] = true
	}
	for _, f := range []string{"s-2017-893.txt", "sohr-raqqa-2017-10-07.txt", "coalition-2017-10-28.txt"} {
		if !docs[f] {
			t.Errorf("the Raqqa event lacks %s: %s", f, in.eventLines(ev))
		}
	}
	accs := in.events[ev]
	claims := in.claimsMap(accs)
	var killed graph.Conflict
	for _, c := range Conflicts(accs, claims, in.w) {
		if c.Attribute == AttrKilled {
			killed = c
		}
	}
	has1117, hasThousands := false, false
	for _, v := range killed.Values {
		if f, ok := v.Value.(float64); ok && f == 1117 {
			has1117 = true
		}
		if strings.Contains(strings.ToLower(v.Text), "thousands") {
			hasThousands = true
		}
	}
	if !has1117 || !hasThousands || !Conflicting(killed) {
		t.Errorf("Raqqa killed: %+v groups %v", killed.Values, killed.Groups)
	}
	// "wiped ... off the face of the earth": first in the briefing,
	// repeated by the letter.
	links := in.linksAll(t, ctx)
	found := false
	for _, l := range links {
		if l.Relation != graph.RelRepeats || in.claims[l.From].DocumentID != in.docID("s-2017-893.txt") ||
			!strings.Contains(in.claims[l.From].Text, "face of the earth") {
			continue
		}
		found = true
		p := Provenance(in.claims[l.From], in.docs[in.docID("s-2017-893.txt")], links, in.claims, in.docs)
		if p.First.Document != in.docID("ru-mod-2017-10-22.txt") {
			t.Errorf("first appearance %s", in.file[p.First.Document])
		}
	}
	if !found {
		t.Errorf("no repeats link from the letter's \"face of the earth\" claim")
	}
	// The evacuation is a single-source event.
	evac := uuid.Nil
	for id, as := range in.events {
		for _, a := range as {
			if a.Type == graph.EventEvacuation {
				evac = id
			}
		}
	}
	if evac == uuid.Nil || len(in.events[evac]) != 1 {
		t.Errorf("evacuation event: %s", in.eventLines(evac))
	} else if g := Grade(in.events[evac], in.claimsMap(in.events[evac]), nil, in.w); g.Grade != graph.GradeWeak {
		t.Errorf("evacuation grade %s", g.Grade)
	}
}

func (in *ingested) docID(file string) uuid.UUID {
	for id, f := range in.file {
		if f == file {
			return id
		}
	}
	return uuid.Nil
}

func (in *ingested) eventLines(ev uuid.UUID) string {
	var ls []string
	for _, a := range in.events[ev] {
		ls = append(ls, in.describe(a))
	}
	sort.Strings(ls)
	return strings.Join(ls, "\n  ")
}
