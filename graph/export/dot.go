package export

import (
	"bufio"
	"strings"
	"unicode"
)

// Colours shared with the viewer: nodes by type, stance edges by relation.
var (
	typeColours = map[string]string{
		TypeDocument: "#9ecae1", TypeClaim: "#fdd0a2", TypeEntity: "#c7e9c0",
		TypeAccount: "#dadaeb", TypeEvent: "#fc9272",
	}
	typeShapes = map[string]string{
		TypeDocument: "note", TypeClaim: "box", TypeEntity: "ellipse", TypeAccount: "component", TypeEvent: "doubleoctagon",
	}
	stanceColours = map[string]string{
		RelCorroborates: "#2ca02c", RelDisputes: "#d62728", RelRevises: "#ff7f0e", RelRepeats: "#9467bd",
	}
)

// dotQuote writes s as a DOT double-quoted string: backslashes and quotes
// escaped, line breaks as \n, other control characters as spaces. Labels
// are never HTML-like, so < and > are plain text.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeDOT writes a Graphviz digraph: nodes shaped and filled by type,
// labelled with their label (a claim's text clipped), stance edges
// coloured; every other attribute is written as a DOT attribute, which
// Graphviz ignores and other readers keep.
func writeDOT(w *bufio.Writer, g *Graph) error {
	x := &xw{w: w}
	x.raw("digraph claimgraph {\n")
	title := "claimgraph"
	if g.Focus != "" {
		title += ": " + g.FocusType + " " + g.Focus
	}
	if g.Truncated {
		title += "\n" + g.Note
	}
	x.raw("  graph [label=", dotQuote(title), ", labelloc=t, overlap=false, splines=true];\n")
	x.raw(`  node [style=filled, fontname="Helvetica", fontsize=10];`, "\n")
	x.raw(`  edge [fontname="Helvetica", fontsize=8];`, "\n")
	for i := range g.Nodes {
		n := &g.Nodes[i]
		x.raw("  ", dotQuote(n.ID), " [label=", dotQuote(clip(n.Label, 60)))
		if s := typeShapes[n.Type]; s != "" {
			x.raw(", shape=", s)
		}
		if c := typeColours[n.Type]; c != "" {
			x.raw(", fillcolor=", dotQuote(c))
		}
		if n.Depth == 0 && n.ID == g.Focus {
			x.raw(", penwidth=3")
		}
		for _, a := range NodeAttrs {
			if a.Name == "label" {
				continue
			}
			if v := n.NodeAttr(a.Name); v != nil {
				x.raw(", ", dotID(a.Name), "=", dotQuote(attrString(v)))
			}
		}
		x.raw("];\n")
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		x.raw("  ", dotQuote(e.Source), " -> ", dotQuote(e.Target), " [label=", dotQuote(e.Relation))
		if c := stanceColours[e.Relation]; c != "" {
			x.raw(", color=", dotQuote(c), ", fontcolor=", dotQuote(c), ", penwidth=2")
		} else {
			x.raw(`, color="#999999"`)
		}
		x.raw(", id=", dotQuote(e.ID))
		for _, a := range EdgeAttrs {
			if v := e.EdgeAttr(a.Name); v != nil {
				x.raw(", ", dotID(a.Name), "=", dotQuote(attrString(v)))
			}
		}
		x.raw("];\n")
	}
	x.raw("}\n")
	return x.err
}

// dotID names an attribute with a cg_ prefix, so that it never clashes
// with an attribute Graphviz itself reads (label, color, id, ...).
func dotID(name string) string { return "cg_" + name }
