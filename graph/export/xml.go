package export

import (
	"bufio"
	"encoding/xml"
	"strconv"
	"strings"
)

// xw writes XML, keeping the first error.
type xw struct {
	w   *bufio.Writer
	err error
}

func (x *xw) raw(ss ...string) {
	for _, s := range ss {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

// esc writes s escaped for XML text or a double-quoted attribute: &, <, >,
// quotes, and tab, newline and carriage return as character references;
// characters XML 1.0 does not allow become U+FFFD.
func (x *xw) esc(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"`.
func (x *xw) attr(name, value string) {
	x.raw(" ", name, `="`)
	x.esc(value)
	x.raw(`"`)
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// graphAttrs are the selection's description, written as graph data.
var graphAttrs = []AttrDef{
	{"focus", AttrString}, {"focus_type", AttrString}, {"depth", AttrInt}, {"from", AttrString}, {"to", AttrString},
	{"relations", AttrString}, {"max_nodes", AttrInt}, {"truncated", AttrBool}, {"omitted", AttrInt},
	{"omitted_at_least", AttrBool}, {"note", AttrString},
}

// edgeBudgetAttrs describe the edge budget, declared and written only
// when it cut the graph (Graph.EdgesCut). omitted_edges_by_relation is
// "relation=count,..." in the order of Relations.
var edgeBudgetAttrs = []AttrDef{
	{"max_edges", AttrInt}, {"omitted_edges", AttrInt}, {"omitted_edges_by_relation", AttrString},
}

// graphAttrsOf are the graph attributes g is written with.
func graphAttrsOf(g *Graph) []AttrDef {
	if !g.EdgesCut() {
		return graphAttrs
	}
	return append(append([]AttrDef(nil), graphAttrs...), edgeBudgetAttrs...)
}

func graphAttr(g *Graph, name string) any {
	switch name {
	case "focus":
		return nilIfEmpty(g.Focus)
	case "focus_type":
		return nilIfEmpty(g.FocusType)
	case "depth":
		return g.Depth
	case "from":
		return nilIfEmpty(g.From)
	case "to":
		return nilIfEmpty(g.To)
	case "relations":
		return nilIfEmpty(strings.Join(g.Relations, ","))
	case "max_nodes":
		return g.MaxNodes
	case "truncated":
		return g.Truncated
	case "omitted":
		return g.Omitted
	case "omitted_at_least":
		return g.OmittedAtLeast
	case "note":
		return nilIfEmpty(g.Note)
	case "max_edges":
		return g.MaxEdges
	case "omitted_edges":
		return g.OmittedEdges
	case "omitted_edges_by_relation":
		return nilIfEmpty(relationCounts(g.OmittedEdgesByRelation, "=", ","))
	}
	return nil
}

// writeGraphML writes GraphML with a typed <key> for every attribute
// (graph, node and edge), as Gephi, yEd and networkx read it.
func writeGraphML(w *bufio.Writer, g *Graph) error {
	x := &xw{w: w}
	x.raw(xmlHeader)
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`, "\n")
	key := func(prefix, domain string, a AttrDef) {
		x.raw("  <key")
		x.attr("id", prefix+a.Name)
		x.attr("for", domain)
		x.attr("attr.name", a.Name)
		x.attr("attr.type", string(a.Type))
		x.raw("/>\n")
	}
	gattrs := graphAttrsOf(g)
	for _, a := range gattrs {
		key("g_", "graph", a)
	}
	for _, a := range NodeAttrs {
		key("n_", "node", a)
	}
	for _, a := range EdgeAttrs {
		key("e_", "edge", a)
	}
	data := func(indent, k string, v any) {
		if v == nil {
			return
		}
		x.raw(indent, `<data key="`, k, `">`)
		x.esc(attrString(v))
		x.raw("</data>\n")
	}
	x.raw(`  <graph id="claimgraph" edgedefault="directed">`, "\n")
	for _, a := range gattrs {
		data("    ", "g_"+a.Name, graphAttr(g, a.Name))
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		x.raw("    <node")
		x.attr("id", n.ID)
		x.raw(">\n")
		for _, a := range NodeAttrs {
			data("      ", "n_"+a.Name, n.NodeAttr(a.Name))
		}
		x.raw("    </node>\n")
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		x.raw("    <edge")
		x.attr("id", e.ID)
		x.attr("source", e.Source)
		x.attr("target", e.Target)
		x.raw(">\n")
		for _, a := range EdgeAttrs {
			data("      ", "e_"+a.Name, e.EdgeAttr(a.Name))
		}
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.err
}

// gexfType is the GEXF name of an attribute type.
func gexfType(t AttrType) string {
	if t == AttrInt {
		return "integer"
	}
	return string(t)
}

// writeGEXF writes GEXF 1.3 as a dynamic graph with timeformat="date":
// each node and edge has a start (the day it is first known: a document's
// or claim's publication, an account's publication, an event's first day;
// an edge takes the later of its ends), open-ended so that Gephi's
// timeline adds the story day by day. Undated nodes (entities) are there
// throughout. Dates are also plain attributes.
func writeGEXF(w *bufio.Writer, g *Graph) error {
	x := &xw{w: w}
	x.raw(xmlHeader)
	x.raw(`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`, "\n")
	x.raw("  <meta>\n    <creator>claimgraph</creator>\n    <description>")
	desc := "claimgraph export"
	if g.Focus != "" {
		desc += " around " + g.FocusType + " " + g.Focus + ", depth " + strconv.Itoa(g.Depth)
	}
	if g.Truncated {
		desc += ". " + g.Note
	}
	x.esc(desc)
	x.raw("</description>\n  </meta>\n")
	x.raw(`  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">`, "\n")
	attrs := func(class string, defs []AttrDef) {
		x.raw(`    <attributes class="`, class, `" mode="static">`, "\n")
		for _, a := range defs {
			if a.Name == "label" {
				continue // GEXF's own label
			}
			x.raw("      <attribute")
			x.attr("id", a.Name)
			x.attr("title", a.Name)
			x.attr("type", gexfType(a.Type))
			x.raw("/>\n")
		}
		x.raw("    </attributes>\n")
	}
	attrs("node", NodeAttrs)
	attrs("edge", EdgeAttrs)
	values := func(get func(string) any, defs []AttrDef) {
		x.raw("        <attvalues>\n")
		for _, a := range defs {
			if a.Name == "label" {
				continue
			}
			v := get(a.Name)
			if v == nil {
				continue
			}
			x.raw("          <attvalue")
			x.attr("for", a.Name)
			x.attr("value", attrString(v))
			x.raw("/>\n")
		}
		x.raw("        </attvalues>\n")
	}
	x.raw("    <nodes>\n")
	for i := range g.Nodes {
		n := &g.Nodes[i]
		x.raw("      <node")
		x.attr("id", n.ID)
		x.attr("label", n.Label)
		if n.Start != "" {
			x.attr("start", n.Start)
		}
		x.raw(">\n")
		values(n.NodeAttr, NodeAttrs)
		x.raw("      </node>\n")
	}
	x.raw("    </nodes>\n    <edges>\n")
	for i := range g.Edges {
		e := &g.Edges[i]
		x.raw("      <edge")
		x.attr("id", e.ID)
		x.attr("source", e.Source)
		x.attr("target", e.Target)
		x.attr("label", e.Relation)
		if e.Start != "" {
			x.attr("start", e.Start)
		}
		x.raw(">\n")
		values(e.EdgeAttr, EdgeAttrs)
		x.raw("      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.err
}
