// Package storetest is the conformance suite every store driver runs, so
// that SQLite and later drivers behave the same.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// Run runs the suite; open must return a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutIsIdempotent", putIsIdempotent},
		{"ChangedTextUpdates", changedTextUpdates},
		{"RawIsKept", rawIsKept},
		{"ListAndFilter", listAndFilter},
		{"Search", search},
		{"CorpusRoundTrip", corpusRoundTrip},
		{"NotFound", notFound},
		{"Postings", postings},
		{"Counts", counts},
		{"CountLog", countLogFolds},
		{"Features", features},
		{"MoveAnswersWithTheNewID", moveAnswers},
		{"EventFollowsMergedStory", eventFollowsMergedStory},
		{"TakenIDsStayTaken", takenIDs},
		{"EventCandidates", eventCandidates},
		{"FailedUpdateWritesNothing", failedUpdate},
		{"CancelledUpdateWritesNothing", cancelledUpdate},
		{"Reset", reset},
		{"SourcesKeepTheirState", sourcesKeepTheirState},
		{"SeenItemsKeepFirstSighting", seenItemsKeepFirstSighting},
		{"WatchlistsAlertsDeliveries", watchlistsAlertsDeliveries},
		{"EventFacts", eventFacts},
		{"SyndicatedCopies", syndicatedCopies},
		{"EntityArticleCounts", entityArticleCounts},
		{"ArticleSummaries", articleSummaries},
		{"EntityEventsFollowTheirEvents", entityEventsFollowTheirEvents},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

func article(id, outlet, published, text string) *storyline.Article {
	return &storyline.Article{ID: id, Title: "Title of " + id, Outlet: outlet, Published: published, Text: text}
}

// mustPut stores an article the way linking does: unchanged when the
// stored hash is the same, else written.
func mustPut(t *testing.T, s store.Store, a *storyline.Article, hash string) store.PutResult {
	t.Helper()
	var r store.PutResult
	err := s.Update(context.Background(), func(tx store.Tx) error {
		old, err := tx.ArticleHash(context.Background(), a.ID)
		if err != nil {
			return err
		}
		if old == hash {
			r = store.Unchanged
			return nil
		}
		r, err = tx.PutArticle(context.Background(), a, hash, store.Raw{Format: "text", Origin: a.ID + ".txt", Data: []byte(a.Text)}, []byte("features of "+a.ID))
		return err
	})
	if err != nil {
		t.Fatalf("PutArticle(%s): %v", a.ID, err)
	}
	return r
}

func putIsIdempotent(t *testing.T, s store.Store) {
	a := article("a1", "Outlet", "2021-09-30", "Talks resumed in Geneva.")
	if r := mustPut(t, s, a, "h1"); r != store.Inserted {
		t.Fatalf("first put = %v, want inserted", r)
	}
	if r := mustPut(t, s, a, "h1"); r != store.Unchanged {
		t.Fatalf("second put = %v, want unchanged", r)
	}
	if n, _ := s.CountArticles(context.Background()); n != 1 {
		t.Fatalf("count = %d, want 1", n)
	}
}

func changedTextUpdates(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("a1", "", "", "First version."), "h1")
	if r := mustPut(t, s, article("a1", "", "", "Second version."), "h2"); r != store.Updated {
		t.Fatalf("put changed = %v, want updated", r)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil || got.Text != "Second version." {
		t.Fatalf("Article = %+v, %v", got, err)
	}
	if h, _ := s.ArticleHash(ctx, "a1"); h != "h2" {
		t.Fatalf("hash = %q, want h2", h)
	}
	if hits, _ := s.Search(ctx, "first", 10, 0); len(hits) != 0 {
		t.Fatalf("search finds the replaced text: %+v", hits)
	}
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Fatalf("count = %d, want 1", n)
	}
}

func rawIsKept(t *testing.T, s store.Store) {
	mustPut(t, s, article("a1", "", "", "Body."), "h1")
	r, err := s.RawArticle(context.Background(), "a1")
	if err != nil || r.Format != "text" || string(r.Data) != "Body." || r.Origin != "a1.txt" {
		t.Fatalf("RawArticle = %+v, %v", r, err)
	}
}

func listAndFilter(t *testing.T, s store.Store) {
	ctx := context.Background()
	for i := range 7 {
		outlet := "Even"
		if i%2 == 1 {
			outlet = "Odd"
		}
		a := article(fmt.Sprintf("a%d", i), outlet, fmt.Sprintf("2021-09-%02d", 10+i), "text")
		mustPut(t, s, a, "h")
	}
	all, err := s.Articles(ctx, store.Query{})
	if err != nil || len(all) != 7 || all[0].ID != "a6" {
		t.Fatalf("Articles() = %d items, first %v, err %v; want 7, newest first", len(all), all, err)
	}
	odd, _ := s.Articles(ctx, store.Query{Outlet: "Odd"})
	if len(odd) != 3 {
		t.Fatalf("outlet filter: %d, want 3", len(odd))
	}
	ranged, _ := s.Articles(ctx, store.Query{From: "2021-09-11", To: "2021-09-13"})
	if len(ranged) != 3 {
		t.Fatalf("date filter: %d, want 3", len(ranged))
	}
	p1, _ := s.Articles(ctx, store.Query{Limit: 3})
	p3, _ := s.Articles(ctx, store.Query{Limit: 3, Offset: 6})
	if len(p1) != 3 || len(p3) != 1 || p3[0].ID != "a0" {
		t.Fatalf("paging: %d, %d", len(p1), len(p3))
	}
	var ids []string
	err = s.EachArticle(ctx, func(a *storyline.Article) error { ids = append(ids, a.ID); return nil })
	if err != nil || strings.Join(ids, ",") != "a0,a1,a2,a3,a4,a5,a6" {
		t.Fatalf("EachArticle = %v, %v", ids, err)
	}
}

