package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

var falsity = set("false", "untrue", "baseless", "unfounded", "groundless",
	"fabricated", "incorrect", "inaccurate", "lies", "fake", "misleading", "wrong",
	"fabrications", "nonsense", "unsubstantiated")

// falseReports are the nouns after a word of falsity whose "that" clause is
// denied: "false reports that", "baseless allegations that".
var falseReports = set("reports", "report", "allegations", "allegation", "claims", "claim", "accusations", "accusation", "rumours", "rumors", "news", "stories")

// reportParticiples introduce what false reports say: "fabricated reports
// alleging that".
var reportParticiples = set("alleging", "claiming", "suggesting", "saying", "asserting", "stating", "purporting")

var copulas = set("is", "are", "was", "were", "be", "been", "being")

var denialVerbs = set("denied", "denies", "deny", "denying", "rejected", "rejects",
	"refuted", "refutes", "dismissed", "dismisses", "disputed", "disputes", "rebuffed")

var negAux = set("has", "have", "had", "did", "does", "do", "was", "were", "is", "are")

// negation says whether a claim denies, and where: the token index of the
// cue, or -1.
func negation(toks []token) (graph.Polarity, int) {
	for i := range toks {
		w := toks[i].low
		// "... are false", "was completely false", "is not true".
		if copulas[w] {
			j := i + 1
			for j < len(toks) && (toks[j].low == "completely" || toks[j].low == "entirely" || toks[j].low == "totally" || toks[j].low == "utterly" || toks[j].low == "absolutely" || toks[j].low == "simply" || toks[j].low == "highly" || toks[j].low == "very" || toks[j].low == "extremely") {
				j++
			}
			if j < len(toks) && falsity[toks[j].low] {
				return graph.Denied, j
			}
			// "are another fake", "is a pure fabrication", "are lies".
			if j+1 < len(toks) && (toks[j].low == "another" || toks[j].low == "a" || toks[j].low == "pure" || toks[j].low == "an") {
				k := j + 1
				if k+1 < len(toks) && (toks[k].low == "pure" || toks[k].low == "complete" || toks[k].low == "outright" || toks[k].low == "total" || toks[k].low == "blatant") {
					k++
				}
				if toks[k].low == "fake" || toks[k].low == "fabrication" || toks[k].low == "lie" || toks[k].low == "fiction" || toks[k].low == "falsehood" {
					return graph.Denied, k
				}
			}
			// "the scenario in which the opposition carried out the attack
			// is highly unlikely": an assessment that rules the act out.
			if j < len(toks) && (toks[j].low == "unlikely" || toks[j].low == "implausible" || toks[j].low == "inconceivable") && !(j+1 < len(toks) && toks[j+1].low == "to") {
				return graph.Denied, j
			}
			if j+1 < len(toks) && toks[j].low == "not" && (toks[j+1].low == "true" || toks[j+1].low == "correct" || toks[j+1].low == "accurate") {
				return graph.Denied, j
			}
		}
		// "spreading false reports that the army used chlorine":
		// what the reports say is denied.
		// "fabricated reports alleging that", "baseless claims suggesting
		// that": the reports' content, after a participle of saying.
		if falsity[w] && i+2 < len(toks) && falseReports[toks[i+1].low] && (toks[i+2].low == "that" || reportParticiples[toks[i+2].low]) {
			return graph.Denied, i
		}
		if denialVerbs[w] && !toks[i].cap {
			// "were denied access" is not a denial.
			if i > 0 && copulas[toks[i-1].low] {
				continue
			}
			// ", a claim the officer dismissed as propaganda": another
			// party's answer in apposition, not the speaker's denial.
			if appositiveAnswer(toks, i) {
				continue
			}
			return graph.Denied, i
		}
		// "has not struck", "did not carry out", "didn't".
		if negAux[w] || strings.HasSuffix(w, "n't") && negAux[strings.TrimSuffix(w, "n't")] {
			j := i + 1
			if !strings.HasSuffix(w, "n't") {
				if j >= len(toks) || toks[j].low != "not" && toks[j].low != "never" {
					continue
				}
				j++
			}
			if i > 0 && (toks[i-1].low == "asked" || toks[i-1].low == "requested" || toks[i-1].low == "wished" || toks[i-1].low == "who" || toks[i-1].low == "which" || toks[i-1].low == "whose") {
				continue
			}
			for j < len(toks) && (strings.HasSuffix(toks[j].low, "ly") || toks[j].low == "yet" || toks[j].low == "been" || toks[j].low == "ever") {
				j++
			}
			if j < len(toks) && toks[j].kind == tWord {
				nw := toks[j].low
				if nw == "only" || nw == "to" || nw == "be" && j+1 < len(toks) && toks[j+1].low == "named" {
					continue
				}
				switch nw {
				case "authorised", "authorized", "allowed", "permitted":
					// "because he was not authorised to brief the media":
					// why a source is anonymous, no denial.
					continue
				case "clear", "known", "know", "knew", "immediately", "possible", "certain", "sure", "able", "yet":
					// Uncertainty, not denial: "it is not known", "we do
					// not know where they are".
					continue
				}
				return graph.Denied, i
			}
		}
		// "No chemical weapons were used", "found no traces", "no credible
		// reports": a denial, but not "no fewer than", "no longer", "no
		// doubt", "no one", "no matter", "no mention".
		if w == "no" && i+1 < len(toks) && !(i > 0 && (toks[i-1].low == "at" || toks[i-1].low == "with" || toks[i-1].low == "had" && i+1 < len(toks) && toks[i+1].low == "choice")) {
			switch toks[i+1].low {
			case "fewer", "more", "less", "longer", "doubt", "one", "matter", "later", "sooner", "further", "other", "way", "choice", "comment", "mention", "news", "names", "details", "word":
				// "made no mention of a hospital", "have received no news
				// of them", "provided no names" leave something out or
				// untold; they deny nothing.
			default:
				if toks[i+1].kind == tWord {
					return graph.Denied, i
				}
			}
		}
		// "carried out not a single strike", "fired not one shell": the
		// act is denied, however the verb before it reads.
		if w == "not" && i+2 < len(toks) && (toks[i+1].low == "a" && toks[i+2].low == "single" || toks[i+1].low == "one" && toks[i+2].kind == tWord && toks[i+2].low != "of" && toks[i+2].low != "but") {
			return graph.Denied, i
		}
		if w == "never" && i+1 < len(toks) && toks[i+1].kind == tWord {
			return graph.Denied, i
		}
		// "none of its units had taken part", "none of our fighters was
		// in the village": what none of them did is denied.
		if w == "none" && i+2 < len(toks) && toks[i+1].low == "of" && toks[i+2].kind == tWord {
			return graph.Denied, i
		}
	}
	return graph.Affirmed, -1
}

