package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in graph.DocumentInput
	fs.StringVar(&in.Date, "date", "", "the document's date, YYYY-MM-DD")
	fs.StringVar(&in.Author, "author", "", "the document's author")
	fs.StringVar(&in.Kind, "kind", "", "the document's kind: letter, news report, statement, briefing, monitor report, ...")
	fs.StringVar(&in.Title, "title", "", "the document's title")
	fs.StringVar(&in.Symbol, "symbol", "", "the document's symbol, such as S/2017/893")
	fs.StringVar(&in.OnBehalfOf, "on-behalf-of", "", "on whose behalf the author writes")
	format := fs.String("format", "json", "json, or text to mark each claim and value in the document")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"extract: give exactly one FILE"}
	}
	if *format != "json" && *format != "text" {
		return usageError{fmt.Sprintf("extract: --format %q: use json or text", *format)}
	}
	if in.Date != "" {
		if _, err := time.Parse("2006-01-02", in.Date); err != nil {
			return usageError{fmt.Sprintf("extract: --date %q is not YYYY-MM-DD", in.Date)}
		}
	}
	path := fs.Arg(0)
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	in.Text = string(b)
	in.File = filepath.Base(path)
	if err := ingest.Check(in.Text, 0); err != nil {
		return fmt.Errorf("%s: %s", path, graph.ErrorMessage(err))
	}
	x, err := extract.New(gazetteer.Default()).Extract(in)
	if err != nil {
		return fmt.Errorf("extract %s: %w", path, err)
	}
	if *format == "text" {
		return extract.WriteText(stdout, x)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}
