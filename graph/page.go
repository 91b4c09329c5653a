package graph

import (
	"encoding/base64"
	"sort"
)

// Keyed is an item of a list with the key the list is sorted by.
type Keyed[T comparable] struct {
	Item T
	Key  string
}

// PageByKey sorts items by key and returns those after p's cursor, at most
// p.Limit of them, each once, with the cursor of the next page ("" on the
// last). A cursor is the last key returned, so pages stay stable whatever
// is written meanwhile: no item is returned twice or skipped.
func PageByKey[T comparable](items []Keyed[T], p Page) ([]T, string, error) {
	p = p.Normalised()
	after := ""
	if p.Cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(p.Cursor)
		if err != nil || len(b) == 0 {
			return nil, "", Errorf(EINVALID, "invalid cursor %q", p.Cursor)
		}
		after = string(b)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Key < items[j].Key })
	var out []T
	last := ""
	seen := make(map[T]bool)
	next := ""
	for _, it := range items {
		if (after != "" && it.Key <= after) || seen[it.Item] {
			continue
		}
		if len(out) == p.Limit {
			next = base64.RawURLEncoding.EncodeToString([]byte(last))
			break
		}
		seen[it.Item] = true
		out = append(out, it.Item)
		last = it.Key
	}
	return out, next, nil
}
