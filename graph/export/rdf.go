package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// segments are the path segments of node IRIs, as the store writes them
// (<cg:doc/ID>, <cg:claim/ID>, ...).
var segments = map[string]string{
	TypeDocument: "doc", TypeClaim: "claim", TypeEntity: "entity", TypeAccount: "account", TypeEvent: "event",
}

// IRI is the IRI of a node in the store and in the RDF formats.
func IRI(typ, id string) string { return "cg:" + segments[typ] + "/" + id }

// rdfTerms are the standard terms an edge of each relation also states,
// besides its own cg: predicate (which is the store's predicate where the
// store has one).
var rdfTerms = map[string]struct {
	pred  string
	extra []string
}{
	RelDocument:     {"cg:document", []string{"schema:appearance", "prov:wasDerivedFrom"}},
	RelSpeaker:      {"cg:speaker", []string{"schema:author", "prov:wasAttributedTo"}},
	RelMentions:     {"cg:mentions", []string{"schema:mentions"}},
	RelClaim:        {"cg:claim", []string{"prov:wasDerivedFrom"}},
	RelEvent:        {"cg:event", []string{"schema:about"}},
	RelPlace:        {"cg:place", []string{"schema:location"}},
	RelPerpetrator:  {"cg:perpetrator", nil},
	RelWithin:       {"cg:within", []string{"schema:containedInPlace"}},
	RelAffiliation:  {"cg:affiliation", []string{"prov:actedOnBehalfOf"}},
	RelAuthor:       {"cg:authorEntity", []string{"schema:author", "prov:wasAttributedTo"}},
	RelOnBehalfOf:   {"cg:onBehalfOf", nil},
	RelCorroborates: {"cg:corroborates", nil},
	RelDisputes:     {"cg:disputes", nil},
	RelRevises:      {"cg:revises", []string{"prov:wasRevisionOf"}},
	RelRepeats:      {"cg:repeats", []string{"prov:wasQuotedFrom"}},
}

var rdfTypes = map[string][]string{
	TypeDocument: {"cg:Document", "prov:Entity", "schema:CreativeWork"},
	TypeClaim:    {"cg:Claim", "schema:Claim", "prov:Entity"},
	TypeAccount:  {"cg:Account", "prov:Entity"},
	TypeEvent:    {"cg:Event", "schema:Event"},
}

// entityTypes are the extra RDF types of an entity, by kind.
func entityTypes(kind string) []string {
	switch kind {
	case "place":
		return []string{"schema:Place"}
	case "person":
		return []string{"prov:Agent", "schema:Person"}
	case "unknown", "unclassified":
		return nil
	}
	return []string{"prov:Agent", "schema:Organization"}
}

var xsdTypes = map[AttrType]string{AttrInt: "xsd:integer", AttrDouble: "xsd:double", AttrBool: "xsd:boolean"}

func literal(t AttrType, v any) any {
	if xt, ok := xsdTypes[t]; ok {
		return map[string]any{"@value": attrString(v), "@type": xt}
	}
	return attrString(v)
}

func idRef(iri string) map[string]any { return map[string]any{"@id": iri} }

