package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readARC reads an ARC file (the Internet Archive's format before WARC,
// version 1 or 2) record by record, as readWARC reads a WARC file: every
// HTML page in it is an item, with the record's URL as id. Each record is a
// header line, "URL IP DATE CONTENT-TYPE LENGTH" (version 2 has more fields
// before LENGTH), then LENGTH bytes: for a crawled page, the HTTP response.
// The first record (filedesc://) describes the file.
func (in *input) readARC(r *bufio.Reader) error {
	max := in.opts.maxBytes()
	for n := 1; ; n++ {
		if err := in.ctx.Err(); err != nil {
			return err
		}
		origin := fmt.Sprintf("%s: record %d", in.origin, n)
		h, skipped, err := nextARCHeader(r)
		if skipped > 0 {
			in.warn(origin, fmt.Sprintf("skipped %d bytes of junk before the record", skipped))
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return in.fail(origin, err)
		}
		if h.length > max {
			if _, err := io.CopyN(io.Discard, r, h.length); err != nil {
				return in.fail(origin, fmt.Errorf("truncated record: %w", unexpected(err)))
			}
			if ferr := in.fail(origin, fmt.Errorf("record is %d bytes, over the %s limit (--max-bytes)", h.length, humanBytes(max))); ferr != nil {
				return ferr
			}
			continue
		}
		block := make([]byte, h.length)
		if _, err := io.ReadFull(r, block); err != nil {
			return in.fail(origin, fmt.Errorf("truncated record: %w", unexpected(err)))
		}
		if strings.HasPrefix(h.url, "filedesc:") {
			continue
		}
		it, err := safely(func() (*Item, error) {
			if bytes.HasPrefix(block, []byte("HTTP/")) {
				return in.archivedResponse(origin, h.url, block, max, "arc")
			}
			return in.archivedPage(origin, h.url, h.contentType, block, "arc")
		})
		if err != nil {
			err = in.fail(origin, err)
		} else if it != nil {
			it.Origin = origin
			err = in.emit(it, nil)
		}
		if err != nil {
			return err
		}
	}
}

// arcHeader is the header line of an ARC record.
type arcHeader struct {
	url, contentType string
	length           int64
}

// nextARCHeader reads the next record's header line, skipping the blank
// lines between records and counting the bytes of lines that are no header
// (damage), so that one bad record does not lose the rest.
func nextARCHeader(r *bufio.Reader) (arcHeader, int, error) {
	skipped := 0
	for {
		line, err := readHeaderLine(r)
		if err != nil {
			if errors.Is(err, io.EOF) && len(bytes.TrimSpace(line)) > 0 {
				skipped += len(line)
			}
			if errors.Is(err, io.EOF) {
				return arcHeader{}, skipped, io.EOF
			}
			return arcHeader{}, skipped, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if h, ok := parseARCHeader(string(line)); ok {
			return h, skipped, nil
		}
		skipped += len(line) + 1
	}
}

// parseARCHeader reads "URL IP DATE CONTENT-TYPE LENGTH" (version 1) or
// "URL IP DATE CONTENT-TYPE CODE CHECKSUM LOCATION OFFSET FILENAME LENGTH"
// (version 2).
func parseARCHeader(line string) (arcHeader, bool) {
	f := strings.Fields(line)
	if len(f) != 5 && len(f) != 10 || !strings.Contains(f[0], ":") {
		return arcHeader{}, false
	}
	n, err := strconv.ParseInt(f[len(f)-1], 10, 64)
	if err != nil || n < 0 || len(f[2]) < 8 || !isDigits(f[2]) {
		return arcHeader{}, false
	}
	return arcHeader{url: f[0], contentType: f[3], length: n}, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
