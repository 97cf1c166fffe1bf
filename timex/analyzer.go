package timex

import (
	"context"
	"fmt"
	"strings"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Analyzer tags an article's time expressions against its publication
// date (a.Published) and the zone of its dateline (a.Dateline, as the
// cleaner read it), and sets a.Timexes and a.EventDate.
func Analyzer() storyline.Analyzer {
	return storyline.AnalyzerFunc(func(ctx context.Context, a *storyline.Article) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("timex: %w", err)
		}
		opts := Options{DCT: ParseDate(a.Published), Zone: newstext.PlaceZone(a.Dateline), Lang: a.Lang}
		a.Timexes = Tag(a.Text, opts)
		a.EventDate = EventDate(a, opts.DCT)
		return nil
	})
}

// ParseDate reads a publication date: YYYY-MM-DD or RFC 3339 (the
// publisher's own calendar day is kept). The zero time means unknown.
func ParseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return parseDCT(s)
}

// EventDate is the date of the happening an article's lead reports: the
// first day-level date in the lead's first two sentences that is not just
// when something was said ("Russia on Tuesday said"); else the
// publication date; else "".
func EventDate(a *storyline.Article, dct time.Time) string {
	lex, ok := newstext.Analysis(a.Lang)
	if !ok {
		lex = newstext.English() // only its sentences are read: no expressions to weigh
	}
	leads := lead(a, lex)
	for _, x := range a.Timexes {
		if !inRanges(leads, x.Start) {
			continue
		}
		if x.Type != "DATE" && x.Type != "TIME" || len(x.Value) < 10 || x.Value[4] != '-' || x.Value[7] != '-' {
			continue
		}
		if lex.WhenSaid(a.Text, x.Start, x.End) {
			continue
		}
		return x.Value[:10]
	}
	if dct.IsZero() {
		return ""
	}
	return dct.Format("2006-01-02")
}

// leadSentences is how many sentences of the report make its lead.
const leadSentences = 2

// maxLeadBytes bounds how much of a paragraph is read for the lead's
// sentences: a lead sentence is never longer.
const maxLeadBytes = 4096

// lead is the byte ranges of the first sentences of the report: of its
// first paragraphs of prose (headline, byline, dateline and captions
// aside); for an article no cleaner read, of its text.
func lead(a *storyline.Article, lex *newstext.Lexicon) [][2]int {
	paras := a.Paragraphs
	if paras == nil {
		paras = []storyline.Paragraph{{Role: storyline.RoleBody, Start: 0, End: len(a.Text)}}
	}
	var out [][2]int
	n := 0
	for _, p := range paras {
		if !p.InText() || !p.Role.Prose() || p.End > len(a.Text) {
			continue
		}
		end := min(p.End, p.Start+maxLeadBytes)
		for _, s := range lex.Sentences(a.Text[p.Start:end]) {
			out = append(out, [2]int{p.Start + s.Start, p.Start + s.End})
			if n++; n == leadSentences {
				return out
			}
		}
	}
	return out
}

func inRanges(rs [][2]int, i int) bool {
	for _, r := range rs {
		if r[0] <= i && i < r[1] {
			return true
		}
	}
	return false
}
