package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// isJSON reports whether a content type is JSON.
func isJSON(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == echo.MIMEApplicationJSON
}

// IngestResponse answers POST /v1/documents.
type IngestResponse struct {
	Document graph.Document  `json:"document"`
	Created  bool            `json:"created"`
	Claims   []graph.Claim   `json:"claims"`
	Entities []graph.Entity  `json:"entities"`
	Accounts []graph.Account `json:"accounts"`
	Events   []uuid.UUID     `json:"events"`
}

// readBody reads the whole request body, turning the body limit into a
// too_large error.
func readBody(c echo.Context) ([]byte, error) {
	b, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return nil, he
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, echo.ErrStatusRequestEntityTooLarge
		}
		return nil, graph.Errorf(graph.EINVALID, "reading the request body failed: %v", err)
	}
	return b, nil
}

func (s *Server) postDocument(c echo.Context) error {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return graph.Errorf(graph.EUNSUPPORTED, "content type %q is not supported: send application/json or text/plain", ct)
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" {
		return graph.Errorf(graph.EUNSUPPORTED, "charset %q is not supported: send UTF-8", cs)
	}
	var in graph.DocumentInput
	switch {
	case isJSON(mt):
		b, err := readBody(c)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			return graph.Errorf(graph.EINVALID, "request body is not valid UTF-8")
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return graph.Errorf(graph.EINVALID, "request body is not a valid document: %v", jsonError(err))
		}
		if dec.More() {
			return graph.Errorf(graph.EINVALID, "request body holds more than one JSON value")
		}
	case mt == echo.MIMETextPlain || mt == "text/markdown":
		b, err := readBody(c)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			return graph.Errorf(graph.EINVALID, "request body is not valid UTF-8")
		}
		q := c.QueryParams()
		in = graph.DocumentInput{
			Text: string(b), Title: q.Get("title"), Symbol: q.Get("symbol"), Kind: q.Get("kind"),
			Author: q.Get("author"), OnBehalfOf: q.Get("on_behalf_of"), AddressedTo: q["addressed_to"],
			Date: q.Get("date"), Language: q.Get("language"), SourceURL: q.Get("source_url"), File: q.Get("file"),
		}
	default:
		return graph.Errorf(graph.EUNSUPPORTED, "content type %q is not supported: send application/json or text/plain", mt)
	}
	if in.Text == "" {
		return graph.Errorf(graph.EINVALID, "document text is empty")
	}
	res, err := s.ingester.Ingest(c.Request().Context(), in)
	if err != nil {
		return err
	}
	out := IngestResponse{Document: res.Document, Created: res.Created, Events: res.Events}
	out.Document.Text = ""
	if res.Extraction != nil {
		out.Claims, out.Entities, out.Accounts = res.Extraction.Claims, res.Extraction.Entities, res.Extraction.Accounts
	}
	nonNil(&out.Claims)
	nonNil(&out.Entities)
	nonNil(&out.Accounts)
	nonNil(&out.Events)
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	c.Response().Header().Set(echo.HeaderLocation, "/v1/documents/"+res.Document.ID.String())
	return c.JSON(status, out)
}

func nonNil[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

// jsonError describes a decoding error without echoing large input back.
func jsonError(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "syntax error at byte " + itoa(se.Offset)
	case errors.As(err, &te):
		return "field " + te.Field + " must be " + te.Type.String()
	case errors.Is(err, io.EOF):
		return "empty body"
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return ge.Message
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func (s *Server) listDocuments(c echo.Context) error {
	p, err := pageParams(c)
	if err != nil {
		return err
	}
	docs, next, err := s.store.Documents(c.Request().Context(), p)
	if err != nil {
		return err
	}
	for i := range docs {
		docs[i].Text = ""
	}
	return c.JSON(http.StatusOK, list(docs, next))
}

func (s *Server) getDocument(c echo.Context) error {
	id, err := idParam(c, "document")
	if err != nil {
		return err
	}
	doc, err := s.store.Document(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, doc)
}

// claimsOf answers a paged list of the claims related to one document or
// entity: what names the kind of id, exists checks the id is known.
func (s *Server) claimsOf(what string, exists func(context.Context, uuid.UUID) error,
	claims func(context.Context, uuid.UUID, graph.Page) ([]graph.Claim, string, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, what)
		if err != nil {
			return err
		}
		p, err := pageParams(c)
		if err != nil {
			return err
		}
		ctx := c.Request().Context()
		if err := exists(ctx, id); err != nil {
			return err
		}
		cs, next, err := claims(ctx, id, p)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, list(cs, next))
	}
}
