package xref

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

type conflictExpect struct {
	Attribute   string            `json:"attribute"`
	Values      []string          `json:"values"`
	Conflicting bool              `json:"conflicting"`
	Revised     map[string]string `json:"revised"` // value -> account key of the revising claim
	Apart       [][2]string       `json:"apart"`
	Together    [][2]string       `json:"together"`
}

// label names a conflict value as the fixtures do: "10", "at_least 12",
// "international coalition (negative)".
func label(v graph.ConflictValue) string {
	switch x := v.Value.(type) {
	case float64:
		if v.Bound == graph.BoundExact {
			return fmt.Sprintf("%g", x)
		}
		return fmt.Sprintf("%s %g", v.Bound, x)
	case string:
		if v.Polarity == graph.Denied {
			return x + " (negative)"
		}
		return x
	}
	return fmt.Sprint(v.Value)
}

func TestConflicts(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/strikes.json")
	var spec struct {
		Members []string         `json:"members"`
		Expect  []conflictExpect `json:"expect"`
	}
	readJSON(t, "testdata/conflicts.json", &spec)
	var members []graph.Account
	for _, k := range spec.Members {
		members = append(members, byKey(t, accs, k))
	}
	got := Conflicts(members, claims, w)
	// Order independence.
	rev := append([]graph.Account(nil), members...)
	sort.Slice(rev, func(i, j int) bool { return i > j })
	if fmt.Sprint(Conflicts(rev, claims, w)) != fmt.Sprint(got) {
		t.Errorf("conflicts depend on account order")
	}
	byAttr := map[string]graph.Conflict{}
	for _, c := range got {
		byAttr[c.Attribute] = c
	}
	for _, ex := range spec.Expect {
		t.Run(ex.Attribute, func(t *testing.T) {
			c, ok := byAttr[ex.Attribute]
			if !ok {
				t.Fatalf("no %s conflict in %v", ex.Attribute, got)
			}
			idx := map[string]int{}
			var labels []string
			for i, v := range c.Values {
				idx[label(v)] = i
				labels = append(labels, label(v))
			}
			sort.Strings(labels)
			want := append([]string(nil), ex.Values...)
			sort.Strings(want)
			if fmt.Sprint(labels) != fmt.Sprint(want) {
				t.Fatalf("values %q, want %q", labels, want)
			}
			if Conflicting(c) != ex.Conflicting {
				t.Errorf("conflicting = %v, groups %v", Conflicting(c), c.Groups)
			}
			groupOf := map[int]int{}
			n := 0
			for g, ms := range c.Groups {
				for _, m := range ms {
					groupOf[m] = g
					n++
				}
			}
			if n != len(c.Values) {
				t.Errorf("groups %v do not partition %d values", c.Groups, len(c.Values))
			}
			for _, p := range ex.Apart {
				if groupOf[idx[p[0]]] == groupOf[idx[p[1]]] {
					t.Errorf("%s and %s in one group: %v", p[0], p[1], c.Groups)
				}
			}
			for _, p := range ex.Together {
				if groupOf[idx[p[0]]] != groupOf[idx[p[1]]] {
					t.Errorf("%s and %s apart: %v", p[0], p[1], c.Groups)
				}
			}
			for i, v := range c.Values {
				by, want := v.RevisedBy, ex.Revised[label(v)]
				switch {
				case want == "" && by != nil:
					t.Errorf("%s marked revised", label(v))
				case want != "" && (by == nil || !contains(byKey(t, accs, want).Claims, *by)):
					t.Errorf("%s (value %d) revised by %v, want a claim of %s", label(v), i, by, want)
				}
				if len(v.Claims) == 0 || len(v.Accounts) == 0 || len(v.Sources) == 0 {
					t.Errorf("%s lacks claims, accounts or sources", label(v))
				}
			}
		})
	}
}

