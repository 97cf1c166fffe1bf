package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	storyline "github.com/storyline-news/storyline"
)

// corpusGen writes plausible news-like articles from a made-up language.
type corpusGen struct {
	r       *rand.Rand
	common  []string
	names   []string
	places  []string
	kinds   [][]string
	perDay  int
	day     int
	today   int
	n       int
	active  []*genEvent
	past    map[int][]*genEvent // kind → earlier events, for recurring casts
	eventNo int
}

type genEvent struct {
	kind     int
	names    []string
	place    string
	words    []string
	number   int
	day      int
	articles []string // texts, for syndicated copies
}

func newCorpusGen(seed uint64, perDay int) *corpusGen {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &corpusGen{r: r, perDay: perDay, past: map[int][]*genEvent{}}
	syll := []string{"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "ri", "go", "an", "el", "or", "us", "ba", "ne", "to", "zu"}
	word := func(k int) string {
		var b strings.Builder
		for j := 0; j < k; j++ {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		return b.String()
	}
	for i := 0; i < 8000; i++ {
		g.common = append(g.common, word(2+r.IntN(3)))
	}
	for i := 0; i < 4000; i++ {
		w := word(2 + r.IntN(2))
		g.names = append(g.names, strings.ToUpper(w[:1])+w[1:])
	}
	for i := 0; i < 400; i++ {
		w := word(2 + r.IntN(2))
		g.places = append(g.places, strings.ToUpper(w[:1])+w[1:]+"burg")
	}
	for i := 0; i < 300; i++ {
		var ks []string
		for j := 0; j < 15; j++ {
			ks = append(ks, word(3))
		}
		g.kinds = append(g.kinds, ks)
	}
	return g
}

// zipf picks an index skewed towards the start, like word frequencies.
func (g *corpusGen) zipf(n int) int {
	f := g.r.Float64()
	return int(float64(n) * f * f * f)
}

func (g *corpusGen) newEvent() *genEvent {
	e := &genEvent{kind: g.r.IntN(len(g.kinds)), day: g.day, number: 2 + g.r.IntN(500)}
	if prev := g.past[e.kind]; len(prev) > 0 && g.r.IntN(5) == 0 {
		// A recurring cast: the next round of the same talks.
		p := prev[g.r.IntN(len(prev))]
		e.names = append([]string(nil), p.names...)
		e.place = p.place
	} else {
		for j := 0; j < 3; j++ {
			e.names = append(e.names, g.names[g.zipf(len(g.names))]+" "+g.names[g.r.IntN(len(g.names))])
		}
		e.place = g.places[g.zipf(len(g.places))]
	}
	for j := 0; j < 8; j++ {
		e.words = append(e.words, g.common[g.r.IntN(len(g.common))])
	}
	prev := g.past[e.kind]
	if len(prev) >= 8 {
		prev = prev[1:]
	}
	g.past[e.kind] = append(prev, e)
	g.eventNo++
	return e
}

func (g *corpusGen) article() *storyline.Article {
	if g.today >= g.perDay {
		g.day++
		g.today = 0
	}
	if g.today == 0 {
		// Events last three days; about six articles an event.
		keep := g.active[:0]
		for _, e := range g.active {
			if g.day-e.day < 3 {
				keep = append(keep, e)
			}
		}
		g.active = keep
		for j := 0; j < g.perDay/18; j++ {
			g.active = append(g.active, g.newEvent())
		}
	}
	g.today++
	g.n++
	e := g.active[g.r.IntN(len(g.active))]
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.day)
	var text string
	if len(e.articles) > 0 && g.r.IntN(4) == 0 {
		// A syndicated copy: the same wire story, lightly edited.
		src := strings.Fields(e.articles[g.r.IntN(len(e.articles))])
		for k := 0; k < len(src)/20; k++ {
			src[g.r.IntN(len(src))] = g.common[g.zipf(len(g.common))]
		}
		text = strings.Join(src, " ")
	} else {
		text = g.write(e, date)
		if len(e.articles) < 3 {
			e.articles = append(e.articles, text)
		}
	}
	return &storyline.Article{
		ID:        fmt.Sprintf("a%08d", g.n),
		Published: date.Format("2006-01-02"),
		Text:      text,
	}
}

func (g *corpusGen) write(e *genEvent, date time.Time) string {
	var b strings.Builder
	kw := g.kinds[e.kind]
	fmt.Fprintf(&b, "%s %s %s in %s\n%s\n", e.names[0], kw[0], kw[1+g.r.IntN(4)], e.place, date.Format("January 2, 2006"))
	sentences := 8 + g.r.IntN(8)
	for s := 0; s < sentences; s++ {
		n := 10 + g.r.IntN(12)
		for w := 0; w < n; w++ {
			var word string
			switch x := g.r.IntN(100); {
			case x < 55:
				word = g.common[g.zipf(len(g.common))]
			case x < 75:
				word = kw[g.r.IntN(len(kw))]
			case x < 85:
				word = e.words[g.r.IntN(len(e.words))]
			case x < 93:
				word = e.names[g.r.IntN(len(e.names))]
			case x < 96:
				word = "in " + e.place
			case x < 98:
				word = fmt.Sprint(e.number)
			default:
				word = date.Weekday().String()
			}
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
			if w < n-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(".")
		if s%3 == 2 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// batch generates n articles.
func (g *corpusGen) batch(n int) []*storyline.Article {
	out := make([]*storyline.Article, n)
	for i := range out {
		out[i] = g.article()
	}
	return out
}
