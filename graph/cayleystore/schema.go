package cayleystore

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// Predicates. Every predicate is an IRI: a Go string passed to cayley would
// become a string literal and silently match nothing.
var (
	pType        = quad.IRI("cg:type")
	pRecord      = quad.IRI("cg:record")
	pText        = quad.IRI("cg:text")
	pOrder       = quad.IRI("cg:order")
	pDocument    = quad.IRI("cg:document")
	pSpeaker     = quad.IRI("cg:speaker")
	pMentions    = quad.IRI("cg:mentions")
	pClaim       = quad.IRI("cg:claim")
	pEvent       = quad.IRI("cg:event")
	pPlace       = quad.IRI("cg:place")
	pPerpetrator = quad.IRI("cg:perpetrator")
	pKey         = quad.IRI("cg:key")
	pWithin      = quad.IRI("cg:within")
	pAffiliation = quad.IRI("cg:affiliation")
	pFrom        = quad.IRI("cg:from")
	pTo          = quad.IRI("cg:to")
	pTarget      = quad.IRI("cg:target")
)

// kind is a node type: the path segment of its IRI and the object of its
// cg:type quad.
type kind struct {
	seg  string   // "doc", "claim", ...
	typ  quad.IRI // <cg:Document>, ...
	name string   // "document", ... for error messages
}

var (
	kDocument  = kind{"doc", quad.IRI("cg:Document"), "document"}
	kClaim     = kind{"claim", quad.IRI("cg:Claim"), "claim"}
	kEntity    = kind{"entity", quad.IRI("cg:Entity"), "entity"}
	kAccount   = kind{"account", quad.IRI("cg:Account"), "account"}
	kEvent     = kind{"event", quad.IRI("cg:Event"), "event"}
	kLink      = kind{"link", quad.IRI("cg:Link"), "link"}
	kJudgement = kind{"judgement", quad.IRI("cg:Judgement"), "judgement"}
	// kinds lists every node type, in the order a judgement's target is
	// resolved.
	kinds = []kind{kClaim, kAccount, kEvent, kEntity, kLink, kDocument, kJudgement}
)

// iri is the node of id.
func (k kind) iri(id uuid.UUID) quad.IRI { return quad.IRI("cg:" + k.seg + "/" + id.String()) }

// iris are the nodes of ids.
func (k kind) iris(ids []uuid.UUID) []quad.Value {
	out := make([]quad.Value, len(ids))
	for i, id := range ids {
		out[i] = k.iri(id)
	}
	return out
}

// only keeps the nodes of kind k: the node's IRI says its kind, which
// spares a filter on cg:type that would scan every node of the type.
func (k kind) only(nodes []quad.Value) []quad.Value {
	prefix := "cg:" + k.seg + "/"
	out := nodes[:0:0]
	for _, n := range nodes {
		if iri, ok := n.(quad.IRI); ok && strings.HasPrefix(string(iri), prefix) {
			out = append(out, n)
		}
	}
	return out
}

// notFound is the domain error for an unknown id of this kind.
func (k kind) notFound(id uuid.UUID) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %s not found", k.name, id)
}

// idOf parses the id out of a node IRI of any kind.
func idOf(v quad.Value) (uuid.UUID, bool) {
	iri, ok := v.(quad.IRI)
	if !ok {
		return uuid.Nil, false
	}
	s := string(iri)
	i := strings.LastIndexByte(s, '/')
	if !strings.HasPrefix(s, "cg:") || i < 0 {
		return uuid.Nil, false
	}
	id, err := uuid.Parse(s[i+1:])
	if err != nil {
		return uuid.Nil, false
	}
	return id, true
}

// Labels.
var (
	labelXref      = quad.IRI("cg:xref")
	labelGazetteer = quad.IRI("cg:gazetteer")
)

// ingestLabel labels what a document's ingestion wrote.
func ingestLabel(doc uuid.UUID) quad.IRI { return quad.IRI("cg:ingest/" + doc.String()) }

var labelWord = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// batchLabel maps a graph.Batch label to the IRI its quads carry:
// "" and "xref" -> <cg:xref>, "document:ID" -> <cg:ingest/ID>,
// "judgement:ID" -> <cg:judgement/ID>, "gazetteer" -> <cg:gazetteer>, and
// any other "word" or "word:word" -> <cg:word> or <cg:word/word>.
func batchLabel(s string) (quad.IRI, error) {
	switch s {
	case "", "xref":
		return labelXref, nil
	case "gazetteer":
		return labelGazetteer, nil
	}
	head, tail, two := strings.Cut(s, ":")
	if !two {
		if labelWord.MatchString(s) {
			return quad.IRI("cg:" + s), nil
		}
		return "", graph.Errorf(graph.EINVALID, "batch label %q is not a word or word:word", s)
	}
	if !labelWord.MatchString(head) || !labelWord.MatchString(tail) {
		return "", graph.Errorf(graph.EINVALID, "batch label %q is not a word or word:word", s)
	}
	switch head {
	case "document", "ingest":
		id, err := uuid.Parse(tail)
		if err != nil {
			return "", graph.Errorf(graph.EINVALID, "batch label %q: %q is not a document id", s, tail)
		}
		return ingestLabel(id), nil
	case "judgement":
		id, err := uuid.Parse(tail)
		if err != nil {
			return "", graph.Errorf(graph.EINVALID, "batch label %q: %q is not a judgement id", s, tail)
		}
		return kJudgement.iri(id), nil
	}
	return quad.IRI("cg:" + head + "/" + tail), nil
}

// Order keys: string literals under cg:order that sort a list in the order
// the API promises. The unit separator keeps fields apart and sorts below
// any printable character.
const sep = "\x1f"

// documentOrder sorts documents by date (undated last), then title, then id.
func documentOrder(d *graph.Document) string {
	if d.Date != "" {
		return "0" + d.Date + sep + d.Title + sep + d.ID.String()
	}
	return "1" + sep + d.Title + sep + d.ID.String()
}

// claimOrder sorts the claims of a document in span order.
func claimOrder(c *graph.Claim) string {
	return fmt.Sprintf("%010d%s%010d%s%s", c.Span.Start, sep, c.Span.End, sep, c.ID)
}

// entityOrder sorts entities by name, then id.
func entityOrder(e *graph.Entity) string { return e.Name + sep + e.ID.String() }

// eventOrder sorts events by date (undated last), then title, then id.
func eventOrder(e *graph.Event) string {
	if e.Date != nil && e.Date.From != "" {
		return "0" + e.Date.From + sep + e.Title + sep + e.ID.String()
	}
	return "1" + sep + e.Title + sep + e.ID.String()
}

// judgementOrder sorts judgements by creation time, then id.
func judgementOrder(j *graph.Judgement) string {
	return j.CreatedAt.UTC().Format("2006-01-02T15:04:05.000000000Z") + sep + j.ID.String()
}
