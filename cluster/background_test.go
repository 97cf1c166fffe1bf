package cluster

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

var updateBackground = flag.Bool("update-background", false, "rebuild background.bin from ../shared/data/conll2003/train.conll")

func TestBackgroundTable(t *testing.T) {
	background := background
	if *updateBackground {
		data, err := os.ReadFile(shareddata.Path(t, "data", "conll2003", "train.conll"))
		if err != nil {
			t.Fatalf("reading CoNLL-2003: %v", err)
		}
		arts := conllArticles(string(data))
		bg := buildBackground(arts, 2)
		if err := os.WriteFile(filepath.Join(".", "background.bin"), encodeBackground(bg), 0o644); err != nil {
			t.Fatalf("writing background.bin: %v", err)
		}
		background = bg
		t.Logf("background: %d articles, %d terms", bg.n, len(bg.df))
	}
	if background.n < 100 || len(background.df) < 1000 {
		t.Fatalf("background table too small: %d articles, %d terms", background.n, len(background.df))
	}
	got := decodeBackground(encodeBackground(background))
	if got.n != background.n || len(got.df) != len(background.df) {
		t.Fatalf("round trip: %d/%d, want %d/%d", got.n, len(got.df), background.n, len(background.df))
	}
	for _, w := range []string{"police", "government"} {
		if background.df[hashKey(kindWord, stem(w))] == 0 {
			t.Errorf("common word %q missing from the background", w)
		}
	}
	for _, in := range [][]byte{nil, {0xff}, {5, 0xff, 0xff}} {
		decodeBackground(in) // must not panic
	}
}
