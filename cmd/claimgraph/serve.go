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
	"os"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
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
	// DrainDelay is how long /readyz answers 503 before the server stops
	// taking requests, so load balancers can stop sending them.
	DrainDelay time.Duration
	API        api.Config
}

// Environment variables that hold tokens, so that they need not appear in
// process listings.
const (
	EnvWriteToken = "CLAIMGRAPH_WRITE_TOKEN"
	EnvReadToken  = "CLAIMGRAPH_READ_TOKEN"
)

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
	var writeToken, readToken, tokenFile string
	fs.StringVar(&writeToken, "write-token", "", "token that may change the graph, recorded as \"writer\" (prefer $"+EnvWriteToken+": flags show in process listings)")
	fs.StringVar(&readToken, "read-token", "", "token that may read; once one is set, reads need a token (prefer $"+EnvReadToken+")")
	fs.StringVar(&tokenFile, "token-file", "", "file of tokens, one a line: name read|write token (mode 600)")
	var cors stringsFlag
	fs.Var(&cors, "cors-origin", "origin allowed to call the API from a browser, e.g. https://viz.example.org (repeatable; none by default)")
	fs.Float64Var(&c.API.RateLimit, "rate", api.DefaultRateLimit, "requests a second each client address may make; 0 for no limit")
	fs.IntVar(&c.API.RateBurst, "burst", api.DefaultRateBurst, "requests a client may make at once")
	fs.BoolVar(&c.API.TrustProxy, "trust-proxy", false, "take client addresses from X-Forwarded-For (only behind a proxy that sets it)")
	fs.DurationVar(&c.DrainDelay, "drain-delay", 0, "on shutdown, how long /readyz answers 503 before the server stops taking requests")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if err := api.CheckCORSOrigins(cors); err != nil {
		return nil, usageError{graph.ErrorMessage(err)}
	}
	c.API.CORSOrigins = cors
	auth, err := serveAuth(writeToken, readToken, tokenFile)
	if err != nil {
		return nil, err
	}
	c.API.Auth = auth
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
	if !cfg.API.Auth.Writable() {
		log.Warn("writes are disabled: no write token is configured; set " + EnvWriteToken + " or give --token-file to allow POST and DELETE")
	}
	stopping := make(chan struct{})
	cfg.API.Stopping = stopping
	cfg.API.StoreStats = storeStats(app)
	if len(cfg.Load) > 0 {
		if _, err := ingestPaths(ctx, app, cfg.Load, stderr, log); err != nil {
			return err
		}
	}
	srv := api.New(cfg.API, api.Deps{Store: app.Store, Ingester: app.Pipeline, Match: gazetteer.Search{}, Xref: app.Xref, Log: log})
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
	close(stopping)
	if cfg.DrainDelay > 0 {
		log.Info("draining: /readyz answers 503", slog.Duration("for", cfg.DrainDelay))
		time.Sleep(cfg.DrainDelay)
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

// serveAuth builds serve's access control from the token flags, the
// environment and the token file.
func serveAuth(writeToken, readToken, tokenFile string) (*api.Auth, error) {
	if writeToken == "" {
		writeToken = os.Getenv(EnvWriteToken)
	}
	if readToken == "" {
		readToken = os.Getenv(EnvReadToken)
	}
	var tokens []api.Token
	if writeToken != "" {
		tokens = append(tokens, api.Token{Name: "writer", Role: api.RoleWrite, Secret: writeToken})
	}
	if readToken != "" {
		tokens = append(tokens, api.Token{Name: "reader", Role: api.RoleRead, Secret: readToken})
	}
	if tokenFile != "" {
		ts, err := api.ReadTokenFile(tokenFile)
		if err != nil {
			return nil, usageError{plainError(err)}
		}
		tokens = append(tokens, ts...)
	}
	auth, err := api.NewAuth(tokens)
	if err != nil {
		return nil, usageError{"tokens: " + plainError(err)}
	}
	return auth, nil
}

// storeStats gives /metrics the store's size.
func storeStats(app *App) func(context.Context) (map[string]int64, error) {
	return func(ctx context.Context) (map[string]int64, error) {
		st, err := app.Store.Stats(ctx)
		if err != nil {
			return nil, err
		}
		return map[string]int64{
			"documents": st.Documents, "claims": st.Claims, "entities": st.Entities, "accounts": st.Accounts,
			"events": st.Events, "links": st.Links, "judgements": st.Judgements, "quads": st.Quads,
		}, nil
	}
}

// plainError is an error's message without the code of a domain error.
func plainError(err error) string {
	if graph.ErrorCode(err) == graph.EINTERNAL {
		return err.Error()
	}
	return graph.ErrorMessage(err)
}
