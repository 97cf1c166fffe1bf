package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Bounds on a WARC or HTTP header, so that junk cannot make a reader
// buffer without end.
const (
	maxHeaderLine  = 64 << 10
	maxHeaderLines = 1000
)

// warcRecord is one WARC record: its named fields and its block.
type warcRecord struct {
	header textproto.MIMEHeader
	block  []byte
}

// readWARC reads a WARC file record by record (a .warc.gz is one gzip
// member per record, which the multistream gzip reader joins) and emits
// every HTML response or resource as an item.
func (in *input) readWARC(r *bufio.Reader) error {
	max := in.opts.maxBytes()
	for n := 1; ; n++ {
		if err := in.ctx.Err(); err != nil {
			return err
		}
		origin := fmt.Sprintf("%s: record %d", in.origin, n)
		rec, skipped, err := nextWARCRecord(r, max)
		if errors.Is(err, io.EOF) && rec == nil && skipped == 0 {
			return nil
		}
		if skipped > 0 {
			if ferr := in.fail(origin, fmt.Errorf("skipped %d bytes of junk before the record", skipped)); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) && rec == nil {
				return nil
			}
			if errors.Is(err, errTooBig) {
				if ferr := in.fail(origin, err); ferr != nil {
					return ferr
				}
				continue
			}
			// A truncated file or a broken gzip member: nothing after it
			// can be trusted.
			return in.fail(origin, err)
		}
		it, err := safely(func() (*Item, error) { return warcItem(rec, max) })
		if err != nil {
			err = in.fail(origin, err)
		} else if it != nil {
			it.Origin = origin
			if it.ID == "" {
				it.ID = fmt.Sprintf("%s#%d", in.id, n)
			}
			err = in.emit(it, nil)
		}
		if err != nil {
			return err
		}
	}
}

var errTooBig = errors.New("record is over the limit (--max-bytes)")

// nextWARCRecord reads the next record. Lines before a "WARC/" version line
// are skipped and counted, so that one bad record does not lose the rest.
func nextWARCRecord(r *bufio.Reader, max int64) (*warcRecord, int, error) {
	skipped := 0
	for {
		line, err := readHeaderLine(r)
		if err != nil {
			if errors.Is(err, io.EOF) && len(line) > 0 {
				skipped += len(line)
			}
			return nil, skipped, err
		}
		if bytes.HasPrefix(line, []byte("WARC/")) {
			break
		}
		if len(bytes.TrimSpace(line)) > 0 {
			skipped += len(line)
		}
	}
	h := textproto.MIMEHeader{}
	consumed := len("WARC/1.0\r\n")
	for i := 0; ; i++ {
		line, err := readHeaderLine(r)
		consumed += len(line) + 2
		if err != nil {
			return nil, skipped, fmt.Errorf("truncated record header: %w", unexpected(err))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			break
		}
		if bytes.HasPrefix(line, []byte("WARC/")) {
			// A new record starts inside this one's header: the one
			// before was cut short. Start over from here.
			skipped += consumed - len(line) - 2
			h, i, consumed = textproto.MIMEHeader{}, 0, len(line)+2
			continue
		}
		if i >= maxHeaderLines {
			return nil, skipped, errors.New("record header has too many lines")
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return nil, skipped, fmt.Errorf("bad record header line %q", truncate(string(line), 80))
		}
		h.Add(textproto.TrimString(string(k)), textproto.TrimString(string(v)))
	}
	size, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil || size < 0 {
		return nil, skipped, fmt.Errorf("record has no valid Content-Length (%q)", h.Get("Content-Length"))
	}
	if size > max {
		if _, err := io.CopyN(io.Discard, r, size); err != nil {
			return nil, skipped, fmt.Errorf("truncated record: %w", unexpected(err))
		}
		return nil, skipped, fmt.Errorf("record is %d bytes, over the %s limit (--max-bytes): %w", size, humanBytes(max), errTooBig)
	}
	block := make([]byte, size)
	if _, err := io.ReadFull(r, block); err != nil {
		return nil, skipped, fmt.Errorf("truncated record: %w", unexpected(err))
	}
	return &warcRecord{header: h, block: block}, skipped, nil
}