func search(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("a1", "", "", "The talks were difficult but businesslike, he said."), "h")
	mustPut(t, s, article("a2", "", "", "Nothing to see here."), "h")
	hits, err := s.Search(ctx, "Businesslike", 10, 0)
	if err != nil || len(hits) != 1 || hits[0].ID != "a1" || !strings.Contains(hits[0].Snippet, "\x02businesslike\x03") {
		t.Fatalf("Search = %+v, %v", hits, err)
	}
	// Query syntax of the engine must never leak to users.
	for _, q := range []string{`"unbalanced`, `a AND OR`, `*`, `NEAR(`, ``} {
		if _, err := s.Search(ctx, q, 10, 0); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}

func corpusRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := article("a1", "Daily", "2021-09-30", "Ryabkov met Sherman.")
	a2 := article("a2", "Weekly", "2022-01-10", "Riabkov spoke.")
	mustPut(t, s, a1, "h")
	mustPut(t, s, a2, "h")
	a1.Entities = []storyline.Mention{{Entity: "p1", Name: "Sergei Ryabkov", Type: storyline.Person, Text: "Ryabkov", Start: 0, End: 7}}
	a2.Entities = []storyline.Mention{{Entity: "p1", Name: "Sergei Ryabkov", Type: storyline.Person, Text: "Riabkov", Start: 0, End: 7}}
	a1.Event, a2.Event = "e1", "e2"
	c := &storyline.Corpus{
		Articles: []*storyline.Article{a1, a2},
		Entities: []storyline.Entity{{ID: "p1", Name: "Sergei Ryabkov", Type: storyline.Person, Aliases: []string{"Riabkov", "Ryabkov"}, Articles: []string{"a1", "a2"}}},
		Events: []storyline.Event{
			{ID: "e1", Date: "2021-09-30", Articles: []string{"a1"}, Entities: []string{"p1"}, Story: "s1"},
			{ID: "e2", Date: "2022-01-10", Articles: []string{"a2"}, Entities: []string{"p1"}, Story: "s1"},
		},
		Stories: []storyline.Story{{ID: "s1", Title: "Talks", Events: []string{"e1", "e2"}}},
		Quotes:  []storyline.Quote{{ID: "q1", Speaker: "p1", SpeakerName: "Sergei Ryabkov", Text: "difficult but businesslike", Articles: []string{"a2"}}},
	}
	if err := store.WriteCorpus(ctx, s, c); err != nil {
		t.Fatal(err)
	}
	// Writing twice replaces, never duplicates.
	if err := store.WriteCorpus(ctx, s, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(ctx, "a2")
	if got.Event != "e2" || len(got.Entities) != 1 || got.Entities[0].Entity != "p1" {
		t.Fatalf("article after WriteCorpus: %+v", got)
	}
	var each []string
	if err := s.EachEntity(ctx, func(e *storyline.Entity) error {
		each = append(each, e.ID+":"+strings.Join(e.Articles, ","))
		return nil
	}); err != nil || strings.Join(each, " ") != "p1:a1,a2" {
		t.Fatalf("EachEntity = %v, %v; want p1 with both articles", each, err)
	}
	ents, _ := s.Entities(ctx, store.Query{Q: "riabkov"})
	if len(ents) != 1 || ents[0].ID != "p1" {
		t.Fatalf("Entities(riabkov) = %+v", ents)
	}
	if ents, _ := s.Entities(ctx, store.Query{Outlet: "Weekly", From: "2022-01-01"}); len(ents) != 1 {
		t.Fatalf("Entities(outlet, from) = %+v, want p1", ents)
	}
	if ents, _ := s.Entities(ctx, store.Query{Outlet: "Daily", From: "2022-01-01"}); len(ents) != 0 {
		t.Fatalf("Entities(outlet Daily from 2022) = %+v, want none", ents)
	}
	byEntity, _ := s.Articles(ctx, store.Query{Entity: "p1"})
	if len(byEntity) != 2 || byEntity[0].ID != "a2" {
		t.Fatalf("Articles(entity) = %d articles, want 2, newest first", len(byEntity))
	}
	if arts, _ := s.Articles(ctx, store.Query{Entity: "p1", Outlet: "Daily"}); len(arts) != 1 || arts[0].ID != "a1" {
		t.Fatalf("Articles(entity, outlet Daily) = %d articles, want a1", len(arts))
	}
	if pub, _ := s.Published(ctx, store.Query{Entity: "p1"}); len(pub) != 2 || pub[0] != a2.Published || pub[1] != a1.Published {
		t.Fatalf("Published(entity) = %v, want the two dates, newest first", pub)
	}
	if pub, _ := s.Published(ctx, store.Query{Entity: "p1", From: a2.Published[:10]}); len(pub) != 1 || pub[0] != a2.Published {
		t.Fatalf("Published(entity, from %s) = %v, want a2's date", a2.Published[:10], pub)
	}
	if pub, _ := s.Published(ctx, store.Query{Entity: "p1", Outlet: "Daily"}); len(pub) != 1 || pub[0] != a1.Published {
		t.Fatalf("Published(entity, outlet Daily) = %v, want a1's date", pub)
	}
	if evs, _ := s.Events(ctx, store.Query{Entity: "p1"}); len(evs) != 2 || evs[0].ID != "e2" {
		t.Fatalf("Events(entity) = %+v, want both, newest first", evs)
	}
	if evs, _ := s.Events(ctx, store.Query{Entity: "p1", Outlet: "Daily"}); len(evs) != 1 || evs[0].ID != "e1" {
		t.Fatalf("Events(entity, outlet Daily) = %+v, want e1", evs)
	}
	evs, _ := s.Events(ctx, store.Query{})
	if len(evs) != 2 || evs[0].ID != "e2" {
		t.Fatalf("Events = %+v, want newest first", evs)
	}
	evs, _ = s.Events(ctx, store.Query{Outlet: "Daily"})
	if len(evs) != 1 || evs[0].ID != "e1" {
		t.Fatalf("Events(outlet) = %+v", evs)
	}
	sts, _ := s.Stories(ctx, store.Query{Entity: "p1"})
	if len(sts) != 1 || len(sts[0].Events) != 2 {
		t.Fatalf("Stories = %+v", sts)
	}
	qs, _ := s.Quotes(ctx, store.Query{Entity: "p1"})
	if len(qs) != 1 || qs[0].Text != "difficult but businesslike" {
		t.Fatalf("Quotes = %+v", qs)
	}
	qs, _ = s.Quotes(ctx, store.Query{Outlet: "Daily"})
	if len(qs) != 0 {
		t.Fatalf("Quotes(outlet Daily) = %+v, want none", qs)
	}
}

func notFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article: %v", err)
	}
	if _, err := s.Event(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event: %v", err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story: %v", err)
	}
	if _, err := s.Entity(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity: %v", err)
	}
	if _, err := s.Quote(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Quote: %v", err)
	}
}

func update(t *testing.T, s store.Store, fn func(ctx context.Context, tx store.Tx) error) {
	t.Helper()
	ctx := context.Background()
	if err := s.Update(ctx, func(tx store.Tx) error { return fn(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
}

func postings(t *testing.T, s store.Store) {
	var got []store.Posting
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		err := tx.AddPostings(ctx, "term", []store.Posting{
			{Key: "geneva", Rank: 10, ID: "e1"}, {Key: "geneva", Rank: 30, ID: "e2"}, {Key: "geneva", Rank: 20, ID: "e3"},
			{Key: "talks", Rank: 30, ID: "e2"}, {Key: "geneva", Rank: 30, ID: "e2"}, // a repeat is one posting
		})
		if err != nil {
			return err
		}
		if err := tx.AddPostings(ctx, "name", []store.Posting{{Key: "geneva", Rank: 15, ID: "other-index"}}); err != nil {
			return err
		}
		got, err = tx.Postings(ctx, "term", []string{"geneva", "talks", "absent"}, []store.Range{{Lo: 15, Hi: 40}}, 2)
		return err
	})
	want := "geneva:30:e2 geneva:20:e3 talks:30:e2"
	if g := postingString(got); g != want {
		t.Fatalf("Postings = %s, want %s (rank window, highest first, per-key limit, one index)", g, want)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.DeletePostings(ctx, "term", "e2"); err != nil {
			return err
		}
		var err error
		got, err = tx.Postings(ctx, "term", []string{"geneva", "talks"}, store.AllRanks, 0)
		if err != nil {
			return err
		}
		if g := postingString(got); g != "geneva:20:e3 geneva:10:e1" {
			t.Errorf("after DeletePostings: %s", g)
		}
		// Two ranges: each gets its own limit.
		got, err = tx.Postings(ctx, "term", []string{"geneva"}, []store.Range{{Lo: 20, Hi: 20}, {Lo: 0, Hi: 15}}, 1)
		return err
	})
	if g := postingString(got); g != "geneva:20:e3 geneva:10:e1" {
		t.Fatalf("two ranges: %s", g)
	}
}

func postingString(ps []store.Posting) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, fmt.Sprintf("%s:%d:%s", p.Key, p.Rank, p.ID))
	}
	return strings.Join(parts, " ")
}

