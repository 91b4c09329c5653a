package gazetteer

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// partiesCases is testdata/parties.json: the parties of today's conflict
// theatres as an analyst names them, written from general knowledge.
type partiesCases struct {
	Lookup []struct {
		Name string `json:"name"`
		Key  string `json:"key"`
	} `json:"lookup"`
	Find        []findCase  `json:"find"`
	MemberOf    [][2]string `json:"member_of"`
	NotMemberOf [][2]string `json:"not_member_of"`
	Roots       [][2]string `json:"roots"`
	Armies      [][2]string `json:"armies"`
}

// TestParties checks the armed groups, State bodies, outlets and foreign
// and UN forces of the theatres beyond Syria, Iraq, Yemen and Libya: the
// names prose gives them resolve to them, a movement's branch is a member
// of it, a body speaks for its State or group, and names that belong to
// something else (an Iraqi town, a minority, a word of other groups'
// names) stay out.
func TestParties(t *testing.T) {
	g := Default()
	var c partiesCases
	readJSON(t, "parties.json", &c)
	for _, l := range c.Lookup {
		got := g.Lookup(l.Name)
		switch {
		case l.Key == "" && len(got) > 0:
			t.Errorf("Lookup(%q) = %s, want nothing", l.Name, keyOf(g, got[0]))
		case l.Key != "" && len(got) == 0:
			t.Errorf("Lookup(%q) found nothing, want %s", l.Name, l.Key)
		case l.Key != "" && keyOf(g, got[0]) != l.Key:
			t.Errorf("Lookup(%q) = %s first, want %s", l.Name, keyOf(g, got[0]), l.Key)
		}
	}
	for _, f := range c.Find {
		t.Run(f.Name, func(t *testing.T) { checkFind(t, g, f) })
	}
	member := func(part, whole string) bool {
		w := mustKey(t, g, whole)
		for _, id := range g.MemberOf(mustKey(t, g, part).ID) {
			if id == w.ID {
				return true
			}
		}
		return false
	}
	for _, m := range c.MemberOf {
		if !member(m[0], m[1]) {
			t.Errorf("%s should be a member of %s", m[0], m[1])
		}
	}
	for _, m := range c.NotMemberOf {
		if member(m[0], m[1]) {
			t.Errorf("%s is no member of %s", m[0], m[1])
		}
	}
	for _, r := range c.Roots {
		if k, _ := g.Key(g.Root(mustKey(t, g, r[0]).ID)); k != r[1] {
			t.Errorf("Root(%s) = %s, want %s", r[0], k, r[1])
		}
	}
	// A State's forces are the army nearest it along affiliations, the
	// shortest-named of equals (as the extractor reads them): a police,
	// an intelligence service or an expeditionary corps is affiliated
	// with the army, never beside it.
	armies := stateArmies(g)
	for _, a := range c.Armies {
		if got := armies[a[0]]; got != a[1] {
			t.Errorf("forces of %s = %s, want %s", a[0], got, a[1])
		}
	}
}

// stateArmies maps each State's key to its army's: of the armies whose
// affiliations lead to it, the one fewest links away, then the shortest
// name.
func stateArmies(g *Gazetteer) map[string]string {
	out := map[string]string{}
	hops := map[string]int{}
	for i := range g.ents {
		e := &g.ents[i]
		if e.Kind != graph.KindArmy {
			continue
		}
		n, x := 0, e
		for x.Affiliation != nil && n <= 8 {
			x, _ = g.Entity(*x.Affiliation)
			n++
		}
		if x.Kind != graph.KindState {
			continue
		}
		st := keyOf(g, x)
		cur, ok := out[st]
		if !ok || n < hops[st] || n == hops[st] && len(e.Name) < len(mustName(g, cur)) {
			out[st], hops[st] = g.keys[i], n
		}
	}
	return out
}

func mustName(g *Gazetteer, key string) string {
	e, _ := g.ByKey(key)
	return e.Name
}

// TestBranches checks that a movement's branch in a state is the member
// active there (active_in), that a state where two branches are active
// gives none, that a state with none gives none, and that a party going by
// another's name in a state (local_name_of) is that name's there only.
func TestBranches(t *testing.T) {
	g := Default()
	for _, c := range []struct{ movement, state, want string }{
		{"isil", "afghanistan", "iskp"},
		{"isil", "nigeria", "iswap"},
		{"isil", "mali", "issp"},
		{"isil", "niger", ""}, // West Africa and Sahel provinces both
		{"isil", "syria", ""},
		{"al-qaeda", "somalia", "al-shabaab"},
		{"al-qaeda", "yemen", "aqap"},
		// a party that goes by another's name in a state (local_name_of)
		{"al-shabaab", "mozambique", "aswj-mozambique"},
		{"al-shabaab", "somalia", ""},
	} {
		b, ok := g.Branch(mustKey(t, g, c.movement).ID, mustKey(t, g, c.state).ID)
		got := ""
		if ok {
			got, _ = g.Key(b.ID)
		}
		if got != c.want {
			t.Errorf("Branch(%s, %s) = %q, want %q", c.movement, c.state, got, c.want)
		}
	}
}
