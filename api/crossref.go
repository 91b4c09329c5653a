package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/xref"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// eventContext is an event with everything cross-referencing reads about
// it: its accounts, their claims and documents, the entities they name
// and the judgements on it.
type eventContext struct {
	event      *graph.Event
	accounts   []graph.Account
	claims     map[uuid.UUID]graph.Claim
	docs       map[uuid.UUID]graph.Document
	world      *xref.World
	judgements []graph.Judgement
}

func (s *Server) loadEvent(ctx context.Context, id uuid.UUID) (*eventContext, error) {
	ev, err := s.store.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	accounts, err := s.store.EventAccounts(ctx, id)
	if err != nil {
		return nil, err
	}
	ec := &eventContext{event: ev, accounts: accounts, claims: map[uuid.UUID]graph.Claim{}, docs: map[uuid.UUID]graph.Document{}}
	var claimIDs, entIDs, docIDs []uuid.UUID
	for _, a := range accounts {
		claimIDs = append(claimIDs, a.Claims...)
		entIDs = append(entIDs, a.Speaker.ID)
		if a.Perpetrator != nil {
			entIDs = append(entIDs, a.Perpetrator.Entity.ID)
		}
		if a.Place != nil {
			entIDs = append(entIDs, a.Place.Entity.ID)
		}
		docIDs = append(docIDs, a.DocumentID)
	}
	docs, err := s.store.DocumentRecords(ctx, docIDs)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		ec.docs[d.ID] = d
	}
	claims, err := s.store.Claims(ctx, claimIDs)
	if err != nil {
		return nil, err
	}
	for _, c := range claims {
		ec.claims[c.ID] = c
	}
	ents, err := s.store.Entities(ctx, entIDs)
	if err != nil {
		return nil, err
	}
	ec.world = s.xref.World().With(ents...)
	if ec.judgements, err = s.store.JudgementsFor(ctx, id); err != nil {
		return nil, err
	}
	return ec, nil
}

// eventHandler answers a GET on one event with view of its context.
func (s *Server) eventHandler(view func(*eventContext) any) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "event")
		if err != nil {
			return err
		}
		ec, err := s.loadEvent(c.Request().Context(), id)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, view(ec))
	}
}

// EventView is an event with its grade, computed from the graph (or set by
// an analyst), and the grade of each allegation of responsibility.
type EventView struct {
	graph.Event
	Allegations []xref.Allegation `json:"allegations"`
}

func eventView(ec *eventContext) any {
	v := EventView{Event: *ec.event, Allegations: xref.Allegations(ec.accounts, ec.claims, ec.world)}
	for i := range v.Allegations {
		nonNil(&v.Allegations[i].Asserting)
		nonNil(&v.Allegations[i].Denying)
		nonNil(&v.Allegations[i].Accounts)
	}
	g := xref.Grade(ec.accounts, ec.claims, ec.judgements, ec.world)
	v.Grade = &g
	nonNil(&v.Allegations)
	return v
}

// ConflictsView answers GET /v1/events/{id}/conflicts.
type ConflictsView struct {
	Event     graph.Event      `json:"event"`
	Conflicts []graph.Conflict `json:"conflicts"`
}

func conflictsView(ec *eventContext) any {
	v := ConflictsView{Event: *ec.event, Conflicts: xref.Conflicts(ec.accounts, ec.claims, ec.world)}
	nonNil(&v.Conflicts)
	return v
}

// TimelineView answers GET /v1/events/{id}/timeline.
type TimelineView struct {
	Event  graph.Event          `json:"event"`
	Points []xref.TimelinePoint `json:"points"`
}

func timelineView(ec *eventContext) any {
	v := TimelineView{Event: *ec.event, Points: xref.Timeline(ec.accounts, ec.claims, ec.docs)}
	nonNil(&v.Points)
	return v
}

// EventSource is one document that gives an account of an event: who in
// it speaks, with what stance, in which independence group, whether it is
// the first to give a value, and the claims and accounts it gives.
type EventSource struct {
	Document DocumentRef        `json:"document"`
	Speakers []xref.SourceEntry `json:"speakers"`
	Accounts []graph.Account    `json:"accounts"`
	Claims   []graph.Claim      `json:"claims"`
	First    bool               `json:"first"`
}

