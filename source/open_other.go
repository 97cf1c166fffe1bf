//go:build !unix

package source

import "os"

// openNonBlocking opens a file for reading; systems other than Unix have no
// named pipes in the file tree to block on.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
