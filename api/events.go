package api

import (
	"context"
	"net/http"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

func (s *Server) listEvents(c echo.Context) error {
	p, err := pageParams(c)
	if err != nil {
		return err
	}
	date, err := dateParam(c, "date")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	q := strings.TrimSpace(c.QueryParam("q"))
	if len(q) > 200 {
		return graph.Errorf(graph.EINVALID, "q is longer than 200 bytes")
	}
	if q == "" && date == "" {
		evs, next, err := s.store.Events(ctx, p)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, list(evs, next))
	}
	var evs []graph.Event
	if q != "" {
		evs, err = s.eventsMatching(ctx, q)
	} else {
		evs, err = s.allEvents(ctx)
	}
	if err != nil {
		return err
	}
	if date != "" {
		kept := evs[:0]
		for _, e := range evs {
			if e.Date != nil && e.Date.From <= date && date <= e.Date.To {
				kept = append(kept, e)
			}
		}
		evs = kept
	}
	sort.SliceStable(evs, func(i, j int) bool {
		di, dj := eventDate(evs[i]), eventDate(evs[j])
		if di != dj {
			return dateLess(di, dj)
		}
		return evs[i].ID.String() < evs[j].ID.String()
	})
	page, next, err := offsetPage(evs, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list(page, next))
}

func eventDate(e graph.Event) string {
	if e.Date == nil {
		return ""
	}
	return e.Date.From
}

// eventsMatching finds events whose place (or a place inside it), or any
// other entity an account names, matches q.
func (s *Server) eventsMatching(ctx context.Context, q string) ([]graph.Event, error) {
	ents, err := s.findEntities(ctx, q)
	if err != nil {
		return nil, err
	}
	var ids []uuid.UUID
	for _, e := range ents {
		if e.Kind == graph.KindPlace {
			within, err := s.store.PlacesWithin(ctx, e.ID)
			if err != nil {
				return nil, err
			}
			ids = append(ids, within...)
			continue
		}
		ids = append(ids, e.ID)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	accounts, err := s.store.AccountsByEntity(ctx, ids)
	if err != nil {
		return nil, err
	}
	seen := map[uuid.UUID]bool{}
	var evs []graph.Event
	for _, a := range accounts {
		if a.EventID == nil || seen[*a.EventID] {
			continue
		}
		seen[*a.EventID] = true
		ev, err := s.store.Event(ctx, *a.EventID)
		if err != nil {
			return nil, err
		}
		evs = append(evs, *ev)
	}
	return evs, nil
}

func (s *Server) allEvents(ctx context.Context) ([]graph.Event, error) {
	var all []graph.Event
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		evs, next, err := s.store.Events(ctx, p)
		if err != nil {
			return nil, err
		}
		all = append(all, evs...)
		if next == "" {
			return all, nil
		}
		p.Cursor = next
	}
}

func (s *Server) getEvent(c echo.Context) error {
	id, err := idParam(c, "event")
	if err != nil {
		return err
	}
	ev, err := s.store.Event(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, ev)
}

// EventSource is one document that gives an account of an event, with the
// claims that do.
type EventSource struct {
	Document DocumentRef       `json:"document"`
	Speakers []graph.EntityRef `json:"speakers"`
	Accounts []graph.Account   `json:"accounts"`
	Claims   []graph.Claim     `json:"claims"`
}

func (s *Server) eventSources(c echo.Context) error {
	id, err := idParam(c, "event")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := s.store.Event(ctx, id); err != nil {
		return err
	}
	accounts, err := s.store.EventAccounts(ctx, id)
	if err != nil {
		return err
	}
	byDoc := map[uuid.UUID]*EventSource{}
	var order []uuid.UUID
	for _, a := range accounts {
		src := byDoc[a.DocumentID]
		if src == nil {
			doc, err := s.store.Document(ctx, a.DocumentID)
			if err != nil {
				return err
			}
			src = &EventSource{Document: docRef(doc), Speakers: []graph.EntityRef{}, Claims: []graph.Claim{}}
			byDoc[a.DocumentID] = src
			order = append(order, a.DocumentID)
		}
		src.Accounts = append(src.Accounts, a)
		if !hasRef(src.Speakers, a.Speaker.ID) {
			src.Speakers = append(src.Speakers, a.Speaker)
		}
		claims, err := s.store.Claims(ctx, a.Claims)
		if err != nil {
			return err
		}
		src.Claims = append(src.Claims, claims...)
	}
	out := make([]EventSource, 0, len(order))
	for _, d := range order {
		out = append(out, *byDoc[d])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Document.Date != out[j].Document.Date {
			return dateLess(out[i].Document.Date, out[j].Document.Date)
		}
		return out[i].Document.ID.String() < out[j].Document.ID.String()
	})
	return c.JSON(http.StatusOK, list(out, ""))
}

func hasRef(refs []graph.EntityRef, id uuid.UUID) bool {
	for _, r := range refs {
		if r.ID == id {
			return true
		}
	}
	return false
}
