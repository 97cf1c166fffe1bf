//go:build unix

package source

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOddFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("The quay lights were switched to LED on Friday."), 0o644)
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	os.Symlink(fifo, filepath.Join(dir, "link-to-pipe.txt"))
	os.Symlink(".", filepath.Join(dir, "self"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "other.txt"), []byte("The ferry timetable changes in June."), 0o644)
	os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub-again"))
	os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken-link"))
	sock := filepath.Join(dir, "sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	}
	c := collect(t, []string{dir, fifo}, Options{})
	var ids []string
	for _, it := range c.items {
		ids = append(ids, it.ID)
	}
	if strings.Join(ids, " ") != "good other" {
		t.Errorf("items %v", ids)
	}
	var errs []string
	for _, e := range c.errs {
		errs = append(errs, strings.TrimPrefix(e.Error(), dir+"/"))
	}
	wantErrs := []string{
		"broken-link: stat " + filepath.Join(dir, "broken-link") + ": no such file or directory",
		"link-to-pipe.txt: not a regular file (a named pipe); skipped",
		"pipe: not a regular file (a named pipe); skipped",
		"sock: not a regular file (a socket); skipped",
		"pipe: not a regular file (a named pipe); skipped",
	}
	if strings.Join(errs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
	}
	var warns []string
	for _, w := range c.warns {
		warns = append(warns, strings.ReplaceAll(w.Error(), dir, "DIR"))
	}
	wantWarns := []string{
		"DIR/self: links to a folder already walked (DIR); skipped",
		"DIR/sub-again: links to a folder already walked (DIR/sub); skipped",
	}
	if strings.Join(warns, "\n") != strings.Join(wantWarns, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(wantWarns, "\n"))
	}
}
