package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum          // digits, with thousands separators or a decimal point
	tPunct
)

// token is one word, number or punctuation mark of a sentence. Offsets are
// byte offsets into the document's normalised text.
type token struct {
	s, e int
	text string
	low  string // folded: lower case, ASCII apostrophes and hyphens
	base string // low without a possessive 's
	kind tokKind
	cap  bool // starts with an upper-case letter
}

func isWordRune(r rune) bool {
	// (Spacing marks, Mc, are inside the words of Burmese and Indic
	// scripts: "ပဇီကြီး" is one word.)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// tokenize splits text[s:e] into tokens.
func tokenize(text string, s, e int) []token {
	toks := make([]token, 0, (e-s)/5+1)
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, mkToken(text, i, i+n, tPunct))
			i += n
			continue
		}
		j := i + n
		digits := unicode.IsDigit(r)
		allDigits := digits
		for j < e {
			r2, n2 := utf8.DecodeRuneInString(text[j:e])
			if isWordRune(r2) {
				if !unicode.IsDigit(r2) {
					allDigits = false
				}
				j += n2
				continue
			}
			// Inner joiners: hyphens, apostrophes, slashes between word
			// characters; thousands separators and decimal points between
			// digits.
			if j+n2 < e {
				r3, _ := utf8.DecodeRuneInString(text[j+n2 : e])
				switch {
				case (r2 == '-' || r2 == '‐' || r2 == '‑' || r2 == '\'' || r2 == '’' || r2 == '/') && isWordRune(r3):
					allDigits = false
					j += n2
					continue
				case (r2 == ',' || r2 == '.') && allDigits && unicode.IsDigit(r3):
					if r2 == ',' && !threeDigits(text, j+1, e) {
						break
					}
					j += n2
					continue
				}
			}
			break
		}
		k := tWord
		if allDigits && digits {
			k = tNum
		}
		toks = append(toks, mkToken(text, i, j, k))
		i = j
	}
	return toks
}

// threeDigits reports whether text[i:] starts with exactly three digits.
func threeDigits(text string, i, e int) bool {
	if i+3 > e {
		return false
	}
	for k := i; k < i+3; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return i+3 == e || text[i+3] < '0' || text[i+3] > '9'
}

func mkToken(text string, s, e int, k tokKind) token {
	t := token{s: s, e: e, text: text[s:e], kind: k}
	t.low = fold(t.text)
	t.base = strings.TrimSuffix(t.low, "'s")
	r, _ := utf8.DecodeRuneInString(t.text)
	t.cap = unicode.IsUpper(r)
	return t
}

// is reports whether the token's folded form is one of words.
func (t *token) is(words ...string) bool {
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

// seqAt reports whether the folded tokens from i on spell phrase (words
// separated by single spaces).
func seqAt(toks []token, i int, phrase string) bool {
	for len(phrase) > 0 {
		w := phrase
		rest := ""
		if k := strings.IndexByte(phrase, ' '); k >= 0 {
			w, rest = phrase[:k], phrase[k+1:]
		}
		if i >= len(toks) || toks[i].low != w {
			return false
		}
		i++
		phrase = rest
	}
	return true
}

// seqEndingAt reports whether the tokens ending just before i spell phrase;
// it returns the index of the phrase's first token.
func seqEndingAt(toks []token, i int, phrase string) (int, bool) {
	start := i - (strings.Count(phrase, " ") + 1)
	if start < 0 || !seqAt(toks, start, phrase) {
		return 0, false
	}
	return start, true
}

// findSeq returns the index of the first occurrence of phrase in toks[from:to].
func findSeq(toks []token, from, to int, phrase string) int {
	if to > len(toks) {
		to = len(toks)
	}
	for i := from; i < to; i++ {
		if seqAt(toks, i, phrase) {
			return i
		}
	}
	return -1
}

func isPunct(t *token, p string) bool { return t.kind == tPunct && t.text == p }

// isQuote reports whether t is a quotation mark.
func isQuote(t *token) bool {
	return t.kind == tPunct && (t.text == "\"" || t.text == "“" || t.text == "”" || t.text == "«" || t.text == "»")
}

// wordBefore reports whether one of words stands among the n tokens before
// p in its clause (the search stops at punctuation).
func wordBefore(toks []token, p, n int, words ...string) bool {
	for k := p - 1; k >= 0 && k >= p-n; k-- {
		for _, w := range words {
			if toks[k].low == w {
				return true
			}
		}
		if toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// setBefore is wordBefore for a set of words: one of them stands in the
// n tokens before p, in the same clause (no punctuation between).
func setBefore(toks []token, p, n int, words map[string]bool) bool {
	for k := p - 1; k >= 0 && k >= p-n; k-- {
		if toks[k].kind == tPunct {
			return false
		}
		if words[toks[k].low] {
			return true
		}
	}
	return false
}
