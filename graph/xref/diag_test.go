package xref

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// TestDiagnose classifies what event resolution and conflict finding get
// wrong on a labelled set into causes computed from the accounts, and
// prints counts per cause only (never a document's text, names or
// figures): the held-out set may say which general rule is missing, not
// what its documents say. Run it with
//
//	XREF_DIAG=1 go test ./graph/xref -run TestDiagnose -v
//
// (XREF_DIAG=2 for the second held-out set, XREF_DIAG=dev, XREF_DIAG=train
// for the first extraction training set, tN or trainN for the Nth, or a
// folder, for another set). Sets 1 and 2 are diagnostic since the seventh
// session; held-out sets 3 to 6 and the validation set (train14) are
// scored only, never diagnosed.
func TestDiagnose(t *testing.T) {
	dir := os.Getenv("XREF_DIAG")
	switch dir {
	case "":
		t.Skip("set XREF_DIAG=1 or 2 (held-out sets 1, 2) or XREF_DIAG=dev, train or tN (the Nth training set) to print cause counts")
	case "1":
		dir = "testdata/heldout"
	case "2":
		dir = "testdata/heldout2"
	case "dev":
		dir = "testdata/dev"
	case "train":
		dir = "testdata/train"
	default:
		// "t4" or "train4": the fourth extraction training set.
		if n, ok := strings.CutPrefix(dir, "train"); ok && n != "" {
			dir = "testdata/train" + n
		} else if n, ok := strings.CutPrefix(dir, "t"); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			dir = "testdata/train" + n
			if n == "1" {
				dir = "testdata/train"
			}
		}
	}
	if strings.Contains(dir, "heldout3") || strings.Contains(dir, "heldout4") || strings.Contains(dir, "heldout5") || strings.Contains(dir, "heldout6") || strings.Contains(dir, "train22") {
		t.Fatal("held-out sets 3 to 6 and the twenty-second training set (validation) are scored only, never diagnosed")
	}
	d := diagnose(t, dir)
	t.Logf("%s\n%s", dir, d.report())
}

// diagnosis holds the cause counts of one evaluation.
type diagnosis struct {
	missed, falsePairs, splits     map[string]int
	splitPairs                     map[string]int
	missedConf, falseConf          map[string]int
	unaligned, labelledUnextracted map[string]int
	// latent counts pairs of accounts of two labelled events that Match
	// accepts though resolution kept them apart (through a clearly
	// different account, or a split): over-merges one account away.
	latent map[string]int
}

func (d diagnosis) report() string {
	var b strings.Builder
	section := func(name string, m map[string]int) {
		total := 0
		for _, n := range m {
			total += n
		}
		fmt.Fprintf(&b, "%s (%d):\n", name, total)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			fmt.Fprintf(&b, "  %4d  %s\n", m[k], k)
		}
	}
	section("missed pairs, by the cause of the pair itself", d.missed)
	section("split events (pairs of predicted events one labelled event lies in), by the cause of their closest pair", d.splits)
	section("missed pairs, by the cause of the closest pair of the split they cross", d.splitPairs)
	section("false pairs", d.falsePairs)
	section("latent false pairs (accounts of two labelled events Match accepts, kept apart by resolution)", d.latent)
	section("missed conflicts", d.missedConf)
	section("false conflicts", d.falseConf)
	section("extracted accounts aligned with no labelled event", d.unaligned)
	section("labelled accounts with no extracted account", d.labelledUnextracted)
	top := map[string]int{}
	for k, n := range d.labelledUnextracted {
		if l, _, ok := strings.Cut(k, ") "); ok {
			top[l+")"] += n
		}
	}
	section("labelled accounts with no extracted account, by sub-cause: (a) another speaker, (b) the speaker's account aligned elsewhere, (c) no account of the event, (d) nothing to hold", top)
	return b.String()
}

