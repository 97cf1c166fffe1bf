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

	"github.com/storyline-news/storyline/internal/textenc"
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
			// Damage the reader got past: what follows is read.
			in.warn(origin, fmt.Sprintf("skipped %d bytes of junk before the record", skipped))
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
		it, err := safely(func() (*Item, error) { return in.warcItem(origin, rec, max) })
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
func (in *input) warcItem(origin string, rec *warcRecord, max int64) (*Item, error) {
	target := strings.Trim(rec.header.Get("WARC-Target-URI"), "<> ")
	switch strings.ToLower(rec.header.Get("WARC-Type")) {
	case "response":
		if !strings.HasPrefix(strings.ToLower(rec.header.Get("Content-Type")), "application/http") &&
			!bytes.HasPrefix(rec.block, []byte("HTTP/")) {
			return nil, nil
		}
		return in.archivedResponse(origin, target, rec.block, max, "warc")
	case "resource":
		return in.archivedPage(origin, target, rec.header.Get("Content-Type"), rec.block, "warc")
	}
	return nil, nil
}

// archivedResponse makes an item of an archived HTTP response (header and
// payload) when it is a successful HTML page, and nil otherwise.
func (in *input) archivedResponse(origin, target string, block []byte, max int64, format string) (*Item, error) {
	p, err := httpPayload(block, max)
	if err != nil {
		return nil, err
	}
	if p.status < 200 || p.status > 299 {
		return nil, nil
	}
	in.warn(origin, p.warning)
	return in.archivedPage(origin, target, p.contentType, p.body, format)
}

// archivedPage makes an item of an archived page when it is HTML, and nil
// otherwise. The page is decoded by the charset its HTTP header names, else
// by what it declares itself, else by detection.
func (in *input) archivedPage(origin, target, contentType string, page []byte, format string) (*Item, error) {
	if !isHTMLType(contentType, page) {
		return nil, nil
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, errors.New("empty page")
	}
	return &Item{
		ID:     target,
		URL:    target,
		HTML:   in.decode(origin, page, textenc.HTML, contentType),
		Format: format,
		Raw:    page,
	}, nil
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

// payload is an archived HTTP response: its status, content type and
// decoded body, and what was wrong with it but could be read past.
type payload struct {
	status      int
	contentType string
	body        []byte
	warning     string
}

// httpPayload strips the HTTP response header off a record block and undoes
// chunked transfer coding and gzip/deflate content coding. Crawlers differ
// in what they store (some keep the header but store the decoded payload),
// so a payload that does not decode as announced is taken as it is; one cut
// short is decoded as far as it goes.
func httpPayload(block []byte, max int64) (payload, error) {
	r := bufio.NewReader(bytes.NewReader(block))
	line, err := readHeaderLine(r)
	if err != nil {
		return payload{}, fmt.Errorf("HTTP status line: %w", unexpected(err))
	}
	parts := strings.Fields(string(line))
	if len(parts) < 2 || !strings.HasPrefix(parts[0], "HTTP/") {
		return payload{}, fmt.Errorf("bad HTTP status line %q", truncate(string(line), 80))
	}
	status, err := strconv.Atoi(parts[1])
	if err != nil {
		return payload{}, fmt.Errorf("bad HTTP status %q", parts[1])
	}
	h := textproto.MIMEHeader{}
	for i := 0; ; i++ {
		line, err := readHeaderLine(r)
		if err != nil && !errors.Is(err, io.EOF) {
			return payload{}, fmt.Errorf("HTTP header: %w", err)
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
	p := payload{status: status, contentType: h.Get("Content-Type")}
	body, _ := io.ReadAll(r)
	if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
		dec, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(body)))
		switch {
		case err == nil:
			body = dec
		case len(dec) > 0 && errors.Is(err, io.ErrUnexpectedEOF):
			body, p.warning = dec, "chunked payload cut short; read as far as it goes"
		}
	}
	var dec io.Reader
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			dec = zr
		}
	case "deflate":
		dec = flate.NewReader(bytes.NewReader(body))
	default:
		if isBinary(body[:min(len(body), sniffSize)]) {
			return payload{}, fmt.Errorf("unsupported HTTP content encoding %q", h.Get("Content-Encoding"))
		}
	}
	if dec != nil {
		out, err := io.ReadAll(io.LimitReader(dec, max+1))
		switch {
		case err == nil:
			body = out
		case len(out) > 0:
			body, p.warning = out, "compressed payload cut short; decoded as far as it goes"
		}
	}
	if int64(len(body)) > max {
		return payload{}, fmt.Errorf("page is over the %s limit once decoded (--max-bytes)", humanBytes(max))
	}
	p.body = body
	return p, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