// appositiveAnswer reports whether the denial verb at i answers the claim
// in an apposition after a comma: ", a claim the officer dismissed", ",
// an account the ministry rejected".
func appositiveAnswer(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-6; k-- {
		switch toks[k].low {
		case "claim", "account", "report", "allegation", "assertion", "version":
			return (toks[k-1].low == "a" || toks[k-1].low == "an") && k >= 2 && isPunct(&toks[k-2], ",")
		}
	}
	return false
}

// Words of opinion and rhetoric.
var rhetoric = set("barbarous", "barbaric", "heinous", "preposterous", "ridiculous",
	"blatant", "flagrant", "criminal", "feverish", "suspicious", "illegitimate",
	"so-called", "accomplices", "shameful", "outrageous", "absurd", "despicable",
	"cowardly", "savage", "brutal", "atrocious", "bloody", "hypocrisy", "hypocritical",
	"propaganda", "shameless", "spectacle", "celebratory", "aggression", "aggressive",
	"terrorist", "heinous", "monstrous", "abhorrent", "vile", "disgraceful",
	"irresponsible", "unacceptable", "deplorable", "cynical", "hysteria",
	"russophobic", "provocation", "provocations", "genocide", "crimes")

var evaluative = []string{"finds it", "considers", "condemnation", "condemns", "holds", "war crime", "war crimes", "encourages", "silence of",
	"condemn", "denounces", "deplores", "illustration", "regrets", "an attempt to",
	"in flagrant violation", "strongly condemns", "will not be able to", "nor will"}

var requestCues = []string{"i should be grateful", "i would be grateful",
	"i would appreciate", "calls on", "call on", "calls upon", "call upon",
	"renews its call", "urges", "urge", "demands", "we demand", "requests the",
	"request the", "appeals to", "we call", "we ask", "asks the", "we urge",
	"must immediately", "should immediately", "to take immediate action",
	"i have the honour to request", "be circulated as", "be issued as"}

