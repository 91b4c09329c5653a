package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// gizmoScript is the Gizmo query that fetches what the endpoint's answer is
// built from, for sample i. Node IRIs and predicates are as the store
// writes them (docs/design.md, "Quads").
func gizmoScript(ep *endpoint, i int) string {
	node := func(kind string, id uuid.UUID) string { return fmt.Sprintf(`"<cg:%s/%s>"`, kind, id) }
	switch ep.kind {
	case "sources", "conflicts":
		ev := node("event", ep.ids[i])
		return fmt.Sprintf(`
g.V(%[1]s).Out("<cg:record>").All();
var accs = g.V(%[1]s).In("<cg:event>");
accs.Tag("account").Out("<cg:record>").All();
g.V(%[1]s).In("<cg:event>").Out("<cg:document>").Unique().Tag("doc").Out("<cg:record>").All();
g.V(%[1]s).In("<cg:event>").Out("<cg:claim>").Unique().Tag("claim").Out("<cg:record>").All();
g.V(%[1]s).In("<cg:event>").Out(["<cg:speaker>", "<cg:place>", "<cg:perpetrator>"]).Unique().Tag("entity").Out("<cg:record>").All();
`, ev)
	case "provenance":
		c := node("claim", ep.ids[i])
		return fmt.Sprintf(`
g.V(%[1]s).Out("<cg:record>").All();
g.V(%[1]s).Out("<cg:document>").Out("<cg:record>").All();
g.V(%[1]s).Out("<cg:speaker>").Tag("speaker").Out("<cg:record>").All();
g.V(%[1]s).Out("<cg:speaker>").Out("<cg:affiliation>").Tag("a1").Out("<cg:record>").All();
g.V(%[1]s).Out("<cg:speaker>").Out("<cg:affiliation>").Out("<cg:affiliation>").Tag("a2").Out("<cg:record>").All();
g.V(%[1]s).In("<cg:claim>").Tag("account").Out("<cg:event>").All();
var links = g.V(%[1]s).In(["<cg:from>", "<cg:to>"]);
links.Tag("link").Out("<cg:record>").All();
g.V(%[1]s).In(["<cg:from>", "<cg:to>"]).Out(["<cg:from>", "<cg:to>"]).Unique().Out("<cg:document>").Unique().Tag("doc").Out("<cg:record>").All();
`, c)
	case "entities":
		var keys []string
		for _, k := range (gazetteer.Search{}).QueryKeys(ep.qs[i]) {
			b, _ := json.Marshal(k)
			keys = append(keys, string(b))
		}
		return fmt.Sprintf(`g.V(%s).In("<cg:key>").Unique().Tag("entity").Out("<cg:record>").All();`, strings.Join(keys, ", "))
	case "graph":
		ev := node("event", ep.ids[i])
		return fmt.Sprintf(`
g.V(%[1]s).Out("<cg:record>").All();
g.V(%[1]s).In("<cg:event>").Tag("account").Out("<cg:record>").All();
g.V(%[1]s).In("<cg:event>").Out(["<cg:claim>", "<cg:document>", "<cg:place>", "<cg:perpetrator>"]).Unique().Tag("node").Out("<cg:record>").All();
g.V(%[1]s).In("<cg:event>").Out("<cg:claim>").In(["<cg:from>", "<cg:to>"]).Unique().Tag("link").Out("<cg:record>").All();
`, ev)
	}
	return ""
}

// maxGizmoRuns bounds the timed runs of each Gizmo baseline.
const maxGizmoRuns = 100

// runGizmo runs one script to the end, in a new session as cayley's own
// HTTP server does for each query, and returns how many results it gave.
func runGizmo(ctx context.Context, sys *system, script string) (int, error) {
	ses := gizmo.NewSession(sys.store.QuadStore())
	it, err := ses.Execute(ctx, script, query.Options{Collation: query.JSON, Limit: 100000})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		if r, ok := it.Result().(map[string]any); ok && len(r) > 0 {
			n++
		}
	}
	return n, it.Err()
}

// timeGizmo times the endpoint's Gizmo script over the samples, one at a
// time.
func timeGizmo(ctx context.Context, sys *system, ep *endpoint, n int) (Latency, error) {
	samples := max(len(ep.ids), len(ep.qs))
	// Every script must find something: a script that matched nothing
	// would time nothing.
	for i := range samples {
		got, err := runGizmo(ctx, sys, gizmoScript(ep, i))
		if err != nil {
			return Latency{}, err
		}
		if got == 0 {
			return Latency{}, fmt.Errorf("the script for sample %d found nothing:%s", i, strings.TrimRight(gizmoScript(ep, i), "\n"))
		}
	}
	// Gizmo is slow enough at large sizes that a full run would take hours:
	// at most maxGizmoRuns runs, at least one per sample.
	return timed(ctx, max(samples, min(n, maxGizmoRuns)), samples, func(i int) error {
		_, err := runGizmo(ctx, sys, gizmoScript(ep, i))
		return err
	})
}