// causeRank orders causes from nearest to a match to farthest, so the
// closest pair between two predicted events names why they stay apart.
func causeRank(c string) int {
	for i, p := range []string{"kept apart", "blocked by keys", "score below", "unknown place: too weak", "no place on one side", "no place on either side",
		"one side undated", "perpetrator", "place unknown", "places unrelated", "dates disjoint", "types differ"} {
		if strings.HasPrefix(c, p) {
			return i
		}
	}
	return 99
}

// pairCause says why accounts a and b of one labelled event were not
// resolved to one event, from the accounts alone.
func pairCause(a, b graph.Account, w *World) string {
	v := match(a, b, w)
	if v.ok {
		if len(a.Keys) > 0 && len(b.Keys) > 0 && !Candidates(a, b, w) {
			return "blocked by keys (never compared)"
		}
		return "kept apart by a clearly different account of one side's event"
	}
	aff := TypeAffinity(a.Type, b.Type)
	if aff == 0 {
		ta, tb := string(a.Type), string(b.Type)
		if ta > tb {
			ta, tb = tb, ta
		}
		return "types differ: " + ta + " / " + tb
	}
	wa, oka := eventWindow(a)
	wb, okb := eventWindow(b)
	if oka && okb && !wa.overlaps(wb) {
		gap := 0
		if wa.to.Before(wb.from) {
			gap = int(wb.from.Sub(wa.to) / day)
		} else {
			gap = int(wa.from.Sub(wb.to) / day)
		}
		kind := "both dated"
		switch {
		case !wa.dated || !wb.dated:
			kind = "one undated (publication window)"
		case wa.precise && wb.precise:
			kind = "both to the day"
		default:
			r := a
			if wa.precise {
				r = b
			}
			f, t, _ := dateRange(r.Date)
			kind = fmt.Sprintf("a %s of %d days (%s) and a date", r.Date.Precision, int(t.Sub(f)/day)+1, coarseKind(r))
		}
		return fmt.Sprintf("dates disjoint by %s days, %s", bucket(gap), kind)
	}
	pa, pb := placeFamily(a, w), placeFamily(b, w)
	if len(pa) > 0 && len(pb) > 0 && w.Relate(pa[0], pb[0]) == PlacesDisjoint {
		_, ua := w.unplaced(pa[0])
		_, ub := w.unplaced(pb[0])
		ea, _ := w.Entity(pa[0])
		eb, _ := w.Entity(pb[0])
		switch {
		case ua || ub:
			return fmt.Sprintf("place unknown to the gazetteer (ranks %s / %s)", rankName(ea), rankName(eb))
		default:
			return fmt.Sprintf("places unrelated in the gazetteer (%s / %s)", rankName(ea), rankName(eb))
		}
	}
	for _, r := range v.reasons {
		if strings.Contains(r, "denies") && strings.Contains(r, "asserts") {
			return "perpetrator: same speaker denies and asserts"
		}
	}
	denial := ""
	if perpPolarity(a) != perpPolarity(b) {
		denial = ", denial vs assertion"
	}
	perp := ", no shared perpetrator"
	if a.Perpetrator != nil && b.Perpetrator != nil && identifying(a.Perpetrator, w) && w.Root(a.Perpetrator.Entity.ID) == w.Root(b.Perpetrator.Entity.ID) {
		perp = ", same perpetrator"
	} else if a.Perpetrator != nil && b.Perpetrator != nil && identifying(a.Perpetrator, w) && identifying(b.Perpetrator, w) {
		perp = ", different perpetrators"
	}
	dates := "both dated"
	switch {
	case a.Date == nil && b.Date == nil:
		dates = "both undated"
	case a.Date == nil || b.Date == nil:
		dates = "one side undated"
	}
	sameDoc := ""
	if a.DocumentID == b.DocumentID {
		sameDoc = ", same document"
	}
	switch {
	case len(pa) == 0 && len(pb) == 0:
		return fmt.Sprintf("no place on either side (%s: %s%s%s%s)", placeless(a, w), dates, perp, denial, sameDoc)
	case len(pa) == 0 || len(pb) == 0:
		x, o := a, b
		if len(pb) == 0 {
			x, o = b, a
		}
		dates = "placeless side dated"
		if x.Date == nil {
			dates = "placeless side undated"
		}
		if o.Date == nil {
			dates += ", placed side undated"
		}
		return fmt.Sprintf("no place on one side (%s; %s%s%s%s)", placeless(x, w), dates, perp, denial, sameDoc)
	}
	for _, r := range v.reasons {
		if strings.HasPrefix(r, "without a place") {
			return fmt.Sprintf("unknown place: too weak (%s%s%s)", dates, perp, denial)
		}
	}
	return fmt.Sprintf("score below threshold (%.2f; %s%s%s)", v.score, dates, perp, denial)
}

