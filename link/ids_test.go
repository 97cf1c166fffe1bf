package link

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// A new item takes the first id of base, base-2, base-3... that no item
// holds or held and this step did not take: asking about the base of each
// new quote at the start of the step changes none of the ids taken, and
// spares asking about a free base again.
func TestNewIDSkipsTakenAndRetiredIDs(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Update(ctx, func(tx store.Tx) error {
		for _, id := range []string{"q-a", "q-a-2", "q-a-3", "q-a-5", "q-b-2"} {
			if err := tx.PutQuote(ctx, &store.QuoteRow{Quote: storyline.Quote{ID: id, Text: "words"}, State: []byte("{}")}); err != nil {
				return err
			}
		}
		return tx.Move(ctx, store.KindQuote, "q-a-5", "q-a") // retired: still taken
	})
	if err != nil {
		t.Fatal(err)
	}
	l := New(cluster.DefaultConfig(), DefaultOptions(), nil)
	// base → the ids the next three new quotes of it take.
	want := map[string][]string{"q-a": {"q-a-4", "q-a-6", "q-a-7"}, "q-b": {"q-b", "q-b-3", "q-b-4"}, "q-c": {"q-c", "q-c-2", "q-c-3"}}
	for _, how := range []struct {
		name   string
		before bool
	}{{"one at a time", false}, {"the bases asked first", true}} {
		err := st.Update(ctx, func(tx store.Tx) error {
			counted := &countingTaken{Tx: tx}
			b := &batch{l: l, tx: counted, ctx: ctx}
			if err := b.begin(); err != nil {
				return err
			}
			if how.before {
				if err := b.knowTaken(store.KindQuote, []string{"q-a", "q-b", "q-c", "q-c"}); err != nil {
					return err
				}
			}
			for _, base := range []string{"q-a", "q-b", "q-c"} {
				for k, w := range want[base] {
					got, err := b.newID(store.KindQuote, base)
					if err != nil {
						return err
					}
					if got != w {
						t.Errorf("%s: new quote %d of %s took %s, want %s", how.name, k+1, base, got, w)
					}
				}
			}
			// Each id is asked about until one is free, but for those
			// this step took: 14 for q-a, 5 for q-b, 3 for q-c; asked
			// first, the bases need no asking (three times q-a, once q-b
			// and q-c).
			want := 22
			if how.before {
				want -= 5
			}
			if counted.alone != want {
				t.Errorf("%s: %d ids asked about one at a time, want %d", how.name, counted.alone, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// countingTaken counts the ids a batch asks about one at a time.
type countingTaken struct {
	store.Tx
	alone int
}

func (c *countingTaken) Taken(ctx context.Context, kind, id string) (bool, error) {
	c.alone++
	return c.Tx.Taken(ctx, kind, id)
}
