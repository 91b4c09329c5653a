package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// gizmoStore answers the API's store interface with cayley's own query
// engine: every method is one Gizmo script (a few for paged lists and the
// place hierarchy), run in a fresh session as cayley's HTTP server runs
// each query, over the same quad store, following the same edges and
// fetching the same records as graph/cayleystore; Go only decodes the
// records and sorts and pages them as cayleystore does. The API's
// handlers run over it unchanged, so the Gizmo baseline computes the very
// answer the endpoint gives (Run checks it byte for byte; see
// TestBaselinesAnswerAlike).
type gizmoStore struct {
	qs cgraph.QuadStore
}

// run executes one script and returns its result rows: tag -> value, a
// node as "<iri>", a literal as its string.
func (g *gizmoStore) run(ctx context.Context, script string) ([]map[string]any, error) {
	ses := gizmo.NewSession(g.qs)
	it, err := ses.Execute(ctx, script, query.Options{Collation: query.JSON, Limit: -1})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	defer it.Close()
	var out []map[string]any
	for it.Next(ctx) {
		if r, ok := it.Result().(map[string]any); ok && len(r) > 0 {
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	return out, ctx.Err()
}

// nodes is the Gizmo argument list of the nodes of ids.
func nodes(kind string, ids []uuid.UUID) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"<cg:%s/%s>"`, kind, id)
	}
	return b.String()
}

// literals is the Gizmo argument list of string literals.
func literals(ss []string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		b, _ := json.Marshal(s)
		out[i] = string(b)
	}
	return strings.Join(out, ", ")
}

// rowID is the id of the node a row holds under tag.
func rowID(r map[string]any, tag string) (uuid.UUID, bool) {
	s, _ := r[tag].(string)
	s = strings.TrimSuffix(s, ">")
	i := strings.LastIndexByte(s, '/')
	if !strings.HasPrefix(s, "<cg:") || i < 0 {
		return uuid.Nil, false
	}
	id, err := uuid.Parse(s[i+1:])
	return id, err == nil
}

// records decodes the rows holding a node under tag and its record under
// "rec", keyed by id.
func records[T any](rows []map[string]any, tag string) (map[uuid.UUID]*T, error) {
	out := map[uuid.UUID]*T{}
	for _, r := range rows {
		rec, ok := r["rec"].(string)
		id, ok2 := rowID(r, tag)
		if !ok || !ok2 {
			continue
		}
		v := new(T)
		if err := json.Unmarshal([]byte(rec), v); err != nil {
			return nil, fmt.Errorf("gizmo: decode %s: %w", id, err)
		}
		out[id] = v
	}
	return out, nil
}

// inOrder returns the records of ids in the order given, skipping those
// missing.
func inOrder[T any](recs map[uuid.UUID]*T, ids []uuid.UUID) []T {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if r, ok := recs[id]; ok {
			out = append(out, *r)
		}
	}
	return out
}

// fetch runs `g.V(nodes).Tag("n").Out("<cg:record>").Tag("rec").All()`.
func fetchRecords[T any](ctx context.Context, g *gizmoStore, kind string, ids []uuid.UUID) (map[uuid.UUID]*T, error) {
	if len(ids) == 0 {
		return map[uuid.UUID]*T{}, nil
	}
	rows, err := g.run(ctx, fmt.Sprintf(`g.V(%s).Tag("n").Out("<cg:record>").Tag("rec").All();`, nodes(kind, ids)))
	if err != nil {
		return nil, err
	}
	return records[T](rows, "n")
}

func one[T any](ctx context.Context, g *gizmoStore, kind string, id uuid.UUID) (*T, error) {
	recs, err := fetchRecords[T](ctx, g, kind, []uuid.UUID{id})
	if err != nil {
		return nil, err
	}
	if r, ok := recs[id]; ok {
		return r, nil
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "%s %s not found", kindName(kind), id)
}

func kindName(kind string) string {
	if kind == "doc" {
		return "document"
	}
	return kind
}

// exists runs `g.V(node).Out("<cg:type>").All()`.
func (g *gizmoStore) exists(ctx context.Context, kind string, id uuid.UUID) error {
	rows, err := g.run(ctx, fmt.Sprintf(`g.V(%s).Out("<cg:type>").All();`, nodes(kind, []uuid.UUID{id})))
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "%s %s not found", kindName(kind), id)
	}
	return nil
}

func (g *gizmoStore) Document(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	n := nodes("doc", []uuid.UUID{id})
	rows, err := g.run(ctx, fmt.Sprintf(`g.V(%[1]s).Tag("n").Out("<cg:record>").Tag("rec").All();
g.V(%[1]s).Out("<cg:text>").Tag("text").All();`, n))
	if err != nil {
		return nil, err
	}
	recs, err := records[graph.Document](rows, "n")
	if err != nil {
		return nil, err
	}
	d, ok := recs[id]
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "document %s not found", id)
	}
	for _, r := range rows {
		if t, ok := r["text"].(string); ok {
			d.Text = t
		}
	}
	return d, nil
}

func (g *gizmoStore) DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error) {
	recs, err := fetchRecords[graph.Document](ctx, g, "doc", uniq(ids))
	return inOrder(recs, ids), err
}

func (g *gizmoStore) Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error) {
	return one[graph.Claim](ctx, g, "claim", id)
}

func (g *gizmoStore) Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	recs, err := fetchRecords[graph.Claim](ctx, g, "claim", uniq(ids))
	return inOrder(recs, ids), err
}

func (g *gizmoStore) Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error) {
	return one[graph.Entity](ctx, g, "entity", id)
}

func (g *gizmoStore) Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	recs, err := fetchRecords[graph.Entity](ctx, g, "entity", uniq(ids))
	return inOrder(recs, ids), err
}

func (g *gizmoStore) Event(ctx context.Context, id uuid.UUID) (*graph.Event, error) {
	return one[graph.Event](ctx, g, "event", id)
}

func (g *gizmoStore) Judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error) {
	return one[graph.Judgement](ctx, g, "judgement", id)
}

// accounts decodes account rows ("a" and "rec") with their cg:event edges
// (rows "a" and "ev"), as cayleystore sets EventID: the smallest event id.
func accountRows(rows []map[string]any) (map[uuid.UUID]*graph.Account, error) {
	recs, err := records[graph.Account](rows, "a")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		a, ok := rowID(r, "a")
		ev, ok2 := rowID(r, "ev")
		if !ok || !ok2 || recs[a] == nil {
			continue
		}
		if cur := recs[a].EventID; cur == nil || ev.String() < cur.String() {
			recs[a].EventID = &ev
		}
	}
	return recs, nil
}

// accountScript follows the accounts path to their records and events.
func accountScript(path string) string {
	return fmt.Sprintf(`var a = %s;
a.Tag("a").Out("<cg:record>").Tag("rec").All();
a.Tag("a").Out("<cg:event>").Tag("ev").All();`, path)
}

func sortAccounts(as []graph.Account) {
	key := func(a *graph.Account) string {
		if a.Published == "" {
			return "1" + a.ID.String()
		}
		return "0" + a.Published + "\x1f" + a.ID.String()
	}
	sort.Slice(as, func(i, j int) bool { return key(&as[i]) < key(&as[j]) })
}

func (g *gizmoStore) Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	if len(ids) == 0 {
		return []graph.Account{}, nil
	}
	rows, err := g.run(ctx, accountScript(fmt.Sprintf("g.V(%s)", nodes("account", uniq(ids)))))
	if err != nil {
		return nil, err
	}
	recs, err := accountRows(rows)
	return inOrder(recs, ids), err
}

// accountsIn returns the accounts of the rows, sorted as cayleystore
// sorts accounts.
func accountsIn(recs map[uuid.UUID]*graph.Account) []graph.Account {
	out := make([]graph.Account, 0, len(recs))
	for _, a := range recs {
		out = append(out, *a)
	}
	sortAccounts(out)
	return out
}

func (g *gizmoStore) EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	rows, err := g.run(ctx, accountScript(fmt.Sprintf(`g.V(%s).In("<cg:event>")`, nodes("event", []uuid.UUID{id}))))
	if err != nil {
		return nil, err
	}
	recs, err := accountRows(rows)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		if err := g.exists(ctx, "event", id); err != nil {
			return nil, err
		}
	}
	return accountsIn(recs), nil
}

func (g *gizmoStore) AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	if len(ids) == 0 {
		return []graph.Account{}, nil
	}
	rows, err := g.run(ctx, accountScript(fmt.Sprintf(`g.V(%s).In(["<cg:place>", "<cg:perpetrator>"])`, nodes("entity", uniq(ids)))))
	if err != nil {
		return nil, err
	}
	recs, err := accountRows(rows)
	return accountsIn(recs), err
}

func entityOrder(e *graph.Entity) string { return e.Name + "\x1f" + e.ID.String() }

func (g *gizmoStore) EntitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error) {
	var ks []string
	seen := map[string]bool{}
	for _, k := range keys {
		if k != "" && !seen[k] {
			seen[k] = true
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return []graph.Entity{}, nil
	}
	rows, err := g.run(ctx, fmt.Sprintf(`g.V(%s).In("<cg:key>").Tag("n").Out("<cg:record>").Tag("rec").All();`, literals(ks)))
	if err != nil {
		return nil, err
	}
	var ents []map[string]any
	for _, r := range rows {
		if s, _ := r["n"].(string); strings.HasPrefix(s, "<cg:entity/") {
			ents = append(ents, r)
		}
	}
	recs, err := records[graph.Entity](ents, "n")
	if err != nil {
		return nil, err
	}
	out := make([]graph.Entity, 0, len(recs))
	for _, e := range recs {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return entityOrder(&out[i]) < entityOrder(&out[j]) })
	return out, nil
}

func (g *gizmoStore) ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error) {
	rows, err := g.run(ctx, fmt.Sprintf(`g.V(%s).In(["<cg:from>", "<cg:to>"]).Tag("n").Out("<cg:record>").Tag("rec").All();`,
		nodes("claim", []uuid.UUID{claim})))
	if err != nil {
		return nil, err
	}
	recs, err := records[graph.Link](rows, "n")
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		if err := g.exists(ctx, "claim", claim); err != nil {
			return nil, err
		}
	}
	out := make([]graph.Link, 0, len(recs))
	for _, l := range recs {
		out = append(out, *l)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].ID.String() < out[j].ID.String()
	})
	return out, nil
}

func judgementOrder(j *graph.Judgement) string {
	return j.CreatedAt.UTC().Format("2006-01-02T15:04:05.000000000Z") + "\x1f" + j.ID.String()
}

func (g *gizmoStore) JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error) {
	var starts []string
	for _, k := range []string{"claim", "account", "event", "entity", "link", "doc", "judgement"} {
		starts = append(starts, nodes(k, []uuid.UUID{target}))
	}
	rows, err := g.run(ctx, fmt.Sprintf(`g.V(%s).In("<cg:target>").Tag("n").Out("<cg:record>").Tag("rec").All();`, strings.Join(starts, ", ")))
	if err != nil {
		return nil, err
	}
	recs, err := records[graph.Judgement](rows, "n")
	if err != nil {
		return nil, err
	}
	out := make([]graph.Judgement, 0, len(recs))
	for _, j := range recs {
		out = append(out, *j)
	}
	sort.Slice(out, func(i, j int) bool { return judgementOrder(&out[i]) < judgementOrder(&out[j]) })
	return out, nil
}

// keyedNode is a node id with the key its list sorts it by.
type keyedNode = graph.Keyed[uuid.UUID]

// pageOf sorts and pages as cayleystore does (graph.PageByKey).
func pageOf(items []keyedNode, p graph.Page) ([]uuid.UUID, string, error) {
	return graph.PageByKey(items, p)
}

// listed pages the nodes path leads to by their cg:order keys, then
// fetches the page's records.
func listed[T any](ctx context.Context, g *gizmoStore, kind, path string, p graph.Page) ([]T, string, error) {
	rows, err := g.run(ctx, fmt.Sprintf(`%s.Tag("n").Out("<cg:order>").Tag("k").All();`, path))
	if err != nil {
		return nil, "", err
	}
	var items []keyedNode
	for _, r := range rows {
		s, _ := r["n"].(string)
		k, ok := r["k"].(string)
		if id, ok2 := rowID(r, "n"); ok && ok2 && strings.HasPrefix(s, "<cg:"+kind+"/") {
			items = append(items, keyedNode{Item: id, Key: k})
		}
	}
	ids, next, err := pageOf(items, p)
	if err != nil {
		return nil, "", err
	}
	recs, err := fetchRecords[T](ctx, g, kind, ids)
	return inOrder(recs, ids), next, err
}

func (g *gizmoStore) Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error) {
	return listed[graph.Document](ctx, g, "doc", `g.V("<cg:Document>").In("<cg:type>")`, p)
}

func (g *gizmoStore) Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error) {
	return listed[graph.Event](ctx, g, "event", `g.V("<cg:Event>").In("<cg:type>")`, p)
}

func (g *gizmoStore) EntityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error) {
	return listed[graph.Entity](ctx, g, "entity", `g.V("<cg:Entity>").In("<cg:type>")`, p)
}

func (g *gizmoStore) Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error) {
	return listed[graph.Judgement](ctx, g, "judgement", `g.V("<cg:Judgement>").In("<cg:type>")`, p)
}

func (g *gizmoStore) DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	out, next, err := listed[graph.Claim](ctx, g, "claim", fmt.Sprintf(`g.V(%s).In("<cg:document>")`, nodes("doc", []uuid.UUID{id})), p)
	if err == nil && len(out) == 0 {
		err = g.exists(ctx, "doc", id)
	}
	return out, next, err
}

func (g *gizmoStore) EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	rows, err := g.run(ctx, fmt.Sprintf(`var c = g.V(%s).In(["<cg:mentions>", "<cg:speaker>"]);
c.Tag("n").Out("<cg:order>").Tag("ck").All();
c.Tag("n").Out("<cg:document>").Tag("d").Out("<cg:order>").Tag("dk").All();`, nodes("entity", []uuid.UUID{id})))
	if err != nil {
		return nil, "", err
	}
	ck, dk := map[uuid.UUID]string{}, map[uuid.UUID]string{}
	for _, r := range rows {
		n, ok := rowID(r, "n")
		if !ok {
			continue
		}
		if k, ok := r["ck"].(string); ok {
			ck[n] = k
		}
		if k, ok := r["dk"].(string); ok {
			dk[n] = k
		}
	}
	var items []keyedNode
	for n, k := range ck {
		if d, ok := dk[n]; ok {
			items = append(items, keyedNode{Item: n, Key: d + "\x1e" + k})
		}
	}
	ids, next, err := pageOf(items, p)
	if err != nil {
		return nil, "", err
	}
	if len(ids) == 0 {
		if err := g.exists(ctx, "entity", id); err != nil {
			return nil, "", err
		}
	}
	recs, err := fetchRecords[graph.Claim](ctx, g, "claim", ids)
	return inOrder(recs, ids), next, err
}

func (g *gizmoStore) PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	if err := g.exists(ctx, "entity", id); err != nil {
		return nil, err
	}
	out := []uuid.UUID{id}
	seen := map[uuid.UUID]bool{id: true}
	frontier := []uuid.UUID{id}
	for depth := 0; depth < 4 && len(frontier) > 0; depth++ {
		rows, err := g.run(ctx, fmt.Sprintf(`g.V(%s).In("<cg:within>").All();`, nodes("entity", frontier)))
		if err != nil {
			return nil, err
		}
		var level []uuid.UUID
		for _, r := range rows {
			if pid, ok := rowID(r, "id"); ok && !seen[pid] {
				seen[pid] = true
				level = append(level, pid)
			}
		}
		sort.Slice(level, func(i, j int) bool { return level[i].String() < level[j].String() })
		out = append(out, level...)
		frontier = level
	}
	return out, nil
}

func uniq(ids []uuid.UUID) []uuid.UUID {
	seen := make(map[uuid.UUID]bool, len(ids))
	out := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
