package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// causeCounts counts misses and false positives per cause.
type causeCounts map[string]int

func (c causeCounts) add(kind, cause string) { c[kind+": "+cause]++ }

func (c causeCounts) String() string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%4d  %s\n", c[k], k)
	}
	return b.String()
}

// diagDoc is one labelled document with its extraction, for diagnosis.
type diagDoc struct {
	g    *gazetteer.Gazetteer
	m    *labelMatcher
	ex   *graph.Extraction
	text string
	from int
	body []graph.Claim
}

// TestDiagnose classifies every miss and false positive of perpetrators,
// places and speakers on a labelled set into causes, computed from the
// extraction and the structure of the labels, and prints counts per cause
// only, never a document's words: CG_DIAG=1 diagnoses the first held-out
// set, CG_DIAG=2 the second (both are diagnostic sets now), CG_DIAG=dev the
// development set, CG_DIAG=tN the Nth training set (not the validation set, train22). A pristine held-out set is never diagnosed.
func TestDiagnose(t *testing.T) {
	which := os.Getenv("CG_DIAG")
	if which == "" {
		t.Skip("CG_DIAG not set")
	}
	var dir string
	switch which {
	case "1":
		dir = heldoutDir
	case "2":
		dir = heldout2Dir
	case "dev":
		dir = devDir
	default:
		// "t1" is the first training set, "t9" the ninth.
		n, ok := strings.CutPrefix(which, "t")
		dir = filepath.Join("testdata", "train"+n)
		if n == "1" {
			dir = trainDir
		}
		if _, err := os.Stat(filepath.Join(dir, "labels.json")); !ok || n == "" || strings.Trim(n, "0123456789") != "" || err != nil {
			t.Fatalf("CG_DIAG=%q: want 1, 2, dev or tN, the Nth training set", which)
		}
		if n == "22" {
			t.Fatal("the twenty-second training set is the validation set: scored only, never diagnosed")
		}
	}
	counts := diagnose(t, dir)
	t.Logf("causes on %s:\n%s", dir, counts)
}

// TestDiagnoseCauses checks the classifier on the development set, where
// every cause is zero or small: the diagnosis runs, and each cause it
// names has a kind and a reason.
func TestDiagnoseCauses(t *testing.T) {
	for k, n := range diagnose(t, devDir) {
		if n <= 0 || !strings.Contains(k, ": ") {
			t.Errorf("cause %q counted %d", k, n)
		}
	}
}

func diagnose(t *testing.T, dir string) causeCounts {
	b, err := os.ReadFile(filepath.Join(dir, "labels.json"))
	if err != nil {
		t.Skipf("no labels: %v", err)
	}
	var labels heldoutLabels
	if err := json.Unmarshal(b, &labels); err != nil {
		t.Fatalf("decode labels: %v", err)
	}
	docs := extractCorpus(t, dir)
	g := gazetteer.Default()
	counts := causeCounts{}
	for _, ld := range labels.Documents {
		ex := docs[ld.File]
		if ex == nil {
			continue
		}
		d := &diagDoc{g: g, m: newMatcher(g, ex), ex: ex, text: ex.Document.Text, from: ld.BodyStart}
		for _, c := range ex.Claims {
			if c.Span.Start >= ld.BodyStart && c.Kind != graph.ClaimMetadata && c.Kind != graph.ClaimRequest {
				d.body = append(d.body, c)
			}
		}
		d.perpetrators(counts, ld.Perpetrators, ld.Speakers)
		d.places(counts, ld.Places)
		d.speakers(counts, ld.Speakers, ld.Claims)
	}
	return counts
}

// before returns up to n words before code point s, lower-cased.
func (d *diagDoc) before(s, n int) []string {
	pre := []rune(d.text)[:s]
	f := strings.Fields(strings.ToLower(string(pre)))
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return f
}

// after returns the text after code point e, up to 30 code points.
func (d *diagDoc) after(e int) string {
	r := []rune(d.text)
	if e > len(r) {
		return ""
	}
	end := e + 30
	if end > len(r) {
		end = len(r)
	}
	return string(r[e:end])
}

