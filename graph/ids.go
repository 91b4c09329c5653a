package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// Namespace is the UUID v5 namespace of every id claimgraph derives.
var Namespace = uuid.MustParse("7b0c3f2e-5d1a-5c8e-9a4f-2e6d8c1b0a93")

// NormaliseText returns the text as claimgraph stores and addresses it:
// Unicode NFC, line ends as \n, trailing spaces of each line and trailing
// blank lines removed, a leading byte-order mark dropped. Spans index this
// form. Invalid UTF-8 must be rejected before calling it.
func NormaliseText(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = norm.NFC.String(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// TextHash is the hex sha256 of already normalised text.
func TextHash(normalised string) string {
	h := sha256.Sum256([]byte(normalised))
	return hex.EncodeToString(h[:])
}

// DocumentID is a document's identity: UUID v5 of the hash of its
// normalised text. The same text always has the same id.
func DocumentID(normalised string) uuid.UUID {
	return uuid.NewSHA1(Namespace, []byte("document:"+TextHash(normalised)))
}

// ClaimID identifies the claim at span in document doc.
func ClaimID(doc uuid.UUID, span Span) uuid.UUID {
	return uuid.NewSHA1(Namespace, fmt.Appendf(nil, "claim:%s:%d:%d", doc, span.Start, span.End))
}

// AccountID identifies the n-th account extracted from document doc.
func AccountID(doc uuid.UUID, n int) uuid.UUID {
	return uuid.NewSHA1(Namespace, fmt.Appendf(nil, "account:%s:%d", doc, n))
}

// EntityID identifies an entity by kind and key (a gazetteer key, or the
// match key of a name found in text). Scoped entities (anonymous sources)
// pass their document's id as scope; others uuid.Nil.
func EntityID(kind EntityKind, key string, scope uuid.UUID) uuid.UUID {
	if scope == uuid.Nil {
		return uuid.NewSHA1(Namespace, []byte("entity:"+string(kind)+":"+key))
	}
	return uuid.NewSHA1(Namespace, []byte("entity:"+string(kind)+":"+key+"@"+scope.String()))
}

// EventID identifies an event by the smallest id among its accounts, so that
// the same accounts make the same event whatever order they arrived in.
func EventID(accounts []uuid.UUID) uuid.UUID {
	if len(accounts) == 0 {
		return uuid.Nil
	}
	min := accounts[0]
	for _, a := range accounts[1:] {
		if a.String() < min.String() {
			min = a
		}
	}
	return uuid.NewSHA1(Namespace, []byte("event:"+min.String()))
}

// ParseID parses a UUID given by a caller, returning an EINVALID error that
// names what was being parsed.
func ParseID(what, s string) (uuid.UUID, error) {
	id, err := uuid.Parse(s)
	if err != nil {
		return uuid.Nil, Errorf(EINVALID, "%s %q is not a UUID", what, s)
	}
	return id, nil
}

// Runes converts a byte offset in s to a code-point offset.
func Runes(s string, byteOff int) int {
	if byteOff > len(s) {
		byteOff = len(s)
	}
	return utf8.RuneCountInString(s[:byteOff])
}
