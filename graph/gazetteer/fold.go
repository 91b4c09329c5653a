package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldKey returns the exact-match key of a name: lower case, diacritics
// removed, apostrophes and quote marks dropped, hyphens and other
// punctuation turned into single spaces, and a leading English article
// ("the") dropped. "Deir-ez-Zor" -> "deir ez zor", "the Coalition" ->
// "coalition", "Ja'afari" -> "jaafari". Arabic alef and yeh variants and
// teh marbuta are folded; Arabic and Cyrillic letters otherwise stay as they
// are (Skeleton transliterates them).
func FoldKey(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range decompose(name) {
		switch {
		case isApostrophe(r):
			continue
		case unicode.Is(unicode.Mn, r) || r == '\u0640': // marks, Arabic tatweel
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(foldRune(r))
		default:
			space = true
		}
	}
	s := b.String()
	if strings.HasPrefix(s, "the ") {
		s = s[len("the "):]
	}
	return s
}

// decompose returns s in NFKD form, skipping the work for plain ASCII.
func decompose(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKD.String(s)
		}
	}
	return s
}

// foldRune lower-cases r and folds Arabic letter variants.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	switch r {
	case 'ة':
		return 'ه'
	case 'ى':
		return 'ي'
	case 'ı':
		return 'i'
	}
	return unicode.ToLower(r)
}

// isApostrophe reports whether r is an apostrophe, a quote-like mark or an
// Arabic ayn/hamza transliteration mark, all of which are dropped inside
// words ("Dar'a", "Ja’afari", "Ḥayʾat").
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', 'ʾ', 'ʿ', '′':
		return true
	}
	return false
}

// articles are the transliterated forms of the Arabic definite article,
// including its assimilated forms before sun letters, as separate tokens
// ("al-", "ad-", "ash-", "ez-", ...).
var articles = map[string]bool{
	"al": true, "el": true, "il": true, "ul": true,
	"ad": true, "ed": true, "adh": true, "ar": true, "er": true,
	"as": true, "es": true, "ash": true, "esh": true, "at": true, "et": true,
	"ath": true, "az": true, "ez": true, "an": true, "en": true,
}

// isArticle reports whether a folded token is an Arabic article.
func isArticle(tok string) bool { return articles[tok] }

// Skeleton returns the transliteration-folding match key of a name. It
// transliterates Arabic and Cyrillic script, drops a leading "the" and the
// Arabic article in all its forms (when it stands before another word),
// maps letters that transliterations confuse onto one (k, c, q -> q;
// p -> b; kh -> x; sh, ch -> c; th -> t; dh -> d; gh -> g; dj -> j),
// collapses doubled letters, drops a word-final h after a vowel (teh
// marbuta), and drops vowels and the semi-vowels y and w, keeping only a
// marker "a" where the first word starts with a vowel (so that "Iraq" and
// "Raqqa" differ). Words are joined without spaces.
//
// Dayr al-Zawr, Deir ez-Zor, Deir Ezzor, Dayr Az Zawr, Deir-ez-Zor,
// دير الزور and Дейр-эз-Зор all give "drzr"; Qusur, al-Qusur, Al-Qusor,
// al-Qosur, Qusour, El-Kusur and القصور give "qsr".
//
// Skeletons are short and collide; callers must prefer FoldKey matches.
func Skeleton(name string) string {
	toks := skeletonTokens(name)
	return joinSkeleton(toks)
}

// skelToken is one word of a name prepared for skeleton building.
type skelToken struct {
	article bool   // an Arabic article ("al", "ez", ...)
	first   string // the word's skeleton when it starts the name
	rest    string // the word's skeleton elsewhere
}

// skeletonTokens transliterates and splits name into words.
func skeletonTokens(name string) []skelToken {
	latin := transliterate(name)
	words := strings.Fields(latin)
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	toks := make([]skelToken, 0, len(words))
	for _, w := range words {
		toks = append(toks, skelWord(w))
	}
	return toks
}

