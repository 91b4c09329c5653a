package xref

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// LinkAuthor is the author of computed links.
const LinkAuthor = "xref"

// LinkID is the deterministic id of a link: UUID v5 of from, to and relation.
func LinkID(from, to uuid.UUID, relation string) uuid.UUID {
	return uuid.NewSHA1(graph.Namespace, []byte("link:"+from.String()+":"+to.String()+":"+relation))
}

// linker accumulates links, one per (from, to, relation).
type linker struct {
	links map[uuid.UUID]graph.Link
	now   time.Time
	// earlier caches earlierFigures by account, for the accounts of one
	// computation (one version of their claims).
	earlier map[uuid.UUID]map[int]earlierFigure
}

// earlierOf is earlierFigures(a, claims), computed once per account.
func (l *linker) earlierOf(a graph.Account, claims map[uuid.UUID]graph.Claim) map[int]earlierFigure {
	if len(a.Values) < 2 {
		return nil
	}
	if ef, ok := l.earlier[a.ID]; ok {
		return ef
	}
	ef := earlierFigures(a, claims)
	if l.earlier == nil {
		l.earlier = map[uuid.UUID]map[int]earlierFigure{}
	}
	l.earlier[a.ID] = ef
	return ef
}

func (l *linker) add(from, to uuid.UUID, rel, attr, reason string, score float64) {
	if from == to || from == uuid.Nil || to == uuid.Nil {
		return
	}
	id := LinkID(from, to, rel)
	if old, ok := l.links[id]; ok {
		// One link per (from, to, relation): its reasons gather every
		// attribute compared; it keeps the strongest score and the
		// attribute that gave it.
		if !strings.Contains(old.Reason, reason) {
			parts := append(strings.Split(old.Reason, "; "), reason)
			sort.Strings(parts)
			old.Reason = strings.Join(parts, "; ")
		}
		if score > old.Score || score == old.Score && attr < old.Attribute {
			old.Score, old.Attribute = score, attr
		}
		l.links[id] = old
		return
	}
	l.links[id] = graph.Link{ID: id, From: from, To: to, Relation: rel, Origin: "computed", Author: LinkAuthor,
		Reason: reason, Score: score, CreatedAt: l.now, Attribute: attr}
}

func (l *linker) list() []graph.Link {
	out := make([]graph.Link, 0, len(l.links))
	for _, k := range l.links {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return idLess(out[i].ID, out[j].ID) })
	return out
}

// after reports whether account a's document comes after b's: by
// publication date, then (same date or undated) by document id, so that
// every pair has one direction.
func after(a, b graph.Account) bool {
	return laterDoc(pubOf(a), a.DocumentID, pubOf(b), b.DocumentID)
}

// laterDoc orders documents: by date, an undated document before a dated
// one (nothing shows it is later), then by id.
func laterDoc(pa string, da uuid.UUID, pb string, db uuid.UUID) bool {
	if pa != pb {
		if pa == "" || pb == "" {
			return pb == ""
		}
		return pa > pb
	}
	return da.String() > db.String()
}

func speakerName(a graph.Account) string {
	if a.Speaker.Name != "" {
		return a.Speaker.Name
	}
	return "an unnamed source"
}

// Links computes stance links between the claims of one event's accounts.
// From is the later document's claim (the one that corroborates, disputes,
// revises or repeats), To the earlier; a denial disputes the assertion it
// denies whatever their order.
//
//   - revises: the same speaker gives a new figure for an attribute in a
//     later document (see Conflicts for "later");
//   - disputes: two speakers give incompatible figures, blame different
//     parties, or one denies the responsibility the other asserts, the
//     event the other tells, or part of it while admitting its own side's
//     act (partialDenialLink);
//   - corroborates: two speakers give compatible figures or blame the same
//     party (Score is lower when they are in the same independence group);
//   - repeats: a later claim reuses an earlier claim's wording (see
//     Reuse), a derivation candidate.
//
// Link ids are LinkID(from, to, relation); CreatedAt is now.
func Links(accounts []graph.Account, claims map[uuid.UUID]graph.Claim, w *World, now time.Time) []graph.Link {
	l := &linker{links: map[uuid.UUID]graph.Link{}, now: now}
	accs := append([]graph.Account(nil), accounts...)
	sort.Slice(accs, func(i, j int) bool { return idLess(accs[i].ID, accs[j].ID) })
	for i := range accs {
		for j := range accs {
			if i < j {
				stanceLinks(l, accs[i], accs[j], claims, w)
			}
		}
		selfRevisions(l, accs[i], accs, claims, w)
		crossRevisions(l, accs[i], accs, claims, w)
	}
	var cs []graph.Claim
	pub := map[uuid.UUID]string{}
	for _, a := range accs {
		for _, id := range a.Claims {
			if c, ok := claims[id]; ok && !c.Deprecated {
				cs = append(cs, c)
				pub[c.DocumentID] = pubOf(a)
			}
		}
	}
	reuseLinks(l, cs, cs, pub)
	return l.list()
}

