// Package api is claimgraph's HTTP API: echo handlers over the claim graph,
// its OpenAPI description and the viewer's assets. It is the only package
// that imports echo, and api/errors.go is the one place where domain errors
// become HTTP statuses.
package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/xref"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Store is what the API reads from the claim graph.
type Store interface {
	Document(ctx context.Context, id uuid.UUID) (*graph.Document, error)
	// DocumentRecords returns documents without their text, in the order
	// given, unknown ids skipped: for references, where the text is not shown.
	DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error)
	Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error)
	DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error)
	Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error)
	Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error)
	Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error)
	EntitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error)
	EntityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error)
	EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error)
	Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	Event(ctx context.Context, id uuid.UUID) (*graph.Event, error)
	Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error)
	EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error)
	Judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error)
	Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error)
	JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error)
}

// Ingester ingests one document, and commits other writes (analysts'
// judgements) through the same single writer.
type Ingester interface {
	Ingest(ctx context.Context, in graph.DocumentInput) (*ingest.Result, error)
	Apply(ctx context.Context, plan func(context.Context) (*graph.Batch, error)) (*graph.Batch, error)
}

// CrossRef is the cross-referencer: the view of entities it compares
// sources and places with, and the effects of analysts' judgements.
type CrossRef interface {
	World() *xref.World
	Judge(ctx context.Context, j graph.Judgement) (*graph.Batch, error)
	Revoke(ctx context.Context, j graph.Judgement, by string, at time.Time) (*graph.Batch, error)
}

// Deps are what the server works over.
type Deps struct {
	Store    Store
	Ingester Ingester
	Match    Matcher
	Xref     CrossRef
	Log      *slog.Logger
}

// Matcher turns a search string into the match keys entities are indexed
// under (fold keys and transliteration skeletons), most exact first.
type Matcher interface {
	QueryKeys(q string) []string
	// Matches decides whether a candidate found by key is really named by q.
	Matches(q string, e *graph.Entity) bool
}

// Config holds the API's limits.
type Config struct {
	MaxBodyBytes     int64         // largest request body; default 8 MiB
	MaxDocumentBytes int           // largest document text; default ingest.DefaultMaxDocumentBytes
	RequestTimeout   time.Duration // per request; default 30s
	Version          string

	// Auth is the access control (see Auth); nil means none: every
	// request is allowed and changes are recorded as "anonymous".
	// claimgraph serve always sets one.
	Auth *Auth
	// CORSOrigins may call the API from a browser; none by default.
	CORSOrigins []string
	// RateLimit is the requests a second each client (by address) may
	// make, RateBurst how many at once; 0 means no limit.
	RateLimit float64
	RateBurst int
	// TrustProxy takes the client address from X-Forwarded-For or
	// X-Real-IP; set it only behind a proxy that sets them.
	TrustProxy bool
	// Stopping is closed when the server starts shutting down; from then
	// on /readyz answers 503.
	Stopping <-chan struct{}
	// StoreStats counts what the store holds for /metrics, cached for
	// StatsMaxAge (default 30s); nil leaves store sizes out.
	StoreStats  func(context.Context) (map[string]int64, error)
	StatsMaxAge time.Duration
}

func (c *Config) defaults() {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 8 << 20
	}
	if c.MaxDocumentBytes <= 0 {
		c.MaxDocumentBytes = ingest.DefaultMaxDocumentBytes
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.StatsMaxAge <= 0 {
		c.StatsMaxAge = 30 * time.Second
	}
}

// Server serves the API.
type Server struct {
	cfg      Config
	store    Store
	ingester Ingester
	match    Matcher
	xref     CrossRef
	log      *slog.Logger
	echo     *echo.Echo
}

// New returns a server over d.Store.
func New(cfg Config, d Deps) *Server {
	cfg.defaults()
	log := d.Log
	if log == nil {
		log = slog.Default()
	}
	s := &Server{cfg: cfg, store: d.Store, ingester: d.Ingester, match: d.Match, xref: d.Xref, log: log, echo: echo.New()}
	e := s.echo
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = echo.ExtractIPDirect()
	if cfg.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	}
	m := newMetrics(e, cfg.StoreStats, cfg.StatsMaxAge)
	e.Use(middleware.RequestID())
	e.Use(m.middleware)
	e.Use(s.requestLog)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
		s.log.Error("panic", slog.Any("err", err), slog.String("stack", string(stack)))
		return err
	}}))
	if len(cfg.CORSOrigins) > 0 {
		e.Use(s.cors())
	}
	if cfg.RateLimit > 0 {
		e.Use(s.rateLimit())
	}
	if cfg.Auth != nil {
		e.Use(cfg.Auth.middleware)
	}
	e.Use(s.timeout())
	e.Use(middleware.BodyLimit(fmt.Sprint(cfg.MaxBodyBytes)))

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", m.handler())
	e.GET("/openapi.json", s.openAPI)
	v1 := e.Group("/v1")
	v1.POST("/documents", s.postDocument)
	v1.GET("/documents", s.listDocuments)
	v1.GET("/documents/:id", s.getDocument)
	v1.GET("/documents/:id/claims", s.claimsOf("document", func(ctx context.Context, id uuid.UUID) error {
		_, err := s.docRef(ctx, id)
		return err
	}, s.store.DocumentClaims))
	v1.GET("/claims/:id", s.getClaim)
	v1.GET("/claims/:id/provenance", s.claimProvenance)
	v1.GET("/entities", s.listEntities)
	v1.GET("/entities/:id", s.getEntity)
	v1.GET("/entities/:id/claims", s.claimsOf("entity", func(ctx context.Context, id uuid.UUID) error {
		_, err := s.store.Entity(ctx, id)
		return err
	}, s.store.EntityClaims))
	v1.GET("/events", s.listEvents)
	v1.GET("/events/:id", s.eventHandler(eventView))
	v1.GET("/events/:id/sources", s.eventHandler(sourcesView))
	v1.GET("/events/:id/conflicts", s.eventHandler(conflictsView))
	v1.GET("/events/:id/timeline", s.eventHandler(timelineView))
	v1.GET("/conflicts", s.listConflicts)
	v1.GET("/claims/:id/links", s.claimLinks)
	v1.POST("/links", s.postLink)
	v1.GET("/judgements", s.listJudgements)
	v1.GET("/judgements/:id", s.getJudgement)
	v1.POST("/judgements", s.postJudgement)
	v1.DELETE("/judgements/:id", s.deleteJudgement)
	s.routeGraph(e)
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.echo }

func (s *Server) requestLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req, res := c.Request(), c.Response()
		s.log.Info("request",
			slog.String("request_id", res.Header().Get(echo.HeaderXRequestID)),
			slog.String("method", req.Method),
			slog.String("path", req.URL.Path),
			slog.Int("status", res.Status),
			slog.Int64("bytes", res.Size),
			slog.Duration("duration", time.Since(start)))
		return nil
	}
}

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}

// List is every list answer: its items and the cursor of the next page,
// empty on the last.
type List[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func list[T any](items []T, next string) List[T] {
	if items == nil {
		items = []T{}
	}
	return List[T]{Items: items, NextCursor: next}
}
