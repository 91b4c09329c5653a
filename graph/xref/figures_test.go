package xref

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// TestFigureConflicts runs the rule cases of testdata/figures.json: which
// figures of one event's accounts Conflicts groups apart, by attribute key.
func TestFigureConflicts(t *testing.T) {
	w := NewWorld(gazetteer.Default())
	var spec struct {
		Cases []struct {
			Name     string `json:"name"`
			Accounts []struct {
				Doc     string        `json:"doc"`
				Speaker string        `json:"speaker"`
				Type    string        `json:"type"`
				Values  []graph.Value `json:"values"`
			} `json:"accounts"`
			Expect map[string]*bool `json:"expect"`
		} `json:"cases"`
	}
	readJSON(t, "testdata/figures.json", &spec)
	if len(spec.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range spec.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var accs []graph.Account
			for i, a := range c.Accounts {
				acc := graph.Account{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint(c.Name, i))), Polarity: graph.Affirmed, Type: graph.EventType(a.Type),
					DocumentID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint(c.Name, "doc", i))),
					Speaker:    graph.EntityRef{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint(c.Name, "speaker", i)))}}
				if acc.Type == "" {
					acc.Type = graph.EventAirstrike
				}
				if a.Doc != "" {
					acc.DocumentID = uuid.NewSHA1(uuid.Nil, []byte("doc "+a.Doc))
				}
				if a.Speaker != "" {
					acc.Speaker = graph.EntityRef{ID: uuid.NewSHA1(uuid.Nil, []byte("speaker "+a.Speaker)), Name: a.Speaker}
				}
				for _, v := range a.Values {
					if v.Bound == "" {
						v.Bound = graph.BoundExact
					}
					acc.Values = append(acc.Values, v)
				}
				accs = append(accs, acc)
			}
			got := map[string]graph.Conflict{}
			for _, x := range Conflicts(accs, nil, w) {
				got[x.Attribute] = x
			}
			rev := append([]graph.Account(nil), accs...)
			sort.Slice(rev, func(i, j int) bool { return i > j })
			if fmt.Sprint(Conflicts(rev, nil, w)) != fmt.Sprint(Conflicts(accs, nil, w)) {
				t.Errorf("conflicts depend on account order")
			}
			for key, want := range c.Expect {
				x, ok := got[key]
				if want == nil {
					if ok {
						t.Errorf("%s listed: %v", key, x.Values)
					}
					continue
				}
				if !ok {
					t.Errorf("no %s in %v", key, got)
					continue
				}
				if Conflicting(x) != *want {
					t.Errorf("%s conflicting = %v, want %v (values %v, groups %v)", key, Conflicting(x), *want, x.Values, x.Groups)
				}
			}
		})
	}
}

// TestUnnamedCountLinks: figures tied to nothing named give no stance
// link, while a named figure of the same accounts does.
func TestUnnamedCountLinks(t *testing.T) {
	w := NewWorld(gazetteer.Default())
	claims := map[uuid.UUID]graph.Claim{}
	var accs []graph.Account
	for i, n := range []float64{2, 40000} {
		cid := uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("claim", i)))
		claims[cid] = graph.Claim{ID: cid}
		k, c := 16.0+float64(i), n
		accs = append(accs, graph.Account{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("account", i))), Polarity: graph.Affirmed, Type: graph.EventAirstrike,
			DocumentID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("doc", i))), Published: fmt.Sprintf("2018-07-0%d", i+1),
			Speaker: graph.EntityRef{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("speaker", i)))}, Claims: []uuid.UUID{cid},
			Values: []graph.Value{{Attribute: "killed", Value: &k, Bound: graph.BoundExact}, {Attribute: AttrCount, Value: &c, Bound: graph.BoundExact, Who: "people"}}})
	}
	var attrs []string
	for _, l := range Links(accs, claims, w, time.Unix(0, 0)) {
		attrs = append(attrs, l.Attribute)
	}
	if fmt.Sprint(attrs) != "[killed]" {
		t.Errorf("links on %v, want one on killed", attrs)
	}
}

// TestCivilianSplitLinks: a source counting civilians and fighters apart
// gives no dispute between its civilians and another's total, and its
// civilians still dispute another's civilians.
func TestCivilianSplitLinks(t *testing.T) {
	w := NewWorld(gazetteer.Default())
	claims := map[uuid.UUID]graph.Claim{}
	num := func(x float64) *float64 { return &x }
	mk := func(i int, vs ...graph.Value) graph.Account {
		cid := uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("split claim", i)))
		claims[cid] = graph.Claim{ID: cid}
		return graph.Account{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("split account", i))), Polarity: graph.Affirmed, Type: graph.EventExplosion,
			DocumentID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("split doc", i))), Published: fmt.Sprintf("2018-07-0%d", i+1),
			Speaker: graph.EntityRef{ID: uuid.NewSHA1(uuid.Nil, []byte(fmt.Sprint("split speaker", i)))}, Claims: []uuid.UUID{cid}, Values: vs}
	}
	split := mk(0, graph.Value{Attribute: "killed", Value: num(5), Bound: graph.BoundExact, Who: "civilians"},
		graph.Value{Attribute: "killed", Value: num(7), Bound: graph.BoundAtLeast, Who: "fighters"})
	total := mk(1, graph.Value{Attribute: "killed", Value: num(14), Bound: graph.BoundExact})
	civ := mk(2, graph.Value{Attribute: "killed", Value: num(3), Bound: graph.BoundExact, Who: "civilians"})
	if ls := Links([]graph.Account{split, total}, claims, w, time.Unix(0, 0)); len(ls) != 0 {
		t.Errorf("links between a split toll's civilians and a total: %v", ls)
	}
	ls := Links([]graph.Account{split, civ}, claims, w, time.Unix(0, 0))
	if len(ls) != 1 || ls[0].Relation != graph.RelDisputes || ls[0].Attribute != "killed civilians" {
		t.Errorf("links %v, want one dispute on killed civilians", ls)
	}
}