// shape classifies a party's phrase by its construction.
func (d *diagDoc) shape(sp graph.Span, quote string) string {
	pre := d.before(sp.Start, 2)
	last := ""
	if len(pre) > 0 {
		last = strings.Trim(pre[len(pre)-1], ",\"'(")
	}
	words := strings.Fields(quote)
	first, _ := utf8.DecodeRuneInString(quote)
	aft := d.after(sp.End)
	switch {
	case last == "by":
		return "passive 'by X'"
	case strings.HasPrefix(aft, "'s") || strings.HasPrefix(aft, "’s"):
		return "possessive 'X's'"
	case last == "accused" || last == "blamed" || last == "held" || last == "of" || last == "that":
		return "object of accusation/report"
	case strings.Contains(quote, "-led") || strings.Contains(quote, "-backed"):
		return "state fused to -led/-backed"
	case len(words) >= 2 && unicode.IsUpper(first) && !strings.HasPrefix(words[0], "The") && unicode.IsLower([]rune(words[len(words)-1])[0]):
		return "adjective+noun"
	case unicode.IsLower(first) || strings.HasPrefix(quote, "the ") || strings.HasPrefix(quote, "The "):
		return "common noun"
	default:
		return "proper name"
	}
}

// mentionsAt returns the body mentions overlapping sp, with their claims.
func (d *diagDoc) mentionsAt(sp graph.Span) ([]graph.Mention, []*graph.Claim) {
	var ms []graph.Mention
	var cs []*graph.Claim
	for i := range d.body {
		for _, mn := range d.body[i].Mentions {
			if overlaps(mn.Span, sp) {
				ms = append(ms, mn)
				cs = append(cs, &d.body[i])
			}
		}
	}
	return ms, cs
}

func (d *diagDoc) claimAt(sp graph.Span) *graph.Claim {
	for i := range d.body {
		if overlaps(d.body[i].Span, sp) {
			return &d.body[i]
		}
	}
	return nil
}

func (d *diagDoc) root(id uuid.UUID) uuid.UUID {
	seen := map[uuid.UUID]bool{}
	for !seen[id] {
		seen[id] = true
		e := d.m.entity(id)
		if e == nil || e.Affiliation == nil {
			break
		}
		id = *e.Affiliation
	}
	return id
}

type perpLabel = struct{ Quote, Name, Polarity string }

