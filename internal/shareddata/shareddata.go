// Package shareddata finds the project's shared data folder: ../shared
// beside the repository root, where the seeds and the evaluation sets live
// (they are never copied into the repository). Tests use it to read them
// and to skip, with a clear message, only when they are absent.
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Root is the repository root: the first folder at or above the working
// directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("shareddata: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("shareddata: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Dir is ../shared beside the repository root, joined with elems; it is an
// error when that path does not exist.
func Dir(elems ...string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	path := filepath.Join(append([]string{filepath.Dir(root), "shared"}, elems...)...)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("shareddata: %w", err)
	}
	return path, nil
}

// Path is Dir for tests and benchmarks: it skips t when the path is absent
// (CI always has ../shared, so only a partial checkout skips).
func Path(t testing.TB, elems ...string) string {
	t.Helper()
	path, err := Dir(elems...)
	if err != nil {
		t.Skipf("needs ../shared beside the repository (%v)", err)
	}
	return path
}

// Seed is one seed article: its id (the file name without .txt) and its
// raw text.
type Seed struct{ ID, Text string }

// Seeds are the seed articles (seeds/articles/*.txt) in file-name order.
// It skips t as Path does, and when there are none; it fails t on a file
// it cannot read.
func Seeds(t testing.TB) []Seed {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Path(t, "seeds", "articles"), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles: %v", err)
	}
	seeds := make([]Seed, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, Seed{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(data)})
	}
	return seeds
}

// SeedArticles is the text of the seed articles, one after another with a
// blank line between: what the benchmarks of the text stages read.
func SeedArticles(t testing.TB) string {
	t.Helper()
	var text strings.Builder
	for _, s := range Seeds(t) {
		text.WriteString(s.Text)
		text.WriteString("\n\n")
	}
	return text.String()
}
