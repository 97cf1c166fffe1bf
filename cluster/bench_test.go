package cluster

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func BenchmarkBuild(b *testing.B) {
	g := newCorpusGen(1, 200)
	var arts = g.batch(2000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Build(context.Background(), arts, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimeline builds the timeline of a long story as a refresh does
// (link's refreshStory): its 200 most recent events over half a year,
// each with its articles and a few dates its articles mention.
func BenchmarkTimeline(b *testing.B) {
	events := longStory(200)
	b.ResetTimer()
	for range b.N {
		Timeline(events)
	}
}

func longStory(n int) []TimelineEvent {
	words := strings.Fields("talks resume in Geneva as ministers weigh sanctions ceasefire vote strike union leaders meet summit envoy aid convoy border")
	title := func(i int) string {
		var ws []string
		for k := range 9 {
			ws = append(ws, words[(i*7+k*3)%len(words)])
		}
		return strings.Join(ws, " ")
	}
	day := func(i int) string { return fmt.Sprintf("2024-%02d-%02d", 1+i/30%12, 1+i%28) }
	events := make([]TimelineEvent, n)
	for i := range events {
		e := TimelineEvent{ID: fmt.Sprintf("e-%06d", i), Date: day(i), Title: title(i)}
		for k := range 9 {
			e.Articles = append(e.Articles, fmt.Sprintf("a-%06d-%d", i, k))
		}
		e.Mentions = []Mention{
			{Value: day(i + 3), What: title(i + 3), Articles: e.Articles[:2]},
			{Value: day(i*5 + 1)[:7], What: title(i * 5), Articles: e.Articles[3:4]},
		}
		events[i] = e
	}
	return events
}