// placeless says why an account has no usable place.
func placeless(a graph.Account, w *World) string {
	if a.Place == nil || a.Place.Entity.ID == uuid.Nil {
		return "names none"
	}
	if e, ok := w.Entity(a.Place.Entity.ID); ok {
		return "names a vague " + e.PlaceType
	}
	return "names a vague place"
}

func rankName(e graph.Entity) string {
	if e.PlaceType == "" {
		return "untyped"
	}
	return e.PlaceType
}

func bucket(n int) string {
	switch {
	case n <= 2:
		return "1-2"
	case n <= 7:
		return "3-7"
	case n <= 31:
		return "8-31"
	}
	return ">31"
}

// diagnose ingests dir like evaluate and counts the causes of its misses.
func diagnose(t *testing.T, dir string) diagnosis {
	ctx := context.Background()
	g := gazetteer.Default()
	var labels struct {
		Events []heldoutEvent `json:"events"`
	}
	readJSON(t, dir+"/events.json", &labels)
	in := ingest(t, ctx, g, extractDir(t, dir, g))
	d := diagnosis{missed: map[string]int{}, splitPairs: map[string]int{}, falsePairs: map[string]int{}, splits: map[string]int{},
		missedConf: map[string]int{}, falseConf: map[string]int{}, unaligned: map[string]int{}, labelledUnextracted: map[string]int{},
		latent: map[string]int{}}

	ids := make([]uuid.UUID, 0, len(in.accounts))
	for id := range in.accounts {
		ids = append(ids, id)
	}
	sortIDs(ids)
	label := map[uuid.UUID]int{}
	for _, id := range ids {
		a := in.accounts[id]
		if e := align(a, in.file[a.DocumentID], labels.Events); e >= 0 {
			label[id] = e
			continue
		}
		listed := false
		for _, e := range labels.Events {
			for _, f := range e.Documents {
				listed = listed || f == in.file[a.DocumentID]
			}
		}
		cause := "type unlike every labelled event of its document, or two events tie"
		if !listed {
			cause = "document lists no labelled event"
		}
		d.unaligned[fmt.Sprintf("%s (type %s, place %t, date %t)", cause, a.Type, a.Place != nil, a.Date != nil)]++
	}
	// Labelled accounts no extracted account stands for.
	for li, e := range labels.Events {
		if e.OutsideVocabulary {
			continue
		}
		for _, la := range e.Accounts {
			found := false
			for id, l := range label {
				a := in.accounts[id]
				if l == li && in.file[a.DocumentID] == la.Document &&
					(namesMatch(la.AssertedBy, a.Speaker.Name) || la.ReportedBy != "" && namesMatch(la.ReportedBy, a.Speaker.Name)) {
					found = true
				}
			}
			if !found {
				d.labelledUnextracted[unextractedCause(li, e, la.Document, la.AssertedBy, la.ReportedBy,
					len(la.Values) > 0 || len(la.Perpetrator) > 0 || la.Disputes != "", in, label, labels.Events)]++
			}
		}
	}

	split := map[[2]uuid.UUID]string{}
	splitPairs := map[[2]uuid.UUID]int{}
	for i, x := range ids {
		lx, ok := label[x]
		if !ok {
			continue
		}
		for _, y := range ids[i+1:] {
			ly, ok := label[y]
			ax, ay := in.accounts[x], in.accounts[y]
			if !ok || ax.DocumentID == ay.DocumentID {
				continue
			}
			same := *ax.EventID == *ay.EventID
			switch {
			case same && lx != ly:
				v := match(ax, ay, in.w)
				cause := "joined through other accounts"
				if v.ok {
					cause = "matched directly: " + strings.Join(reasonKinds(v.reasons), ", ")
				}
				d.falsePairs[cause]++
				if os.Getenv("XREF_HELDOUT_DETAIL") != "" {
					t.Logf("false pair (%s; labelled %d / %d):\n    %s\n    %s\n    %q", cause, lx, ly, in.describe(ax), in.describe(ay), v.reasons)
				}
			case !same && lx != ly:
				if v := match(ax, ay, in.w); v.ok {
					d.latent[strings.Join(reasonKinds(v.reasons), ", ")]++
					if os.Getenv("XREF_HELDOUT_DETAIL") != "" {
						t.Logf("latent: %s %s %s / %s %s %s: %q", in.file[ax.DocumentID], ax.Type, placeName(ax, in.w), in.file[ay.DocumentID], ay.Type, placeName(ay, in.w), v.reasons)
					}
				}
			case !same && lx == ly:
				c := pairCause(ax, ay, in.w)
				if strings.HasPrefix(c, "no place on one side") {
					x := ax
					if len(placeFamily(ay, in.w)) == 0 {
						x = ay
					}
					c += docContext(x, in, label)
					if strings.Contains(c, "no placed account") {
						o := ax
						if x.ID == ax.ID {
							o = ay
						}
						c += placelessEvidence(x, o, in)
					}
				}
				if strings.HasPrefix(c, "dates disjoint") {
					c += labelDates(ax, ay, labels.Events[lx])
				}
				d.missed[c]++
				k := [2]uuid.UUID{*ax.EventID, *ay.EventID}
				if k[1].String() < k[0].String() {
					k[0], k[1] = k[1], k[0]
				}
				splitPairs[k]++
				if old, ok := split[k]; !ok || causeRank(c) < causeRank(old) {
					split[k] = c
				}
			}
		}
	}
	for k, c := range split {
		if strings.HasPrefix(c, "kept apart") {
			c += keptApart(in.events[k[0]], in.events[k[1]], in.w)
		}
		d.splits[c]++
		d.splitPairs[c] += splitPairs[k]
	}

	// Conflicts.
	for li, e := range labels.Events {
		if e.OutsideVocabulary {
			continue
		}
		count := map[uuid.UUID]int{}
		var all []graph.Account
		for _, id := range ids {
			if l, ok := label[id]; ok && l == li {
				count[*in.accounts[id].EventID]++
				all = append(all, in.accounts[id])
			}
		}
		best, bestN := uuid.Nil, 0
		for ev, n := range count {
			if n > bestN || n == bestN && ev.String() < best.String() {
				best, bestN = ev, n
			}
		}
		got := map[string]graph.Conflict{}
		var accs []graph.Account
		if best != uuid.Nil {
			accs = in.events[best]
			for _, c := range Conflicts(accs, in.claimsMap(accs), in.w) {
				if Conflicting(c) {
					got[c.Attribute] = c
				}
			}
		}
		union := map[string]graph.Conflict{}
		for _, c := range Conflicts(all, in.claimsMap(all), in.w) {
			union[c.Attribute] = c
		}
		var own []graph.Account
		for _, a := range accs {
			if l, ok := label[a.ID]; ok && l == li {
				own = append(own, a)
			}
		}
		ownC := map[string]graph.Conflict{}
		for _, c := range Conflicts(own, in.claimsMap(own), in.w) {
			ownC[c.Attribute] = c
		}
		for attr := range e.Conflicts {
			if _, ok := got[attr]; ok {
				continue
			}
			u, ok := union[attr]
			attr := attrClass(attr)
			switch {
			case ok && Conflicting(u):
				d.missedConf[attr+": values spread over several predicted events"]++
			case !ok || len(u.Values) == 0:
				d.missedConf[attr+": no labelled account gives the attribute (extraction)"]++
			case len(u.Values) == 1:
				d.missedConf[attr+": one value only among the labelled accounts (extraction)"]++
			default:
				revised := false
				for _, v := range u.Values {
					revised = revised || v.RevisedBy != nil
				}
				if revised {
					d.missedConf[attr+": values taken as one source's revision"]++
				} else {
					d.missedConf[attr+": values read as compatible"]++
				}
			}
		}
		for attr, c := range got {
			if _, ok := e.Conflicts[attr]; ok {
				continue
			}
			oc, ok := ownC[attr]
			attr := attrClass(attr)
			switch {
			case !ok || !Conflicting(oc):
				d.falseConf[attr+": brought by accounts of another event or unaligned"]++
			default:
				bounds := map[graph.Bound]bool{}
				for _, v := range c.Values {
					bounds[v.Bound] = true
				}
				d.falseConf[fmt.Sprintf("%s: values of the event itself told apart (%d values, %d groups, %d kinds of bound)", attr, len(c.Values), len(c.Groups), len(bounds))]++
			}
		}
	}
	return d
}

