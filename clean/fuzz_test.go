package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(string(b), false)
		}
	}
	f.Add(" date 2021-09-30 (Geneva) Talks \"\"began' today.\n\nBy AFP\n\nTASS", true)
	f.Add("Home / A / B\nFILE PHOTO: x. REUTERS/Y\n\xff\xfe\r\n\u2028About Ann Lee\nCheck Also", false)
	f.Fuzz(func(t *testing.T, raw string, html bool) {
		r := Text(raw, Known{FromHTML: html})
		for _, s := range append([]string{r.Text, r.Title, r.Byline, r.Outlet, r.Published, r.Dateline}, r.Credits...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output %q", s)
			}
		}
		if strings.Contains(r.Text, "\n\n\n") || strings.TrimSpace(r.Text) != r.Text {
			t.Fatalf("badly separated paragraphs: %q", r.Text)
		}
		if err := checkParagraphs(r); err != nil {
			t.Fatal(err)
		}
		// Cleaning clean text again may only remove more, never add.
		again := Text(r.Text, Known{Title: r.Title, FromHTML: html})
		if len(again.Text) > len(r.Text) {
			t.Fatalf("second pass grew the text:\n%q\n->\n%q", r.Text, again.Text)
		}
	})
}

// checkParagraphs holds a result's paragraphs to their contract: in
// order, every byte of the text but the blank lines between paragraphs in
// exactly one paragraph, a removed one empty and with its words.
func checkParagraphs(r Result) error {
	at := 0
	for i, p := range r.Paragraphs {
		if p.Start < at || p.End < p.Start || p.End > len(r.Text) {
			return fmt.Errorf("paragraph %d %+v out of order (at %d, text %d bytes)", i, p, at, len(r.Text))
		}
		if !p.InText() {
			if p.Removed == "" {
				return fmt.Errorf("removed paragraph %d has no words", i)
			}
			continue
		}
		if gap := r.Text[at:p.Start]; gap != "" && gap != "\n\n" {
			return fmt.Errorf("paragraph %d leaves %q uncovered", i, gap)
		}
		at = p.End
	}
	if at != len(r.Text) {
		return fmt.Errorf("the text after byte %d is in no paragraph", at)
	}
	return nil
}

func BenchmarkText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var texts []string
	size := 0
	for _, fn := range files {
		if buf, err := os.ReadFile(fn); err == nil {
			texts = append(texts, string(buf))
			size += len(buf)
		}
	}
	// A longer article: the fixtures repeated as body text.
	long := strings.Repeat(strings.Join(texts, "\n\n"), 8)
	texts = append(texts, long)
	size += len(long)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Text(t, Known{})
		}
	}
}

// BenchmarkSeeds cleans the five seed articles (from ../shared, when
// present) and reports articles per second.
func BenchmarkSeeds(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "articles", "*.txt"))
	if len(files) == 0 {
		b.Skip("seed articles absent")
	}
	var texts []string
	size := 0
	for _, fn := range files {
		buf, err := os.ReadFile(fn)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(buf))
		size += len(buf)
	}
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, t := range texts {
			Text(t, Known{})
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
