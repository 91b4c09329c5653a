package api

import (
	"encoding/base64"
	"strconv"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// idParam parses the :id path parameter.
func idParam(c echo.Context, what string) (uuid.UUID, error) {
	return graph.ParseID(what+" id", c.Param("id"))
}

// pageParams reads limit and cursor.
func pageParams(c echo.Context) (graph.Page, error) {
	p := graph.Page{Cursor: c.QueryParam("cursor")}
	if l := c.QueryParam("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > graph.MaxLimit {
			return p, graph.Errorf(graph.EINVALID, "limit must be a whole number from 1 to %d", graph.MaxLimit)
		}
		p.Limit = n
	}
	return p.Normalised(), nil
}

// dateParam parses a YYYY-MM-DD query parameter; "" when absent.
func dateParam(c echo.Context, name string) (string, error) {
	v := c.QueryParam(name)
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		return "", graph.Errorf(graph.EINVALID, "%s must be a date as YYYY-MM-DD, not %q", name, v)
	}
	return v, nil
}

// offsetPage pages a list computed in memory; its cursor is an opaque
// encoding of the offset.
func offsetPage[T any](items []T, p graph.Page) ([]T, string, error) {
	off := 0
	if p.Cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(p.Cursor)
		n, perr := strconv.Atoi(string(b))
		if err != nil || perr != nil || n < 0 {
			return nil, "", graph.Errorf(graph.EINVALID, "cursor %q is not valid", p.Cursor)
		}
		off = n
	}
	if off > len(items) {
		off = len(items)
	}
	end := off + p.Limit
	next := ""
	if end < len(items) {
		next = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
	} else {
		end = len(items)
	}
	return items[off:end], next, nil
}
