package export

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Node types.
const (
	TypeDocument = "document"
	TypeClaim    = "claim"
	TypeEntity   = "entity"
	TypeAccount  = "account"
	TypeEvent    = "event"
)

// Relations: the edge kinds Select follows and writes.
const (
	RelDocument     = "document"    // claim -> the document that carries it
	RelSpeaker      = "speaker"     // claim -> the source that asserts it
	RelMentions     = "mentions"    // claim -> an entity it names
	RelClaim        = "claim"       // account -> a claim it rests on
	RelEvent        = "event"       // account -> the event it is resolved to
	RelPlace        = "place"       // account -> where
	RelPerpetrator  = "perpetrator" // account -> who it blames
	RelWithin       = "within"      // place -> enclosing place
	RelAffiliation  = "affiliation" // entity -> the entity it speaks for
	RelAuthor       = "author"      // document -> its author entity
	RelOnBehalfOf   = "on_behalf_of"
	RelCorroborates = graph.RelCorroborates
	RelDisputes     = graph.RelDisputes
	RelRevises      = graph.RelRevises
	RelRepeats      = graph.RelRepeats
)

// Relations lists every relation name, in the order they are documented.
var Relations = []string{
	RelDocument, RelSpeaker, RelMentions, RelClaim, RelEvent, RelPlace, RelPerpetrator,
	RelCorroborates, RelDisputes, RelRevises, RelRepeats,
	RelWithin, RelAffiliation, RelAuthor, RelOnBehalfOf,
}

// stances are the relations that are links between claims.
var stances = map[string]bool{RelCorroborates: true, RelDisputes: true, RelRevises: true, RelRepeats: true}

// ParseRelations reads a comma-separated relation filter. "" means every
// relation (nil); "stance" stands for the four link relations.
func ParseRelations(s string) (map[string]bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	known := make(map[string]bool, len(Relations))
	for _, r := range Relations {
		known[r] = true
	}
	out := map[string]bool{}
	for _, r := range strings.Split(s, ",") {
		r = strings.TrimSpace(r)
		switch {
		case r == "":
			continue
		case r == "stance" || r == "links":
			for st := range stances {
				out[st] = true
			}
		case known[r]:
			out[r] = true
		default:
			return nil, graph.Errorf(graph.EINVALID, "unknown relation %q: relations are %s, or stance", r, strings.Join(Relations, ", "))
		}
	}
	if len(out) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "relations names no relation")
	}
	return out, nil
}

// Provenance origins.
const (
	OriginIngest    = "ingest"    // written by a document's ingestion
	OriginXref      = "xref"      // computed by cross-referencing
	OriginAnalyst   = "analyst"   // an analyst's judgement
	OriginGazetteer = "gazetteer" // shipped with the gazetteer
)

