package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

const heldoutDir = "testdata/heldout"

// score counts matches for one kind of item: recall is found/labelled,
// precision correct/extracted.
type score struct {
	labelled, found, extracted, correct int
}

func (s score) recall() float64    { return ratio(s.found, s.labelled) }
func (s score) precision() float64 { return ratio(s.correct, s.extracted) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

type heldoutLabels struct {
	Documents []struct {
		File      string   `json:"file"`
		BodyStart int      `json:"body_start"`
		Speakers  []string `json:"speakers"`
		Claims    []struct {
			Quote, Speaker, Polarity, Kind string
		} `json:"claims"`
		Values []struct {
			Quote     string   `json:"quote"`
			Context   string   `json:"context"`
			Attribute string   `json:"attribute"`
			Value     *float64 `json:"value"`
			Bound     string   `json:"bound"`
		} `json:"values"`
		Dates []struct {
			Quote, From, To string
		} `json:"dates"`
		Places []struct {
			Quote, Name string
			Within      *string `json:"within"`
		} `json:"places"`
		Perpetrators []struct {
			Quote, Name, Polarity string
		} `json:"perpetrators"`
		EventTypes []string `json:"event_types"`
	} `json:"documents"`
}

// spanOf finds quote in text (inside context when given) as a code-point
// span; ok false if absent.
func spanOf(text, quote, context string) (graph.Span, bool) {
	base := 0
	if context != "" {
		i := strings.Index(text, context)
		if i < 0 {
			return graph.Span{}, false
		}
		base = i
		text = text[:i+len(context)]
	}
	i := strings.Index(text[base:], quote)
	if i < 0 {
		return graph.Span{}, false
	}
	s := utf8.RuneCountInString(text[:base+i])
	return graph.Span{Start: s, End: s + utf8.RuneCountInString(quote)}, true
}

// allSpans finds every occurrence of quote at or after code point from.
func allSpans(text, quote string, from int) []graph.Span {
	var out []graph.Span
	off := 0
	for {
		i := strings.Index(text[off:], quote)
		if i < 0 || quote == "" {
			return out
		}
		s := utf8.RuneCountInString(text[:off+i])
		if s >= from {
			out = append(out, graph.Span{Start: s, End: s + utf8.RuneCountInString(quote)})
		}
		off += i + len(quote)
	}
}

// samePlace applies the identity rule to a labelled place: the gazetteer's
// entity for the name, else the same transliteration skeleton.
func samePlace(g *gazetteer.Gazetteer, name string, ref graph.EntityRef) bool {
	if want := g.Lookup(name); len(want) > 0 {
		if want[0].ID == ref.ID {
			return true
		}
		// A name the gazetteer knows only by a close spelling of a place
		// elsewhere, extracted as a place it lacks, is compared by
		// spelling: "Zara" shelled by militiamen loyal to Damascus is not
		// Zuwara in Libya (gazetteer.OutOfContext).
		if _, known := g.Entity(ref.ID); known || byName(want[0], name) {
			return false
		}
	}
	s := gazetteer.Skeleton(name)
	if s != "" && s == gazetteer.Skeleton(ref.Name) {
		return true
	}
	// "Arhab district", "Maqbanah district": a label that names a place
	// the gazetteer lacks with its kind names it as the bare name does
	// (since the twenty-third session also the Congo's territories,
	// communes, departments, counties and municipalities: "Djugu
	// territory").
	if len(g.Lookup(name)) == 0 {
		for _, kind := range []string{" district", " subdistrict", " governorate", " province", " city", " neighbourhood", " area", " territory", " commune", " department", " county", " municipality"} {
			if bare, ok := strings.CutSuffix(name, kind); ok && bare != "" {
				return samePlace(g, bare, ref)
			}
		}
	}
	return false
}

// byName reports whether name is e's name or an alias, as FoldKey reads
// them, not a close spelling of one.
func byName(e *graph.Entity, name string) bool {
	k := gazetteer.FoldKey(name)
	if gazetteer.FoldKey(e.Name) == k {
		return true
	}
	for _, a := range e.Aliases {
		if gazetteer.FoldKey(a) == k {
			return true
		}
	}
	return false
}

// Since the twelfth session a label's "within" counts (sameLabelledPlace):
// a gazetteer homonym in another governorate, read where the label means a
// quarter of a city, no longer scores as right. The place floors of the
// training sets (train, train2, train4, train7, train8) were lowered to
// just under their figures under that scorer, with the quarters read
// (cityQuarters): the points they lost were homonyms scored as right
// before; the held-out sets' place figures did not move.

// sameLabelledPlace is samePlace for a label that says where the place
// lies: a gazetteer place of the label's name in another governorate than
// the labelled enclosing place is a homonym ("al-Zahraa" within Homs is a
// quarter of that city, not the town of al-Zahraa near Aleppo), so the
// label's name is then compared by its transliteration skeleton, with an
// extracted place that is not the homonym. Labels name the enclosing place
// as a city or a governorate; only the governorate is compared.
func sameLabelledPlace(g *gazetteer.Gazetteer, name string, within *string, ref graph.EntityRef) bool {
	if within != nil {
		want, in := g.Lookup(name), g.Lookup(*within)
		if len(want) > 0 && len(in) > 0 {
			if gov := governorateOf(g, in[0]); gov != nil && !g.Within(want[0].ID, gov.ID) {
				s := gazetteer.Skeleton(name)
				return s != "" && s == gazetteer.Skeleton(ref.Name) && ref.ID != want[0].ID
			}
		}
	}
	return samePlace(g, name, ref)
}

// governorateOf is the governorate a place lies in, or the place itself
// when it is one; nil for a country or a place outside any governorate.
func governorateOf(g *gazetteer.Gazetteer, e *graph.Entity) *graph.Entity {
	for n := 0; e != nil && n < 8; n++ {
		if e.PlaceType == "governorate" {
			return e
		}
		if e.Within == nil {
			return nil
		}
		w, ok := g.Entity(*e.Within)
		if !ok {
			return nil
		}
		e = w
	}
	return nil
}

func overlaps(a, b graph.Span) bool { return a.Start < b.End && b.Start < a.End }

var casualty = map[string]bool{"killed": true, "injured": true}

// evaluate scores extraction against held-out labels, row by row.
func evaluate(t *testing.T, dir string) (map[string]*score, []string) {
	b, err := os.ReadFile(filepath.Join(dir, "labels.json"))
	if err != nil {
		t.Skipf("no held-out labels: %v", err)
	}
	var labels heldoutLabels
	if err := json.Unmarshal(b, &labels); err != nil {
		t.Fatalf("decode labels: %v", err)
	}
	docs := extractCorpus(t, dir)
	g := gazetteer.Default()
	rows := map[string]*score{}
	for _, k := range []string{"claims (speaker+polarity)", "speakers", "values", "casualty values", "casualty attributes", "dates", "places", "perpetrators", "event types"} {
		rows[k] = &score{}
	}
	var misses []string
	miss := func(f, format string, args ...any) { misses = append(misses, f+": "+fmt.Sprintf(format, args...)) }
	for _, ld := range labels.Documents {
		ex := docs[ld.File]
		if ex == nil {
			t.Errorf("no extraction for %s", ld.File)
			continue
		}
		text := ex.Document.Text
		m := newMatcher(g, ex)
		var body []graph.Claim
		for _, c := range ex.Claims {
			if c.Span.Start >= ld.BodyStart && c.Kind != graph.ClaimMetadata && c.Kind != graph.ClaimRequest {
				body = append(body, c)
			}
		}
		// Claims: speaker and polarity of the claim holding the quote.
		r := rows["claims (speaker+polarity)"]
		r.labelled += len(ld.Claims)
		matched := map[int]bool{}
		for _, lc := range ld.Claims {
			sp, ok := spanOf(text, lc.Quote, "")
			if !ok {
				t.Errorf("%s: quote %q not in text", ld.File, lc.Quote)
				continue
			}
			hit := false
			for i, c := range body {
				if overlaps(c.Span, sp) && string(c.Polarity) == lc.Polarity && m.match(lc.Speaker, c.Speaker, "") {
					hit = true
					matched[i] = true
				}
			}
			if hit {
				r.found++
			} else {
				miss(ld.File, "claim %q by %s %s", lc.Quote, lc.Speaker, lc.Polarity)
			}
		}
		// Labels give one claim per sentence and speaker; a sentence this
		// extraction splits at "; " is one labelled claim when both parts
		// have the same speaker and polarity.
		for i := 1; i < len(body); i++ {
			a, b := body[i-1], body[i]
			sibling := strings.HasSuffix(a.Text, ";") && b.Span.Start-a.Span.End <= 1 && a.Speaker.ID == b.Speaker.ID && a.Polarity == b.Polarity
			if sibling && (matched[i-1] || matched[i]) {
				matched[i-1], matched[i] = true, true
			}
		}
		r.extracted += len(body)
		r.correct += len(matched)
		for i, c := range body {
			if !matched[i] {
				miss(ld.File, "extra claim %q by %s %s", clip(c.Text, 60), refString(c.Speaker), c.Polarity)
			}
		}
		// Speakers.
		r = rows["speakers"]
		r.labelled += len(ld.Speakers)
		seen := map[string]graph.EntityRef{}
		for _, c := range body {
			seen[c.Speaker.ID.String()] = c.Speaker
		}
		for _, s := range ld.Speakers {
			hit := false
			for _, ref := range seen {
				if m.match(s, ref, "") {
					hit = true
				}
			}
			if hit {
				r.found++
			} else {
				miss(ld.File, "speaker %s", s)
			}
		}
		for _, ref := range seen {
			r.extracted++
			ok := false
			for _, s := range ld.Speakers {
				if m.match(s, ref, "") {
					ok = true
				}
			}
			if ok {
				r.correct++
			} else {
				miss(ld.File, "extra speaker %s", refString(ref))
			}
		}
		// Values.
		var vals []graph.Value
		for _, c := range body {
			vals = append(vals, c.Values...)
		}
		used, usedAttr := map[int]bool{}, map[int]bool{}
		for _, lv := range ld.Values {
			sp, ok := spanOf(text, lv.Quote, lv.Context)
			if !ok {
				t.Errorf("%s: value quote %q not in text", ld.File, lv.Quote)
				continue
			}
			// A quote with no context is the body's figure (the labels
			// check quotes unique in the body): not the same figure in
			// a title before the body ("toll rises to 13").
			if lv.Context == "" && sp.Start < ld.BodyStart {
				if occ := allSpans(text, lv.Quote, ld.BodyStart); len(occ) > 0 {
					sp = occ[0]
				}
			}
			// So is a quote whose context the title repeats word for word
			// ("six of them women" in both).
			if lv.Context != "" && sp.Start < ld.BodyStart {
				if occ := allSpans(text, lv.Context, ld.BodyStart); len(occ) > 0 {
					if in, ok := spanOf(lv.Context, lv.Quote, ""); ok {
						sp = graph.Span{Start: occ[0].Start + in.Start, End: occ[0].Start + in.End}
					}
				}
			}
			rows["values"].labelled++
			cas := casualty[lv.Attribute]
			if cas {
				rows["casualty values"].labelled++
				rows["casualty attributes"].labelled++
			}
			hit, hitAttr := false, false
			for i, v := range vals {
				same := (lv.Value == nil) == (v.Value == nil) && (lv.Value == nil || *lv.Value == *v.Value)
				if overlaps(v.Span, sp) && same && string(v.Bound) == lv.Bound {
					hit = true
					used[i] = true
					if v.Attribute == lv.Attribute {
						hitAttr = true
						usedAttr[i] = true
					}
					if cas && v.Attribute != lv.Attribute {
						miss(ld.File, "value %q read as %s, labelled %s", lv.Quote, v.Attribute, lv.Attribute)
					}
				}
			}
			if cas && hitAttr {
				rows["casualty attributes"].found++
			}
			if hit {
				rows["values"].found++
				if cas {
					rows["casualty values"].found++
				}
			} else {
				miss(ld.File, "value %q %s %s", lv.Quote, lv.Bound, numString(lv.Value))
			}
		}
		for i, v := range vals {
			rows["values"].extracted++
			if used[i] {
				rows["values"].correct++
			} else {
				miss(ld.File, "extra value %s", valueString(v))
			}
			if casualty[v.Attribute] {
				rows["casualty values"].extracted++
				rows["casualty attributes"].extracted++
				if used[i] {
					rows["casualty values"].correct++
				}
				if usedAttr[i] {
					rows["casualty attributes"].correct++
				}
			}
		}
		// Dates.
		var dates []graph.Date
		for _, c := range body {
			dates = append(dates, c.Dates...)
		}
		r = rows["dates"]
		usedD := map[int]bool{}
		for _, ld2 := range ld.Dates {
			sp, ok := spanOf(text[:0]+text, ld2.Quote, "")
			if !ok {
				continue
			}
			r.labelled++
			hit := false
			for _, occ := range allSpans(text, ld2.Quote, ld.BodyStart) {
				for i, d := range dates {
					if overlaps(d.Span, occ) && d.From == ld2.From && d.To == ld2.To {
						hit = true
						usedD[i] = true
					}
				}
			}
			_ = sp
			if hit {
				r.found++
			} else {
				miss(ld.File, "date %q %s..%s", ld2.Quote, ld2.From, ld2.To)
			}
		}
		for i, d := range dates {
			r.extracted++
			if usedD[i] {
				r.correct++
			} else {
				miss(ld.File, "extra date %s", dateString(d))
			}
		}
		// Places: distinct surface forms.
		r = rows["places"]
		type form struct{ text, id string }
		got := map[form]graph.Mention{}
		for _, c := range body {
			for _, mn := range c.Mentions {
				if mn.Entity.Kind != graph.KindPlace {
					continue
				}
				if e, ok := g.Entity(mn.Entity.ID); ok && e.PlaceType == "country" {
					continue
				}
				got[form{gazetteer.FoldKey(mn.Text), mn.Entity.ID.String()}] = mn
			}
		}
		for _, lp := range ld.Places {
			r.labelled++
			hit := false
			for _, occ := range allSpans(text, lp.Quote, ld.BodyStart) {
				for _, mn := range got {
					if overlaps(mn.Span, occ) || gazetteer.FoldKey(mn.Text) == gazetteer.FoldKey(lp.Quote) {
						if sameLabelledPlace(g, lp.Name, lp.Within, mn.Entity) {
							hit = true
						}
					}
				}
			}
			if hit {
				r.found++
			} else {
				miss(ld.File, "place %q = %s", lp.Quote, lp.Name)
			}
		}
		for _, mn := range got {
			r.extracted++
			ok := false
			for _, lp := range ld.Places {
				if gazetteer.FoldKey(lp.Quote) == gazetteer.FoldKey(mn.Text) || strings.Contains(gazetteer.FoldKey(lp.Quote), gazetteer.FoldKey(mn.Text)) {
					if sameLabelledPlace(g, lp.Name, lp.Within, mn.Entity) {
						ok = true
					}
				}
			}
			if ok {
				r.correct++
			} else {
				miss(ld.File, "extra place %q -> %s", mn.Text, mn.Entity.Name)
			}
		}
		// Perpetrators: distinct (entity, polarity).
		r = rows["perpetrators"]
		type perp struct {
			id  string
			pol graph.Polarity
		}
		perps := map[perp]*graph.Attribution{}
		for i := range ex.Accounts {
			a := &ex.Accounts[i]
			all := append([]graph.Attribution(nil), a.CoPerpetrators...)
			if a.Perpetrator != nil {
				all = append(all, *a.Perpetrator)
			}
			for k := range all {
				if p := &all[k]; p.Span.Start >= ld.BodyStart {
					perps[perp{p.Entity.ID.String(), p.Polarity}] = p
				}
			}
		}
		for _, lp := range ld.Perpetrators {
			r.labelled++
			hit := false
			for _, p := range perps {
				if string(p.Polarity) == lp.Polarity && m.match(lp.Name, p.Entity, p.Text) {
					hit = true
				}
			}
			if hit {
				r.found++
			} else {
				miss(ld.File, "perpetrator %s %s", lp.Name, lp.Polarity)
			}
		}
		for _, p := range perps {
			r.extracted++
			ok := false
			for _, lp := range ld.Perpetrators {
				if string(p.Polarity) == lp.Polarity && m.match(lp.Name, p.Entity, p.Text) {
					ok = true
				}
			}
			if ok {
				r.correct++
			} else {
				miss(ld.File, "extra perpetrator %s %s (%q)", refString(p.Entity), p.Polarity, p.Text)
			}
		}
		// Event types.
		r = rows["event types"]
		types := map[string]bool{}
		for _, a := range ex.Accounts {
			types[string(a.Type)] = true
		}
		r.labelled += len(ld.EventTypes)
		for _, et := range ld.EventTypes {
			if types[et] {
				r.found++
			} else {
				miss(ld.File, "event type %s", et)
			}
		}
		for et := range types {
			r.extracted++
			ok := false
			for _, w := range ld.EventTypes {
				if w == et {
					ok = true
				}
			}
			if ok {
				r.correct++
			} else {
				miss(ld.File, "extra event type %s", et)
			}
		}
	}
	sort.Strings(misses)
	return rows, misses
}

// logTable prints a set's rows. "casualty values" counts a labelled toll
// found when the figure, its bound and its span match, whatever the
// extractor says it counts; "casualty attributes" counts it only when the
// attribute is the label's too (killed, not a bare count or injured), the
// reading an analyst needs. It has no floors yet.
func logTable(t *testing.T, title string, rows map[string]*score) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%-27s %9s %9s %9s %9s\n", title, "item", "labelled", "extracted", "recall", "precision")
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := rows[k]
		fmt.Fprintf(&b, "%-27s %9d %9d %9.2f %9.2f\n", k, s.labelled, s.extracted, s.recall(), s.precision())
	}
	t.Log(b.String())
}

