package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// segment is one candidate claim: a byte range of the document, trimmed.
type segment struct {
	s, e    int
	para    int  // paragraph number, from 0
	first   bool // first segment of its paragraph
	heading bool // a paragraph of one line without final punctuation
	toks    []token

	meta           metaKind
	onInstructions bool // "On instructions from my Government"
	circulation    bool // "... issued as a document of the Security Council"
}

// maxSegment bounds a claim's length in bytes; longer runs of text without
// sentence punctuation are cut at white space so that work per claim stays
// bounded.
const maxSegment = 1500

var abbreviations = set("mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt",
	"sgt", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
	"a.m", "p.m", "brig", "adm", "prof", "sen", "rep", "gov", "lieut", "cpl", "pvt",
	"approx", "art", "para", "paras", "ibid", "cf", "al", "fig", "vol", "op", "inc",
	"ltd", "co", "corp", "mt", "ft", "sr", "jr", "rev", "hon", "amb", "h.e")

// paragraphs splits text into paragraphs: a blank line always separates
// them; a single line break does too unless the line runs on (it ends
// without sentence punctuation and the next line starts in lower case).
func paragraphs(text string) [][2]int {
	var out [][2]int
	start := -1
	lineStart := 0
	prevEnd := 0
	flush := func() {
		if start >= 0 {
			out = append(out, [2]int{start, prevEnd})
			start = -1
		}
	}
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
		} else {
			ls := lineStart + strings.Index(line, trimmed)
			if start >= 0 && !runsOn(text[start:prevEnd], trimmed) {
				flush()
			}
			if start < 0 {
				start = ls
			}
			prevEnd = ls + len(trimmed)
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	flush()
	return out
}

// runsOn reports whether a line continues the paragraph before it.
func runsOn(prev, next string) bool {
	r, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”)", r) {
		return false
	}
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(n) || unicode.IsDigit(n) && len(prev) > 60
}

// segments splits the text into claims: paragraphs, then sentences, then
// clauses at "; ". Each segment is tokenised.
func segments(text string) []segment {
	var out []segment
	for pi, p := range paragraphs(text) {
		ps, pe := p[0], p[1]
		para := text[ps:pe]
		// A bullet line ("- ", "* ", "• ") of an agency flash is an item
		// of news, not a heading, and its marker is no part of the claim;
		// nor is a paragraph's number.
		bullet := bulletLen(para)
		heading := bullet == 0 && !strings.ContainsRune(para, '\n') && len(para) < 200 && !endsSentence(para)
		ps += bullet
		first := true
		for _, sr := range sentences(text, ps, pe) {
			for _, cr := range clauses(text, sr[0], sr[1]) {
				for _, lr := range cutLong(text, cr[0], cr[1]) {
					s, e := trimRange(text, lr[0], lr[1])
					if s >= e {
						continue
					}
					out = append(out, segment{s: s, e: e, para: pi, first: first, heading: heading})
					first = false
				}
			}
		}
	}
	return out
}

// bulletLen is the length of the bullet marker and its space at the start of
// a paragraph, 0 if there is none. The number of a numbered paragraph ("1. ",
// "12. ", "(3) ", "1.3 ") is a marker too.
func bulletLen(para string) int {
	for _, m := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(para, m) {
			return len(m)
		}
	}
	i := 0
	open := strings.HasPrefix(para, "(")
	if open {
		i++
	}
	j := i
	for j < len(para) && j-i < 3 && para[j] >= '0' && para[j] <= '9' {
		j++
	}
	if j == i || j+1 >= len(para) {
		return 0
	}
	// "1.3 Witnesses told ...", "2.1.4 The mission found ...": a
	// paragraph numbered within a section, before a capital.
	if !open && para[j] == '.' && para[j+1] >= '0' && para[j+1] <= '9' {
		k := j
		for levels := 0; levels < 3 && k+1 < len(para) && para[k] == '.' && para[k+1] >= '0' && para[k+1] <= '9'; levels++ {
			k++
			for n := 0; k < len(para) && n < 3 && para[k] >= '0' && para[k] <= '9'; n++ {
				k++
			}
		}
		if k < len(para) && para[k] == '.' {
			k++
		}
		if k+1 < len(para) && para[k] == ' ' {
			r, _ := utf8.DecodeRuneInString(para[k+1:])
			if unicode.IsUpper(r) || r == '"' || r == '“' {
				return k + 1
			}
		}
		return 0
	}
	if open && para[j] == ')' || !open && para[j] == '.' {
		if para[j+1] == ' ' {
			// Not a sentence that opens with a figure ("3. " is a number
			// only before a capital or an opening quotation mark).
			r, _ := utf8.DecodeRuneInString(para[j+2:])
			if unicode.IsUpper(r) || r == '"' || r == '“' {
				return j + 2
			}
		}
	}
	return 0
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == '"' || r == '”' || r == ')' {
		s = s[:len(s)-utf8.RuneLen(r)]
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return r == '.' || r == '!' || r == '?' || r == ':' || r == ';'
}