// writeJSONLD writes the subgraph as JSON-LD. Node IRIs are the store's
// (cg:claim/ID, ...), and so are the predicates of the edges it holds
// (cg:speaker, cg:document, ...), so the triples agree with the N-Quads
// export. Node attributes are literals in the default graph, with
// schema.org terms where they fit (schema:Claim, schema:text,
// schema:name, schema:datePublished, schema:startDate); each edge is
// stated in the named graph of its provenance (the store's label:
// cg:ingest/DOC, cg:xref, cg:judgement/ID, cg:gazetteer), together with
// the PROV-O and schema.org terms it implies: a claim prov:wasDerivedFrom
// and schema:appearance its document, prov:wasAttributedTo and
// schema:author its speaker, prov:hadPrimarySource the speaker it reports;
// a repeating claim prov:wasQuotedFrom the claim it repeats, a revising one
// prov:wasRevisionOf. Links are also nodes (cg:link/ID) with their
// reason, score and author.
func writeJSONLD(w io.Writer, g *Graph) error {
	types := make(map[string]string, len(g.Nodes))
	iris := make(map[string]string, len(g.Nodes))
	for i := range g.Nodes {
		types[g.Nodes[i].ID] = g.Nodes[i].Type
		iris[g.Nodes[i].ID] = IRI(g.Nodes[i].Type, g.Nodes[i].ID)
	}
	var def []any
	sel := map[string]any{
		"@id": "_:selection", "@type": "cg:Selection",
		"cg:maxNodes":  literal(AttrInt, g.MaxNodes),
		"cg:depth":     literal(AttrInt, g.Depth),
		"cg:truncated": literal(AttrBool, g.Truncated),
		"cg:omitted":   literal(AttrInt, g.Omitted),
	}
	if g.Focus != "" {
		sel["cg:focus"] = idRef(IRI(g.FocusType, g.Focus))
	}
	if g.EdgesCut() {
		sel["cg:maxEdges"] = literal(AttrInt, g.MaxEdges)
		sel["cg:omittedEdges"] = literal(AttrInt, g.OmittedEdges)
		sel["cg:omittedEdgesByRelation"] = relationCounts(g.OmittedEdgesByRelation, "=", ",")
	}
	if g.Note != "" {
		sel["rdfs:comment"] = g.Note
	}
	def = append(def, sel)

	reported := map[string]bool{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		obj := map[string]any{"@id": iris[n.ID], "rdfs:label": n.Label}
		ts := append([]string(nil), rdfTypes[n.Type]...)
		if n.Type == TypeEntity {
			ts = append([]string{"cg:Entity"}, entityTypes(attrString(n.Attrs["kind"]))...)
		}
		obj["@type"] = ts
		for _, a := range NodeAttrs {
			switch a.Name {
			case "type", "label", "depth", "date", "date_end", "document":
				continue
			}
			if v := n.NodeAttr(a.Name); v != nil {
				obj["cg:"+a.Name] = literal(a.Type, v)
			}
		}
		if t, ok := n.Attrs["text"].(string); ok {
			obj["schema:text"] = t
		}
		if t, ok := n.Attrs["title"].(string); ok {
			obj["schema:name"] = t
		} else if n.Type == TypeEntity {
			obj["schema:name"] = n.Label
		}
		if n.Start != "" {
			date := map[string]any{"@value": n.Start, "@type": "xsd:date"}
			switch n.Type {
			case TypeEvent:
				obj["schema:startDate"] = date
				end := n.End
				if end == "" {
					end = n.Start
				}
				obj["schema:endDate"] = map[string]any{"@value": end, "@type": "xsd:date"}
			default:
				obj["schema:datePublished"] = date
			}
		}
		if r, ok := n.Attrs["reported"].(bool); ok && r {
			reported[n.ID] = true
		}
		def = append(def, obj)
	}

	named := map[string][]any{}
	var order []string
	state := func(prov string, obj map[string]any) {
		if prov == "" {
			def = append(def, obj)
			return
		}
		if _, ok := named[prov]; !ok {
			order = append(order, prov)
		}
		named[prov] = append(named[prov], obj)
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		terms, ok := rdfTerms[e.Relation]
		if !ok {
			continue
		}
		from, to := iris[e.Source], iris[e.Target]
		obj := map[string]any{"@id": from, terms.pred: idRef(to)}
		for _, x := range terms.extra {
			obj[x] = idRef(to)
		}
		if e.Relation == RelSpeaker && reported[e.Source] {
			obj["prov:hadPrimarySource"] = idRef(to)
		}
		state(e.Provenance, obj)
		if e.Stance != "" {
			link := map[string]any{
				"@id": "cg:link/" + e.ID, "@type": []string{"cg:Link", "prov:Entity"},
				"cg:from": idRef(from), "cg:to": idRef(to), "cg:relation": e.Relation, "cg:origin": e.Origin,
			}
			for _, a := range EdgeAttrs {
				switch a.Name {
				case "relation", "stance", "provenance", "origin":
					continue
				}
				if v := e.EdgeAttr(a.Name); v != nil {
					link["cg:"+a.Name] = literal(a.Type, v)
				}
			}
			if e.Origin == OriginXref {
				link["prov:wasAttributedTo"] = idRef("cg:xref")
			}
			state(e.Provenance, link)
		}
	}
	sort.Strings(order)
	all := def
	for _, p := range order {
		all = append(all, map[string]any{"@id": p, "@type": "prov:Bundle", "@graph": named[p]})
	}
	doc := map[string]any{
		"@context": map[string]any{
			"prov":   "http://www.w3.org/ns/prov#",
			"schema": "https://schema.org/",
			"xsd":    "http://www.w3.org/2001/XMLSchema#",
			"rdfs":   "http://www.w3.org/2000/01/rdf-schema#",
		},
		"@graph": all,
	}
	return json.NewEncoder(w).Encode(doc)
}