// evalSet is a labelled set of documents and its floors.
type evalSet struct {
	name, dir  string
	thresholds map[string][2]float64
	// diagnostic sets may have their misses logged: the development set,
	// and the held-out sets already used for diagnosis. A pristine set
	// (one never read) is never diagnostic.
	diagnostic bool
}

// evalSets are the labelled sets: the four held-out sets, written by others
// (sets 1 and 2 have since been read for diagnosis; sets 3 and 4 are pristine), and
// the development set the rules were written against. Each set's thresholds are its measured figures
// less a small margin, so that a regression fails.
var evalSets = []evalSet{
	{"held-out set", heldoutDir, heldoutThresholds, true},
	{"second held-out set", heldout2Dir, heldout2Thresholds, true},
	{"third held-out set", heldout3Dir, heldout3Thresholds, false},
	// The fourth held-out set (see its README) is pristine and reported
	// only: no floors, and its misses are never logged.
	{"fourth held-out set", heldout4Dir, heldout4Thresholds, false},
	// The fifth held-out set (see its README) is pristine: its misses are
	// never logged; floors only catch regressions.
	{"fifth held-out set", heldout5Dir, heldout5Thresholds, false},
	// The sixth held-out set (see its README), written in the eleventh
	// session by someone who read neither the rules nor any other set's
	// documents: pristine, its misses never logged; floors just under its
	// one measurement at the session's end.
	{"sixth held-out set", heldout6Dir, heldout6Thresholds, false},
	{"development set", devDir, devThresholds, true},
	// The training set (see its README) is written for diagnosis: rules may
	// be fixed against it, so its floors guard against regressions only and
	// say nothing about unseen text.
	{"training set", trainDir, trainThresholds, true},
	// The second training set (see its README), written independently of
	// the rules and of the first training set, was held back as a
	// validation set while rules were fixed on the first; from the seventh
	// round it is diagnostic too: its misses are logged and rules fixed
	// against it, so its floors guard against regressions only.
	{"second training set", train2Dir, train2Thresholds, true},
	// The third training set (see its README), written independently of
	// the rules and of the first two training sets, was held back as a
	// validation set through round 8; from the ninth round it is diagnostic
	// too: its misses are logged and rules fixed against it, so its figures
	// say nothing more about unseen text.
	{"third training set", train3Dir, train3Thresholds, true},
	// The fourth training set (see its README), written independently of
	// the rules and of the earlier training sets, was held back as a
	// validation set until measured, in round 13 at commit 0445672 (the
	// rules of that round so far, none fixed on it): casualty values
	// 0.96/1.00, claims 0.81/0.83, dates 0.94/0.93, event types 0.66/0.76,
	// perpetrators 0.59/0.83, places 0.71/0.87, speakers 0.87/0.89, values
	// 0.92/1.00. The round's starting extractor (b97527d) read on it:
	// claims 0.80/0.82, perpetrators 0.56/0.82, speakers 0.84/0.87, the
	// other rows the same. From then on it is diagnostic, like the third.
	{"fourth training set", train4Dir, train4Thresholds, true},
	// The fifth training set (see its README), written independently of
	// the rules and of the earlier training sets, was held back as a
	// validation set until measured, in round 16 at commit 387a6bf (no
	// rule fixed on it): casualty values 0.90/1.00, claims 0.79/0.79,
	// dates 0.80/0.90, event types 0.62/0.56, perpetrators 0.47/0.80,
	// places 0.82/0.91, speakers 0.87/0.85, values 0.83/0.94. From then
	// on it is diagnostic, like the fourth; floors after round 16.
	{"fifth training set", train5Dir, train5Thresholds, true},
	// The sixth training set (see its README), written independently of
	// the rules and of the earlier training sets, with longer documents
	// (letters with annexes, report sections, round-ups, briefings), was
	// held back as a validation set until measured, in round 17 at commit
	// 12a701d (no rule fixed on it): casualty values 0.86/1.00, claims
	// 0.82/0.76, dates 0.77/0.84, event types 0.50/0.65, perpetrators
	// 0.57/0.94, places 0.80/0.91, speakers 0.83/0.86, values 0.86/0.97.
	// From then on it is diagnostic, like the fifth; floors after round 17.
	{"sixth training set", train6Dir, train6Thresholds, true},
	// The seventh training set (see its README), written independently of
	// the rules and of the earlier training sets, with a mix of short flashes
	// and long documents, was held back as a validation set until measured,
	// in round 21 at commit 940e156 (no rule fixed on it): casualty values
	// 0.82/0.98, claims 0.77/0.74, dates 0.85/0.81, event types 0.74/0.63,
	// perpetrators 0.75/0.81, places 0.82/0.95, speakers 0.81/0.78, values
	// 0.86/0.97. From then on it is diagnostic, like the sixth; floors
	// after round 21.
	{"seventh training set", train7Dir, train7Thresholds, true},
	// The eighth training set (see its README), written independently of
	// the rules and of the earlier training sets on the eleventh session's
	// first day (Khan Shaykhun 2019, Maarat al-Numan, Saraqib, Lataminah,
	// Manbij, Daraa al-Balad; five long documents), is held back as a
	// validation set through the eleventh session. Measured when it
	// arrived, at d099238 (no rule fixed on it): casualty values 0.94/0.98,
	// claims 0.81/0.73, dates 0.78/0.79, event types 0.81/0.82,
	// perpetrators 0.75/0.76, places 0.94/0.88, speakers 0.83/0.86, values
	// 0.89/0.99; at the eleventh session's end (9b1591e) the same but
	// perpetrators 0.75/0.75. Diagnostic from the twelfth session, with
	// floors just under that last measurement.
	{"eighth training set", train8Dir, train8Thresholds, true},
	// The ninth training set (see its README), written independently of
	// the rules and of every other set at the twelfth session's start
	// (Morek and Salqin 2019, Palmyra 2016, Harasta 2018, Kafr Zita 2014,
	// Qayyarah 2016, Sarmada 2019; five long documents), was measured
	// before any rule used it, at the session's starting commit 9b1591e:
	// casualty values 0.70/0.94, claims 0.69/0.71, dates 0.85/0.95, event
	// types 0.79/0.80, perpetrators 0.77/0.88, places 0.88/0.84, speakers
	// 0.80/0.73, values 0.72/0.96; and with the session's first date rules
	// (12f1925): dates 0.87/0.93, the rest the same. Casualty values at
	// 0.70 recall, far below every other set, made it diagnostic at once;
	// a tenth set is written as the validation set. Floors just under the
	// 12f1925 figures.
	{"ninth training set", train9Dir, train9Thresholds, true},
	// The tenth training set (see its README), written independently of
	// the rules and of every other set in the twelfth session (al-Mansoura
	// 2017, Suran 2017, Heet 2016, Bashiqa 2016, Maarat Misrin 2019,
	// al-Muzayrib 2020; six long documents), is held back as a validation
	// set: figures only, no floors, misses never logged. Measured at the
	// session's starting commit 9b1591e (before any of the session's
	// rules): casualty values 0.93/0.99, claims 0.79/0.78, dates 0.85/0.83,
	// event types 0.89/0.78, perpetrators 0.76/0.82, places 0.83/0.86,
	// speakers 0.85/0.79, values 0.92/0.92; at 4fcbf7e (the session's
	// rounds in): casualty values 0.95/0.92, dates 0.89/0.82, event types
	// 0.89/0.80, places 0.80/0.85 (the scorer honouring "within"; 0.84/0.89
	// with the old one), values 0.94/0.88, the rest the same. Diagnostic
	// since (its pair precision, 0.62, is the weakest figure any set
	// shows); an eleventh set is written as the validation set. Floors just
	// under the 4fcbf7e figures.
	{"tenth training set", train10Dir, train10Thresholds, true},
	// The eleventh training set (see its README), written independently
	// of the rules and of every other set at the twelfth session's end
	// (Nawa, Busra al-Harir, Muhambal and Gharanij 2018, Damascus and Ain
	// Tarma 2017, Rutba 2016; five long documents), is held back as a
	// validation set: figures only, no floors, misses never logged.
	// Measured at the session's starting commit 9b1591e (old place scorer):
	// casualty values 0.90/0.96, claims 0.87/0.80, dates 0.81/0.89, event
	// types 0.80/0.82, perpetrators 0.73/0.83, places 0.82/0.95, speakers
	// 0.84/0.80, values 0.91/0.96; at the session's last commit f735400
	// (scorer honouring "within"): casualty values 0.97/0.95, claims
	// 0.87/0.80, dates 0.84/0.88, event types 0.82/0.85, perpetrators
	// 0.78/0.84, places 0.82/0.95, speakers 0.84/0.80, values 0.96/0.95.
	// Diagnostic since the thirteenth session (a twelfth set is written as
	// the validation set), with floors just under the f735400 figures.
	{"eleventh training set", train11Dir, train11Thresholds, true},
	// The twelfth training set (see its README), written independently of
	// the rules and of every other set at the thirteenth session's start
	// (Kabani, Hish and Kafrouma 2019, Teir Maalah and Ghanto 2018,
	// al-Shuhayl 2017, Jalawla and Sadiya 2014, al-Baghdadi 2015, Karmah
	// 2016; five long documents), is held back as a validation set:
	// figures only, no floors, misses never logged. Measured at the
	// session's starting code (23acd0c, the set copied in): casualty values
	// 0.83/0.96, claims 0.69/0.69, dates 0.82/0.88, event types 0.68/0.77,
	// perpetrators 0.66/0.90, places 0.83/0.94, speakers 0.82/0.73, values
	// 0.80/0.95. Exposure, recorded: at 04:49 UTC a rule writer's grep over
	// the training folders printed two of its sentences and their labelled
	// event types, and at 04:52 one pairs summary line; no rule was changed
	// because of either (the round-32 note says so). At the thirteenth
	// session's last commit (4a5e750): casualty values 0.84/0.94, claims
	// 0.73/0.73, dates 0.82/0.88, event types 0.68/0.77, perpetrators
	// 0.68/0.92, places 0.83/0.94, speakers 0.84/0.75, values 0.82/0.95;
	// casualty attributes (the row added that session) 0.69/0.92.
	// Diagnostic since the fourteenth session (a thirteenth set is written
	// as the validation set), with floors just under the 4a5e750 figures.
	{"twelfth training set", train12Dir, train12Thresholds, true},
	// The thirteenth training set (see its README), written independently
	// of the rules and of every other set at the fourteenth session's
	// start (Hawija and Bartella 2016-2017, Muqdadiya 2016, Tartus and
	// Jableh 2016, Khan al-Shih 2016, Haritan 2016, al-Khalis 2018; five
	// long documents), is held back as a validation set: figures only, no
	// floors, misses never logged. Measured at the session's starting code
	// (4a5e750, the set copied in): casualty values 0.93/0.94, casualty
	// attributes 0.85/0.87, claims 0.75/0.72, dates 0.95/0.80, event types
	// 0.62/0.66, perpetrators 0.64/0.82, places 0.67/0.84, speakers
	// 0.81/0.80, values 0.84/0.96; at b12b53f (the session's first rounds
	// in) the same but perpetrators 0.67/0.83. At the session's end
	// (rounds 35-38 and the lead's fixes in): casualty values 0.93/0.95,
	// casualty attributes 0.87/0.87, claims 0.78/0.74, dates 0.97/0.86,
	// event types 0.62/0.66, perpetrators 0.67/0.83, places 0.74/0.85,
	// speakers 0.84/0.81, values 0.84/0.96 (94c4751). Never read while it
	// was the validation set. Diagnostic since the fifteenth session (no
	// fourteenth set was written during it; one was written blind just
	// after its end, below), with floors just under the
	// 94c4751 figures.
	{"thirteenth training set", train13Dir, train13Thresholds, true},
	// The fourteenth training set (see its README) was written blind
	// after the fifteenth session's end and held back as the validation
	// set: figures only, no floors, and its misses never logged. Measured
	// at the sixteenth session's start, on the fourteenth session's end
	// code (94c4751, the set copied in) -> the fifteenth's (c5a99ce):
	// casualty values 0.87/0.96 -> the same, casualty attributes
	// 0.80/0.96 -> the same, claims 0.72/0.71 -> 0.72/0.72, dates
	// 0.92/0.85 -> 0.92/0.89, event types 0.61/0.59 -> the same,
	// perpetrators 0.76/0.91 -> the same, places 0.74/0.81 -> 0.81/0.83,
	// speakers 0.79/0.78 -> the same, values 0.91/0.96 -> the same: the
	// fifteenth session's rules on text they were not written from.
	// Diagnostic since (a fifteenth set is written blind as the
	// validation set).
	{"fourteenth training set", train14Dir, train14Thresholds, true},
	// The fifteenth training set (see its README) was written blind at
	// the sixteenth session's start and is held back as the validation
	// set: figures only, no floors, and its misses are never logged.
	// Measured on the fifteenth session's end rules (d845b38, the set
	// copied in): casualty values 0.81/0.91, casualty attributes
	// 0.78/0.91, claims 0.57/0.52, dates 0.97/0.71, event types
	// 0.88/0.82, perpetrators 0.38/0.55, places 0.63/0.68, speakers
	// 0.66/0.72, values 0.82/0.83. Its events lie in Libya and Yemen as
	// well as Syria and Iraq, and the gazetteer knew few places and
	// parties of the first two. With the seventeenth session's gazetteer
	// extension (e2ec88a; its event names were known, from its commit
	// message, not its text): claims 0.62/0.55, perpetrators 0.65/0.62,
	// places 0.81/0.73, speakers 0.73/0.76. Diagnostic since (CG_DIAG=t15;
	// the sixteenth set is the validation set in its place).
	{"fifteenth training set", train15Dir, train15Thresholds, true},
	// The sixteenth training set (see its README) was written blind at
	// the seventeenth session's start, by a helper who read no rule, and
	// is held back as the validation set: figures only, no floors, and
	// its misses are never logged. Its events lie in Yemen, Libya, Syria
	// and Iraq. Measured on the sixteenth session's end rules (bc3b335,
	// the set copied in): casualty values 0.84/1.00, casualty attributes
	// 0.80/0.98, claims 0.74/0.74, dates 0.90/0.74, event types
	// 0.77/0.71, perpetrators 0.53/0.65, places 0.68/0.80, speakers
	// 0.73/0.77, values 0.88/0.96. With the gazetteer extension
	// (e2ec88a, written before the set was seen): claims 0.77/0.77,
	// perpetrators 0.69/0.69, places 0.80/0.82, speakers 0.79/0.83, the
	// rest the same. At the seventeenth session's end (cea91a8): claims
	// 0.80/0.80, perpetrators 0.72/0.74, places 0.80/0.82, speakers
	// 0.81/0.84, the rest the same. Diagnostic since the eighteenth
	// session (CG_DIAG=t16; a seventeenth set is written blind as the
	// validation set in its place), with floors just under those figures.
	{"sixteenth training set", train16Dir, train16Thresholds, true},
	// The seventeenth training set (see its README) was written blind at
	// the eighteenth session's start, by a helper who read no rule, and is
	// held back as the validation set: figures only, no floors, and its
	// misses are never logged. Its events lie in Yemen, Libya, Syria and
	// Iraq, and it has kinds the earlier sets lack (a press briefing in
	// questions and answers, a humanitarian update in bullets). Measured
	// on the seventeenth session's end rules (cea91a8, the set copied
	// in): casualty values 0.96/0.98, dates 0.92/0.93, places 0.68/0.68,
	// speakers 0.86/0.87, perpetrators 0.56/0.62, claims 0.83/0.79, event
	// types 0.90/0.77; on the eighteenth's (0fcec42): casualty values
	// 0.98/0.98, dates 0.95/0.90, places 0.70/0.69, claims 0.85/0.80, the
	// rest the same; on the nineteenth's first rules (c4fd008, written
	// from train16): places 0.70/0.70, event types 0.90/0.79, the rest the
	// same. Diagnostic since (CG_DIAG=t17; the eighteenth set is the
	// validation set in its place), with floors just under those figures.
	// Round 44's end (with the scorer reading "Arhab district" as Arhab:
	// places 0.78/0.77 on 0fcec42): casualty values 0.98/0.98, dates
	// 0.97/0.95, places 0.84/0.85, speakers 0.88/0.92, perpetrators
	// 0.69/0.79, claims 0.87/0.85, event types 0.90/0.79; floors just
	// under.
	{"seventeenth training set", train17Dir, train17Thresholds, true},
	// The eighteenth training set (see its README) was written blind at
	// the nineteenth session's start, by a helper who read no rule, and
	// is held back as the validation set: figures only, no floors, and
	// its misses are never logged. Its events lie in Iraq, Yemen and
	// Libya, with kinds the earlier sets lack (a UN human-rights briefing
	// note, a Security Council meeting record, a coalition's monthly
	// civilian-casualty report). Measured on the eighteenth session's end
	// rules (0fcec42, the set copied in) and again on the nineteenth's
	// first rules (c4fd008, written from train16 before the set was
	// copied in), the same both times: casualty values 0.90/1.00,
	// casualty attributes 0.85/1.00, claims 0.77/0.74, dates 0.83/0.81,
	// event types 0.61/0.65, perpetrators 0.50/0.61, places 0.82/0.83,
	// speakers 0.77/0.88, values 0.87/0.91. With the scorer reading a
	// place the gazetteer lacks named with its kind ("Arhab district") as
	// the bare name (0fcec42 again): places 0.92/0.93, the rest the same.
	// At the nineteenth session's end (round 44, read from train16 and
	// train17): dates 0.83/0.83, the rest the same; measured once more
	// on that code (b295005) at the twentieth session's start, the same.
	// Diagnostic since (CG_DIAG=t18; a nineteenth set is written blind as
	// the validation set in its place), with floors just under those
	// figures.
	{"eighteenth training set", train18Dir, train18Thresholds, true},
	// The nineteenth training set (see its README) was written blind at
	// the twentieth session's start, by a helper who read no rule, and is
	// held back as the validation set: figures only, no floors, and its
	// misses are never logged. Its events lie in Nigeria, Mali and
	// Afghanistan, theatres no earlier set has, with kinds the earlier
	// sets lack (a medical charity's press release, a humanitarian flash
	// update in bullets, a government press conference in questions and
	// answers, a UN mission's report in numbered paragraphs). Measured on
	// the nineteenth session's end rules (b295005, the set copied in) and
	// on the twentieth's first rules (0517d4a, read from train18), the
	// same both times: casualty values 0.94/0.97, casualty attributes
	// 0.84/0.94, claims 0.74/0.69, dates 0.94/0.63, event types
	// 0.68/0.59, perpetrators 0.03/0.05, places 0.34/0.85, speakers
	// 0.61/0.68, values 0.91/0.94. The gazetteer knew none of its places
	// and parties. At the twentieth session's end (21a1c5f: round 45 and
	// the readings of names the gazetteer lacks): places 0.47/0.83,
	// perpetrators 0.09/0.14, event types 0.71/0.59, claims 0.73/0.68,
	// the rest the same. With every member State in the gazetteer (branch
	// gaz-states, 873cdd0, not landed): perpetrators 0.15/0.20 but claims
	// 0.68/0.63. Measured once more on the twentieth session's end code
	// (7311d23) at the twenty-first session's start, the same. Diagnostic
	// since (CG_DIAG=t19; a twentieth set is written blind as the
	// validation set in its place), with floors just under those figures.
	{"nineteenth training set", train19Dir, train19Thresholds, true},
	// The twentieth training set (see its README) was written blind at
	// the twenty-first session's start, by a helper who read no rule, and
	// is held back as the validation set: figures only, no floors, and
	// its misses are never logged. Its events lie in Myanmar, Ethiopia and
	// Burkina Faso, theatres no earlier set has, with kinds the earlier
	// sets lack (an investigative report with its methodology, an ICRC
	// release, a Security Council press statement, a radio interview, a
	// parliamentary written answer, a rebuttal in numbered points, posts
	// quoted by a wire). Measured on the twentieth session's end rules
	// (7311d23, the set copied in): casualty values 0.94/0.97, casualty
	// attributes 0.90/0.88, claims 0.64/0.56, dates 0.90/0.60, event types
	// 0.79/0.85, perpetrators 0.06/0.12, places 0.35/0.74, speakers
	// 0.67/0.70, values 0.96/0.96. At the twenty-first session's end
	// (37a2297): casualty values 0.94/0.97, casualty attributes 0.90/0.88,
	// claims 0.68/0.62, dates 0.90/0.65, event types 0.82/0.85,
	// perpetrators 0.41/0.54, places 0.57/0.85, speakers 0.74/0.75, values
	// 0.96/0.96; measured once more on that code at the twenty-second
	// session's start, the same. Diagnostic since (CG_DIAG=t20; a
	// twenty-first set is written blind as the validation set in its
	// place), with floors just under those figures.
	{"twentieth training set", train20Dir, train20Thresholds, true},
	// The twenty-first training set (see its README) was written blind at
	// the twenty-second session's start, by a helper who read no rule, and
	// is held back as the validation set: figures only, no floors, and its
	// misses are never logged. Its events lie in the Sudan, the Democratic
	// Republic of the Congo, Mozambique, Haiti, Colombia and Benin, with
	// kinds the earlier sets lack (a live blog, a monitor's chronology, a
	// newspaper's correction, a Group of Experts excerpt, a court's press
	// release, a noon-briefing transcript, OHCHR briefing notes). Measured
	// on the twenty-first session's end code (37a2297, the set copied in):
	// casualty values 0.94/1.00, casualty attributes 0.88/0.94, claims
	// 0.64/0.59, dates 0.89/0.60, event types 0.79/0.69, perpetrators
	// 0.40/0.75, places 0.67/0.91, speakers 0.65/0.69, values 0.88/0.94.
	// At the twenty-second session's end (a757ccb): casualty values
	// 0.94/1.00, casualty attributes 0.88/0.94, claims 0.65/0.60, dates
	// 0.93/0.69, event types 0.79/0.69, perpetrators 0.40/0.75, places
	// 0.67/0.91, speakers 0.65/0.71, values 0.88/0.94; measured once more
	// on that code at the twenty-third session's start, the same.
	// Diagnostic since (CG_DIAG=t21; a twenty-second set is written blind
	// as the validation set in its place), with floors just under those
	// figures.
	{"twenty-first training set", train21Dir, train21Thresholds, true},
	// The twenty-second training set (see its README) was written blind at
	// the twenty-third session's start, by a helper who read no rule, and
	// is held back as the validation set: figures only, no floors, and its
	// misses are never logged. Its events lie in Azerbaijan and Armenia,
	// Pakistan, South Sudan, the Central African Republic, Mexico and the
	// Philippines, with kinds the earlier sets lack (a social-media thread,
	// a fact-check, a satellite-imagery analysis, an open letter, a court
	// judgment excerpt, an e-mail exchange, a hospital's statement).
	// Measured on the twenty-second session's end code (a757ccb, the set
	// copied in): casualty values 0.91/0.98, casualty attributes 0.89/0.97,
	// claims 0.60/0.57, dates 0.95/0.66, event types 0.59/0.49,
	// perpetrators 0.42/0.50, places 0.57/0.82, speakers 0.61/0.67, values
	// 0.89/0.93. At the twenty-third session's end: casualty values
	// 0.91/0.98, casualty attributes 0.89/0.97, claims 0.63/0.59, dates
	// 0.95/0.66, event types 0.59/0.49, perpetrators 0.45/0.60, places
	// 0.63/0.80, speakers 0.61/0.68, values 0.89/0.93.
	{"twenty-second training set", train22Dir, nil, false},
}

