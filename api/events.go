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
