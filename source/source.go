// Package source reads Storyline's inputs — plain text, HTML, JSON Lines,
// RSS/Atom/JSON feeds and WARC archives, each possibly gzipped — from files,
// directories or bytes, and turns them into items: one article each.
//
// Formats are recognised by content first and by file extension second, so
// that a .txt file holding HTML or an extensionless feed read as what they
// are. Everything streams: directories are walked file by file, JSON Lines
// line by line and WARC record by record. A bad item never stops the batch;
// it is reported as an ItemError and reading goes on.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Item is one article read from an input.
type Item struct {
	ID, URL, Title, Byline, Outlet, Lang string
	// Published is YYYY-MM-DD or RFC 3339 (UTC or with offset); "" unknown.
	Published string
	// PublishedFrom says where Published came from: storyline.FromMeta
	// (JSON Lines), FromHTML, FromFeed, or "".
	PublishedFrom string
	Credits       []string
	// Text is the plain-text body: a text file's content as is (the cleaner
	// runs later), an HTML page's extracted main text.
	Text string
	// Format is "text", "html", "jsonl", "rss", "atom", "jsonfeed" or "warc".
	Format string
	// Origin says where the item came from, for messages: "path",
	// "path:line 3", "path: record 2", "path: item 4".
	Origin string
	// Raw holds the item's own bytes: the page, the JSON line, the feed
	// item (as JSON), the text file.
	Raw []byte
}

// Options tune reading.
type Options struct {
	// MaxBytes bounds each item and each whole-file input (text, HTML,
	// feed), before and after decompression. JSON Lines and WARC files
	// stream, so the bound applies to each line or record instead.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the default Options.MaxBytes.
const DefaultMaxBytes = 10 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ItemError is a per-item failure: Origin names the file (and line or
// record), Err the reason.
type ItemError struct {
	Origin string
	Err    error
}

func (e *ItemError) Error() string { return e.Origin + ": " + e.Err.Error() }
func (e *ItemError) Unwrap() error { return e.Err }

// Func receives each item or per-item failure; exactly one is non-nil.
// Returning an error stops the walk with that error.
type Func = func(it *Item, err *ItemError) error

// errStop wraps an error returned by the caller's Func so that it passes
// through every layer unchanged and is never mistaken for a bad item.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// Walk reads every PATH (a file, or a directory read recursively in sorted
// order, hidden entries skipped) and calls fn for each item or per-item
// failure. It never stops on a bad item; it returns an error only when ctx is
// cancelled or fn returns one.
func Walk(ctx context.Context, paths []string, opts Options, fn Func) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(nil, &ItemError{Origin: p, Err: err}); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := readFile(ctx, p, opts, fn); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				if ferr := fn(nil, &ItemError{Origin: path, Err: err}); ferr != nil {
					return ferr
				}
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			return readFile(ctx, path, opts, fn)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadBytes parses one input held in memory; name gives the extension and
// the id (and is the origin in messages). It is what the HTTP API's POST
// uses.
func ReadBytes(ctx context.Context, name string, data []byte, opts Options, fn Func) error {
	return readStream(ctx, name, name, int64(len(data)), bytes.NewReader(data), opts, fn)
}

func readFile(ctx context.Context, path string, opts Options, fn Func) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(nil, &ItemError{Origin: path, Err: err})
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	return readStream(ctx, path, filepath.Base(path), size, f, opts, fn)
}

// readStream reads one input: it undoes gzip, sniffs the format and hands
// the stream to the format's reader. size is the input's size on disk (-1
// when unknown).
func readStream(ctx context.Context, origin, name string, size int64, r io.Reader, opts Options, fn Func) (err error) {
	// The caller's errors pass through; everything else becomes an
	// ItemError naming the file.
	report := func(e error) error {
		if e == nil {
			return nil
		}
		var stop errStop
		if errors.As(e, &stop) {
			return stop.err
		}
		if errors.Is(e, context.Canceled) || errors.Is(e, context.DeadlineExceeded) {
			if ctx.Err() != nil {
				return e
			}
		}
		return fn(nil, &ItemError{Origin: origin, Err: e})
	}
	// Stop panics from parsers of untrusted input at the file boundary (the
	// format readers also stop them at each item); a panic in the caller's
	// fn is the caller's and goes on up.
	inFn := false
	defer func() {
		if p := recover(); p != nil {
			if inFn {
				panic(p)
			}
			err = report(internalError(p))
		}
	}()
	emit := func(it *Item, ie *ItemError) error {
		inFn = true
		err := fn(it, ie)
		inFn = false
		if err != nil {
			return errStop{err}
		}
		return ctx.Err()
	}

	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	if len(head) == 0 {
		return report(errors.New("empty file"))
	}
	pr := br
	if head[0] == 0x1f && len(head) > 1 && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return report(fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		pr = bufio.NewReaderSize(zr, 64<<10)
	}
	// UTF-16 text (as some editors save it) is read as the UTF-8 it
	// becomes; the byte-order mark says which.
	if bom, _ := pr.Peek(2); len(bom) == 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		pr = bufio.NewReaderSize(transform.NewReader(pr, unicode.BOMOverride(dec)), 64<<10)
	}
	if ext := filepath.Ext(name); strings.EqualFold(ext, ".gz") {
		name = strings.TrimSuffix(name, ext)
	}
	sniff, err := pr.Peek(sniffSize)
	if err != nil && len(sniff) == 0 && !errors.Is(err, io.EOF) {
		// Truncated input with something before the cut is read on: the
		// format's reader delivers what it can and reports the cut.
		return report(fmt.Errorf("reading: %w", err))
	}
	if len(bytes.TrimSpace(sniff)) == 0 && len(sniff) < sniffSize {
		return report(errors.New("empty file"))
	}
	src := &input{ctx: ctx, origin: origin, id: fileID(name), name: name, opts: opts, emit: emit}
	format := detect(sniff, name)
	switch format {
	case formatWARC:
		return report(src.readWARC(pr))
	case formatJSONL:
		return report(src.readJSONLines(pr))
	case formatJSON:
		return report(src.readJSONDocument(pr))
	case formatBinary:
		return report(errors.New("binary file"))
	}
	max := opts.maxBytes()
	if size > max {
		return report(fmt.Errorf("file is %d bytes, over the %s limit (--max-bytes)", size, humanBytes(max)))
	}
	data, err := io.ReadAll(io.LimitReader(pr, max+1))
	if err != nil {
		return report(fmt.Errorf("reading: %w", err))
	}
	if int64(len(data)) > max {
		return report(fmt.Errorf("file is over the %s limit once decompressed (--max-bytes)", humanBytes(max)))
	}
	switch format {
	case formatFeed:
		return report(src.readFeed(data))
	case formatHTML:
		return report(src.readHTML(data))
	default:
		return report(src.readText(data))
	}
}