const (
	heldout2Dir = "testdata/heldout2"
	// heldout3Dir is the third held-out set (see its README): pristine,
	// and reported only, with no floors until its first measurement is
	// recorded.
	heldout3Dir = "testdata/heldout3"
	// heldout4Dir is the fourth held-out set (see its README): pristine,
	// reported only, with no floors.
	heldout4Dir = "testdata/heldout4"
	// heldout5Dir is the fifth held-out set (see its README): pristine,
	// reported only, with no floors.
	heldout5Dir = "testdata/heldout5"
	// heldout6Dir is the sixth held-out set (see its README): pristine,
	// reported only.
	heldout6Dir = "testdata/heldout6"
	devDir      = "testdata/dev"
	// trainDir is the training/diagnostic set, written independently of
	// the rules and then used to fix them (floors: trainThresholds).
	trainDir = "testdata/train"
	// train2Dir is the second training/diagnostic set (diagnostic from the
	// seventh round).
	train2Dir = "testdata/train2"
	// train3Dir is the third training/diagnostic set (diagnostic from the
	// ninth round).
	train3Dir = "testdata/train3"
	// train4Dir is the fourth training set, held back as a validation set
	// until measured, diagnostic from round 13.
	train4Dir = "testdata/train4"
	// train5Dir is the fifth training set, held back as a validation set
	// until measured, diagnostic from round 16.
	train5Dir = "testdata/train5"
	// train6Dir is the sixth training set, held back as a validation set
	// until measured, diagnostic from round 17.
	train6Dir = "testdata/train6"
	// train7Dir is the seventh training set, held back as a validation set
	// until measured, diagnostic from round 21.
	train7Dir = "testdata/train7"
	// train8Dir is the eighth training set, held back as a validation set
	// until the twelfth session, diagnostic since.
	train8Dir = "testdata/train8"
	// train9Dir is the ninth training set, diagnostic since its first
	// measurement.
	train9Dir = "testdata/train9"
	// train10Dir is the tenth training set, diagnostic since its second
	// measurement.
	train10Dir = "testdata/train10"
	// train11Dir is the eleventh training set, held back as a validation
	// set through the twelfth session, diagnostic since.
	train11Dir = "testdata/train11"
	// train12Dir is the twelfth training set, held back as a validation
	// set through the thirteenth session, diagnostic since.
	train12Dir = "testdata/train12"
	// train13Dir is the thirteenth training set, held back as a
	// validation set through the fourteenth session, diagnostic since.
	train13Dir = "testdata/train13"
	// train14Dir is the fourteenth training set, held back as a
	// validation set until measured at the sixteenth session's start,
	// diagnostic since.
	train14Dir = "testdata/train14"
	// train15Dir is the fifteenth training set, diagnostic since the
	// seventeenth session; it was held back as the
	// validation set.
	train15Dir = "testdata/train15"
	// train16Dir is the sixteenth training set, diagnostic since the
	// eighteenth session; it was held back as the validation set through
	// the seventeenth.
	train16Dir = "testdata/train16"
	// train17Dir is the seventeenth training set, diagnostic since the
	// nineteenth session; it was held back as the validation set through
	// the eighteenth.
	train17Dir = "testdata/train17"
	// train18Dir is the eighteenth training set, diagnostic since the
	// twentieth session; it was held back as the validation set through
	// the nineteenth.
	train18Dir = "testdata/train18"
	// train19Dir is the nineteenth training set, diagnostic since the
	// twenty-first session; it was held back as the validation set through
	// the twentieth.
	train19Dir = "testdata/train19"
	// train20Dir is the twentieth training set, diagnostic since the
	// twenty-second session; it was held back as the validation set
	// through the twenty-first.
	train20Dir = "testdata/train20"
	// train21Dir is the twenty-first training set, diagnostic since the
	// twenty-third session; it was held back as the validation set
	// through the twenty-second.
	train21Dir = "testdata/train21"
	// train22Dir is the twenty-second training set, held back as the
	// validation set from the twenty-third session: scored, never read.
	train22Dir = "testdata/train22"
)

