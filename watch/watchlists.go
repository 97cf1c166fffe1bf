package watch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/storyline-news/storyline/store"
)

// Spec is what a watchlist is made from: its name and criteria.
type Spec struct {
	Name     string   `json:"name"`
	Entities []string `json:"entities,omitempty"`
	Places   []string `json:"places,omitempty"`
	Keywords []string `json:"keywords,omitempty"`
	Outlets  []string `json:"outlets,omitempty"`
	Webhook  string   `json:"webhook,omitempty"`
	Secret   string   `json:"secret,omitempty"`
}

// Limits on a watchlist's parts.
const (
	maxValues   = 50
	maxValueLen = 200
)

// ErrInvalid marks a watchlist spec that cannot be saved; its message
// says why and is safe to show.
var ErrInvalid = errors.New("invalid watchlist")

// NewWatchlist checks a spec and makes a watchlist of it (its id is given
// when it is added).
func NewWatchlist(spec Spec, now time.Time) (*store.Watchlist, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
	}
	w := &store.Watchlist{Name: strings.TrimSpace(spec.Name), Created: now.UTC().Format(time.RFC3339)}
	if w.Name == "" || len(w.Name) > maxValueLen {
		return nil, bad("a name of 1 to %d bytes is needed", maxValueLen)
	}
	for _, part := range []struct {
		name string
		in   []string
		out  *[]string
	}{{"entity", spec.Entities, &w.Entities}, {"place", spec.Places, &w.Places}, {"keyword", spec.Keywords, &w.Keywords}, {"outlet", spec.Outlets, &w.Outlets}} {
		*part.out = []string{}
		for _, v := range part.in {
			v = strings.TrimSpace(strings.ToValidUTF8(v, ""))
			if v == "" {
				continue
			}
			if len(v) > maxValueLen {
				return nil, bad("%s %.20q… is longer than %d bytes", part.name, v, maxValueLen)
			}
			if part.name == "keyword" && len(words(v)) == 0 {
				return nil, bad("keyword %q has no word in it", v)
			}
			*part.out = append(*part.out, v)
		}
		if len(*part.out) > maxValues {
			return nil, bad("more than %d values of %s", maxValues, part.name)
		}
	}
	if len(w.Entities)+len(w.Places)+len(w.Keywords)+len(w.Outlets) == 0 {
		return nil, bad("give at least one entity, place, keyword or outlet")
	}
	if spec.Webhook != "" {
		u, err := url.Parse(strings.TrimSpace(spec.Webhook))
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, bad("webhook %q is not an http or https URL", spec.Webhook)
		}
		if spec.Secret == "" {
			return nil, bad("a webhook needs a secret to sign its bodies with")
		}
		w.Webhook, w.Secret = u.String(), spec.Secret
	} else if spec.Secret != "" {
		return nil, bad("a secret without a webhook")
	}
	return w, nil
}

// Add stores a new watchlist under an id made from its name (with a
// number when the name's is taken) and sets w.ID.
func Add(ctx context.Context, st store.Store, w *store.Watchlist) error {
	base := slug(w.Name)
	return st.Update(ctx, func(tx store.Tx) error {
		all, err := tx.Watchlists(ctx)
		if err != nil {
			return err
		}
		taken := map[string]bool{}
		for _, o := range all {
			taken[o.ID] = true
		}
		w.ID = base
		for n := 2; taken[w.ID]; n++ {
			w.ID = base + "-" + strconv.Itoa(n)
		}
		return tx.PutWatchlist(ctx, w)
	})
}

// Remove deletes a watchlist with its alerts and deliveries.
func Remove(ctx context.Context, st store.Store, id string) error {
	if _, err := st.Watchlist(ctx, id); err != nil {
		return err
	}
	return st.Update(ctx, func(tx store.Tx) error { return tx.DeleteWatchlist(ctx, id) })
}

// slug is an id made of a name: ASCII letters and digits in lowercase,
// runs of anything else as one hyphen.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
			// an accent, dropped with its letter kept
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "watchlist"
	}
	return b.String()
}
