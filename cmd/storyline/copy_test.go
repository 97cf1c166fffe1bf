package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store"
)

// An embedded store copied into PostgreSQL (and back) exports the same
// files, finds the same articles, and links a new article into the
// events it holds; a second copy into it is refused.
func TestCopyToPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	dir := t.TempDir()
	news := filepath.Join(dir, "news.jsonl")
	var b bytes.Buffer
	if err := sample.NewNews(sample.NewsConfig{Seed: 5}).WriteNews(&b, 240); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(news, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The demo corpus beside them: three invented happenings with a
	// vocabulary of their own.
	demo, meta, err := sample.WriteTo(filepath.Join(dir, "demo"))
	if err != nil {
		t.Fatal(err)
	}
	src := "sqlite:" + filepath.Join(dir, "src.db")
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", src, news); code != exitOK {
		t.Fatalf("ingest: %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", src, "--meta", meta, demo); code != exitOK {
		t.Fatalf("ingest: %d\n%s", code, stderr)
	}
	s, err := openStore(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored, err := s.CountArticles(ctx)
	if err != nil || stored < 250 {
		t.Fatalf("the source holds %d articles (%v)", stored, err)
	}
	copied := fmt.Sprintf("copied %d articles", stored)
	code, stdout, stderr := run(t, "copy", "--from", src, "--to", dsn)
	if code != exitOK || !strings.Contains(stdout, copied) {
		t.Fatalf("copy: %d %q\n%s", code, stdout, stderr)
	}
	sameExports(t, src, dsn)
	back := "sqlite:" + filepath.Join(dir, "back.db")
	if code, stdout, stderr := run(t, "copy", "--from", dsn, "--to", back); code != exitOK || !strings.Contains(stdout, copied) {
		t.Fatalf("copy back: %d %q\n%s", code, stdout, stderr)
	}
	sameExports(t, src, back)

	d, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// Search: the words of a few titles, and a name alone.
	var queries []string
	var multi *storyline.Event // a demo happening of several articles
	err = s.EachEvent(ctx, func(e *storyline.Event) error {
		if len(queries) < 4 {
			queries = append(queries, e.Title)
		}
		if multi == nil && len(e.Articles) >= 2 && !slices.ContainsFunc(e.Articles, func(id string) bool { return strings.HasPrefix(id, "news-") }) {
			multi = e
		}
		return nil
	})
	if err != nil || multi == nil {
		t.Fatalf("no event of several demo articles in the source (%v)", err)
	}
	queries = append(queries, strings.Fields(multi.Title)[0])
	for _, q := range queries {
		want, got := hitIDs(t, s, q), hitIDs(t, d, q)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("search %q: copy finds %v, source %v", q, got, want)
		}
	}

	// One more article, another outlet's version of one in the event
	// (a line of its own at the end), ingested into the copy as into
	// the source: it joins the event in both, and the stores still
	// export the same files.
	orig, err := s.Article(ctx, multi.Articles[0])
	if err != nil {
		t.Fatal(err)
	}
	text := orig.Text + "\n\nThe Copy Herald's correspondents contributed to this report."
	line, _ := json.Marshal(sample.Generated{ID: "copy-extra", Title: orig.Title, Text: text, Published: orig.Published, Outlet: "The Copy Herald"})
	extra := filepath.Join(dir, "extra.jsonl")
	if err := os.WriteFile(extra, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	before := eventIDs(t, d)
	for _, db := range []string{src, dsn} {
		if code, _, stderr := run(t, "ingest", "--quiet", "--local", "--db", db, extra); code != exitOK {
			t.Fatalf("ingest into %s: %d\n%s", db, code, stderr)
		}
	}
	a, err := d.Article(ctx, "copy-extra")
	if err != nil {
		t.Fatal(err)
	}
	o, err := d.Article(ctx, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(before, a.Event) || a.Event != o.Event {
		t.Errorf("the new article is in event %q, its original in %q; want one event the copy held", a.Event, o.Event)
	}
	sameExports(t, src, dsn)

	code, _, stderr = run(t, "copy", "--from", src, "--to", dsn)
	if code != exitFailed || !strings.Contains(stderr, "not empty") || !strings.Contains(stderr, "--replace") {
		t.Errorf("copy into a store that holds one: %d\n%s", code, stderr)
	}
	if n, err := d.CountArticles(ctx); err != nil || n != stored+1 {
		t.Errorf("after the refused copy: %d articles, %v; want %d", n, err, stored+1)
	}
}

// sameExports checks that two stores export the same files.
func sameExports(t *testing.T, a, b string) {
	t.Helper()
	outA, outB := t.TempDir(), t.TempDir()
	for _, x := range [][2]string{{a, outA}, {b, outB}} {
		if code, _, stderr := run(t, "export", "--db", x[0], "--out", x[1]); code != exitOK {
			t.Fatalf("export %s: %d\n%s", x[0], code, stderr)
		}
	}
	files, err := filepath.Glob(filepath.Join(outA, "*.jsonl"))
	if err != nil || len(files) < 5 {
		t.Fatalf("export wrote %v (%v)", files, err)
	}
	for _, f := range files {
		want, err1 := os.ReadFile(f)
		got, err2 := os.ReadFile(filepath.Join(outB, filepath.Base(f)))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs between the stores (%d and %d bytes)", filepath.Base(f), len(want), len(got))
		}
	}
}

// hitIDs are the ids of the articles a search finds, sorted: the engines
// rank alike but not the same.
func hitIDs(t *testing.T, s store.Store, q string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), q, 1000, 0)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func eventIDs(t *testing.T, s store.Store) []string {
	t.Helper()
	var ids []string
	if err := s.EachEvent(context.Background(), func(e *storyline.Event) error { ids = append(ids, e.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	return ids
}