// Graph is a selected subgraph.
type Graph struct {
	// Focus is the id the selection started from ("" for the whole graph)
	// and FocusType its type.
	Focus     string `json:"focus,omitempty"`
	FocusType string `json:"focus_type,omitempty"`
	Depth     int    `json:"depth"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	// Relations is the relation filter, nil for all.
	Relations []string `json:"relations,omitempty"`
	MaxNodes  int      `json:"max_nodes"`
	// MaxEdges is the edge budget.
	MaxEdges int `json:"max_edges,omitempty"`
	// Truncated is true when the node budget left nodes out or the edge
	// budget left edges out; Omitted is how many nodes the walk found and
	// left out (at least that many when OmittedAtLeast), OmittedEdges how
	// many edges between the nodes taken were left out (exactly), by
	// relation in OmittedEdgesByRelation, and Note says it in words.
	Truncated              bool           `json:"truncated"`
	Omitted                int            `json:"omitted"`
	OmittedAtLeast         bool           `json:"omitted_at_least,omitempty"`
	OmittedEdges           int            `json:"omitted_edges,omitempty"`
	OmittedEdgesByRelation map[string]int `json:"omitted_edges_by_relation,omitempty"`
	Note                   string         `json:"note,omitempty"`
	Nodes                  []Node         `json:"nodes"`
	Edges                  []Edge         `json:"edges"`
}

// Node is one vertex: its id (the record's UUID), type, label, dates and
// typed attributes. Attrs keys are those of NodeAttrs.
type Node struct {
	ID    string         `json:"id"`
	Type  string         `json:"type"`
	Label string         `json:"label"`
	Start string         `json:"start,omitempty"` // YYYY-MM-DD: the date it is known from
	End   string         `json:"end,omitempty"`   // YYYY-MM-DD: the last day of its date, if a range
	Depth int            `json:"depth"`           // hops from the focus
	Attrs map[string]any `json:"attrs,omitempty"`
}

// Edge is one directed relation between two nodes of the graph.
type Edge struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Relation string `json:"relation"`
	// Stance is the link relation for claim-claim links, "" otherwise.
	Stance string `json:"stance,omitempty"`
	// Provenance is the label of the quads the edge stands for
	// ("cg:ingest/DOC", "cg:xref", "cg:judgement/ID", "cg:gazetteer"); ""
	// when the store does not say; Origin is its kind.
	Provenance string         `json:"provenance,omitempty"`
	Origin     string         `json:"origin"`
	Start      string         `json:"start,omitempty"` // when the edge is known from
	Attrs      map[string]any `json:"attrs,omitempty"`
}

// AttrType is the type of an attribute, as GraphML and GEXF declare it.
type AttrType string

// Attribute types.
const (
	AttrString AttrType = "string"
	AttrInt    AttrType = "int"
	AttrDouble AttrType = "double"
	AttrBool   AttrType = "boolean"
)

// AttrDef declares one attribute.
type AttrDef struct {
	Name string
	Type AttrType
}

// NodeAttrs declares every node attribute, in output order. The first
// ones (type, label, date, date_end, depth) come from Node's own fields.
var NodeAttrs = []AttrDef{
	{"type", AttrString},
	{"label", AttrString},
	{"date", AttrString},
	{"date_end", AttrString},
	{"depth", AttrInt},
	{"kind", AttrString},         // entity kind, claim kind, event type, document kind
	{"text", AttrString},         // a claim's text
	{"title", AttrString},        // document or event title
	{"symbol", AttrString},       // document symbol
	{"author", AttrString},       // document author
	{"on_behalf_of", AttrString}, // document
	{"document", AttrString},     // id of the carrying document (claims, accounts)
	{"span_start", AttrInt},      // a claim's span, code points in the normalised text
	{"span_end", AttrInt},
	{"speaker", AttrString},  // claims and accounts: who asserts
	{"reported", AttrBool},   // claim in reported speech
	{"polarity", AttrString}, // positive or negative
	{"hedge", AttrString},
	{"values", AttrString},      // figures as text: "killed: 14 (exact) civilians; injured: more than 40"
	{"place", AttrString},       // accounts and events
	{"perpetrator", AttrString}, // accounts
	{"grade", AttrString},       // events
	{"documents", AttrInt},      // events: documents that give an account
	{"accounts", AttrInt},       // events: accounts
	{"aliases", AttrString},     // entities, joined by "; "
	{"place_type", AttrString},  // places
	{"reliability", AttrString}, // sources: Admiralty grade
	{"credibility", AttrInt},    // claims
	{"deprecated", AttrBool},    // claims
	{"gazetteer", AttrBool},     // entities shipped in the gazetteer
}

// EdgeAttrs declares every edge attribute, in output order.
var EdgeAttrs = []AttrDef{
	{"relation", AttrString},
	{"stance", AttrString},
	{"provenance", AttrString},
	{"origin", AttrString},
	{"date", AttrString},
	{"reason", AttrString},
	{"score", AttrDouble},
	{"attribute", AttrString},
	{"author", AttrString},
}

// NodeAttr returns node attribute name of n, from its fields or Attrs; nil
// when it has none.
func (n *Node) NodeAttr(name string) any {
	switch name {
	case "type":
		return n.Type
	case "label":
		return n.Label
	case "date":
		return nilIfEmpty(n.Start)
	case "date_end":
		return nilIfEmpty(n.End)
	case "depth":
		return n.Depth
	}
	return n.Attrs[name]
}

// EdgeAttr returns edge attribute name of e; nil when it has none.
func (e *Edge) EdgeAttr(name string) any {
	switch name {
	case "relation":
		return e.Relation
	case "stance":
		return nilIfEmpty(e.Stance)
	case "provenance":
		return nilIfEmpty(e.Provenance)
	case "origin":
		return nilIfEmpty(e.Origin)
	case "date":
		return nilIfEmpty(e.Start)
	}
	return e.Attrs[name]
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// attrString formats an attribute value as GraphML, GEXF and DOT write it.
func attrString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// flatNode is a node's attributes as one flat map (the JSON formats).
func flatNode(n *Node) map[string]any {
	m := make(map[string]any, len(NodeAttrs)+1)
	m["id"] = n.ID
	for _, a := range NodeAttrs {
		if v := n.NodeAttr(a.Name); v != nil {
			m[a.Name] = v
		}
	}
	return m
}

// flatEdge is an edge's attributes as one flat map, source and target
// included.
func flatEdge(e *Edge) map[string]any {
	m := make(map[string]any, len(EdgeAttrs)+3)
	m["id"], m["source"], m["target"] = e.ID, e.Source, e.Target
	for _, a := range EdgeAttrs {
		if v := e.EdgeAttr(a.Name); v != nil {
			m[a.Name] = v
		}
	}
	return m
}

// ValuesText writes figures for people: "killed: at least 22 civilians;
// injured: more than 40".
func ValuesText(vs []graph.Value) string {
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		parts = append(parts, v.Attribute+": "+valueText(v))
	}
	return strings.Join(parts, "; ")
}

var boundWords = map[graph.Bound]string{
	graph.BoundAtLeast:  "at least ",
	graph.BoundMoreThan: "more than ",
	graph.BoundAtMost:   "at most ",
	graph.BoundLessThan: "less than ",
	graph.BoundAbout:    "about ",
}

func valueText(v graph.Value) string {
	var b strings.Builder
	if v.Value == nil {
		b.WriteString(strconv.Quote(v.Text))
		if v.Min != nil {
			b.WriteString(" (" + strconv.FormatFloat(*v.Min, 'f', -1, 64))
			if v.Max != nil {
				b.WriteString("-" + strconv.FormatFloat(*v.Max, 'f', -1, 64))
			} else {
				b.WriteString("+")
			}
			b.WriteString(")")
		}
	} else {
		b.WriteString(boundWords[v.Bound])
		b.WriteString(strconv.FormatFloat(*v.Value, 'f', -1, 64))
		if v.Bound == graph.BoundExact {
			b.WriteString(" (exact)")
		}
	}
	if v.Who != "" {
		b.WriteString(" " + v.Who)
	} else if v.Unit != "" && v.Unit != "people" {
		b.WriteString(" " + v.Unit)
	}
	return b.String()
}

// sortGraph puts nodes and edges in a stable order: nodes by depth, type,
// date and id; edges by source, relation, target.
func sortGraph(g *Graph) {
	rank := map[string]int{TypeEvent: 0, TypeDocument: 1, TypeAccount: 2, TypeClaim: 3, TypeEntity: 4}
	g.Nodes = sortedStable(g.Nodes, func(a, b *Node) bool {
		if a.Depth != b.Depth {
			return a.Depth < b.Depth
		}
		if rank[a.Type] != rank[b.Type] {
			return rank[a.Type] < rank[b.Type]
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.ID < b.ID
	})
	g.Edges = sortedStable(g.Edges, edgeLess)
}

// EdgesCut reports whether the edge budget left edges out. The formats
// describe the edge budget (max_edges, omitted_edges,
// omitted_edges_by_relation) only then, so that a graph within it is
// written as it was before the budget existed.
func (g *Graph) EdgesCut() bool { return g.OmittedEdges > 0 }

// relationCounts writes counts by relation, in the order of Relations
// (then any other, by name): "corroborates 12, repeats 3" with sep " " and
// join ", ".
func relationCounts(m map[string]int, sep, join string) string {
	var rels []string
	for _, r := range Relations {
		if m[r] > 0 {
			rels = append(rels, r)
		}
	}
	var other []string
	for r, n := range m {
		if n > 0 && !knownRelation(r) {
			other = append(other, r)
		}
	}
	sort.Strings(other)
	parts := make([]string, 0, len(rels)+len(other))
	for _, r := range append(rels, other...) {
		parts = append(parts, r+sep+strconv.Itoa(m[r]))
	}
	return strings.Join(parts, join)
}

// sortedStable is xs stably sorted by less. It sorts positions and copies
// each element once: a stable sort of the elements themselves moves the
// large Node and Edge structs many times over (symMerge's rotations).
func sortedStable[T any](xs []T, less func(a, b *T) bool) []T {
	if len(xs) < 2 {
		return xs
	}
	idx := make([]int32, len(xs))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.SliceStable(idx, func(i, j int) bool { return less(&xs[idx[i]], &xs[idx[j]]) })
	out := make([]T, len(xs))
	for k, i := range idx {
		out[k] = xs[i]
	}
	return out
}
