package bench

import (
	"context"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/google/uuid"
)

// Events describes the events the bulk load resolved, against the events
// the generator wrote the documents about: how large they are (what
// cross-referencing one more document reads and resolves again grows
// with them) and how far resolution agrees with the truth.
type Events struct {
	// Resolved is the number of events stored.
	Resolved int `json:"resolved"`
	// Accounts is the distribution of accounts per resolved event.
	Accounts Sizes `json:"accounts_per_event"`
	// Told is the number of generated events at least one document tells
	// of; Documents the distribution of documents per generated event.
	Told      int   `json:"told"`
	Documents Sizes `json:"documents_per_told_event"`
	// Mixed is the number of resolved events whose accounts come from
	// documents about more than one generated event (over-merged), and
	// MixedAccounts the accounts they hold; MostMixed is the most
	// generated events one resolved event gathers.
	Mixed         int `json:"mixed"`
	MixedAccounts int `json:"mixed_accounts"`
	MostMixed     int `json:"most_mixed"`
	// Examples are a few over-merged events: the resolved event's title
	// and the generated events its accounts tell of.
	Examples []Mixed `json:"mixed_examples,omitempty"`
}

// Mixed is one over-merged event.
type Mixed struct {
	Title     string   `json:"title"`
	Generated []string `json:"generated"` // "airstrike, <place>, <date>, by <perpetrator>: N accounts"
}

// maxExamples is how many over-merged events a report shows.
const maxExamples = 5

// Sizes is a distribution of counts.
type Sizes struct {
	Mean float64 `json:"mean"`
	P50  int     `json:"p50"`
	P90  int     `json:"p90"`
	P99  int     `json:"p99"`
	Max  int     `json:"max"`
}

func sizes(xs []int) Sizes {
	if len(xs) == 0 {
		return Sizes{}
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	sum := 0
	for _, x := range s {
		sum += x
	}
	at := func(q float64) int { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return Sizes{Mean: float64(sum) / float64(len(s)), P50: at(0.5), P90: at(0.9), P99: at(0.99), Max: s[len(s)-1]}
}

// eventStats reads every stored event and compares it with the generated
// events: truth maps each document of the bulk load to the generated
// event it tells of.
func eventStats(ctx context.Context, sys *system, truth map[uuid.UUID]int, truthEvents []gen.Event) (Events, error) {
	perEvent := map[int]int{}
	for _, ev := range truth {
		perEvent[ev]++
	}
	var out Events
	var told []int
	for _, n := range perEvent {
		told = append(told, n)
	}
	out.Told, out.Documents = len(told), sizes(told)

	var accounts []int
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		evs, next, err := sys.store.Events(ctx, p)
		if err != nil {
			return out, fmt.Errorf("event statistics: %w", err)
		}
		for _, ev := range evs {
			accounts = append(accounts, len(ev.Accounts))
			as, err := sys.store.Accounts(ctx, ev.Accounts)
			if err != nil {
				return out, fmt.Errorf("event statistics: %w", err)
			}
			gens := map[int]int{}
			for _, a := range as {
				if g, ok := truth[a.DocumentID]; ok {
					gens[g]++
				}
			}
			if len(gens) > 1 {
				out.Mixed++
				out.MixedAccounts += len(ev.Accounts)
				if len(out.Examples) < maxExamples {
					out.Examples = append(out.Examples, mixedExample(ev, gens, truthEvents))
				}
			}
			out.MostMixed = max(out.MostMixed, len(gens))
		}
		if next == "" {
			break
		}
		p.Cursor = next
	}
	out.Resolved, out.Accounts = len(accounts), sizes(accounts)
	return out, nil
}

func mixedExample(ev graph.Event, gens map[int]int, events []gen.Event) Mixed {
	m := Mixed{Title: ev.Title}
	idx := make([]int, 0, len(gens))
	for g := range gens {
		idx = append(idx, g)
	}
	sort.Ints(idx)
	for _, g := range idx {
		e := events[g]
		by := ""
		if e.Perpetrator != nil {
			by = ", by " + e.Perpetrator.Name
		}
		m.Generated = append(m.Generated, fmt.Sprintf("%s, %s, %s%s: %d accounts",
			e.Type, e.Place.Name, e.Date.Format("2006-01-02"), by, gens[g]))
	}
	return m
}
