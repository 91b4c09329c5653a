package xref

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

type linkSpec struct {
	From, To, Relation, Attribute, Reason string
	MaxScore                              float64 `json:"max_score"`
}

func TestLinks(t *testing.T) {
	checkLinks(t, "testdata/strikes.json", "testdata/links.json")
}

// TestDenialLinks: a denial of the event as others tell it disputes their
// accounts (cross-referencing round 21); the party a denial blames instead
// is not a party it clears.
func TestDenialLinks(t *testing.T) {
	checkLinks(t, "testdata/denials.json", "testdata/denial_links.json")
}

// checkLinks computes the links between the members of the fixture in
// fixturePath and checks them against the expected and absent links of
// specPath.
func checkLinks(t *testing.T, fixturePath, specPath string) {
	t.Helper()
	_, w, accs, claims := loadFixture(t, fixturePath)
	var spec struct {
		Members []string   `json:"members"`
		Expect  []linkSpec `json:"expect"`
		Absent  []linkSpec `json:"absent"`
	}
	readJSON(t, specPath, &spec)
	var members []graph.Account
	for _, k := range spec.Members {
		members = append(members, byKey(t, accs, k))
	}
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	links := Links(members, claims, w, now)
	find := func(s linkSpec) *graph.Link {
		from, to := byKey(t, accs, s.From).Claims[0], byKey(t, accs, s.To).Claims[0]
		for i, l := range links {
			if l.From == from && l.To == to && l.Relation == s.Relation {
				return &links[i]
			}
		}
		return nil
	}
	for _, s := range spec.Expect {
		l := find(s)
		if l == nil {
			t.Errorf("no %s %s %s", s.From, s.Relation, s.To)
			continue
		}
		if s.Attribute != "" && l.Attribute != s.Attribute || !strings.Contains(l.Reason, s.Reason) || l.Origin != "computed" || l.Author != LinkAuthor || !l.CreatedAt.Equal(now) {
			t.Errorf("%s %s %s: %+v", s.From, s.Relation, s.To, *l)
		}
		if s.MaxScore > 0 && l.Score > s.MaxScore {
			t.Errorf("%s %s %s: score %.2f above %.2f (same independence group)", s.From, s.Relation, s.To, l.Score, s.MaxScore)
		}
		if l.ID != LinkID(l.From, l.To, l.Relation) {
			t.Errorf("link id not deterministic")
		}
	}
	for _, s := range spec.Absent {
		if l := find(s); l != nil {
			t.Errorf("unexpected %s %s %s: %s", s.From, s.Relation, s.To, l.Reason)
		}
	}
	// Order independence.
	rev := make([]graph.Account, len(members))
	for i := range members {
		rev[len(members)-1-i] = members[i]
	}
	again := Links(rev, claims, w, now)
	if len(again) != len(links) {
		t.Fatalf("%d links reversed, %d forward", len(again), len(links))
	}
	for i := range links {
		if links[i].ID != again[i].ID || links[i].Reason != again[i].Reason {
			t.Errorf("link %d differs: %+v / %+v", i, links[i], again[i])
		}
	}
}

func TestReuse(t *testing.T) {
	var cases []struct {
		Name  string
		A, B  string
		OK    bool `json:"ok"`
		Run   string
		MaskA []string `json:"mask_a"`
		MaskB []string `json:"mask_b"`
	}
	readJSON(t, "testdata/reuse.json", &cases)
	mk := func(key, text string, masks []string) graph.Claim {
		c := graph.Claim{ID: tid(key), DocumentID: tid("doc:" + key), Text: text, Span: graph.Span{Start: 1000, End: 1000 + len([]rune(text))}}
		for _, m := range masks {
			i := strings.Index(text, m)
			if i < 0 {
				t.Fatalf("%q not in %q", m, text)
			}
			s := 1000 + len([]rune(text[:i]))
			c.Mentions = append(c.Mentions, graph.Mention{Text: m, Span: graph.Span{Start: s, End: s + len([]rune(m))}})
		}
		return c
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			a, b := mk("a", c.A, c.MaskA), mk("b", c.B, c.MaskB)
			run, share, ok := Reuse(a, b)
			if ok != c.OK {
				t.Errorf("ok = %v (run %q, share %.2f)", ok, run, share)
			}
			if c.Run != "" && run != c.Run {
				t.Errorf("run %q, want %q", run, c.Run)
			}
		})
	}
}

