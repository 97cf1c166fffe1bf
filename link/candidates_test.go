package link_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// A store linked before events had candidate rows and stories kept their
// timelines' entries (schema version 13) gets every candidate row from
// its first linking steps, the same rows a store that always had
// them holds, and links on exactly as that one does: the same events, and
// stories refreshed from kept entries the same as from their events.
func TestUpgradedStoreLinksAsOneThatKeptItsRows(t *testing.T) {
	items := analysedCorpus(t, "news", 400)
	ctx := context.Background()
	open := func(name string) *sqlite.DB {
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	linkAll := func(st *sqlite.DB, items []link.Item) {
		l := newLinker()
		linkInSteps(t, st, items, 50, func() *link.Linker { return l })
	}
	kept, upgraded := open("kept.db"), open("upgraded.db")
	linkAll(kept, items[:300])
	linkAll(upgraded, items[:300])
	if _, err := upgraded.SQL().ExecContext(ctx, `DELETE FROM event_candidates; DELETE FROM meta WHERE key = 'candidates'`); err != nil {
		t.Fatal(err)
	}
	// The upgraded store's stories lose their entries before every step
	// of 20 articles: they are refreshed from their events, the kept
	// store's from the entries they kept.
	for i := 300; i < len(items); i += 20 {
		if _, err := upgraded.SQL().ExecContext(ctx, `UPDATE stories SET state = NULL`); err != nil {
			t.Fatal(err)
		}
		linkAll(kept, items[i:i+20])
		linkAll(upgraded, items[i:i+20])
	}

	candidates := func(st *sqlite.DB) map[string]string {
		rows, err := st.SQL().QueryContext(ctx, `SELECT id, data FROM event_candidates`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var id string
			var data []byte
			if err := rows.Scan(&id, &data); err != nil {
				t.Fatal(err)
			}
			out[id] = string(data)
		}
		return out
	}
	var events int
	if err := upgraded.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&events); err != nil {
		t.Fatal(err)
	}
	got, want := candidates(upgraded), candidates(kept)
	if len(got) != events {
		t.Errorf("upgraded store: %d candidate rows for %d events", len(got), events)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("upgraded store's candidate rows differ from those written as events were linked (%d vs %d rows)", len(got), len(want))
	}
	if a, b := articleEvents(t, upgraded), articleEvents(t, kept); !reflect.DeepEqual(a, b) {
		t.Error("the upgraded store put articles in other events than the store that kept its candidate rows")
	}
	storiesOf := func(st *sqlite.DB) map[string]string {
		out := map[string]string{}
		if err := st.EachStory(ctx, func(s *storyline.Story) error {
			data, err := json.Marshal(s)
			out[s.ID] = string(data)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := storiesOf(upgraded), storiesOf(kept)
	if len(a) == 0 {
		t.Fatal("no stories")
	}
	for id, doc := range b {
		if a[id] != doc {
			t.Errorf("story %s, refreshed from kept entries:\n%s\nfrom its events:\n%s", id, doc, a[id])
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d stories in the upgraded store, %d in the other", len(a), len(b))
	}
}

// A linker that keeps its caches across steps links a stream as linkers
// started afresh for every step do (a process per `ingest`): what it
// holds in memory of an event is what the store holds. One that kept an
// event's settled size in memory without writing it decided otherwise
// when to settle the event again.
func TestALongLivedLinkerLinksAsRestartedOnes(t *testing.T) {
	items := analysedCorpus(t, "news", 1000)
	ctx := context.Background()
	linkAll := func(fresh bool) map[string]string {
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		l := newLinker()
		linkInSteps(t, st, items, 100, func() *link.Linker {
			if fresh {
				l = newLinker()
			}
			return l
		})
		return articleEvents(t, st)
	}
	kept, fresh := linkAll(false), linkAll(true)
	differ := 0
	for id, e := range kept {
		if fresh[id] != e {
			differ++
		}
	}
	if differ > 0 || len(kept) != len(fresh) {
		t.Errorf("%d of %d articles in another event when the linker keeps its caches", differ, len(kept))
	}
}

// linkInSteps links items a step of articles at a time, settling after
// each, with the linker next gives for each step.
func linkInSteps(t *testing.T, st store.Store, items []link.Item, step int, next func() *link.Linker) {
	t.Helper()
	ctx := context.Background()
	var l *link.Linker
	for i := 0; i < len(items); i += step {
		l = next()
		if _, err := l.Link(ctx, st, clones(items[i:min(i+step, len(items))])); err != nil {
			t.Fatal(err)
		}
		for more := true; more; {
			var err error
			if more, err = l.Settle(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// articleEvents maps each stored article to its event.
func articleEvents(t *testing.T, st store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	if err := st.EachArticle(context.Background(), func(a *storyline.Article) error {
		out[a.ID] = a.Event
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func newLinker() *link.Linker { return link.New(cluster.DefaultConfig(), link.DefaultOptions(), nil) }
