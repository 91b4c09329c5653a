package extract

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// WriteText writes an extraction for a human reader: the document with
// each claim marked [[...]] and each figure {{...}}, then one summary per
// claim (speaker, polarity, kind, figures, dates, places, perpetrator) and
// per account.
func WriteText(w io.Writer, x *graph.Extraction) error {
	if x == nil {
		return graph.Errorf(graph.EINVALID, "no extraction to write")
	}
	bw := bufio.NewWriter(w)
	doc := &x.Document
	fmt.Fprintf(bw, "Document %s\n", doc.ID)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(bw, "  %-13s %s\n", name+":", v)
		}
	}
	field("title", doc.Title)
	field("symbol", doc.Symbol)
	field("kind", doc.Kind)
	field("date", doc.Date)
	field("dateline", doc.Dateline)
	field("author", doc.Author)
	if doc.AuthorEntity != nil {
		field("author entity", refString(*doc.AuthorEntity))
	}
	field("on behalf of", doc.OnBehalfOf)
	if doc.OnBehalfOfEntity != nil {
		field("for entity", refString(*doc.OnBehalfOfEntity))
	}
	field("addressed to", strings.Join(doc.AddressedTo, "; "))
	for _, c := range doc.Clashes {
		fmt.Fprintf(bw, "  clash:        %s: caller %q, text %q at %d-%d\n", c.Field, c.Caller, c.Text, c.Span.Start, c.Span.End)
	}
	bw.WriteString("\n")
	bw.WriteString(markText(doc.Text, x.Claims))
	bw.WriteString("\n\nClaims\n")
	for i, c := range x.Claims {
		fmt.Fprintf(bw, "\n[%d] %s (%d-%d)\n", i+1, c.Kind, c.Span.Start, c.Span.End)
		sp := refString(c.Speaker)
		if c.Reported {
			sp += " (reported)"
		}
		if c.SpeakerText != "" {
			sp += fmt.Sprintf(" as %q", c.SpeakerText)
		}
		fmt.Fprintf(bw, "    speaker:     %s\n", sp)
		fmt.Fprintf(bw, "    polarity:    %s\n", c.Polarity)
		if c.Hedge != "" {
			fmt.Fprintf(bw, "    hedge:       %s\n", c.Hedge)
		}
		for _, v := range c.Values {
			fmt.Fprintf(bw, "    value:       %s\n", valueString(v))
		}
		for _, d := range c.Dates {
			fmt.Fprintf(bw, "    date:        %s\n", dateString(d))
		}
		for _, m := range c.Mentions {
			fmt.Fprintf(bw, "    mention:     %q -> %s\n", m.Text, refString(m.Entity))
		}
	}
	if len(x.Accounts) > 0 {
		bw.WriteString("\nAccounts\n")
	}
	for i, a := range x.Accounts {
		fmt.Fprintf(bw, "\n(%d) %s by %s, %s\n", i+1, a.Type, refString(a.Speaker), a.Polarity)
		if a.Date != nil {
			fmt.Fprintf(bw, "    date:        %s\n", dateString(*a.Date))
		}
		if a.Place != nil {
			fmt.Fprintf(bw, "    place:       %s (%q)\n", refString(a.Place.Entity), a.Place.Text)
		}
		if a.Perpetrator != nil {
			p := a.Perpetrator
			s := refString(p.Entity)
			if p.Polarity == graph.Denied {
				s = "NOT " + s
			}
			if p.Hedge != "" {
				s += ", hedged: " + p.Hedge
			}
			fmt.Fprintf(bw, "    perpetrator: %s (%q)\n", s, p.Text)
		}
		for _, p := range a.CoPerpetrators {
			s := refString(p.Entity)
			if p.Polarity == graph.Denied {
				s = "NOT " + s
			}
			fmt.Fprintf(bw, "    also:        %s (%q)\n", s, p.Text)
		}
		if a.Target != "" {
			fmt.Fprintf(bw, "    target:      %s\n", a.Target)
		}
		for _, v := range a.Values {
			fmt.Fprintf(bw, "    value:       %s\n", valueString(v))
		}
		fmt.Fprintf(bw, "    claims:      %d\n", len(a.Claims))
	}
	return bw.Flush()
}

func refString(r graph.EntityRef) string {
	if r.Kind == "" {
		return r.Name
	}
	return fmt.Sprintf("%s [%s]", r.Name, r.Kind)
}

func valueString(v graph.Value) string {
	s := v.Attribute + " "
	switch {
	case v.Value != nil:
		s += fmt.Sprintf("%s %g", v.Bound, *v.Value)
	default:
		s += string(v.Bound)
		if v.Min != nil {
			s += fmt.Sprintf(" %g", *v.Min)
			if v.Max != nil {
				s += fmt.Sprintf("-%g", *v.Max)
			} else {
				s += "+"
			}
		}
	}
	if v.Unit != "" && v.Unit != "people" {
		s += " " + v.Unit
	}
	if v.Who != "" {
		s += " (" + v.Who + ")"
	}
	return fmt.Sprintf("%s %q", s, v.Text)
}

func dateString(d graph.Date) string {
	s := d.From
	if d.To != d.From {
		s += ".." + d.To
	}
	s += " " + string(d.Precision)
	if d.Relative {
		s += " relative"
	}
	return fmt.Sprintf("%s %q", s, d.Text)
}

// markText returns the text with claims in [[ ]] and figures in {{ }}.
func markText(text string, claims []graph.Claim) string {
	type mark struct {
		at    int
		s     string
		close bool
	}
	var marks []mark
	for _, c := range claims {
		marks = append(marks, mark{c.Span.Start, "[[", false}, mark{c.Span.End, "]]", true})
		for _, v := range c.Values {
			marks = append(marks, mark{v.Span.Start, "{{", false}, mark{v.Span.End, "}}", true})
		}
	}
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].at != marks[j].at {
			return marks[i].at < marks[j].at
		}
		return marks[i].close && !marks[j].close
	})
	var b strings.Builder
	i, k := 0, 0
	for _, r := range text {
		for k < len(marks) && marks[k].at == i {
			b.WriteString(marks[k].s)
			k++
		}
		b.WriteRune(r)
		i++
	}
	for ; k < len(marks); k++ {
		b.WriteString(marks[k].s)
	}
	return b.String()
}
