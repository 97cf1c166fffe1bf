// Package store keeps articles and what is built from them, behind an
// interface with drivers in the manner of database/sql: a driver registers
// under a name (sqlite, postgres) and Open picks it from the DSN.
//
// Two sides: the read side (Store's getters and lists), which the server,
// export and the command line use, and the write side (Store.Update and
// Tx), which the linker (package link) uses to add an article and
// everything it changes in one transaction. Tx offers the few primitives
// incremental linking needs (keyed postings, counters, state blobs,
// rows for readers), so that each step touches only what an article
// touches and never re-reads the store.
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

// ErrOldSchema is returned by Open for a store written by an older
// version whose cross-article state cannot be migrated in SQL: its
// articles are kept, and `storyline reanalyze` rebuilds the rest.
var ErrOldSchema = errors.New("store holds articles linked by an older version: run `storyline reanalyze` once")

// Moved is the error of a getter asked for an event, story, entity or
// quote that was merged into another: its old id keeps answering with
// where it went.
type Moved struct {
	Kind string // "event", "story", "entity", "quote"
	ID   string
	To   string
}

func (m *Moved) Error() string { return fmt.Sprintf("%s %s was merged into %s", m.Kind, m.ID, m.To) }

// Kinds of what can move.
const (
	KindEntity = "entity"
	KindEvent  = "event"
	KindStory  = "story"
	KindQuote  = "quote"
)

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

// EntityArticles is how many of an entity's articles its getters list.
const EntityArticles = 200

// Hit is one full-text search result.
type Hit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	Published string  `json:"published"`
	Snippet   string  `json:"snippet"` // text with matches between \x02 and \x03 markers
	Rank      float64 `json:"rank"`    // lower is better
}

// Store is what every driver provides. Methods are safe for concurrent use,
// also by several processes on one store.
type Store interface {
	ArticleHash(ctx context.Context, id string) (string, error)
	// Article returns an article with what linking found: its event, and
	// its mentions' and quotes' entity and quote ids as they are now
	// (following merges), with the entities' current names and types.
	Article(ctx context.Context, id string) (*storyline.Article, error)
	// Articles lists articles as a list shows them, newest first: their
	// summaries, without the text and what analysis found in it, which
	// only Article reads.
	Articles(ctx context.Context, q Query) ([]storyline.ArticleSummary, error)
	// ArticlesByID are the summaries of the stored articles among ids,
	// by id.
	ArticlesByID(ctx context.Context, ids []string) (map[string]storyline.ArticleSummary, error)
	// Published is the publication times of the articles Articles would
	// give for q, and nothing else of them: what a chart of when they
	// appeared needs, at a small part of the cost of reading them.
	Published(ctx context.Context, q Query) ([]string, error)
	// EachArticle calls fn for every article, ordered by id, in pages, so
	// that memory does not grow with the store.
	EachArticle(ctx context.Context, fn func(*storyline.Article) error) error
	CountArticles(ctx context.Context) (int, error)
	RawArticle(ctx context.Context, id string) (Raw, error)

	// The getters return *Moved for an id that was merged away. Entity and
	// Entities list the newest EntityArticles of an entity's articles
	// (with ArticleCount saying how many there are); EachEntity lists all,
	// by id.
	Entity(ctx context.Context, id string) (*storyline.Entity, error)
	Entities(ctx context.Context, q Query) ([]storyline.Entity, error)
	// EntitiesByID are the stored entities among ids, by id, as a list of
	// names shows them: name, type, aliases and how many articles name
	// them, without the list of those articles.
	EntitiesByID(ctx context.Context, ids []string) (map[string]storyline.Entity, error)
	EachEntity(ctx context.Context, fn func(*storyline.Entity) error) error
	Event(ctx context.Context, id string) (*storyline.Event, error)
	Events(ctx context.Context, q Query) ([]storyline.Event, error)
	// EventsByID are the stored events among ids, by id (an id merged
	// away is not among them).
	EventsByID(ctx context.Context, ids []string) (map[string]storyline.Event, error)
	EachEvent(ctx context.Context, fn func(*storyline.Event) error) error
	Story(ctx context.Context, id string) (*storyline.Story, error)
	Stories(ctx context.Context, q Query) ([]storyline.Story, error)
	EachStory(ctx context.Context, fn func(*storyline.Story) error) error
	Quote(ctx context.Context, id string) (*storyline.Quote, error)
	Quotes(ctx context.Context, q Query) ([]storyline.Quote, error)
	// ArticleQuotes are the ids of the quotes the articles among ids
	// carry, as they are now (following merges), each once, sorted.
	ArticleQuotes(ctx context.Context, ids []string) ([]string, error)
	EachQuote(ctx context.Context, fn func(*storyline.Quote) error) error

	// Search ranks articles by full-text relevance to q.
	Search(ctx context.Context, q string, limit, offset int) ([]Hit, error)

	// Update runs fn in one write transaction: all of it is committed or
	// none. Writers are serialised (also across processes); readers are
	// not blocked by them. fn may be called again when the transaction
	// has to be retried, so it must not keep state of its own across
	// calls.
	Update(ctx context.Context, fn func(Tx) error) error

	// Sources followed, watchlists and their alerts (follow.go).
	FollowReader

	Close() error
}