func (d *diagDoc) perpetrators(counts causeCounts, labels []perpLabel, speakers []string) {
	var perps []graph.Attribution
	accountOf := map[uuid.UUID]*graph.Account{}
	for i := range d.ex.Accounts {
		a := &d.ex.Accounts[i]
		accountOf[a.ID] = a
		all := append([]graph.Attribution(nil), a.CoPerpetrators...)
		if a.Perpetrator != nil {
			all = append(all, *a.Perpetrator)
		}
		for _, p := range all {
			if p.Span.Start >= d.from {
				perps = append(perps, p)
			}
		}
	}
	for _, lp := range labels {
		hit, flipped := false, false
		for _, p := range perps {
			if d.m.match(lp.Name, p.Entity, p.Text) {
				if string(p.Polarity) == lp.Polarity {
					hit = true
				} else {
					flipped = true
				}
			}
		}
		if hit {
			continue
		}
		if flipped {
			counts.add("perpetrator miss", "found with the other polarity")
			continue
		}
		occ := allSpans(d.text, lp.Quote, d.from)
		if len(occ) == 0 {
			counts.add("perpetrator miss", "quote not in body")
			continue
		}
		shape := d.shape(occ[0], lp.Quote)
		var found *graph.Claim
		other := false
		for _, o := range occ {
			ms, cs := d.mentionsAt(o)
			for i, mn := range ms {
				if d.m.match(lp.Name, mn.Entity, mn.Text) {
					found = cs[i]
				} else {
					other = true
				}
			}
			if found != nil {
				break
			}
		}
		switch {
		case found == nil && other:
			counts.add("perpetrator miss", "quote resolved to another entity / "+shape)
		case found == nil:
			counts.add("perpetrator miss", "quote not recognised as an entity / "+shape)
		case d.m.match(lp.Name, found.Speaker, found.SpeakerText):
			counts.add("perpetrator miss", "party is the claim's speaker / "+shape)
		case len(found.Accounts) == 0:
			counts.add("perpetrator miss", "claim gives no account / "+shape)
		default:
			cause := "account names another party"
			pos := ""
			for _, id := range found.Accounts {
				a := accountOf[id]
				if a == nil {
					continue
				}
				if a.Perpetrator == nil {
					cause = "account without perpetrator"
				}
				if a.TypeSpan != nil {
					for _, mn := range found.Mentions {
						if d.m.match(lp.Name, mn.Entity, mn.Text) {
							pos = "party after the event cue"
							if mn.Span.Start < a.TypeSpan.Start {
								pos = "party before the event cue" + d.gap(mn.Span.End, a.TypeSpan.Start)
							}
						}
					}
				}
			}
			if pos == "" {
				pos = "no cue span"
			}
			counts.add("perpetrator miss", cause+" / "+shape+" / "+pos)
		}
	}
	seen := map[string]bool{}
	for _, p := range perps {
		key := p.Entity.ID.String() + string(p.Polarity)
		if seen[key] {
			continue
		}
		seen[key] = true
		ok, flipped, sameRoot := false, false, false
		for _, lp := range labels {
			if d.m.match(lp.Name, p.Entity, p.Text) {
				if string(p.Polarity) == lp.Polarity {
					ok = true
				} else {
					flipped = true
				}
			}
			for _, w := range d.g.Lookup(lp.Name) {
				if d.root(w.ID) == d.root(p.Entity.ID) {
					sameRoot = true
				}
			}
		}
		if ok {
			continue
		}
		speaker := false
		for _, s := range speakers {
			if d.m.match(s, p.Entity, "") {
				speaker = true
			}
		}
		pre := d.before(p.Span.Start, 1)
		last := ""
		if len(pre) > 0 {
			last = pre[0]
		}
		switch {
		case flipped:
			counts.add("perpetrator fp", "labelled with the other polarity")
		case sameRoot:
			counts.add("perpetrator fp", "same root as a labelled party (identity)")
		case speaker:
			counts.add("perpetrator fp", "a labelled speaker taken as perpetrator")
		case last == "on" || last == "against" || last == "targeting" || last == "at":
			counts.add("perpetrator fp", "a target taken as perpetrator")
		case p.Entity.Kind == graph.KindPlace:
			counts.add("perpetrator fp", "a place taken as perpetrator")
		default:
			counts.add("perpetrator fp", fmt.Sprintf("unlabelled party (%s, %s)", p.Entity.Kind, p.Polarity))
		}
	}
}

type placeLabel = struct {
	Quote, Name string
	Within      *string `json:"within"`
}

