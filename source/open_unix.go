//go:build unix

package source

import (
	"os"
	"syscall"
)

// openNonBlocking opens a file for reading without waiting: on a named pipe
// with no writer, a plain open blocks for ever, deaf to cancellation.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
