package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/extract"
)

func (in *input) readText(data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := extract.CheckUTF8(data); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty file")
	}
	return in.emit(&Item{
		ID:     in.id,
		Text:   string(data),
		Format: "text",
		Origin: in.origin,
		Raw:    data,
	}, nil)
}

func (in *input) readHTML(data []byte) error {
	it, err := htmlItem(data, "")
	if err != nil {
		return err
	}
	it.ID, it.Origin = in.id, in.origin
	return in.emit(it, nil)
}

// htmlItem extracts the article of a page. pageURL is where the page came
// from, when known; otherwise the page's canonical URL is used.
func htmlItem(data []byte, pageURL string) (*Item, error) {
	res, err := extract.HTML(data, pageURL)
	if err != nil {
		return nil, err
	}
	it := &Item{
		URL:     pageURL,
		Title:   res.Title,
		Byline:  res.Byline,
		Outlet:  res.Site,
		Lang:    res.Lang,
		Credits: res.Credits,
		Text:    res.Text,
		Format:  "html",
		Raw:     data,
	}
	if it.URL == "" {
		it.URL = res.URL
	}
	if res.Published != "" {
		it.Published, it.PublishedFrom = res.Published, storyline.FromHTML
	}
	return it, nil
}

// jsonArticle is one JSON Lines record.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Published string          `json:"published"`
	Outlet    string          `json:"outlet"`
	Lang      string          `json:"lang"`
	Byline    string          `json:"byline"`
	Credits   []string        `json:"credits"`
}

// readJSONLines reads one article per line; a bad line is reported and the
// next one read.
func (in *input) readJSONLines(r *bufio.Reader) error {
	max := in.opts.maxBytes()
	for n := 1; ; n++ {
		line, tooLong, err := readLine(r, max)
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("line %d: %w", n, err)
		}
		origin := fmt.Sprintf("%s:line %d", in.origin, n)
		switch {
		case tooLong:
			if ferr := in.fail(origin, fmt.Errorf("line is over the %s limit (--max-bytes)", humanBytes(max))); ferr != nil {
				return ferr
			}
		case len(bytes.TrimSpace(line)) > 0:
			it, ierr := safely(func() (*Item, error) { return in.jsonItem(line, n) })
			if ierr != nil {
				ierr = in.fail(origin, ierr)
			} else {
				it.Origin = origin
				ierr = in.emit(it, nil)
			}
			if ierr != nil {
				return ierr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line without its end; a line over max bytes is skipped
// to its end and reported as tooLong.
func readLine(r *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil || errors.Is(err, io.EOF) && len(buf) > 0 {
			buf = bytes.TrimRight(buf, "\r\n")
			if err != nil {
				return buf, tooLong, io.EOF
			}
			return buf, tooLong, nil
		}
		return buf, tooLong, err
	}
}

func (in *input) jsonItem(line []byte, n int) (*Item, error) {
	var a jsonArticle
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("invalid JSON: more than one value on the line")
	}
	id, err := jsonID(a.ID)
	if err != nil {
		return nil, err
	}
	raw := bytes.Clone(line)
	var it *Item
	switch {
	case strings.TrimSpace(a.Text) != "":
		it = &Item{Text: a.Text, Format: "jsonl", Raw: raw}
		if err := extract.CheckUTF8([]byte(a.Text)); err != nil {
			return nil, fmt.Errorf("text: %w", err)
		}
	case strings.TrimSpace(a.HTML) != "":
		it, err = htmlItem([]byte(a.HTML), a.URL)
		if err != nil {
			return nil, fmt.Errorf("html: %w", err)
		}
		it.Format, it.Raw = "jsonl", raw
	default:
		return nil, errors.New(`neither "text" nor "html" is given`)
	}
	// What the record says wins over what its HTML says.
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&it.URL, a.URL)
	set(&it.Title, a.Title)
	set(&it.Outlet, a.Outlet)
	set(&it.Lang, a.Lang)
	set(&it.Byline, a.Byline)
	if len(a.Credits) > 0 {
		it.Credits = a.Credits
	}
	if p := NormalizeDate(a.Published); p != "" {
		it.Published, it.PublishedFrom = p, storyline.FromMeta
	} else if strings.TrimSpace(a.Published) != "" {
		return nil, fmt.Errorf("published %q is neither a date (YYYY-MM-DD) nor RFC 3339", a.Published)
	}
	switch {
	case id != "":
		it.ID = id
	case it.URL != "":
		it.ID = it.URL
	default:
		it.ID = fmt.Sprintf("%s#%d", in.id, n)
	}
	return it, nil
}

