package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

func devDir(t testing.TB) string {
	dir := filepath.Join(shareddata.Path(t), "data", "article-extraction-dev")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction-dev data set not found at %s", dir)
	}
	return dir
}

// TestEvalDev holds extraction quality on the development pages.
func TestEvalDev(t *testing.T) {
	if testing.Short() {
		t.Skip("extracting 90 pages takes a while; skipped with -short")
	}
	s, pages, err := Evaluate(context.Background(), devDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pages %d precision %.4f recall %.4f F1 %.4f", s.Pages, s.Precision(), s.Recall(), s.F1())
	if testing.Verbose() {
		sort.SliceStable(pages, func(i, j int) bool { return pages[i].F1() < pages[j].F1() })
		for _, p := range pages[:min(15, len(pages))] {
			t.Logf("%s F1 %.3f extra %.3f missing %.3f %v", p.ID[:12], p.F1(), p.Extra, p.Missing, p.Err)
		}
	}
	if s.F1() < 0.95 {
		t.Errorf("F1 %.4f, want at least 0.95", s.F1())
	}
}

func TestCompareShingles(t *testing.T) {
	tests := []struct {
		got, want              string
		shared, extra, missing float64
	}{
		{"", "", 0, 0, 0},
		{"a b c d", "A, b; c d!", 1, 0, 0},
		{"a b c d e", "a b c d", 0.5, 0.5, 0},
		{"", "a b c d", 0, 0, 1},
		{"x y", "a b c d", 0, 0.5, 0.5},
	}
	for _, tt := range tests {
		s, e, m := CompareShingles(tt.got, tt.want)
		if s != tt.shared || e != tt.extra || m != tt.missing {
			t.Errorf("CompareShingles(%q, %q) = %v %v %v, want %v %v %v", tt.got, tt.want, s, e, m, tt.shared, tt.extra, tt.missing)
		}
	}
	var sc Score
	sc.Add("a b c d", "a b c d")
	sc.Add("", "a b c d")
	if sc.Precision() != 1 || sc.Recall() != 0.5 {
		t.Errorf("score P %v R %v, want 1 and 0.5", sc.Precision(), sc.Recall())
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("Don't stop—the 2nd café_bar, São Paulo."), "|")
	if want := "don|t|stop|the|2nd|café_bar|são|paulo"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service resumes | Saltcombe Courier</title>
<meta property="og:site_name" content="Saltcombe Courier">
<meta name="author" content="Tamsin Brightwater">
<meta property="article:published_time" content="2021-04-09T08:00:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav>
<article><h1>Ferry service resumes</h1>
<p>The ferry between Saltcombe and Lumenville resumed on Friday after a two-week pause for repairs to the landing stage, the operator said.</p>
<p>Passengers queued from six in the morning. "We have missed the crossing more than we expected," said one commuter, who works at the fish market.</p>
<p>The operator said timetables would return to normal from Monday,<br>with an extra sailing on Saturday evenings during the summer.</p>
</article>
<footer>Copyright Saltcombe Courier. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>`

func TestHTML(t *testing.T) {
	res, err := HTML([]byte(page), "https://courier.example/news/ferry")
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Ferry service resumes" || res.Byline != "Tamsin Brightwater" || res.Site != "Saltcombe Courier" ||
		res.Lang != "en" || res.Published != "2021-04-09T08:00:00+01:00" {
		t.Errorf("metadata %+v", res)
	}
	for _, want := range []string{"for repairs to the landing stage, the operator said.\n\nPassengers queued", "normal from Monday,\nwith an extra"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text %q does not contain %q", res.Text, want)
		}
	}
	for _, bad := range []string{"Privacy", "Weather", "All rights reserved"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("text %q contains boilerplate %q", res.Text, bad)
		}
	}
}

func TestHTMLBadInput(t *testing.T) {
	tests := []struct {
		name, data, wantErr string
	}{
		{"empty", "", "no article text"},
		{"only script", "<html><head><title>T</title><script>var x;</script></head><body></body></html>", "no article text"},
		{"binary", "\x00\x01\x02\x03", "no article text"},
	}
	for _, tt := range tests {
		_, err := HTML([]byte(tt.data), "")
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
		}
	}
	res, err := HTML([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Caf`+"\xe9"+` au lait is served on the quay every morning to the crews of the first ferry.</p></body></html>`), "")
	if err != nil || !strings.Contains(res.Text, "Café au lait") {
		t.Errorf("declared latin-1: %q %v", res.Text, err)
	}
	// Undeclared Latin-1 is detected rather than rejected.
	res, err = HTML([]byte("<html><body><p>Caf\xe9 au lait is served on the quay every morning to the crews of the first ferry.</p></body></html>"), "")
	if err != nil || !strings.Contains(res.Text, "Café au lait") {
		t.Errorf("undeclared latin-1: %q %v", res.Text, err)
	}
}

func BenchmarkExtract(b *testing.B) {
	dir := devDir(b)
	truth, err := loadTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		b.Fatal(err)
	}
	type pg struct {
		data []byte
		url  string
	}
	var pages []pg
	var size int64
	for id, t := range truth {
		data, err := readPage(filepath.Join(dir, "html"), id)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, pg{data, t.URL})
		size += int64(len(data))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		if _, err := HTML(p.data, p.url); err != nil && err != ErrNoText {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
