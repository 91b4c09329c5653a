package api

import (
	"bytes"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/api/viewer"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/labstack/echo/v4"
)

// viewerCSP keeps the viewer to its own files: no inline script or style,
// no other origin, no framing. Document text is only ever set as text.
const viewerCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// routeGraph adds the graph export (GET /v1/graph) and the viewer (GET /
// and /viewer/*).
func (s *Server) routeGraph(e *echo.Echo) {
	e.GET("/v1/graph", s.getGraph)
	assets := viewer.Assets()
	e.GET("/", func(c echo.Context) error { return serveAsset(c, assets, "index.html") })
	e.GET("/viewer/*", func(c echo.Context) error { return serveAsset(c, assets, c.Param("*")) })
}

// graphOptions reads the selection from the query: focus, depth (default
// 2, at most export.MaxDepth), relations, from, to, max_nodes, max_edges.
func graphOptions(c echo.Context) (export.Options, error) {
	opt := export.Options{Focus: strings.TrimSpace(c.QueryParam("focus")), Depth: export.DefaultDepth}
	if opt.Focus != "" {
		if _, err := graph.ParseID("focus", opt.Focus); err != nil {
			return opt, err
		}
	}
	if d := c.QueryParam("depth"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > export.MaxDepth {
			return opt, graph.Errorf(graph.EINVALID, "depth must be a whole number from 0 to %d", export.MaxDepth)
		}
		opt.Depth = n
	}
	if m := c.QueryParam("max_nodes"); m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n < 1 || n > export.HardMaxNodes {
			return opt, graph.Errorf(graph.EINVALID, "max_nodes must be a whole number from 1 to %d", export.HardMaxNodes)
		}
		opt.MaxNodes = n
	}
	if m := c.QueryParam("max_edges"); m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n < 1 || n > export.HardMaxEdges {
			return opt, graph.Errorf(graph.EINVALID, "max_edges must be a whole number from 1 to %d", export.HardMaxEdges)
		}
		opt.MaxEdges = n
	}
	rels, err := export.ParseRelations(c.QueryParam("relations"))
	if err != nil {
		return opt, err
	}
	opt.Relations = rels
	if opt.From, err = dateParam(c, "from"); err != nil {
		return opt, err
	}
	if opt.To, err = dateParam(c, "to"); err != nil {
		return opt, err
	}
	return opt, opt.Check()
}

// graphFormat picks the format: format= wins, then the Accept header, then
// Cytoscape.js JSON.
func graphFormat(c echo.Context) (export.Format, error) {
	if f := c.QueryParam("format"); f != "" {
		return export.ParseFormat(f)
	}
	if f, ok := export.FormatForAccept(c.Request().Header.Get(echo.HeaderAccept)); ok {
		return f, nil
	}
	return export.FormatCytoscape, nil
}

// getGraph answers GET /v1/graph: the subgraph around focus in the format
// asked for. The whole answer is built before it is sent, so a failure is
// still a JSON error with its status.
func (s *Server) getGraph(c echo.Context) error {
	opt, err := graphOptions(c)
	if err != nil {
		return err
	}
	f, err := graphFormat(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	g, err := export.Select(ctx, s.store, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	d, dumps := s.store.(export.Dumper)
	switch {
	case f == export.FormatNQuads && !dumps:
		return graph.Errorf(graph.EINVALID, "this store cannot dump its quads: n-quads are not available")
	case f == export.FormatNQuads:
		err = export.WriteNQuads(ctx, &buf, g, d)
	default:
		// File exports name each edge's exact label, read from the
		// store's quads; the viewer's format (cytoscape) is answered from
		// the records alone and names the origin, which is cheaper.
		if dumps && f != export.FormatCytoscape {
			if err := export.ResolveProvenance(ctx, g, d); err != nil {
				return err
			}
		}
		err = export.Write(&buf, g, f)
	}
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("X-Graph-Nodes", strconv.Itoa(len(g.Nodes)))
	h.Set("X-Graph-Edges", strconv.Itoa(len(g.Edges)))
	h.Set("X-Graph-Truncated", strconv.FormatBool(g.Truncated))
	h.Set("X-Graph-Omitted", strconv.Itoa(g.Omitted))
	if g.EdgesCut() {
		h.Set("X-Graph-Omitted-Edges", strconv.Itoa(g.OmittedEdges))
	}
	h.Set(echo.HeaderXContentTypeOptions, "nosniff")
	h.Set("Vary", echo.HeaderAccept)
	if f != export.FormatCytoscape && f != export.FormatD3 {
		h.Set(echo.HeaderContentDisposition, `inline; filename="claimgraph.`+f.Ext()+`"`)
	}
	return c.Blob(http.StatusOK, f.ContentType(), buf.Bytes())
}

// serveAsset serves one embedded viewer file with its type and the
// viewer's security headers; a missing file is a 404 JSON error.
func serveAsset(c echo.Context, assets fs.FS, name string) error {
	name = path.Clean("/" + name)[1:]
	if name == "" {
		name = "index.html"
	}
	b, err := fs.ReadFile(assets, name)
	if err != nil {
		return graph.Errorf(graph.ENOTFOUND, "no viewer file %q", name)
	}
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".css":
		ct = "text/css; charset=utf-8"
	case ".html":
		ct = "text/html; charset=utf-8"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	h := c.Response().Header()
	h.Set("Content-Security-Policy", viewerCSP)
	h.Set(echo.HeaderXContentTypeOptions, "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if strings.HasPrefix(name, "vendor/") {
		h.Set("Cache-Control", "public, max-age=86400")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	return c.Blob(http.StatusOK, ct, b)
}
