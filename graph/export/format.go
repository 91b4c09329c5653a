package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Format names an output format.
type Format string

// Formats.
const (
	FormatCytoscape Format = "cytoscape" // Cytoscape.js elements JSON
	FormatD3        Format = "d3"        // node-link JSON (D3, networkx node_link_graph)
	FormatGraphML   Format = "graphml"   // GraphML (Gephi, yEd, networkx)
	FormatGEXF      Format = "gexf"      // GEXF 1.3, dynamic (Gephi)
	FormatDOT       Format = "dot"       // Graphviz
	FormatJSONLD    Format = "jsonld"    // JSON-LD with PROV-O and schema.org
	FormatNQuads    Format = "nquads"    // the store's quads, labels included
)

// Formats lists every format.
var Formats = []Format{FormatCytoscape, FormatD3, FormatGraphML, FormatGEXF, FormatDOT, FormatJSONLD, FormatNQuads}

var contentTypes = map[Format]string{
	FormatCytoscape: "application/json",
	FormatD3:        "application/json",
	FormatGraphML:   "application/graphml+xml",
	FormatGEXF:      "application/gexf+xml",
	FormatDOT:       "text/vnd.graphviz",
	FormatJSONLD:    "application/ld+json",
	FormatNQuads:    "application/n-quads",
}

// ContentType is the media type the format is served as.
func (f Format) ContentType() string {
	ct := contentTypes[f]
	if strings.HasPrefix(ct, "text/") || ct == "application/n-quads" {
		ct += "; charset=utf-8"
	}
	return ct
}

// Ext is the usual file name extension of the format.
func (f Format) Ext() string {
	switch f {
	case FormatCytoscape:
		return "cyjs"
	case FormatD3:
		return "json"
	case FormatNQuads:
		return "nq"
	}
	return string(f)
}

// ParseFormat reads a format name; "" is cytoscape.
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "":
		return FormatCytoscape, nil
	case "json-ld":
		return FormatJSONLD, nil
	case "n-quads", "nq":
		return FormatNQuads, nil
	case "graphviz":
		return FormatDOT, nil
	case "node-link", "networkx":
		return FormatD3, nil
	case "cyjs":
		return FormatCytoscape, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", graph.Errorf(graph.EINVALID, "unknown format %q: formats are %s", s, strings.Join(names, ", "))
}

// FormatForAccept picks the format an Accept header asks for; false when
// it names none of them (or only */* or application/json, which the
// caller's default answers).
func FormatForAccept(accept string) (Format, bool) {
	for _, part := range strings.Split(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "application/graphml+xml":
			return FormatGraphML, true
		case "application/gexf+xml":
			return FormatGEXF, true
		case "text/vnd.graphviz":
			return FormatDOT, true
		case "application/ld+json":
			return FormatJSONLD, true
		case "application/n-quads":
			return FormatNQuads, true
		}
	}
	return "", false
}

// Dumper writes every quad the store holds as N-Quads
// (graph/cayleystore.Store.Dump).
type Dumper interface {
	Dump(ctx context.Context, w io.Writer) error
}

// Write writes g in format f. N-Quads come from the store: use
// WriteNQuads.
func Write(w io.Writer, g *Graph, f Format) error {
	bw := bufio.NewWriter(w)
	var err error
	switch f {
	case FormatCytoscape:
		err = writeCytoscape(bw, g)
	case FormatD3:
		err = writeD3(bw, g)
	case FormatGraphML:
		err = writeGraphML(bw, g)
	case FormatGEXF:
		err = writeGEXF(bw, g)
	case FormatDOT:
		err = writeDOT(bw, g)
	case FormatJSONLD:
		err = writeJSONLD(bw, g)
	case FormatNQuads:
		return graph.Errorf(graph.EINVALID, "n-quads are read from the store: use WriteNQuads")
	default:
		return graph.Errorf(graph.EINVALID, "unknown format %q", f)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", f, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", f, err)
	}
	return nil
}

// Export selects the subgraph opt describes from src and writes it to w in
// format f: what `claimgraph export --focus ID --depth N --format F` does.
// With a src that is also a Dumper, every edge's provenance is the label
// its quad has in the store (ResolveProvenance); N-Quads need one.
func Export(ctx context.Context, src Source, opt Options, f Format, w io.Writer) (*Graph, error) {
	g, err := Select(ctx, src, opt)
	if err != nil {
		return nil, err
	}
	d, ok := src.(Dumper)
	if f == FormatNQuads {
		if !ok {
			return nil, graph.Errorf(graph.EINVALID, "this store cannot dump its quads: n-quads are not available")
		}
		return g, WriteNQuads(ctx, w, g, d)
	}
	if ok {
		if err := ResolveProvenance(ctx, g, d); err != nil {
			return nil, err
		}
	}
	return g, Write(w, g, f)
}