func stanceLinks(l *linker, a, b graph.Account, claims map[uuid.UUID]graph.Claim, w *World) {
	if !counted(a, claims) || !counted(b, claims) || a.DocumentID == b.DocumentID && a.Speaker.ID == b.Speaker.ID {
		return
	}
	later, earlier := a, b
	if after(b, a) {
		later, earlier = b, a
	}
	// One source in two documents (sameSource), or one speaker: its
	// figures revise each other (crossRevisions), they neither
	// corroborate nor dispute.
	sameSpeaker := a.Speaker.ID == b.Speaker.ID && a.Speaker.ID != uuid.Nil ||
		a.DocumentID != b.DocumentID && sameSource(a, b, w)
	independent := w.Root(a.Speaker.ID) != w.Root(b.Speaker.ID)
	// Figures, unless one account is a denial (its figures are the
	// allegation's, repeated).
	if a.Polarity != graph.Denied && b.Polarity != graph.Denied {
		splits := civilianSplits(a, b)
		// A figure its speaker gives as its own earlier count, replaced in
		// the same account, is no longer asserted: it neither corroborates
		// nor disputes another speaker's.
		oldL, oldE := l.earlierOf(later, claims), l.earlierOf(earlier, claims)
		for il, vl := range later.Values {
			for ie, ve := range earlier.Values {
				key := civilianKey(later, vl, splits)
				if vl.Attribute == "" || key != civilianKey(earlier, ve, splits) || unnamedCount(key) {
					continue
				}
				if _, old := oldL[il]; old && !sameSpeaker {
					continue
				}
				if _, old := oldE[ie]; old && !sameSpeaker {
					continue
				}
				from := claimsFor(later, vl.Span, claims)
				to := claimsFor(earlier, ve.Span, claims)
				if len(from) == 0 || len(to) == 0 {
					continue
				}
				vl, ve := asCounted(later, vl, claims), asCounted(earlier, ve, claims)
				switch {
				case sameSpeaker:
				case Compatible(vl, ve):
					score := 0.8
					why := ""
					if !independent {
						score, why = 0.4, " (same independence group)"
					}
					l.add(from[0], to[0], graph.RelCorroborates, key,
						fmt.Sprintf("%s %s is compatible with %s's %s%s", key, figureText(vl), speakerName(earlier), figureText(ve), why), score)
				default:
					l.add(from[0], to[0], graph.RelDisputes, key,
						fmt.Sprintf("%s %s cannot be reconciled with %s's %s", key, figureText(vl), speakerName(earlier), figureText(ve)), 0.8)
				}
			}
		}
	}
	if !sameSpeaker && independent {
		denialLink(l, a, b, claims, w)
		partialDenialLink(l, a, b, claims, w)
		partialDenialLink(l, b, a, claims, w)
	}
	if !sameSpeaker {
		clearedLinks(l, a, b, claims, w)
	}
	// Responsibility. A denied account's attribution keeps its own
	// polarity: the party it clears is denied, the party it blames instead
	// ("fabricated by the White Helmets", "attributed the attack to
	// Jabhat al-Nusra") is blamed.
	pa, pb := a.Perpetrator, b.Perpetrator
	if pa == nil || pb == nil || sameSpeaker || !identifying(pa, w) || !identifying(pb, w) {
		return
	}
	pola, polb := polarityOf(pa.Polarity), polarityOf(pb.Polarity)
	ra, rb := w.Root(pa.Entity.ID), w.Root(pb.Entity.ID)
	fa, fb := claimsFor(a, pa.Span, claims), claimsFor(b, pb.Span, claims)
	if len(fa) == 0 || len(fb) == 0 {
		return
	}
	switch {
	case ra == rb && pola != polb:
		denier, asserter, dc, ac := a, b, fa, fb
		if polb == graph.Denied {
			denier, asserter, dc, ac = b, a, fb, fa
		}
		l.add(dc[0], ac[0], graph.RelDisputes, AttrPerpetrator,
			fmt.Sprintf("%s denies the responsibility of %s that %s asserts", speakerName(denier), pa.Entity.Name, speakerName(asserter)), 0.9)
	case ra == rb && pola == graph.Affirmed:
		from, to := fa, fb
		if later.ID == b.ID {
			from, to = fb, fa
		}
		score, why := 0.8, ""
		if !independent {
			score, why = 0.4, " (same independence group)"
		}
		l.add(from[0], to[0], graph.RelCorroborates, AttrPerpetrator,
			fmt.Sprintf("both hold %s responsible%s", pa.Entity.Name, why), score)
	case ra != rb && pola == graph.Affirmed && polb == graph.Affirmed:
		from, to, pf, pt := fa, fb, pa, pb
		if later.ID == b.ID {
			from, to, pf, pt = fb, fa, pb, pa
		}
		l.add(from[0], to[0], graph.RelDisputes, AttrPerpetrator,
			fmt.Sprintf("blames %s where the other blames %s", pf.Entity.Name, pt.Entity.Name), 0.7)
	}
}