func counts(t *testing.T, s store.Store) {
	const big = uint64(1) << 63 // keys use all 64 bits
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.AddCounts(ctx, map[uint64]int64{1: 2, big + 5: 1}); err != nil {
			return err
		}
		return tx.AddCounts(ctx, map[uint64]int64{1: 3, big + 5: -1, 9: 0})
	})
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		got, err := tx.Counts(ctx, []uint64{1, big + 5, 7})
		if err != nil {
			return err
		}
		if got[1] != 5 || got[big+5] != 0 || got[7] != 0 {
			t.Errorf("Counts = %v, want 1:5 and zeros", got)
		}
		if err := tx.SetMeta(ctx, "docs", "12"); err != nil {
			return err
		}
		if v, err := tx.Meta(ctx, "docs"); err != nil || v != "12" {
			t.Errorf("Meta = %q, %v", v, err)
		}
		if v, err := tx.Meta(ctx, "absent"); err != nil || v != "" {
			t.Errorf("Meta(absent) = %q, %v", v, err)
		}
		return nil
	})
}

// countLogFolds: logged deltas are read back after a number, in order
// and whole (keys of all 64 bits, negative deltas, zeros left out); a
// fold adds the entries up to a number into the counters and drops only
// them; numbers keep rising after a fold and after a reset.
func countLogFolds(t *testing.T, s store.Store) {
	const big = uint64(1) << 63
	var first, second int64
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		var err error
		if first, err = tx.AppendCounts(ctx, map[uint64]int64{1: 2, big + 5: 1, 9: 0}); err != nil {
			return err
		}
		second, err = tx.AppendCounts(ctx, map[uint64]int64{1: 3, big + 5: -1})
		return err
	})
	if second <= first {
		t.Fatalf("entries numbered %d then %d", first, second)
	}
	read := func(after int64) string {
		t.Helper()
		var got []string
		update(t, s, func(ctx context.Context, tx store.Tx) error {
			es, err := tx.CountLog(ctx, after)
			for _, e := range es {
				got = append(got, fmt.Sprintf("%d:%v", e.Seq-first, e.Deltas))
			}
			return err
		})
		return strings.Join(got, " ")
	}
	if got, want := read(0), fmt.Sprintf("0:map[1:2 %d:1] 1:map[1:3 %d:-1]", big+5, big+5); got != want {
		t.Errorf("CountLog(0) = %s, want %s", got, want)
	}
	if got, want := read(first), fmt.Sprintf("1:map[1:3 %d:-1]", big+5); got != want {
		t.Errorf("CountLog(first) = %s, want %s", got, want)
	}
	var third int64
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.FoldCounts(ctx, first); err != nil {
			return err
		}
		got, err := tx.Counts(ctx, []uint64{1, big + 5, 9})
		if err != nil {
			return err
		}
		if got[1] != 2 || got[big+5] != 1 || got[9] != 0 {
			t.Errorf("Counts after folding the first entry = %v, want 1:2 %d:1", got, big+5)
		}
		if n, err := tx.CountsFolded(ctx); err != nil || n != first {
			t.Errorf("CountsFolded = %d, %v; want %d", n, err, first)
		}
		third, err = tx.AppendCounts(ctx, map[uint64]int64{7: 1})
		return err
	})
	if got, want := read(0), fmt.Sprintf("1:map[1:3 %d:-1] %d:map[7:1]", big+5, third-first); got != want {
		t.Errorf("CountLog(0) after a fold = %s, want %s", got, want)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.FoldCounts(ctx, third); err != nil {
			return err
		}
		if err := tx.Reset(ctx); err != nil {
			return err
		}
		n, err := tx.AppendCounts(ctx, map[uint64]int64{7: 1})
		if n <= third {
			t.Errorf("after a fold and a reset, entry %d numbered %d", third, n)
		}
		return err
	})
}

func features(t *testing.T, s store.Store) {
	mustPut(t, s, article("a1", "", "", "One."), "h1")
	mustPut(t, s, article("a2", "", "", "Two."), "h1")
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		got, err := tx.Features(ctx, []string{"a1", "a2", "a3"})
		if err != nil {
			return err
		}
		if len(got) != 2 || string(got["a1"]) != "features of a1" {
			t.Errorf("Features = %q", got)
		}
		return nil
	})
}

