package cayleystore

import "syscall"

// dontNeed drops the pages of the mapping [addr, addr+size) from the
// process (MADV_DONTNEED). The mapping is a shared, read-only file
// mapping: the pages stay in the page cache, and the next access maps
// them in again with the file's contents.
func dontNeed(addr uintptr, size int64) {
	page := int64(syscall.Getpagesize())
	size -= size % page
	if addr == 0 || size <= 0 {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, addr, uintptr(size), syscall.MADV_DONTNEED)
}
