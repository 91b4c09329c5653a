package cayleystore

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestLockWritersAcrossStores: two stores open on one PostgreSQL database
// (two servers) take the writers' lock in turn: the second waits while the
// first holds it, and gets it once the first lets go; a store closed while
// holding it leaves it free.
func TestLockWritersAcrossStores(t *testing.T) {
	dsn, _ := pgSchema(t)
	ctx := t.Context()
	open := func() *Store {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(), open()
	unlockA, err := a.LockWriters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if unlock, err := b.LockWriters(short); err == nil {
		unlock()
		t.Fatal("the second store took the lock the first holds")
	} else if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("waiting for the lock: %v, want the deadline", err)
	}
	got := make(chan error, 1)
	go func() {
		unlock, err := b.LockWriters(ctx)
		if err == nil {
			unlock()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("the second store took the lock before the first let go (%v)", err)
	case <-time.After(200 * time.Millisecond):
	}
	unlockA()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the second store did not get the lock after the first let go")
	}
	// A server that stops while holding the lock frees it.
	c := open()
	if _, err := c.LockWriters(ctx); err != nil {
		t.Fatal(err)
	}
	c.Close()
	wait, cancel2 := context.WithTimeout(ctx, 10*time.Second)
	defer cancel2()
	unlock, err := a.LockWriters(wait)
	if err != nil {
		t.Fatalf("the lock of a closed store is not free: %v", err)
	}
	unlock()
}

// TestLockWritersLocal: a bolt or memory store has one process writing it;
// its writers' lock is free at once, however many hold it.
func TestLockWritersLocal(t *testing.T) {
	for _, s := range []*Store{openMemory(t), openBoltTemp(t)} {
		u1, err := s.LockWriters(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		u2, err := s.LockWriters(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		u1()
		u2()
	}
}
