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

// The held-out evaluation: documents and event labels the rules were not
// written from (testdata/heldout, see its README). It reports pairwise
// precision and recall of event resolution and the recall and precision of
// conflict finding, and fails below the thresholds here.
//
// Measured when written (with the extractor of the day): pairs precision
// 1.00, recall 0.45; conflicts recall 0.18, precision 0.50. With the
// extractor of the second round, before and after the second round of
// xref (judgements, merges applied last, restatements not revisions):
// pairs precision 1.00, recall 0.39 both; conflicts recall 0.18 -> 0.36,
// precision 0.50 -> 0.67. Recall is bounded mostly by accounts extraction
// leaves without place or date, and by places the gazetteer does not
// nest; the thresholds sit just under the measured figures so that a
// regression fails. Nesting Douma and the Eastern Ghouta towns in Eastern
// Ghouta, and treating a region inside a governorate as a place, raised
// pair recall to 0.52 and lowered conflict precision to 0.50 (events that
// now gather more accounts also gather more figures that are told apart
// wrongly). Set XREF_HELDOUT_DETAIL=1 to log each miss (only to
// diagnose extraction: rules are tuned on testdata/dev).
//
// Third round of xref (places the gazetteer cannot locate, reports
// without a date, accounts without a place read in their document,
// a source's parts and updates), with the extractor committed at its
// start: pairs precision 1.00 -> 1.00, recall 0.56 -> 0.56; conflicts
// recall 0.36 -> 0.36, precision 0.50 -> 0.57. With the extractor of
// its end (uncommitted work in progress): 1.00, 0.56; 0.36, 0.67.
//
// Fourth round: this set became diagnostic (TestDiagnose counts the
// causes of its misses; no rule or test copies its wording). Its 40
// missed pairs were, by the closest pair of each split they cross: 19
// kept apart by an account whose "last week" was read as the calendar
// week before the report's, though the strike fell in the days between
// (and a month-precision date outside the event), 13 placeless undated
// accounts of documents that name one place only, the rest one or two
// each. After the round's rules ("last week" runs on to the report, an
// account without a place takes its document's one place, a car bomb is
// not an air strike): pairs 1.00 -> 1.00, recall 0.56 -> 0.79;
// conflicts unchanged (0.36, 0.67): their misses are all figures
// extraction does not give. Round 15 (an evacuation's two ends: a stop
// on the way, al-Rashidin, read at Madaya): recall 0.80 -> 0.82. The
// sixteenth session (extraction's round 41: people who left a town
// referred to, killings after a storming): pairs recall 0.82 -> 0.84,
// conflicts 4 -> 6 of 11 found, 6 of 7 reported right.
const (
	minPairPrecision     = 0.95
	minPairRecall        = 0.83
	minConflictRecall    = 0.54
	minConflictPrecision = 0.80
)

type heldoutEvent struct {
	Key               string                     `json:"key"`
	Type              graph.EventType            `json:"type"`
	OutsideVocabulary bool                       `json:"outside_vocabulary"`
	Date              *struct{ From, To string } `json:"date"`
	Place             string                     `json:"place"`
	Within            string                     `json:"within"`
	AlsoPlaces        []string                   `json:"also_places"`
	Documents         []string                   `json:"documents"`
	Accounts          []struct {
		Document   string `json:"document"`
		AssertedBy string `json:"asserted_by"`
		ReportedBy string `json:"reported_by"`
		Disputes   string `json:"disputes"`
		// Perpetrator and Values are what the account gives; the
		// diagnosis only asks whether it gives anything.
		Perpetrator []string `json:"perpetrator"`
		Values      []struct {
			Attribute string `json:"attribute"`
		} `json:"values"`
	} `json:"accounts"`
	Conflicts map[string][]any `json:"conflicts"`
	Disputes  []struct {
		Document string `json:"document"`
		By       string `json:"by"`
		Disputes string `json:"disputes"`
	} `json:"disputes"`
	// Revisions are a source replacing its own earlier figure; Repeats
	// wording shared verbatim between documents, First the earlier.
	Revisions []struct {
		Source    string `json:"source"`
		First     string `json:"first"`
		RevisedIn string `json:"revised_in"`
	} `json:"revisions"`
	Repeats []struct {
		First      string   `json:"first"`
		RepeatedIn []string `json:"repeated_in"`
	} `json:"repeats"`
}

// disputedAttributes returns the attributes a labelled account disputes
// by name ("perpetrator = international coalition; the event as a strike
// on civilians" disputes the perpetrator): a denial the labels record as
// a dispute of an attribute rather than as one of its conflicting values.
func (e heldoutEvent) disputedAttributes() map[string]bool {
	out := map[string]bool{}
	texts := make([]string, 0, len(e.Accounts)+len(e.Disputes))
	for _, a := range e.Accounts {
		texts = append(texts, a.Disputes)
	}
	for _, d := range e.Disputes {
		texts = append(texts, d.Disputes)
	}
	for _, t := range texts {
		for _, part := range strings.Split(t, ";") {
			if attr, _, ok := strings.Cut(part, " = "); ok {
				out[strings.TrimSpace(attr)] = true
			}
		}
	}
	return out
}

func fold(s string) string {
	s = strings.ToLower(gazetteer.FoldKey(s))
	return strings.TrimSpace(s)
}

func namesMatch(a, b string) bool {
	fa, fb := fold(a), fold(b)
	if fa == "" || fb == "" {
		return false
	}
	return fa == fb || strings.Contains(fa, fb) || strings.Contains(fb, fa)
}