// Posting is one entry of a keyed index: key → id, with a rank that
// orders and filters lookups (a day for events, a count for entities).
type Posting struct {
	Key  string
	Rank int64
	ID   string
}

// CountEntry is one logged step of counter deltas (Tx.AppendCounts).
type CountEntry struct {
	Seq    int64
	Deltas map[uint64]int64
}

// Range is an inclusive range of posting ranks.
type Range struct{ Lo, Hi int64 }

// AllRanks is the range of every rank.
var AllRanks = []Range{{-1 << 62, 1 << 62}}

// Index names of Tx's postings.
const (
	IndexEntityKeys = "entity" // name keys → entity ids
	IndexEventTerms = "term"   // heavy terms → event ids, ranked by day
	IndexEventNames = "name"   // names → event ids, ranked by day (stories)
)

// EntityRow is an entity as linking keeps it: what readers see, the
// number of articles naming it, and the linker's own state.
type EntityRow struct {
	storyline.Entity // Articles is not stored: it is read from the links
	N                int
	State            []byte
}

// EventRow is an event as linking keeps it.
type EventRow struct {
	storyline.Event       // Articles is not stored: it is read from the articles
	Day             int64 // days since 1970-01-01 of Date, or NoDay
	N               int
	State           []byte
	// Candidate is what a search for an article's event compares of it
	// (the linker's encoding, read by EventCandidates): written with the
	// row when set, left as stored when nil.
	Candidate []byte
}

// CandidateRow is an event's candidate row: its EventRow.Candidate and
// its story, which the store keeps equal to the event's through every
// write of the event and every merge of stories, so that a story search
// reads no event row.
type CandidateRow struct {
	Data  []byte
	Story string
}

// StoryEvent is one of a story's events as its index lists it.
type StoryEvent struct {
	ID  string
	Day int64 // as EventRow.Day
	N   int
}

// StoryRow is a story as linking keeps it.
type StoryRow struct {
	storyline.Story // Events is read from the events
	First, Last     string
	N               int
	// State is the linker's: what the story's timeline took of each of
	// its recent events, so that a refresh reads only those that changed.
	State []byte
}

// QuoteRow is a quote as linking keeps it.
type QuoteRow struct {
	storyline.Quote     // Articles is read from the links
	N               int // articles carrying it
	Latest          string
	State           []byte
}

// NoDay is the rank of an undated event.
const NoDay = -1 << 31

