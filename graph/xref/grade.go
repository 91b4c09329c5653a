package xref

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Group returns the independence group of a source: the root of its
// affiliation chain (state television, a government source and the
// foreign ministry are one group). An unknown entity is its own group.
func Group(speaker uuid.UUID, w *World) uuid.UUID { return w.Root(speaker) }

// credible reports whether an account counts as a credible source: not
// deprecated by an analyst, its speaker not graded unreliable (E, F) and
// its claims not graded improbable (5, 6).
func credible(a graph.Account, claims map[uuid.UUID]graph.Claim, w *World) bool {
	if !counted(a, claims) {
		return false
	}
	if e, ok := w.Entity(a.Speaker.ID); ok && (e.Reliability == "E" || e.Reliability == "F") {
		return false
	}
	low := 0
	for _, id := range a.Claims {
		if c, ok := claims[id]; ok && c.Credibility >= 5 {
			low++
		}
	}
	return low == 0 || low < len(a.Claims)
}

// Allegation is one party held responsible for an event, with its grade.
type Allegation struct {
	Perpetrator graph.EntityRef `json:"perpetrator"`
	// Asserting and Denying are the independence groups (affiliation
	// roots) that assert and deny the party's responsibility.
	Asserting []uuid.UUID `json:"asserting"`
	Denying   []uuid.UUID `json:"denying"`
	Accounts  []uuid.UUID `json:"accounts"`
	Grade     graph.Grade `json:"grade"`
}

// belligerentTypes are event types that are themselves an armed party's
// action (a strike, shelling, a bombing campaign).
var belligerentTypes = map[graph.EventType]bool{
	graph.EventAirstrike: true, graph.EventShelling: true, graph.EventBombingCampaign: true,
	graph.EventProhibitedArms: true, graph.EventAttack: true, graph.EventMassacre: true,
	graph.EventSiege: true, graph.EventCapture: true,
}

func groupName(id uuid.UUID, w *World) string {
	if n := w.Name(id); n != "" {
		return n
	}
	return id.String()
}

