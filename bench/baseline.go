package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// maxGizmoRuns bounds the timed runs of each Gizmo baseline (at least one
// per sample): Gizmo is slow enough at large sizes that a full run would
// take hours.
const maxGizmoRuns = 100

// baselines are the API's handlers over the two baseline stores.
type baselines struct {
	gizmo http.Handler
	floor http.Handler
	fs    *floorStore
}

// newBaselines wires the API over a Gizmo store and over a floor store,
// and records the floor by running every sample request once.
func newBaselines(ctx context.Context, sys *system, eps []endpoint) (*baselines, error) {
	serve := func(st api.Store) http.Handler {
		return api.New(api.Config{}, api.Deps{Store: st, Ingester: sys.pipeline, Match: gazetteer.Search{}, Xref: sys.xref,
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler()
	}
	b := &baselines{gizmo: serve(&gizmoStore{qs: sys.store.QuadStore()}), fs: newFloorStore(sys.store)}
	b.floor = serve(b.fs)
	for i := range eps {
		for _, u := range eps[i].urls {
			if _, err := get(ctx, b.floor, u); err != nil {
				return nil, fmt.Errorf("record the floor: %w", err)
			}
		}
	}
	b.fs.recording = false
	return b, nil
}

// get calls h for u and returns the body of a 200 answer.
func get(ctx context.Context, h http.Handler, u string) ([]byte, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil).WithContext(ctx))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %d %s", u, rec.Code, bytes.TrimSpace(rec.Body.Bytes()))
	}
	return rec.Body.Bytes(), nil
}

// alike checks that the API, the Gizmo baseline and the floor give the
// same answer, byte for byte, to every sample request of ep.
func (b *baselines) alike(ctx context.Context, sys *system, ep *endpoint) error {
	for _, u := range ep.urls {
		want, err := get(ctx, sys.handler, u)
		if err != nil {
			return err
		}
		for name, h := range map[string]http.Handler{"gizmo": b.gizmo, "floor": b.floor} {
			got, err := get(ctx, h, u)
			if err != nil {
				return fmt.Errorf("%s baseline: %w", name, err)
			}
			if !bytes.Equal(got, want) {
				return fmt.Errorf("%s baseline: GET %s answers differently from the API:\n%s\nAPI:\n%s", name, u, clip(got), clip(want))
			}
		}
	}
	return nil
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "..."
	}
	return string(b)
}
