package sqlite

import (
	"fmt"
	"syscall"
)

// pageCacheMemory maps size bytes of anonymous memory outside the Go heap
// (SQLite keeps pointers into it for the life of the process) and asks
// for transparent huge pages; where the kernel gives none, the memory is
// faulted in 4 KB at a time, once, when SQLite lays out its slots.
func pageCacheMemory(size int) ([]byte, error) {
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, fmt.Errorf("sqlite: page cache: %w", err)
	}
	_ = syscall.Madvise(mem, syscall.MADV_HUGEPAGE) // an advice: refused on kernels without THP
	return mem, nil
}
