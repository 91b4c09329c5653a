package xref

import (
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Stances of a source towards an event.
const (
	StanceAsserts  = "asserts"
	StanceDisputes = "disputes"
	StanceMentions = "mentions"
)

// SourceEntry is one speaker in one document giving an account of an event.
type SourceEntry struct {
	Document  uuid.UUID       `json:"document"`
	Title     string          `json:"title,omitempty"`
	Published string          `json:"published,omitempty"`
	Speaker   graph.EntityRef `json:"speaker"`
	// Reported is true when the document carries the speaker's words (a
	// wire report quoting a monitor) rather than its own.
	Reported bool `json:"reported"`
	// Group is the independence group (affiliation root).
	Group     uuid.UUID   `json:"group"`
	GroupName string      `json:"group_name,omitempty"`
	Stance    string      `json:"stance"`
	Accounts  []uuid.UUID `json:"accounts"`
	Claims    []uuid.UUID `json:"claims"`
	// First is true when the entry is the earliest document to give one of
	// the event's values; FirstFor says which ("killed: 14").
	First    bool     `json:"first"`
	FirstFor []string `json:"first_for,omitempty"`
}

// valueKeys names the values an account gives, for first appearances:
// "killed: 14", "perpetrator: <root> (negative)".
func valueKeys(a graph.Account, w *World) map[string]string {
	out := map[string]string{}
	if a.Polarity != graph.Denied {
		for _, v := range a.Values {
			lo, hi := Interval(v)
			out[fmt.Sprintf("%s|%g|%g", AttrKey(v), lo, hi)] = AttrKey(v) + ": " + figureText(v)
		}
	}
	if p := a.Perpetrator; identifying(p, w) {
		pol := polarityOf(p.Polarity)
		if a.Polarity == graph.Denied {
			pol = graph.Denied
		}
		label := "perpetrator: " + p.Entity.Name
		if pol == graph.Denied {
			label += " (denied)"
		}
		out["perpetrator|"+w.Root(p.Entity.ID).String()+"|"+string(pol)] = label
	}
	return out
}

// Sources lists every document and speaker that gives an account of the
// event, ordered by date (undated documents first, placed by the latest
// date they mention), with stance, independence group and whether the
// entry is the first to give one of the event's values.
func Sources(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, docs map[uuid.UUID]graph.Document, w *World) []SourceEntry {
	type key struct{ doc, speaker uuid.UUID }
	by := map[key]*SourceEntry{}
	pub := map[key]string{}
	vals := map[key]map[string]string{}
	var keys []key
	for _, a := range accounts {
		k := key{a.DocumentID, a.Speaker.ID}
		e := by[k]
		if e == nil {
			g := w.Root(a.Speaker.ID)
			e = &SourceEntry{Document: a.DocumentID, Published: a.Published, Speaker: a.Speaker, Group: g, GroupName: w.Name(g), Stance: StanceMentions}
			if d, ok := docs[a.DocumentID]; ok {
				e.Title = d.Title
				if e.Published == "" {
					e.Published = d.Date
				}
			}
			by[k] = e
			pub[k] = pubOf(a)
			vals[k] = map[string]string{}
			keys = append(keys, k)
		}
		e.Accounts = appendUnique(e.Accounts, a.ID)
		e.Claims = appendUnique(e.Claims, a.Claims...)
		for _, id := range a.Claims {
			if c, ok := claims[id]; ok && c.Reported {
				e.Reported = true
			}
		}
		denies := a.Polarity == graph.Denied || a.Perpetrator != nil && a.Perpetrator.Polarity == graph.Denied
		switch {
		case denies:
			e.Stance = StanceDisputes
		case e.Stance == StanceMentions && asserts(a, claims):
			e.Stance = StanceAsserts
		}
		for vk, label := range valueKeys(a, w) {
			vals[k][vk] = label
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if pub[a] != pub[b] {
			return laterDoc(pub[b], b.doc, pub[a], a.doc)
		}
		if a.doc != b.doc {
			return a.doc.String() < b.doc.String()
		}
		return a.speaker.String() < b.speaker.String()
	})
	firstOf := map[string]bool{}
	out := make([]SourceEntry, 0, len(keys))
	for _, k := range keys {
		e := by[k]
		var fs []string
		for vk, label := range vals[k] {
			if !firstOf[vk] {
				fs = append(fs, label)
			}
		}
		sort.Strings(fs)
		e.FirstFor, e.First = fs, len(fs) > 0
		sortIDs(e.Accounts)
		sortIDs(e.Claims)
		out = append(out, *e)
	}
	// Mark after the loop, so that several speakers in the first document
	// to give a value all count as first.
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && out[j].Document == out[i].Document {
			j++
		}
		for _, k := range keys[i:j] {
			for vk := range vals[k] {
				firstOf[vk] = true
			}
		}
		for x := j; x < len(out); x++ {
			var fs []string
			for vk, label := range vals[keys[x]] {
				if !firstOf[vk] {
					fs = append(fs, label)
				}
			}
			sort.Strings(fs)
			out[x].FirstFor, out[x].First = fs, len(fs) > 0
		}
		i = j
	}
	return out
}