// skelWord computes the skeleton forms of one lower-case Latin word.
func skelWord(w string) skelToken {
	t := skelToken{article: isArticle(w)}
	codes := letterCodes(w)
	t.first = consonants(codes, true)
	t.rest = consonants(codes, false)
	return t
}

// joinSkeleton joins word skeletons: articles before another word are
// dropped, the first remaining word keeps its vowel marker, doubled letters
// across word boundaries collapse.
func joinSkeleton(toks []skelToken) string {
	var b []byte
	first := true
	for i, t := range toks {
		if t.article && i < len(toks)-1 {
			continue
		}
		s := t.rest
		if first {
			s = t.first
			first = false
		}
		for j := 0; j < len(s); j++ {
			if len(b) > 0 && b[len(b)-1] == s[j] {
				continue
			}
			b = append(b, s[j])
		}
	}
	return string(b)
}

// letterCodes maps a lower-case Latin word onto one code per sound:
// vowels become 'a', the semi-vowels y and w become 'y', and consonants
// that transliterations confuse share one code. Doubled codes collapse and
// a final h after a vowel is dropped.
func letterCodes(w string) []byte {
	out := make([]byte, 0, len(w))
	n := len(w)
	for i := 0; i < n; i++ {
		c := w[i]
		var next, next2 byte
		if i+1 < n {
			next = w[i+1]
		}
		if i+2 < n {
			next2 = w[i+2]
		}
		code := c
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			code = 'a'
		case 'y', 'w':
			code = 'y'
		case 'k':
			if next == 'h' {
				code, i = 'x', i+1
			} else {
				code = 'q'
			}
		case 'g':
			if next == 'h' {
				i++
			}
			code = 'g'
		case 's':
			if next == 'h' {
				code, i = 'c', i+1
			} else if next == 'c' && next2 == 'h' {
				code, i = 'c', i+2
			}
		case 'c':
			switch next {
			case 'h':
				code, i = 'c', i+1
			case 'k':
				code, i = 'q', i+1
			default:
				code = 'q'
			}
		case 't':
			if next == 'h' {
				i++
			} else if next == 'c' && next2 == 'h' {
				code, i = 'c', i+2
			}
		case 'd':
			if next == 'h' {
				i++
			} else if next == 'j' {
				code, i = 'j', i+1
			}
		case 'z':
			if next == 'h' {
				code, i = 'j', i+1
			}
		case 'p':
			if next == 'h' {
				code, i = 'f', i+1
			} else {
				code = 'b'
			}
		case 'x':
			if len(out) == 0 || out[len(out)-1] != 'q' {
				out = append(out, 'q')
			}
			code = 's'
		}
		if len(out) > 0 && out[len(out)-1] == code {
			continue
		}
		out = append(out, code)
	}
	if len(out) >= 2 && out[len(out)-1] == 'h' && out[len(out)-2] == 'a' {
		out = out[:len(out)-1]
	}
	return out
}

