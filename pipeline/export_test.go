package pipeline

import (
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// SeedChecks are the seed acceptance checks by name, for the tests of
// other deployments (package pipeline_test): each runs the seeds through
// ingest and checks the corpus against gold.json.
func SeedChecks() map[string]func(t *testing.T, ingest func(t *testing.T, withMeta bool) *storyline.Corpus) {
	adapt := func(check func(*testing.T, seedIngest)) func(*testing.T, func(*testing.T, bool) *storyline.Corpus) {
		return func(t *testing.T, ingest func(*testing.T, bool) *storyline.Corpus) { check(t, ingest) }
	}
	return map[string]func(*testing.T, func(*testing.T, bool) *storyline.Corpus){
		"Entities": adapt(checkSeedEntities),
		"Timexes":  adapt(checkSeedTimexes),
		"Events":   adapt(checkSeedEvents),
		"Quotes":   adapt(checkSeedQuotes),
	}
}

// LoadCorpus is everything a store holds, as the seed checks read it.
func LoadCorpus(t *testing.T, st store.Store) *storyline.Corpus { return loadCorpus(t, st) }