// A merged id keeps answering: readers get *store.Moved with where it
// went, articles follow, and an id merged twice points at the last.
func moveAnswers(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := article("a1", "Daily", "2021-09-30", "Ryabkov met Sherman.")
	a2 := article("a2", "Daily", "2021-09-30", "Riabkov met Sherman.")
	a1.Event, a2.Event = "e1", "e2"
	a1.Entities = []storyline.Mention{{Entity: "p1", Name: "Ryabkov", Type: storyline.Person, Text: "Ryabkov", Start: 0, End: 7}}
	a2.Entities = []storyline.Mention{{Entity: "p2", Name: "Sergei Riabkov", Type: storyline.Person, Text: "Riabkov", Start: 0, End: 7}}
	c := &storyline.Corpus{
		Articles: []*storyline.Article{a1, a2},
		Entities: []storyline.Entity{{ID: "p1", Name: "Ryabkov", Type: storyline.Person, Articles: []string{"a1"}}, {ID: "p2", Name: "Sergei Riabkov", Type: storyline.Person, Articles: []string{"a2"}}},
		Events:   []storyline.Event{{ID: "e1", Articles: []string{"a1"}, Story: "s1"}, {ID: "e2", Articles: []string{"a2"}, Story: "s1"}, {ID: "e3", Story: "s1"}},
		Stories:  []storyline.Story{{ID: "s1", Events: []string{"e1", "e2"}}},
		Quotes:   []storyline.Quote{{ID: "q1", Speaker: "p1", SpeakerName: "Ryabkov", Text: "We met.", Articles: []string{"a1"}}},
	}
	if err := store.WriteCorpus(ctx, s, c); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.Move(ctx, store.KindEntity, "p1", "p2"); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindEvent, "e1", "e2"); err != nil {
			return err
		}
		return tx.Move(ctx, store.KindEvent, "e2", "e3")
	})
	var moved *store.Moved
	if _, err := s.Event(ctx, "e1"); !errors.As(err, &moved) || moved.To != "e3" {
		t.Fatalf("Event(e1) = %v, want moved to e3", err)
	}
	if _, err := s.Entity(ctx, "p1"); !errors.As(err, &moved) || moved.To != "p2" {
		t.Fatalf("Entity(p1) = %v, want moved to p2", err)
	}
	e3, err := s.Event(ctx, "e3")
	if err != nil || strings.Join(e3.Articles, ",") != "a1,a2" {
		t.Fatalf("Event(e3) = %+v, %v; want both articles", e3, err)
	}
	a, err := s.Article(ctx, "a1")
	if err != nil || a.Event != "e3" || a.Entities[0].Entity != "p2" || a.Entities[0].Name != "Sergei Riabkov" {
		t.Fatalf("Article(a1) = %+v, %v; want event e3 and entity p2 with its name", a, err)
	}
	p2, err := s.Entity(ctx, "p2")
	if err != nil || strings.Join(p2.Articles, ",") != "a1,a2" {
		t.Fatalf("Entity(p2) = %+v, %v", p2, err)
	}
	// A quote names its speaker as the entity is named now.
	if q, err := s.Quote(ctx, "q1"); err != nil || q.Speaker != "p2" || q.SpeakerName != "Sergei Riabkov" {
		t.Fatalf("Quote(q1) = %+v, %v; want speaker p2, Sergei Riabkov", q, err)
	}
	// Readers by id: events (not the merged ones), entities without
	// their article lists, and the quotes articles carry.
	if evs, err := s.EventsByID(ctx, []string{"e1", "e3", "zz"}); err != nil || len(evs) != 1 || strings.Join(evs["e3"].Articles, ",") != "a1,a2" || evs["e3"].Story != "s1" {
		t.Fatalf("EventsByID = %+v, %v; want e3 alone, with both articles, in s1", evs, err)
	}
	ents, err := s.EntitiesByID(ctx, []string{"p1", "p2", "zz"})
	if err != nil || len(ents) != 1 || ents["p2"].Name != "Sergei Riabkov" || ents["p2"].ArticleCount != 2 || ents["p2"].Articles != nil {
		t.Fatalf("EntitiesByID = %+v, %v; want p2 alone, named, counting 2 articles, without the list", ents, err)
	}
	if qs, err := s.ArticleQuotes(ctx, []string{"a1", "a2", "zz"}); err != nil || strings.Join(qs, ",") != "q1" {
		t.Fatalf("ArticleQuotes = %v, %v; want q1", qs, err)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		cur, err := tx.Current(ctx, store.KindEvent, []string{"e1", "e3", "zz"})
		if err != nil {
			return err
		}
		if cur["e1"] != "e3" || cur["e3"] != "e3" || cur["zz"] != "zz" {
			t.Errorf("Current = %v", cur)
		}
		return nil
	})
}

// An event written with a story that merged into another since (a linker
// kept it in memory across the merge) is stored in the story it went
// into, so that it never points at an id that only redirects.
func eventFollowsMergedStory(t *testing.T, s store.Store) {
	ctx := context.Background()
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		for _, id := range []string{"s1", "s2"} {
			if err := tx.PutStory(ctx, &store.StoryRow{Story: storyline.Story{ID: id}}); err != nil {
				return err
			}
		}
		if err := tx.Move(ctx, store.KindStory, "s1", "s2"); err != nil {
			return err
		}
		for id, story := range map[string]string{"e1": "s1", "e2": "s2"} {
			if err := tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: id, Story: story}, Day: store.NoDay}); err != nil {
				return err
			}
		}
		return nil
	})
	for id, want := range map[string]string{"e1": "s2", "e2": "s2"} {
		e, err := s.Event(ctx, id)
		if err != nil || e.Story != want {
			t.Fatalf("Event(%s) = %+v, %v; want story %q", id, e, err, want)
		}
	}
}