// TestReuseLinks: which way a repeats link runs between two claims of
// documents, and when there is none (cross-referencing round 21).
func TestReuseLinks(t *testing.T) {
	type side struct {
		Doc       string         `json:"doc"`
		Published string         `json:"published"`
		Speaker   string         `json:"speaker"`
		Reported  bool           `json:"reported"`
		Polarity  graph.Polarity `json:"polarity"`
		Text      string         `json:"text"`
	}
	var cases []struct {
		Name string
		A, B side
		Want string
	}
	readJSON(t, "testdata/reuse_links.json", &cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			pub := map[uuid.UUID]string{}
			mk := func(key string, s side) graph.Claim {
				pol := s.Polarity
				if pol == "" {
					pol = graph.Affirmed
				}
				cl := graph.Claim{ID: tid(c.Name + key), DocumentID: tid("doc:" + s.Doc), Text: s.Text,
					Span: graph.Span{Start: 0, End: len([]rune(s.Text))}, Speaker: graph.EntityRef{ID: tid(s.Speaker), Name: s.Speaker},
					Reported: s.Reported, Polarity: pol, Kind: graph.ClaimFact}
				pub[cl.DocumentID] = s.Published
				return cl
			}
			a, b := mk("a", c.A), mk("b", c.B)
			for _, order := range [][]graph.Claim{{a, b}, {b, a}} {
				l := &linker{links: map[uuid.UUID]graph.Link{}}
				reuseLinks(l, order, order, pub)
				got := "none"
				for _, k := range l.list() {
					switch {
					case k.From == a.ID && k.To == b.ID:
						got = "a->b"
					case k.From == b.ID && k.To == a.ID:
						got = "b->a"
					}
				}
				if n := len(l.list()); n > 1 {
					t.Errorf("%d links", n)
				}
				if got != c.Want {
					t.Errorf("got %s, want %s", got, c.Want)
				}
			}
		})
	}
}