func groupNames(ids []uuid.UUID, w *World) string {
	var ns []string
	for _, id := range ids {
		ns = append(ns, groupName(id, w))
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// Allegations grades each party an event's accounts hold responsible, on
// the Airwars scale:
//
//   - confirmed: the party itself (a source in its independence group)
//     accepts responsibility;
//   - discounted: the party denies, and independent groups naming another
//     party outnumber the groups asserting this one;
//   - contested: the party denies, or other groups blame another party;
//   - fair: two or more independent credible groups assert it;
//   - weak: a single group asserts it.
func Allegations(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) []Allegation {
	type acc struct {
		ref                 graph.EntityRef
		assert, deny        map[uuid.UUID]bool
		accounts            []uuid.UUID
		selfAssert, hedgeAl bool
	}
	by := map[uuid.UUID]*acc{}
	var order []uuid.UUID
	for _, a := range accounts {
		p := a.Perpetrator
		if !identifying(p, w) || !credible(a, claims, w) {
			continue
		}
		root := w.Root(p.Entity.ID)
		x := by[root]
		if x == nil {
			x = &acc{ref: p.Entity, assert: map[uuid.UUID]bool{}, deny: map[uuid.UUID]bool{}}
			if e, ok := w.Entity(root); ok {
				x.ref = e.Ref()
			}
			by[root] = x
			order = append(order, root)
		}
		g := w.Root(a.Speaker.ID)
		x.accounts = appendUnique(x.accounts, a.ID)
		if polarityOf(p.Polarity) == graph.Denied || a.Polarity == graph.Denied {
			x.deny[g] = true
			continue
		}
		x.assert[g] = true
		if g == root {
			x.selfAssert = true
		}
	}
	sort.Slice(order, func(i, j int) bool { return idLess(order[i], order[j]) })
	var out []Allegation
	for _, root := range order {
		x := by[root]
		al := Allegation{Perpetrator: x.ref, Asserting: setIDs(x.assert), Denying: setIDs(x.deny), Accounts: sortedIDs(x.accounts)}
		// Groups blaming another party.
		others := map[uuid.UUID]bool{}
		for _, r2 := range order {
			if r2 == root {
				continue
			}
			for g := range by[r2].assert {
				if !x.assert[g] {
					others[g] = true
				}
			}
		}
		var reasons []string
		grade := ""
		switch {
		case x.selfAssert:
			grade = graph.GradeConfirmed
			reasons = append(reasons, x.ref.Name+" accepted responsibility")
		case len(x.deny) > 0 && len(others) > len(x.assert):
			grade = graph.GradeDiscounted
			reasons = append(reasons, fmt.Sprintf("denied by %s; %d independent group(s) name another party (%s) against %d asserting (%s)",
				groupNames(setIDs(x.deny), w), len(others), groupNames(setIDs(others), w), len(x.assert), groupNames(al.Asserting, w)))
		case len(x.deny) > 0:
			grade = graph.GradeContested
			reasons = append(reasons, "denied by "+groupNames(setIDs(x.deny), w))
		case len(others) > 0:
			grade = graph.GradeContested
			reasons = append(reasons, "other groups blame another party: "+groupNames(setIDs(others), w))
		case len(x.assert) >= 2:
			grade = graph.GradeFair
		default:
			grade = graph.GradeWeak
		}
		switch n := len(x.assert); {
		case n == 0:
			reasons = append(reasons, "no source asserts it")
		case n == 1:
			reasons = append(reasons, "asserted by one independence group only: "+groupNames(al.Asserting, w))
		default:
			reasons = append(reasons, fmt.Sprintf("asserted by %d independent groups: %s", n, groupNames(al.Asserting, w)))
		}
		al.Grade = graph.Grade{Grade: grade, Reasons: reasons, Origin: "computed"}
		out = append(out, al)
	}
	return out
}

func setIDs(m map[uuid.UUID]bool) []uuid.UUID {
	var out []uuid.UUID
	for id := range m {
		out = append(out, id)
	}
	return sortedIDs(out)
}

// Grade rates an event on the Airwars scale, with its reasons. The latest
// active grade judgement among judgements overrides the computed grade and
// says so. Otherwise:
//
//   - confirmed: a belligerent accepted responsibility;
//   - discounted: every party blamed is discounted (see Allegations);
//   - contested: competing claims of responsibility from different groups,
//     or the accused denies;
//   - fair: two or more independent credible groups give an account, and
//     belligerent action is likely (a party is blamed or the event is a
//     strike, shelling or the like);
//   - weak: a single source or a single independence group.
func Grade(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, judgements []graph.Judgement, w *World) graph.Grade {
	var latest *graph.Judgement
	for i, j := range judgements {
		if j.Kind != graph.JudgeGrade || j.RevokedAt != nil || j.Grade == "" {
			continue
		}
		if latest == nil || j.CreatedAt.After(latest.CreatedAt) || j.CreatedAt.Equal(latest.CreatedAt) && j.ID.String() > latest.ID.String() {
			latest = &judgements[i]
		}
	}
	if latest != nil {
		r := "graded by analyst " + latest.Author
		if latest.Reason != "" {
			r += ": " + latest.Reason
		}
		return graph.Grade{Grade: latest.Grade, Reasons: []string{r}, Origin: "analyst"}
	}
	als := Allegations(accounts, claims, w)
	groups := map[uuid.UUID]bool{}
	likely := false
	for _, a := range accounts {
		if !credible(a, claims, w) || a.Polarity == graph.Denied {
			continue
		}
		groups[w.Root(a.Speaker.ID)] = true
		if belligerentTypes[a.Type] {
			likely = true
		}
	}
	var reasons []string
	grade := ""
	discounted, asserted := 0, 0
	var confirmed, contested []string
	for _, al := range als {
		if len(al.Asserting) > 0 {
			asserted++
			likely = true
		}
		switch al.Grade.Grade {
		case graph.GradeConfirmed:
			confirmed = append(confirmed, al.Perpetrator.Name)
		case graph.GradeDiscounted:
			discounted++
		case graph.GradeContested:
			contested = append(contested, al.Perpetrator.Name)
		}
		reasons = append(reasons, fmt.Sprintf("%s: %s (%s)", al.Perpetrator.Name, al.Grade.Grade, strings.Join(al.Grade.Reasons, "; ")))
	}
	switch {
	case len(confirmed) > 0:
		grade = graph.GradeConfirmed
		reasons = append([]string{"responsibility accepted by " + strings.Join(confirmed, ", ")}, reasons...)
	case asserted > 0 && discounted == asserted:
		grade = graph.GradeDiscounted
		reasons = append([]string{"every party blamed is most likely not involved"}, reasons...)
	case len(contested) > 0:
		grade = graph.GradeContested
		reasons = append([]string{"responsibility contested: " + strings.Join(contested, ", ")}, reasons...)
	case len(groups) >= 2 && likely:
		grade = graph.GradeFair
		reasons = append([]string{fmt.Sprintf("%d independent groups of sources: %s", len(groups), groupNames(setIDs(groups), w))}, reasons...)
	default:
		grade = graph.GradeWeak
		reasons = append([]string{fmt.Sprintf("%d independence group(s) of sources: %s", len(groups), groupNames(setIDs(groups), w))}, reasons...)
	}
	return graph.Grade{Grade: grade, Reasons: reasons, Origin: "computed"}
}
