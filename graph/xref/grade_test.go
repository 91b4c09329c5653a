package xref

import (
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

func TestGrade(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/strikes.json")
	pick := func(keys ...string) []graph.Account {
		var out []graph.Account
		for _, k := range keys {
			out = append(out, byKey(t, accs, k))
		}
		return out
	}
	strike := pick("s1", "s2", "s3", "s4", "s5", "s6", "n1")
	// The network, an independent group, blames Russia too.
	network := byKey(t, accs, "s3")
	network.ID, network.DocumentID = tid("account:net"), tid("doc:net")
	network.Speaker = graph.EntityRef{ID: tid("network"), Name: "Local Network"}
	// The coalition's own army accepts responsibility.
	admits := byKey(t, accs, "s4")
	admits.ID, admits.Polarity = tid("account:admit"), graph.Affirmed
	p := *admits.Perpetrator
	p.Polarity = graph.Affirmed
	admits.Perpetrator = &p

	cases := []struct {
		name     string
		accounts []graph.Account
		judge    []graph.Judgement
		want     string
		reason   string
		perp     map[string]string // perpetrator name -> allegation grade
	}{
		{"government side blames the coalition, the coalition denies, the monitor blames Russia", strike, nil,
			graph.GradeContested, "responsibility contested",
			map[string]string{"international coalition": graph.GradeContested, "Russian Federation": graph.GradeContested}},
		{"independent groups name another party", append(append([]graph.Account(nil), strike...), network), nil,
			graph.GradeContested, "",
			map[string]string{"international coalition": graph.GradeDiscounted, "Russian Federation": graph.GradeContested}},
		{"single source", pick("e1"), nil, graph.GradeWeak, "1 independence group", map[string]string{"international coalition": graph.GradeWeak}},
		{"two independent groups agree", pick("c1", "c2", "c3"), nil, graph.GradeFair, "2 independent groups",
			map[string]string{"international coalition": graph.GradeFair}},
		{"one group twice is still weak", pick("s1", "s5", "n1"), nil, graph.GradeWeak, "",
			map[string]string{"international coalition": graph.GradeWeak}},
		{"a belligerent accepts responsibility", append(pick("s1", "s2"), admits), nil, graph.GradeConfirmed, "accepted",
			map[string]string{"international coalition": graph.GradeConfirmed}},
		{"analyst grade overrides", strike, []graph.Judgement{
			{ID: tid("j1"), Kind: graph.JudgeGrade, Grade: graph.GradeFair, Author: "ana", Reason: "first look", CreatedAt: time.Unix(10, 0)},
			{ID: tid("j2"), Kind: graph.JudgeGrade, Grade: graph.GradeDiscounted, Author: "ana", Reason: "imagery", CreatedAt: time.Unix(20, 0)},
			{ID: tid("j3"), Kind: graph.JudgeGrade, Grade: graph.GradeWeak, Author: "bob", CreatedAt: time.Unix(30, 0), RevokedAt: &time.Time{}},
		}, graph.GradeDiscounted, "analyst ana: imagery", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := Grade(c.accounts, claims, c.judge, w)
			if g.Grade != c.want || !strings.Contains(strings.Join(g.Reasons, "; "), c.reason) {
				t.Errorf("grade %s %q, want %s with %q", g.Grade, g.Reasons, c.want, c.reason)
			}
			if (c.judge != nil) != (g.Origin == "analyst") {
				t.Errorf("origin %s", g.Origin)
			}
			als := Allegations(c.accounts, claims, w)
			for name, want := range c.perp {
				found := false
				for _, al := range als {
					if al.Perpetrator.Name == name {
						found = true
						if al.Grade.Grade != want || len(al.Grade.Reasons) == 0 {
							t.Errorf("%s: %s %q, want %s", name, al.Grade.Grade, al.Grade.Reasons, want)
						}
					}
				}
				if !found {
					t.Errorf("no allegation against %s in %+v", name, als)
				}
			}
		})
	}
}
