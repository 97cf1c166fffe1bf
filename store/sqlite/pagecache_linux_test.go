package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// A store's pages live in the reserved memory: SQLite took the
// configuration, and its caches draw slots from it.
func TestStorePagesUseTheReservedPageCache(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := reservePageCache(); err != nil {
		t.Fatalf("page cache not reserved: %v", err)
	}
	tls := libc.NewTLS()
	defer tls.Close()
	counts := libc.Xmalloc(tls, 16) // current and highest, as C memory for SQLite to write
	if counts == 0 {
		t.Fatal("out of memory")
	}
	defer libc.Xfree(tls, counts)
	if rc := sqlite3.Xsqlite3_status64(tls, sqlite3.SQLITE_STATUS_PAGECACHE_USED, counts, counts+8, 0); rc != sqlite3.SQLITE_OK {
		t.Fatalf("sqlite3_status64: %d", rc)
	}
	high := *(*int64)(unsafe.Add(nil, counts+8))
	// Creating the schema alone caches dozens of pages.
	if high < 10 {
		t.Fatalf("at most %d page-cache slots were ever in use, want the store's pages in them", high)
	}
}
