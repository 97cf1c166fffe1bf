package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/newstext"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden tags testdata/sample.txt (written for this test) and compares
// the output with testdata/sample.golden.jsonl.
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := Tag(string(text), Options{DCT: day("2021-09-30"), Zone: newstext.PlaceZone("Geneva")})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, x := range got {
		if err := enc.Encode(x); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join("testdata", "sample.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		t.Errorf("output differs from %s (go test -run Golden -update to accept):\n%s", golden, buf.String())
	}
}