// TestEvalHeldout scores extraction on each labelled set. CG_EVAL_MISSES=1
// logs every miss of the diagnostic sets (the development set and held-out
// sets 1 and 2, both used for diagnosis, and the training sets); a pristine set's misses are never
// logged, since reading them would be tuning on it.
func TestEvalHeldout(t *testing.T) {
	for _, set := range evalSets {
		t.Run(filepath.Base(set.dir), func(t *testing.T) {
			rows, misses := evaluate(t, set.dir)
			logTable(t, set.name, rows)
			if os.Getenv("CG_EVAL_MISSES") != "" && set.diagnostic {
				for _, m := range misses {
					t.Log(m)
				}
			}
			for k, th := range set.thresholds {
				s := rows[k]
				if s.recall() < th[0] || s.precision() < th[1] {
					t.Errorf("%s: recall %.2f precision %.2f, below %.2f / %.2f", k, s.recall(), s.precision(), th[0], th[1])
				}
			}
		})
	}
}

// heldoutThresholds are {recall, precision} floors per row: the measured
// figures less a small margin. Targets: 0.9 on casualty values, dates and
// places, 0.8 on speakers and perpetrators.
// Round 27 raised values and casualty values (value quotes found in the
// body, not the title: values 0.92/0.98 -> 0.94/1.00).
var heldoutThresholds = map[string][2]float64{
	"casualty values":           {0.96, 0.99},
	"claims (speaker+polarity)": {0.87, 0.86},
	"dates":                     {0.94, 0.89},
	"event types":               {0.96, 0.85},
	"perpetrators":              {0.94, 0.99},
	"places":                    {0.89, 0.96},
	"speakers":                  {0.88, 0.83},
	"values":                    {0.93, 0.99},
}