// align finds the labelled event an account belongs to: among the events
// listing its document, the one best agreeing on speaker, type, date and
// place; none when no event agrees on type (or on speaker and place), or
// when two agree equally.
func align(a graph.Account, file string, events []heldoutEvent) int {
	best, bestScore, tie := -1, 0, false
	for i, e := range events {
		if e.OutsideVocabulary {
			continue
		}
		listed := false
		for _, d := range e.Documents {
			listed = listed || d == file
		}
		if !listed {
			continue
		}
		score := 0
		speaker := false
		for _, la := range e.Accounts {
			if la.Document == file && (namesMatch(la.AssertedBy, a.Speaker.Name) || la.ReportedBy != "" && namesMatch(la.ReportedBy, a.Speaker.Name)) {
				speaker = true
			}
		}
		if speaker {
			score += 2
		}
		aff := TypeAffinity(a.Type, e.Type)
		if aff > 0 {
			score += 2
		}
		if a.Type == e.Type {
			score++
		}
		if e.Date != nil && a.Date != nil && a.Date.From <= e.Date.To && e.Date.From <= a.Date.To {
			score++
		}
		place := false
		if a.Place != nil {
			for _, p := range append([]string{e.Place, e.Within}, e.AlsoPlaces...) {
				place = place || namesMatch(p, a.Place.Entity.Name) || namesMatch(p, a.Place.Text)
			}
		}
		if place {
			score++
		}
		if aff == 0 && !(speaker && place) {
			continue
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = i, score, false
		case score == bestScore:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// scores are the figures of one evaluation.
type scores struct {
	precision, recall            float64 // pairwise same-event
	cRecall, cPrecision          float64 // conflicting attributes
	prov                         provenanceScores
	accounts, aligned, unaligned int
}

// evaluate ingests the documents of dir (manifest.json) in the order
// given, aligns each account with a labelled event of dir/events.json and
// measures event resolution and conflict finding against the labels.
// detail logs every miss (kept off for the held-out set, whose documents
// must not shape the rules).
func evaluate(t *testing.T, dir string, order []int, detail bool) scores {
	ctx := context.Background()
	g := gazetteer.Default()
	var labels struct {
		Events []heldoutEvent `json:"events"`
	}
	readJSON(t, dir+"/events.json", &labels)
	xs := extractDir(t, dir, g)
	if order != nil {
		var seq []*graph.Extraction
		for _, i := range order {
			seq = append(seq, xs[i])
		}
		xs = seq
	}
	in := ingest(t, ctx, g, xs)
	logf := func(format string, args ...any) {
		if detail {
			t.Logf(format, args...)
		}
	}

	ids := make([]uuid.UUID, 0, len(in.accounts))
	for id := range in.accounts {
		ids = append(ids, id)
	}
	sortIDs(ids)
	label := map[uuid.UUID]int{}
	unaligned := 0
	for _, id := range ids {
		a := in.accounts[id]
		if e := align(a, in.file[a.DocumentID], labels.Events); e >= 0 {
			label[id] = e
		} else {
			unaligned++
			logf("unaligned: %s", in.describe(a))
		}
	}
	// Pairwise same-event precision and recall over aligned accounts of
	// different documents.
	tp, fp, fn := 0, 0, 0
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
			truth := lx == ly
			switch {
			case same && truth:
				tp++
			case same:
				fp++
				v := match(ax, ay, in.w)
				logf("wrongly merged: %s\n    with %s\n    match: score %.2f ok=%v different=%v; %s", in.describe(ax), in.describe(ay), v.score, v.ok, v.different, strings.Join(v.reasons, "; "))
			case truth:
				fn++
				v := match(ax, ay, in.w)
				logf("missed: %s\n    with %s\n    match: score %.2f ok=%v different=%v; %s", in.describe(ax), in.describe(ay), v.score, v.ok, v.different, strings.Join(v.reasons, "; "))
			}
		}
	}
	sc := scores{precision: ratio(tp, tp+fp), recall: ratio(tp, tp+fn), accounts: len(ids), aligned: len(label), unaligned: unaligned}
	t.Logf("%s: event resolution: %d accounts, %d aligned, %d unaligned; pairs tp=%d fp=%d fn=%d precision=%.2f recall=%.2f",
		dir, len(ids), len(label), unaligned, tp, fp, fn, sc.precision, sc.recall)

	// Conflicts: for each labelled event, the predicted event holding most
	// of its accounts.
	// A conflict found that the labels do not list, on an attribute a
	// labelled account disputes (a denial of the perpetrator), is right: it
	// shows the denial as one of the attribute's values, where the labels
	// record it as a dispute. Counted apart as well (disputed).
	found, labelled, ours, right, disputed := 0, 0, 0, 0, 0
	for li, e := range labels.Events {
		if e.OutsideVocabulary {
			continue
		}
		count := map[uuid.UUID]int{}
		for id, l := range label {
			if l == li {
				count[*in.accounts[id].EventID]++
			}
		}
		best, bestN := uuid.Nil, 0
		for ev, n := range count {
			if n > bestN || n == bestN && ev.String() < best.String() {
				best, bestN = ev, n
			}
		}
		got := map[string]graph.Conflict{}
		if best != uuid.Nil {
			accs := in.events[best]
			for _, c := range Conflicts(accs, in.claimsMap(accs), in.w) {
				if Conflicting(c) {
					got[c.Attribute] = c
				}
			}
		}
		var want []string
		for attr := range e.Conflicts {
			want = append(want, attr)
		}
		sort.Strings(want)
		// ("vehicles (buses)": the unit qualifies our attribute; a label
		// may name the attribute alone.)
		bare := map[string]bool{}
		for attr := range got {
			bare[unitless(attr)] = true
		}
		for _, attr := range want {
			labelled++
			if _, ok := got[attr]; ok || bare[attr] {
				found++
			} else {
				logf("%s: conflict on %s not found (%v)", e.Key, attr, e.Conflicts[attr])
			}
		}
		disputes := e.disputedAttributes()
		for attr, c := range got {
			ours++
			if _, ok := e.Conflicts[attr]; ok {
				right++
			} else if _, ok := e.Conflicts[unitless(attr)]; ok {
				right++
			} else if disputes[attr] {
				right++
				disputed++
				logf("%s: conflict on %s: a labelled dispute of it", e.Key, attr)
			} else {
				var vs []string
				for gi, g := range c.Groups {
					for _, i := range g {
						v := c.Values[i]
						var src []string
						for _, s := range v.Sources {
							src = append(src, s.Name)
						}
						vs = append(vs, fmt.Sprintf("%v [group %d; %d account(s); %s]", v.Value, gi, len(v.Accounts), strings.Join(src, ", ")))
					}
				}
				logf("%s: conflict on %s not labelled (%s)", e.Key, attr, strings.Join(vs, "; "))
			}
		}
	}
	sc.cRecall, sc.cPrecision = ratio(found, labelled), ratio(right, ours)
	t.Logf("%s: conflicts: labelled=%d found=%d recall=%.2f; reported=%d right=%d (%d of them labelled disputes) precision=%.2f", dir, labelled, found, sc.cRecall, ours, right, disputed, sc.cPrecision)
	sc.prov = scoreProvenance(t, in, labels.Events, logf)
	t.Logf("%s: stance and provenance: %s", dir, sc.prov)
	return sc
}

// The second held-out set (testdata/heldout2), written by someone else
// while the third round of rules was being written, and never read;
// scored like the first. Measured when it arrived, with the extractor
// committed at the start of the round, before and after the round's
// rules: pairs precision 0.92 -> 0.90, recall 0.22 -> 0.51; conflicts
// recall 0.36 -> 0.45, precision 0.80 -> 0.50. After, with the
// extractor of the round's end (uncommitted work in progress): pairs
// 0.96 / 0.43; conflicts 0.45 / 0.83. The thresholds sit just under
// the lower of the two.
//
// Fourth round, measured with the extractor of the round's start, before
// and after its rules: pairs precision 0.97 -> 0.97, recall 0.52 ->
// 0.52; conflicts recall 0.45 -> 0.45, precision 0.83 -> 0.83.
//
// Cross-referencing round 4 (the fourth training set's), at its start
// and end: pairs 1.00 / 0.83, conflicts recall 0.55, precision 1.00; the
// floors sit under them by one pair or conflict's worth. Round 14 (a
// placeless campaign read at its document's one place): pairs 1.00 /
// 0.86, conflicts 7 of 11 found, 7 of 7 right; recall floors raised to
// one pair or conflict under.
const (
	min2PairPrecision     = 0.97
	min2PairRecall        = 0.84
	min2ConflictRecall    = 0.60
	min2ConflictPrecision = 0.85
)

func TestHeldout2(t *testing.T) {
	sc := diagnosticSet(t, "testdata/heldout2")
	sc.prov.atLeast(t, 2, 2, 8)
	sc.atLeast(t, min2PairPrecision, min2PairRecall, min2ConflictRecall, min2ConflictPrecision)
}

// The third held-out set (testdata/heldout3, see its README), written by
// someone who read neither the rules nor the earlier sets' documents.
// Pristine: its misses are never logged, and no rule was fixed on it.
// Measured at the seventh session's start: pairs precision 0.93, recall
// 0.66; conflicts recall 0.40, precision 0.60. At its end (extraction
// rounds 4-7, xref rules fixed on sets 1, 2 and the training set): pairs
// 0.93 / 0.62, conflicts 0.33 / 0.71; the xref rules alone (the session's
// extraction with the session's first xref) give the same 0.93 / 0.62.
// The floors sit just under, to catch regressions.
const (
	min3PairPrecision     = 0.90
	min3PairRecall        = 0.60
	min3ConflictRecall    = 0.30
	min3ConflictPrecision = 0.65
)

func TestHeldout3(t *testing.T) {
	needSet(t, "testdata/heldout3")
	sc := evaluate(t, "testdata/heldout3", nil, false)
	sc.atLeast(t, min3PairPrecision, min3PairRecall, min3ConflictRecall, min3ConflictPrecision)
	// Stance links at the fourteenth session's end: revisions 9 of 9,
	// repeats 3 of 5, disputes 7 of 10; at the fifteenth's, repeats 4 of
	// 5 (text reuse of claims in no account). Round 42's rule that a
	// place's name before an Arabic article word begins a longer name
	// ("Bab al-Sharqi" is not al-Bab) raised this set's extraction (event
	// types 0.76/0.78 -> 0.79/0.79, places recall 0.92 -> 0.93) and cost
	// its cross-referencing one more account, two pairs (82 -> 80) and
	// two disputes (7 -> 5): measured, not diagnosed (the set is
	// pristine); the disputes floor 6 -> 5.
	sc.prov.atLeast(t, 8, 3, 5)
}

// The fourth held-out set (testdata/heldout4, see its README), written by
// someone who read neither the rules nor the earlier sets' documents.
// Pristine and reported only: no floors yet, and its misses are never
// logged.
func TestHeldout4(t *testing.T) {
	needSet(t, "testdata/heldout4")
	sc := evaluate(t, "testdata/heldout4", nil, false)
	// Floors just under its figures at the end of the session that wrote
	// it (pairs 0.63/0.52 when it landed, 0.88/0.65 at the end; conflicts
	// 0.57/0.67 both times): regressions only, never a target. Raised at
	// the fourteenth session's end (pairs 1.00 / 0.72, conflicts 5 of 6
	// found, 5 of 6 reported right). Stance links at the fifteenth
	// session's end: repeats 1 of 3 (text reuse of claims in no
	// account), disputes 3 of 7.
	sc.atLeast(t, 0.97, 0.70, 0.80, 0.80)
	sc.prov.atLeast(t, 0, 1, 3)
}

// The fifth held-out set (testdata/heldout5, see its README), written by
// someone who read neither the rules nor the earlier sets' documents.
// Pristine: its misses are never logged. Measured once, at 476dfdd (the
// tenth session's end of rules): pairs 1.00 / 0.37 (39 of 106), conflicts
// 1 of 9 found, 1 of 3 reported right. Floors just under: regressions
// only, never a target. Conflict floors raised at the thirteenth
// session's end (4a5e750: 5 of 9 found, 5 of 6 reported right, from
// extraction giving figures their attribute).
func TestHeldout5(t *testing.T) {
	needSet(t, "testdata/heldout5")
	sc := evaluate(t, "testdata/heldout5", nil, false)
	sc.atLeast(t, 0.95, 0.35, 0.50, 0.75)
}

// The extraction training set (testdata/train: the 28 documents of
// graph/extract/testdata/train and their event truth, see its README),
// scored like the second held-out set. It is a training / diagnostic set,
// not a held-out one: rules may be read and fixed against it, so it
// reports figures only, with no floors, and XREF_HELDOUT_DETAIL=1 logs
// its misses.
func TestTrain(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train")
	sc.prov.atLeast(t, 1, 0, 11)
}

// The second extraction training set (testdata/train2: the 30 documents of
// graph/extract/testdata/train2 and their event truth, see its README),
// held back as a validation set: scored like the third held-out set,
// figures only, no floors, and its misses are never logged.
func TestTrain2(t *testing.T) {
	needSet(t, "testdata/train2")
	sc := evaluate(t, "testdata/train2", nil, false)
	sc.prov.atLeast(t, 0, 0, 6)
}

// The fourth extraction training set (testdata/train4: the 25 documents of
// graph/extract/testdata/train4 and their event truth, see its README),
// a training / diagnostic set since cross-referencing round 4 (measured
// once before use, at 7201fb5: pairs 0.95 / 0.80, conflicts precision 0.42,
// recall 0.42): rules may be read and fixed against it, so its figures say
// nothing about unseen text, and XREF_HELDOUT_DETAIL=1 logs its misses.
// At the end of round 4 (its extraction still changing under it): pairs
// 1.00 / 0.81, conflicts recall 0.33, precision 0.67; the floors sit
// under them, to catch regressions.
const (
	minT4PairPrecision     = 0.95
	minT4PairRecall        = 0.75
	minT4ConflictRecall    = 0.30
	minT4ConflictPrecision = 0.60
)

func TestTrain4(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train4")
	sc.prov.atLeast(t, 1, 0, 6)
	sc.atLeast(t, minT4PairPrecision, minT4PairRecall, minT4ConflictRecall, minT4ConflictPrecision)
}

// The fifth extraction training set (testdata/train5: the 24 documents of
// graph/extract/testdata/train5 and their event truth, see its README),
// a training / diagnostic set since cross-referencing round 7 (measured
// once before use, at 387a6bf: pairs 0.76 / 0.51, conflicts precision 1.00,
// recall 0.33): rules may be read and fixed against it, so its figures say
// nothing about unseen text, and XREF_HELDOUT_DETAIL=1 logs its misses.
// At the end of round 7 (its extraction still changing under it): pairs
// 0.83 / 0.49, conflicts recall 0.33, precision 0.83; the floors sit
// under them, to catch regressions. Round 8 (late answers) took pairs
// from 1.00 / 0.51 to 1.00 / 0.56 (22 of 39): the recall floor sits one
// pair under.
const (
	minT5PairPrecision     = 0.78
	minT5PairRecall        = 0.53
	minT5ConflictRecall    = 0.30
	minT5ConflictPrecision = 0.75
)

func TestTrain5(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train5")
	sc.prov.atLeast(t, 0, 0, 1)
	sc.atLeast(t, minT5PairPrecision, minT5PairRecall, minT5ConflictRecall, minT5ConflictPrecision)
}

// The sixth extraction training set (testdata/train6: the 22 documents of
// graph/extract/testdata/train6 and their event truth, see its README),
// a training / diagnostic set since cross-referencing round 9 (measured
// once before use, at 12a701d: pairs 0.87 / 0.32, conflicts 0 of 9 found,
// 0 of 2 reported right): rules may be read and fixed against it, so its
// figures say nothing about unseen text, and XREF_HELDOUT_DETAIL=1 logs
// its misses.
//
// Floors just under its round-9 end (pairs 1.00 / 0.60 with the
// extraction of 6d9d5a6); no conflict floors, as round 9 ends with none
// of its nine labelled conflicts found.
const (
	minT6PairPrecision = 0.88
	minT6PairRecall    = 0.56
)

func TestTrain6(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train6")
	sc.prov.atLeast(t, 0, 0, 2)
	sc.atLeast(t, minT6PairPrecision, minT6PairRecall, 0, 0)
}

// The seventh extraction training set (testdata/train7: the 24 documents of
// graph/extract/testdata/train7 and their event truth, see its README),
// held back as a validation set through the tenth session (measured with
// the extraction of its end, 990c192: pairs 0.83 / 0.47, conflicts 3 of 8
// found, 3 of 6 reported right), a training / diagnostic set since the
// eleventh: XREF_HELDOUT_DETAIL=1 logs its misses, and rules may be fixed
// against it.
func TestTrain7(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train7")
	sc.prov.atLeast(t, 0, 0, 4)
}

// The sixth held-out set (testdata/heldout6, see its README), written in
// the eleventh session by someone who read neither the rules nor the
// other sets' documents. Pristine: its misses are never logged. Measured
// once, at 0cf5ee8 (after cross-referencing rounds 12 and 13 and the
// session's extraction rounds): pairs 0.93 / 0.84 (90 right, 7 wrong, 17
// missed), conflicts 6 of 8 found, 6 of 14 reported right. Floors just
// under: regressions only, never a target.
func TestHeldout6(t *testing.T) {
	needSet(t, "testdata/heldout6")
	sc := evaluate(t, "testdata/heldout6", nil, false)
	// Pair precision raised at the fourteenth session's end (0.93 -> 0.99:
	// places the gazetteer lacks kept in the governorate their sentence
	// names), and the stance links it finds (disputes 0 -> 5 of 10).
	// Conflicts raised at the eighteenth session's end (6 -> 7 of 8 found,
	// 7 of 11 reported right: "others" after a breakdown's list counts
	// what the toll counts).
	sc.atLeast(t, 0.97, 0.82, 0.85, 0.60)
	sc.prov.atLeast(t, 0, 0, 4)
}

// The eighth extraction training set (testdata/train8: the 23 documents of
// graph/extract/testdata/train8 and their event truth, see its README),
// held back as a validation set through the eleventh session. Measured
// when it arrived, with the extraction of d099238: pairs 0.88 / 0.60 (42
// right, 6 wrong, 28 missed), conflicts 1 of 9 found, 1 of 5 reported
// right; the same at the eleventh session's end (9b1591e). A training /
// diagnostic set since the twelfth session, with floors just under.
// Cross-referencing round 14 (explosives made safe no explosion, an
// evacuation's fighters compared as evacuated, a placeless campaign at
// its document's one place): pairs 0.89 / 0.68 (50 right, 6 wrong, 23
// missed), conflicts 2 of 9 found, 3 of 6 reported right; floors one
// pair or conflict under. Round 16 (a denied attack is no assault):
// pairs 0.97 / 0.77 (56 right, 2 wrong); the precision floor sits under.
func TestTrain8(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train8")
	sc.prov.atLeast(t, 1, 0, 2)
	sc.atLeast(t, 0.95, 0.66, 0.20, 0.45)
}

// The ninth extraction training set (testdata/train9: the 21 documents of
// graph/extract/testdata/train9 and their event truth, see its README),
// measured before any rule used it, at the session's starting commit
// 9b1591e: pairs 1.00 / 0.76 (68 right, 0 wrong, 21 missed), conflicts 5
// of 10 found, 5 of 9 reported right; at 12f1925 conflicts 6 of 10, 6 of
// 8. Diagnostic since (XREF_HELDOUT_DETAIL=1 logs its misses), with
// floors just under. After cross-referencing round 15 (an evacuation's
// two ends): pairs 1.00 / 0.86 (79 right, 0 wrong, 13 missed).
func TestTrain9(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train9")
	sc.prov.atLeast(t, 1, 0, 4)
	sc.atLeast(t, 0.98, 0.84, 0.55, 0.70)
}

// The tenth extraction training set (testdata/train10: the 20 documents
// of graph/extract/testdata/train10 and their event truth, see its
// README), held back as a validation set: figures only, no floors, and its
// misses are never logged. Measured at the twelfth session's starting
// commit 9b1591e: pairs 0.62 / 0.31 (15 right, 9 wrong, 34 missed),
// conflicts 1 of 8 found, 1 of 6 reported right; at 4fcbf7e (the
// session's rounds in) the same pairs, conflicts 2 of 8 found, 2 of 8
// right. Diagnostic since (XREF_HELDOUT_DETAIL=1), with floors just under.
// Round 17 (README): pairs 0.62 / 0.30 -> 0.68 / 0.30 (9 -> 7 false).
// Round 18 (a village the gazetteer lacks meets the town it may lie in):
// pairs 0.71 / 0.30 -> 0.82 / 0.56, conflicts 3 of 8 found, 3 of 10 right.
// Round 20 (a place the gazetteer lacks lies in the governorate its
// sentence names; measured on 05c2e25): pairs 0.83 / 0.58 -> 0.87 / 0.40
// (6 -> 3 false, 29 -> 20 right), conflicts 4 -> 2 of 8 found, 2 of 4
// right. The nine pairs and two conflicts lost were joined only through
// al-Ankawi, a Hama village the letter places in the Ghab plain, read as
// perhaps lying within Idlib city and Ma'arratmisrin (the false bridge
// round 17 described); the wire's accounts sit at its headline's Idlib
// city beside the town (extraction). The recall floor follows (0.53 ->
// 0.38).
func TestTrain10(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train10")
	sc.prov.atLeast(t, 0, 0, 2)
	sc.atLeast(t, 0.85, 0.48, 0.25, 0.20)
}

// The eleventh extraction training set (testdata/train11: the 20
// documents of graph/extract/testdata/train11 and their event truth, see
// its README), held back as a validation set through the twelfth
// session. Measured at that session's starting commit 9b1591e and at its
// last, f735400: pairs 0.92 / 0.76 (66 right, 6 wrong, 21 missed),
// conflicts 4 of 13 found, 4 of 17 reported right. Diagnostic since
// (XREF_HELDOUT_DETAIL=1), with floors just under. Round 18 (README):
// pairs 0.95 / 0.79 (4 false), conflicts 7 of 13 found, 8 of 15 right.
// Round 20 (on 05c2e25): pairs 0.94 / 0.79 -> 0.87 / 0.79 (4 -> 9
// false), conflicts 8 of 15 -> 8 of 17 right. The five false pairs more
// are one account's: a
// commander's rocket fire on Nawa (read at Daraa), which the labels list
// in two events (the rocket fire and the air strikes), was held in
// Lahaya's event by "Lahaya (Hama countryside) may lie within Daraa",
// now refused; it joins its document's army attack west of Daraa, which
// the labels put in the Nawa air strikes' event, and so that event. The
// precision floor follows (0.93 -> 0.85).
func TestTrain11(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train11")
	sc.prov.atLeast(t, 1, 0, 1)
	sc.atLeast(t, 0.85, 0.77, 0.45, 0.45)
}

// The twelfth extraction training set (testdata/train12: the 20
// documents of graph/extract/testdata/train12 and their event truth, see
// its README), held back as a validation set: figures only, no floors,
// and its misses are never logged. Measured at the thirteenth session's
// starting code (23acd0c, the set copied in): pairs 0.57 / 0.30 (20
// right, 15 wrong, 46 missed), conflicts 3 of 19 found, 3 of 7 reported
// right; at the session's last commit (4a5e750) the same. Diagnostic
// since the fourteenth session (XREF_HELDOUT_DETAIL=1), with floors just
// under. Round 20 (README): its 15 false pairs at be041bc all joined a
// place the gazetteer lacks, which its sentence locates (Khattab north of
// Hama city, Heish in the Idlib countryside, Jourin in Hama province), to
// a known place elsewhere (Tafas, Washington, Aleppo, Latakia). On
// 05c2e25 (extraction fixed in between): pairs 0.80 / 0.35 -> 1.00 / 0.35
// (6 -> 0 false), conflicts 4 of 19 found, 4 of 9 -> 4 of 5 reported right.
// Extraction round 37: conflicts 4 of 5 -> 4 of 6 reported right, floor
// 0.75 -> 0.65. A witness's quotation ('"... We pulled out two girls alive,
// but their mother was dead," he said', snhr-hish) is now his, as
// labelled, not the monitor's: its "their mother" (read as one killed,
// which the labels do not count) makes an account of his own, set against
// the monitor's tolls as an unlabelled conflict.
func TestTrain12(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train12")
	sc.prov.atLeast(t, 1, 1, 5)
	sc.atLeast(t, 0.98, 0.59, 0.19, 0.65)
}

// The thirteenth extraction training set (testdata/train13: the 20
// documents of graph/extract/testdata/train13 and their event truth, see
// its README), held back as a validation set: figures only, no floors,
// and its misses are never logged. Measured at the fourteenth session's
// starting code (4a5e750, the set copied in): pairs 0.97 / 0.69 (78
// right, 2 wrong, 35 missed), conflicts 8 of 16 found, 9 of 12 reported
// right; at b12b53f pairs 0.96 / 0.69 (3 wrong), conflicts the same. At
// the session's end: pairs 0.97 / 0.68 (84 right, 3 wrong, 39 missed; the
// new extraction reads more accounts), conflicts 8 of 16 found, 9 of 13
// reported right; revisions 1 of 1, repeats 1 of 1, disputes 4 of 12
// (94c4751). Diagnostic since the fifteenth session
// (XREF_HELDOUT_DETAIL=1), with floors just under; at that session's
// end pairs 0.97 / 0.75 (95 right, 3 wrong, 32 missed), conflicts 10 of
// 16 found, 11 of 15 reported right, disputes 6 of 12; at the
// sixteenth's, conflicts 11 of 16 found, 12 of 16 reported right. At
// the twenty-third's, a party saying it was "not involved" denies its
// part in the event told before: one of the conflicts found is then a
// labelled dispute reported as a conflict, 10 of 16 found, 12 of 16
// reported right; the floor follows.
func TestTrain13(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train13")
	sc.prov.atLeast(t, 1, 1, 5)
	sc.atLeast(t, 0.96, 0.74, 0.61, 0.74)
}

// The fourteenth extraction training set (testdata/train14: the 20
// documents of graph/extract/testdata/train14 and their event truth, see
// its README), written blind after the fifteenth session's end and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured at the sixteenth session's start on the
// fourteenth session's end code (94c4751, the set copied in) -> the
// fifteenth's (c5a99ce): pairs 0.92 / 0.36 (23 right, 2 wrong, 41 missed)
// -> 0.92 / 0.34 (23, 2, 44: one more account aligned, none of its pairs
// found); conflicts 4 of 13 found, 4 of 5 reported right -> 3 of 13, 3
// of 5; revisions 1 of 3, repeats 2 of 3, disputes 5 of 10 in both.
// Diagnostic since (XREF_HELDOUT_DETAIL=1), with floors just under the
// sixteenth session's end: pairs 1.00 / 0.56 (40 right, 0 wrong, 31
// missed: SANA's recapture of Khanasir, read at last, is one more
// account, whose event the labels give the wire's support strikes too),
// conflicts 6 of 13 found, 6 of 7 reported right; revisions 1 of 3,
// repeats 2 of 3, disputes 5 of 10. The eighteenth session read the
// Russian Centre's "6 in Damascus province" as Rif Dimashq (the labels'
// reading): the account no longer joins the Kafr Sousa shelling in
// Damascus, with which the labels group it; pairs 40 -> 37 right, 1 wrong.
func TestTrain14(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train14")
	sc.prov.atLeast(t, 1, 2, 5)
	sc.atLeast(t, 0.96, 0.51, 0.45, 0.85)
}

// The fifteenth extraction training set (testdata/train15: the 20
// documents of graph/extract/testdata/train15 and their event truth, see
// its README), written blind at the sixteenth session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the fifteenth session's end rules (d845b38,
// the set copied in): pairs 0.77 / 0.16 (17 right, 5 wrong, 87 missed),
// conflicts 5 of 12 found, 7 of 12 reported right; revisions 0 of 7,
// repeats 2 of 4, disputes 6 of 13. With the seventeenth session's
// gazetteer extension (e2ec88a): pairs 0.97 / 0.37 (37 right, 1 wrong, 64
// missed), conflicts 5 of 12 found, 7 of 8 reported right. Diagnostic
// since (XREF_HELDOUT_DETAIL=1; the sixteenth set is the validation set).
// Round 42 read the GNA Interior Ministry's count "by our ambulance teams"
// as the ministry's own: its statement gives one account where it gave two,
// and the pairs that account's double made (7 of the Tajoura event's) went
// with it: 37 -> 30 right, none more missed. Round 42's end: pairs 0.98 /
// 0.40 (41 right, 1 wrong, 61 missed), conflicts 7 of 12 found, 9 of 10
// reported right; repeats 2 of 4, disputes 5 of 13. Floors just under.
// The table of sources read at last (Airwars: "Source | Killed |
// Injured") adds the Observatory's "dozens" injured against the Civil
// Defence's "more than 100", a conflict the labels do not give: 9 of 11
// reported right; the precision floor 0.85 -> 0.80. Round 47 (a party
// admitting its strike while denying part of it disputes the accounts
// giving its figures): disputes 5 -> 7 of 13; a short phrase quoted
// word for word repeats it: repeats 2 -> 3 of 4.
func TestTrain15(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train15")
	sc.prov.atLeast(t, 0, 3, 7)
	sc.atLeast(t, 0.95, 0.63, 0.55, 0.80) // pair recall floor raised in round 49 (0.65)
}

// The sixteenth extraction training set (testdata/train16: the 20
// documents of graph/extract/testdata/train16 and their event truth, see
// its README), written blind at the seventeenth session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the sixteenth session's end rules (bc3b335,
// the set copied in): pairs 1.00 / 0.53 (49 right, 0 wrong, 43 missed),
// conflicts 10 of 14 found, 10 of 12 reported right; revisions 2 of 4,
// repeats 2 of 6, disputes 6 of 14. With the gazetteer extension
// (e2ec88a, written before the set was seen): pairs 1.00 / 0.53 (52
// right, 0 wrong, 46 missed), conflicts 9 of 14 found, 9 of 12 reported
// right; revisions 1 of 4, repeats 2 of 6, disputes 7 of 14. At the
// seventeenth session's end (cea91a8): the same pairs, conflicts 9 of 14
// found, 9 of 10 reported right; revisions 1 of 4, repeats 2 of 6,
// disputes 7 of 14. Diagnostic since the eighteenth session
// (XREF_HELDOUT_DETAIL=1; a seventeenth set is the validation set), with
// floors just under those figures. Round 43 read the Murzuq municipal
// council as one body in both its documents ("The Murzuq municipal
// council", "the town's municipal council"): its 38 then 43 killed is now
// its own revision (revisions 1 -> 2 of 4), placed with the 43 as a
// revision is, so the labels' conflict on killed (38, at least 42, 43,
// which lists revised values) is no longer reported: 9 -> 8 of 14 found.
// Claims that moved from the document's voice to their speakers ("It
// called the strike", "al-Mismari repeated that") left two of the voice's
// accounts empty, and the label accounts they had stood for unaligned:
// pairs 52 -> 40 right, none more missed (46). Floors followed. At the
// session's end (a description after a speaker's name kept out of the
// event; where a speaker called from is no event's place): pairs 1.00 /
// 0.67 (69 right, 34 missed), conflicts 11 of 14 found, 11 of 12 reported
// right; revisions 3 of 4, repeats 3 of 6, disputes 7 of 14. Floors just
// under. Round 44 (a two-letter skeleton with close spellings, "Haas" and
// "Hass"; "al-Rhaibeh" beside Jayroud is al-Ruhaybah; the speakers read):
// pairs 1.00 / 0.77 (83 right, 25 missed), disputes 9 of 14.
func TestTrain16(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train16")
	sc.prov.atLeast(t, 3, 4, 8)
	sc.atLeast(t, 0.98, 0.75, 0.75, 0.85)
}

// The seventeenth extraction training set (testdata/train17: the 20
// documents of graph/extract/testdata/train17 and their event truth, see
// its README), written blind at the eighteenth session's start and held
// back as the validation set. Measured on the seventeenth session's end
// rules (cea91a8, the set copied in): pairs 0.96 / 0.54 (81 right, 3
// wrong, 68 missed), conflicts 10 of 24 found; on the eighteenth's
// (0fcec42): pairs 0.97 / 0.57 (97 right, 3 wrong, 72 missed), conflicts
// 11 of 24 found, 11 of 20 reported right; revisions 1 of 1, repeats 1 of
// 3, disputes 7 of 11; on the nineteenth's first rules (c4fd008, written
// from train16): one account fewer, 68 missed, the rest the same.
// Diagnostic since (XREF_HELDOUT_DETAIL=1; the eighteenth set is the
// validation set). Round 44's end (al-Hameh and Al-Hama one place the
// gazetteer lacks, not Hama; a toll's rise dated; the scorer reading
// "vehicles (buses)" as "vehicles"; a village the text puts in a
// district lies in it for that document): pairs 0.97 / 0.76 (108 right,
// 3 wrong, 34 missed), conflicts 13 of 24 found, 13 of 19 reported right;
// repeats 3 of 3, disputes 6 of 11. Floors just under.
func TestTrain17(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train17")
	sc.prov.atLeast(t, 1, 3, 7)
	sc.atLeast(t, 0.96, 0.94, 0.52, 0.65) // round 49: pairs 0.98 / 0.96, disputes 7
}

// The eighteenth extraction training set (testdata/train18: the 20
// documents of graph/extract/testdata/train18 and their event truth, see
// its README), written blind at the nineteenth session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the eighteenth session's end rules (0fcec42,
// the set copied in) and on the nineteenth's first rules (c4fd008), the
// same both times: pairs 1.00 / 0.46 (69 right, 0 wrong, 82 missed),
// conflicts 6 of 13 found, 6 of 6 reported right; revisions 0 of 3,
// repeats 3 of 6, disputes 1 of 15. At the nineteenth session's end:
// pairs 1.00 / 0.48 (78 right, 0 wrong, 84 missed), the rest the same;
// measured once more on that code (b295005) at the twentieth session's
// start, the same. Diagnostic since (XREF_HELDOUT_DETAIL=1; a nineteenth
// set is the validation set), with floors just under.
// Round 45 (read from train18: a meeting record's turns; 'the bomber' of
// a truck bomb no aircraft; a village its document puts in a district
// lies there; an army's own statement's "the army"): pairs 1.00 / 0.74
// (135 right, 47 missed), conflicts 9 of 13 found, 9 of 10 reported right
// (the tenth, the LNA blamed for the Derna siege and denying it, is
// labelled a dispute), revisions 2 of 3, repeats 3 of 6, disputes 4 of 15.
// Floors just under.
func TestTrain18(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train18")
	sc.prov.atLeast(t, 2, 3, 4)
	sc.atLeast(t, 0.98, 0.80, 0.75, 0.88) // round 49: pairs 1.00 / 0.82, conflicts 10 of 13
}

// The nineteenth extraction training set (testdata/train19: the 20
// documents of graph/extract/testdata/train19 and their event truth, see
// its README), written blind at the twentieth session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the nineteenth session's end rules (b295005,
// the set copied in) and on the twentieth's first rules (0517d4a), the
// same both times: pairs 0.91 / 0.49 (51 right, 5 wrong, 54 missed),
// conflicts 5 of 11 found, 6 of 11 reported right; revisions 1 of 6,
// repeats 3 of 5, disputes 1 of 12. At the twentieth session's end
// (21a1c5f): pairs 0.94 / 0.64 (72 right, 5 wrong, 41 missed), conflicts 4
// of 11 found, 5 of 9 reported right; revisions 2 of 6, the rest the same.
// Measured once more on that code (7311d23) at the twenty-first session's
// start, the same. Diagnostic since (XREF_HELDOUT_DETAIL=1; a twentieth
// set is the validation set), with floors just under. Round 46's first
// part (the member States in the gazetteer; a maternity ward stormed is
// attacked, not captured) aligns four more accounts of one wire with the
// Kabul hospital attack, which cannot merge with the others while the
// gazetteer lacks Kabul: pairs 0.96 / 0.55 (65 right, 54 missed),
// conflicts 3 of 11 found, 3 of 8 reported right; disputes 2 of 12.
// Floors just under, until the places are known. With the parties and
// the localities of today's theatres in the gazetteer and round 46's
// second part (a quarter "of western Kabul" in the city; "Jere LGA" one
// place with "Jere Local Government Area"): pairs 0.97 / 0.69 (88 right,
// 3 wrong, 40 missed), conflicts 4 of 11 found, 5 of 10 reported right;
// revisions 2 of 6, repeats 3 of 5, disputes 3 of 12. Floors just under.
// Round 47 (a village's quarter named after it, "Ogossagou-Peul", is
// perhaps the village): pairs 0.97 / 0.70 (89 right), conflicts 5 of 11
// found, 6 of 11 reported right; revisions 3 of 6, disputes 4 of 12.
//
// The twenty-second session reads civilians fleeing ("families have left
// Koshobe for Maiduguri since Saturday") as no evacuation: the labels,
// which type no event there, count those claims as accounts of the
// massacre, so pair recall fell by four pairs while event-type precision
// rose 0.61 -> 0.69; the floor follows.
//
// The twenty-third session reads "gunmen", "terrorists" and "jihadists"
// outside the wars where such words name one side (Syria, Iraq, Yemen,
// Libya) as blaming no party: the labels of the sets about other wars
// count none of them, and this set's perpetrator precision rose 0.55 ->
// 0.64; but an account of the Ogossagou massacre that blamed "jihadists"
// had given the labelled perpetrator conflict and a dispute, so the
// conflict and dispute floors fall by one each.
func TestTrain19(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train19")
	sc.prov.atLeast(t, 3, 4, 3)
	sc.atLeast(t, 0.95, 0.67, 0.25, 0.50)
}

// The twentieth extraction training set (testdata/train20: the 20
// documents of graph/extract/testdata/train20 and their event truth, see
// its README), written blind at the twenty-first session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the twentieth session's end rules (7311d23,
// the set copied in): pairs 0.95 / 0.38 (53 right, 3 wrong, 86 missed),
// conflicts 5 of 17 found, 5 of 9 reported right; revisions 0 of 4,
// repeats 1 of 6, disputes 5 of 19. At the twenty-first session's end
// (37a2297): pairs 0.95 / 0.78 (107 right, 6 wrong, 31 missed), conflicts
// 9 of 17 found, 9 of 16 reported right; revisions 1 of 4, repeats 3 of 6,
// disputes 8 of 19. Measured once more on that code at the twenty-second
// session's start, the same. Diagnostic since (XREF_HELDOUT_DETAIL=1; a
// twenty-first set is the validation set), with floors just under. Round
// 47 (a source named two ways across documents is one source; a figure
// an earlier document of the source gave is not revised again):
// revisions 3 of 4, 3 of 3 reported right. At the session's end (round 47
// in extraction too: transcripts, dates, named units): pairs 1.00 / 0.96
// (108 right, 0 wrong, 5 missed), conflicts 9 of 17 found, 9 of 11
// reported right; disputes 9 of 19. Floors just under.
func TestTrain20(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train20")
	// (Revisions 3 -> 2 in round 48: "The Government now puts the toll
	// ... at 39" is read as the Government's own words, an adverb between
	// subject and verb; its first toll, in its communiqué, is then kept
	// apart. Held-out 4's revisions rose 0 -> 1 and its pairs 29 -> 31 by
	// the same reading.)
	sc.prov.atLeast(t, 2, 3, 8)
	sc.atLeast(t, 0.98, 0.94, 0.50, 0.80)
}

// The twenty-first extraction training set (testdata/train21: the 20
// documents of graph/extract/testdata/train21 and their event truth, see
// its README), written blind at the twenty-second session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the twenty-first session's end code (37a2297,
// the set copied in): pairs 0.96 / 0.83 (93 right, 4 wrong, 19 missed),
// conflicts 6 of 19 found, 6 of 8 reported right; revisions 2 of 5,
// repeats 3 of 9, disputes 7 of 16. At the twenty-second session's end
// (a757ccb): pairs 0.99 / 0.80 (90 right, 1 wrong, 22 missed), conflicts 5
// of 19 found, 5 of 5 reported right; revisions 2 of 5, repeats 3 of 9,
// disputes 5 of 16. Measured once more on that code at the twenty-third
// session's start, the same. Diagnostic since (XREF_HELDOUT_DETAIL=1; a
// twenty-second set is the validation set), with floors just under.
func TestTrain21(t *testing.T) {
	sc := diagnosticSet(t, "testdata/train21")
	sc.prov.atLeast(t, 3, 7, 7)
	// (Round 48 lowers the precision floors set at this session's start:
	// with Gran Grif read as the gang's name, a resident's generic "They"
	// against it is a wrong perpetrator conflict; with OCHA read as the
	// speaker of the noon briefing's "our humanitarian colleagues", its
	// accounts meet the flash update's, which the gazetteer places at the
	// town its site lies 70 km from: two wrong pairs, two wrong
	// conflicts, while conflicts found rose 5 -> 9.)
	sc.atLeast(t, 0.95, 0.94, 0.60, 0.80) // round 49: pairs 0.97 / 0.96, conflicts 12 of 19 (12 of 14 right)
}

// The twenty-second extraction training set (testdata/train22: the 20
// documents of graph/extract/testdata/train22 and their event truth, see
// its README), written blind at the twenty-third session's start and held
// back as the validation set: figures only, no floors, and its misses are
// never logged. Measured on the twenty-second session's end code (a757ccb,
// the set copied in): pairs 0.95 / 0.36 (20 right, 1 wrong, 36 missed),
// conflicts 4 of 13 found, 4 of 8 reported right; revisions 1 of 6,
// repeats 3 of 9, disputes 6 of 22. At the twenty-third session's end:
// pairs 0.95 / 0.35 (21 right, 1 wrong, 39 missed), conflicts 4 of 13
// found, 4 of 8 reported right; revisions 1 of 6, repeats 4 of 9,
// disputes 4 of 22.
func TestTrain22(t *testing.T) {
	needSet(t, "testdata/train22")
	evaluate(t, "testdata/train22", nil, false)
}

func TestHeldout(t *testing.T) {
	sc := evaluate(t, "testdata/heldout", nil, os.Getenv("XREF_HELDOUT_DETAIL") != "")
	sc.prov.atLeast(t, 3, 4, 7)
	sc.atLeast(t, minPairPrecision, minPairRecall, minConflictRecall, minConflictPrecision)
}

// needSet skips the test when the labelled set in dir has no event truth.
// diagnosticSet scores a labelled set that may be absent (skipped then),
// logging its misses when XREF_HELDOUT_DETAIL is set.
func diagnosticSet(t *testing.T, dir string) scores {
	t.Helper()
	needSet(t, dir)
	return evaluate(t, dir, nil, os.Getenv("XREF_HELDOUT_DETAIL") != "")
}

func needSet(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(dir + "/events.json"); err != nil {
		t.Skipf("no labelled set in %s: %v", dir, err)
	}
}

// atLeast fails the test when a score is below its floor: pairs precision
// and recall, then conflicts recall and precision.
func (sc scores) atLeast(t *testing.T, pairPrecision, pairRecall, conflictRecall, conflictPrecision float64) {
	t.Helper()
	if sc.precision < pairPrecision || sc.recall < pairRecall {
		t.Errorf("event resolution precision %.2f recall %.2f below %.2f / %.2f", sc.precision, sc.recall, pairPrecision, pairRecall)
	}
	if sc.cRecall < conflictRecall || sc.cPrecision < conflictPrecision {
		t.Errorf("conflict recall %.2f precision %.2f below %.2f / %.2f", sc.cRecall, sc.cPrecision, conflictRecall, conflictPrecision)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// provenanceScores are the figures of the stance links between documents
// that the labels record: a source's revision of its own figure (revises),
// wording one document took from an earlier one (repeats), and a party's
// denial (disputes).
type provenanceScores struct {
	// Revisions: labelled (source, first document, revising document);
	// found when a computed "revises" link runs from a claim of the
	// revising document to one of the first, either claim spoken by the
	// source. Reported and right count the distinct document pairs the
	// computed "revises" links join, and those the labels list.
	revLabelled, revFound, revReported, revRight int
	// Repeats: labelled (first document, repeating document) pairs; found
	// when a computed "repeats" link runs from a claim of the repeating
	// document to one of the first. Reported and right as for revisions.
	repLabelled, repFound, repReported, repRight int
	// Disputes: labelled (document, party) denials; found when a computed
	// "disputes" link joins a claim of that document, spoken by the party,
	// to a claim another party speaks (in that document or another).
	disLabelled, disFound int
}

func (p provenanceScores) String() string {
	return fmt.Sprintf("revisions labelled=%d found=%d (reported pairs=%d right=%d); repeats labelled=%d found=%d (reported pairs=%d right=%d); disputes labelled=%d found=%d",
		p.revLabelled, p.revFound, p.revReported, p.revRight, p.repLabelled, p.repFound, p.repReported, p.repRight, p.disLabelled, p.disFound)
}

// atLeast fails the test when a stance count is below its floor: the
// labelled revisions, repeats and disputes found (cross-referencing round
// 21: floors one under each count of its end on the diagnostic sets, a
// count of one kept, so that none regresses silently).
func (p provenanceScores) atLeast(t *testing.T, revisions, repeats, disputes int) {
	t.Helper()
	if p.revFound < revisions || p.repFound < repeats || p.disFound < disputes {
		t.Errorf("stance and provenance: revisions found %d, repeats found %d, disputes found %d; floors %d / %d / %d",
			p.revFound, p.repFound, p.disFound, revisions, repeats, disputes)
	}
}

// scoreProvenance compares the computed links between the claims of the
// ingested documents with the revisions, repeats and disputes the labels
// record.
func scoreProvenance(t *testing.T, in *ingested, events []heldoutEvent, logf func(string, ...any)) provenanceScores {
	t.Helper()
	ids := make([]uuid.UUID, 0, len(in.claims))
	for id := range in.claims {
		ids = append(ids, id)
	}
	sortIDs(ids)
	per, err := in.st.ClaimLinksMany(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	type docPair struct{ from, to string }
	type linkEnds struct {
		from, to graph.Claim
	}
	byRel := map[string][]linkEnds{}
	seen := map[uuid.UUID]bool{}
	for _, id := range ids {
		for _, l := range per[id] {
			if seen[l.ID] || l.Origin != "computed" {
				continue
			}
			seen[l.ID] = true
			f, okf := in.claims[l.From]
			to, okt := in.claims[l.To]
			if !okf || !okt {
				continue
			}
			byRel[l.Relation] = append(byRel[l.Relation], linkEnds{f, to})
		}
	}
	file := func(c graph.Claim) string { return in.file[c.DocumentID] }
	pairs := func(rel string) map[docPair]bool {
		out := map[docPair]bool{}
		for _, l := range byRel[rel] {
			out[docPair{file(l.from), file(l.to)}] = true
		}
		return out
	}
	var p provenanceScores
	revLabelled := map[docPair]bool{}
	repLabelled := map[docPair]bool{}
	for _, e := range events {
		for _, r := range e.Revisions {
			p.revLabelled++
			revLabelled[docPair{r.RevisedIn, r.First}] = true
			ok := false
			for _, l := range byRel[graph.RelRevises] {
				if file(l.from) == r.RevisedIn && file(l.to) == r.First &&
					(namesMatch(r.Source, l.from.Speaker.Name) || namesMatch(r.Source, l.to.Speaker.Name)) {
					ok = true
					break
				}
			}
			if ok {
				p.revFound++
			} else {
				logf("%s: revision by %s (%s -> %s) not found", e.Key, r.Source, r.First, r.RevisedIn)
			}
		}
		for _, r := range e.Repeats {
			for _, d := range r.RepeatedIn {
				if repLabelled[docPair{d, r.First}] {
					continue // one phrase or more, one pair
				}
				p.repLabelled++
				repLabelled[docPair{d, r.First}] = true
				if pairs(graph.RelRepeats)[docPair{d, r.First}] {
					p.repFound++
				} else {
					logf("%s: repeat of %s in %s not found", e.Key, r.First, d)
				}
			}
		}
		for _, d := range e.Disputes {
			if d.Document == "" {
				continue
			}
			p.disLabelled++
			ok := false
			for _, l := range byRel[graph.RelDisputes] {
				for _, end := range [][2]graph.Claim{{l.from, l.to}, {l.to, l.from}} {
					if file(end[0]) == d.Document && namesMatch(d.By, end[0].Speaker.Name) && !namesMatch(d.By, end[1].Speaker.Name) {
						ok = true
					}
				}
			}
			if ok {
				p.disFound++
			} else {
				logf("%s: dispute by %s in %s not found", e.Key, d.By, d.Document)
			}
		}
	}
	// The document pairs the computed links of a relation join, in order,
	// and those of them the labels list.
	reported := func(rel string, labelled map[docPair]bool) (n, right int) {
		var prs []docPair
		for pr := range pairs(rel) {
			prs = append(prs, pr)
		}
		sort.Slice(prs, func(i, j int) bool {
			return prs[i].from < prs[j].from || prs[i].from == prs[j].from && prs[i].to < prs[j].to
		})
		for _, pr := range prs {
			n++
			if labelled[pr] {
				right++
			} else {
				logf("%s %s -> %s: not labelled", rel, pr.from, pr.to)
			}
		}
		return n, right
	}
	p.revReported, p.revRight = reported(graph.RelRevises, revLabelled)
	p.repReported, p.repRight = reported(graph.RelRepeats, repLabelled)
	return p
}

// unitless drops the unit a conflict's attribute names in brackets:
// "vehicles (buses)" is "vehicles".
func unitless(attr string) string {
	if i := strings.Index(attr, " ("); i > 0 && strings.HasSuffix(attr, ")") {
		return attr[:i]
	}
	return attr
}
