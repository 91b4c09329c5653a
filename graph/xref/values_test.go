package xref

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
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

// TestFigureKeys checks, on invented accounts of one event, which
// attribute figures are compared under (testdata/evacuated.json).
func TestFigureKeys(t *testing.T) {
	var spec struct {
		Cases []struct {
			Name     string `json:"name"`
			Accounts []struct {
				Type    graph.EventType `json:"type"`
				Speaker string          `json:"speaker"`
				Values  []struct {
					Attribute string      `json:"attribute"`
					Who       string      `json:"who"`
					Value     float64     `json:"value"`
					Bound     graph.Bound `json:"bound"`
				} `json:"values"`
			} `json:"accounts"`
			Attribute   string `json:"attribute"`
			Values      int    `json:"values"`
			Conflicting bool   `json:"conflicting"`
		} `json:"cases"`
	}
	readJSON(t, "testdata/evacuated.json", &spec)
	w := NewWorld(gazetteer.Default())
	for _, c := range spec.Cases {
		var accs []graph.Account
		for i, a := range c.Accounts {
			doc := uuid.NewSHA1(uuid.NameSpaceURL, []byte(c.Name+a.Speaker))
			acc := graph.Account{
				ID:         uuid.NewSHA1(doc, []byte{byte(i)}),
				DocumentID: doc,
				Speaker:    graph.EntityRef{ID: uuid.NewSHA1(uuid.NameSpaceURL, []byte(a.Speaker)), Name: a.Speaker},
				Type:       a.Type,
				Polarity:   graph.Affirmed,
				Published:  "2018-04-12",
			}
			for j, v := range a.Values {
				n := v.Value
				acc.Values = append(acc.Values, graph.Value{Attribute: v.Attribute, Who: v.Who, Value: &n, Bound: v.Bound,
					Text: fmt.Sprint(v.Value), Span: graph.Span{Start: 10 * j, End: 10*j + 3}})
			}
			accs = append(accs, acc)
		}
		var got *graph.Conflict
		for _, x := range Conflicts(accs, nil, w) {
			if x.Attribute == c.Attribute {
				x := x
				got = &x
			}
		}
		if got == nil {
			t.Errorf("%s: no figures compared under %q", c.Name, c.Attribute)
			continue
		}
		if len(got.Values) != c.Values || Conflicting(*got) != c.Conflicting {
			t.Errorf("%s: %q has %d values, conflicting %v (groups %v); want %d, %v", c.Name, c.Attribute, len(got.Values), Conflicting(*got), got.Groups, c.Values, c.Conflicting)
		}
	}
}