// heldout3Thresholds: floors on the third held-out set, the pristine one,
// just under its measurement at the end of the seventh session (after
// rounds 4 to 7 of rules, fixed on sets 1 and 2 and the two training sets,
// never on this one). At the session's start it measured: casualty values
// 0.94/1.00, claims 0.92/0.95, dates 0.93/0.93, event types 0.69/0.76,
// perpetrators 0.58/0.82, places 0.84/0.74, speakers 0.96/0.96, values
// 0.91/1.00. Floors only catch regressions; they were never a target.
// Perpetrators raised after round 13 (0.79/0.82 -> 0.81/0.83); places
// after round 14 (0.89/0.93 -> 0.90/0.94).
// Perpetrators precision raised after round 26 (0.83 -> 0.85: the
// Fourth Division in the gazetteer).
// The thirteenth session added casualty attributes and raised casualty
// values (0.94 -> 0.97 recall: a toll's breakdown read after the toll).
// The fourteenth session raised claims (0.93 -> 0.94 recall).
// The sixteenth session raised event types (recall 0.74 -> 0.76).
// The seventeenth session raised event types (0.76/0.78 -> 0.81/0.81:
// a ballistic missile is shelling, a place name before an article word
// begins a longer name) and places recall (0.92 -> 0.93).
// The eighteenth session's scorer change (an anonymous label matches a
// description with the same content words in another order) raised the
// claims and speakers rows of held-out 3, 4 and 5 with no rule moving;
// their floors follow.
var heldout3Thresholds = map[string][2]float64{
	"casualty attributes":       {0.90, 0.99},
	"casualty values":           {0.96, 0.99},
	"claims (speaker+polarity)": {0.94, 0.97},
	"dates":                     {0.95, 0.89},
	"event types":               {0.80, 0.80},
	"perpetrators":              {0.82, 0.84},
	"places":                    {0.92, 0.93},
	"speakers":                  {0.99, 0.99},
	"values":                    {0.91, 0.99},
}

