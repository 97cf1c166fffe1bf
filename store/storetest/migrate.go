package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// Opened is a store as Migrations needs it: the store, the database/sql
// handle to its database, and how to close it and open it again, which
// migrates it.
type Opened struct {
	Store  store.Store
	DB     *sql.DB
	Reopen func(t *testing.T) store.Store
	// UndoVersion13 takes the store back to schema version 12, where an
	// entity's article and event rows were keyed by id and indexed by
	// date: each engine keys its tables its own way.
	UndoVersion13 []string
}

// undoVersion14 takes a store back to schema version 13: events without
// candidate rows, a story's events indexed by story and day alone.
var undoVersion14 = []string{
	`DROP TABLE event_candidates`,
	`DROP INDEX events_story`,
	`CREATE INDEX events_story ON events(story, day)`,
}

// sinceVersion6 takes a store back to schema version 6, keeping what
// those versions' tables hold, so that opening it again runs the steps
// after it on rows written before them: each undoes one step, the newest
// first.
var sinceVersion6 = []string{
	`DROP TABLE count_log`,
	`DROP INDEX event_entities_recent`,
	`ALTER TABLE event_entities ADD COLUMN n INTEGER NOT NULL DEFAULT 0`,
	`CREATE INDEX event_entities_recent ON event_entities(entity, date DESC, n DESC, event)`,
	`DROP INDEX articles_published`,
	`CREATE INDEX articles_published ON articles(published)`,
	`ALTER TABLE articles DROP COLUMN summary`,
	`ALTER TABLE entities DROP COLUMN articles`,
	`DELETE FROM schema_version WHERE version > 6`,
}

// Migrations checks that the schema steps after version 6 fill what they
// add for a store written before them. open must return a new, empty
// store on a database that outlives it.
func Migrations(t *testing.T, open func(t *testing.T) Opened) {
	t.Run("since version 6", func(t *testing.T) { sinceVersion6Filled(t, open(t)) })
	t.Run("candidate rows take their events' stories", func(t *testing.T) { candidateStories(t, open(t)) })
}

// candidateStories checks that version 15 gives the candidate rows of a
// store written before it the stories of their events, as they stand
// after a merge of stories.
func candidateStories(t *testing.T, o Opened) {
	put := func(ctx context.Context, tx store.Tx, id, story string) error {
		return tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: id, Story: story}, Day: store.NoDay, N: 1, Candidate: []byte("c" + id)})
	}
	update(t, o.Store, func(ctx context.Context, tx store.Tx) error {
		for _, e := range [][2]string{{"e1", "s1"}, {"e2", ""}, {"e3", "s3"}} {
			if err := put(ctx, tx, e[0], e[1]); err != nil {
				return err
			}
		}
		if err := tx.PutStory(ctx, &store.StoryRow{Story: storyline.Story{ID: "s3"}}); err != nil {
			return err
		}
		return tx.Move(ctx, store.KindStory, "s3", "s1")
	})
	ctx := context.Background()
	for _, q := range []string{`ALTER TABLE event_candidates DROP COLUMN story`, `DELETE FROM schema_version WHERE version > 14`} {
		if _, err := o.DB.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s := o.Reopen(t)
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		rows, err := tx.EventCandidates(ctx, []string{"e1", "e2", "e3"})
		if err != nil {
			return err
		}
		got := map[string]string{}
		for id, r := range rows {
			got[id] = string(r.Data) + " in " + r.Story
		}
		if want := map[string]string{"e1": "ce1 in s1", "e2": "ce2 in ", "e3": "ce3 in s1"}; !reflect.DeepEqual(got, want) {
			t.Errorf("migrated candidate rows: %v, want %v", got, want)
		}
		return nil
	})
}

func sinceVersion6Filled(t *testing.T, o Opened) {
	ctx := context.Background()
	a1 := article("a1", "Daily", "2021-09-30", "Ryabkov met Sherman.")
	// A text longer than an excerpt, with characters of two bytes before
	// the cut and the characters "\u0000" written out; credits, where the
	// date came from, and a dateline holding a NUL (which the document
	// keeps escaped).
	a2 := article("a2", "Weekly", "2022-01-10", `He typed \u0000 twice. `+strings.Repeat("Riabkov spoke in Genève. ", 9))
	a2.Credits, a2.PublishedFrom, a2.Dateline, a2.EventDate = []string{"Wire"}, storyline.FromMeta, "GENEVA\x00", "2022-01-09"
	mention := storyline.Mention{Entity: "p1", Name: "Sergei Ryabkov", Type: storyline.Person, Text: "Ryabkov", Start: 0, End: 7}
	a1.Entities = []storyline.Mention{mention}
	a2.Entities = []storyline.Mention{mention, {Entity: "p2", Name: "Wendy Sherman", Type: storyline.Person, Text: "Sherman"}}
	a1.Event, a2.Event = "e1", "e2"
	c := &storyline.Corpus{
		Articles: []*storyline.Article{a1, a2},
		Entities: []storyline.Entity{
			{ID: "p1", Name: "Sergei Ryabkov", Type: storyline.Person, Articles: []string{"a1", "a2"}},
			{ID: "p2", Name: "Wendy Sherman", Type: storyline.Person, Articles: []string{"a2"}},
			{ID: "p3", Name: "Nobody Named", Type: storyline.Person},
		},
		// Two events of p1 on one date: the larger is listed first.
		Events: []storyline.Event{
			{ID: "e1", Date: "2021-09-30", Entities: []string{"p1"}, Articles: []string{"a1"}},
			{ID: "e2", Date: "2021-09-30", Entities: []string{"p1", "p2"}, Articles: []string{"a2", "a3"}},
		},
	}
	if err := store.WriteCorpus(ctx, o.Store, c); err != nil {
		t.Fatal(err)
	}
	undo := append(append(append([]string(nil), undoVersion14...), o.UndoVersion13...), sinceVersion6...)
	for _, q := range undo {
		if _, err := o.DB.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s := o.Reopen(t)
	list, err := s.Articles(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sum := range list {
		sum.Dateline = strings.ReplaceAll(sum.Dateline, "\x00", "") // PostgreSQL's migration drops it
		got = append(got, fmt.Sprintf("%+v", sum))
	}
	var want []string
	for _, a := range []*storyline.Article{a2, a1} {
		sum := a.Summary()
		sum.Dateline = strings.ReplaceAll(sum.Dateline, "\x00", "")
		want = append(want, fmt.Sprintf("%+v", sum))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("migrated summaries:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	evs, err := s.Events(ctx, store.Query{Entity: "p1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].ID != "e2" || evs[1].ID != "e1" {
		t.Errorf("migrated: p1's events %v, want e2 then e1", eventIDs(evs))
	}
	for id, want := range map[string]int{"p1": 2, "p2": 1, "p3": 0} {
		e, err := s.Entity(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if e.ArticleCount != want || len(e.Articles) != want {
			t.Errorf("migrated %s: article count %d, %d articles listed; want %d", id, e.ArticleCount, len(e.Articles), want)
		}
	}
}

func eventIDs(evs []storyline.Event) []string {
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}