func takenIDs(t *testing.T, s store.Store) {
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: "e1"}, Day: store.NoDay}); err != nil {
			return err
		}
		if err := tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: "e2"}, Day: store.NoDay}); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindEvent, "e1", "e2"); err != nil {
			return err
		}
		for id, want := range map[string]bool{"e1": true, "e2": true, "e3": false} {
			got, err := tx.Taken(ctx, store.KindEvent, id)
			if err != nil {
				return err
			}
			if got != want {
				t.Errorf("Taken(%s) = %v, want %v", id, got, want)
			}
		}
		got, err := tx.TakenIDs(ctx, store.KindEvent, []string{"e3", "e1", "e2", "e1"})
		if err != nil {
			return err
		}
		if len(got) != 2 || !got["e1"] || !got["e2"] {
			t.Errorf("TakenIDs(e3, e1, e2) = %v, want e1 and e2", got)
		}
		if got, err := tx.TakenIDs(ctx, store.KindEvent, nil); err != nil || len(got) != 0 {
			t.Errorf("TakenIDs() = %v, %v; want none", got, err)
		}
		return nil
	})
}

// An event's candidate row is written with the event when given and
// kept when a later write gives none (a change of story), written alone by
// PutEventCandidate, and goes with the event when it moves or the store
// is reset; it holds the event's story through writes of the event and
// merges of stories. EventRowsAfter pages over the events in id order.
func eventCandidates(t *testing.T, s store.Store) {
	put := func(ctx context.Context, tx store.Tx, id, story string, candidate []byte) error {
		return tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: id, Story: story}, Day: store.NoDay, N: 1, State: []byte("state of " + id), Candidate: candidate})
	}
	want := func(ctx context.Context, tx store.Tx, label string, want map[string]string) error {
		got, err := tx.EventCandidates(ctx, []string{"e1", "e2", "e3", "e4"})
		if err != nil {
			return err
		}
		gotS := map[string]string{}
		for id, c := range got {
			gotS[id] = string(c.Data) + " in " + c.Story
		}
		if !reflect.DeepEqual(gotS, want) {
			t.Errorf("%s: EventCandidates = %v, want %v", label, gotS, want)
		}
		return nil
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		for _, e := range []struct{ id, candidate string }{{"e1", "c1"}, {"e2", ""}, {"e3", "c3"}} {
			var c []byte
			if e.candidate != "" {
				c = []byte(e.candidate)
			}
			if err := put(ctx, tx, e.id, "", c); err != nil {
				return err
			}
		}
		if err := put(ctx, tx, "e1", "s1", nil); err != nil {
			return err
		}
		return want(ctx, tx, "written with the events", map[string]string{"e1": "c1 in s1", "e3": "c3 in "})
	})
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutEventCandidate(ctx, "e2", []byte("c2")); err != nil {
			return err
		}
		if err := put(ctx, tx, "e3", "", []byte("c3 again")); err != nil {
			return err
		}
		if err := want(ctx, tx, "written again", map[string]string{"e1": "c1 in s1", "e2": "c2 in ", "e3": "c3 again in "}); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindEvent, "e3", "e1"); err != nil {
			return err
		}
		if err := want(ctx, tx, "e3 moved into e1", map[string]string{"e1": "c1 in s1", "e2": "c2 in "}); err != nil {
			return err
		}
		// A merge of stories re-points the rows of the merged story's
		// events, and an event written later with the merged story's id
		// (a linker that read it before the merge) takes the survivor.
		if err := tx.PutStory(ctx, &store.StoryRow{Story: storyline.Story{ID: "s1"}}); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindStory, "s1", "s2"); err != nil {
			return err
		}
		if err := want(ctx, tx, "s1 merged into s2", map[string]string{"e1": "c1 in s2", "e2": "c2 in "}); err != nil {
			return err
		}
		rows, err := tx.EventRows(ctx, []string{"e1"})
		if err != nil {
			return err
		}
		if r := rows["e1"]; r == nil || r.Story != "s2" {
			t.Errorf("EventRows after s1 merged into s2: %+v, want e1 in s2", r)
		}
		if err := put(ctx, tx, "e2", "s1", nil); err != nil {
			return err
		}
		if err := want(ctx, tx, "e2 written in s1", map[string]string{"e1": "c1 in s2", "e2": "c2 in s2"}); err != nil {
			return err
		}
		var pages [][]string
		for after := ""; ; {
			rows, err := tx.EventRowsAfter(ctx, after, 1)
			if err != nil {
				return err
			}
			if len(rows) == 0 {
				break
			}
			pages = append(pages, []string{rows[0].ID, rows[0].Story, string(rows[0].State)})
			after = rows[0].ID
		}
		if w := [][]string{{"e1", "s2", "state of e1"}, {"e2", "s2", "state of e2"}}; !reflect.DeepEqual(pages, w) {
			t.Errorf("EventRowsAfter, one at a time: %v, want %v", pages, w)
		}
		return tx.Reset(ctx)
	})
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		return want(ctx, tx, "reset", map[string]string{})
	})
}

