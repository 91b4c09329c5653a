package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/labstack/echo/v4"
)

// statusOf is the one place where claimgraph's error vocabulary becomes
// HTTP status codes.
var statusOf = map[string]int{
	graph.EINVALID:      http.StatusBadRequest,
	graph.ENOTFOUND:     http.StatusNotFound,
	graph.ECONFLICT:     http.StatusConflict,
	graph.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	graph.EUNSUPPORTED:  http.StatusUnsupportedMediaType,
	graph.EUNAUTHORIZED: http.StatusUnauthorized,
	graph.EFORBIDDEN:    http.StatusForbidden,
	graph.ERATELIMIT:    http.StatusTooManyRequests,
	graph.EUNAVAILABLE:  http.StatusServiceUnavailable,
	graph.EINTERNAL:     http.StatusInternalServerError,
}

// codeOfStatus names the errors echo itself raises (unknown routes, body
// limits, wrong methods) in the same vocabulary.
var codeOfStatus = map[int]string{
	http.StatusBadRequest:            graph.EINVALID,
	http.StatusNotFound:              graph.ENOTFOUND,
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusRequestEntityTooLarge: graph.ETOOLARGE,
	http.StatusUnsupportedMediaType:  graph.EUNSUPPORTED,
	http.StatusUnauthorized:          graph.EUNAUTHORIZED,
	http.StatusForbidden:             graph.EFORBIDDEN,
	http.StatusTooManyRequests:       graph.ERATELIMIT,
	http.StatusServiceUnavailable:    graph.EUNAVAILABLE,
}

// ErrorBody is every error response: {"error": {"code": ..., "message": ...}}.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the code and message of an error response.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// handleError writes err as a JSON error with its status. Internal faults
// are logged with their detail and shown only as "internal error".
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, code, msg := http.StatusInternalServerError, graph.EINTERNAL, "internal error"
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		status = he.Code
		code = codeOfStatus[he.Code]
		if code == "" {
			code = graph.EINTERNAL
		}
		if m, ok := he.Message.(string); ok {
			msg = m
		} else {
			msg = http.StatusText(he.Code)
		}
		if he.Code == http.StatusRequestEntityTooLarge {
			msg = "request body is larger than the limit of " + byteSize(s.cfg.MaxBodyBytes)
		}
	default:
		code = graph.ErrorCode(err)
		status = statusOf[code]
		if status == 0 {
			status = http.StatusInternalServerError
		}
		msg = graph.ErrorMessage(err)
	}
	if status >= 500 {
		s.log.Error("request failed", slog.String("request_id", c.Response().Header().Get(echo.HeaderXRequestID)),
			slog.String("path", c.Path()), slog.Any("err", err))
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	_ = c.JSON(status, ErrorBody{Error: ErrorDetail{Code: code, Message: msg}})
}

// byteSize prints a byte count for people: 8 MiB, 512 KiB, 100 bytes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
