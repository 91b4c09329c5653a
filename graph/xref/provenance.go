package xref

import (
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// ProvenanceStep is one document carrying a claim (or a claim reusing its
// wording).
type ProvenanceStep struct {
	Claim     uuid.UUID       `json:"claim"`
	Document  uuid.UUID       `json:"document"`
	Title     string          `json:"title,omitempty"`
	Published string          `json:"published,omitempty"`
	Speaker   graph.EntityRef `json:"speaker"`
	Text      string          `json:"text,omitempty"`
	// Reason is the link's reason (the wording reused).
	Reason string  `json:"reason,omitempty"`
	Score  float64 `json:"score,omitempty"`
}

// ProvenanceChain traces a claim: its speaker, the document carrying it,
// the earlier documents carrying the same claim (the first of them its
// first appearance) and the later documents repeating it.
type ProvenanceChain struct {
	Claim   uuid.UUID       `json:"claim"`
	Speaker graph.EntityRef `json:"speaker"`
	// Reported is true when the carrying document reports the speaker's
	// words.
	Reported bool           `json:"reported"`
	Carrier  ProvenanceStep `json:"carrier"`
	// First is the earliest known appearance: the earliest of Earlier, or
	// the carrier itself.
	First   ProvenanceStep   `json:"first"`
	Earlier []ProvenanceStep `json:"earlier,omitempty"`
	Later   []ProvenanceStep `json:"later,omitempty"`
}

// Provenance traces claim (carried by doc) through repeats links: Earlier
// follows links from the claim to what it repeats, transitively; Later
// follows links to the claim from what repeats it. claims and docs give
// the linked claims' records and documents; steps for claims not in them
// carry ids only. Analyst "repeats" links count like computed ones.
func Provenance(claim graph.Claim, doc graph.Document, links []graph.Link, claims map[uuid.UUID]graph.Claim, docs map[uuid.UUID]graph.Document) ProvenanceChain {
	claims = withClaim(claims, claim)
	docs = withDoc(docs, doc)
	step := func(id uuid.UUID, l *graph.Link) ProvenanceStep {
		s := ProvenanceStep{Claim: id}
		if c, ok := claims[id]; ok {
			s.Document, s.Speaker, s.Text = c.DocumentID, c.Speaker, c.Text
			if d, ok := docs[c.DocumentID]; ok {
				s.Title, s.Published = d.Title, d.Date
			}
		}
		if l != nil {
			s.Reason, s.Score = l.Reason, l.Score
		}
		return s
	}
	from := map[uuid.UUID][]graph.Link{}
	to := map[uuid.UUID][]graph.Link{}
	for _, l := range links {
		if l.Relation != graph.RelRepeats {
			continue
		}
		from[l.From] = append(from[l.From], l)
		to[l.To] = append(to[l.To], l)
	}
	// walk follows links breadth first; it returns the steps with their
	// distance from the claim.
	walk := func(start uuid.UUID, next func(uuid.UUID) []graph.Link, far func(graph.Link) uuid.UUID) ([]ProvenanceStep, []int) {
		seen := map[uuid.UUID]bool{start: true}
		var out []ProvenanceStep
		var depth []int
		type item struct {
			id uuid.UUID
			d  int
		}
		queue := []item{{start, 0}}
		for len(queue) > 0 && len(seen) < 1000 {
			cur := queue[0]
			queue = queue[1:]
			ls := append([]graph.Link(nil), next(cur.id)...)
			sort.Slice(ls, func(i, j int) bool { return ls[i].ID.String() < ls[j].ID.String() })
			for _, l := range ls {
				id := far(l)
				if seen[id] {
					continue
				}
				seen[id] = true
				l := l
				out = append(out, step(id, &l))
				depth = append(depth, cur.d+1)
				queue = append(queue, item{id, cur.d + 1})
			}
		}
		return out, depth
	}
	// order sorts steps in time: by date where both are dated, else by
	// their distance along the repeats links (which were drawn from the
	// later document to the earlier, undated documents placed by the
	// latest date they mention).
	order := func(steps []ProvenanceStep, depth []int, back bool) []ProvenanceStep {
		idx := make([]int, len(steps))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(x, y int) bool {
			a, b := steps[idx[x]], steps[idx[y]]
			if a.Published != "" && b.Published != "" && a.Published != b.Published {
				return a.Published < b.Published
			}
			if depth[idx[x]] != depth[idx[y]] {
				return (depth[idx[x]] > depth[idx[y]]) == back
			}
			return a.Claim.String() < b.Claim.String()
		})
		out := make([]ProvenanceStep, len(steps))
		for i, j := range idx {
			out[i] = steps[j]
		}
		return out
	}
	p := ProvenanceChain{Claim: claim.ID, Speaker: claim.Speaker, Reported: claim.Reported, Carrier: step(claim.ID, nil)}
	es, ed := walk(claim.ID, func(id uuid.UUID) []graph.Link { return from[id] }, func(l graph.Link) uuid.UUID { return l.To })
	ls, ld := walk(claim.ID, func(id uuid.UUID) []graph.Link { return to[id] }, func(l graph.Link) uuid.UUID { return l.From })
	p.Earlier, p.Later = order(es, ed, true), order(ls, ld, false)
	p.First = p.Carrier
	if len(p.Earlier) > 0 {
		p.First = p.Earlier[0]
	}
	return p
}

func withClaim(m map[uuid.UUID]graph.Claim, c graph.Claim) map[uuid.UUID]graph.Claim {
	out := make(map[uuid.UUID]graph.Claim, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	out[c.ID] = c
	return out
}

func withDoc(m map[uuid.UUID]graph.Document, d graph.Document) map[uuid.UUID]graph.Document {
	out := make(map[uuid.UUID]graph.Document, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	if d.ID != uuid.Nil {
		out[d.ID] = d
	}
	return out
}
