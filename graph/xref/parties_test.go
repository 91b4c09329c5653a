package xref

import (
	"fmt"
	"sort"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// TestPartyConflicts runs the rule cases of testdata/parties.json: which
// perpetrators the gazetteer's affiliation and member_of links make one
// answer, and which stay a conflict of blame.
func TestPartyConflicts(t *testing.T) {
	g := gazetteer.Default()
	w := NewWorld(g)
	var spec struct {
		Cases []struct {
			Name     string `json:"name"`
			Accounts []struct {
				Parties []string `json:"parties"`
				Denied  bool     `json:"denied"`
				Cleared []string `json:"cleared"`
				Doc     string   `json:"doc"`
				Speaker string   `json:"speaker"`
			} `json:"accounts"`
			Conflicting bool `json:"conflicting"`
		} `json:"cases"`
	}
	readJSON(t, "testdata/parties.json", &spec)
	attribution := func(t *testing.T, key string, pol graph.Polarity) graph.Attribution {
		e, ok := g.ByKey(key)
		if !ok {
			t.Fatalf("no gazetteer entry %q", key)
		}
		return graph.Attribution{Entity: e.Ref(), Text: e.Name, Polarity: pol}
	}
	for _, c := range spec.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var accs []graph.Account
			for i, a := range c.Accounts {
				pol := graph.Affirmed
				if a.Denied {
					pol = graph.Denied
				}
				acc := graph.Account{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint(c.Name, i))), Polarity: graph.Affirmed,
					Speaker: graph.EntityRef{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("speaker", i)))}}
				if a.Doc != "" {
					acc.DocumentID = uuid.NewSHA1(uuid.Nil, []byte("doc "+a.Doc))
				}
				if a.Speaker != "" {
					acc.Speaker = attribution(t, a.Speaker, graph.Affirmed).Entity
				}
				p := attribution(t, a.Parties[0], pol)
				acc.Perpetrator = &p
				for _, k := range a.Parties[1:] {
					acc.CoPerpetrators = append(acc.CoPerpetrators, attribution(t, k, pol))
				}
				for _, k := range a.Cleared {
					acc.CoPerpetrators = append(acc.CoPerpetrators, attribution(t, k, graph.Denied))
				}
				accs = append(accs, acc)
			}
			got := perpetratorOf(Conflicts(accs, nil, w))
			rev := append([]graph.Account(nil), accs...)
			sort.Slice(rev, func(i, j int) bool { return i > j })
			if fmt.Sprint(perpetratorOf(Conflicts(rev, nil, w))) != fmt.Sprint(got) {
				t.Errorf("perpetrator conflict depends on account order")
			}
			if Conflicting(got) != c.Conflicting {
				t.Errorf("conflicting = %v, want %v (values %v, groups %v)", Conflicting(got), c.Conflicting, got.Values, got.Groups)
			}
		})
	}
}

func perpetratorOf(cs []graph.Conflict) graph.Conflict {
	for _, c := range cs {
		if c.Attribute == AttrPerpetrator {
			return c
		}
	}
	return graph.Conflict{}
}