func sourcesView(ec *eventContext) any {
	byDoc := map[uuid.UUID]*EventSource{}
	var order []uuid.UUID
	src := func(doc uuid.UUID) *EventSource {
		if e := byDoc[doc]; e != nil {
			return e
		}
		d := ec.docs[doc]
		e := &EventSource{Document: docRef(&d), Speakers: []xref.SourceEntry{}, Accounts: []graph.Account{}, Claims: []graph.Claim{}}
		byDoc[doc] = e
		order = append(order, doc)
		return e
	}
	for _, se := range xref.Sources(ec.accounts, ec.claims, ec.docs, ec.world) {
		e := src(se.Document)
		e.Speakers = append(e.Speakers, se)
		e.First = e.First || se.First
	}
	for _, a := range ec.accounts {
		e := src(a.DocumentID)
		e.Accounts = append(e.Accounts, a)
		for _, cid := range a.Claims {
			if cl, ok := ec.claims[cid]; ok {
				e.Claims = append(e.Claims, cl)
			}
		}
	}
	out := make([]EventSource, 0, len(order))
	for _, d := range order {
		e := byDoc[d]
		sort.Slice(e.Claims, func(i, j int) bool { return e.Claims[i].Span.Start < e.Claims[j].Span.Start })
		e.Claims = slicesCompactClaims(e.Claims)
		out = append(out, *e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := eventDocDate(ec, out[i].Document.ID), eventDocDate(ec, out[j].Document.ID)
		if a != b {
			return dateLess(a, b)
		}
		// On the same day, a dated document comes before an undated one
		// placed there by the latest date it mentions: the undated one was
		// written that day at the earliest.
		if ua, ub := out[i].Document.Date == "", out[j].Document.Date == ""; ua != ub {
			return ub
		}
		return out[i].Document.ID.String() < out[j].Document.ID.String()
	})
	return list(out, "")
}

// eventDocDate is a document's date, or for an undated one the latest date
// it mentions (so an undated letter sorts after what it cites).
func eventDocDate(ec *eventContext, doc uuid.UUID) string {
	if d := ec.docs[doc].Date; d != "" {
		return d
	}
	for _, a := range ec.accounts {
		if a.DocumentID == doc && a.NotBefore != "" {
			return a.NotBefore
		}
	}
	return ""
}

func slicesCompactClaims(cs []graph.Claim) []graph.Claim {
	out := cs[:0]
	for i, c := range cs {
		if i == 0 || c.ID != cs[i-1].ID {
			out = append(out, c)
		}
	}
	return out
}

// ContestedEvent is one entry of GET /v1/conflicts.
type ContestedEvent struct {
	Event graph.Event `json:"event"`
	// Attributes are the attributes whose values conflict.
	Attributes []string `json:"attributes"`
	// Groups is the number of incompatible value groups, summed over the
	// attributes: the list is sorted by it, most contested first.
	Groups int `json:"groups"`
}

func (s *Server) listConflicts(c echo.Context) error {
	p, err := pageParams(c)
	if err != nil {
		return err
	}
	evs, err := s.allEvents(c.Request().Context())
	if err != nil {
		return err
	}
	var out []ContestedEvent
	for _, ev := range evs {
		if ev.Contested > 0 {
			out = append(out, ContestedEvent{Event: ev, Attributes: ev.ContestedAttributes, Groups: ev.Contested})
			nonNil(&out[len(out)-1].Attributes)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Groups != out[j].Groups {
			return out[i].Groups > out[j].Groups
		}
		return out[i].Event.ID.String() < out[j].Event.ID.String()
	})
	page, next, err := offsetPage(out, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list(page, next))
}

// LinkView is a link seen from one of its claims: the relation, which way
// it points, the other claim with its document and source, and who or
// what made the link and why.
type LinkView struct {
	graph.Link
	Direction string   `json:"direction"` // "outgoing": this claim is From; "incoming": it is To
	Other     ClaimRef `json:"other"`
}

// ClaimRef is a short view of a claim.
type ClaimRef struct {
	ID       uuid.UUID       `json:"id"`
	Text     string          `json:"text"`
	Document DocumentRef     `json:"document"`
	Source   graph.EntityRef `json:"source"`
}

var relations = map[string]bool{graph.RelCorroborates: true, graph.RelDisputes: true, graph.RelRevises: true, graph.RelRepeats: true, graph.RelMentions: true}

func (s *Server) claimLinks(c echo.Context) error {
	id, err := idParam(c, "claim")
	if err != nil {
		return err
	}
	rel := c.QueryParam("relation")
	if rel != "" && !relations[rel] {
		return graph.Errorf(graph.EINVALID, "relation must be one of corroborates, disputes, revises, repeats, mentions; not %q", rel)
	}
	ctx := c.Request().Context()
	if _, err := s.store.Claim(ctx, id); err != nil {
		return err
	}
	links, err := s.store.ClaimLinks(ctx, id)
	if err != nil {
		return err
	}
	out := []LinkView{}
	var others []uuid.UUID
	for _, l := range links {
		if rel != "" && l.Relation != rel {
			continue
		}
		v := LinkView{Link: l, Direction: "outgoing"}
		v.Other.ID = l.To
		if l.To == id {
			v.Direction, v.Other.ID = "incoming", l.From
		}
		out = append(out, v)
		others = append(others, v.Other.ID)
	}
	// The other claims and their documents, each read in one pass.
	ocs, err := s.store.Claims(ctx, others)
	if err != nil {
		return err
	}
	claims := make(map[uuid.UUID]graph.Claim, len(ocs))
	var docIDs []uuid.UUID
	for _, oc := range ocs {
		claims[oc.ID] = oc
		docIDs = append(docIDs, oc.DocumentID)
	}
	docs, err := s.store.DocumentRecords(ctx, docIDs)
	if err != nil {
		return err
	}
	refs := make(map[uuid.UUID]DocumentRef, len(docs))
	for i := range docs {
		refs[docs[i].ID] = docRef(&docs[i])
	}
	for i := range out {
		oc, ok := claims[out[i].Other.ID]
		if !ok {
			return fmt.Errorf("link %s: claim %s is missing", out[i].ID, out[i].Other.ID)
		}
		out[i].Other = ClaimRef{ID: oc.ID, Text: oc.Text, Document: refs[oc.DocumentID], Source: oc.Speaker}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Relation != out[j].Relation {
			return out[i].Relation < out[j].Relation
		}
		return out[i].Other.ID.String() < out[j].Other.ID.String()
	})
	return c.JSON(http.StatusOK, list(out, ""))
}