// consonants drops vowel and semi-vowel codes; with first set, a leading
// vowel leaves the marker 'a'.
func consonants(codes []byte, first bool) string {
	out := make([]byte, 0, len(codes))
	for i, c := range codes {
		switch c {
		case 'a':
			if first && i == 0 {
				out = append(out, 'a')
			}
			continue
		case 'y':
			continue
		}
		if len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// transliterate returns name in lower-case Latin letters and digits, words
// separated by single spaces: Arabic and Cyrillic letters are
// transliterated, diacritics and apostrophes dropped, punctuation turned
// into spaces. The Arabic article written joined to its word ("الزور")
// becomes a separate "al".
func transliterate(name string) string {
	var b strings.Builder
	b.Grow(len(name) + 8)
	space := true // at a word start
	runes := []rune(decompose(name))
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case isApostrophe(r) || unicode.Is(unicode.Mn, r) || r == '\u0640':
			continue
		case r == 'ع' || r == 'ء':
			// ayn and hamza: a vowel-like onset, written as a vowel so that a
			// word starting with one keeps the vowel marker.
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte('a')
		case r >= 0x0600 && r <= 0x06FF:
			if space {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				// the joined article: alef lam at the start of a longer word
				if r == 'ا' && i+2 < len(runes) && runes[i+1] == 'ل' && isArabicLetter(runes[i+2]) {
					b.WriteString("al ")
					i++
					continue
				}
			}
			if r == 'ه' && (i+1 == len(runes) || !isArabicLetter(runes[i+1])) {
				continue // word-final heh: a vowel ending (Hamah, حماه)
			}
			b.WriteString(arabicLatin[r])
		case r >= 0x0400 && r <= 0x04FF:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(cyrillicLatin[unicode.ToLower(r)])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			lr := foldRune(r)
			if lr < utf8.RuneSelf {
				b.WriteRune(lr)
			} else if s, ok := latinExtra[lr]; ok {
				b.WriteString(s)
			}
		default:
			space = true
		}
	}
	return b.String()
}

// hasArabic reports whether s contains Arabic script.
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

func isArabicLetter(r rune) bool { return r >= 0x0621 && r <= 0x064A }

// latinExtra transliterates Latin letters that NFKD does not decompose.
var latinExtra = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l", 'þ': "th", 'ð': "d",
}

// arabicLatin is a simple, vowel-less transliteration of Arabic letters.
var arabicLatin = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a",
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh",
	'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh",
	'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'غ': "gh", 'ف': "f",
	'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h",
	'ة': "", 'و': "w", 'ي': "y", 'ى': "a", 'ئ': "", 'ؤ': "w",
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ی': "y",
	'٠': "0", '١': "1", '٢': "2", '٣': "3", '٤': "4", '٥': "5", '٦': "6", '٧': "7", '٨': "8", '٩': "9",
}

// cyrillicLatin transliterates Russian (and a few Ukrainian) letters.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}

