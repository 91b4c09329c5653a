package api

import (
	"context"
	"net/http"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// readyTimeout bounds the store read /readyz makes.
const readyTimeout = 2 * time.Second

// readyz answers 200 when the server takes requests: it is not shutting
// down and the store answers a cheap read. Otherwise 503 unavailable,
// saying why.
func (s *Server) readyz(c echo.Context) error {
	if s.stopping() {
		return graph.Errorf(graph.EUNAVAILABLE, "shutting down")
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), readyTimeout)
	defer cancel()
	// A random id: no document has it, and no cache has seen it, so the
	// answer is a cheap index lookup that goes to the store.
	_, err := s.store.Document(ctx, uuid.New())
	if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		s.log.Warn("not ready: the store did not answer", "err", err)
		return graph.Errorf(graph.EUNAVAILABLE, "the store did not answer a read within %s", readyTimeout)
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready", "version": s.cfg.Version})
}

// stopping reports whether cfg.Stopping has been closed.
func (s *Server) stopping() bool {
	if s.cfg.Stopping == nil {
		return false
	}
	select {
	case <-s.cfg.Stopping:
		return true
	default:
		return false
	}
}
