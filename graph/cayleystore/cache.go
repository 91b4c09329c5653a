package cayleystore

import (
	"hash/maphash"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/quad"
)

// The read cache. Reads resolve edges (the objects of a node's out-edges
// with one predicate, or the subjects of its in-edges) and decode JSON
// records; both are kept here, keyed by node, so that a traversal met
// again costs map lookups, not index scans, value resolution and JSON
// decoding. Commit invalidates exactly what its deltas touch: for a delta
// (s p o), the out-edges (s, p), the in-edges (o, p) and the decoded
// record of s. It does so under the write lock, before it is released, so
// that no read after Commit returns sees what it replaced. A read that
// misses fills the cache under the read lock, so it cannot put back what a
// concurrent Commit has just invalidated.
//
// The cache is bounded by an estimate of the bytes it holds, least
// recently used entries going first, and is split in shards with a lock
// each, so concurrent readers rarely wait for each other.

// Entry kinds.
const (
	ckOut    uint8 = iota // objects of (node, pred)
	ckIn                  // subjects of (?, pred, node)
	ckRecord              // decoded record of node
)

// cacheKey names one cache entry.
type cacheKey struct {
	node quad.Value
	pred quad.IRI
	kind uint8
}

type cacheEntry struct {
	key        cacheKey
	val        any
	cost       int64
	prev, next *cacheEntry
}

type cacheShard struct {
	mu   sync.Mutex
	m    map[cacheKey]*cacheEntry
	root cacheEntry // sentinel of the LRU ring: root.next is the most recent
	cost int64
	max  int64
}

const cacheShards = 16

// cache is a sharded, size-bounded LRU of resolved edges and decoded
// records. Its values are never modified once stored: edges are copied
// out, records are deep-copied out (clone).
type cache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
	hits   atomic.Int64
	misses atomic.Int64
	// epoch is odd while a write is applied and counts writes: a read
	// fills the cache only if the epoch it started at is still current,
	// and, when it is odd (a group's reads while its parent is written,
	// which take no lock), only with what that write leaves as it is
	// (pending): the store reads the same before and after it.
	epoch   atomic.Uint64
	pending atomic.Pointer[pendingWrite]
}

// pendingWrite is the write being applied: its epoch (odd) and the
// entries it invalidates.
type pendingWrite struct {
	epoch uint64
	keys  map[cacheKey]struct{}
}

// begin marks the start of a write of quads: until end, reads may fill
// only the entries the write leaves as they are.
func (c *cache) begin(quads []quad.Quad) {
	keys := make(map[cacheKey]struct{}, 3*len(quads))
	for _, q := range quads {
		p, _ := q.Predicate.(quad.IRI)
		keys[cacheKey{node: q.Subject, pred: p, kind: ckOut}] = struct{}{}
		keys[cacheKey{node: q.Object, pred: p, kind: ckIn}] = struct{}{}
		keys[cacheKey{node: q.Subject, kind: ckRecord}] = struct{}{}
	}
	c.pending.Store(&pendingWrite{epoch: c.epoch.Load() + 1, keys: keys})
	c.epoch.Add(1)
}

// end drops what the write begun by begin changes, whatever its outcome
// (a failed transaction changed nothing, and dropping entries is always
// safe), and lets reads fill the cache again.
func (c *cache) end() {
	if p := c.pending.Load(); p != nil {
		for k := range p.keys {
			c.drop(k)
		}
	}
	c.epoch.Add(1)
	c.pending.Store(nil)
}

func newCache(maxBytes int64) *cache {
	c := &cache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		sh := &c.shards[i]
		sh.m = make(map[cacheKey]*cacheEntry)
		sh.root.next, sh.root.prev = &sh.root, &sh.root
		sh.max = maxBytes / cacheShards
	}
	return c
}

func (c *cache) shard(k cacheKey) *cacheShard {
	return &c.shards[maphash.Comparable(c.seed, k)%cacheShards]
}

func (sh *cacheShard) unlink(e *cacheEntry) {
	e.prev.next, e.next.prev = e.next, e.prev
}

func (sh *cacheShard) front(e *cacheEntry) {
	e.prev, e.next = &sh.root, sh.root.next
	sh.root.next.prev = e
	sh.root.next = e
}

// get returns the value under k.
func (c *cache) get(k cacheKey) (any, bool) {
	sh := c.shard(k)
	sh.mu.Lock()
	e, ok := sh.m[k]
	var v any
	if ok {
		sh.unlink(e)
		sh.front(e)
		v = e.val
	}
	sh.mu.Unlock()
	if ok {
		c.hits.Add(1)
		return v, true
	}
	c.misses.Add(1)
	return nil, false
}

