package xref

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

type valueCase struct {
	Name       string      `json:"name"`
	A          graph.Value `json:"a"`
	B          graph.Value `json:"b"`
	Compatible bool        `json:"compatible"`
	ALo        *float64    `json:"a_lo"`
	AHi        *float64    `json:"a_hi"` // null for +Inf
}

func TestIntervalAndCompatible(t *testing.T) {
	var cases []valueCase
	readJSON(t, "testdata/values.json", &cases)
	if len(cases) < 8 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if got := Compatible(c.A, c.B); got != c.Compatible {
				t.Errorf("Compatible = %v, want %v", got, c.Compatible)
			}
			if got := Compatible(c.B, c.A); got != c.Compatible {
				t.Errorf("Compatible (swapped) = %v, want %v", got, c.Compatible)
			}
			if c.ALo != nil {
				lo, hi := Interval(c.A)
				if lo != *c.ALo {
					t.Errorf("lo = %v, want %v", lo, *c.ALo)
				}
				if c.AHi == nil && !math.IsInf(hi, 1) || c.AHi != nil && hi != *c.AHi {
					t.Errorf("hi = %v, want %v", hi, c.AHi)
				}
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestAttrKey(t *testing.T) {
	for _, c := range []struct{ attr, who, want string }{
		{"killed", "", "killed"},
		{"killed", "civilians", "killed"},
		{"killed", "people", "killed"},
		{"killed", "children", "killed children"},
		{"injured", "Women", "injured women"},
		{"killed", "fighters", "killed fighters"},
		{"destroyed", "", "destroyed (percent)"},
		{"killed", "people", "killed"},
	} {
		unit := ""
		if c.attr == "destroyed" {
			unit = "percent"
		}
		if got := AttrKey(graph.Value{Attribute: c.attr, Who: c.who, Unit: unit}); got != c.want {
			t.Errorf("AttrKey(%s, %s) = %q, want %q", c.attr, c.who, got, c.want)
		}
	}
}