// heldout4Thresholds: floors on the fourth held-out set, the pristine one
// written in the ninth session, just under its measurement at that
// session's end (after rounds 13 and 14, fixed on the training sets and
// never on this one). Measured when it landed (7dfa962): casualty values
// 0.97/1.00, claims 0.81/0.78, dates 0.97/0.92, event types 0.78/0.69,
// perpetrators 0.76/0.94, places 0.81/0.90, speakers 0.83/0.81, values
// 0.95/0.99. Floors only catch regressions; they were never a target.
// Places raised after the tenth session's rounds 16-17 (0.81/0.90 ->
// 0.86/0.92); perpetrators after round 23 (0.79/0.94 -> 0.82/0.94).
// Round 27 raised event types (0.72 -> 0.74 precision: the definite
// assault after a capture), values and casualty values (a toll risen to).
// Round 32 raised event types (precision 0.74 -> 0.76: a generic
// bombing named again is the strike told before it).
// The thirteenth session added casualty attributes and raised
// perpetrators (0.82/0.94 -> 0.84/0.97).
// The fourteenth session raised event types (precision 0.76 -> 0.79).
// The seventeenth session raised places (0.87/0.92 -> 0.89/0.93: "Bab",
// "Souq" and "Suq" head unknown places).
// The twentieth session's reading of a name after a preposition of place
// and before ", in" an area ("a market in Bentiu, in Unity State") as a
// place took one more place here that the labels do not give (places
// precision 0.93 -> 0.91), as it took one more they give in the fifth
// held-out set (recall 0.70 -> 0.71) and, here, one more event type
// (recall 0.81 -> 0.84) and one more pair of accounts of one event.
var heldout4Thresholds = map[string][2]float64{
	"casualty attributes":       {0.94, 0.99},
	"casualty values":           {0.97, 0.99},
	"claims (speaker+polarity)": {0.83, 0.81},
	"dates":                     {0.96, 0.91},
	"event types":               {0.80, 0.78},
	"perpetrators":              {0.83, 0.96},
	"places":                    {0.88, 0.90},
	"speakers":                  {0.86, 0.83},
	"values":                    {0.95, 0.98},
}

// heldout6Thresholds: floors on the sixth held-out set, written in the
// eleventh session by someone who read neither the rules nor any other
// set, just under its one measurement (0cf5ee8, after extraction rounds
// 22-25, the accounts and executions rounds, all fixed on training sets):
// casualty values 0.98/0.98, claims 0.80/0.81, dates 0.90/0.84, event
// types 0.85/0.64, perpetrators 0.69/0.80, places 0.93/0.95, speakers
// 0.86/0.83, values 0.94/0.98. Regressions only, never a target. Dates'
// precision floor lowered 0.83 -> 0.81 in the twelfth session, when "over
// the past 24 hours" and "the past day" became dates (labelled as dates
// in five of the eight places the diagnostic sets use them; the other
// three relabelled): the set then reads one more date than its labels
// (33 for 32, precision 0.82), its recall unchanged. Places floor lowered
// 0.92/0.94 -> 0.90/0.92 when the scorer began to honour a label's
// "within" (sameLabelledPlace): the set then reads 0.89/0.91 with the
// extraction of that day, homonyms of its quarters no longer counted as
// right, and 0.91/0.93 with the quarters read in their city
// (cityQuarters).
// The thirteenth session added casualty attributes and raised
// perpetrators (0.69/0.80 -> 0.72/0.81), speakers (0.86 -> 0.90 recall)
// and claims (0.80/0.81 -> 0.82/0.84).
// The fourteenth session raised dates (0.90/0.82 -> 0.97/0.88) and
// event types (precision 0.64 -> 0.68, round 39).
// The sixteenth session raised event types (precision 0.68 -> 0.70: the
// wounded "evacuated for treatment" are no evacuation).
// The seventeenth session raised speakers precision (0.83 -> 0.84).
var heldout6Thresholds = map[string][2]float64{
	"casualty attributes":       {0.93, 0.93},
	"casualty values":           {0.96, 0.96},
	"claims (speaker+polarity)": {0.81, 0.83},
	"dates":                     {0.96, 0.87},
	"event types":               {0.84, 0.69},
	"perpetrators":              {0.71, 0.80},
	"places":                    {0.90, 0.92},
	"speakers":                  {0.89, 0.83},
	"values":                    {0.93, 0.97},
}

// heldout5Thresholds: floors on the fifth held-out set, written in the
// tenth session by someone who read neither the rules nor any other set,
// just under its one measurement (aa283e1, after extraction rounds 16-20,
// fixed on training sets 5 and 6 and never on this one): casualty values
// 0.79/0.90, claims 0.77/0.76, dates 0.77/0.75, event types 0.83/0.65,
// perpetrators 0.67/0.76, places 0.68/0.81, speakers 0.81/0.80, values
// 0.81/0.92. Regressions only, never a target.
// Round 27 raised values and casualty values (value quotes found in the
// body, not the title: 0.86/0.92 -> 0.87/0.94).
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
// The thirteenth session added casualty attributes (0.77/0.94).
// The fourteenth session raised casualty attributes (0.77 -> 0.79
// recall), claims (0.79/0.78 -> 0.80/0.80) and speakers (precision 0.82
// -> 0.84).
// The seventeenth session's gazetteer extension (Yemen, Libya, the rest of
// Iraq's localities) cost one place's precision here (58 -> 59 extracted,
// 0.81 -> 0.80, 47/59 = 0.797), won back by round 42 (a name before an
// article word begins a longer name): 0.81 again, floor 0.80 again.
var heldout5Thresholds = map[string][2]float64{
	"casualty attributes":       {0.78, 0.93},
	"casualty values":           {0.87, 0.93},
	"claims (speaker+polarity)": {0.83, 0.82},
	"dates":                     {0.76, 0.74},
	"event types":               {0.82, 0.64},
	"perpetrators":              {0.66, 0.75},
	"places":                    {0.67, 0.80},
	"speakers":                  {0.90, 0.87},
	"values":                    {0.86, 0.93},
}

// heldout2Thresholds: floors on the second held-out set, just under its
// measurement after the fourth round of rules (the first in which the set
// was used for diagnosis: its figures are no longer unseen).
// Round 27 raised values and casualty values (a toll risen to: 1.00/1.00).
var heldout2Thresholds = map[string][2]float64{
	"casualty values":           {0.99, 0.99},
	"claims (speaker+polarity)": {0.97, 0.96},
	"dates":                     {0.99, 0.96},
	"event types":               {0.95, 0.95},
	"perpetrators":              {0.87, 0.91},
	"places":                    {0.97, 0.99},
	"speakers":                  {0.99, 0.96},
	"values":                    {0.99, 0.99},
}

// trainThresholds: floors on the training set, just under its figures after
// the sixth round of rules (the first written against it; casualty values
// after the seventh, event types after the eighth; claims, perpetrators,
// places and speakers after the thirteenth; perpetrators and places after
// the fourteenth: 0.78/0.96 -> 0.81/0.96, 0.92/0.93 -> 0.98/0.95).
var trainThresholds = map[string][2]float64{
	"casualty values":           {0.91, 0.99},
	"claims (speaker+polarity)": {0.91, 0.91},
	"dates":                     {0.95, 0.96},
	"event types":               {0.73, 0.92},
	"perpetrators":              {0.87, 0.95},
	"places":                    {0.96, 0.92},
	"speakers":                  {0.90, 0.90},
	"values":                    {0.86, 0.99},
}

// train2Thresholds: floors on the second training set, just under its
// figures after the seventh round of rules (the first written against it;
// event types and perpetrators after the eighth, event types again after
// the twelfth: 0.69/0.84 -> 0.71/0.88). Perpetrators' recall
// floor was lowered from 0.70 in round 10, when the matcher stopped
// crediting the Turkish army for the label "Turkish-backed factions"
// (0.72 -> 0.69 with nothing else changed). Claims, event types,
// perpetrators, places and speakers raised after round 13; claims, event
// types, perpetrators and places after round 14 (claims 0.88/0.84 ->
// 0.89/0.85, perpetrators 0.71/0.83 -> 0.73/0.83, places 0.93/0.82 ->
// 0.95/0.85); perpetrators after round 16 (0.73/0.83 -> 0.77/0.85) and
// round 23 (0.80/0.86 -> 0.81/0.88).
// Perpetrators raised after round 26 (0.81/0.88 -> 0.83/0.91).
var train2Thresholds = map[string][2]float64{
	"casualty values":           {0.96, 0.99},
	"claims (speaker+polarity)": {0.92, 0.87},
	"dates":                     {0.89, 0.90},
	"event types":               {0.73, 0.87},
	"perpetrators":              {0.82, 0.90},
	"places":                    {0.93, 0.82},
	"speakers":                  {0.87, 0.89},
	"values":                    {0.93, 0.99},
}

// train3Thresholds: floors on the third training set, just under its
// figures after the eleventh round of rules (the ninth was the first written
// against it; after the ninth: claims 0.79/0.76, event types 0.66/0.80,
// perpetrators 0.54/0.76, speakers 0.73/0.89; after the tenth: claims
// 0.82/0.79, event types 0.70/0.82, perpetrators 0.63/0.81, places
// 0.80/0.93, speakers 0.79/0.90; event types and perpetrators' precision
// after the twelfth: 0.71/0.83 -> 0.77/0.90 and 0.81 -> 0.85).
// Before the ninth (the round-8 extractor, never fixed on this set): casualty
// values 0.88/1.00, claims 0.79/0.76, dates 0.93/0.89, event types
// 0.66/0.80, perpetrators 0.49/0.74, places 0.80/0.93, speakers 0.73/0.89,
// values 0.81/1.00. Claims, event types, perpetrators and speakers raised
// after round 13 (perpetrators 0.63/0.85 -> 0.70/0.86, speakers 0.81/0.90
// -> 0.90/0.95, claims 0.83/0.80 -> 0.87/0.84); claims and perpetrators
// after round 14 (perpetrators 0.70/0.86 -> 0.72/0.88); perpetrators
// after round 16 (0.72/0.88 -> 0.75/0.88).
// Round 27 raised values and casualty values (a toll risen to: values
// 0.81 -> 0.84 recall).
var train3Thresholds = map[string][2]float64{
	"casualty values":           {0.91, 0.99},
	"claims (speaker+polarity)": {0.87, 0.83},
	"dates":                     {0.95, 0.91},
	"event types":               {0.77, 0.90},
	"perpetrators":              {0.74, 0.87},
	"places":                    {0.96, 0.94},
	"speakers":                  {0.89, 0.94},
	"values":                    {0.83, 0.99},
}