// input is one file being read.
type input struct {
	ctx    context.Context
	origin string
	id     string // the file's id: its name without extensions
	name   string // base name, without .gz
	opts   Options
	emit   Func
}

// fail reports a per-item failure at a sub-origin ("path:line 3").
func (in *input) fail(origin string, err error) error {
	return in.emit(nil, &ItemError{Origin: origin, Err: err})
}

// internalError turns a recovered panic into an error, logging where it
// happened for whoever fixes it.
func internalError(p any) error {
	slog.Error("source: recovered from a panic", "panic", p, "stack", string(debug.Stack()))
	return fmt.Errorf("internal error: %v", p)
}

// safely runs one item's parsing, turning a panic into that item's error.
func safely(parse func() (*Item, error)) (it *Item, err error) {
	defer func() {
		if p := recover(); p != nil {
			it, err = nil, internalError(p)
		}
	}()
	return parse()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// knownExts are the extensions stripped from a file name to make its id;
// other dots belong to the name ("report.2021-09-30.txt" → "report.2021-09-30").
var knownExts = map[string]bool{
	".gz": true, ".txt": true, ".text": true, ".html": true, ".htm": true,
	".xhtml": true, ".jsonl": true, ".ndjson": true, ".json": true,
	".xml": true, ".rss": true, ".atom": true, ".warc": true,
}

// fileID is a file's name without its extensions: "X" for "X.html.gz".
func fileID(name string) string {
	name = filepath.Base(name)
	if name == "" || name == "." || name == "/" {
		return "input"
	}
	for {
		ext := filepath.Ext(name)
		if ext == "" || ext == name || !knownExts[strings.ToLower(ext)] {
			return name
		}
		name = strings.TrimSuffix(name, ext)
	}
}