// An error inside Update rolls everything back.
// An update whose context ends while it writes commits nothing, even
// though its statements do not stop midway (sqlstore runs them without the
// context's cancellation): the transaction ends with the context.
func cancelledUpdate(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	err := s.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.PutArticle(ctx, article("a1", "", "", "Lost."), "h", store.Raw{}, nil); err != nil {
			return err
		}
		cancel()
		// What follows the cancellation may run or fail; either way the
		// update must not commit.
		_, _ = tx.PutArticle(ctx, article("a2", "", "", "Lost too."), "h", store.Raw{}, nil)
		return nil
	})
	if err == nil {
		t.Fatal("Update under a cancelled context succeeded")
	}
	if n, _ := s.CountArticles(context.Background()); n != 0 {
		t.Fatalf("%d articles after a cancelled update, want 0", n)
	}
}

func failedUpdate(t *testing.T, s store.Store) {
	ctx := context.Background()
	boom := errors.New("boom")
	err := s.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.PutArticle(ctx, article("a1", "", "", "Lost."), "h", store.Raw{}, nil); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want the function's error", err)
	}
	if n, _ := s.CountArticles(ctx); n != 0 {
		t.Fatalf("%d articles after a failed update, want 0", n)
	}
}

func reset(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("a1", "", "", "Kept.")
	a.Event = "e1"
	if err := store.WriteCorpus(ctx, s, &storyline.Corpus{Articles: []*storyline.Article{a}, Events: []storyline.Event{{ID: "e1", Articles: []string{"a1"}}}}); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.Reset(ctx) })
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Fatalf("Reset lost articles: %d left", n)
	}
	if _, err := s.Event(ctx, "e1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Event after Reset = %v, want not found", err)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if v, _ := tx.Meta(ctx, "relink"); v != "" {
			t.Errorf("Reset kept the relink mark")
		}
		return nil
	})
}

// An entity's number of articles is kept, not counted when read: after
// new, changed and unlinked articles, merges, a removal and a reset it is
// still the number of articles whose rows name it.
func entityArticleCounts(t *testing.T, s store.Store) {
	ctx := context.Background()
	for i := 1; i <= 6; i++ {
		mustPut(t, s, article(fmt.Sprintf("a%d", i), "Daily", fmt.Sprintf("2021-10-%02d", i), "Text."), "h")
	}
	entities := func(tx store.Tx, ids ...string) error {
		for _, id := range ids {
			if err := tx.PutEntity(ctx, &store.EntityRow{Entity: storyline.Entity{ID: id, Name: "Name of " + id, Type: storyline.Person}, N: 1}); err != nil {
				return err
			}
		}
		return nil
	}
	names := func(tx store.Tx, article string, ents ...string) error {
		return tx.SetArticleEntities(ctx, article, "2021-10-01", ents)
	}
	check := func(when string, want map[string]int) {
		t.Helper()
		for id, n := range want {
			e, err := s.Entity(ctx, id)
			if err != nil {
				t.Fatalf("%s: Entity(%s): %v", when, id, err)
			}
			if e.ArticleCount != n || len(e.Articles) != n {
				t.Errorf("%s: %s has article count %d and %d articles listed, want %d", when, id, e.ArticleCount, len(e.Articles), n)
			}
		}
	}
	// The rows may come before the entity's own row, as WriteCorpus
	// writes them; an article naming an entity twice counts once.
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		for _, err := range []error{names(tx, "a1", "p1", "p2"), names(tx, "a2", "p1"), names(tx, "a3", "p2", "p3"), names(tx, "a4", "p1", "p1")} {
			if err != nil {
				return err
			}
		}
		return entities(tx, "p1", "p2", "p3", "p4")
	})
	check("after inserts", map[string]int{"p1": 3, "p2": 2, "p3": 1, "p4": 0})

	update(t, s, func(ctx context.Context, tx store.Tx) error { return names(tx, "a2", "p2", "p3") })
	check("after a changed article", map[string]int{"p1": 2, "p2": 3, "p3": 2})

	// p3 shares all its articles with p2, p1 one of its two; a5 names
	// both in the same transaction, before they move.
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := names(tx, "a5", "p1", "p3", "p4"); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindEntity, "p3", "p2"); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindEntity, "p1", "p2"); err != nil {
			return err
		}
		return names(tx, "a6", "p2")
	})
	check("after merges", map[string]int{"p2": 6, "p4": 1})
	var moved *store.Moved
	if _, err := s.Entity(ctx, "p1"); !errors.As(err, &moved) {
		t.Fatalf("Entity(p1) after its merge = %v, want moved", err)
	}

	// An unlinked article, and an entity removed (as when no article
	// names it any more) after gaining an article in the same
	// transaction, whose id is then taken again (nothing was published
	// under it).
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := names(tx, "a4"); err != nil {
			return err
		}
		if err := names(tx, "a3", "p2", "p4"); err != nil {
			return err
		}
		if err := tx.Move(ctx, store.KindEntity, "p4", ""); err != nil {
			return err
		}
		if err := entities(tx, "p4"); err != nil {
			return err
		}
		return names(tx, "a6", "p2", "p4")
	})
	check("after a removal", map[string]int{"p2": 5, "p4": 1})
	if es, err := s.Entities(ctx, store.Query{Q: "name of p2"}); err != nil || len(es) != 1 || es[0].ArticleCount != 5 {
		t.Fatalf("Entities(p2) = %+v, %v; want p2 with 5 articles", es, err)
	}

	// A reset forgets them, what the transaction changed before it too;
	// an entity linked again counts from nothing.
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := names(tx, "a2", "p2", "p6"); err != nil {
			return err
		}
		if err := tx.Reset(ctx); err != nil {
			return err
		}
		if err := names(tx, "a1", "p2"); err != nil {
			return err
		}
		return entities(tx, "p2", "p6")
	})
	check("after a reset", map[string]int{"p2": 1, "p6": 0})

	// A page lists EntityArticles of them and says how many there are.
	many := store.EntityArticles + 5
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		for i := range many {
			if err := names(tx, fmt.Sprintf("m%03d", i), "p5"); err != nil {
				return err
			}
		}
		return entities(tx, "p5")
	})
	e, err := s.Entity(ctx, "p5")
	if err != nil {
		t.Fatal(err)
	}
	if e.ArticleCount != many || len(e.Articles) != store.EntityArticles {
		t.Fatalf("Entity(p5): count %d, %d articles listed; want %d and %d", e.ArticleCount, len(e.Articles), many, store.EntityArticles)
	}
}