func (d *diagDoc) places(counts causeCounts, labels []placeLabel) {
	type form struct{ text, id string }
	got := map[form]graph.Mention{}
	for _, c := range d.body {
		for _, mn := range c.Mentions {
			if mn.Entity.Kind != graph.KindPlace {
				continue
			}
			if e, ok := d.g.Entity(mn.Entity.ID); ok && e.PlaceType == "country" {
				continue
			}
			got[form{gazetteer.FoldKey(mn.Text), mn.Entity.ID.String()}] = mn
		}
	}
	for _, lp := range labels {
		occ := allSpans(d.text, lp.Quote, d.from)
		hit, wrong := false, ""
		for _, o := range occ {
			for _, mn := range got {
				if overlaps(mn.Span, o) || gazetteer.FoldKey(mn.Text) == gazetteer.FoldKey(lp.Quote) {
					if sameLabelledPlace(d.g, lp.Name, lp.Within, mn.Entity) {
						hit = true
					} else {
						wrong = d.relation(lp.Name, mn.Entity)
					}
				}
			}
		}
		if hit {
			continue
		}
		if wrong != "" {
			counts.add("place miss", "resolved to another place: "+wrong)
			continue
		}
		if len(occ) == 0 {
			counts.add("place miss", "quote not in body")
			continue
		}
		// Any mention at all there (not a place, or in a left-out claim)?
		inAll := ""
		for _, c := range d.ex.Claims {
			for _, mn := range c.Mentions {
				if overlaps(mn.Span, occ[0]) {
					switch {
					case mn.Entity.Kind != graph.KindPlace:
						inAll = "recognised as a " + string(mn.Entity.Kind)
					case c.Kind == graph.ClaimMetadata || c.Kind == graph.ClaimRequest:
						inAll = "in a " + string(c.Kind) + " claim"
					}
				}
			}
		}
		if inAll != "" {
			counts.add("place miss", inAll)
			continue
		}
		known := "unknown to the gazetteer"
		if len(d.g.Lookup(lp.Name)) > 0 {
			known = "known to the gazetteer"
		}
		counts.add("place miss", "not found, "+known+" / "+d.placeShape(occ[0], lp.Quote))
	}
	for _, mn := range got {
		ok, sameText := false, false
		for _, lp := range labels {
			if gazetteer.FoldKey(lp.Quote) == gazetteer.FoldKey(mn.Text) || strings.Contains(gazetteer.FoldKey(lp.Quote), gazetteer.FoldKey(mn.Text)) {
				sameText = true
				if sameLabelledPlace(d.g, lp.Name, lp.Within, mn.Entity) {
					ok = true
				}
			}
		}
		if ok {
			continue
		}
		aft := d.after(mn.Span.End)
		pre := d.before(mn.Span.Start, 2)
		prev := ""
		if len(pre) > 0 {
			prev = pre[len(pre)-1]
		}
		next := strings.Fields(aft)
		pt := "unknown type"
		if e, ok := d.g.Entity(mn.Entity.ID); ok {
			pt = e.PlaceType
		}
		switch {
		case sameText:
			counts.add("place fp", "labelled text, other identity")
		case d.ex.Document.Dateline != "" && gazetteer.FoldKey(d.ex.Document.Dateline) == gazetteer.FoldKey(mn.Text):
			counts.add("place fp", "the dateline's place")
		case strings.HasPrefix(aft, "-based") || strings.HasPrefix(aft, "-"):
			counts.add("place fp", "hyphenated modifier 'X-...'")
		case len(next) > 0 && (next[0] == "border" || next[0] == "border." || next[0] == "border,"):
			counts.add("place fp", "a border")
		case len(next) > 0 && len(next[0]) > 0 && unicode.IsUpper([]rune(next[0])[0]) && !strings.HasSuffix(mn.Text, ",") && !strings.ContainsAny(aft[:min(len(aft), 2)], ",.;"):
			counts.add("place fp", "inside a longer capitalised name")
		case prev == "of" && len(pre) == 2 && (pre[0] == "people" || pre[0] == "governor" || pre[0] == "council"):
			counts.add("place fp", "describes people or an office")
		default:
			labelled := "in an unlabelled sentence"
			for _, c := range d.body {
				if overlaps(c.Span, mn.Span) {
					for _, lp := range labels {
						for _, o := range allSpans(d.text, lp.Quote, d.from) {
							if overlaps(c.Span, o) {
								labelled = "beside a labelled place"
							}
						}
					}
				}
			}
			counts.add("place fp", "unlabelled place ("+pt+") after '"+prepClass(prev)+"', "+labelled)
		}
	}
}

// nameRelation compares two names word by word.
func nameRelation(label, got string) string {
	fl, fg := gazetteer.FoldKey(label), gazetteer.FoldKey(got)
	switch {
	case fl == fg:
		return "same fold"
	case strings.Contains(fg, fl):
		return "extracted name contains label"
	case strings.Contains(fl, fg):
		rest := strings.TrimSpace(strings.Replace(fl, fg, "|", 1))
		where := "in the middle"
		if strings.HasPrefix(rest, "|") {
			where = "as prefix"
		} else if strings.HasSuffix(rest, "|") {
			where = "as suffix"
		}
		extra := strings.Fields(strings.Trim(rest, "| "))
		kind := "word"
		if len(extra) > 0 {
			switch {
			case strings.HasPrefix(extra[0], "al") && strings.Contains(label, "al-"):
				kind = "al- word"
			case len(extra[0]) <= 3:
				kind = "short word"
			}
		}
		return fmt.Sprintf("label contains extracted name %s, %d more %s(s)", where, len(extra), kind)
	}
	lw := map[string]bool{}
	for _, w := range strings.Fields(fl) {
		lw[w] = true
	}
	for _, w := range strings.Fields(fg) {
		if lw[w] && len(w) > 3 {
			return "names share a word"
		}
	}
	return "disjoint names"
}

