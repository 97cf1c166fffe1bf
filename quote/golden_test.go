package quote

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden extracts the quotes of an invented article covering the
// patterns the package handles, cleaned as the pipeline cleans it, and
// compares them with
// testdata/invented.golden.json (go test ./quote/ -run Golden -update
// rewrites it after a deliberate change).
func TestGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "invented.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := cleanedArticle(t, "Ministers Say 'Progress' Made at Lakeside Talks", string(raw))
	a.ID = "invented"
	if err := Analyzer().Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a)
	type row struct {
		Text        string `json:"text"`
		SpeakerName string `json:"speaker_name"`
		Direct      bool   `json:"direct"`
		Span        string `json:"span"` // a.Text[start:end], so offsets are checked too
	}
	var got []row
	for _, q := range a.Quotes {
		got = append(got, row{q.Text, q.SpeakerName, q.Direct, a.Text[q.Start:q.End]})
	}
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, '\n')
	golden := filepath.Join("testdata", "invented.golden.json")
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(out) {
		t.Errorf("quotes differ from %s (rerun with -update if the change is deliberate):\ngot:\n%s", golden, out)
	}
}
