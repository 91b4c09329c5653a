package xref

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestKeysLasting checks the lasting keys' shape: a siege, a capture and
// an evacuation at a known place below district rank are keyed by that
// place ("ls:siege:") and the places enclosing it below district rank
// ("lsi:siege:"), with no period; other types and places in a district
// or larger have none. A siege in a quarter queries the city's "ls:".
func TestKeysLasting(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/match9.json")
	lastingOf := func(key string) []string {
		var out []string
		for _, k := range Keys(byKey(t, accs, key), w) {
			if len(k) > 3 && (k[:3] == "ls:" || k[:4] == "lsi:") {
				out = append(out, k)
			}
		}
		return out
	}
	for key, want := range map[string][]string{
		"s1":   {"ls:siege:" + tid("town").String()},
		"cap1": {"ls:siege:" + tid("town").String()},
		"n1":   {"ls:siege:" + tid("quarter").String(), "lsi:siege:" + tid("city").String()},
		"n2":   {"ls:siege:" + tid("city").String()},
		"d1":   nil,
		"a1":   nil,
	} {
		if got := lastingOf(key); !slices.Equal(got, want) {
			t.Errorf("%s: lasting keys %q, want %q", key, got, want)
		}
	}
	n1 := byKey(t, accs, "n1")
	n1.Keys = Keys(n1, w)
	q := QueryKeys(n1, w)
	for _, k := range []string{"ls:siege:" + tid("quarter").String(), "lsi:siege:" + tid("quarter").String(), "ls:siege:" + tid("city").String()} {
		if !slices.Contains(q, k) {
			t.Errorf("n1's query keys lack %s: %q", k, q)
		}
	}
	if slices.Contains(q, "lsi:siege:"+tid("city").String()) {
		t.Errorf("n1 queries its city's lsi: key, meeting every quarter's sieges: %q", q)
	}
}

// TestResolveSiegeEnded checks that resolution keeps two accounts of a
// siege apart when a capture at the town is dated between them, and
// joins them without it.
func TestResolveSiegeEnded(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/match9.json")
	of := func(keys ...string) []graph.Account { return keyedAccounts(t, accs, w, keys...) }
	together := func(cs []Cluster, a, b string) bool {
		ia, ib := byKey(t, accs, a).ID, byKey(t, accs, b).ID
		for _, c := range cs {
			ids := c.IDs()
			if slices.Contains(ids, ia) {
				return slices.Contains(ids, ib)
			}
		}
		return false
	}
	cs := Resolve(of("s1", "s2", "s3"), nil, w)
	if !together(cs, "s1", "s2") || !together(cs, "s2", "s3") {
		t.Errorf("the siege's accounts of 2013 and 2015 are not one event")
	}
	// s4 lies within SiegeGapMonths of s2 and s3, but the town was
	// taken between them.
	town := of("s2", "s3", "cap1", "s4")
	cs = Resolve(town, nil, w)
	if !together(cs, "s2", "s3") || together(cs, "s3", "s4") || together(cs, "s2", "s4") {
		t.Errorf("a siege account after the town's capture joins the siege before it, or the siege splits")
	}
	// The same accounts in another order give the same events.
	rev := slices.Clone(town)
	slices.Reverse(rev)
	if a, b := clusterSets(cs), clusterSets(Resolve(rev, nil, w)); !slices.Equal(a, b) {
		t.Errorf("events depend on order: %q / %q", a, b)
	}
	// Without the capture, nothing ended the siege: one event.
	if !together(Resolve(of("s2", "s3", "s4"), nil, w), "s3", "s4") {
		t.Errorf("without the capture, the siege accounts of 2015 and 2018 are not one event")
	}
}

// TestDateConflictSiege checks that the dates of one siege's accounts,
// days it went on a year or more apart, do not conflict, while two
// strikes' dates do.
func TestDateConflictSiege(t *testing.T) {
	_, _, accs, claims := loadFixture(t, "testdata/match9.json")
	for _, c := range []struct {
		a, b string
		want int
	}{{"s1", "s2", 1}, {"a1", "a2", 2}, {"s2", "a1", 2}} {
		got := dateConflict([]graph.Account{byKey(t, accs, c.a), byKey(t, accs, c.b)}, claims)
		if len(got.Values) != 2 || len(got.Groups) != c.want {
			t.Errorf("%s, %s: dates %v in %d groups, want 2 values in %d", c.a, c.b, got.Values, len(got.Groups), c.want)
		}
	}
}

// TestSiegeOrderRebuild checks order independence and rebuild equality
// on a training set whose siege the lasting rule joins (Yarmouk's,
// 2014-2015). The sixth set's (Nubl, 2013-2016) is not checked here: its
// figures depended on the documents' order before the rule (reversed,
// pairs recall 0.57 against 0.64), for another cause.
func TestSiegeOrderRebuild(t *testing.T) { testOrderRebuild(t, "testdata/train2") }
