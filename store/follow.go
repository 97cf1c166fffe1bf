package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"
)

// What following sources and watching events keep in the store: the
// sources Storyline polls and where each poll left off, the items already
// read from them, the saved queries people watch, the alerts those
// produced and the webhook deliveries of the alerts. The read side is
// FollowReader (part of Store), the write side FollowWriter (part of Tx):
// a follower or a watch pass writes in the same transactions, under the
// same lock, as the linker.

// Kinds of source.
const (
	SourceFeed    = "feed"    // RSS, Atom or JSON Feed
	SourceSitemap = "sitemap" // a (news) sitemap or a sitemap index
	SourcePage    = "page"    // one page, polled for changes
	SourceAuto    = ""        // found out at the first fetch
)

// Source is one thing Storyline follows, with where following it stands.
type Source struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Kind string `json:"kind"` // SourceFeed, SourceSitemap, SourcePage, or "" until the first fetch says
	Name string `json:"name"` // a label (an OPML outline's title); "" none
	// Interval is how often the source is polled, in seconds.
	Interval int    `json:"interval"`
	Added    string `json:"added"` // RFC 3339
	// State is where following it stands; zero before the first poll.
	State FetchState `json:"state"`
}

// FetchState is where following a source stands: what a conditional
// request needs, when to poll next, and what the status page shows.
type FetchState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	LastFetch    string `json:"last_fetch,omitempty"` // RFC 3339 of the last poll
	LastStatus   int    `json:"last_status,omitempty"`
	LastNew      string `json:"last_new,omitempty"` // RFC 3339 of the last poll that stored a new item
	NextPoll     string `json:"next_poll,omitempty"`
	Items        int    `json:"items"`  // articles stored from it
	Errors       int    `json:"errors"` // failed polls and items, in all
	Failures     int    `json:"failures"`
	LastError    string `json:"last_error,omitempty"`
	// Failing is set once polls have failed several times in a row: the
	// source is polled ever less often until a poll succeeds.
	Failing bool `json:"failing"`
}

// SeenItem is one item already read from a source, under one of its keys
// (its GUID, its URL, its canonical URL), so that no item is fetched or
// stored twice.
type SeenItem struct {
	Key     string `json:"key"`
	Source  string `json:"source"`
	Article string `json:"article"` // id of the stored article; "" when it could not be stored
	// Fingerprint is what the item looked like when read (its entry in the
	// feed or sitemap): a different one means the item was updated.
	Fingerprint string `json:"fingerprint"`
	Attempts    int    `json:"attempts"` // failed reads so far
	Error       string `json:"error,omitempty"`
	Seen        string `json:"seen"` // RFC 3339 of the first sighting
}

// Watchlist is a saved query: an alert is produced when an event matches
// every kind of criterion it has (one value of each kind is enough).
type Watchlist struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Entities []string `json:"entities"` // names, in any spelling
	Places   []string `json:"places"`
	Keywords []string `json:"keywords"` // words the event's articles or its title and summary contain
	Outlets  []string `json:"outlets"`
	Webhook  string   `json:"webhook,omitempty"`
	// Secret signs the webhook's bodies; never shown back.
	Secret  string `json:"-"`
	Created string `json:"created"`
}

// Kinds of alert.
const (
	AlertNew     = "new"     // a new event matches
	AlertOutlets = "outlets" // a watched event gained articles from new outlets
)

// Alert is one thing a watchlist was told.
type Alert struct {
	ID        int64  `json:"id"`
	Watchlist string `json:"watchlist"`
	Event     string `json:"event"`
	Kind      string `json:"kind"`
	// The event as it was when the alert was produced.
	Title   string `json:"title"`
	Date    string `json:"date"`
	Place   string `json:"place"`
	Summary string `json:"summary"`
	// Outlets are the event's outlets (AlertNew) or the new ones
	// (AlertOutlets).
	Outlets []string `json:"outlets"`
	// Matched says what matched: "entity: Ilsa Varga", "keyword: ferry".
	Matched []string `json:"matched"`
	Created string   `json:"created"` // RFC 3339
}

// States of a webhook delivery.
const (
	DeliveryPending   = "pending"
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed" // given up after the last attempt
)

