package xref

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

type matchCases struct {
	Pairs []struct {
		A, B      string
		OK        bool   `json:"ok"`
		Different bool   `json:"different"`
		Reason    string `json:"reason"`
	} `json:"pairs"`
}

// matchFiles pairs each fixture of accounts with its file of match cases.
var matchFiles = [][2]string{
	{"testdata/strikes.json", "testdata/match.json"},
	{"testdata/match4.json", "testdata/match4.json"},
	{"testdata/match5.json", "testdata/match5.json"},
	{"testdata/match6.json", "testdata/match6.json"},
	{"testdata/match7.json", "testdata/match7.json"},
	{"testdata/match8.json", "testdata/match8.json"},
	{"testdata/match9.json", "testdata/match9.json"},
	{"testdata/match10.json", "testdata/match10.json"},
	{"testdata/match11.json", "testdata/match11.json"},
	{"testdata/match14.json", "testdata/match14.json"},
	{"testdata/match15.json", "testdata/match15.json"},
	{"testdata/match16.json", "testdata/match16.json"},
	{"testdata/match18.json", "testdata/match18.json"},
	{"testdata/match19.json", "testdata/match19.json"},
	{"testdata/match20.json", "testdata/match20.json"},
	{"testdata/match21.json", "testdata/match21.json"},
	{"testdata/match22.json", "testdata/match22.json"},
}

func TestMatch(t *testing.T) {
	for _, f := range matchFiles {
		_, w, accs, _ := loadFixture(t, f[0])
		var mc matchCases
		readJSON(t, f[1], &mc)
		testMatchCases(t, mc, accs, w)
	}
}

func testMatchCases(t *testing.T, mc matchCases, accs []graph.Account, w *World) {
	for _, p := range mc.Pairs {
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
			}
		})
	}
}

func TestMatchExported(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/strikes.json")
	score, reasons, ok := Match(byKey(t, accs, "s1"), byKey(t, accs, "s2"), w)
	if !ok || score < MatchThreshold || len(reasons) == 0 {
		t.Fatalf("s1-s2: %v %.2f %q", ok, score, reasons)
	}
}

// TestKeysCoverMatches checks blocking soundness: every pair Match accepts
// shares a key, so candidate lookup by key never misses a match.
func TestKeysCoverMatches(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/strikes.json")
	_, w4, accs4, _ := loadFixture(t, "testdata/match4.json")
	testKeysCoverMatches(t, accs, w, 10)
	testKeysCoverMatches(t, accs4, w4, 3)
	// A place the gazetteer lacks below a town's rank and a town it knows.
	_, w16, accs16, _ := loadFixture(t, "testdata/match16.json")
	testKeysCoverMatches(t, accs16, w16, 3)
	village, town := byKey(t, accs16, "item-village"), byKey(t, accs16, "monitor-town-later")
	village.Keys, town.Keys = Keys(village, w16), Keys(town, w16)
	if Candidates(village, town, w16) {
		t.Errorf("a village's account meets a town's of ten days later: %q / %q", village.Keys, town.Keys)
	}
	_, w5, accs5, _ := loadFixture(t, "testdata/match5.json")
	testKeysCoverMatches(t, accs5, w5, 2)
	_, w6, accs6, _ := loadFixture(t, "testdata/match6.json")
	testKeysCoverMatches(t, accs6, w6, 6)
	_, w7, accs7, _ := loadFixture(t, "testdata/match7.json")
	testKeysCoverMatches(t, accs7, w7, 3)
	_, w9, accs9, _ := loadFixture(t, "testdata/match9.json")
	testKeysCoverMatches(t, accs9, w9, 5)
	_, w11, accs11, _ := loadFixture(t, "testdata/match11.json")
	testKeysCoverMatches(t, accs11, w11, 4)
	// A village's quarter named after it ("Kalaba-Dogon") meets it.
	_, w20, accs20, _ := loadFixture(t, "testdata/match20.json")
	testKeysCoverMatches(t, accs20, w20, 1)
	// An account without a place, dated to a night, meets the account of
	// its document's province.
	_, w21, accs21, _ := loadFixture(t, "testdata/match21.json")
	testKeysCoverMatches(t, accs21, w21, 1)
	// A village its document puts in a town meets that town's account.
	_, w22, accs22, _ := loadFixture(t, "testdata/match22.json")
	testKeysCoverMatches(t, accs22, w22, 4)
	hamlet, other := byKey(t, accs22, "agency-hamlet"), byKey(t, accs22, "government-other-town")
	hamlet.Keys, other.Keys = Keys(hamlet, w22), Keys(other, w22)
	if Candidates(hamlet, other, w22) {
		t.Errorf("a village in one town meets another town's account: %q / %q", hamlet.Keys, other.Keys)
	}
}

func testKeysCoverMatches(t *testing.T, accs []graph.Account, w *World, least int) {
	for i := range accs {
		accs[i].Keys = Keys(accs[i], w)
		if len(accs[i].Keys) == 0 && accs[i].Place != nil && accs[i].Place.Entity.ID != tid("syria") {
			t.Errorf("account %d has no keys", i)
		}
	}
	accepted := 0
	for i := range accs {
		for j := i + 1; j < len(accs); j++ {
			v := match(accs[i], accs[j], w)
			if v.ok {
				accepted++
				if !Candidates(accs[i], accs[j], w) {
					t.Errorf("accounts %d and %d match (%q) but are not candidates: %q / %q", i, j, v.reasons, accs[i].Keys, accs[j].Keys)
				}
			}
		}
	}
	if accepted < least {
		t.Fatalf("only %d accepted pairs: fixture too weak", accepted)
	}
}