// Tx is the write side: one transaction of the linker. Lookups see the
// transaction's own writes.
type Tx interface {
	// ArticleHash is "" when the article is not stored.
	ArticleHash(ctx context.Context, id string) (string, error)
	// LinkedArticle is the article as stored, with the ids linking gave
	// it at the time (no redirects followed).
	LinkedArticle(ctx context.Context, id string) (*storyline.Article, error)
	// EventOfText is the event of the first stored article, other than
	// id, whose text has the key key (TextKey): the event a syndicated
	// copy belongs in. "" when there is none.
	EventOfText(ctx context.Context, key, id string) (string, error)
	// PutArticle stores or replaces an article, its raw input, its
	// search text and its clustering features.
	PutArticle(ctx context.Context, a *storyline.Article, hash string, raw Raw, features []byte) (PutResult, error)
	// SaveLinks rewrites what linking set on a stored article: its
	// document (mention, quote and event ids) and its event.
	SaveLinks(ctx context.Context, a *storyline.Article) error
	// SetEvent moves articles to an event.
	SetEvent(ctx context.Context, event string, articles []string) error
	// EventArticles are an event's article ids, sorted, at most limit
	// (all when limit <= 0).
	EventArticles(ctx context.Context, event string, limit int) ([]string, error)
	// Features are the stored clustering features of articles.
	Features(ctx context.Context, ids []string) (map[string][]byte, error)

	// Postings returns, for each key and each rank range, at most perKey
	// postings whose rank is within the range, highest rank first (then
	// highest id), read from the index in that order so that a long list
	// costs no more than a short one.
	Postings(ctx context.Context, index string, keys []string, ranges []Range, perKey int) ([]Posting, error)
	AddPostings(ctx context.Context, index string, ps []Posting) error
	// DeletePostings removes every posting of id in index.
	DeletePostings(ctx context.Context, index, id string) error

	// Counts are counters by key (document frequencies); absent keys
	// are 0. AddCounts adds deltas.
	Counts(ctx context.Context, keys []uint64) (map[uint64]int64, error)
	AddCounts(ctx context.Context, deltas map[uint64]int64) error
	// A counter's value is its Counts plus the deltas logged since the
	// last fold. AppendCounts logs a step's deltas as one entry and
	// returns its number (entries are numbered upwards, never reused);
	// CountLog reads the entries after a number, in order; FoldCounts
	// adds the entries up to a number into the counters and drops them;
	// CountsFolded is the number the last fold reached (0: none). A step
	// of a thousand terms writes one row instead of a page of the counters
	// for every few of them, and a large store's counters spread over
	// thousands of pages.
	AppendCounts(ctx context.Context, deltas map[uint64]int64) (int64, error)
	CountLog(ctx context.Context, after int64) ([]CountEntry, error)
	FoldCounts(ctx context.Context, upTo int64) error
	CountsFolded(ctx context.Context) (int64, error)
	// Meta is a small value by name ("" when absent).
	Meta(ctx context.Context, key string) (string, error)
	SetMeta(ctx context.Context, key, value string) error

	EntityRows(ctx context.Context, ids []string) (map[string]*EntityRow, error)
	PutEntity(ctx context.Context, e *EntityRow) error
	// SetArticleEntities replaces the entities an article names.
	// published is the article's date, kept with its entities' rows for
	// an entity's articles by date.
	SetArticleEntities(ctx context.Context, article, published string, entities []string) error

	QuoteRows(ctx context.Context, ids []string) (map[string]*QuoteRow, error)
	PutQuote(ctx context.Context, q *QuoteRow) error
	// SetArticleQuotes replaces the quotes an article carries.
	SetArticleQuotes(ctx context.Context, article string, quotes []string) error
	// EventQuotes are the quotes carried by an event's articles, the
	// last `articles` of them by id.
	EventQuotes(ctx context.Context, event string, articles int) ([]string, error)

	EventRows(ctx context.Context, ids []string) (map[string]*EventRow, error)
	PutEvent(ctx context.Context, e *EventRow) error
	// EventCandidates is the candidate row of each of ids that has one:
	// a small row of its own, so that a search comparing dozens of events
	// reads neither their documents nor their states.
	EventCandidates(ctx context.Context, ids []string) (map[string]CandidateRow, error)
	// PutEventCandidate writes an event's Candidate alone, for an event
	// stored without one; the row takes the event's story.
	PutEventCandidate(ctx context.Context, id string, candidate []byte) error
	// EventRowsAfter are the events whose ids follow after, in id order,
	// at most limit: a pass over every event in bounded steps.
	EventRowsAfter(ctx context.Context, after string, limit int) ([]*EventRow, error)
	// StoryEvents are a story's most recent events (by day, undated
	// last), at most limit, how many it has in all, and how many
	// articles they hold.
	StoryEvents(ctx context.Context, story string, limit int) (recent []StoryEvent, events, articles int, err error)
	// StoryState is a story's StoryRow.State alone (nil for none).
	StoryState(ctx context.Context, id string) ([]byte, error)
	StoryRows(ctx context.Context, ids []string) (map[string]*StoryRow, error)
	PutStory(ctx context.Context, s *StoryRow) error

	// Move retires an entity, event, story or quote id into another: rows
	// that point at from point at to, from's row and postings go, and
	// from answers readers with *Moved. Ids that had moved into from
	// move on to to. With to == "", the id is simply deleted (nothing
	// was ever published under it).
	Move(ctx context.Context, kind, from, to string) error
	// Current maps ids of a kind to where they are now: themselves, or
	// the id they were merged into.
	Current(ctx context.Context, kind string, ids []string) (map[string]string, error)
	// Taken tells whether an id is in use or was ever retired, so that
	// a new item never takes an old id.
	Taken(ctx context.Context, kind, id string) (bool, error)
	// TakenIDs is Taken for several ids at once: the ones of ids that are
	// taken.
	TakenIDs(ctx context.Context, kind string, ids []string) (map[string]bool, error)

	// Pending work: ids of a kind that a later pass must look at again
	// (events to settle). AddPending files them, Pending returns up to
	// limit of them (oldest first), DonePending takes them off.
	AddPending(ctx context.Context, kind string, ids []string) error
	Pending(ctx context.Context, kind string, limit int) ([]string, error)
	DonePending(ctx context.Context, kind string, ids []string) error

	// Reset deletes everything built across articles, keeping the
	// articles (reanalyze then links them again).
	Reset(ctx context.Context) error

	// Sources followed, watchlists and their alerts (follow.go).
	FollowWriter
}

