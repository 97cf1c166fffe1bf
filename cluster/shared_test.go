package cluster

import (
	"github.com/storyline-news/storyline/internal/shareddata"
)

// trySharedDir is ../shared, or "" when absent, for callers that fall
// back to generated data instead of skipping.
func trySharedDir() string {
	d, _ := shareddata.Dir()
	return d
}
