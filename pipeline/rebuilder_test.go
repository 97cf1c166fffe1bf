package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// Uploads store their articles at once; the background rebuild then puts
// every one of them in an event, however many uploads raced.
func TestRebuilderCoversEveryUpload(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rb := NewRebuilder(ctx, st, nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			line := fmt.Sprintf(`{"id":"u%d","title":"Quake hits Tarsen","text":"A magnitude 5.%d earthquake struck near Tarsen on Wednesday, officials said."}`, i, i)
			sum, err := IngestBytes(ctx, st, "upload.jsonl", []byte(line), Options{SkipRebuild: true})
			if err != nil || sum.Ingested != 1 {
				t.Errorf("upload %d: %v %v", i, sum, err)
			}
			rb.Request()
		}()
	}
	wg.Wait()
	rb.Wait()
	n := 0
	err = st.EachArticle(ctx, func(a *storyline.Article) error {
		n++
		if a.Event == "" {
			t.Errorf("%s has no event after the rebuild", a.ID)
		}
		return nil
	})
	if err != nil || n != 8 {
		t.Fatalf("%d articles, %v", n, err)
	}
	if evs, _ := st.Events(ctx, store.Query{}); len(evs) == 0 {
		t.Error("no events after the rebuild")
	}
}
