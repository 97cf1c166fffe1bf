// Package sample ships the invented demo corpus (see README.md): a dozen
// short articles about three made-up happenings, with the noise of real
// scraped news, and the meta a feed would have supplied.
package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed articles/*.txt meta.jsonl
var files embed.FS

// WriteTo writes the corpus into dir: dir/articles/*.txt and dir/meta.jsonl,
// ready for ingest. It returns the paths to give to the pipeline.
func WriteTo(dir string) (articles, meta string, err error) {
	err = fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		return "", "", fmt.Errorf("sample: %w", err)
	}
	return filepath.Join(dir, "articles"), filepath.Join(dir, "meta.jsonl"), nil
}
