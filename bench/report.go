package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Table writes the report as a table.
func (r *Report) Table(w io.Writer) {
	sole := ""
	if r.SoleWriter {
		sole = " (sole writer, cached)"
	}
	if r.NoBloom {
		sole += " (no bloom filters)"
	}
	fmt.Fprintf(w, "claimgraph bench: %d documents, %s store%s, GOMAXPROCS %d, %d HTTP clients, %d requests per endpoint\n\n",
		r.Docs, r.Backend, sole, r.GoMaxProcs, r.Clients, r.Requests)
	in := r.Ingest
	fmt.Fprintf(w, "ingest      %d documents (%d claims, %d accounts) in %.1f s: %.0f documents/s, %.0f quads/s (%d quads)\n",
		in.Created, in.Claims, in.Accounts, in.Seconds, in.DocsPerSec, in.QuadsPerSec, in.Quads)
	if in.Created > 0 {
		fmt.Fprintf(w, "            %d transactions; CPU %.1f s (%.2f ms per document); %.2f MB allocated per document\n",
			in.Commits, in.CPUSeconds, in.CPUSeconds*1000/float64(in.Created), float64(in.AllocBytes)/1e6/float64(in.Created))
	}
	fmt.Fprintf(w, "one more    document at this size (extract + cross-reference + commit): p50 %.2f ms, p99 %.2f ms, mean %.2f ms\n",
		r.Xref.P50, r.Xref.P99, r.Xref.Mean)
	ev := r.Events
	fmt.Fprintf(w, "events      %d resolved, accounts per event mean %.1f, p50 %d, p90 %d, p99 %d, max %d; %d over-merged (%d accounts, up to %d generated events in one)\n",
		ev.Resolved, ev.Accounts.Mean, ev.Accounts.P50, ev.Accounts.P90, ev.Accounts.P99, ev.Accounts.Max, ev.Mixed, ev.MixedAccounts, ev.MostMixed)
	fmt.Fprintf(w, "            generated: %d events told, documents per event mean %.1f, p50 %d, p90 %d, p99 %d, max %d\n",
		ev.Told, ev.Documents.Mean, ev.Documents.P50, ev.Documents.P90, ev.Documents.P99, ev.Documents.Max)
	for _, m := range ev.Examples {
		fmt.Fprintf(w, "            over-merged: %s <- %s\n", m.Title, strings.Join(m.Generated, " | "))
	}
	fmt.Fprintf(w, "memory      peak RSS %.0f MiB after the bulk load, %.0f MiB in all; after the HTTP runs %.0f MiB own + %.0f MiB of mapped store pages\n",
		float64(r.Ingest.PeakRSSBytes)/(1<<20), float64(r.PeakRSSBytes)/(1<<20), float64(r.RSSAnonBytes)/(1<<20), float64(r.RSSFileBytes)/(1<<20))
	if c := r.Cache; c.Enabled {
		fmt.Fprintf(w, "cache       %.0f MiB held, %.1f%% of %d lookups hit\n", float64(c.Bytes)/(1<<20),
			100*float64(c.Hits)/float64(max(1, c.Hits+c.Misses)), c.Hits+c.Misses)
	}
	fmt.Fprintf(w, "store       %.1f MiB on disk, %d quads\n\n", float64(r.StoreBytes)/(1<<20), r.Quads)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "traversal\tHTTP p50\tHTTP p99\tin-process p50\tp99\tgizmo p50\tfloor p50\tvs gizmo\tvs floor\tbytes\t")
	for _, e := range r.Endpoints {
		if e.Skipped != "" {
			fmt.Fprintf(tw, "%s\tskipped: %s\t\t\t\t\t\t\t\t\t\n", e.Name, e.Skipped)
			continue
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.3f\t%.1fx faster\t%.1fx\t%d\t\n", e.Name,
			e.HTTP.P50, e.HTTP.P99, e.InProcess.P50, e.InProcess.P99, e.Gizmo.P50, e.Floor.P50, e.GizmoRatio, e.FloorRatio, e.Bytes)
	}
	tw.Flush()
	fmt.Fprintln(w, "\n(milliseconds; vs gizmo = gizmo p50 / in-process p50; vs floor = in-process p50 / floor p50)")
}
