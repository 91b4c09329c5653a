package api

import (
	"context"
	"net/http"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// DocumentRef is a short reference to a document.
type DocumentRef struct {
	ID     uuid.UUID `json:"id"`
	Title  string    `json:"title,omitempty"`
	Symbol string    `json:"symbol,omitempty"`
	Kind   string    `json:"kind,omitempty"`
	Author string    `json:"author,omitempty"`
	Date   string    `json:"date,omitempty"`
	File   string    `json:"file,omitempty"`
}

// docRef reads a document's reference without its text.
func (s *Server) docRef(ctx context.Context, id uuid.UUID) (DocumentRef, error) {
	ds, err := s.store.DocumentRecords(ctx, []uuid.UUID{id})
	if err != nil {
		return DocumentRef{}, err
	}
	if len(ds) == 0 {
		return DocumentRef{}, graph.Errorf(graph.ENOTFOUND, "document %s not found", id)
	}
	return docRef(&ds[0]), nil
}

func docRef(d *graph.Document) DocumentRef {
	return DocumentRef{ID: d.ID, Title: d.Title, Symbol: d.Symbol, Kind: d.Kind, Author: d.Author, Date: d.Date, File: d.File}
}

// ClaimView is a claim with its document, source, entities and events.
type ClaimView struct {
	graph.Claim
	Document DocumentRef       `json:"document"`
	Source   graph.EntityRef   `json:"source"`
	Entities []graph.EntityRef `json:"entities"`
	Events   []uuid.UUID       `json:"events"`
}

func (s *Server) claimView(ctx context.Context, cl *graph.Claim) (*ClaimView, error) {
	dr, err := s.docRef(ctx, cl.DocumentID)
	if err != nil {
		return nil, err
	}
	v := &ClaimView{Claim: *cl, Document: dr, Source: cl.Speaker, Entities: []graph.EntityRef{}, Events: []uuid.UUID{}}
	seen := map[uuid.UUID]bool{}
	for _, m := range cl.Mentions {
		if !seen[m.Entity.ID] {
			seen[m.Entity.ID] = true
			v.Entities = append(v.Entities, m.Entity)
		}
	}
	accounts, err := s.store.Accounts(ctx, cl.Accounts)
	if err != nil {
		return nil, err
	}
	evs := map[uuid.UUID]bool{}
	for _, a := range accounts {
		if a.EventID != nil && !evs[*a.EventID] {
			evs[*a.EventID] = true
			v.Events = append(v.Events, *a.EventID)
		}
	}
	return v, nil
}

func (s *Server) getClaim(c echo.Context) error {
	id, err := idParam(c, "claim")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	cl, err := s.store.Claim(ctx, id)
	if err != nil {
		return err
	}
	v, err := s.claimView(ctx, cl)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

// ProvenanceStep is one link of a provenance chain. Relation uses W3C PROV
// terms where one fits: wasAttributedTo (the speaker), wasQuotedFrom (a
// reported speaker), wasGeneratedBy/carried_by (the document), authored_by,
// actedOnBehalfOf, affiliated_with, wasDerivedFrom (an earlier document with
// the same wording), repeated_in (a later one).
type ProvenanceStep struct {
	Relation string           `json:"relation"`
	Entity   *graph.EntityRef `json:"entity,omitempty"`
	Document *DocumentRef     `json:"document,omitempty"`
	Claim    *uuid.UUID       `json:"claim,omitempty"`
	Name     string           `json:"name,omitempty"` // for parties known only by name
	Note     string           `json:"note,omitempty"`
}

// Provenance answers GET /v1/claims/{id}/provenance.
type Provenance struct {
	Claim           ClaimView        `json:"claim"`
	Chain           []ProvenanceStep `json:"chain"`
	FirstAppearance *DocumentRef     `json:"first_appearance"`
	RepeatedIn      []DocumentRef    `json:"repeated_in"`
}

func (s *Server) claimProvenance(c echo.Context) error {
	id, err := idParam(c, "claim")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	cl, err := s.store.Claim(ctx, id)
	if err != nil {
		return err
	}
	v, err := s.claimView(ctx, cl)
	if err != nil {
		return err
	}
	docs, err := s.store.DocumentRecords(ctx, []uuid.UUID{cl.DocumentID})
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "document %s not found", cl.DocumentID)
	}
	doc := &docs[0]
	p := Provenance{Claim: *v, Chain: []ProvenanceStep{}, RepeatedIn: []DocumentRef{}}
	speaker := cl.Speaker
	rel := "wasAttributedTo"
	if cl.Reported {
		rel = "wasQuotedFrom"
	}
	p.Chain = append(p.Chain, ProvenanceStep{Relation: rel, Entity: &speaker, Note: cl.SpeakerText})
	if err := s.affiliations(ctx, speaker.ID, &p.Chain); err != nil {
		return err
	}
	dr := docRef(doc)
	p.Chain = append(p.Chain, ProvenanceStep{Relation: "carried_by", Document: &dr})
	if doc.AuthorEntity != nil {
		p.Chain = append(p.Chain, ProvenanceStep{Relation: "authored_by", Entity: doc.AuthorEntity, Name: doc.Author})
	} else if doc.Author != "" {
		p.Chain = append(p.Chain, ProvenanceStep{Relation: "authored_by", Name: doc.Author})
	}
	if doc.OnBehalfOfEntity != nil {
		p.Chain = append(p.Chain, ProvenanceStep{Relation: "actedOnBehalfOf", Entity: doc.OnBehalfOfEntity, Name: doc.OnBehalfOf})
	} else if doc.OnBehalfOf != "" {
		p.Chain = append(p.Chain, ProvenanceStep{Relation: "actedOnBehalfOf", Name: doc.OnBehalfOf})
	}
	// Text reuse: earlier documents with the same wording are derivation
	// candidates; the earliest is the first appearance.
	links, err := s.store.ClaimLinks(ctx, cl.ID)
	if err != nil {
		return err
	}
	type reuse struct {
		doc   DocumentRef
		claim uuid.UUID
		link  graph.Link
	}
	var earlier []reuse
	for _, l := range links {
		if l.Relation != graph.RelRepeats {
			continue
		}
		other := l.To
		if l.To == cl.ID {
			other = l.From
		}
		oc, err := s.store.Claim(ctx, other)
		if err != nil {
			return err
		}
		od, err := s.docRef(ctx, oc.DocumentID)
		if err != nil {
			return err
		}
		if l.From == cl.ID { // this claim repeats an earlier one
			earlier = append(earlier, reuse{od, other, l})
		} else {
			p.RepeatedIn = append(p.RepeatedIn, od)
		}
	}
	sort.Slice(earlier, func(i, j int) bool { return dateLess(earlier[i].doc.Date, earlier[j].doc.Date) })
	for _, e := range earlier {
		d, cid := e.doc, e.claim
		p.Chain = append(p.Chain, ProvenanceStep{Relation: "wasDerivedFrom", Document: &d, Claim: &cid, Note: e.link.Reason})
	}
	if len(earlier) > 0 {
		p.FirstAppearance = &earlier[0].doc
	} else {
		p.FirstAppearance = &dr
	}
	sort.Slice(p.RepeatedIn, func(i, j int) bool { return dateLess(p.RepeatedIn[i].Date, p.RepeatedIn[j].Date) })
	return c.JSON(http.StatusOK, p)
}

// affiliations appends the chain of entities the speaker speaks for.
func (s *Server) affiliations(ctx context.Context, id uuid.UUID, chain *[]ProvenanceStep) error {
	seen := map[uuid.UUID]bool{id: true}
	for range 6 {
		e, err := s.store.Entity(ctx, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		if e.Affiliation == nil || seen[*e.Affiliation] {
			return nil
		}
		a, err := s.store.Entity(ctx, *e.Affiliation)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		ref := a.Ref()
		*chain = append(*chain, ProvenanceStep{Relation: "affiliated_with", Entity: &ref})
		seen[a.ID] = true
		id = a.ID
	}
	return nil
}

// dateLess orders dates with undated last.
func dateLess(a, b string) bool {
	if a == "" {
		return false
	}
	if b == "" {
		return true
	}
	return a < b
}