// AttrEvent is the attribute of a link between a denial of the event and
// an account that tells it.
const AttrEvent = "event"

// denialLink adds a disputes link from an account that denies the event as
// others tell it (the account is denied, naming no party it clears: "the
// neighbourhood was never besieged", "the reports are fake news produced
// by the White Helmets") to an affirmed account of the event by another
// independence group, unless both blame the same party. A denial naming
// the party it clears disputes only the accounts that blame that party
// (the responsibility links). An independent outlet's negative report in
// its own voice is no denial (reportsAbsence).
func denialLink(l *linker, a, b graph.Account, claims map[uuid.UUID]graph.Claim, w *World) {
	if (a.Polarity == graph.Denied) == (b.Polarity == graph.Denied) {
		return
	}
	d, s := a, b
	if b.Polarity == graph.Denied {
		d, s = b, a
	}
	if d.Perpetrator != nil && identifying(d.Perpetrator, w) && d.Perpetrator.Polarity == graph.Denied {
		return
	}
	if reportsAbsence(d, w) {
		return
	}
	if s.Perpetrator != nil && identifying(s.Perpetrator, w) && polarityOf(s.Perpetrator.Polarity) == graph.Affirmed &&
		d.Perpetrator != nil && identifying(d.Perpetrator, w) && w.Root(d.Perpetrator.Entity.ID) == w.Root(s.Perpetrator.Entity.ID) {
		return
	}
	var dc []uuid.UUID
	for _, id := range d.Claims {
		if c, ok := claims[id]; ok && !c.Deprecated && c.Polarity == graph.Denied {
			dc = append(dc, id)
		}
	}
	if len(dc) == 0 {
		dc = claimsFor(d, graph.Span{}, claims)
	}
	var sc []uuid.UUID
	switch {
	case s.Perpetrator != nil && identifying(s.Perpetrator, w) && polarityOf(s.Perpetrator.Polarity) == graph.Affirmed:
		sc = claimsFor(s, s.Perpetrator.Span, claims)
	case s.TypeSpan != nil:
		sc = claimsFor(s, *s.TypeSpan, claims)
	default:
		sc = claimsFor(s, graph.Span{}, claims)
	}
	if len(dc) == 0 || len(sc) == 0 {
		return
	}
	l.add(dc[0], sc[0], graph.RelDisputes, AttrEvent,
		fmt.Sprintf("%s denies the %s that %s reports", speakerName(d), d.Type, speakerName(s)), 0.8)
}