var hedges = []string{"believed to be", "believed to have", "thought to be",
	"thought to have", "said to be", "may have", "might have", "could have",
	"reportedly", "allegedly", "apparently", "possibly", "probably", "likely",
	"suspected", "expected to", "unconfirmed", "could not tell", "could not confirm",
	"could not be confirmed", "could not identify", "it is unclear", "it was not clear",
	"it is not clear", "unclear", "presumably", "perhaps"}

// pad returns each phrase between spaces, as lowJoin's text holds words.
func pad(phrases []string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = " " + p + " "
	}
	return out
}

var (
	requestCuesP = pad(requestCues)
	evaluativeP  = pad(evaluative)
	hedgesP      = pad(hedges)
	perpHedges   = []string{"may have", "might have", "reportedly", "allegedly", "believed", "suspected", "likely", "probably"}
	perpHedgesP  = pad(perpHedges)
)

// lowJoin is the segment's folded text with single spaces, for phrase cues.
func lowJoin(toks []token) string {
	var b strings.Builder
	b.WriteByte(' ')
	for i := range toks {
		b.WriteString(toks[i].low)
		b.WriteByte(' ')
	}
	return b.String()
}

// claimKind classifies a claim: request, characterisation or assertion.
func claimKind(low string, toks []token, hasFacts bool) graph.ClaimKind {
	for _, c := range requestCuesP {
		if strings.Contains(low, c) {
			return graph.ClaimRequest
		}
	}
	// Rhetoric inside quotation marks is the words of someone quoted: "the
	// strikes hit 'terrorist positions'" asserts where the strikes hit.
	cues := 0
	quoted := false
	for i := range toks {
		if isQuote(&toks[i]) || toks[i].kind == tPunct && (toks[i].text == "'" || toks[i].text == "‘" || toks[i].text == "’") {
			quoted = !quoted
			continue
		}
		if rhetoric[toks[i].low] && !quoted {
			cues++
		}
	}
	eval := false
	for _, c := range evaluativeP {
		if strings.Contains(low, c) {
			eval = true
			break
		}
	}
	if eval && (cues > 0 || !hasFacts) {
		return graph.ClaimCharacterisation
	}
	if cues > 0 && !hasFacts {
		return graph.ClaimCharacterisation
	}
	return graph.ClaimFact
}

// hedgeOf returns the first hedge the claim expresses, as written.
func hedgeOf(text string, low string, toks []token) string {
	best, at := "", len(low)
	for k, h := range hedgesP {
		if i := strings.Index(low, h); i >= 0 && i < at {
			best, at = hedges[k], i
		}
	}
	if best == "" {
		return ""
	}
	// Recover the words as written.
	n := len(strings.Fields(best))
	for i := range toks {
		if seqAt(toks, i, best) {
			return text[toks[i].s:toks[i+n-1].e]
		}
	}
	return best
}

// negScope returns the tokens a denial covers: the clause around its cue,
// bounded by "; ", ": " and by a comma that opens another clause (",
// saying", ", but", ", while"). "Rebels denied the report, saying regime
// helicopters attacked them": the helicopters are asserted, not denied.
func negScope(toks []token, at int) (int, int) {
	if at < 0 {
		return 0, 0
	}
	boundary := func(k int) bool {
		t := &toks[k]
		if t.kind == tPunct && (t.text == ";" || t.text == ":") {
			return true
		}
		// "said the army had targeted positions and denied hitting
		// civilians", "assessed the allegation and found no evidence": a
		// second verb of the same subject begins its own clause.
		// So does a second reported clause after the cue: "said that none
		// of its units were in the area and that the killings bore the
		// hallmarks of" (not before it: "the allegations that X and that
		// Y are unfounded" deny both).
		if t.low == "and" && k+1 < len(toks) && (reportVerbs[toks[k+1].low] || denialVerbs[toks[k+1].low] || toks[k+1].low == "found" || toks[k+1].low == "finds" || toks[k+1].low == "that" && k > at) {
			return true
		}
		if t.text == "," && k+1 < len(toks) {
			switch toks[k+1].low {
			case "saying", "adding", "insisting", "claiming", "arguing", "but", "while", "whereas", "although", "though", "instead", "noting", "stressing", "explaining":
				return true
			}
		}
		return false
	}
	from := 0
	for k := at - 1; k >= 0; k-- {
		if boundary(k) {
			from = k + 1
			break
		}
	}
	to := len(toks)
	for k := at; k < len(toks); k++ {
		if boundary(k) {
			to = k
			break
		}
	}
	return from, to
}