func TestKeysShape(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/strikes.json")
	k := Keys(byKey(t, accs, "s1"), w)
	want := []string{
		"at:" + tid("idlib-north").String() + ":2019-05-05",
		"in:" + tid("idlib-north").String() + ":2019-05-05",
		"in:" + tid("idlib").String() + ":2019-05-05",
		"in:" + tid("idlib-gov").String() + ":2019-05-05",
		"dp:strike:" + tid("coalition").String() + ":2019-05-05",
		"dp:strike:" + tid("coalition").String() + ":2019-05-07",
	}
	for _, x := range want {
		found := false
		for _, y := range k {
			found = found || x == y
		}
		if !found {
			t.Errorf("keys lack %s: %q", x, k)
		}
	}
	for _, y := range k {
		if strings.Contains(y, tid("syria").String()) {
			t.Errorf("country-level key %s", y)
		}
	}
	// A neighbourhood's account looks up accounts placed at its city and
	// governorate, never everything inside them.
	s1 := byKey(t, accs, "s1")
	s1.Keys = k
	q := strings.Join(QueryKeys(s1, w), " ")
	for _, x := range []string{"at:" + tid("idlib").String(), "at:" + tid("idlib-gov").String(), "in:" + tid("idlib-north").String()} {
		if !strings.Contains(q, x) {
			t.Errorf("query keys lack %s: %s", x, q)
		}
	}
	for _, x := range []string{"in:" + tid("idlib").String(), "in:" + tid("idlib-gov").String()} {
		if strings.Contains(q, x) {
			t.Errorf("query keys read a whole place %s: %s", x, q)
		}
	}
	// An account placed only at country level and without a perpetrator
	// has no key at all: it cannot be told apart from any other event.
	if k := Keys(byKey(t, accs, "x1"), w); len(k) != 0 {
		t.Errorf("x1 keys %q", k)
	}
	// An undated, unpublished account meets only other such accounts.
	c3 := byKey(t, accs, "c3")
	c3.NotBefore = ""
	if k := Keys(c3, w); len(k) == 0 || !strings.HasSuffix(k[0], ":undated") {
		t.Errorf("c3 keys %q", k)
	}
}

// TestResolveBlameApart: an attack blamed on one party over days and an
// air strike blamed on another on one of them are two events, and an
// account that names neither date nor party, matching each, does not
// chain them into one (match5.json: at1, as2, ab1), in any order.
func TestResolveBlameApart(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/match5.json")
	in := keyedAccounts(t, accs, w, "at1", "as2", "ab1")
	at1, as2 := in[0].ID, in[1].ID
	for perm, p := range [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		order := []graph.Account{in[p[0]], in[p[1]], in[p[2]]}
		for _, c := range Resolve(order, nil, w) {
			has := map[uuid.UUID]bool{}
			for _, a := range c.Accounts {
				has[a.ID] = true
			}
			if has[at1] && has[as2] {
				t.Fatalf("order %d: the attack and the air strike blamed on two parties are one event: %v", perm, c.IDs())
			}
		}
		if n := len(Resolve(order, nil, w)); n != 2 {
			t.Errorf("order %d: %d events, want 2 (the account without date or party joins one side)", perm, n)
		}
	}
}

// TestResolveLateAnswer: a late denial joins the allegation it answers,
// and its own document's account goes with it; but two undated strikes
// on a town in reports three weeks apart (match6.json: ch1, ch2) stay two
// events when one denial after both (ch3) matches each, in any order.
func TestResolveLateAnswer(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/match6.json")
	keyed := func(keys ...string) []graph.Account { return keyedAccounts(t, accs, w, keys...) }
	perms := [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	chain := keyed("ch1", "ch2", "ch3")
	for perm, p := range perms {
		order := []graph.Account{chain[p[0]], chain[p[1]], chain[p[2]]}
		cs := Resolve(order, nil, w)
		if len(cs) != 2 {
			t.Errorf("order %d: %d events, want 2 (the denial joins one strike)", perm, len(cs))
		}
		for _, c := range cs {
			has := map[uuid.UUID]bool{}
			for _, a := range c.Accounts {
				has[a.ID] = true
			}
			if has[chain[0].ID] && has[chain[1].ID] {
				t.Fatalf("order %d: two strikes three weeks apart chained by a denial: %v", perm, c.IDs())
			}
		}
	}
	// The allegation, the denial, and an assertion in the denial's own
	// document (its speaker's version) are one event.
	own := byKey(t, accs, "dn1")
	own.ID, own.Polarity, own.Perpetrator = tid("dn1-own"), graph.Affirmed, nil
	one := append(keyed("al1", "dn1"), own)
	one[2].Keys = Keys(one[2], w)
	for perm, p := range perms {
		order := []graph.Account{one[p[0]], one[p[1]], one[p[2]]}
		if cs := Resolve(order, nil, w); len(cs) != 1 {
			t.Errorf("order %d: %d events, want 1 (allegation, late denial and its document's account)", perm, len(cs))
		}
	}
}