// partialDenialLink adds a disputes link from the denial an account
// admitting its own side's act makes within it (the account is affirmed,
// its perpetrator the speaker's own side, and one of its claims is
// negative: "the army confirmed the strike ... No market was struck", "it
// acknowledged that its aircraft struck the site, but disputes that a
// mosque was hit") to the account of another independence group that
// gives the event's figures, which that denial contests (the victims, the
// target). A negative claim of a source that names no side of its own as
// the perpetrator ("the ICRC is not in a position to say who carried out
// the strike", "no group has claimed it") denies nothing another says.
func partialDenialLink(l *linker, d, s graph.Account, claims map[uuid.UUID]graph.Claim, w *World) {
	if d.Polarity == graph.Denied || s.Polarity == graph.Denied || len(s.Values) == 0 ||
		d.Perpetrator == nil || !identifying(d.Perpetrator, w) || polarityOf(d.Perpetrator.Polarity) != graph.Affirmed ||
		d.Speaker.ID == uuid.Nil || w.Root(d.Perpetrator.Entity.ID) != w.Root(d.Speaker.ID) {
		return
	}
	var dc uuid.UUID
	for _, id := range d.Claims {
		if c, ok := claims[id]; ok && !c.Deprecated && c.Polarity == graph.Denied && c.Kind != graph.ClaimMetadata {
			dc = id
			break
		}
	}
	if dc == uuid.Nil {
		return
	}
	sc := claimsFor(s, s.Values[0].Span, claims)
	if len(sc) == 0 {
		return
	}
	l.add(dc, sc[0], graph.RelDisputes, AttrEvent,
		fmt.Sprintf("%s, admitting the %s, denies part of what %s reports", speakerName(d), d.Type, speakerName(s)), 0.6)
}

// reportsAbsence reports whether a negative account is an independent
// outlet's own report of what has not happened yet ("No group has
// claimed responsibility for the attack", "The military has not commented
// on the attack"): an outlet that answers to no party denies nothing in
// its own voice; state media (an outlet affiliated to a government) do.
func reportsAbsence(d graph.Account, w *World) bool {
	e, ok := w.Entity(d.Speaker.ID)
	return ok && e.Kind == graph.KindOutlet && e.Affiliation == nil
}

// parties returns the parties an account names as carrying out the event,
// the first named and the others, that name a party (identifying).
func parties(a graph.Account, w *World) []graph.Attribution {
	var out []graph.Attribution
	if a.Perpetrator != nil && identifying(a.Perpetrator, w) {
		out = append(out, *a.Perpetrator)
	}
	for i := range a.CoPerpetrators {
		if identifying(&a.CoPerpetrators[i], w) {
			out = append(out, a.CoPerpetrators[i])
		}
	}
	return out
}

// clearedLinks adds a disputes link from an account's claim clearing a
// party to another account's claim blaming it, when either names the
// party beside another ("government forces and Hezbollah broke the
// truce" and "Hezbollah denied that its fighters fired"). Two first-named
// parties are the responsibility links' own.
func clearedLinks(l *linker, a, b graph.Account, claims map[uuid.UUID]graph.Claim, w *World) {
	pa, pb := parties(a, w), parties(b, w)
	if len(pa) < 2 && len(pb) < 2 {
		return
	}
	for i, x := range pa {
		for j, y := range pb {
			if i == 0 && j == 0 && a.Perpetrator != nil && x == *a.Perpetrator && b.Perpetrator != nil && y == *b.Perpetrator {
				continue // the responsibility links'
			}
			px, py := polarityOf(x.Polarity), polarityOf(y.Polarity)
			if px == py || w.Root(x.Entity.ID) != w.Root(y.Entity.ID) {
				continue
			}
			denier, asserter, dp, ap := a, b, x, y
			if py == graph.Denied {
				denier, asserter, dp, ap = b, a, y, x
			}
			dc, ac := claimsFor(denier, dp.Span, claims), claimsFor(asserter, ap.Span, claims)
			if len(dc) == 0 || len(ac) == 0 {
				continue
			}
			l.add(dc[0], ac[0], graph.RelDisputes, AttrPerpetrator,
				fmt.Sprintf("%s denies the responsibility of %s that %s asserts", speakerName(denier), dp.Entity.Name, speakerName(asserter)), 0.9)
		}
	}
}

// earlierCount matches a claim giving its speaker's own earlier figure
// ("The Observatory had documented eight deaths yesterday evening", "its
// first count had put the toll at 17", "SOHR had published yesterday a
// toll of 18").
var earlierCount = regexp.MustCompile(`\b(had (earlier |previously |initially |first |already )?(documented|recorded|counted|reported|put|given|published|registered|announced)|(first|initial|earlier|previous) (count|toll|figure|tally))\b`)

// isEarlierCount reports whether a claim's text gives a figure as its
// speaker's earlier count (earlierCount), testing first for the words the
// pattern needs, since most claims have none of them and the pattern runs
// on every figure of every account planned.
func isEarlierCount(text string) bool {
	low := strings.ToLower(text)
	if !strings.Contains(low, "had ") && !strings.Contains(low, "count") && !strings.Contains(low, "toll") &&
		!strings.Contains(low, "figure") && !strings.Contains(low, "tally") {
		return false
	}
	return earlierCount.MatchString(low)
}

