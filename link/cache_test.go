package link

import (
	"fmt"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
)

func preparedArticle(id string, entities ...string) *cluster.Prepared {
	a := &storyline.Article{ID: id, Title: "Talks in Lindmark", Text: "Talks resumed in Lindmark on Monday."}
	for _, e := range entities {
		a.Entities = append(a.Entities, storyline.Mention{Entity: e, Name: e, Text: e})
	}
	return cluster.Prepare(a, cluster.DefaultConfig())
}

// The prepared-articles cache keeps what was used lately across the turn
// of a generation, and gives up an article that names an entity merged
// away since it was read.
func TestPreparedCache(t *testing.T) {
	var c preparedCache
	c.put("a", preparedArticle("a", "p-holt"))
	c.put("b", preparedArticle("b", "p-varga"))
	if p, ok := c.get("a"); !ok || p.ID() != "a" {
		t.Fatalf("get(a) = %v, %v", p, ok)
	}
	// Fill two generations and a half: a (used now and then) survives,
	// b (not used) goes with the generation before the last.
	for i := range 2*maxPrepared + maxPrepared/2 {
		id := fmt.Sprint("x", i)
		c.put(id, preparedArticle(id))
		if i%(maxPrepared/2) == 0 {
			if _, ok := c.get("a"); !ok {
				t.Fatalf("a gone after %d more articles", i)
			}
		}
	}
	if _, ok := c.get("a"); !ok {
		t.Error("a, used during the previous generation, is gone")
	}
	if _, ok := c.get("b"); ok {
		t.Error("b, not used for two generations, is kept")
	}
	c.put("c", preparedArticle("c", "p-holt", "l-lindmark"))
	c.entityMoved("l-lindmark")
	if _, ok := c.get("c"); ok {
		t.Error("c names an entity merged away, and is still given")
	}
	if _, ok := c.get("a"); !ok {
		t.Error("a names no moved entity, and is gone")
	}
	c.forget("a")
	if _, ok := c.get("a"); ok {
		t.Error("a forgotten, and still given")
	}
}
