package graph

import (
	"fmt"
	"testing"
)

func TestPageByKeyWalksEveryItemOnce(t *testing.T) {
	var items []Keyed[int]
	for i := 20; i > 0; i-- {
		items = append(items, Keyed[int]{Item: i, Key: fmt.Sprintf("%03d", i)})
	}
	items = append(items, Keyed[int]{Item: 7, Key: "007"}) // listed twice, returned once
	var got []int
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		page, next, err := PageByKey(append([]Keyed[int](nil), items...), Page{Limit: 6, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page...)
		if next == "" {
			break
		}
		cursor = next
	}
	if len(got) != 20 {
		t.Fatalf("got %d items %v, want 1..20 once each", len(got), got)
	}
	for i, v := range got {
		if v != i+1 {
			t.Fatalf("item %d is %d: not in key order: %v", i, v, got)
		}
	}
	if _, _, err := PageByKey(items, Page{Cursor: "%%"}); ErrorCode(err) != EINVALID {
		t.Fatalf("bad cursor: %v", err)
	}
}
