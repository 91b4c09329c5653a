package xref

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/gen"
)

// legacyKeys are the keys of KeyFormat "1": place keys by month for every
// window, the other keys as Keys gives them.
func legacyKeys(a graph.Account, w *World) []string {
	win, _ := eventWindow(a)
	set := map[string]bool{}
	for _, k := range Keys(a, w) {
		i := strings.LastIndex(k, ":")
		if (strings.HasPrefix(k, keyAtPrefix) || strings.HasPrefix(k, keyInPrefix)) && len(k)-i-1 == len(dayLayout) {
			for _, m := range win.months(MonthKeyMax) {
				set[k[:i+1]+m] = true
			}
			continue
		}
		set[k] = true
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// generated extracts a generated corpus.
func generated(t *testing.T, g *gazetteer.Gazetteer, o gen.Options) []*graph.Extraction {
	t.Helper()
	docs, _, err := gen.All(o)
	if err != nil {
		t.Fatal(err)
	}
	ex := extract.New(g)
	xs := make([]*graph.Extraction, 0, len(docs))
	for _, d := range docs {
		x, err := ex.Extract(d.Input)
		if err != nil {
			t.Fatalf("extract %s: %v", d.File, err)
		}
		xs = append(xs, x)
	}
	return xs
}

func clusterSets(cs []Cluster) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.EventID().String()
	}
	sort.Strings(out)
	return out
}

// TestKeysSameEventsAsMonthKeys checks on a generated corpus that every
// pair Match accepts is a candidate with day keys exactly when it is with
// month keys, that resolution finds the same events with either, and that
// day keys give far fewer candidates that Match rejects. The corpus's
// events fall in 60 days: as dense as 16,000 documents over nine years.
func TestKeysSameEventsAsMonthKeys(t *testing.T) {
	g := gazetteer.Default()
	w := NewWorld(g)
	var now, old []graph.Account
	for _, x := range generated(t, g, gen.Options{Docs: 300, Seed: 5, Days: 60}) {
		wx := w.With(x.Entities...)
		PrepareAccounts(x, wx)
		w = wx
		for _, a := range x.Accounts {
			now = append(now, a)
			a.Keys = legacyKeys(a, w)
			old = append(old, a)
		}
	}
	accepted, candNow, candOld, short := 0, 0, 0, 0
	for i := range now {
		if win, ok := eventWindow(now[i]); ok && !win.longerThan(ShortWindowDays) {
			short++
		}
		for j := i + 1; j < len(now); j++ {
			cn, co := Candidates(now[i], now[j], w), Candidates(old[i], old[j], w)
			v := match(now[i], now[j], w)
			if v.ok {
				accepted++
				if cn != co {
					t.Errorf("accounts %s and %s match (%q); candidates with day keys %v, with month keys %v: %q / %q",
						now[i].ID, now[j].ID, v.reasons, cn, co, now[i].Keys, now[j].Keys)
				}
				continue
			}
			if cn {
				candNow++
			}
			if co {
				candOld++
			}
		}
	}
	t.Logf("%d accounts (%d with a short window), %d pairs accepted; candidate pairs Match rejects: month keys %d, day keys %d", len(now), short, accepted, candOld, candNow)
	if accepted < 100 || short < len(now)/2 {
		t.Fatalf("corpus too weak: %d pairs accepted, %d short windows", accepted, short)
	}
	if candNow*2 > candOld {
		t.Errorf("day keys give %d candidate pairs Match rejects, month keys %d: expected far fewer", candNow, candOld)
	}
	if a, b := clusterSets(Resolve(now, nil, w)), clusterSets(Resolve(old, nil, w)); !reflect.DeepEqual(a, b) {
		t.Errorf("events differ: %d with day keys, %d with month keys", len(a), len(b))
	}
}
