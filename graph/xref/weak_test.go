package xref

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// weakCases is testdata/weak.json: a fixture (entities and accounts),
// pairs for Match and events for Conflicts.
type weakCases struct {
	fixture
	Pairs []struct {
		A, B      string
		OK        bool   `json:"ok"`
		Different bool   `json:"different"`
		Reason    string `json:"reason"`
	} `json:"pairs"`
	Conflicts []struct {
		Name    string           `json:"name"`
		Members []string         `json:"members"`
		Expect  []conflictExpect `json:"expect"`
	} `json:"conflicts"`
}

func loadWeak(t *testing.T) (weakCases, *World, []graph.Account) {
	t.Helper()
	var wc weakCases
	readJSON(t, "testdata/weak.json", &wc)
	w := wc.world()
	accs, _ := wc.accounts(t, w)
	for i := range accs {
		accs[i].Keys = Keys(accs[i], w)
	}
	return wc, w, accs
}

// TestWeakMatch matches the pairs both ways, and checks that every pair
// accepted across documents is a candidate by key (same-document pairs
// are always compared).
func TestWeakMatch(t *testing.T) {
	wc, w, accs := loadWeak(t)
	for _, p := range wc.Pairs {
		t.Run(p.A+"-"+p.B, func(t *testing.T) {
			a, b := byKey(t, accs, p.A), byKey(t, accs, p.B)
			for _, swap := range []bool{false, true} {
				x, y := a, b
				if swap {
					x, y = b, a
				}
				v := match(x, y, w)
				if v.ok != p.OK || v.different != p.Different {
					t.Errorf("swap=%v: ok=%v different=%v score=%.2f, want ok=%v different=%v; reasons %q",
						swap, v.ok, v.different, v.score, p.OK, p.Different, v.reasons)
				}
				if p.Reason != "" && !strings.Contains(strings.Join(v.reasons, "; "), p.Reason) {
					t.Errorf("reasons %q lack %q", v.reasons, p.Reason)
				}
				if v.ok && x.DocumentID != y.DocumentID && !Candidates(x, y, w) {
					t.Errorf("accepted but not candidates: %q / %q", x.Keys, y.Keys)
				}
			}
		})
	}
}

// TestWeakKeysCoverMatches checks blocking soundness over the whole
// fixture: every pair of different documents Match accepts shares a key.
func TestWeakKeysCoverMatches(t *testing.T) {
	_, w, accs := loadWeak(t)
	accepted := 0
	for i := range accs {
		for j := i + 1; j < len(accs); j++ {
			if accs[i].DocumentID == accs[j].DocumentID {
				continue
			}
			if v := match(accs[i], accs[j], w); v.ok {
				accepted++
				if !Candidates(accs[i], accs[j], w) {
					t.Errorf("%s and %s match (%q) but are not candidates", accs[i].Speaker.Name, accs[j].Speaker.Name, v.reasons)
				}
			}
		}
	}
	if accepted < 10 {
		t.Fatalf("only %d accepted pairs: fixture too weak", accepted)
	}
}

func TestWeakConflicts(t *testing.T) {
	wc, w, _ := loadWeak(t)
	accs, claims := wc.accounts(t, w)
	for _, cs := range wc.Conflicts {
		t.Run(cs.Name, func(t *testing.T) {
			var members []graph.Account
			for _, k := range cs.Members {
				members = append(members, byKey(t, accs, k))
			}
			got := Conflicts(members, claims, w)
			rev := append([]graph.Account(nil), members...)
			sort.Slice(rev, func(i, j int) bool { return i > j })
			if fmt.Sprint(Conflicts(rev, claims, w)) != fmt.Sprint(got) {
				t.Errorf("conflicts depend on account order")
			}
			byAttr := map[string]graph.Conflict{}
			for _, c := range got {
				byAttr[c.Attribute] = c
			}
			for _, ex := range cs.Expect {
				c, ok := byAttr[ex.Attribute]
				if !ok {
					t.Errorf("no %s values in %v", ex.Attribute, got)
					continue
				}
				checkConflict(t, c, ex)
			}
		})
	}
}

// checkConflict compares one attribute's values and groups with what a
// fixture expects.
func checkConflict(t *testing.T, c graph.Conflict, ex conflictExpect) {
	t.Helper()
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
		t.Errorf("%s: values %q, want %q", ex.Attribute, labels, want)
		return
	}
	if Conflicting(c) != ex.Conflicting {
		t.Errorf("%s: conflicting = %v, groups %v", ex.Attribute, Conflicting(c), c.Groups)
	}
	groupOf := map[int]int{}
	for g, ms := range c.Groups {
		for _, m := range ms {
			groupOf[m] = g
		}
	}
	for _, p := range ex.Apart {
		if groupOf[idx[p[0]]] == groupOf[idx[p[1]]] {
			t.Errorf("%s: %s and %s in one group: %v", ex.Attribute, p[0], p[1], c.Groups)
		}
	}
	for _, p := range ex.Together {
		if groupOf[idx[p[0]]] != groupOf[idx[p[1]]] {
			t.Errorf("%s: %s and %s apart: %v", ex.Attribute, p[0], p[1], c.Groups)
		}
	}
}
