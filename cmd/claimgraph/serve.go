package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// ServeConfig is the configuration of `claimgraph serve`.
type ServeConfig struct {
	DB              string
	Addr            string
	Load            []string
	LogLevel        string
	ShutdownTimeout time.Duration
	API             api.Config
}

// ParseServeFlags parses serve's flags.
func ParseServeFlags(args []string, stderr io.Writer) (*ServeConfig, error) {
	c := &ServeConfig{}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.DB, "db", DefaultDB, "store: a directory for the embedded bolt store, memory:, or a postgres:// or cockroach:// URL")
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	var load stringsFlag
	fs.Var(&load, "load", "file or folder to ingest before serving (repeatable)")
	fs.StringVar(&c.LogLevel, "log-level", "info", "debug, info, warn or error")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 30*time.Second, "how long to wait for in-flight requests on shutdown")
	fs.Int64Var(&c.API.MaxBodyBytes, "max-body", 8<<20, "largest request body in bytes")
	fs.IntVar(&c.API.MaxDocumentBytes, "max-document", 5<<20, "largest document text in bytes")
	fs.DurationVar(&c.API.RequestTimeout, "request-timeout", 30*time.Second, "timeout of every request")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	// Paths may also follow the flags: serve --load a b.
	c.Load = append(load, fs.Args()...)
	c.API.Version = Version
	return c, nil
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := ParseServeFlags(args, stderr)
	if err != nil {
		return err
	}
	log, err := newLogger(stderr, cfg.LogLevel)
	if err != nil {
		return err
	}
	app, err := OpenApp(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer app.Close()
	app.Pipeline.MaxDocumentBytes = cfg.API.MaxDocumentBytes
	if len(cfg.Load) > 0 {
		if _, err := ingestPaths(ctx, app, cfg.Load, stderr, log); err != nil {
			return err
		}
	}
	srv := api.New(cfg.API, app.Store, app.Pipeline, queryKeys{}, log)
	hs := &http.Server{
		Addr:              cfg.Addr,
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.API.RequestTimeout + 5*time.Second,
		WriteTimeout:      cfg.API.RequestTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("serving", slog.String("addr", "http://"+ln.Addr().String()), slog.String("db", cfg.DB), slog.String("backend", app.Store.Backend()))
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("stopped")
	return nil
}

// queryKeys gives the match keys a search string is looked up under.
type queryKeys struct{}

func (queryKeys) QueryKeys(q string) []string {
	return []string{gazetteer.FoldKey(q), gazetteer.Skeleton(q)}
}