// WriteNQuads writes the quads the store holds about the subgraph, labels
// included, taken from its dump: every quad whose subject is a node of g,
// a link between two of its claims that g keeps, or a judgement an edge
// names as provenance; quads pointing at a node outside g, or along a
// relation the selection filtered out, are left out.
func WriteNQuads(ctx context.Context, w io.Writer, g *Graph, d Dumper) error {
	keep := make(map[string]bool, len(g.Nodes)+len(g.Edges))
	nodes := make(map[string]bool, len(g.Nodes)+len(g.Edges))
	for i := range g.Nodes {
		iri := IRI(g.Nodes[i].Type, g.Nodes[i].ID)
		keep[iri], nodes[iri] = true, true
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		if e.Stance != "" {
			keep["cg:link/"+e.ID] = true
		}
		if strings.HasPrefix(e.Provenance, "cg:judgement/") {
			keep[e.Provenance] = true
		}
	}
	rels := map[string]bool{}
	for _, r := range g.Relations {
		rels[r] = true
	}
	// Predicates that are relations: dropped when the filter leaves the
	// relation out. cg:document also ties accounts to their document,
	// which no relation names: kept.
	relOf := map[string]string{
		"cg:speaker": RelSpeaker, "cg:mentions": RelMentions, "cg:claim": RelClaim, "cg:event": RelEvent,
		"cg:place": RelPlace, "cg:perpetrator": RelPerpetrator, "cg:within": RelWithin, "cg:affiliation": RelAffiliation,
	}

	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := d.Dump(ctx, pw)
		pw.CloseWithError(err)
		done <- err
	}()
	br := bufio.NewReaderSize(pr, 1<<16)
	bw := bufio.NewWriter(w)
	var werr error
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 && werr == nil {
			subj, pred, obj := quadTerms(line)
			ok := keep[subj]
			if ok && isNodeIRI(obj) && !nodes[obj] && !keep[obj] {
				ok = false
			}
			if r, isRel := relOf[pred]; ok && isRel && len(rels) > 0 && !rels[r] {
				ok = false
			}
			if ok {
				_, werr = bw.WriteString(line)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			pr.CloseWithError(err)
			<-done
			return fmt.Errorf("read dump: %w", err)
		}
	}
	if err := <-done; err != nil {
		return fmt.Errorf("dump store: %w", err)
	}
	if werr != nil {
		return fmt.Errorf("write n-quads: %w", werr)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return nil
}

// quadTerms reads the IRIs of subject and predicate, and the object when it
// is an IRI, from one N-Quads line; "" where absent. IRIs in N-Quads
// cannot contain '>' unescaped, so the first '>' ends each.
func quadTerms(line string) (subj, pred, obj string) {
	iri := func(s string) (string, string) {
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, "<") {
			return "", s
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return "", s
		}
		return s[1:end], s[end+1:]
	}
	subj, rest := iri(line)
	if subj == "" {
		return "", "", ""
	}
	pred, rest = iri(rest)
	obj, _ = iri(rest)
	return subj, pred, obj
}

// isNodeIRI reports whether iri names a node (cg:TYPE/ID) rather than a
// type or predicate.
func isNodeIRI(iri string) bool {
	return strings.HasPrefix(iri, "cg:") && strings.Contains(iri, "/")
}

// storePredicates are the store's predicates for the relations it holds as
// quads (the document author relation lives in the document's record).
var storePredicates = map[string]string{
	RelDocument: "cg:document", RelSpeaker: "cg:speaker", RelMentions: "cg:mentions", RelClaim: "cg:claim",
	RelEvent: "cg:event", RelPlace: "cg:place", RelPerpetrator: "cg:perpetrator", RelWithin: "cg:within",
	RelAffiliation: "cg:affiliation",
}

// ResolveProvenance sets each edge's Provenance to the label its quad has
// in the store, read from the store's dump: the batch that assigned an
// account to its event, computed a link, or first wrote an entity. Select
// alone leaves those empty (it reads records, not quads). The dump is read
// once, in full: use it for exports, not on every view.
func ResolveProvenance(ctx context.Context, g *Graph, d Dumper) error {
	type spo struct{ s, p, o string }
	want := map[spo][]int{}
	iris := map[string]string{}
	for i := range g.Nodes {
		iris[g.Nodes[i].ID] = IRI(g.Nodes[i].Type, g.Nodes[i].ID)
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		if e.Stance != "" {
			k := spo{"cg:link/" + e.ID, "cg:from", iris[e.Source]}
			want[k] = append(want[k], i)
			continue
		}
		if p, ok := storePredicates[e.Relation]; ok {
			k := spo{iris[e.Source], p, iris[e.Target]}
			want[k] = append(want[k], i)
		}
	}
	if len(want) == 0 {
		return nil
	}
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := d.Dump(ctx, pw)
		pw.CloseWithError(err)
		done <- err
	}()
	br := bufio.NewReaderSize(pr, 1<<16)
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			s, p, o := quadTerms(line)
			if idx, ok := want[spo{s, p, o}]; ok {
				if lbl := quadLabel(line); lbl != "" {
					for _, i := range idx {
						g.Edges[i].Provenance = lbl
					}
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			pr.CloseWithError(err)
			<-done
			return fmt.Errorf("read dump: %w", err)
		}
	}
	if err := <-done; err != nil {
		return fmt.Errorf("dump store: %w", err)
	}
	return nil
}

// quadLabel reads the label IRI of an N-Quads line whose object is an IRI:
// the fourth term, "" when there is none.
func quadLabel(line string) string {
	line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), "."))
	if !strings.HasSuffix(line, ">") {
		return ""
	}
	i := strings.LastIndexByte(line, '<')
	if i < 0 {
		return ""
	}
	// Three IRIs before it: subject, predicate, object.
	if strings.Count(line[:i], "<") < 3 {
		return ""
	}
	return line[i+1 : len(line)-1]
}
