package extract

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
)

// PageScore is one page's comparison in an evaluation.
type PageScore struct {
	ID                     string
	Shared, Extra, Missing float64
	Err                    error
}

// Evaluate runs HTML on every page of an article-extraction data set (a
// folder with ground-truth.json mapping ID to {"articleBody", "url"} and
// html/ID.html.gz or html/ID.html) and scores the bodies. A page that fails
// to extract counts as an empty body. Pages are extracted in parallel; the
// figures do not depend on it.
func Evaluate(ctx context.Context, dir string) (Score, []PageScore, error) {
	truth, err := loadTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return Score{}, nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]PageScore, len(ids))
	errs := make([]error, len(ids))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				id, t := ids[i], truth[ids[i]]
				data, err := readPage(filepath.Join(dir, "html"), id)
				if err != nil {
					errs[i] = err
					continue
				}
				var body string
				res, xerr := HTML(data, t.URL)
				if xerr == nil {
					body = res.Text
				}
				sh, ex, mi := CompareShingles(body, t.ArticleBody)
				pages[i] = PageScore{ID: id, Shared: sh, Extra: ex, Missing: mi, Err: xerr}
			}
		}()
	}
	for i := range ids {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Score{}, nil, err
	}
	var s Score
	for i, p := range pages {
		if errs[i] != nil {
			return Score{}, nil, errs[i]
		}
		s.Pages++
		s.Shared += p.Shared
		s.Extra += p.Extra
		s.Missing += p.Missing
	}
	return s, pages, nil
}

type truthEntry struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func loadTruth(path string) (map[string]truthEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading ground truth: %w", err)
	}
	var m map[string]truthEntry
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return m, nil
}

func readPage(dir, id string) ([]byte, error) {
	if f, err := os.Open(filepath.Join(dir, id+".html.gz")); err == nil {
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", id, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", id, err)
		}
		return b, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, id+".html"))
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	return b, nil
}

// F1 is the page's own F1.
func (p PageScore) F1() float64 {
	return Score{Pages: 1, Shared: p.Shared, Extra: p.Extra, Missing: p.Missing}.F1()
}
