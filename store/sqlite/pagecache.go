package sqlite

import (
	"fmt"
	"sync"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// pageCacheBytes is the memory reserved for the page caches of all the
// process's SQLite connections: as much as the writer's cache_size.
//
// Without it, SQLite allocates a page's slot the first time its cache
// grows to it, and every such slot is fresh memory the kernel must fault
// in (two 4 KB faults for a 4 KB page and its header). A fresh `ingest`
// process adding 100 articles to a million-article store reads about
// 23,000 pages it does not hold, so it paid 46,000 faults, a tenth of its
// CPU, for memory it used once (docs/benchmarks.md, Growth). Slots carved
// from one mapping advised for transparent huge pages fault in 2 MB at a
// time. SQLite threads its list of free slots through all of them when it
// starts, so a process that opens a store holds the whole reservation
// from then on (64 huge pages; 32 MB instead made additions at 1M slower
// again, 11.2 against 9.2 ms).
const pageCacheBytes = 128 << 20

// pageSize is the page size of the stores this package creates (SQLite's
// default). Pages of a store with larger pages do not fit the reserved
// slots and are allocated as before.
const pageSize = 4096

// pageCache is process-wide because SQLite's configuration is: it can only
// be set before the library's first connection, once.
var pageCache struct {
	once sync.Once
	err  error
}

// reservePageCache gives SQLite its page-cache memory on the first Open.
// It fails if something in the process used SQLite before, or the memory
// cannot be mapped; the stores then work as they would without it.
func reservePageCache() error {
	pageCache.once.Do(func() {
		pageCache.err = configurePageCache(pageCacheBytes)
	})
	return pageCache.err
}

func configurePageCache(size int) error {
	mem, err := pageCacheMemory(size)
	if err != nil || mem == nil {
		return err
	}
	tls := libc.NewTLS()
	defer tls.Close()
	// SQLite writes the header size through a plain address, so it goes
	// to C memory: the race detector's pointer checks refuse an address
	// into the Go heap that reaches SQLite as an integer.
	hdr := libc.Xmalloc(tls, 8)
	if hdr == 0 {
		return fmt.Errorf("sqlite: page cache: out of memory")
	}
	defer libc.Xfree(tls, hdr)
	if err := config(tls, sqlite3.SQLITE_CONFIG_PCACHE_HDRSZ, hdr); err != nil {
		return err
	}
	slot := (pageSize + int(cInt32(hdr)) + 7) &^ 7
	return config(tls, sqlite3.SQLITE_CONFIG_PAGECACHE, uintptr(unsafe.Pointer(&mem[0])), int32(slot), int32(len(mem)/slot))
}

// config calls sqlite3_config(op, args...).
func config(tls *libc.TLS, op int32, args ...any) error {
	va := libc.NewVaList(args...)
	if va == 0 {
		return fmt.Errorf("sqlite: config %d: out of memory", op)
	}
	defer libc.Xfree(tls, va)
	if rc := sqlite3.Xsqlite3_config(tls, op, va); rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("sqlite: config %d: %s", op, libc.GoString(sqlite3.Xsqlite3_errstr(tls, rc)))
	}
	return nil
}

// cInt32 reads the C int at p, memory that is not Go's.
func cInt32(p uintptr) int32 { return *(*int32)(unsafe.Add(nil, p)) }