// reasonKinds reduces Match's reasons to their kind (no names).
func reasonKinds(rs []string) []string {
	var out []string
	for _, r := range rs {
		switch {
		case strings.HasPrefix(r, "same type"), strings.HasPrefix(r, "compatible types"):
			out = append(out, "types")
		case strings.HasPrefix(r, "same day"):
			out = append(out, "same day")
		case strings.HasPrefix(r, "dates overlap"):
			out = append(out, "dates overlap")
		case strings.HasPrefix(r, "an undated"):
			out = append(out, "undated")
		case strings.HasPrefix(r, "same place"):
			out = append(out, "same place")
		case strings.Contains(r, "lies within"):
			out = append(out, "nested place")
		case strings.Contains(r, "may lie within"):
			out = append(out, "maybe nested")
		case strings.HasPrefix(r, "same party"):
			out = append(out, "same perpetrator")
		case strings.HasPrefix(r, "one account denies"):
			out = append(out, "denial")
		case strings.HasPrefix(r, "same document"):
			out = append(out, "context")
		}
	}
	return out
}

// attrClass is the kind of an attribute (its first word), so the report
// names no label's wording.
func attrClass(attr string) string {
	for _, k := range []string{AttrKilled, AttrInjured, AttrPerpetrator, AttrDate, AttrPlace, AttrTarget, "evacuated"} {
		if attr == k || strings.HasPrefix(attr, k+" ") {
			if attr != k {
				return k + " (a subgroup)"
			}
			return k
		}
	}
	if strings.HasSuffix(attr, "(date)") {
		return "another attribute's date"
	}
	return "another attribute"
}