func trimRange(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// sentences splits text[s:e] at sentence ends: ". ", "? ", "! " (with
// closing quotes) followed by an upper-case letter, a digit or an opening
// quote, except after abbreviations and initials.
func sentences(text string, s, e int) [][2]int {
	var out [][2]int
	start := s
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if r != '.' && r != '?' && r != '!' {
			i += n
			continue
		}
		end := i + n
		for end < e {
			r2, n2 := utf8.DecodeRuneInString(text[end:e])
			if r2 == '"' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == '\'' {
				end += n2
				continue
			}
			break
		}
		if end >= e {
			break
		}
		r2, _ := utf8.DecodeRuneInString(text[end:e])
		if !unicode.IsSpace(r2) {
			i = end
			continue
		}
		k := end
		for k < e {
			r3, n3 := utf8.DecodeRuneInString(text[k:e])
			if !unicode.IsSpace(r3) {
				break
			}
			k += n3
		}
		if k >= e {
			break
		}
		r3, _ := utf8.DecodeRuneInString(text[k:e])
		if !(unicode.IsUpper(r3) || unicode.IsDigit(r3) || r3 == '"' || r3 == '“' || r3 == '(' || r3 == '\'' || r3 == '‘' || unicode.IsLetter(r3) && !unicode.IsLower(r3)) {
			i = end
			continue
		}
		if r == '.' && abbreviationBefore(text, start, i) {
			i = end
			continue
		}
		out = append(out, [2]int{start, end})
		start = k
		i = k
	}
	if start < e {
		out = append(out, [2]int{start, e})
	}
	return out
}

// abbreviationBefore reports whether the word ending at byte i (before a
// full stop) is an abbreviation or an initial.
func abbreviationBefore(text string, start, i int) bool {
	j := i
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		j -= n
	}
	w := text[j:i]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

// clauses splits a sentence at "; " when both sides have at least three
// words, so that "200,000 lived there; no more than 45,000 remain" are two
// claims.
func clauses(text string, s, e int) [][2]int {
	var out [][2]int
	start := s
	for i := s; i < e; i++ {
		if text[i] != ';' || i+1 >= e || text[i+1] != ' ' {
			continue
		}
		if words(text[start:i]) >= 3 && words(text[i+1:e]) >= 3 {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	return append(out, [2]int{start, e})
}

func words(s string) int {
	return len(strings.Fields(s))
}

// cutLong cuts ranges longer than maxSegment at white space (or anywhere on
// a rune boundary when there is none).
func cutLong(text string, s, e int) [][2]int {
	if e-s <= maxSegment {
		return [][2]int{{s, e}}
	}
	var out [][2]int
	for e-s > maxSegment {
		cut := s + maxSegment
		for cut > s && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if sp := strings.LastIndexAny(text[s:cut], " \n\t"); sp > maxSegment/2 {
			cut = s + sp + 1
		}
		if cut <= s {
			cut = s + maxSegment
			for cut < e && !utf8.RuneStart(text[cut]) {
				cut++
			}
		}
		out = append(out, [2]int{s, cut})
		s = cut
	}
	return append(out, [2]int{s, e})
}