// Delivery is the webhook delivery of one alert.
type Delivery struct {
	Alert     int64  `json:"alert"`
	Watchlist string `json:"watchlist"`
	URL       string `json:"url"`
	Status    string `json:"status"`
	Attempts  int    `json:"attempts"`
	NextTry   string `json:"next_try,omitempty"` // RFC 3339; pending only
	LastCode  int    `json:"last_code,omitempty"`
	LastError string `json:"last_error,omitempty"`
	Updated   string `json:"updated"`
}

// FollowReader is the read side of following and watching.
type FollowReader interface {
	// Sources are every source with its state, by id.
	Sources(ctx context.Context) ([]Source, error)
	// SeenItems are the items seen under any of keys, by key.
	SeenItems(ctx context.Context, keys []string) (map[string]SeenItem, error)
	Watchlists(ctx context.Context) ([]Watchlist, error)
	Watchlist(ctx context.Context, id string) (*Watchlist, error)
	// Alerts are a watchlist's alerts, newest first.
	Alerts(ctx context.Context, watchlist string, limit, offset int) ([]Alert, error)
	Alert(ctx context.Context, id int64) (*Alert, error)
	// Deliveries are a watchlist's webhook deliveries, newest first.
	Deliveries(ctx context.Context, watchlist string, limit int) ([]Delivery, error)
	// DueDeliveries are pending deliveries whose next try is at or before
	// now (RFC 3339), oldest first.
	DueDeliveries(ctx context.Context, now string, limit int) ([]Delivery, error)
	// CopyOf is the id of the article that article is a syndicated copy
	// of (the first stored with the same normalised text, see TextKey),
	// or "".
	CopyOf(ctx context.Context, article string) (string, error)
}

// FollowWriter is the write side of following and watching.
type FollowWriter interface {
	// PutSource adds or replaces a source's settings (not its state).
	PutSource(ctx context.Context, s *Source) error
	// DeleteSource removes a source and its state; the items seen from it
	// stay seen.
	DeleteSource(ctx context.Context, id string) error
	PutFetchState(ctx context.Context, source string, st FetchState) error
	PutSeenItems(ctx context.Context, items []SeenItem) error

	// Watchlists are every watchlist (secrets included, as on the read
	// side), as this transaction sees them.
	Watchlists(ctx context.Context) ([]Watchlist, error)
	PutWatchlist(ctx context.Context, w *Watchlist) error
	// DeleteWatchlist removes a watchlist with its alerts and deliveries.
	DeleteWatchlist(ctx context.Context, id string) error
	// WatchedEvent is what a watchlist was last told about an event: the
	// outlets it knows; ok is false when it was told nothing.
	WatchedEvent(ctx context.Context, watchlist, event string) (outlets []string, ok bool, err error)
	PutWatchedEvent(ctx context.Context, watchlist, event string, outlets []string) error
	// AddAlert stores an alert, giving it its id, and, when url is not
	// "", a pending delivery of it to url.
	AddAlert(ctx context.Context, a *Alert, url string) error
	PutDelivery(ctx context.Context, d *Delivery) error

	// What an event's articles say, for matching watchlists.
	// EventOutlets are the distinct outlets of an event's articles.
	EventOutlets(ctx context.Context, event string) ([]string, error)
	// EventArticleEntities are the distinct entities any of an event's
	// articles names.
	EventArticleEntities(ctx context.Context, event string) ([]string, error)
	// EventMatches tells whether one of an event's articles matches free
	// text q as full-text search does (every word).
	EventMatches(ctx context.Context, event, q string) (bool, error)
}

// minKeyWords: shorter texts (a headline-only item, a news flash) get no
// TextKey, since two outlets may well word one line alike without one
// carrying the other's copy.
const minKeyWords = 40

// TextKey identifies an article's text up to case, punctuation and
// spacing, so that a wire story carried word for word by several outlets
// gives each of them the same key: the later ones are syndicated copies
// of the first (FollowReader.CopyOf). "" for short texts.
func TextKey(text string) string {
	// The words, lower-cased and joined by single spaces, are hashed; the
	// ASCII letters and digits most texts are made of are read a byte at a
	// time, since every article is keyed when it is linked and again when
	// it is written.
	b := make([]byte, 0, len(text))
	words := 0
	inWord := false
	for i := 0; i < len(text); {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				inWord = false
				continue
			}
			r = rune(c)
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				inWord = false
				continue
			}
			r = unicode.ToLower(r)
		}
		if !inWord {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			words++
			inWord = true
		}
		b = utf8.AppendRune(b, r)
	}
	if words < minKeyWords {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}