// labelDates says whether the dates of two accounts lie in the labelled
// event's dates (a long event told by its days) or one does not (a date
// extraction misread).
func labelDates(a, b graph.Account, e heldoutEvent) string {
	if e.Date == nil {
		return "; the event is not dated"
	}
	lf, lt, ok := dateRange(&graph.Date{From: e.Date.From, To: e.Date.To})
	if !ok {
		return "; the event is not dated"
	}
	in := func(x graph.Account) bool {
		f, t, ok := dateRange(x.Date)
		return ok && !t.Before(lf.Add(-DayTolerance*day)) && !f.After(lt.Add(DayTolerance*day))
	}
	span := int(lt.Sub(lf)/day) + 1
	switch {
	case in(a) && in(b):
		return fmt.Sprintf("; both within the event's %d days", span)
	case in(a) || in(b):
		return fmt.Sprintf("; one outside the event's %d days (extraction)", span)
	}
	return fmt.Sprintf("; both outside the event's %d days (extraction)", span)
}

// keptApart names the causes of the differences between two predicted
// events whose closest accounts match, and their sizes.
func keptApart(x, y []graph.Account, w *World) string {
	causes := map[string]bool{}
	for _, a := range x {
		for _, b := range y {
			if match(a, b, w).different {
				causes[pairCause(a, b, w)] = true
			}
		}
	}
	var cs []string
	for c := range causes {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return fmt.Sprintf(" (events of %d and %d accounts; differences: %s)", min(len(x), len(y)), max(len(x), len(y)), strings.Join(cs, " | "))
}

// coarseKind says how a coarse date was written: relative to the report
// ("last week") or absolute ("in March"), and how long after its end the
// report was published.
func coarseKind(a graph.Account) string {
	rel := "absolute"
	low := strings.ToLower(a.Date.Text)
	for _, w := range []string{"last", "this", "past", "earlier", "since", "ago", "previous"} {
		if strings.Contains(low, w) {
			rel = "relative: " + w
		}
	}
	_, to, _ := dateRange(a.Date)
	p, ok := parseDay(pubOf(a))
	if !ok {
		return rel + ", report undated"
	}
	return fmt.Sprintf("%s, reported %s days after its end", rel, bucket(int(p.Sub(to)/day)))
}

// docContext says what the document of a placeless account offers: an
// account of the same labelled event with a place, placed accounts of
// other events only, or none; and its type against theirs.
func docContext(x graph.Account, in *ingested, label map[uuid.UUID]int) string {
	same, other, sameType := 0, 0, 0
	for id, a := range in.accounts {
		if a.DocumentID != x.DocumentID || id == x.ID || len(placeFamily(a, in.w)) == 0 {
			continue
		}
		if l, ok := label[id]; ok && l == label[x.ID] {
			same++
			if TypeAffinity(a.Type, x.Type) >= minContextAffinity {
				sameType++
			}
		} else {
			other++
		}
	}
	switch {
	case same > 0:
		return fmt.Sprintf(" [document has %d placed account(s) of the event, %d of a like type, %d of others]", same, sameType, other)
	case other > 0:
		return fmt.Sprintf(" [document has placed accounts of other events only (%d)]", other)
	}
	return " [document has no placed account]"
}

// placelessEvidence lists what could tie an account without place or
// date to an account of another document: a recent report, perpetrators,
// target, figures, and places its document mentions.
func placelessEvidence(x, o graph.Account, in *ingested) string {
	perp := func(a graph.Account) string {
		switch {
		case a.Perpetrator == nil:
			return "none"
		case !identifying(a.Perpetrator, in.w):
			return "unknown"
		}
		return "named"
	}
	var parts []string
	parts = append(parts, fmt.Sprintf("recent %t", reportedWithin(x, o) || reportedWithin(o, x)))
	parts = append(parts, "perps "+perp(x)+"/"+perp(o))
	if x.Perpetrator != nil && o.Perpetrator != nil && identifying(x.Perpetrator, in.w) && identifying(o.Perpetrator, in.w) {
		if in.w.Root(x.Perpetrator.Entity.ID) == in.w.Root(o.Perpetrator.Entity.ID) {
			parts = append(parts, "perp roots equal")
		} else {
			parts = append(parts, "perp roots differ")
		}
	}
	parts = append(parts, fmt.Sprintf("targets %t/%t same %t", x.Target != "", o.Target != "", x.Target != "" && strings.EqualFold(x.Target, o.Target)))
	parts = append(parts, fmt.Sprintf("figures %d/%d compatible %d", len(x.Values), len(o.Values), compatibleFigures(x, o)))
	mentioned, related := 0, 0
	op := placeFamily(o, in.w)
	for _, c := range in.claims {
		if c.DocumentID != x.DocumentID {
			continue
		}
		for _, m := range c.Mentions {
			e, ok := in.w.Entity(m.Entity.ID)
			if !ok || e.Kind != graph.KindPlace {
				continue
			}
			mentioned++
			if len(op) > 0 && in.w.Relate(m.Entity.ID, op[0]) != PlacesDisjoint {
				related++
			}
		}
	}
	parts = append(parts, fmt.Sprintf("document mentions %d place(s), %d related to the other's", mentioned, related))
	parts = append(parts, "types "+string(x.Type)+"/"+string(o.Type))
	return " {" + strings.Join(parts, "; ") + "}"
}

// unextractedCause says why no extracted account stands for the labelled
// account of event li in document file, asserted by asserted (reported by
// reported): (d) it gives nothing an account could hold; (a) the document
// has an account aligned to the event under another speaker; (b) an
// account of the document and speaker exists but aligned elsewhere; (c)
// the document has no account of the event at all. Kinds only, no names.
func unextractedCause(li int, e heldoutEvent, file, asserted, reported string, gives bool, in *ingested, label map[uuid.UUID]int, events []heldoutEvent) string {
	speaks := func(name string) bool {
		return namesMatch(asserted, name) || reported != "" && namesMatch(reported, name)
	}
	anon := strings.HasPrefix(fold(asserted), "anonymous") || strings.HasPrefix(fold(asserted), "unnamed")
	var doc graph.Document
	var docAccs []graph.Account
	for id, a := range in.accounts {
		if in.file[a.DocumentID] == file {
			doc = in.docs[a.DocumentID]
			docAccs = append(docAccs, in.accounts[id])
		}
	}
	if doc.ID == uuid.Nil {
		for id, f := range in.file {
			if f == file {
				doc = in.docs[id]
			}
		}
	}
	outlet := func(name string) bool {
		return name != "" && (namesMatch(doc.Author, name) || namesMatch(doc.OnBehalfOf, name) ||
			doc.AuthorEntity != nil && namesMatch(doc.AuthorEntity.Name, name) ||
			doc.OnBehalfOfEntity != nil && namesMatch(doc.OnBehalfOfEntity.Name, name))
	}
	// What the text offers for the labelled speaker: claims with that
	// speaker, the name in the text, or neither.
	claimed := false
	for _, c := range in.claims {
		if c.DocumentID == doc.ID && speaks(c.Speaker.Name) {
			claimed = true
		}
	}
	who := "speaker named nowhere in the text"
	switch {
	case anon:
		who = "anonymous speaker"
		if claimed {
			who += ", has claims"
		}
	case claimed:
		who = "speaker has claims"
	case asserted != "" && strings.Contains(fold(doc.Text), fold(asserted)):
		who = "speaker named in the text, no claim"
	case outlet(asserted) || reported != "" && outlet(reported):
		who = "speaker is the outlet, no claim"
	}
	// Where the text names the event's own place in the speaker's words:
	// in a claim that feeds an account of another event (two events in
	// one sentence, or one merged into the other), in a claim that feeds
	// none (no event read), or in none of the speaker's claims.
	where := "place in no claim of the speaker"
	for _, c := range in.claims {
		if c.DocumentID != doc.ID || !speaks(c.Speaker.Name) || e.Place == "" || !strings.Contains(fold(c.Text), fold(e.Place)) {
			continue
		}
		if len(c.Accounts) > 0 {
			where = "place in a claim feeding another account"
			break
		}
		where = "place in a claim feeding no account"
	}
	who += "; " + where
	if !gives {
		return "(d) the labelled account gives no value, perpetrator or dispute (" + who + ")"
	}
	var same, mine []graph.Account
	for _, a := range docAccs {
		if l, ok := label[a.ID]; ok && l == li {
			same = append(same, a)
		}
		if speaks(a.Speaker.Name) {
			mine = append(mine, a)
		}
	}
	// The event's account under the labelled speaker's party, named
	// otherwise: the gazetteer knows both names as one entity, or the
	// speaker as a member of the labelled party (or the reverse). A
	// matching of names, not of extraction.
	alias := ""
	for _, a := range same {
		for _, name := range []string{asserted, reported} {
			for _, le := range gazetteer.Default().Lookup(name) {
				switch {
				case name == "" || a.Speaker.ID == uuid.Nil:
				case le.ID == a.Speaker.ID:
					alias = "one gazetteer entity"
				case alias == "" && (in.w.Root(le.ID) == in.w.Root(a.Speaker.ID)):
					alias = "one gazetteer party"
				}
			}
		}
	}
	if alias != "" {
		return "(a) the event's account in the document takes the labelled speaker under another name (" + alias + "; test name matching)"
	}
	if len(same) > 0 {
		// Whose voice the document's accounts of the event take.
		kind := "a speaker no account of the event is labelled with"
		for _, a := range same {
			other := false
			for _, o := range e.Accounts {
				if o.Document == file && (namesMatch(o.AssertedBy, a.Speaker.Name) || o.ReportedBy != "" && namesMatch(o.ReportedBy, a.Speaker.Name)) {
					other = true
				}
			}
			switch {
			case other && outlet(a.Speaker.Name):
				kind = "the outlet, itself a labelled speaker (one account for two speakers)"
			case other:
				kind = "another labelled speaker (one account for two speakers)"
			case outlet(a.Speaker.Name) && kind != "another labelled speaker (one account for two speakers)":
				kind = "the outlet instead of the quoted party"
			}
		}
		if outlet(asserted) {
			if kind == "the outlet instead of the quoted party" {
				kind = "the document's author or sender under another of its names"
			} else {
				kind += "; labelled speaker is the outlet"
			}
		}
		if reported != "" {
			kind += "; labelled as reported"
		}
		return fmt.Sprintf("(a) the event's account(s) in the document take %s (%s)", kind, who)
	}
	// In a document telling several events, the speaker's accounts may
	// all be of its other labelled events: this one has none (c).
	elsewhere := len(mine) > 0
	for _, a := range mine {
		l, ok := label[a.ID]
		if !ok {
			elsewhere = false
			continue
		}
		told := false
		for _, o := range events[l].Accounts {
			told = told || o.Document == file && (namesMatch(o.AssertedBy, a.Speaker.Name) || o.ReportedBy != "" && namesMatch(o.ReportedBy, a.Speaker.Name))
		}
		// ... and the account is that event's by its place or type, not
		// a misread account of this one.
		own := a.Type == events[l].Type
		if a.Place != nil {
			for _, p := range append([]string{events[l].Place, events[l].Within}, events[l].AlsoPlaces...) {
				own = own || namesMatch(p, a.Place.Entity.Name) || namesMatch(p, a.Place.Text)
			}
		}
		elsewhere = elsewhere && told && own
	}
	if elsewhere {
		return fmt.Sprintf("(c) the speaker's accounts are all of other events it tells in the document (%s events listed there; %s)", docEvents(file, events), where)
	}
	if len(mine) > 0 {
		a := mine[0]
		for _, x := range mine {
			if _, ok := label[x.ID]; !ok {
				a = x
			}
		}
		if l, ok := label[a.ID]; ok {
			rel := "type unlike"
			switch {
			case a.Type == events[l].Type && a.Type == e.Type:
				rel = "same type"
			case TypeAffinity(a.Type, e.Type) > 0:
				rel = "like type"
			}
			return fmt.Sprintf("(b) the speaker's account aligns to another labelled event (%s as this event; %s)", rel, where)
		}
		rel := "type unlike this event's: " + string(a.Type) + " for " + string(e.Type)
		if TypeAffinity(a.Type, e.Type) > 0 {
			rel = "type like this event's (a tie, or placed elsewhere)"
		}
		return "(b) the speaker's account aligns to no labelled event (" + rel + "; " + where + ")"
	}
	switch {
	case len(docAccs) == 0:
		return "(c) the document has no extracted account at all (" + who + ")"
	default:
		others := 0
		for _, a := range docAccs {
			if _, ok := label[a.ID]; ok {
				others++
			}
		}
		if others == 0 {
			return fmt.Sprintf("(c) the document's accounts are all unaligned (%s)", who)
		}
		return fmt.Sprintf("(c) the document's accounts are of other events (%s)", who)
	}
}

// docEvents counts the labelled events listing a document, bucketed.
func docEvents(file string, events []heldoutEvent) string {
	n := 0
	for _, e := range events {
		for _, d := range e.Documents {
			if d == file {
				n++
			}
		}
	}
	switch {
	case n <= 2:
		return "1-2"
	case n <= 5:
		return "3-5"
	}
	return "6 or more"
}
