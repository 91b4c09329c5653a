package cayleystore

import (
	"testing"
)

func openMemory(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openBoltTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMemory(t *testing.T) { runSuite(t, openMemory) }

func TestBolt(t *testing.T) { runSuite(t, openBoltTemp) }