// header is the selection's description, shared by the JSON formats.
type header struct {
	Focus          string   `json:"focus,omitempty"`
	FocusType      string   `json:"focus_type,omitempty"`
	Depth          int      `json:"depth"`
	From           string   `json:"from,omitempty"`
	To             string   `json:"to,omitempty"`
	Relations      []string `json:"relations,omitempty"`
	MaxNodes       int      `json:"max_nodes"`
	Truncated      bool     `json:"truncated"`
	Omitted        int      `json:"omitted"`
	OmittedAtLeast bool     `json:"omitted_at_least,omitempty"`
	// The edge budget, described only when it cut the graph (EdgesCut).
	MaxEdges               int            `json:"max_edges,omitempty"`
	OmittedEdges           int            `json:"omitted_edges,omitempty"`
	OmittedEdgesByRelation map[string]int `json:"omitted_edges_by_relation,omitempty"`
	Note                   string         `json:"note,omitempty"`
	NodeCount              int            `json:"node_count"`
	EdgeCount              int            `json:"edge_count"`
}

func headerOf(g *Graph) header {
	h := header{
		Focus: g.Focus, FocusType: g.FocusType, Depth: g.Depth, From: g.From, To: g.To,
		Relations: g.Relations, MaxNodes: g.MaxNodes, Truncated: g.Truncated, Omitted: g.Omitted,
		OmittedAtLeast: g.OmittedAtLeast, Note: g.Note, NodeCount: len(g.Nodes), EdgeCount: len(g.Edges),
	}
	if g.EdgesCut() {
		h.MaxEdges, h.OmittedEdges, h.OmittedEdgesByRelation = g.MaxEdges, g.OmittedEdges, g.OmittedEdgesByRelation
	}
	return h
}

type cyElement struct {
	Data    map[string]any `json:"data"`
	Classes string         `json:"classes,omitempty"`
}

// writeCytoscape writes Cytoscape.js JSON: {"elements": {"nodes": [{data}],
// "edges": [{data}]}, ...the selection's description}. Node classes are
// the type (and entity kind), edge classes the relation.
//
// The bytes are those encoding/json writes for the struct of header,
// elements and cyElement (keys of data sorted, HTML escaped, a newline at
// the end), but each element is written directly: encoding a 500-node
// graph's data maps by reflection, sorting their keys through reflect
// values, was most of a depth-2 answer's writing time.
func writeCytoscape(w io.Writer, g *Graph) error {
	head, err := json.Marshal(headerOf(g))
	if err != nil {
		return err
	}
	e := newFlatWriter(w)
	e.write(head[:len(head)-1])
	e.str(`,"elements":{"nodes":[`)
	for i := range g.Nodes {
		n := &g.Nodes[i]
		cls := cyClass(g, i)
		if i > 0 {
			e.str(",")
		}
		e.node(n, cls)
	}
	e.str(`],"edges":[`)
	for i := range g.Edges {
		if i > 0 {
			e.str(",")
		}
		e.edge(&g.Edges[i])
	}
	e.str("]}}\n")
	return e.err
}

// flatWriter writes cyElements as encoding/json does, one value at a time
// through a reused encoder.
type flatWriter struct {
	w       io.Writer
	scratch bytes.Buffer
	enc     *json.Encoder
	keys    []string
	num     []byte
	err     error
}

// plainJSON reports whether encoding/json writes s as it is between
// quotes: printable ASCII with nothing it escapes (quote, backslash, and
// <, >, & as it escapes HTML).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

func newFlatWriter(w io.Writer) *flatWriter {
	f := &flatWriter{w: w}
	f.enc = json.NewEncoder(&f.scratch)
	return f
}

func (f *flatWriter) write(b []byte) {
	if f.err == nil {
		_, f.err = f.w.Write(b)
	}
}

func (f *flatWriter) str(s string) {
	if f.err == nil {
		_, f.err = io.WriteString(f.w, s)
	}
}

// value writes v's JSON, without the newline the encoder ends it with.
// Strings encoding/json writes as they are, ints and bools are written
// here; anything else goes through the encoder.
func (f *flatWriter) value(v any) {
	if f.err != nil {
		return
	}
	switch x := v.(type) {
	case string:
		if plainJSON(x) {
			f.num = append(append(append(f.num[:0], '"'), x...), '"')
			f.write(f.num)
			return
		}
	case int:
		f.write(strconv.AppendInt(f.num[:0], int64(x), 10))
		return
	case bool:
		f.write(strconv.AppendBool(f.num[:0], x))
		return
	}
	f.scratch.Reset()
	if f.err = f.enc.Encode(v); f.err != nil {
		return
	}
	b := f.scratch.Bytes()
	f.write(b[:len(b)-1])
}

