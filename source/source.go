// Package source reads Storyline's inputs — plain text, HTML, JSON Lines,
// RSS/Atom/JSON feeds, WARC and ARC archives, each possibly gzipped, in any
// text encoding they declare or that can be detected — from files,
// directories or bytes, and turns them into items: one article each.
//
// Reading is one step and extracting an article from a page another: an
// HTML page (a file, a JSON Lines "html" field, an archived response) comes
// out as Item.HTML, in UTF-8, and the pipeline hands it to package extract.
// So this package depends on no HTML extractor.
//
// Formats are recognised by content first and by file extension second, so
// that a .txt file holding HTML or an extensionless feed read as what they
// are. Everything streams: directories are walked file by file, JSON Lines
// line by line and archives record by record. A bad item never stops the
// batch; it is reported as an ItemError and reading goes on. What was read
// all the same but deserves a word (a repaired encoding, junk skipped in an
// archive, an item repeated) is reported through Options.OnWarning.
//
// Within one Walk or ReadBytes, two different items never share an id: an
// item whose id is taken by a different article is reported, not
// delivered, and an exact repeat is delivered once.
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

	"github.com/storyline-news/storyline/internal/textenc"
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
	// runs later), a feed item's content rendered as text. It is "" for a
	// headline-only feed item and for a page (see HTML).
	Text string
	// HTML is a whole page, in UTF-8, whose article is still to be
	// extracted (package extract); nil when the item is text.
	HTML []byte
	// Format is "text", "html", "jsonl", "rss", "atom", "jsonfeed", "warc"
	// or "arc".
	Format string
	// Origin says where the item came from, for messages: "path",
	// "path:line 3", "path: record 2", "path: item 4".
	Origin string
	// Raw holds the item's own bytes: the page, the JSON line, the feed
	// item (as JSON), the text file.
	Raw []byte
	// Summary marks a feed item that carries at most a summary: no full
	// content element, and a description shorter than SummaryWords words.
	// The page it links to holds the article (a follower fetches it).
	Summary bool
}

// SummaryWords: a feed item's description shorter than this, with no
// content element beside it, is taken for a summary. Feeds that put the
// whole article in the description write far more.
const SummaryWords = 100

// Options tune reading.
type Options struct {
	// MaxBytes bounds each item and each whole-file input (text, HTML,
	// feed), before and after decompression. JSON Lines and WARC files
	// stream, so the bound applies to each line or record instead.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// OnWarning, if set, receives what was read all the same but deserves
	// a word: an encoding repaired or guessed, junk skipped in an archive,
	// an item repeated, a symbolic link to a folder already walked. It is
	// no failure.
	OnWarning func(*ItemError)
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
// order, hidden entries skipped, symbolic links followed) and calls fn for
// each item or per-item failure. It never stops on a bad item; it returns an
// error only when ctx is cancelled or fn returns one.
func Walk(ctx context.Context, paths []string, opts Options, fn Func) error {
	w := &walker{ctx: ctx, opts: opts, fn: newRunIDs(opts, fn).deliver, walked: map[string]string{}}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.path(p); err != nil {
			return err
		}
	}
	return nil
}

// walker walks the PATHs of one Walk.
type walker struct {
	ctx  context.Context
	opts Options
	fn   Func
	// walked maps the real path of every directory entered to the path
	// it was entered by, so that a link back to one is named, not looped.
	walked map[string]string
}

// path reads a PATH given on the command line, or an entry met in a
// directory: a symbolic link is followed to what it names.
func (w *walker) path(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return w.fn(nil, &ItemError{Origin: p, Err: err})
	}
	switch {
	case info.IsDir():
		return w.dir(p)
	case info.Mode().IsRegular():
		return readFile(w.ctx, p, w.opts, w.fn)
	}
	return w.fn(nil, &ItemError{Origin: p, Err: fmt.Errorf("not a regular file (%s); skipped", fileKind(info.Mode()))})
}

// fileKind names what a non-regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "mode " + m.String()
}

func (w *walker) dir(p string) error {
	real, err := filepath.EvalSymlinks(p)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return w.fn(nil, &ItemError{Origin: p, Err: err})
	}
	if first, ok := w.walked[real]; ok {
		w.warn(p, fmt.Errorf("links to a folder already walked (%s); skipped", first))
		return nil
	}
	w.walked[real] = p
	entries, err := os.ReadDir(p)
	if err != nil {
		if ferr := w.fn(nil, &ItemError{Origin: p, Err: err}); ferr != nil {
			return ferr
		}
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := w.path(filepath.Join(p, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) warn(origin string, err error) {
	if w.opts.OnWarning != nil {
		w.opts.OnWarning(&ItemError{Origin: origin, Err: err})
	}
}

// ReadBytes parses one input held in memory; name gives the extension and
// the id (and is the origin in messages). It is what the HTTP API's POST
// uses.
func ReadBytes(ctx context.Context, name string, data []byte, opts Options, fn Func) error {
	return readStream(ctx, name, name, int64(len(data)), bytes.NewReader(data), opts, newRunIDs(opts, fn).deliver)
}

// readFile reads one file. It opens without blocking, so that a named pipe
// put in a regular file's place after the walk looked cannot hang the run.
func readFile(ctx context.Context, path string, opts Options, fn Func) error {
	f, err := openNonBlocking(path)
	if err != nil {
		return fn(nil, &ItemError{Origin: path, Err: err})
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fn(nil, &ItemError{Origin: path, Err: err})
	}
	if !info.Mode().IsRegular() {
		return fn(nil, &ItemError{Origin: path, Err: fmt.Errorf("not a regular file (%s); skipped", fileKind(info.Mode()))})
	}
	return readStream(ctx, path, filepath.Base(path), info.Size(), f, opts, fn)
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
	// UTF-16 (as some editors and feed generators write it) is read as the
	// UTF-8 it becomes, before its NULs can pass for a binary file; the
	// byte-order mark, or the NULs of its ASCII characters, say which.
	if bom, _ := pr.Peek(2); len(bom) == 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		pr = bufio.NewReaderSize(transform.NewReader(pr, unicode.BOMOverride(dec)), 64<<10)
	} else if head, _ := pr.Peek(512); len(head) >= 4 {
		if enc, ok := textenc.UTF16(head); ok {
			pr = bufio.NewReaderSize(transform.NewReader(pr, enc.NewDecoder()), 64<<10)
		}
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
	case formatARC:
		return report(src.readARC(pr))
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

// warn reports what was read all the same (see Options.OnWarning).
func (in *input) warn(origin, msg string) {
	if msg != "" && in.opts.OnWarning != nil {
		in.opts.OnWarning(&ItemError{Origin: origin, Err: errors.New(msg)})
	}
}

// decode turns a document into UTF-8 (see package textenc), warning about
// a repair or a guess.
func (in *input) decode(origin string, data []byte, kind textenc.Kind, contentType string) []byte {
	d := textenc.Decode(data, kind, contentType)
	in.warn(origin, d.Warning())
	return d.Text
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
	".xml": true, ".rss": true, ".atom": true, ".warc": true, ".arc": true,
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