// decodeJSON decodes a JSON request body strictly: UTF-8, one value, no
// unknown fields.
func decodeJSON(c echo.Context, v any) error {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	if !isJSON(ct) {
		return graph.Errorf(graph.EUNSUPPORTED, "content type %q is not supported: send application/json", ct)
	}
	b, err := readBody(c)
	if err != nil {
		return err
	}
	if !utf8.Valid(b) {
		return graph.Errorf(graph.EINVALID, "request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return graph.Errorf(graph.EINVALID, "request body is not valid: %v", jsonError(err))
	}
	if dec.More() {
		return graph.Errorf(graph.EINVALID, "request body holds more than one JSON value")
	}
	return nil
}

// LinkRequest is the body of POST /v1/links.
type LinkRequest struct {
	From     uuid.UUID `json:"from"`
	To       uuid.UUID `json:"to"`
	Relation string    `json:"relation"`
	Reason   string    `json:"reason"`
}

func (s *Server) postLink(c echo.Context) error {
	var req LinkRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	j := graph.Judgement{Kind: graph.JudgeLink, Targets: []uuid.UUID{req.From, req.To}, Relation: req.Relation, Reason: req.Reason}
	return s.judge(c, j)
}

// JudgementRequest is the body of POST /v1/judgements.
type JudgementRequest struct {
	Kind     string      `json:"kind"`
	Targets  []uuid.UUID `json:"targets"`
	Relation string      `json:"relation,omitempty"`
	Grade    string      `json:"grade,omitempty"`
	Value    string      `json:"value,omitempty"`
	Reason   string      `json:"reason"`
}

func (s *Server) postJudgement(c echo.Context) error {
	var req JudgementRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	j := graph.Judgement{Kind: req.Kind, Targets: req.Targets, Relation: req.Relation, Grade: req.Grade, Value: req.Value, Reason: req.Reason}
	return s.judge(c, j)
}

// judge checks a judgement, has the cross-referencer work out its effects
// and commits both in one batch.
func (s *Server) judge(c echo.Context, j graph.Judgement) error {
	j.ID = uuid.New()
	if err := checkJudgement(&j); err != nil {
		return err
	}
	j.Author = actor(c)
	j.CreatedAt = time.Now().UTC().Truncate(time.Millisecond)
	ctx := c.Request().Context()
	if _, err := s.ingester.Apply(ctx, func(ctx context.Context) (*graph.Batch, error) { return s.xref.Judge(ctx, j) }); err != nil {
		return err
	}
	stored, err := s.store.Judgement(ctx, j.ID)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/v1/judgements/"+j.ID.String())
	return c.JSON(http.StatusCreated, stored)
}

// checkJudgement applies the API's own limits; the rules of each kind of
// judgement are the cross-referencer's (xref.CheckJudgement).
func checkJudgement(j *graph.Judgement) error {
	if len(j.Targets) > 100 {
		return graph.Errorf(graph.EINVALID, "a judgement acts on at most 100 targets")
	}
	if len(j.Reason) > 4000 {
		return graph.Errorf(graph.EINVALID, "reason is longer than 4000 bytes")
	}
	return xref.CheckJudgement(*j)
}

// actor names who makes a change: the name of the caller's token, or
// "anonymous" where no token is required.
func actor(c echo.Context) string {
	if n, ok := c.Get("actor").(string); ok && n != "" {
		return n
	}
	return "anonymous"
}

func (s *Server) listJudgements(c echo.Context) error {
	p, err := pageParams(c)
	if err != nil {
		return err
	}
	js, next, err := s.store.Judgements(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list(js, next))
}

func (s *Server) getJudgement(c echo.Context) error {
	id, err := idParam(c, "judgement")
	if err != nil {
		return err
	}
	j, err := s.store.Judgement(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, j)
}

// deleteJudgement undoes a judgement: it is kept, marked revoked by whom
// and when, and its effects are undone.
func (s *Server) deleteJudgement(c echo.Context) error {
	id, err := idParam(c, "judgement")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	j, err := s.store.Judgement(ctx, id)
	if err != nil {
		return err
	}
	if j.RevokedAt != nil {
		return c.JSON(http.StatusOK, j) // already undone: nothing changes
	}
	by, at := actor(c), time.Now().UTC().Truncate(time.Millisecond)
	if _, err := s.ingester.Apply(ctx, func(ctx context.Context) (*graph.Batch, error) { return s.xref.Revoke(ctx, *j, by, at) }); err != nil {
		return err
	}
	j, err = s.store.Judgement(ctx, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, j)
}
