package watch

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/store"
)

// Webhook headers: the body's signature ("sha256=" and the hex of
// HMAC-SHA256 over the body with the watchlist's secret), and the
// alert's id, the same on every retry, for receivers to drop repeats.
const (
	SignatureHeader = "X-Storyline-Signature"
	DeliveryHeader  = "X-Storyline-Delivery"
)

// Sign is the signature header's value for a body.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify tells whether a signature header's value signs body with
// secret, in constant time.
func Verify(secret string, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// Payload is the JSON a webhook receives.
type Payload struct {
	Watchlist struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"watchlist"`
	Alert    store.Alert `json:"alert"`
	EventURL string      `json:"event_url,omitempty"`
}

// DeliverOptions tune a Deliverer; zero values take the defaults.
type DeliverOptions struct {
	// Timeout bounds one POST (10 s).
	Timeout time.Duration
	// MaxAttempts is how many times a delivery is tried (6) before it is
	// recorded as failed.
	MaxAttempts int
	// Backoff is the wait after the first failed attempt (1 min); it
	// doubles with each, plus up to a quarter again at random.
	Backoff time.Duration
	// BaseURL, when set, is the server's address, for event links.
	BaseURL string
	Client  *http.Client
	Now     func() time.Time
	Log     *slog.Logger
}

// Deliverer posts alerts to their watchlists' webhooks and records each
// delivery.
type Deliverer struct {
	st   store.Store
	opts DeliverOptions
}

// NewDeliverer makes a Deliverer.
func NewDeliverer(st store.Store, opts DeliverOptions) *Deliverer {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 6
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Minute
	}
	if opts.Client == nil {
		opts.Client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	return &Deliverer{st: st, opts: opts}
}

// Run delivers what falls due, looking every interval, until ctx ends.
func (d *Deliverer) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, _, err := d.Flush(ctx); err != nil && ctx.Err() == nil {
			d.opts.Log.Error("webhook deliveries", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Flush tries every delivery that is due, once, and records each try.
func (d *Deliverer) Flush(ctx context.Context) (delivered, failed int, err error) {
	for {
		due, err := d.st.DueDeliveries(ctx, d.opts.Now().UTC().Format(time.RFC3339), 50)
		if err != nil {
			return delivered, failed, fmt.Errorf("webhooks: %w", err)
		}
		for _, dl := range due {
			ok, err := d.deliver(ctx, dl)
			if err != nil {
				return delivered, failed, err
			}
			if ok {
				delivered++
			} else {
				failed++
			}
		}
		if len(due) < 50 {
			return delivered, failed, nil
		}
	}
}

// deliver tries one delivery and records the try; err is the store's.
func (d *Deliverer) deliver(ctx context.Context, dl store.Delivery) (bool, error) {
	wl, err := d.st.Watchlist(ctx, dl.Watchlist)
	if err != nil {
		return false, fmt.Errorf("webhook of alert %d: %w", dl.Alert, err)
	}
	alert, err := d.st.Alert(ctx, dl.Alert)
	if err != nil {
		return false, fmt.Errorf("webhook of alert %d: %w", dl.Alert, err)
	}
	var p Payload
	p.Watchlist.ID, p.Watchlist.Name, p.Alert = wl.ID, wl.Name, *alert
	if d.opts.BaseURL != "" {
		p.EventURL = strings.TrimRight(d.opts.BaseURL, "/") + "/events/" + alert.Event
	}
	body, err := json.Marshal(p)
	if err != nil {
		return false, err
	}
	code, postErr := d.post(ctx, dl.URL, wl.Secret, dl.Alert, body)
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	dl.Attempts++
	dl.LastCode, dl.LastError = code, ""
	switch {
	case postErr == nil:
		dl.Status, dl.NextTry = store.DeliveryDelivered, ""
	case dl.Attempts >= d.opts.MaxAttempts:
		dl.Status, dl.NextTry, dl.LastError = store.DeliveryFailed, "", postErr.Error()
	default:
		wait := d.opts.Backoff << (dl.Attempts - 1)
		wait += time.Duration(rand.Int64N(int64(wait)/4 + 1))
		dl.NextTry, dl.LastError = d.opts.Now().Add(wait).UTC().Format(time.RFC3339), postErr.Error()
	}
	if postErr != nil {
		d.opts.Log.Warn("webhook delivery failed", "watchlist", wl.ID, "alert", dl.Alert, "attempt", dl.Attempts, "err", postErr)
	}
	if err := d.st.Update(ctx, func(tx store.Tx) error { return tx.PutDelivery(ctx, &dl) }); err != nil {
		return false, fmt.Errorf("webhook of alert %d: %w", dl.Alert, err)
	}
	return postErr == nil, nil
}

// post sends one signed body; a 2xx answer is a delivery.
func (d *Deliverer) post(ctx context.Context, target, secret string, alert int64, body []byte) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, d.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Storyline-Webhook/1")
	req.Header.Set(SignatureHeader, Sign(secret, body))
	req.Header.Set(DeliveryHeader, strconv.FormatInt(alert, 10))
	resp, err := d.opts.Client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return resp.StatusCode, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return resp.StatusCode, nil
}
