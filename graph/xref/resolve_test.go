package xref

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

type resolveCase struct {
	Name           string `json:"name"`
	ClearNotBefore bool   `json:"clear_not_before"`
	Judgements     []struct {
		Kind    string   `json:"kind"`
		Targets []string `json:"targets"`
		Minute  int      `json:"minute"`
		Revoked bool     `json:"revoked"`
	} `json:"judgements"`
	// Events lists the expected events by account key; accounts not listed
	// must be alone.
	Events [][]string `json:"events"`
}

func partition(cs []Cluster, names map[uuid.UUID]string) []string {
	var out []string
	for _, c := range cs {
		var ks []string
		for _, a := range c.Accounts {
			ks = append(ks, names[a.ID])
		}
		sort.Strings(ks)
		out = append(out, strings.Join(ks, ","))
	}
	sort.Strings(out)
	return out
}

func TestResolve(t *testing.T) {
	f, w, accs, _ := loadFixture(t, "testdata/strikes.json")
	names := map[uuid.UUID]string{}
	for _, a := range f.Accounts {
		names[tid("account:"+a.Key)] = a.Key
	}
	var cases []resolveCase
	readJSON(t, "testdata/resolve.json", &cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var js []graph.Judgement
			base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
			for i, j := range c.Judgements {
				g := graph.Judgement{ID: tid(c.Name + string(rune('a'+i))), Kind: j.Kind, CreatedAt: base.Add(time.Duration(j.Minute) * time.Minute)}
				for _, k := range j.Targets {
					g.Targets = append(g.Targets, tid("account:"+k))
				}
				if j.Revoked {
					g.RevokedAt = &base
				}
				js = append(js, g)
			}
			in := make([]graph.Account, len(accs))
			copy(in, accs)
			for i := range in {
				if c.ClearNotBefore {
					in[i].NotBefore = ""
				}
				in[i].Keys = Keys(in[i], w)
			}
			var want []string
			listed := map[string]bool{}
			for _, e := range c.Events {
				ks := append([]string(nil), e...)
				sort.Strings(ks)
				want = append(want, strings.Join(ks, ","))
				for _, k := range e {
					listed[k] = true
				}
			}
			for _, a := range f.Accounts {
				if !listed[a.Key] {
					want = append(want, a.Key)
				}
			}
			sort.Strings(want)
			rng := rand.New(rand.NewSource(1))
			for perm := 0; perm < 6; perm++ {
				rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
				got := partition(Resolve(in, js, w), names)
				if strings.Join(got, " | ") != strings.Join(want, " | ") {
					t.Fatalf("permutation %d:\n got  %q\n want %q", perm, got, want)
				}
			}
		})
	}
}

func TestEventRecord(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/strikes.json")
	var members []graph.Account
	for _, k := range []string{"s1", "s2", "s3", "s4", "s5"} {
		members = append(members, byKey(t, accs, k))
	}
	ev := EventRecord(Cluster{Accounts: members}, w)
	if ev.Type != graph.EventAirstrike {
		t.Errorf("type %s", ev.Type)
	}
	if ev.Place == nil || ev.Place.ID != tid("idlib-north") {
		t.Errorf("place %+v", ev.Place)
	}
	if ev.Date == nil || ev.Date.From != "2019-05-06" || ev.Date.To != "2019-05-06" {
		t.Errorf("date %+v", ev.Date)
	}
	if ev.Documents != 5 || len(ev.Accounts) != 5 {
		t.Errorf("documents %d accounts %d", ev.Documents, len(ev.Accounts))
	}
	if ev.Title != "airstrike, North Quarter (Idlib), 2019-05-06" {
		t.Errorf("title %q", ev.Title)
	}
	ids := []uuid.UUID{members[0].ID, members[1].ID, members[2].ID, members[3].ID, members[4].ID}
	if ev.ID != graph.EventID(ids) {
		t.Errorf("id %s", ev.ID)
	}
}