// PlainForm returns a name's letters as Skeleton sees them before it drops
// vowels: transliterated, lower case, without a leading "the" or Arabic
// articles, words joined ("Deir ez-Zor" -> "deirzor", "Al-Qusor" ->
// "qusor"). Two names with one skeleton are spelling variants only if
// their plain forms are also close.
func PlainForm(name string) string {
	words := strings.Fields(transliterate(name))
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	var b strings.Builder
	for i, w := range words {
		if isArticle(w) && i < len(words)-1 {
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

// Close reports whether two spellings are close enough to be variants of
// one name: their plain forms differ by at most about a third of their
// length in edits (Levenshtein). "Mousul" and "Mosul", "Deir Ez-Zour" and
// "Deir ez-Zor" are close; "Tariq" and "Turkey", "Harris Dean" and
// "Hurras al-Din" are not.
//
// Arabic script writes no short vowels, so a name in Arabic script is close
// to any name with its skeleton.
func Close(a, b string) bool {
	if hasArabic(a) || hasArabic(b) {
		return Skeleton(a) == Skeleton(b)
	}
	pa, pb := PlainForm(a), PlainForm(b)
	if closeEnough(distance(pa, pb), pa, pb) {
		return true
	}
	// Arabic's feminine ending is written -a, -ah, -eh or -e ("al-Hama",
	// "al-Hameh"): read alike, the rest must still be close.
	ma, mb := marbuta(pa), marbuta(pb)
	return (ma != pa || mb != pb) && closeEnough(distance(ma, mb), ma, mb)
}

// SameName reports whether two spellings in Latin script have one
// PlaceKey: one name once case, marks, the article and the spelling of
// Arabic's feminine ending are set aside ("Al-Hama", "al-Hameh"), as
// strong a sign of one place as a shared long skeleton. Names of fewer
// than three letters never are.
func SameName(a, b string) bool {
	if hasArabic(a) || hasArabic(b) {
		return false
	}
	ka := PlaceKey(a)
	return len(ka) >= 3 && ka == PlaceKey(b)
}

// PlaceKey is the key a place the gazetteer lacks is known by: its
// FoldKey without a leading Arabic article, the feminine ending of its
// last word read as "a" ("al-Hameh", "Al Hameh", "Al-Hama", "Hama" ->
// "hama"), so that one place written several ways in several documents
// is one place.
func PlaceKey(name string) string {
	f := FoldKey(name)
	if bare := stripArticle(f); bare != "" {
		f = bare
	}
	if hasArabic(f) {
		return f
	}
	i := strings.LastIndexByte(f, ' ') + 1
	return f[:i] + marbuta(f[i:])
}

// marbuta reads a plain form's final "ah", "eh" or "e" as "a".
func marbuta(p string) string {
	for _, end := range []string{"ah", "eh", "e"} {
		if len(p) > len(end)+1 && strings.HasSuffix(p, end) {
			return p[:len(p)-len(end)] + "a"
		}
	}
	return p
}

// closeEnough applies Close's threshold to a distance between plain forms.
// A short name (shortName letters or fewer) is also told apart by its
// vowels, which carry much of so few letters: "Kabani" (a village of
// Latakia) is not Kobani, nor "Samra" Samarra, though each is one or two
// edits away. Transliteration varies a vowel within its kind (e for a or i,
// "ou" for u: "Idleb", "Mousul") and may drop one short vowel ("Homes",
// "Nubul"), but does not turn an a into an o, or add a syllable and a
// consonant at once.
func closeEnough(d int, a, b string) bool {
	n := max(len(a), len(b))
	if !(d <= 1 || 3*d <= n) {
		return false
	}
	if d == 0 || min(len(a), len(b)) > shortName {
		return true
	}
	va, vb := vowelGroups(a), vowelGroups(b)
	if len(va) != len(vb) {
		return d <= 1
	}
	for i := range va {
		if va[i]&vb[i] == 0 {
			return false
		}
	}
	return true
}

// shortName is the length of plain form up to which closeEnough compares
// vowels.
const shortName = 7

// Vowel kinds, as bits: a vowel group holds the kinds its letters may
// stand for; e stands for any.
const (
	vowelA = 1 << iota
	vowelI
	vowelU
)

// vowelGroups returns the kinds of each run of vowels of a plain form, in
// order; y is a vowel unless a vowel follows it ("Kamishly", not "Qaryat").
func vowelGroups(p string) []byte {
	var out []byte
	in := false
	for i := 0; i < len(p); i++ {
		var k byte
		switch p[i] {
		case 'a':
			k = vowelA
		case 'i':
			k = vowelI
		case 'o', 'u':
			k = vowelU
		case 'e':
			k = vowelA | vowelI | vowelU
		case 'y':
			if i+1 == len(p) || !strings.ContainsRune("aeiou", rune(p[i+1])) {
				k = vowelI
			}
		}
		switch {
		case k == 0:
			in = false
		case in:
			out[len(out)-1] |= k
		default:
			out = append(out, k)
			in = true
		}
	}
	return out
}

// distance is the Levenshtein distance between two byte strings.
func distance(a, b string) int {
	if a == b {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ArabicKey returns the letters of a name in Arabic script that tell
// names apart: the article, short-vowel marks, tatweel, long vowels and
// hamza's seats dropped, teh marbuta read as heh; "" for a name with no
// Arabic letter. Unlike the Latin Skeleton it keeps the consonants that
// transliteration writes alike: الهامة (al-Hameh) is not حماة (Hama).
func ArabicKey(name string) string {
	if !hasArabic(name) {
		return ""
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		rs := []rune(w)
		if len(rs) > 3 && rs[0] == 'ا' && rs[1] == 'ل' {
			rs = rs[2:]
		}
		for _, r := range rs {
			switch r {
			case 'ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ء', 'ؤ', 'ئ':
				continue
			case 'ة':
				r = 'ه'
			}
			if isArabicLetter(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
