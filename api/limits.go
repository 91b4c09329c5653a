package api

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// Defaults of the limits claimgraph serve applies. The API itself applies
// no rate limit unless Config.RateLimit is set.
const (
	DefaultRateLimit = 50  // requests per second per client
	DefaultRateBurst = 100 // requests a client may send at once
)

// rateLimit returns the per-client rate limiter: a token bucket per client
// address, refill cfg.RateLimit a second, cfg.RateBurst deep. A refusal is
// a 429 naming the limit, with Retry-After.
func (s *Server) rateLimit() echo.MiddlewareFunc {
	per, burst := s.cfg.RateLimit, s.cfg.RateBurst
	if burst <= 0 {
		burst = int(math.Ceil(per))
	}
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(per), Burst: burst, ExpiresIn: 3 * time.Minute,
	})
	retry := strconv.Itoa(max(1, int(math.Ceil(1/per))))
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool {
			p := c.Request().URL.Path
			return p == "/healthz" || p == "/readyz"
		},
		Store: store,
		IdentifierExtractor: func(c echo.Context) (string, error) {
			return c.RealIP(), nil
		},
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", retry)
			return graph.Errorf(graph.ERATELIMIT, "rate limit exceeded: at most %s requests a second per client, %d at once; retry later", formatRate(per), burst)
		},
	})
}

func formatRate(r float64) string { return strconv.FormatFloat(r, 'f', -1, 64) }

// timeout bounds every request's context by cfg.RequestTimeout, and turns
// a deadline reached into a 503 naming the limit.
func (s *Server) timeout() echo.MiddlewareFunc {
	limit := s.cfg.RequestTimeout
	return middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{
		Timeout: limit,
		ErrorHandler: func(err error, c echo.Context) error {
			if errors.Is(err, context.DeadlineExceeded) {
				return graph.Errorf(graph.EUNAVAILABLE, "the request took longer than the limit of %s", limit)
			}
			return err
		},
	})
}

// cors allows the configured origins to call the API from a browser:
// reads and writes, with the Authorization header.
func (s *Server) cors() echo.MiddlewareFunc {
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:  s.cfg.CORSOrigins,
		AllowMethods:  []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodDelete},
		AllowHeaders:  []string{echo.HeaderAuthorization, echo.HeaderContentType, echo.HeaderAccept},
		ExposeHeaders: []string{echo.HeaderLocation, echo.HeaderXRequestID, "Retry-After"},
		MaxAge:        600,
	})
}

// CheckCORSOrigins refuses CORS origins that are not scheme://host[:port],
// and the wildcard, which would let any web page use the API.
func CheckCORSOrigins(origins []string) error {
	for _, o := range origins {
		if o == "*" {
			return graph.Errorf(graph.EINVALID, "CORS origin \"*\" would let any web page use the API: name the origins")
		}
		rest, ok := strings.CutPrefix(o, "https://")
		if !ok {
			rest, ok = strings.CutPrefix(o, "http://")
		}
		if !ok || rest == "" {
			return graph.Errorf(graph.EINVALID, "CORS origin %q must be http://host[:port] or https://host[:port]", o)
		}
		if strings.ContainsAny(rest, "/?#*@ ") {
			return graph.Errorf(graph.EINVALID, "CORS origin %q must be scheme://host[:port], with no path or wildcard", o)
		}
	}
	return nil
}