// TestSelfRevisions: a speaker's revision told within one account
// (cross-referencing round 21): the current figure's claim revises the
// claim giving the earlier one, unless the toll is not told as risen, the
// earlier claim gives other figures too, or an earlier document of the
// speaker gives the earlier figure.
func TestSelfRevisions(t *testing.T) {
	monitor := graph.EntityRef{ID: tid("self-monitor"), Name: "Valley Monitor"}
	num := func(f float64) *float64 { return &f }
	// account builds an account of doc whose claims are texts; each
	// figure is (claim index, text of the figure, value).
	type fig struct {
		claim int
		text  string
		value float64
	}
	account := func(doc, published string, texts []string, figs []fig) (graph.Account, map[uuid.UUID]graph.Claim) {
		claims := map[uuid.UUID]graph.Claim{}
		a := graph.Account{ID: tid("self-acc:" + doc), DocumentID: tid("self-doc:" + doc), Published: published, Speaker: monitor,
			Type: graph.EventAirstrike, Polarity: graph.Affirmed}
		off := 0
		var cs []graph.Claim
		for i, tx := range texts {
			c := graph.Claim{ID: tid(fmt.Sprintf("self-claim:%s:%d", doc, i)), DocumentID: a.DocumentID, Text: tx,
				Span: graph.Span{Start: off, End: off + len(tx)}, Speaker: monitor, Polarity: graph.Affirmed, Kind: graph.ClaimFact}
			cs = append(cs, c)
			claims[c.ID] = c
			a.Claims = append(a.Claims, c.ID)
			off += len(tx) + 1
		}
		for _, f := range figs {
			c := cs[f.claim]
			i := strings.Index(c.Text, f.text)
			if i < 0 {
				t.Fatalf("%q not in %q", f.text, c.Text)
			}
			a.Values = append(a.Values, graph.Value{Attribute: AttrKilled, Value: num(f.value), Bound: graph.BoundExact, Text: f.text,
				Span: graph.Span{Start: c.Span.Start + i, End: c.Span.Start + i + len(f.text)}})
		}
		return a, claims
	}
	revises := func(accs []graph.Account, claims map[uuid.UUID]graph.Claim) []graph.Link {
		var out []graph.Link
		for _, l := range Links(accs, claims, NewWorld(nil), time.Time{}) {
			if l.Relation == graph.RelRevises {
				out = append(out, l)
			}
		}
		return out
	}
	rose := []string{"The monitor had recorded five deaths by noon.", "By evening the toll from the raid had risen to nine."}
	a, claims := account("bulletin", "2023-02-02", rose, []fig{{0, "five", 5}, {1, "nine", 9}})
	got := revises([]graph.Account{a}, claims)
	if len(got) != 1 || got[0].From != a.Claims[1] || got[0].To != a.Claims[0] {
		t.Errorf("toll risen within one bulletin: %+v", got)
	}
	// The earlier figure is no longer the monitor's: it does not
	// corroborate another speaker's five; the current nine disputes it.
	o, oc := account("other", "2023-02-02", []string{"Five people were killed, residents said."}, []fig{{0, "Five", 5}})
	o.Speaker = graph.EntityRef{ID: tid("self-residents"), Name: "residents"}
	for k, v := range oc {
		v.Speaker = o.Speaker
		claims[k] = v
	}
	both := Links([]graph.Account{a, o}, claims, NewWorld(nil), time.Time{})
	disputed := false
	for _, l := range both {
		if l.Relation == graph.RelCorroborates && (l.From == a.Claims[0] || l.To == a.Claims[0]) {
			t.Errorf("the monitor's earlier count corroborates: %+v", l)
		}
		disputed = disputed || l.Relation == graph.RelDisputes && (l.From == a.Claims[1] || l.To == a.Claims[1])
	}
	if !disputed {
		t.Errorf("the monitor's current nine does not dispute the residents' five: %+v", both)
	}
	for k := range oc {
		delete(claims, k)
	}
	// Told as fallen: no link (a lower figure may count other people).
	b, bc := account("fallen", "2023-02-02", []string{"The monitor had recorded twelve deaths by noon.", "Of the raiders, eleven died."},
		[]fig{{0, "twelve", 12}, {1, "eleven", 11}})
	if got := revises([]graph.Account{b}, bc); len(got) != 0 {
		t.Errorf("lower figure: %+v", got)
	}
	// The earlier claim gives an increment beside the count: no link.
	c, cc := account("increment", "2023-02-02", []string{"The monitor, which had earlier put the toll at seven, said four more died.", "The toll from the raid now stands at 14."},
		[]fig{{0, "seven", 7}, {0, "four", 4}, {1, "14", 14}})
	if got := revises([]graph.Account{c}, cc); len(got) != 0 {
		t.Errorf("increment: %+v", got)
	}
	// An earlier document of the monitor gave five: the revision runs
	// between the documents, not within the bulletin.
	e, ec := account("first", "2023-02-01", []string{"Five people died in the raid, the monitor said."}, []fig{{0, "Five", 5}})
	for k, v := range ec {
		claims[k] = v
	}
	for _, l := range revises([]graph.Account{a, e}, claims) {
		if l.To == a.Claims[0] {
			t.Errorf("revision within the bulletin though the first document gave five: %+v", l)
		}
	}
}

// TestRevisionLinks: a source's later figure revises its earlier one in
// another document when the two documents name the source differently
// (the anonymous "Government" of one State in two reports; a body's name
// with and without "of" the State it belongs to), not when two unnamed
// officials or two States' ministries speak; and a figure an earlier
// document of the source already gave is repeated, not revised, by a
// later one (cross-referencing round 47).
func TestRevisionLinks(t *testing.T) {
	checkLinks(t, "testdata/revisions.json", "testdata/revision_links.json")
}