// jsonID accepts a string or a number as id.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err == nil {
		return num.String(), nil
	}
	return "", fmt.Errorf("id %s is neither a string nor a number", raw)
}

// readJSONDocument reads a JSON array of articles, or a sequence of
// (pretty-printed) article objects. A syntax error ends the file: past it,
// nothing can be found again.
func (in *input) readJSONDocument(r *bufio.Reader) error {
	if b, _ := r.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		r.Discard(3)
	}
	for {
		c, err := r.ReadByte()
		if err != nil {
			return errors.New("empty file")
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			r.UnreadByte()
			break
		}
	}
	first, _ := r.Peek(1)
	dec := json.NewDecoder(r)
	array := len(first) == 1 && first[0] == '['
	if array {
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("invalid JSON: %w", err)
		}
	}
	max := in.opts.maxBytes()
	for n := 1; ; n++ {
		if array && !dec.More() {
			return nil
		}
		origin := fmt.Sprintf("%s: item %d", in.origin, n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return in.fail(origin, fmt.Errorf("invalid JSON: %w", err))
		}
		var err error
		if int64(len(raw)) > max {
			err = in.fail(origin, fmt.Errorf("item is over the %s limit (--max-bytes)", humanBytes(max)))
		} else if it, ierr := safely(func() (*Item, error) { return in.jsonItem(raw, n) }); ierr != nil {
			err = in.fail(origin, ierr)
		} else {
			it.Origin = origin
			err = in.emit(it, nil)
		}
		if err != nil {
			return err
		}
	}
}

// NormalizeDate returns a publication date as YYYY-MM-DD or RFC 3339, or ""
// when s is none of the forms accepted: a date, RFC 3339, or a date and time
// without zone (kept as the date alone, since its zone is unknown).
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02")
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// readFeed reads an RSS, Atom or JSON feed: one item per entry, its body
// the entry's content or, failing that, its summary, as text.
func (in *input) readFeed(data []byte) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	format := feed.FeedType
	if format == "json" {
		format = "jsonfeed"
	}
	outlet := strings.TrimSpace(feed.Title)
	lang := primaryLang(feed.Language)
	if len(feed.Items) == 0 {
		return errors.New("feed has no items")
	}
	for i, fi := range feed.Items {
		origin := fmt.Sprintf("%s: item %d", in.origin, i+1)
		if fi == nil {
			continue
		}
		it, err := safely(func() (*Item, error) { return feedItem(fi, format, outlet, lang) })
		if err != nil {
			err = in.fail(origin, err)
		} else {
			it.Origin = origin
			if it.ID == "" {
				it.ID = fmt.Sprintf("%s#%d", in.id, i+1)
			}
			err = in.emit(it, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func feedItem(fi *gofeed.Item, format, outlet, lang string) (*Item, error) {
	body := fi.Content
	if strings.TrimSpace(extract.Fragment(body)) == "" {
		body = fi.Description
	}
	text := extract.Fragment(body)
	if text == "" {
		return nil, errors.New("item has neither content nor summary")
	}
	raw, err := json.Marshal(fi)
	if err != nil {
		return nil, fmt.Errorf("encoding item: %w", err)
	}
	link := strings.TrimSpace(fi.Link)
	if g := strings.TrimSpace(fi.GUID); link == "" && (strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://")) {
		link = g // an RSS guid that is a permalink
	}
	it := &Item{
		ID:     link,
		URL:    link,
		Title:  extract.Fragment(fi.Title),
		Outlet: outlet,
		Lang:   lang,
		Text:   text,
		Format: format,
		Raw:    raw,
	}
	var names []string
	for _, p := range fi.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	it.Byline = strings.Join(names, ", ")
	stamp, date := fi.Published, fi.PublishedParsed
	if date == nil {
		stamp, date = fi.Updated, fi.UpdatedParsed
	}
	if date != nil && !date.IsZero() {
		// gofeed gives the instant in UTC; the feed's own offset keeps
		// the local day of publication, which dates "today" in the text.
		t := *date
		if local, ok := parseFeedDate(stamp); ok && local.Equal(t) {
			t = local
		}
		it.Published, it.PublishedFrom = t.Format(time.RFC3339), storyline.FromFeed
	}
	return it, nil
}

// feedDateLayouts are the usual RSS (RFC 822) and Atom (RFC 3339) forms.
var feedDateLayouts = []string{
	time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", time.RFC822Z, time.RFC822,
}

func parseFeedDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range feedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// primaryLang is the primary subtag of a language tag, lowercased: "en" for
// "en-US".
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