// dataKeys are the keys of an element's data in the order encoding/json
// writes a map's (sorted): the fixed ones and every declared attribute.
func dataKeys(defs []AttrDef, fixed ...string) []string {
	keys := fixed
	for _, a := range defs {
		keys = append(keys, a.Name)
	}
	sort.Strings(keys)
	return keys
}

var (
	nodeKeys = dataKeys(NodeAttrs, "id")
	edgeKeys = dataKeys(EdgeAttrs, "id", "source", "target")
)

// node writes a node's element, {"data":{...sorted keys...},"classes":
// cls} (classes omitted when empty), as encoding/json writes flatNode(n)'s
// map, without building the map.
func (f *flatWriter) node(n *Node, cls string) {
	f.str(`{"data":{`)
	first := true
	for _, k := range nodeKeys {
		var s string
		switch k {
		case "id":
			s = n.ID
		case "type":
			s = n.Type
		case "label":
			s = n.Label
		case "date", "date_end":
			if s = n.Start; k == "date_end" {
				s = n.End
			}
			if s == "" {
				continue // nilIfEmpty: absent
			}
		case "depth":
			f.key(k, first)
			first = false
			f.write(strconv.AppendInt(f.num[:0], int64(n.Depth), 10))
			continue
		default:
			first = f.attr(k, n.Attrs, first)
			continue
		}
		f.key(k, first)
		first = false
		f.string(s)
	}
	f.endElement(cls)
}

// edge writes an edge's element, {"data":{...sorted keys...},"classes":
// relation}, as encoding/json writes flatEdge(e)'s map, without building
// the map: a depth-2 answer has thousands of edges.
func (f *flatWriter) edge(e *Edge) {
	f.str(`{"data":{`)
	first := true
	for _, k := range edgeKeys {
		var s string
		switch k {
		case "id":
			s = e.ID
		case "source":
			s = e.Source
		case "target":
			s = e.Target
		case "relation":
			s = e.Relation
		case "stance", "provenance", "origin", "date":
			switch k {
			case "stance":
				s = e.Stance
			case "provenance":
				s = e.Provenance
			case "origin":
				s = e.Origin
			default:
				s = e.Start
			}
			if s == "" {
				continue // nilIfEmpty: absent
			}
		default:
			first = f.attr(k, e.Attrs, first)
			continue
		}
		f.key(k, first)
		first = false
		f.string(s)
	}
	f.endElement(e.Relation)
}

// attr writes attribute k of attrs when it has one, and reports whether
// the next key is still the first.
func (f *flatWriter) attr(k string, attrs map[string]any, first bool) bool {
	v, ok := attrs[k]
	if !ok || v == nil {
		return first
	}
	f.key(k, first)
	f.value(v)
	return false
}

// endElement closes an element's data and writes its classes, omitted
// when empty.
func (f *flatWriter) endElement(cls string) {
	f.str("}")
	if cls != "" {
		f.str(`,"classes":`)
		f.string(cls)
	}
	f.str("}")
}

// key writes "k": after a comma unless it is the first.
func (f *flatWriter) key(k string, first bool) {
	if !first {
		f.str(",")
	}
	f.string(k)
	f.str(":")
}

// string writes s as a JSON string, as encoding/json does.
func (f *flatWriter) string(s string) {
	if f.err != nil {
		return
	}
	if plainJSON(s) {
		f.num = append(append(append(f.num[:0], '"'), s...), '"')
		f.write(f.num)
		return
	}
	f.value(s)
}

// writeD3 writes node-link JSON as D3 force layouts and networkx's
// node_link_graph read it: nodes, links, directed, multigraph, graph.
func writeD3(w io.Writer, g *Graph) error {
	out := struct {
		header
		Directed   bool             `json:"directed"`
		Multigraph bool             `json:"multigraph"`
		Graph      header           `json:"graph"`
		Nodes      []map[string]any `json:"nodes"`
		Links      []map[string]any `json:"links"`
	}{header: headerOf(g), Directed: true, Multigraph: true, Graph: headerOf(g)}
	out.Nodes = make([]map[string]any, 0, len(g.Nodes))
	for i := range g.Nodes {
		out.Nodes = append(out.Nodes, flatNode(&g.Nodes[i]))
	}
	out.Links = make([]map[string]any, 0, len(g.Edges))
	for i := range g.Edges {
		m := flatEdge(&g.Edges[i])
		m["key"] = m["id"]
		out.Links = append(out.Links, m)
	}
	return json.NewEncoder(w).Encode(out)
}

// cyClass is the Cytoscape class of the graph's i-th node: its type, an
// entity's kind, and "focus" for the focus (listed first).
func cyClass(g *Graph, i int) string {
	n := &g.Nodes[i]
	cls := n.Type
	if k, ok := n.Attrs["kind"].(string); ok && n.Type == TypeEntity {
		cls += " " + k
	}
	if i == 0 && g.Focus == n.ID {
		cls += " focus"
	}
	return cls
}
