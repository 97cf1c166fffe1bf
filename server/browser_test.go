package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser: $CHROMIUM, else Debian's chromium.
func chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserWatch records what a page did that the UI must never do: load
// from another origin, throw, or trip the Content-Security-Policy.
type browserWatch struct {
	mu       sync.Mutex
	origin   string
	foreign  []string
	problems []string
}

func (w *browserWatch) listen(ev any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if !strings.HasPrefix(u, w.origin+"/") && u != w.origin && !strings.HasPrefix(u, "data:") {
			w.foreign = append(w.foreign, u)
		}
	case *runtime.EventExceptionThrown:
		w.problems = append(w.problems, "exception: "+ev.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError || strings.Contains(ev.Entry.Text, "Content Security Policy") {
			w.problems = append(w.problems, "console: "+ev.Entry.Text)
		}
	}
}

func (w *browserWatch) check(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, u := range w.foreign {
		t.Errorf("the page loaded %s from another origin", u)
	}
	for _, p := range w.problems {
		t.Errorf("browser reported %s", p)
	}
}

// newBrowser starts headless Chromium against a server on the seeds.
func newBrowser(t *testing.T) (context.Context, string, *browserWatch) {
	t.Helper()
	if chromium() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium (or set CHROMIUM to its path)")
	}
	srv, _ := seedServer(t)
	return newBrowserOn(t, srv)
}

// newBrowserOn starts headless Chromium against a server serving h.
func newBrowserOn(t *testing.T, h http.Handler) (context.Context, string, *browserWatch) {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium (or set CHROMIUM to its path)")
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.WindowSize(1024, 800),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	w := &browserWatch{origin: hs.URL}
	if err := chromedp.Listen(ctx, w.listen); err != nil { // starts the browser
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, hs.URL, w
}

func artefactDir(t *testing.T) string {
	if d := os.Getenv("STORYLINE_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// run runs one action and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func doBrowser(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func saveShot(t *testing.T, name string, png []byte) {
	t.Helper()
	path := filepath.Join(artefactDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowser drives the UI over the seeds as a reader would.
func TestBrowser(t *testing.T) {
	ctx, base, watch := newBrowser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	t.Run("story page shows the three events in date order", func(t *testing.T) {
		doBrowser(t, ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(css(`a.story-link`)),
			chromedp.Click(css(`a.story-link`)),
			chromedp.WaitVisible(css(`#events li.event`)),
		)
		dates := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#events li.event')).map(e => e.dataset.date)`))
		if len(dates) != 3 || !sort.StringsAreSorted(dates) || dates[0] == "" {
			t.Errorf("event dates on the story page = %v, want three, oldest first", dates)
		}
		if marks := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.tl g.ev').length`)); marks < 3 {
			t.Errorf("the SVG timeline has %d event marks", marks)
		}
		saveShot(t, "story-page.png", run(t, ctx, chromedp.FullScreenshot(100)))
	})

	t.Run("story page fits a phone", func(t *testing.T) {
		doBrowser(t, ctx,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
			chromedp.Reload(),
			chromedp.WaitVisible(css(`#events li.event`)),
		)
		if run(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`)) {
			t.Error("the story page scrolls sideways on a 390 px wide screen")
		}
		saveShot(t, "story-page-phone.png", run(t, ctx, chromedp.FullScreenshot(100)))
		doBrowser(t, ctx, chromedp.EmulateViewport(1024, 800))
	})

	t.Run("search finds businesslike", func(t *testing.T) {
		doBrowser(t, ctx,
			chromedp.Navigate(base+"/search"),
			chromedp.WaitVisible(chromedp.ID("q")),
			// htmx searches as the reader types.
			chromedp.SendKeys(chromedp.ID("q"), "businesslike"),
			chromedp.WaitVisible(css(`#results li.hit`)),
		)
		hits := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#results li.hit')).map(e => e.dataset.id)`))
		sort.Strings(hits)
		if len(hits) != 2 || !strings.HasPrefix(hits[0], "002_") || !strings.HasPrefix(hits[1], "004_") {
			t.Errorf("search hits = %v, want 002 and 004", hits)
		}
		if marked := run(t, ctx, chromedp.Text(css(`#results mark`))); !strings.EqualFold(marked, "businesslike") {
			t.Errorf("highlighted %q", marked)
		}
	})

	t.Run("clicking an entity opens its page", func(t *testing.T) {
		doBrowser(t, ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(css(`a.story-link`)),
			chromedp.Click(css(`a.story-link`)),
			chromedp.WaitVisible(css(`#events li.event h3 a`)),
			chromedp.Click(css(`#events li.event h3 a`)),
			chromedp.WaitVisible(css(`#entities a.entity`)),
		)
		name := run(t, ctx, chromedp.Text(css(`#entities a.entity`)))
		doBrowser(t, ctx,
			chromedp.Click(css(`#entities a.entity`)),
			chromedp.WaitVisible(css(`h1.entity-name`)),
		)
		heading := run(t, ctx, chromedp.Text(css(`h1.entity-name`)))
		url := run(t, ctx, chromedp.Location())
		if name == "" || strings.TrimSpace(heading) != strings.TrimSpace(name) || !strings.Contains(url, "/entities/") {
			t.Errorf("clicked %q, landed on %q (%s)", name, heading, url)
		}
	})

	watch.check(t)
}
