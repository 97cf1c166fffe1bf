package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store"
)

// Build grows st to n articles through the real ingest: the generated
// news stream (sample.News with the seed), from where the store's count
// says it stopped. It returns the stream, positioned after them, for the
// uploads to continue it.
func Build(ctx context.Context, st store.Store, n int, seed uint64, log *slog.Logger) (*sample.News, error) {
	have, err := st.CountArticles(ctx)
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	stream := sample.NewNews(sample.NewsConfig{Seed: seed})
	stream.Skip(have)
	if have >= n {
		return stream, nil
	}
	dir, err := os.MkdirTemp("", "storyline-loadtest-")
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	defer os.RemoveAll(dir)
	p := pipeline.New(st, log)
	for have < n {
		chunk := min(20000, n-have)
		file := filepath.Join(dir, "news.jsonl")
		f, err := os.Create(file)
		if err != nil {
			return nil, fmt.Errorf("loadtest: %w", err)
		}
		w := bufio.NewWriter(f)
		err = stream.WriteNews(w, chunk)
		if err == nil {
			err = w.Flush()
		}
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("loadtest: %w", err)
		}
		sum, err := p.Ingest(ctx, []string{file}, pipeline.Options{Log: log})
		if err != nil {
			return nil, fmt.Errorf("loadtest: ingest: %w", err)
		}
		if sum.Failed > 0 {
			return nil, fmt.Errorf("loadtest: ingest: %s", sum)
		}
		have += chunk
	}
	return stream, nil
}

// Uploads gives the stream's next articles as upload bodies.
func Uploads(stream *sample.News) func() ([]byte, string) {
	return func() ([]byte, string) {
		g := stream.Next()
		b, _ := json.Marshal(g)
		return b, g.ID
	}
}