// TestQuotedDenialReuse: a later report quoting, in quotation marks, words
// of an earlier denial that themselves deny nothing repeats the denier's
// wording; a denial quoting an allegation's words, or a quotation holding
// the negation, repeats nothing (cross-referencing round 48).
func TestQuotedDenialReuse(t *testing.T) {
	claim := func(key, doc, text string, pol graph.Polarity) graph.Claim {
		return graph.Claim{ID: tid("qdenial:" + key), DocumentID: tid("qdenial-doc:" + doc), Text: text,
			Span: graph.Span{Start: 0, End: len([]rune(text))}, Polarity: pol, Kind: graph.ClaimFact}
	}
	denial := claim("denial", "communique", "The dead of the raid are not civilians: they are fighters enlisted to wage war on the nation.", graph.Denied)
	alleged := claim("alleged", "monitor", "The raid killed farmers enlisted to harvest the valley's orchards.", graph.Affirmed)
	pub := map[uuid.UUID]string{denial.DocumentID: "2021-07-01", alleged.DocumentID: "2021-07-01"}
	cases := []struct {
		text    string
		pol     graph.Polarity
		earlier graph.Claim
		ok      bool
	}{
		{`The minister repeated that they were "fighters enlisted to wage war on the nation".`, graph.Affirmed, denial, true},
		{`The minister repeated that they were fighters enlisted to wage war on the nation, officials said.`, graph.Affirmed, denial, false},
		{`The minister repeated that the dead "are not civilians" at all.`, graph.Affirmed, denial, false},
		{`The ministry denied that the raid killed "farmers enlisted to harvest the valley's orchards".`, graph.Denied, alleged, false},
	}
	for i, c := range cases {
		later := claim(fmt.Sprint("later", i), fmt.Sprint("wire", i), c.text, c.pol)
		pub[later.DocumentID] = "2021-07-03"
		l := &linker{links: map[uuid.UUID]graph.Link{}}
		reuseLinks(l, []graph.Claim{later}, []graph.Claim{c.earlier}, pub)
		if got := len(l.list()) == 1; got != c.ok {
			t.Errorf("%q: repeats %v, want %v (%+v)", c.text, got, c.ok, l.list())
		}
	}
}

// TestQuotedReuse: a later report setting an earlier one's wording in
// quotation marks repeats it, however short the phrase, when it has
// QuotedMinContent content words and no figure; unquoted, or with fewer
// content words, or with a figure, a short phrase is no reuse
// (cross-referencing round 47).
func TestQuotedReuse(t *testing.T) {
	claim := func(key, doc, text string) graph.Claim {
		return graph.Claim{ID: tid("quoted:" + key), DocumentID: tid("quoted-doc:" + doc), Text: text,
			Span: graph.Span{Start: 0, End: len([]rune(text))}, Polarity: graph.Affirmed, Kind: graph.ClaimFact}
	}
	first := claim("first", "statement", "Our aircraft struck a camp of foreign mercenary bands east of the town and destroyed two vehicles.")
	pub := map[uuid.UUID]string{first.DocumentID: "2020-05-01"}
	cases := []struct {
		text string
		ok   bool
	}{
		{`A spokesman repeated that the raid had hit "foreign mercenary bands" and denied any civilian death.`, true},
		{`A spokesman repeated that the raid had hit foreign mercenary bands and denied any civilian death.`, false},
		{`A spokesman said the raid had hit "a camp" near the town.`, false},
		{`A spokesman said the raid "destroyed two vehicles" in all.`, false},
	}
	for i, c := range cases {
		later := claim(fmt.Sprint("later", i), fmt.Sprint("wire", i), c.text)
		if j := strings.Index(c.text, "two"); j >= 0 {
			later.Values = []graph.Value{{Attribute: "destroyed", Text: "two", Span: graph.Span{Start: j, End: j + 3}}}
		}
		pub[later.DocumentID] = "2020-05-02"
		l := &linker{links: map[uuid.UUID]graph.Link{}}
		reuseLinks(l, []graph.Claim{later}, []graph.Claim{first}, pub)
		if got := len(l.list()) == 1; got != c.ok {
			t.Errorf("%q: repeats %v, want %v (%+v)", c.text, got, c.ok, l.list())
		}
	}
}
