//go:build unix

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/storyline-news/storyline/sample"
)

// hostile is a folder that mixes good articles with the inputs that used to
// hang, slow or confuse a run; every text in it is invented.
type hostile struct {
	dir  string
	good []string // ids of the articles a run must keep
	bad  []string // names every error line together must mention
	warn []string // names warning lines must mention
	// evilName is a file name with a newline and an escape sequence.
	evilName string
}

func makeHostile(tb testing.TB) hostile {
	tb.Helper()
	dir := tb.TempDir()
	h := hostile{dir: dir}
	write := func(name string, data []byte) {
		tb.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("harbour.txt", []byte("Harbour crane repaired\n\nThe crane in Saltcombe harbour works again after engineers replaced a worn cable on Tuesday, the port office said.\n"))
	write("ferry.txt", []byte("Ferry timetable changes\n\nThe ferry between Lumenville and Saltcombe will run every forty minutes from June, the operator said on Monday.\n"))
	write("lighthouse.html", []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lighthouse to get stripes</title>
<meta property="article:published_time" content="2023-11-08T17:49:09-08:00"><meta name="author" content="Orla Penhallow"></head><body><article>
<h1>Lighthouse to get stripes</h1><p>The town council of Lumenville voted on Tuesday to repaint the old lighthouse in green and white stripes, ending a dispute that has divided the harbour district for more than a decade.</p>
<p>Mayor Ada Quillfeather said the work would begin in May and take about six weeks, weather permitting, and that the paint would resist salt spray.</p></article></body></html>`))
	write("stray.html", []byte("<html><head><meta charset=\"utf-8\"></head><body><article><p>The caf\xe9 on the quay reopened on Monday after the storm, its owners said, serving cr\xe8me br\xfbl\xe9e to the first ferry crews of the season.</p><p>Repairs to the roof took three weeks and cost about 12,000 crowns.</p></article></body></html>"))
	cp1251, _ := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Речной вестник</title>
<item><title>Мост откроют в пятницу</title><link>https://vestnik.example/most</link><description>Новый мост через реку откроют в пятницу, сообщили в администрации города.</description></item></channel></rss>`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(cp1251))
	zw.Close()
	write("vestnik.rss.gz", gz.Bytes())
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(`<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Quay News</title>
<item><title>Quay café reopens</title><link>https://quay.example/cafe</link><description>The quay café reopens on Monday after repairs to its roof.</description></item></channel></rss>`)
	write("quay.rss", []byte(u16))
	var pod strings.Builder
	pod.WriteString(`<rss version="2.0"><channel><title>Quay Talk</title><link>https://quaytalk.example/</link>`)
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&pod, `<item><title>Quay Talk episode %d: the harbour master</title><link>https://quaytalk.example/</link><guid isPermaLink="false">quaytalk-episode-%04d</guid><description>In episode %d the harbour master talks about night shifts on the quay.</description></item>`, i, i, i)
	}
	pod.WriteString(`</channel></rss>`)
	write("podcast.xml", []byte(pod.String()))
	page := "<html><head><title>Market hall reopens</title></head><body><article><h1>Market hall reopens</h1><p>The covered market of Brumeval reopened on Saturday after six months of repairs, with forty stalls selling fish, cheese and bread.</p><p>Traders said the first morning was busier than any day last year.</p></article></body></html>"
	resp := "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
	write("crawl.arc", []byte(fmt.Sprintf("filedesc://crawl.arc 0.0.0.0 20210409100000 text/plain 3\n1 0\n\nhttps://brumeval.example/market 192.0.2.7 20210409100000 text/html %d\n%s\n", len(resp), resp)))
	write("dense.txt", []byte(denseTimes(1300<<10)))
	h.good = []string{"dense", "ferry", "harbour", "https://brumeval.example/market", "https://quay.example/cafe", "https://vestnik.example/most",
		"lighthouse", "quaytalk-episode-0001", "quaytalk-episode-0002", "quaytalk-episode-0003", "quaytalk-episode-0004", "stray"}
	sort.Strings(h.good)

	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7919 % 251)
	}
	write("junk.bin", junk)
	h.evilName = "evil\nstoryline: 99 ingested, 0 unchanged, 0 updated, 0 failed\x1b[2J.txt"
	write(h.evilName, nil)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		tb.Skipf("no named pipes here: %v", err)
	}
	os.Symlink(filepath.Join(dir, "pipe"), filepath.Join(dir, "pipe-link.txt"))
	os.Symlink(".", filepath.Join(dir, "self"))
	h.bad = []string{"junk.bin", `evil\nstoryline: 99 ingested, 0 unchanged, 0 updated, 0 failed\x1b[2J.txt`, "pipe", "pipe-link.txt"}
	h.warn = []string{"self", "stray.html"}
	return h
}

