package names

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Analyzer is the entity stage for every language: english (the trained
// model) for English and for text too short for its language to be told,
// Find with the language's word lists for French, German, Spanish and
// Russian, and Find without lists (acronyms and names the lexicons know)
// for any other language. It sets a.Entities as english does.
func Analyzer(english storyline.Analyzer) storyline.Analyzer {
	return storyline.AnalyzerFunc(func(ctx context.Context, a *storyline.Article) error {
		if a.Lang == "" || a.Lang == "en" {
			return english.Analyze(ctx, a)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("names: article %s: %w", a.ID, err)
		}
		lists, _ := newstext.NameListsOf(a.Lang)
		a.Entities = Find(a.Text, lists)
		return nil
	})
}
