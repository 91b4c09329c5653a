package cayleystore

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// TestSortAccountsByKey checks sortAccounts against the keys it orders
// by: "0" + Published + sep + id for a dated account, "1" + id otherwise.
func TestSortAccountsByKey(t *testing.T) {
	key := func(a graph.Account) string {
		if a.Published == "" {
			return "1" + a.ID.String()
		}
		return "0" + a.Published + sep + a.ID.String()
	}
	rng := rand.New(rand.NewSource(7))
	dates := []string{"", "2017", "2017-03", "2017-03-04", "2017-03-05", "2016-12-31", "2017-03-04\x1f", "2017-03-04 "}
	ids := make([]uuid.UUID, 12)
	for i := range ids {
		rng.Read(ids[i][:])
	}
	for round := range 200 {
		as := make([]graph.Account, 1+rng.Intn(40))
		for i := range as {
			as[i] = graph.Account{ID: ids[rng.Intn(len(ids))], Published: dates[rng.Intn(len(dates))]}
		}
		want := make([]string, len(as))
		for i, a := range as {
			want[i] = key(a)
		}
		sort.Strings(want)
		sortAccounts(as)
		for i, a := range as {
			if key(a) != want[i] {
				t.Fatalf("round %d: position %d is %q, want %q", round, i, key(a), want[i])
			}
		}
	}
}