// put stores v under k, read at epoch e, evicting the least recently used
// entries of its shard beyond the bound. An entry larger than a shard, or
// read beside a write that changes it, is not kept.
func (c *cache) put(k cacheKey, v any, cost int64, e uint64) {
	cost += 96 // the entry, its key and the map slot
	sh := c.shard(k)
	if cost > sh.max {
		return
	}
	if e%2 == 1 {
		p := c.pending.Load()
		if p == nil || p.epoch != e {
			return
		}
		if _, changed := p.keys[k]; changed {
			return
		}
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if c.epoch.Load() != e {
		return
	}
	if e, ok := sh.m[k]; ok {
		sh.cost += cost - e.cost
		e.val, e.cost = v, cost
		sh.unlink(e)
		sh.front(e)
	} else {
		e := &cacheEntry{key: k, val: v, cost: cost}
		sh.m[k] = e
		sh.front(e)
		sh.cost += cost
	}
	for sh.cost > sh.max && sh.root.prev != &sh.root {
		old := sh.root.prev
		sh.unlink(old)
		delete(sh.m, old.key)
		sh.cost -= old.cost
	}
}

// drop removes k.
func (c *cache) drop(k cacheKey) {
	sh := c.shard(k)
	sh.mu.Lock()
	if e, ok := sh.m[k]; ok {
		sh.unlink(e)
		delete(sh.m, k)
		sh.cost -= e.cost
	}
	sh.mu.Unlock()
}

// clear empties the cache.
func (c *cache) clear() {
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		clear(sh.m)
		sh.root.next, sh.root.prev = &sh.root, &sh.root
		sh.cost = 0
		sh.mu.Unlock()
	}
}

// bytes is the estimated size of the entries held.
func (c *cache) bytes() int64 {
	var n int64
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		n += sh.cost
		sh.mu.Unlock()
	}
	return n
}

// valueCost estimates the bytes a value holds.
func valueCost(v quad.Value) int64 {
	switch x := v.(type) {
	case quad.IRI:
		return 16 + int64(len(x))
	case quad.String:
		return 16 + int64(len(x))
	case nil:
		return 16
	}
	return 16 + int64(len(v.String()))
}

func valuesCost(vs []quad.Value) int64 {
	n := int64(24)
	for _, v := range vs {
		n += valueCost(v)
	}
	return n
}

// clone returns a deep copy of *v, so that a record handed out of the
// cache shares no slice, map or pointer with it: callers may modify what
// they get. Unexported fields (time.Time's location) are copied as they
// are, which is safe for the immutable values that have them.
func clone[T any](v *T) T {
	var out T
	copyValue(reflect.ValueOf(&out).Elem(), reflect.ValueOf(v).Elem())
	return out
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		copyValue(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if flat(src.Type().Elem()) {
			reflect.Copy(s, src)
		} else {
			for i := range src.Len() {
				copyValue(s.Index(i), src.Index(i))
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			copyValue(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Struct:
		dst.Set(src)
		if flat(src.Type()) {
			return
		}
		for i := range src.NumField() {
			if f := dst.Field(i); f.CanSet() && !flat(f.Type()) {
				copyValue(f, src.Field(i))
			}
		}
	case reflect.Array:
		if flat(src.Type()) {
			dst.Set(src)
			return
		}
		for i := range src.Len() {
			copyValue(dst.Index(i), src.Index(i))
		}
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		e := src.Elem()
		c := reflect.New(e.Type()).Elem()
		copyValue(c, e)
		dst.Set(c)
	default:
		dst.Set(src)
	}
}

var flatTypes sync.Map // reflect.Type -> bool

// flat reports whether a value of t can be copied by assignment: it holds
// no pointer, slice, map or interface that a caller could modify (strings
// are immutable; unexported fields are not reachable by callers).
func flat(t reflect.Type) bool {
	if v, ok := flatTypes.Load(t); ok {
		return v.(bool)
	}
	var f bool
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		f = false
	case reflect.Array:
		f = flat(t.Elem())
	case reflect.Struct:
		f = true
		for i := range t.NumField() {
			if sf := t.Field(i); sf.IsExported() && !flat(sf.Type) {
				f = false
				break
			}
		}
	default:
		f = true
	}
	flatTypes.Store(t, f)
	return f
}