// claimCarrying returns the claim of account a that carries span s, if
// any.
func claimCarrying(a graph.Account, s graph.Span, claims map[uuid.UUID]graph.Claim) (graph.Claim, bool) {
	if s.Len() == 0 {
		return graph.Claim{}, false
	}
	for _, id := range a.Claims {
		if c, ok := claims[id]; ok && !c.Deprecated && c.Span.Contains(s) {
			return c, true
		}
	}
	return graph.Claim{}, false
}

// earlierFigure is a figure an account gives as its speaker's earlier
// count of an attribute, with the figure that replaces it.
type earlierFigure struct {
	cur    graph.Value
	cc, cv graph.Claim // the claims of the current and the earlier figure
	key    string
}

// earlierFigures returns, by index in a.Values, the figures account a
// gives as its speaker's earlier count: the figure's claim says so
// (earlierCount: "had documented", "had earlier put", "first count") and
// gives no other figure of the attribute ("which had earlier put the toll
// at 14, said three more had died, raising it to 17" gives three of
// them), and the account gives a higher figure of the attribute counting
// the same people in another claim (a toll told as risen; a lower figure
// may count other people), the current one (the highest of them).
func earlierFigures(a graph.Account, claims map[uuid.UUID]graph.Claim) map[int]earlierFigure {
	if len(a.Values) < 2 || a.Polarity == graph.Denied || a.Speaker.ID == uuid.Nil {
		return nil
	}
	var out map[int]earlierFigure
	splits := civilianSplits(a)
	for vi, v := range a.Values {
		key := civilianKey(a, v, splits)
		if v.Attribute == "" || unnamedCount(key) {
			continue
		}
		cv, ok := claimCarrying(a, v.Span, claims)
		if !ok || !isEarlierCount(cv.Text) {
			continue
		}
		alone := true
		for _, u := range a.Values {
			if u.Span != v.Span && cv.Span.Contains(u.Span) && civilianKey(a, u, splits) == key {
				alone = false
			}
		}
		if !alone {
			continue
		}
		_, vhi := Interval(v)
		var cur *graph.Value
		var cc graph.Claim
		for i, u := range a.Values {
			cu, ok := claimCarrying(a, u.Span, claims)
			if !ok || cu.ID == cv.ID || civilianKey(a, u, splits) != key || isEarlierCount(cu.Text) ||
				restates(u, v) || Compatible(u, v) || !sameWho(u, v) {
				continue
			}
			if ulo, _ := Interval(u); ulo <= vhi {
				continue
			}
			if cur != nil {
				clo, chi := Interval(*cur)
				ulo, uhi := Interval(u)
				if uhi < chi || uhi == chi && ulo <= clo {
					continue
				}
			}
			cur, cc = &a.Values[i], cu
		}
		if cur == nil {
			continue
		}
		if out == nil {
			out = map[int]earlierFigure{}
		}
		out[vi] = earlierFigure{cur: *cur, cc: cc, cv: cv, key: key}
	}
	return out
}

// selfRevisions adds the revision a speaker tells within one account: a
// revises link from the claim of its current figure to the claim giving
// its earlier one for the same attribute ("The Observatory had documented
// eight deaths yesterday evening" beside "... raising the toll to 11";
// earlierFigures), when no earlier document of the speaker among accs
// gives that earlier figure (then the revision runs between the two
// documents).
func selfRevisions(l *linker, a graph.Account, accs []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) {
	if !counted(a, claims) {
		return
	}
	ef := l.earlierOf(a, claims)
	for vi := range a.Values {
		e, ok := ef[vi]
		if !ok {
			continue
		}
		v := a.Values[vi]
		given := false
		for _, b := range accs {
			if b.DocumentID == a.DocumentID || !sameSource(a, b, w) || !after(a, b) {
				continue
			}
			for _, w := range b.Values {
				given = given || AttrKey(w) == AttrKey(v) && restates(w, v)
			}
		}
		if given {
			continue
		}
		l.add(e.cc.ID, e.cv.ID, graph.RelRevises, e.key,
			fmt.Sprintf("%s gives %s %s, revising its earlier %s in the same document", speakerName(a), e.key, figureText(e.cur), figureText(v)), 0.9)
	}
}

