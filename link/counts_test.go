package link

import (
	"context"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// Two linkers sharing a store (two processes) link one article a step in
// turn, through several folds of the count log: each, and a linker that
// starts on the store afterwards, sees every term's document frequency
// as the stored articles' features count it.
func TestDocFreqsThroughTheCountLog(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cfg := cluster.DefaultConfig()
	a, b := New(cfg, DefaultOptions(), nil), New(cfg, DefaultOptions(), nil)
	places := []string{"Lindmark", "Oskaven", "Tarrow", "Belvik", "Quarn"}
	n := 2*foldRows + 10
	ids := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprint("a", i)
		art := &storyline.Article{ID: ids[i], Published: "2024-03-01",
			Title: fmt.Sprintf("Ferry %d halted near %s", i%7, places[i%len(places)]),
			Text:  fmt.Sprintf("The ferry number %d was halted near %s on Monday after a storm; crews %d waited.", i%7, places[i%len(places)], i%3)}
		l := a
		if i%3 == 2 {
			l = b
		}
		if _, err := l.Link(ctx, st, []Item{{Article: art, Hash: fmt.Sprint("h", i)}}); err != nil {
			t.Fatal(err)
		}
	}
	want := map[uint64]int64{}
	err = st.Update(ctx, func(tx store.Tx) error {
		data, err := tx.Features(ctx, ids)
		if err != nil {
			return err
		}
		for _, d := range data {
			var f cluster.Features
			if err := f.UnmarshalBinary(d); err != nil {
				return err
			}
			for _, k := range f.Keys() {
				want[k]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if folded := a.counts.folded; folded <= 0 && b.counts.folded <= 0 {
		t.Fatalf("the count log was never folded (%d steps)", n)
	}
	keys := make([]uint64, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	for name, l := range map[string]*Linker{"a": a, "b": b, "a new linker": New(cfg, DefaultOptions(), nil)} {
		err := st.Update(ctx, func(tx store.Tx) error {
			bt := &batch{l: l, tx: tx, ctx: ctx}
			if err := bt.begin(); err != nil {
				return err
			}
			df, err := bt.docFreqs(keys)
			if err != nil {
				return err
			}
			bad := 0
			for _, k := range keys {
				if got := df.DF(k); got != want[k] {
					if bad++; bad <= 3 {
						t.Errorf("%s: DF(%d) = %d, the stored articles have it %d times", name, k, got, want[k])
					}
				}
			}
			if df.N != n {
				t.Errorf("%s: N = %d, want %d", name, df.N, n)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