// gap classifies the words between a party and the event cue after it.
func (d *diagDoc) gap(e, s int) string {
	r := []rune(d.text)
	if e >= s || s > len(r) {
		return ""
	}
	g := string(r[e:s])
	n := len(strings.Fields(g))
	lg := " " + strings.ToLower(g) + " "
	switch {
	case n == 0:
		return " (adjacent)"
	case strings.Contains(lg, " said ") || strings.Contains(lg, " says "):
		return " (speech verb between)"
	case strings.Contains(g, ","):
		return fmt.Sprintf(" (comma, %d words)", n)
	case strings.Contains(lg, " of ") || strings.Contains(lg, " to "):
		return fmt.Sprintf(" (of/to, %d words)", n)
	default:
		return fmt.Sprintf(" (%d words)", n)
	}
}

// prepClass names the class of the word before a place.
func prepClass(w string) string {
	switch w {
	case "in", "near", "at", "on", "outside", "around", "into":
		return "locative preposition"
	case "from", "to", "towards", "toward":
		return "directional preposition"
	case "of":
		return "of"
	case "and", "or":
		return "coordination"
	}
	return "other word"
}

// relation says how an extracted place relates to the labelled one.
func (d *diagDoc) relation(name string, ref graph.EntityRef) string {
	want := d.g.Lookup(name)
	if len(want) == 0 {
		if ref.Kind != graph.KindPlace {
			return "unknown label place, extracted a " + string(ref.Kind)
		}
		if len([]rune(ref.Name)) > len([]rune(name)) {
			return "unknown label place, other skeleton, extracted name longer"
		}
		return "unknown label place, other skeleton, " + nameRelation(name, ref.Name)
	}
	w := want[0].ID
	switch {
	case len(want) > 1 && func() bool {
		for _, x := range want[1:] {
			if x.ID == ref.ID {
				return true
			}
		}
		return false
	}():
		return "an ambiguous label name's other entity"
	case d.g.Within(ref.ID, w):
		return "extracted lies inside the labelled"
	case d.g.Within(w, ref.ID):
		return "labelled lies inside the extracted"
	default:
		return "unrelated"
	}
}

func (d *diagDoc) placeShape(sp graph.Span, quote string) string {
	pre := d.before(sp.Start, 3)
	lq := strings.ToLower(quote)
	joined := strings.Join(pre, " ")
	switch {
	case strings.Contains(lq, "countryside") || strings.Contains(lq, "rural") || strings.HasPrefix(lq, "northern") || strings.HasPrefix(lq, "southern") || strings.HasPrefix(lq, "eastern") || strings.HasPrefix(lq, "western"):
		return "direction/countryside phrase"
	case strings.HasSuffix(joined, "village of") || strings.HasSuffix(joined, "town of") || strings.HasSuffix(joined, "city of") || strings.HasSuffix(joined, "district of") || strings.HasSuffix(joined, "neighbourhood of"):
		return "'the <kind> of X'"
	case strings.HasPrefix(lq, "al-") || strings.HasPrefix(lq, "el-") || strings.Contains(lq, " al-"):
		return "Arabic article"
	case len(strings.Fields(quote)) > 1:
		return "multi-word name"
	default:
		return "one-word name"
	}
}

type claimLabel = struct{ Quote, Speaker, Polarity, Kind string }