// train4Thresholds: floors on the fourth training set, just under its
// figures at the end of round 13 (measured before use at its start: see
// evalSets); claims, event types, perpetrators, places and speakers after
// round 14 (perpetrators 0.67/0.84 -> 0.71/0.85, places 0.86/0.97 ->
// 0.97/0.96, speakers 0.89/0.90 -> 0.90/0.94, claims 0.82/0.84 -> 0.84/0.87);
// perpetrators after round 16 (0.71/0.85 -> 0.74/0.86).
// Places raised after round 24 (places 0.97/0.97 -> 0.97/0.99).
// Perpetrators raised after round 26 (0.74/0.86 -> 0.77/0.88).
var train4Thresholds = map[string][2]float64{
	"casualty attributes":       {0.92, 0.97},
	"casualty values":           {0.95, 0.99},
	"claims (speaker+polarity)": {0.90, 0.90},
	"dates":                     {0.97, 0.97},
	"event types":               {0.78, 0.82},
	"perpetrators":              {0.76, 0.87},
	"places":                    {0.96, 0.98},
	"speakers":                  {0.89, 0.93},
	"values":                    {0.91, 0.99},
}

// train5Thresholds: floors on the fifth training set, just under its
// figures at the end of round 16 (measured before use at its start: see
// evalSets; perpetrators 0.47/0.80 -> 0.62/0.88, places 0.82/0.91 ->
// 0.91/0.94, event types 0.62/0.56 -> 0.64/0.57, other rows unchanged).
// Places raised after round 24 (places 0.91/0.94 -> 0.93/0.95); event
// types after round 25 (0.68/0.58 -> 0.70/0.59).
// Perpetrators raised after round 26 (0.68/0.88 -> 0.70/0.90).
// Round 28 raised speakers and claims (the opposition as unnamed sources, a ministry
// author, the army's General Command, round-up section heads).
// Round 27 raised event types (precision 0.60 -> 0.61).
// Round 32 raised event types (precision 0.61 -> 0.65).
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
var train5Thresholds = map[string][2]float64{
	"casualty attributes":       {0.87, 0.97},
	"casualty values":           {0.89, 0.99},
	"claims (speaker+polarity)": {0.86, 0.84},
	"dates":                     {0.79, 0.89},
	"event types":               {0.69, 0.65},
	"perpetrators":              {0.69, 0.89},
	"places":                    {0.92, 0.94},
	"speakers":                  {0.92, 0.88},
	"values":                    {0.82, 0.93},
}

// train6Thresholds: floors on the sixth training set, just under its
// round-17 end figures (event types 0.56/0.67, perpetrators 0.65/0.95,
// places 0.89/0.93; the other rows as measured before use); perpetrators
// raised after round 23 (0.69/0.95 -> 0.72/0.95).
// Places raised after round 24 (places 0.90/0.92 -> 0.91/0.94); event
// types after round 25 (0.58/0.69 -> 0.61/0.70).
// Perpetrators and event types raised after round 26 (perpetrators
// 0.72/0.95 -> 0.73/0.95, event types 0.63/0.74 -> 0.65/0.74).
// Round 28 raised speakers and claims (the opposition as unnamed sources, a ministry
// author, the army's General Command, round-up section heads).
// Round 27 raised event types (precision 0.74 -> 0.77).
// Round 29 raised perpetrators (recall 0.73 -> 0.77: a long list of
// members after 'among them').
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
var train6Thresholds = map[string][2]float64{
	"casualty attributes":       {0.89, 0.95},
	"casualty values":           {0.85, 0.99},
	"claims (speaker+polarity)": {0.90, 0.83},
	"dates":                     {0.82, 0.86},
	"event types":               {0.64, 0.77},
	"perpetrators":              {0.76, 0.94},
	"places":                    {0.92, 0.93},
	"speakers":                  {0.89, 0.91},
	"values":                    {0.85, 0.96},
}

// train7Thresholds: floors on the seventh training set, just under its
// figures at the end of round 21 (regressions only); perpetrators raised
// after round 23 (0.79/0.85 -> 0.80/0.85).
// Places raised after round 24 (places 0.88/0.95 -> 0.88/0.96); event
// types after round 25 (0.74/0.64 -> 0.75/0.65).
// Round 28 raised speakers, claims and places (the opposition as unnamed sources, a ministry
// author, the army's General Command, round-up section heads).
// Round 27 raised values and casualty values (value quotes in the body).
// Round 32 raised event types (0.79/0.67 -> 0.83/0.70: suicide
// attacks and explosive-laden vehicles as explosions).
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
var train7Thresholds = map[string][2]float64{
	"casualty attributes":       {0.93, 0.98},
	"casualty values":           {0.94, 0.99},
	"claims (speaker+polarity)": {0.84, 0.80},
	"dates":                     {0.84, 0.80},
	"event types":               {0.84, 0.69},
	"perpetrators":              {0.79, 0.84},
	"places":                    {0.89, 0.94},
	"speakers":                  {0.85, 0.81},
	"values":                    {0.93, 0.97},
}

// train8Thresholds: floors on the eighth training set, just under its
// figures at 9b1591e, when it stopped being a validation set.
// Perpetrators and event types raised after round 26 (perpetrators
// 0.75/0.75 -> 0.82/0.82; event types 0.81/0.82 -> 0.83/0.84 with the
// explosion fix of the same session).
// Round 28 raised places (the opposition as unnamed sources, a ministry
// author, the army's General Command, round-up section heads).
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
var train8Thresholds = map[string][2]float64{
	"casualty values":           {0.93, 0.97},
	"claims (speaker+polarity)": {0.83, 0.74},
	"dates":                     {0.77, 0.78},
	"event types":               {0.82, 0.85},
	"perpetrators":              {0.81, 0.81},
	"places":                    {0.92, 0.87},
	"speakers":                  {0.87, 0.91},
	"values":                    {0.88, 0.98},
}

// train9Thresholds: floors on the ninth training set, just under its
// figures at 12f1925, when it became diagnostic.
// Round 28 raised speakers, claims and places (the opposition as unnamed sources, a ministry
// author, the army's General Command, round-up section heads).
// Round 32 raised event types (0.79/0.80 -> 0.81/0.83, with the
// plural shelling cue of 9a62dd4).
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
var train9Thresholds = map[string][2]float64{
	"casualty attributes":       {0.80, 0.91},
	"casualty values":           {0.69, 0.93},
	"claims (speaker+polarity)": {0.79, 0.82},
	"dates":                     {0.86, 0.92},
	"event types":               {0.82, 0.82},
	"perpetrators":              {0.76, 0.87},
	"places":                    {0.89, 0.85},
	"speakers":                  {0.86, 0.81},
	"values":                    {0.71, 0.95},
}

// train10Thresholds: floors on the tenth training set, just under its
// figures at 4fcbf7e, when it became diagnostic; round 30 raised casualty values (0.92 -> 0.93 precision) and places (0.80/0.85 -> 0.82/0.87).
// Round 33 raised claims (speakers read from apposition, descriptions and ledes; negations that deny nothing).
// The thirteenth session lowered values and casualty values precision by
// 0.01: "one" before a noun of a person past a modifier ("One regime
// soldier was killed") also reads "a member of the Fourth Division was
// shot dead" and "at least one member missing", true figures the labels
// leave out.
// The eighteenth session's gazetteer entry for the Tribal Mobilisation
// Forces made "supported by the popular and tribal mobilisation" credit
// them with taking Hit, where this set's labels give the security forces
// only (perpetrators precision 0.82 -> 0.80).
// The twentieth session reads men abducted and then killed ("kidnapped the
// policemen from the station, then killed them") as a massacre, the
// killing of captives, as the fourteenth and eighteenth sets label it;
// this set labels that killing an attack (event types 0.92/0.82 ->
// 0.89/0.80).
var train10Thresholds = map[string][2]float64{
	"casualty attributes":       {0.97, 0.90},
	"casualty values":           {0.94, 0.91},
	"claims (speaker+polarity)": {0.82, 0.81},
	"dates":                     {0.89, 0.84},
	"event types":               {0.88, 0.79},
	"perpetrators":              {0.75, 0.79},
	"places":                    {0.85, 0.88},
	"speakers":                  {0.85, 0.80},
	"values":                    {0.93, 0.86},
}

// train11Thresholds: floors on the eleventh training set, just under its
// figures at f735400, when it became diagnostic.
// Round 32 raised event types (0.82/0.85 -> 0.85/0.92).
// Round 33 raised claims and speakers (speakers read from apposition, descriptions and ledes; negations that deny nothing).
var train11Thresholds = map[string][2]float64{
	"casualty attributes":       {0.96, 0.94},
	"casualty values":           {0.96, 0.94},
	"claims (speaker+polarity)": {0.89, 0.83},
	"dates":                     {0.87, 0.90},
	"event types":               {0.84, 0.91},
	"perpetrators":              {0.77, 0.83},
	"places":                    {0.85, 0.94},
	"speakers":                  {0.88, 0.87},
	"values":                    {0.95, 0.94},
}

// train12Thresholds: floors on the twelfth training set, just under its
// figures at 4a5e750, when it became diagnostic.
var train12Thresholds = map[string][2]float64{
	"casualty attributes":       {0.80, 0.92},
	"casualty values":           {0.87, 0.94},
	"claims (speaker+polarity)": {0.78, 0.77},
	"dates":                     {0.91, 0.92},
	"event types":               {0.83, 0.87},
	"perpetrators":              {0.85, 0.95},
	"places":                    {0.94, 0.93},
	"speakers":                  {0.88, 0.80},
	"values":                    {0.82, 0.94},
}

// train13Thresholds: floors on the thirteenth training set, just under
// its figures at 94c4751, when it became diagnostic, raised at the
// fifteenth session's end to just under the rows that session's rules
// moved, and at the sixteenth's (places 0.85/0.88 -> 0.86/0.90).
// The eighteenth session read the Russian Centre's "Damascus province" as
// Rif Dimashq, as the labels of four sets do: a ceasefire list's
// "Kisweh (Damascus province)" then shares its governorate with the
// entries before it, and one of its attacks is told in the same account
// (event types recall 0.65 -> 0.62; places 0.86/0.90 -> 0.89/0.91).
var train13Thresholds = map[string][2]float64{
	"casualty attributes":       {0.86, 0.86},
	"casualty values":           {0.92, 0.94},
	"claims (speaker+polarity)": {0.84, 0.82},
	"dates":                     {0.96, 0.89},
	"event types":               {0.61, 0.67},
	"perpetrators":              {0.66, 0.84},
	"places":                    {0.85, 0.89},
	"speakers":                  {0.89, 0.87},
	"values":                    {0.83, 0.95},
}