func contains(ids []uuid.UUID, id uuid.UUID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// conflictOn returns the values the accounts give for one attribute.
func conflictOn(t *testing.T, attr string, claims map[uuid.UUID]graph.Claim, w *World, members ...graph.Account) graph.Conflict {
	t.Helper()
	for _, c := range Conflicts(members, claims, w) {
		if c.Attribute == attr {
			return c
		}
	}
	t.Fatalf("no %s values", attr)
	return graph.Conflict{}
}

// TestSupersededAgainstOthers: a source's superseded count that another
// source's figure contradicts is a value in conflict (labels list the
// council's 38, revised to 43, against the mission's "at least 42"); one
// that only its own revision contradicts is not (cross-referencing round
// 47).
func TestSupersededAgainstOthers(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/superseded.json")
	c1, c2, m1 := byKey(t, accs, "c1"), byKey(t, accs, "c2"), byKey(t, accs, "m1")
	killed := func(members ...graph.Account) graph.Conflict { return conflictOn(t, AttrKilled, claims, w, members...) }
	c := killed(c1, c2, m1)
	if !Conflicting(c) {
		t.Errorf("the council's superseded 38 against the mission's at least 42: no conflict, groups %v", c.Groups)
	}
	revised := 0
	for _, v := range c.Values {
		if v.RevisedBy != nil {
			revised++
		}
	}
	if revised != 1 {
		t.Errorf("%d values revised, want the 38: %+v", revised, c.Values)
	}
	if c := killed(c1, c2); Conflicting(c) {
		t.Errorf("a count revised by its own source alone: conflict, groups %v", c.Groups)
	}
}

// TestPartitiveFigures: a figure counting part of a group its claim names
// ("12 of the injured were flown to the capital") says the group is at
// least that large: it conflicts with no larger toll of the group, nor
// disputes it; a figure naming whom it counts, or the toll itself, is
// compared as given (cross-referencing round 47).
func TestPartitiveFigures(t *testing.T) {
	num := func(f float64) *float64 { return &f }
	claims := map[uuid.UUID]graph.Claim{}
	account := func(key, doc, published, speaker, text, fig string, value float64, who string) graph.Account {
		sp := graph.EntityRef{ID: tid("partitive-speaker:" + speaker), Name: speaker}
		c := graph.Claim{ID: tid("partitive-claim:" + key), DocumentID: tid("partitive-doc:" + doc), Text: text,
			Span: graph.Span{Start: 100, End: 100 + len([]rune(text))}, Speaker: sp, Polarity: graph.Affirmed, Kind: graph.ClaimFact}
		claims[c.ID] = c
		i := strings.Index(text, fig)
		if i < 0 {
			t.Fatalf("%q not in %q", fig, text)
		}
		start := 100 + len([]rune(text[:i]))
		return graph.Account{ID: tid("partitive-acc:" + key), DocumentID: c.DocumentID, Published: published, Speaker: sp,
			Type: graph.EventAirstrike, Polarity: graph.Affirmed, Claims: []uuid.UUID{c.ID},
			Values: []graph.Value{{Attribute: AttrInjured, Value: num(value), Bound: graph.BoundExact, Text: fig, Who: who,
				Span: graph.Span{Start: start, End: start + len([]rune(fig))}}}}
	}
	medic := account("medic", "wire", "2022-03-02", "medic", "A medic said 12 of the injured were flown to the capital.", "12", 12, "")
	agency := account("agency", "agency", "2022-03-03", "relief agency", "The relief agency counted 45 injured.", "45", 45, "")
	nurse := account("nurse", "radio", "2022-03-03", "nurse", "A nurse said 30 people were injured.", "30", 30, "")
	w := NewWorld(nil)
	injured := func(members ...graph.Account) graph.Conflict {
		return conflictOn(t, AttrInjured, claims, w, members...)
	}
	if c := injured(medic, agency); Conflicting(c) {
		t.Errorf("12 of the injured against 45 injured: conflict, groups %v", c.Groups)
	}
	for _, l := range Links([]graph.Account{medic, agency}, claims, w, time.Time{}) {
		if l.Relation == graph.RelDisputes {
			t.Errorf("12 of the injured disputes 45 injured: %+v", l)
		}
	}
	if c := injured(nurse, agency); !Conflicting(c) {
		t.Errorf("30 injured against 45 injured: no conflict")
	}
}
