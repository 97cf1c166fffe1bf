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

	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/textenc"
)

func (in *input) readText(data []byte) error {
	text := in.decode(in.origin, data, textenc.Text, "")
	if len(bytes.TrimSpace(text)) == 0 {
		return errors.New("empty file")
	}
	return in.emit(&Item{
		ID:     in.id,
		Text:   string(text),
		Format: "text",
		Origin: in.origin,
		Raw:    data,
	}, nil)
}

func (in *input) readHTML(data []byte) error {
	return in.emit(&Item{
		ID:     in.id,
		HTML:   in.decode(in.origin, data, textenc.HTML, ""),
		Format: "html",
		Origin: in.origin,
		Raw:    data,
	}, nil)
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
			line = in.validUTF8(origin, line)
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

// validUTF8 repairs a JSON record that is not UTF-8, as JSON must be,
// rather than let the JSON decoder turn its stray bytes into U+FFFD.
func (in *input) validUTF8(origin string, b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return in.decode(origin, b, textenc.Text, "application/json; charset=utf-8")
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
	case strings.TrimSpace(a.HTML) != "":
		it = &Item{HTML: []byte(a.HTML), Format: "jsonl", Raw: raw}
	default:
		return nil, errors.New(`neither "text" nor "html" is given`)
	}
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	// What the record says wins over what its HTML will say.
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
		} else if it, ierr := safely(func() (*Item, error) { return in.jsonItem(in.validUTF8(origin, raw), n) }); ierr != nil {
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

// primaryLang is the primary subtag of a language tag, lowercased: "en" for
// "en-US".
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
