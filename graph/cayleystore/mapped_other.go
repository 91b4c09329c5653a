//go:build !linux

package cayleystore

// dontNeed is a no-op where the store does not release mapped pages.
func dontNeed(addr uintptr, size int64) {}