func (d *diagDoc) speakers(counts causeCounts, labels []string, claims []claimLabel) {
	author := d.ex.Document.AuthorEntity
	isAuthor := func(ref graph.EntityRef) bool { return author != nil && author.ID == ref.ID }
	seen := map[uuid.UUID]graph.EntityRef{}
	for _, c := range d.body {
		seen[c.Speaker.ID] = c.Speaker
	}
	for _, s := range labels {
		hit := false
		for _, ref := range seen {
			if d.m.match(s, ref, "") {
				hit = true
			}
		}
		if hit {
			continue
		}
		cause := "no labelled claim"
		for _, lc := range claims {
			if lc.Speaker != s {
				continue
			}
			sp, ok := spanOf(d.text, lc.Quote, "")
			if !ok {
				continue
			}
			c := d.claimAt(sp)
			if c == nil {
				cause = "claim not extracted (request/metadata/none)"
				break
			}
			given := "another named source"
			switch {
			case isAuthor(c.Speaker) || !c.Reported:
				given = "the document's voice"
			case c.Speaker.Kind == graph.KindAnonymous:
				given = "an anonymous source"
			case c.Speaker.Kind == graph.KindUnknown:
				given = "unknown"
			}
			cause = "claim given to " + given + " (" + d.speakerRelation(s, c.Speaker) + ") / " + d.speechShape(c, lc.Speaker, claims)
			break
		}
		kind := "named"
		if strings.HasPrefix(strings.ToLower(s), "anonymous") {
			kind = "anonymous"
		} else if author != nil && d.m.match(s, *author, "") {
			kind = "carrier"
		}
		counts.add("speaker miss", kind+" label; "+cause)
	}
	for _, ref := range seen {
		ok := false
		for _, s := range labels {
			if d.m.match(s, ref, "") {
				ok = true
			}
		}
		if ok {
			continue
		}
		// Which labelled speakers own the claims given to ref?
		owner := "claims unlabelled"
		for _, c := range d.body {
			if c.Speaker.ID != ref.ID {
				continue
			}
			for _, lc := range claims {
				sp, okq := spanOf(d.text, lc.Quote, "")
				if okq && overlaps(c.Span, sp) {
					owner = "labelled as another speaker's claims (" + d.speakerRelation(lc.Speaker, ref) + ") / " + d.speechShape(&c, lc.Speaker, claims)
				}
			}
		}
		kind := "named"
		switch {
		case isAuthor(ref):
			kind = "carrier"
		case ref.Kind == graph.KindAnonymous:
			kind = "anonymous"
		case ref.Kind == graph.KindUnknown:
			kind = "unknown"
		}
		counts.add("speaker fp", kind+" extracted; "+owner)
	}
}

// speakerRelation says how an extracted speaker relates to the labelled
// one: a person without the affiliation, the same root, or unrelated.
func (d *diagDoc) speakerRelation(label string, ref graph.EntityRef) string {
	e := d.m.entity(ref.ID)
	gaz := "text-made"
	if e != nil && e.Gazetteer {
		gaz = "gazetteer"
	}
	want := d.g.Lookup(label)
	switch {
	case len(want) == 0:
		return "label unknown to gazetteer; extracted " + string(ref.Kind) + " " + gaz + ", " + nameRelation(label, ref.Name)
	case d.root(want[0].ID) == d.root(ref.ID):
		return "same root"
	case ref.Kind == graph.KindPerson && (e == nil || e.Affiliation == nil):
		return "person without affiliation"
	default:
		return "extracted " + string(ref.Kind) + " " + gaz + ", label " + string(want[0].Kind)
	}
}

// speechShape classifies the claim's sentence by its attribution.
func (d *diagDoc) speechShape(c *graph.Claim, speaker string, claims []claimLabel) string {
	n := 0
	for _, lc := range claims {
		if sp, ok := spanOf(d.text, lc.Quote, ""); ok && overlaps(c.Span, sp) && lc.Speaker != speaker {
			n++
		}
	}
	lt := strings.ToLower(c.Text)
	switch {
	case n > 0:
		return "two speakers in the claim"
	case strings.ContainsAny(c.Text, "\"“”"):
		return "quotation"
	case strings.Contains(lt, "according to"):
		return "'according to'"
	case strings.HasPrefix(lt, "he ") || strings.HasPrefix(lt, "she ") || strings.HasPrefix(lt, "it ") || strings.HasPrefix(lt, "they "):
		return "pronoun subject"
	case strings.Contains(lt, " said") || strings.Contains(lt, " says"):
		return "'said'"
	default:
		return "other verb"
	}
}
