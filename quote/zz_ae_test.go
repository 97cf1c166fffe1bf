package quote

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ner"
)

func TestZZAE(t *testing.T) {
	b, err := os.ReadFile("/work/shared/data/article-extraction-dev/ground-truth.json")
	if err != nil {
		t.Skip()
	}
	var gt map[string]struct{ ArticleBody string `json:"articleBody"` }
	json.Unmarshal(b, &gt)
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out, _ := os.Create("/tmp/ae_quotes.txt")
	defer out.Close()
	nq, ns := 0, 0
	for _, id := range ids {
		a := &storyline.Article{ID: id, Text: gt[id].ArticleBody}
		ner.Analyzer().Analyze(context.Background(), a)
		Analyzer().Analyze(context.Background(), a)
		for _, q := range a.Quotes {
			nq++
			if q.SpeakerName != "" {
				ns++
			}
			fmt.Fprintf(out, "%s\t%v\t%s\t%s\n", id, q.Direct, q.SpeakerName, q.Text)
		}
	}
	t.Logf("%d articles, %d quotes, %d with speaker", len(ids), nq, ns)
}