// crossRevisions adds the revisions account a makes, as the later
// document, of the figures its source (sameSource) gave in earlier
// documents among accs: a revises link from the claim of a's figure to
// the claim of the earlier one it does not restate. A figure an earlier
// document of the source already gave (not as its own earlier count),
// no earlier than the revised one, revises nothing here: that document
// made the revision, and a later one repeats it ("at least 20", then
// "at least 26" in the source's report, then "at least 26" on the
// radio: one revision, from the report).
func crossRevisions(l *linker, a graph.Account, accs []graph.Account, claims map[uuid.UUID]graph.Claim, w *World) {
	if a.Polarity == graph.Denied || !counted(a, claims) || a.Speaker.ID == uuid.Nil {
		return
	}
	var src []graph.Account // the source's accounts in documents before a's
	for _, b := range accs {
		if b.DocumentID != a.DocumentID && b.Polarity != graph.Denied && after(a, b) && counted(b, claims) && sameSource(a, b, w) {
			src = append(src, b)
		}
	}
	// given reports whether an account of src no earlier than b gives
	// figure v of key k as a current figure.
	given := func(b graph.Account, k string, v graph.Value) bool {
		for _, c := range src {
			if c.DocumentID != b.DocumentID && after(b, c) {
				continue
			}
			old := l.earlierOf(c, claims)
			splits := civilianSplits(a, c)
			for i, u := range c.Values {
				if _, isOld := old[i]; !isOld && u.Attribute != "" && civilianKey(c, u, splits) == k && restates(u, v) {
					return true
				}
			}
		}
		return false
	}
	for _, b := range src {
		splits := civilianSplits(a, b)
		for _, vl := range a.Values {
			key := civilianKey(a, vl, splits)
			if vl.Attribute == "" || unnamedCount(key) {
				continue
			}
			for _, ve := range b.Values {
				if ve.Attribute == "" || key != civilianKey(b, ve, splits) || restates(ve, vl) || given(b, key, vl) {
					continue
				}
				from := claimsFor(a, vl.Span, claims)
				to := claimsFor(b, ve.Span, claims)
				if len(from) == 0 || len(to) == 0 {
					continue
				}
				l.add(from[0], to[0], graph.RelRevises, key,
					fmt.Sprintf("%s gives %s %s, revising its earlier %s", speakerName(a), key, figureText(vl), figureText(ve)), 0.9)
			}
		}
	}
}

// Text reuse.

// ReuseMinRun is the least number of consecutive words two claims must
// share, with at least ReuseMinContent of them content words, to count
// as reuse. Names, dates and figures (the claim's mentions, dates and
// values) never count: two claims naming "the Government of the Syrian
// Arab Republic" share a name, not wording. A name written alike in both
// may stand inside a run ("staged by militants of Hay'at Tahrir al-Sham
// together with the White Helmets" is one run of seven words), a date or
// a figure may not.
const (
	ReuseMinRun     = 5
	ReuseMinContent = 2
)

var stopwords = map[string]bool{}

