// Package store keeps articles and what is built from them, behind an
// interface with drivers in the manner of database/sql: a driver registers
// itself under a name (sqlite today) and Open picks it from the DSN.
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/storyline-news/storyline"
)

// ErrNotFound is returned by the single-item getters.
var ErrNotFound = errors.New("not found")

// PutResult says what PutArticle did.
type PutResult int

const (
	Inserted  PutResult = iota // a new article
	Unchanged                  // same id, same content hash: nothing written
	Updated                    // same id, new content: replaced
)

func (r PutResult) String() string {
	return [...]string{"inserted", "unchanged", "updated"}[r]
}

// Raw is the input an article was read from, kept so that everything can be
// re-analysed without re-reading the sources.
type Raw struct {
	Format string // "text", "html", "jsonl", "rss", "atom", "warc"
	Origin string // file (and line or record) it came from
	Data   []byte
}

// Query filters and pages the list methods. Zero values mean "any".
type Query struct {
	Q      string // free text: a name for entities, words for the others
	Entity string // entity id the item involves
	Outlet string
	From   string // YYYY-MM-DD, inclusive
	To     string // YYYY-MM-DD, inclusive
	Limit  int    // 0: DefaultLimit
	Offset int
}

// DefaultLimit is the page size when a Query gives none.
const DefaultLimit = 50

// Hit is one full-text search result.
type Hit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	Published string  `json:"published"`
	Snippet   string  `json:"snippet"` // text with matches between \x02 and \x03 markers
	Rank      float64 `json:"rank"`    // lower is better
}

// Store is what every driver provides. Methods are safe for concurrent use.
type Store interface {
	// PutArticle stores an article keyed by id and content hash.
	PutArticle(ctx context.Context, a *storyline.Article, hash string, raw Raw) (PutResult, error)
	// ArticleHash returns the content hash stored for id ("" when absent).
	ArticleHash(ctx context.Context, id string) (string, error)
	Article(ctx context.Context, id string) (*storyline.Article, error)
	Articles(ctx context.Context, q Query) ([]*storyline.Article, error)
	// EachArticle calls fn for every article, ordered by id.
	EachArticle(ctx context.Context, fn func(*storyline.Article) error) error
	CountArticles(ctx context.Context) (int, error)
	RawArticle(ctx context.Context, id string) (Raw, error)

	// SaveCorpus replaces everything built across articles (entities,
	// quotes, events, stories) and the per-article results that depend on
	// it (resolved mentions, quotes, event), in one transaction.
	SaveCorpus(ctx context.Context, c *storyline.Corpus) error

	Entity(ctx context.Context, id string) (*storyline.Entity, error)
	Entities(ctx context.Context, q Query) ([]storyline.Entity, error)
	Event(ctx context.Context, id string) (*storyline.Event, error)
	Events(ctx context.Context, q Query) ([]storyline.Event, error)
	Story(ctx context.Context, id string) (*storyline.Story, error)
	Stories(ctx context.Context, q Query) ([]storyline.Story, error)
	Quote(ctx context.Context, id string) (*storyline.Quote, error)
	Quotes(ctx context.Context, q Query) ([]storyline.Quote, error)

	// Search ranks articles by full-text relevance to q.
	Search(ctx context.Context, q string, limit, offset int) ([]Hit, error)

	Close() error
}

// Driver opens a store from the part of a DSN after its scheme.
type Driver func(ctx context.Context, dsn string) (Store, error)

var (
	driversMu sync.RWMutex
	drivers   = map[string]Driver{}
)

// Register makes a driver available under name (the DSN scheme).
func Register(name string, d Driver) {
	driversMu.Lock()
	defer driversMu.Unlock()
	drivers[name] = d
}

// Drivers lists the registered driver names.
func Drivers() []string {
	driversMu.RLock()
	defer driversMu.RUnlock()
	names := make([]string, 0, len(drivers))
	for n := range drivers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// DefaultDSN is the embedded store in the current directory.
const DefaultDSN = "sqlite:storyline.db"

// Open opens the store a DSN names: "sqlite:PATH" (or a bare path, or
// "PATH.db"), "postgres://..." when that driver is linked in.
func Open(ctx context.Context, dsn string) (Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	scheme, rest := "sqlite", dsn
	if i := strings.Index(dsn, ":"); i > 1 { // i > 1 keeps Windows drive letters paths
		scheme, rest = dsn[:i], dsn[i+1:]
		if scheme == "postgres" || scheme == "postgresql" {
			scheme, rest = "postgres", dsn
		}
	}
	driversMu.RLock()
	d, ok := drivers[scheme]
	driversMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("store: no driver %q for DSN %q (have %s)", scheme, dsn, strings.Join(Drivers(), ", "))
	}
	s, err := d(ctx, rest)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dsn, err)
	}
	return s, nil
}
