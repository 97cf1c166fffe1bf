package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

func TestQuotesCommand(t *testing.T) {
	ctx := context.Background()
	db := "sqlite:" + filepath.Join(t.TempDir(), "q.db")
	st, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	arts := []*storyline.Article{
		{ID: "a1", Outlet: "Outlet One", Published: "2022-01-10", Text: "x",
			Quotes: []storyline.QuoteMention{{Quote: "q-new", Text: "difficult but businesslike", Speaker: "e1", SpeakerName: "Sergei Ryabkov", Direct: true}}},
		{ID: "a2", Published: "2022-01-10", Text: "y"},
		{ID: "a3", Outlet: "Outlet Three", Published: "2021-07-27", Text: "z"},
	}
	err = store.WriteCorpus(ctx, st, &storyline.Corpus{
		Articles: arts,
		Entities: []storyline.Entity{{ID: "e1", Name: "Sergei Ryabkov", Type: storyline.Person, Articles: []string{"a1", "a2", "a3"}}},
		Quotes: []storyline.Quote{
			{ID: "q-old", Speaker: "e1", SpeakerName: "Sergei Ryabkov", Text: "I would not raise the bar of expectations.", Articles: []string{"a3"}},
			{ID: "q-new", Speaker: "e1", SpeakerName: "Sergei Ryabkov", Text: "difficult but businesslike", Articles: []string{"a1", "a2"}},
		},
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "quotes", "--speaker", "Riabkov", "--db", db)
	if code != exitOK {
		t.Fatalf("quotes: %d %s", code, stderr)
	}
	i, j := strings.Index(out, "“difficult but businesslike”"), strings.Index(out, "bar of expectations")
	if i < 0 || j < 0 || i > j {
		t.Errorf("want both quotes, newest first:\n%s", out)
	}
	if !strings.Contains(out, "(reported): I would not raise") {
		t.Errorf("want the quote no article marks as direct shown as reported speech:\n%s", out)
	}
	if !strings.Contains(out, "Outlet One (2022-01-10), a2 (2022-01-10)") {
		t.Errorf("want the outlets (or article id) with dates:\n%s", out)
	}
	if code, _, _ := run(t, "quotes", "--db", db); code != exitFailed {
		t.Errorf("missing --speaker: status %d, want %d", code, exitFailed)
	}
	if code, out, _ := run(t, "quotes", "--help"); code != exitOK || !strings.Contains(out, "--speaker") {
		t.Errorf("--help: %d %s", code, out)
	}
}
