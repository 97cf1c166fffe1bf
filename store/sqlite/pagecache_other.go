//go:build !linux

package sqlite

// pageCacheMemory reserves nothing where huge pages cannot be asked for:
// SQLite allocates its pages as it would without a reservation.
func pageCacheMemory(int) ([]byte, error) { return nil, nil }
