// Package export writes the batch contract's files (docs/contract.md):
// articles.jsonl, events.jsonl, stories.jsonl, entities.jsonl and
// quotes.jsonl, one JSON object a line, from everything in a store.
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// Files are the names Write produces, in the order it writes them.
var Files = []string{"articles.jsonl", "events.jsonl", "stories.jsonl", "entities.jsonl", "quotes.jsonl"}

// article is the contract's shape of an article: unknown dates are null and
// lists are never null.
type article struct {
	ID            string              `json:"id"`
	URL           string              `json:"url"`
	Title         string              `json:"title"`
	Byline        string              `json:"byline"`
	Outlet        string              `json:"outlet"`
	Credits       []string            `json:"credits"`
	Lang          string              `json:"lang"`
	Published     *string             `json:"published"`
	PublishedFrom *string             `json:"published_from"`
	Text          string              `json:"text"`
	Event         string              `json:"event"`
	Entities      []storyline.Mention `json:"entities"`
	Timexes       []timex             `json:"timexes"`
	Quotes        []quoteMention      `json:"quotes"`
}

type timex struct {
	Text   string  `json:"text"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Type   string  `json:"type"`
	Value  *string `json:"value"`
	Anchor string  `json:"anchor,omitempty"` // an addition: see docs/contract.md
}

type quoteMention struct {
	Quote       string  `json:"quote"`
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	SpeakerName string  `json:"speaker_name"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Direct      bool    `json:"direct"`
}

type event struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Date     *string          `json:"date"`
	Place    string           `json:"place"`
	Summary  string           `json:"summary"`
	Articles []string         `json:"articles"`
	Entities []string         `json:"entities"`
	Story    string           `json:"story"`
	Facts    []storyline.Fact `json:"facts"`
}

type timelineEntry struct {
	Date     string   `json:"date"`
	What     string   `json:"what"`
	Event    string   `json:"event,omitempty"`
	Articles []string `json:"articles"`
}

type story struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	Events   []string        `json:"events"`
	Timeline []timelineEntry `json:"timeline"`
}

type quote struct {
	ID          string   `json:"id"`
	Speaker     *string  `json:"speaker"`
	SpeakerName string   `json:"speaker_name"`
	Text        string   `json:"text"`
	Articles    []string `json:"articles"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func list[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// Article converts a stored article to its contract form.
func Article(a *storyline.Article) any {
	out := article{
		ID: a.ID, URL: a.URL, Title: a.Title, Byline: a.Byline, Outlet: a.Outlet,
		Credits: list(a.Credits), Lang: a.Lang, Published: nullable(a.Published),
		PublishedFrom: nullable(a.PublishedFrom), Text: a.Text, Event: a.Event,
		Entities: list(a.Entities), Timexes: []timex{}, Quotes: []quoteMention{},
	}
	if a.Published == "" {
		out.PublishedFrom = nil
	}
	for _, t := range a.Timexes {
		out.Timexes = append(out.Timexes, timex{Text: t.Text, Start: t.Start, End: t.End, Type: t.Type, Value: nullable(t.Value), Anchor: t.Anchor})
	}
	for _, q := range a.Quotes {
		out.Quotes = append(out.Quotes, quoteMention{Quote: q.Quote, Text: q.Text, Speaker: nullable(q.Speaker),
			SpeakerName: q.SpeakerName, Start: q.Start, End: q.End, Direct: q.Direct})
	}
	return out
}

// Event converts an event to its contract form.
func Event(e storyline.Event) any {
	return event{ID: e.ID, Title: e.Title, Date: nullable(e.Date), Place: e.Place, Summary: e.Summary,
		Articles: list(e.Articles), Entities: list(e.Entities), Story: e.Story, Facts: list(e.Facts)}
}

// Story converts a story to its contract form.
func Story(s storyline.Story) any {
	out := story{ID: s.ID, Title: s.Title, Events: list(s.Events), Timeline: []timelineEntry{}}
	for _, t := range s.Timeline {
		out.Timeline = append(out.Timeline, timelineEntry{Date: t.Date, What: t.What, Event: t.Event, Articles: list(t.Articles)})
	}
	return out
}

// Entity converts an entity to its contract form.
func Entity(e storyline.Entity) any {
	e.Aliases, e.Roles, e.Articles = list(e.Aliases), list(e.Roles), list(e.Articles)
	return e
}

// Quote converts a quote to its contract form.
func Quote(q storyline.Quote) any {
	return quote{ID: q.ID, Speaker: nullable(q.Speaker), SpeakerName: q.SpeakerName, Text: q.Text, Articles: list(q.Articles)}
}

// Write writes the contract's files for everything in st into dir (created
// if needed). Each file is written to a temporary name and renamed, so a
// reader never sees half a file.
func Write(ctx context.Context, st store.Store, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	err := writeFile(dir, "articles.jsonl", func(emit func(any) error) error {
		return st.EachArticle(ctx, func(a *storyline.Article) error { return emit(Article(a)) })
	})
	if err != nil {
		return err
	}
	if err := writeEach(dir, "events.jsonl", func(fn func(*storyline.Event) error) error { return st.EachEvent(ctx, fn) }, Event); err != nil {
		return err
	}
	if err := writeEach(dir, "stories.jsonl", func(fn func(*storyline.Story) error) error { return st.EachStory(ctx, fn) }, Story); err != nil {
		return err
	}
	if err := writeEach(dir, "entities.jsonl", func(fn func(*storyline.Entity) error) error { return st.EachEntity(ctx, fn) }, Entity); err != nil {
		return err
	}
	return writeEach(dir, "quotes.jsonl", func(fn func(*storyline.Quote) error) error { return st.EachQuote(ctx, fn) }, Quote)
}

// writeEach streams one kind of item into its file, in pages: memory does
// not grow with the store.
func writeEach[T any](dir, name string, each func(func(*T) error) error, conv func(T) any) error {
	return writeFile(dir, name, func(emit func(any) error) error {
		return each(func(v *T) error { return emit(conv(*v)) })
	})
}

func writeFile(dir, name string, fill func(emit func(any) error) error) error {
	path := filepath.Join(dir, name)
	f, err := os.CreateTemp(dir, name+".tmp*")
	if err != nil {
		return fmt.Errorf("export %s: %w", name, err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := fill(func(v any) error { return enc.Encode(v) }); err != nil {
		f.Close()
		return fmt.Errorf("export %s: %w", name, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("export %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("export %s: %w", name, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", name, err)
	}
	return nil
}
