package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// Meta is one line of a --meta file: what a feed or a CMS knows about an
// article, winning over what is read from the article itself.
type Meta struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Title     string `json:"title"`
}

// LoadMeta reads a --meta JSON Lines file. A broken line is an error: meta
// is small, hand-made and wrong meta silently misdates articles.
func LoadMeta(path string) (map[string]Meta, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("meta: %w", err)
	}
	defer f.Close()
	out := map[string]Meta{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var m Meta
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			return nil, fmt.Errorf("meta %s:%d: %w", path, n, err)
		}
		if m.ID == "" {
			return nil, fmt.Errorf("meta %s:%d: no id", path, n)
		}
		if m.Published != "" {
			p, ok := NormalizeDate(m.Published)
			if !ok {
				return nil, fmt.Errorf("meta %s:%d: published %q is not a date (YYYY-MM-DD or RFC 3339)", path, n, m.Published)
			}
			m.Published = p
		}
		out[m.ID] = m
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("meta %s: %w", path, err)
	}
	return out, nil
}

// NormalizeDate accepts a date or a timestamp in the common machine forms
// and returns the contract's form: YYYY-MM-DD, or RFC 3339 when a time of day
// is known.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339), true
		}
	}
	return "", false
}
