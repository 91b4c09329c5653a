package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/graph"
)

// validate rejects input extraction cannot address: invalid UTF-8, NUL
// bytes, and text with nothing but white space.
func validate(text string) error {
	if !utf8.ValidString(text) {
		return graph.Errorf(graph.EINVALID, "document text is not valid UTF-8")
	}
	if strings.IndexByte(text, 0) >= 0 {
		return graph.Errorf(graph.EINVALID, "document text contains NUL bytes")
	}
	if strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }) == "" {
		return graph.Errorf(graph.EINVALID, "document text is empty")
	}
	return nil
}

// runeIndex converts byte offsets of one string into code-point offsets in
// constant time per call (a checkpoint every 128 bytes), so that extraction
// stays linear on large documents.
type runeIndex struct {
	s     string
	ascii bool
	cp    []int32 // code points before byte k*128
}

const runeBlock = 128

func newRuneIndex(s string) *runeIndex {
	ri := &runeIndex{s: s, ascii: true}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ri.ascii = false
			break
		}
	}
	if ri.ascii {
		return ri
	}
	ri.cp = make([]int32, len(s)/runeBlock+1)
	n := int32(0)
	for i := 0; i < len(s); i++ {
		if i%runeBlock == 0 {
			ri.cp[i/runeBlock] = n
		}
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	if len(s)%runeBlock == 0 {
		// at(len(s)) reads the block that starts at the text's end.
		ri.cp[len(s)/runeBlock] = n
	}
	return ri
}

// at returns the code-point offset of byte offset off.
func (ri *runeIndex) at(off int) int {
	if off <= 0 {
		return 0
	}
	if off > len(ri.s) {
		off = len(ri.s)
	}
	if ri.ascii {
		return off
	}
	b := off / runeBlock
	n := int(ri.cp[b])
	for i := b * runeBlock; i < off; i++ {
		if ri.s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// span converts a byte range into a code-point span.
func (ri *runeIndex) span(s, e int) graph.Span {
	return graph.Span{Start: ri.at(s), End: ri.at(e)}
}

// runeSlice returns the substring of s between code-point offsets.
func runeSlice(s string, sp graph.Span) string {
	if sp.Start < 0 || sp.End < sp.Start {
		return ""
	}
	i, start, end := 0, -1, -1
	for b := range s {
		if i == sp.Start {
			start = b
		}
		if i == sp.End {
			end = b
			break
		}
		i++
	}
	if start < 0 && i == sp.Start {
		start = len(s)
	}
	if end < 0 && i == sp.End {
		end = len(s)
	}
	if start < 0 || end < 0 {
		return ""
	}
	return s[start:end]
}

// fold lowercases s and maps typographic apostrophes and quotes to ASCII.
func fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '’', '‘', 'ʼ', '`':
			r = '\''
		case '“', '”', '«', '»':
			r = '"'
		case '‐', '‑', '–', '—':
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') || c == '`' {
			return false
		}
	}
	return true
}