// asserts reports whether an account asserts something about the event: a
// factual claim, a figure or a party held responsible.
func asserts(a graph.Account, claims map[uuid.UUID]graph.Claim) bool {
	if len(a.Values) > 0 || a.Perpetrator != nil {
		return true
	}
	for _, id := range a.Claims {
		c, ok := claims[id]
		if !ok || c.Kind == graph.ClaimFact || c.Kind == "" {
			return true
		}
	}
	return false
}

// TimelinePoint is one figure as a source gave it at a date.
type TimelinePoint struct {
	Date      string          `json:"date"` // the document's date ("" if undated)
	Document  uuid.UUID       `json:"document"`
	Title     string          `json:"title,omitempty"`
	Speaker   graph.EntityRef `json:"speaker"`
	Attribute string          `json:"attribute"`
	Value     *float64        `json:"value"`
	Bound     graph.Bound     `json:"bound"`
	Text      string          `json:"text"`
	Claims    []uuid.UUID     `json:"claims"`
	// RevisedBy is the claim of the same source's later figure, if any.
	RevisedBy *uuid.UUID `json:"revised_by,omitempty"`
}

// Timeline lays out how an event's figures evolved: every figure its
// accounts give, by document date (undated documents placed by the latest
// date they mention), then attribute and value: 14 -> 22 -> 24 -> 25.
func Timeline(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, docs map[uuid.UUID]graph.Document) []TimelinePoint {
	type pt struct {
		p    TimelinePoint
		when string
		lo   float64
	}
	var pts []pt
	for attr, fs := range figures(accounts, claims, nil) {
		for _, f := range fs {
			p := TimelinePoint{Date: f.acc.Published, Document: f.acc.DocumentID, Speaker: f.acc.Speaker, Attribute: attr,
				Value: f.v.Value, Bound: normBound(f.v.Bound), Text: figureText(f.v), Claims: f.claim, RevisedBy: f.revisedBy}
			if d, ok := docs[f.acc.DocumentID]; ok {
				p.Title = d.Title
				if p.Date == "" {
					p.Date = d.Date
				}
			}
			lo, _ := Interval(f.v)
			pts = append(pts, pt{p: p, when: pubOf(f.acc), lo: lo})
		}
	}
	sort.Slice(pts, func(i, j int) bool {
		a, b := pts[i], pts[j]
		if a.when != b.when {
			return laterDoc(b.when, b.p.Document, a.when, a.p.Document)
		}
		if a.p.Attribute != b.p.Attribute {
			return attrRank(a.p.Attribute) < attrRank(b.p.Attribute) || attrRank(a.p.Attribute) == attrRank(b.p.Attribute) && a.p.Attribute < b.p.Attribute
		}
		if a.lo != b.lo {
			return a.lo < b.lo
		}
		return a.p.Document.String() < b.p.Document.String()
	})
	out := make([]TimelinePoint, len(pts))
	for i, p := range pts {
		out[i] = p.p
	}
	return out
}