// Driver opens a store from the part of a DSN after its scheme.
type Driver func(ctx context.Context, dsn string) (Store, error)

// Registry maps DSN schemes to drivers. Commands build one with the
// drivers they link in and open stores through it.
type Registry struct {
	mu      sync.RWMutex
	drivers map[string]Driver
}

// NewRegistry makes a registry holding the given drivers by scheme.
func NewRegistry(drivers map[string]Driver) *Registry {
	r := &Registry{drivers: map[string]Driver{}}
	for name, d := range drivers {
		r.drivers[name] = d
	}
	return r
}

// Drivers lists the registered driver names.
func (r *Registry) Drivers() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	names := make([]string, 0, len(r.drivers))
	for n := range r.drivers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// DefaultDSN is the embedded store in the current directory.
const DefaultDSN = "sqlite:storyline.db"

// Scheme splits a DSN into its driver name and the rest: "sqlite:PATH"
// (or a bare path), "postgres://..." (the whole DSN is the driver's).
func Scheme(dsn string) (scheme, rest string) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	scheme, rest = "sqlite", dsn
	if i := strings.Index(dsn, ":"); i > 1 { // i > 1 keeps Windows drive letters paths
		scheme, rest = dsn[:i], dsn[i+1:]
		if scheme == "postgres" || scheme == "postgresql" {
			scheme, rest = "postgres", dsn
		}
	}
	return scheme, rest
}

// Open opens the store a DSN names.
func (r *Registry) Open(ctx context.Context, dsn string) (Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	scheme, rest := Scheme(dsn)
	r.mu.RLock()
	d, ok := r.drivers[scheme]
	r.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("store: no driver %q for DSN %q (have %s)", scheme, dsn, strings.Join(r.Drivers(), ", "))
	}
	s, err := d(ctx, rest)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dsn, err)
	}
	return s, nil
}
