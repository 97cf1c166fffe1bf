package sqlite

import (
	"context"
	"path/filepath"
	"runtime"
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
	cur, high := new(int64), new(int64)
	rc := sqlite3.Xsqlite3_status64(tls, sqlite3.SQLITE_STATUS_PAGECACHE_USED, uintptr(unsafe.Pointer(cur)), uintptr(unsafe.Pointer(high)), 0)
	runtime.KeepAlive(cur)
	runtime.KeepAlive(high)
	if rc != sqlite3.SQLITE_OK {
		t.Fatalf("sqlite3_status64: %d", rc)
	}
	// Creating the schema alone caches dozens of pages.
	if *high < 10 {
		t.Fatalf("at most %d page-cache slots were ever in use, want the store's pages in them", *high)
	}
}
