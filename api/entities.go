package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// findEntities returns the entities whose names or aliases match q,
// spelling and transliteration variants included: those matching the
// first (most exact) key first.
func (s *Server) findEntities(ctx context.Context, q string) ([]graph.Entity, error) {
	var out []graph.Entity
	seen := map[uuid.UUID]bool{}
	for _, k := range s.match.QueryKeys(q) {
		if k == "" {
			continue
		}
		ents, err := s.store.EntitiesByKey(ctx, []string{k})
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if !seen[e.ID] && s.match.Matches(q, &e) {
				seen[e.ID] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}

func (s *Server) listEntities(c echo.Context) error {
	p, err := pageParams(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	q := strings.TrimSpace(c.QueryParam("q"))
	if q == "" {
		ents, next, err := s.store.EntityList(ctx, p)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, list(ents, next))
	}
	if len(q) > 200 {
		return graph.Errorf(graph.EINVALID, "q is longer than 200 bytes")
	}
	ents, err := s.findEntities(ctx, q)
	if err != nil {
		return err
	}
	page, next, err := offsetPage(ents, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list(page, next))
}

// EntityView is an entity with the places that enclose it.
type EntityView struct {
	graph.Entity
	WithinChain    []graph.EntityRef `json:"within_chain"`
	AffiliatedWith *graph.EntityRef  `json:"affiliated_with,omitempty"`
}

func (s *Server) getEntity(c echo.Context) error {
	id, err := idParam(c, "entity")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	e, err := s.store.Entity(ctx, id)
	if err != nil {
		return err
	}
	v := EntityView{Entity: *e, WithinChain: []graph.EntityRef{}}
	seen := map[uuid.UUID]bool{e.ID: true}
	for w := e.Within; w != nil && !seen[*w]; {
		seen[*w] = true
		p, err := s.store.Entity(ctx, *w)
		if err != nil {
			break
		}
		v.WithinChain = append(v.WithinChain, p.Ref())
		w = p.Within
	}
	if e.Affiliation != nil {
		if a, err := s.store.Entity(ctx, *e.Affiliation); err == nil {
			r := a.Ref()
			v.AffiliatedWith = &r
		}
	}
	return c.JSON(http.StatusOK, v)
}