// denseTimes is about size bytes of nothing but time expressions.
func denseTimes(size int) string {
	parts := []string{"on Monday", "at 3 p.m.", "on 12 March 2021", "the next day", "last week", "in June", "two days later", "by Friday evening"}
	var b strings.Builder
	b.WriteString("Talks resumed ")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteString(", and ")
	}
	b.WriteString("officials said.\n")
	return b.String()
}

func TestRunOverHostileFolder(t *testing.T) {
	h := makeHostile(t)
	if l, err := net.Listen("unix", filepath.Join(h.dir, "sock")); err == nil {
		defer l.Close()
		h.bad = append(h.bad, "sock")
	}
	out := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := runMain(ctx, &env{stdout: &stdout, stderr: &stderr}, []string{"run", "--quiet", "--out", out, h.dir})
	errs := stderr.String()
	if ctx.Err() != nil {
		t.Fatalf("run did not finish; stderr:\n%s", errs)
	}
	if code != exitPartial {
		t.Errorf("status %d, want %d", code, exitPartial)
	}
	articles := readJSONL(t, filepath.Join(out, "articles.jsonl"))
	var ids []string
	for id := range articles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if strings.Join(ids, "\n") != strings.Join(h.good, "\n") {
		t.Errorf("exported:\n%s\nwant:\n%s", strings.Join(ids, "\n"), strings.Join(h.good, "\n"))
	}
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	for _, bad := range h.bad {
		if !hasLine(lines, "storyline: error: "+filepath.Join(h.dir, bad)+": ") {
			t.Errorf("no error line names %q", bad)
		}
	}
	for _, w := range h.warn {
		if !hasLine(lines, "storyline: warning: "+filepath.Join(h.dir, w)+": ") {
			t.Errorf("no warning line names %q", w)
		}
	}
	if strings.ContainsRune(errs, 0x1b) {
		t.Error("an escape character reached stderr")
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "storyline: 99 ingested") {
			t.Error("a file name forged a summary line")
		}
	}
	if want := fmt.Sprintf("storyline: %d ingested, 0 unchanged, 0 updated, %d failed", len(h.good), len(h.bad)); lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
	if a := articles["lighthouse"]; a["published"] != "2023-11-08T17:49:09-08:00" || a["byline"] != "Orla Penhallow" {
		t.Errorf("lighthouse: published %v byline %v", a["published"], a["byline"])
	}
	if a := articles["stray"]; !strings.Contains(a["text"].(string), "crème brûlée") {
		t.Errorf("stray bytes not repaired: %v", a["text"])
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", errs)
	}
}

func hasLine(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// BenchmarkRunHostileFolder is `run` over the hostile folder: the issue
// asks for it to finish in well under a minute on a 2-core machine.
// Run: go test ./cmd/storyline -run '^$' -bench RunHostileFolder -benchtime 1x
func BenchmarkRunHostileFolder(b *testing.B) {
	h := makeHostile(b)
	for b.Loop() {
		out := b.TempDir()
		var stdout, stderr bytes.Buffer
		if code := runMain(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"run", "--quiet", "--out", out, h.dir}); code != exitPartial {
			b.Fatalf("status %d; stderr:\n%s", code, stderr.String())
		}
	}
}

// TestMainProcess is not a test: TestSignalStopsRun runs the test binary
// again with STORYLINE_MAIN_ARGS set, to have a real process to signal.
func TestMainProcess(t *testing.T) {
	args := os.Getenv("STORYLINE_MAIN_ARGS")
	if args == "" {
		t.Skip("helper process only")
	}
	os.Args = append([]string{"storyline"}, strings.Split(args, "\x1f")...)
	main()
}

func TestSignalStopsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and ingests thousands of articles")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			f, err := os.Create(filepath.Join(dir, "many.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			if err := sample.Generate(f, 20000, 3); err != nil {
				t.Fatal(err)
			}
			f.Close()
			tmp := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "STORYLINE_MAIN_ARGS="+strings.Join([]string{"run", "--quiet", "--out", filepath.Join(dir, "out"), dir}, "\x1f"))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the run has made its temporary store.
			for i := 0; i < 300; i++ {
				if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			time.Sleep(300 * time.Millisecond)
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("run still going a minute after %v; stderr:\n%s", sig, stderr.String())
			}
			if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
				t.Errorf("temporary store left behind: %v", entries)
			}
			if !strings.Contains(stderr.String(), "storyline: interrupted") {
				t.Errorf("stderr does not say the run was interrupted:\n%s", stderr.String())
			}
		})
	}
}
