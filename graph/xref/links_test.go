package xref

import (
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