// Lists give articles' summaries, kept when an article is written: its
// fields but the text and what was found in it, and the text's first
// characters; the event is the one it is in now.
func articleSummaries(t *testing.T, s store.Store) {
	ctx := context.Background()
	long := article("a2", "Weekly", "2022-01-10", strings.Repeat("Talks in Genève went on. ", 10))
	long.Credits, long.PublishedFrom, long.Dateline, long.EventDate = []string{"Wire", "Photo desk"}, storyline.FromText, "GENEVA", "2022-01-09"
	long.Entities = []storyline.Mention{{Entity: "p1", Name: "Someone", Type: storyline.Person, Text: "Talks"}}
	sameDay := article("a3", "Daily", "2022-01-10", "Short.")
	older := article("a1", "Daily", "2021-12-01", "First version.")
	for _, a := range []*storyline.Article{sameDay, long, older} {
		mustPut(t, s, a, "h1")
	}
	older.Text = "Second version, longer."
	mustPut(t, s, older, "h2")
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.SetEvent(ctx, "e1", []string{"a2"}) })
	long.Event = "e1"

	list, err := s.Articles(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	want := []*storyline.Article{long, sameDay, older} // newest first, a day's by id
	if len(list) != len(want) {
		t.Fatalf("Articles = %d summaries, want %d", len(list), len(want))
	}
	for i, a := range want {
		if got, w := fmt.Sprintf("%+v", list[i]), fmt.Sprintf("%+v", a.Summary()); got != w {
			t.Errorf("summary %d:\n%s\nwant\n%s", i, got, w)
		}
	}
	if n := len([]rune(list[0].Excerpt)); n != storyline.ExcerptRunes {
		t.Errorf("excerpt of %d characters, want %d", n, storyline.ExcerptRunes)
	}
	byID, err := s.ArticlesByID(ctx, []string{"a1", "nope", "a2", "a1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(byID) != 2 || byID["a1"].Excerpt != "Second version, longer." || byID["a2"].Event != "e1" {
		t.Fatalf("ArticlesByID = %+v; want a1 in its second version and a2 in e1", byID)
	}
}

// entityEventsFollowTheirEvents: an entity lists its events newest first
// and larger first within a date, as they are written again with more
// articles, another date or other entities.
func entityEventsFollowTheirEvents(t *testing.T, s store.Store) {
	ctx := context.Background()
	put := func(id, date string, n int, ents ...string) {
		t.Helper()
		err := s.Update(ctx, func(tx store.Tx) error {
			return tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: id, Date: date, Entities: ents}, Day: store.NoDay, N: n})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check := func(when, entity, want string) {
		t.Helper()
		evs, err := s.Events(ctx, store.Query{Entity: entity})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(eventIDs(evs), ","); got != want {
			t.Errorf("%s: %s's events %s, want %s", when, entity, got, want)
		}
	}
	put("e1", "2021-09-30", 1, "p1")
	put("e2", "2021-09-30", 2, "p1", "p2")
	put("e3", "2021-09-29", 5, "p1")
	check("written", "p1", "e2,e1,e3")
	put("e1", "2021-09-30", 3, "p1")
	check("e1 larger", "p1", "e1,e2,e3")
	put("e3", "2021-10-01", 5, "p1")
	check("e3 later", "p1", "e3,e1,e2")
	put("e2", "2021-09-30", 4, "p2", "p1")
	check("e2 reordered", "p2", "e2")
	put("e1", "2021-09-30", 3, "p2")
	check("e1 moved to p2", "p1", "e3,e2")
	check("e1 moved to p2", "p2", "e2,e1")
}