func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// readHeaderLine reads one line without its end, refusing overlong ones.
func readHeaderLine(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxHeaderLine {
			return nil, errors.New("header line too long")
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			return buf, err
		}
		return bytes.TrimRight(buf, "\r\n"), nil
	}
}

// warcItem turns an HTML response or resource record into an item; other
// records (requests, metadata, images, redirects) give nil.
func warcItem(rec *warcRecord, max int64) (*Item, error) {
	target := strings.Trim(rec.header.Get("WARC-Target-URI"), "<> ")
	var page []byte
	switch strings.ToLower(rec.header.Get("WARC-Type")) {
	case "response":
		if !strings.HasPrefix(strings.ToLower(rec.header.Get("Content-Type")), "application/http") &&
			!bytes.HasPrefix(rec.block, []byte("HTTP/")) {
			return nil, nil
		}
		status, ctype, body, err := httpPayload(rec.block, max)
		if err != nil {
			return nil, err
		}
		if status < 200 || status > 299 || !isHTMLType(ctype, body) {
			return nil, nil
		}
		page = decodeCharset(body, ctype)
	case "resource":
		if !isHTMLType(rec.header.Get("Content-Type"), rec.block) {
			return nil, nil
		}
		page = rec.block
	default:
		return nil, nil
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, errors.New("empty page")
	}
	it, err := htmlItem(page, target)
	if err != nil {
		return nil, err
	}
	it.ID, it.Format = target, "warc"
	return it, nil
}

// decodeCharset decodes a page that is not UTF-8 with the charset its HTTP
// Content-Type names, when the page itself may not say (a <meta> charset,
// if any, is honoured later).
func decodeCharset(page []byte, ctype string) []byte {
	if utf8.Valid(page) {
		return page
	}
	_, params, err := mime.ParseMediaType(ctype)
	if err != nil || params["charset"] == "" {
		return page
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil || name == "utf-8" {
		return page
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return page
	}
	return out
}

func isHTMLType(ctype string, body []byte) bool {
	if ctype == "" {
		return detect(body[:min(len(body), sniffSize)], "") == formatHTML
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ctype, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// httpPayload strips the HTTP response header off a record block and undoes
// chunked transfer coding and gzip/deflate content coding. Crawlers differ
// in what they store (some keep the header but store the decoded payload),
// so a payload that does not decode as announced is taken as it is.
func httpPayload(block []byte, max int64) (status int, ctype string, body []byte, err error) {
	r := bufio.NewReader(bytes.NewReader(block))
	line, err := readHeaderLine(r)
	if err != nil {
		return 0, "", nil, fmt.Errorf("HTTP status line: %w", unexpected(err))
	}
	parts := strings.Fields(string(line))
	if len(parts) < 2 || !strings.HasPrefix(parts[0], "HTTP/") {
		return 0, "", nil, fmt.Errorf("bad HTTP status line %q", truncate(string(line), 80))
	}
	status, err = strconv.Atoi(parts[1])
	if err != nil {
		return 0, "", nil, fmt.Errorf("bad HTTP status %q", parts[1])
	}
	h := textproto.MIMEHeader{}
	for i := 0; ; i++ {
		line, err := readHeaderLine(r)
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, "", nil, fmt.Errorf("HTTP header: %w", err)
		}
		if len(bytes.TrimSpace(line)) == 0 || i >= maxHeaderLines {
			break
		}
		if k, v, ok := bytes.Cut(line, []byte(":")); ok {
			h.Add(textproto.TrimString(string(k)), textproto.TrimString(string(v)))
		}
		if err != nil {
			break
		}
	}
	body, _ = io.ReadAll(r)
	if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
		if dec, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(body))); err == nil {
			body = dec
		}
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			if dec, err := io.ReadAll(io.LimitReader(zr, max+1)); err == nil {
				body = dec
			}
		}
	case "deflate":
		if dec, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(body)), max+1)); err == nil {
			body = dec
		}
	default:
		if isBinary(body[:min(len(body), sniffSize)]) {
			return 0, "", nil, fmt.Errorf("unsupported HTTP content encoding %q", h.Get("Content-Encoding"))
		}
	}
	if int64(len(body)) > max {
		return 0, "", nil, fmt.Errorf("page is over the %s limit once decoded (--max-bytes)", humanBytes(max))
	}
	return status, h.Get("Content-Type"), body, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