// placeWords locate a place ("in the northern countryside of", "a
// neighbourhood of the town of"): with the place's name they name where
// it is, and two reports locating one place alike share a name, not
// wording. They are not content words.
var placeWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of in on at to by for from with and or but that this these those
		is was were are be been being has have had it its as into than then so not no which who whom whose
		their there they them he she his her we our you your i my me after before over under about also`) {
		stopwords[w] = true
	}
	for _, w := range strings.Fields(`countryside countrysides outskirts suburbs town towns city village villages
		province governorate district neighbourhood neighborhood area region
		northern southern eastern western central north south east west`) {
		placeWords[w] = true
	}
}

// nameMark starts the one word wordsOf gives for a name: the mark and the
// name's words, lower-cased, joined by spaces.
const nameMark = "\x00"

// wordsOf returns the claim's lower-cased words, with the words inside its
// dates and values replaced by "" (which never match) and those of each
// of its mentions by one word, nameMark and the name as written.
func wordsOf(c graph.Claim) []string {
	rs := []rune(c.Text)
	// mask: 0 a word of the text, -1 a date or a figure, m+1 mention m.
	mask := make([]int, len(rs))
	cover := func(s graph.Span, v int) {
		for i := s.Start - c.Span.Start; i < s.End-c.Span.Start; i++ {
			if i >= 0 && i < len(mask) && mask[i] >= 0 {
				mask[i] = v
			}
		}
	}
	for i, m := range c.Mentions {
		cover(m.Span, i+1)
	}
	for _, d := range c.Dates {
		cover(d.Span, -1)
	}
	for _, v := range c.Values {
		cover(v.Span, -1)
	}
	var out []string
	var cur []rune
	kind, last := 0, 0 // the word's mask; the mention the last word was in
	flush := func() {
		if len(cur) > 0 {
			switch {
			case kind < 0:
				out, last = append(out, ""), 0
			case kind > 0 && kind == last:
				out[len(out)-1] += " " + string(cur)
			case kind > 0:
				out, last = append(out, nameMark+string(cur)), kind
			default:
				out, last = append(out, string(cur)), 0
			}
		}
		cur, kind = cur[:0], 0
	}
	for i, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
			cur = append(cur, unicode.ToLower(r))
			if mask[i] < 0 || kind == 0 {
				kind = mask[i]
			}
			continue
		}
		flush()
	}
	flush()
	return out
}

// Reuse returns the longest run of words two claims share (names, dates
// and figures excluded) and its share of the shorter claim; ok when the run
// has at least ReuseMinRun words, ReuseMinContent of them content words.
func Reuse(a, b graph.Claim) (run string, share float64, ok bool) {
	return reuseWords(wordsOf(a), wordsOf(b))
}

// claimWords keeps wordsOf of claims by id, for the claims of one
// version of the graph (a claim's id names one text, mentions, dates and
// values there); nil keeps nothing.
type claimWords map[uuid.UUID][]string

func (m claimWords) of(c graph.Claim) []string {
	if m == nil {
		return wordsOf(c)
	}
	ws, ok := m[c.ID]
	if !ok {
		ws = wordsOf(c)
		m[c.ID] = ws
	}
	return ws
}

// reuseWords is Reuse over the claims' words (wordsOf): the run with the
// most words shared in a row, a name counting as none.
func reuseWords(wa, wb []string) (run string, share float64, ok bool) {
	if len(wa) == 0 || len(wb) == 0 {
		return "", 0, false
	}
	best, bestLen, end := 0, 0, 0
	prev := make([]int, len(wb)+1) // words of the run ending here
	cur := make([]int, len(wb)+1)
	prevLen := make([]int, len(wb)+1) // its length, names included
	curLen := make([]int, len(wb)+1)
	for i := 1; i <= len(wa); i++ {
		for j := 1; j <= len(wb); j++ {
			if wa[i-1] != "" && wa[i-1] == wb[j-1] {
				w := 1
				if strings.HasPrefix(wa[i-1], nameMark) {
					w = 0
				}
				cur[j], curLen[j] = prev[j-1]+w, prevLen[j-1]+1
				if cur[j] > best || cur[j] == best && best > 0 && curLen[j] > bestLen {
					best, bestLen, end = cur[j], curLen[j], i
				}
			} else {
				cur[j], curLen[j] = 0, 0
			}
		}
		prev, cur = cur, prev
		prevLen, curLen = curLen, prevLen
	}
	words := make([]string, 0, bestLen)
	content := 0
	for _, w := range wa[end-bestLen : end] {
		if name, ok := strings.CutPrefix(w, nameMark); ok {
			words = append(words, name)
			continue
		}
		words = append(words, w)
		if !stopwords[w] && !placeWords[w] {
			content++
		}
	}
	shorter := min(len(wa), len(wb))
	share = float64(best) / float64(shorter)
	return strings.Join(words, " "), share, best >= ReuseMinRun && content >= ReuseMinContent
}

// quotedPhrase matches a phrase a claim sets in quotation marks.
var quotedPhrase = regexp.MustCompile(`["“]([^"“”]{8,120})["”]`)

// QuotedMinContent is the least number of content words a phrase set in
// quotation marks must have to count as reuse when shorter than
// ReuseMinRun words.
const QuotedMinContent = 3

// quotedReuse reports whether claim c sets in quotation marks a phrase of
// at least QuotedMinContent content words, and no figure or date of its
// own (Values, Dates) nor digit, that claim e
// gives word for word: a later report quoting an earlier one's wording
// ('hit "Chadian opposition gangs"', 'called the raid a "legitimate
// military action"') repeats it, however short the phrase.
func quotedReuse(c, e graph.Claim) (run string, share float64, ok bool) {
	if !strings.ContainsAny(c.Text, "\"“") {
		return "", 0, false
	}
	var ew []string // e's words, once a phrase needs them
	for _, m := range quotedPhrase.FindAllStringSubmatchIndex(c.Text, -1) {
		if quotesFigure(c, m[2], m[3]) {
			continue
		}
		qw := plainWords(c.Text[m[2]:m[3]])
		content := 0
		for _, w := range qw {
			if strings.ContainsAny(w, "0123456789") {
				content = -len(qw)
				break
			}
			if !stopwords[w] && !placeWords[w] {
				content++
			}
		}
		if content < QuotedMinContent {
			continue
		}
		if ew == nil {
			ew = plainWords(e.Text)
		}
		if !containsRun(ew, qw) {
			continue
		}
		shorter := min(len(plainWords(c.Text)), len(ew))
		return strings.Join(qw, " "), float64(len(qw)) / float64(max(shorter, 1)), true
	}
	return "", 0, false
}

// quotesFigure reports whether the bytes [i, j) of claim c's text hold
// one of its figures or dates.
func quotesFigure(c graph.Claim, i, j int) bool {
	lo := c.Span.Start + len([]rune(c.Text[:i]))
	hi := c.Span.Start + len([]rune(c.Text[:j]))
	for _, v := range c.Values {
		if v.Span.Start < hi && v.Span.End > lo {
			return true
		}
	}
	for _, d := range c.Dates {
		if d.Span.Start < hi && d.Span.End > lo {
			return true
		}
	}
	return false
}

// negating reports whether a phrase holds a word of negation.
func negating(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		switch w {
		case "not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without":
			return true
		}
		if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// plainWords returns a text's lower-cased words.
func plainWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
}

// containsRun reports whether words holds run, in a row.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		match := true
		for j := range run {
			if words[i+j] != run[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// laterClaim reports whether claim c's document comes after e's: by
// laterDoc, except that on one date a document reporting a source's words
// ("the Observatory said") comes after the source's own document giving
// them: it took them from there.
func laterClaim(c, e graph.Claim, published map[uuid.UUID]string) bool {
	pc, pe := published[c.DocumentID], published[e.DocumentID]
	if pc == pe && c.Reported != e.Reported && c.Speaker.ID == e.Speaker.ID && c.Speaker.ID != uuid.Nil {
		return c.Reported
	}
	return laterDoc(pc, c.DocumentID, pe, e.DocumentID)
}

// reuseLinks adds a repeats link from each claim in later to each claim in
// earlier of another, earlier document that it reuses wording from (a
// claim of the same polarity: a denial quoting the allegation's words
// disputes it, it does not repeat it; or an affirmed claim quoting, in
// quotation marks, words of an earlier denial that deny nothing).
func reuseLinks(l *linker, later, earlier []graph.Claim, published map[uuid.UUID]string) {
	reuseLinksWith(l, later, earlier, published, nil)
}

// reuseLinksWith is reuseLinks taking the claims' words from words.
func reuseLinksWith(l *linker, later, earlier []graph.Claim, published map[uuid.UUID]string, words claimWords) {
	for _, c := range later {
		if c.Kind == graph.ClaimMetadata {
			continue
		}
		for _, e := range earlier {
			if e.DocumentID == c.DocumentID || e.Kind == graph.ClaimMetadata {
				continue
			}
			if !laterClaim(c, e, published) {
				continue
			}
			var run string
			var share float64
			var ok bool
			switch {
			case polarityOf(c.Polarity) == polarityOf(e.Polarity):
				run, share, ok = reuseWords(words.of(c), words.of(e))
				if !ok {
					run, share, ok = quotedReuse(c, e)
				}
			case polarityOf(c.Polarity) == graph.Affirmed:
				// A later report quoting, in quotation marks, words of an
				// earlier denial that deny nothing themselves ("they are
				// not victims: they are combatants recruited to wage war",
				// then 'repeated that they were "combatants recruited to
				// wage war"') repeats the denier's wording. A denial
				// quoting an allegation disputes it instead.
				run, share, ok = quotedReuse(c, e)
				ok = ok && !negating(run)
			}
			if !ok {
				continue
			}
			l.add(c.ID, e.ID, graph.RelRepeats, "",
				fmt.Sprintf("reuses the wording %q of an earlier document", run), float64(int(share*1000+0.5))/1000)
		}
	}
}