// train14Thresholds: floors on the fourteenth training set, diagnostic
// since the sixteenth session, just under that session's end figures.
// The seventeenth session raised claims (0.75/0.74 -> 0.79/0.78),
// speakers (0.82 -> 0.84 / 0.83) and places (0.90/0.89 -> 0.91/0.90).
var train14Thresholds = map[string][2]float64{
	"casualty attributes":       {0.83, 0.95},
	"casualty values":           {0.89, 0.95},
	"claims (speaker+polarity)": {0.78, 0.77},
	"dates":                     {0.96, 0.89},
	"event types":               {0.66, 0.66},
	"perpetrators":              {0.83, 0.94},
	"places":                    {0.90, 0.89},
	"speakers":                  {0.83, 0.82},
	"values":                    {0.92, 0.95},
}

// train15Thresholds: floors on the fifteenth training set, from the
// seventeenth session when it became diagnostic: just under its figures
// with the gazetteer extension (e2ec88a), then just under its figures
// after round 42, which read it.
var train15Thresholds = map[string][2]float64{
	"casualty attributes":       {0.89, 0.92},
	"casualty values":           {0.91, 0.92},
	"claims (speaker+polarity)": {0.74, 0.64},
	"dates":                     {0.96, 0.70},
	"event types":               {0.87, 0.84},
	"perpetrators":              {0.90, 0.77},
	"places":                    {0.86, 0.82},
	"speakers":                  {0.82, 0.85},
	"values":                    {0.90, 0.85},
}

// train16Thresholds: floors on the sixteenth training set, just under its
// figures when it was released for diagnosis (cea91a8), raised at the
// eighteenth session's end to just under round 43's, and at the
// nineteenth's to just under round 44's.
var train16Thresholds = map[string][2]float64{
	"casualty attributes":       {0.96, 0.97},
	"casualty values":           {0.97, 0.99},
	"claims (speaker+polarity)": {0.89, 0.89},
	"dates":                     {0.98, 0.86},
	"event types":               {0.80, 0.70},
	"perpetrators":              {0.80, 0.90},
	"places":                    {0.90, 0.90},
	"speakers":                  {0.92, 0.93},
	"values":                    {0.98, 0.97},
}

// train17Thresholds: floors on the seventeenth training set, just under
// its figures when it was released for diagnosis (c4fd008), raised at the
// nineteenth session's end to just under round 44's.
var train17Thresholds = map[string][2]float64{
	"casualty attributes":       {0.89, 0.96},
	"casualty values":           {0.96, 0.96},
	"claims (speaker+polarity)": {0.85, 0.83},
	"dates":                     {0.95, 0.93},
	"event types":               {0.88, 0.77},
	"perpetrators":              {0.67, 0.77},
	"places":                    {0.82, 0.83},
	"speakers":                  {0.86, 0.90},
	"values":                    {0.94, 0.94},
}

// train19Thresholds: floors on the nineteenth training set, just under
// its figures when it was released for diagnosis (7311d23), raised after
// round 46 and the gazetteer of the other theatres.
var train19Thresholds = map[string][2]float64{
	"casualty attributes":       {0.82, 0.92},
	"casualty values":           {0.92, 0.95},
	"claims (speaker+polarity)": {0.81, 0.80},
	"dates":                     {0.92, 0.74},
	"event types":               {0.69, 0.69},
	"perpetrators":              {0.63, 0.70},
	"places":                    {0.72, 0.92},
	"speakers":                  {0.75, 0.82},
	"values":                    {0.89, 0.92},
}

// train20Thresholds: floors on the twentieth training set, just under
// its figures when it was released for diagnosis (37a2297), raised at the
// twenty-second session's end to just under round 47's.
var train20Thresholds = map[string][2]float64{
	"casualty attributes":       {0.88, 0.86},
	"casualty values":           {0.92, 0.95},
	"claims (speaker+polarity)": {0.78, 0.73},
	"dates":                     {0.91, 0.82},
	"event types":               {0.80, 0.83},
	"perpetrators":              {0.51, 0.79},
	"places":                    {0.63, 0.82},
	"speakers":                  {0.81, 0.84},
	"values":                    {0.94, 0.94},
}

// train21Thresholds: floors on the twenty-first training set, just under
// its figures when it was released for diagnosis (a757ccb), raised at the
// twenty-third session's end (round 48).
var train21Thresholds = map[string][2]float64{
	"casualty attributes":       {0.86, 0.92},
	"casualty values":           {0.92, 0.98},
	"claims (speaker+polarity)": {0.76, 0.73},
	"dates":                     {0.91, 0.71},
	"event types":               {0.87, 0.84},
	"perpetrators":              {0.68, 0.86},
	"places":                    {0.79, 0.90},
	"speakers":                  {0.75, 0.80},
	"values":                    {0.86, 0.92},
}

// devThresholds: floors on the development set.
// train18Thresholds: floors on the eighteenth training set, just under
// its figures when it was released for diagnosis (b295005), raised at the
// twentieth session's end to just under round 45's.
var train18Thresholds = map[string][2]float64{
	"casualty attributes":       {0.83, 0.98},
	"casualty values":           {0.88, 0.98},
	"claims (speaker+polarity)": {0.83, 0.80},
	"dates":                     {0.81, 0.82},
	"event types":               {0.62, 0.66},
	"perpetrators":              {0.63, 0.76},
	"places":                    {0.91, 0.91},
	"speakers":                  {0.86, 0.91},
	"values":                    {0.85, 0.89},
}

var devThresholds = map[string][2]float64{
	"casualty values":           {0.99, 0.99},
	"claims (speaker+polarity)": {0.99, 0.99},
	"dates":                     {0.99, 0.99},
	"event types":               {0.94, 0.94},
	"perpetrators":              {0.99, 0.99},
	"places":                    {0.99, 0.99},
	"speakers":                  {0.99, 0.99},
	"values":                    {0.99, 0.99},
}

// TestEvalCorpus scores the accounts of examples/corpus against
// expected.json: speakers, perpetrators and casualty figures per account.
func TestEvalCorpus(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpusDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	docs := extractCorpus(t, corpusDir)
	g := gazetteer.Default()
	rows := map[string]*score{"speakers": {}, "perpetrators": {}, "casualty values": {}, "places": {}}
	for _, ev := range exp.Events {
		for _, ea := range ev.Accounts {
			ex := docs[ea.Document]
			m := newMatcher(g, ex)
			var mine []graph.Account
			for _, a := range ex.Accounts {
				if m.match(ea.AssertedBy, a.Speaker, "") {
					mine = append(mine, a)
				}
			}
			rows["speakers"].labelled++
			if len(mine) > 0 {
				rows["speakers"].found++
			}
			if ea.Perpetrator != "" {
				rows["perpetrators"].labelled++
				for _, a := range mine {
					if a.Perpetrator != nil && m.match(ea.Perpetrator, a.Perpetrator.Entity, a.Perpetrator.Text) {
						rows["perpetrators"].found++
						break
					}
				}
			}
			places := g.Lookup(ev.Place.Name)
			rows["places"].labelled++
			for _, a := range mine {
				if a.Place != nil && len(places) > 0 && (g.Within(a.Place.Entity.ID, places[0].ID) || g.Within(places[0].ID, a.Place.Entity.ID)) {
					rows["places"].found++
					break
				}
			}
			for attr, f := range map[string]*expectedFigure{"killed": ea.Killed, "injured": ea.Injured} {
				if f == nil {
					continue
				}
				rows["casualty values"].labelled++
				for _, a := range mine {
					if figureMatches(f, attr, a.Values) {
						rows["casualty values"].found++
						break
					}
				}
			}
		}
	}
	// Precision: extracted accounts and their items against any expected
	// account of the same document.
	for file, ex := range docs {
		m := newMatcher(g, ex)
		for _, a := range ex.Accounts {
			var cands []expectedAccount
			for _, ev := range exp.Events {
				for _, ea := range ev.Accounts {
					if ea.Document == file && m.match(ea.AssertedBy, a.Speaker, "") {
						cands = append(cands, ea)
					}
				}
			}
			rows["speakers"].extracted++
			if len(cands) > 0 {
				rows["speakers"].correct++
			}
			if a.Perpetrator != nil {
				rows["perpetrators"].extracted++
				for _, ea := range cands {
					who := ea.Perpetrator
					if ea.Stance == "disputes" {
						who = strings.TrimPrefix(ea.Disputes, "perpetrator = ")
					}
					if who != "" && m.match(who, a.Perpetrator.Entity, a.Perpetrator.Text) {
						rows["perpetrators"].correct++
						break
					}
				}
			}
			for _, v := range a.Values {
				if !casualty[v.Attribute] {
					continue
				}
				rows["casualty values"].extracted++
				for _, ea := range cands {
					if ea.Killed != nil && figureMatches(ea.Killed, v.Attribute, []graph.Value{v}) || ea.Injured != nil && figureMatches(ea.Injured, v.Attribute, []graph.Value{v}) {
						rows["casualty values"].correct++
						break
					}
				}
			}
		}
	}
	logTable(t, "example corpus (accounts vs expected.json)", rows)
	for k, th := range corpusThresholds {
		s := rows[k]
		if s.recall() < th[0] {
			t.Errorf("%s: recall %.2f below %.2f", k, s.recall(), th[0])
		}
	}
}

// corpusThresholds are recall floors on the example corpus.
var corpusThresholds = map[string][2]float64{
	"speakers": {1, 0}, "perpetrators": {1, 0}, "casualty values": {1, 0}, "places": {1, 0},
}

// clip shortens s to at most n bytes, at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// numString prints a labelled figure, "none" for a figure without a value.
func numString(v *float64) string {
	if v == nil {
		return "none"
	}
	return fmt.Sprintf("%g", *v)
}
