package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// run runs the CLI in-process and returns its status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runMain(context.Background(), &env{stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

// readJSONL reads an export file into generic objects keyed by "id".
func readJSONL(t *testing.T, path string) map[string]map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[string]any{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[m["id"].(string)] = m
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEveryCommandHasHelp(t *testing.T) {
	for name := range commands().top {
		code, out, _ := run(t, name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage") {
			t.Errorf("%s --help: status %d, output %q", name, code, out)
		}
	}
	if code, out, _ := run(t, "--help"); code != exitOK || !strings.Contains(out, "ingest") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, _, errOut := run(t, "no-such-command"); code != exitFailed || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
}

func TestBadInputIsReportedPerItem(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("Talks resume in Lindmark\n\nNegotiators met again on Tuesday to discuss the river, officials said.\n"))
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7919 % 251)
	}
	write("junk.bin", junk)
	write("latin1.txt", []byte("Caf\xe9 owners protest \xff\xfe new rules in the old town.\n"))
	write("empty.txt", nil)
	write("feed.jsonl", []byte(`{"id":"j1","title":"Quake hits Tarsen","text":"A magnitude 5.8 earthquake struck near Tarsen on Wednesday, officials said."}`+"\n"+`{"id":"j2","text": "broken`+"\n"))
	write("broken.html", []byte("<html><head><title>Bro</ti"))
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := run(t, "run", "--quiet", "--out", out, dir)
	if code != exitPartial {
		t.Fatalf("status %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	// A Latin-1 text that declares nothing is read, with a warning.
	if !strings.Contains(stderr, "storyline: warning: "+filepath.Join(dir, "latin1.txt")+": no usable charset declared") {
		t.Errorf("no warning names latin1.txt; stderr:\n%s", stderr)
	}
	for _, bad := range []string{"junk.bin", "empty.txt", "feed.jsonl:line 2", "broken.html"} {
		found := false
		for _, line := range strings.Split(stderr, "\n") {
			if strings.Contains(line, "error") && strings.Contains(line, bad) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line names %s; stderr:\n%s", bad, stderr)
		}
	}
	articles := readJSONL(t, filepath.Join(out, "articles.jsonl"))
	var ids []string
	for id := range articles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if strings.Join(ids, ",") != "good,j1,latin1" {
		t.Errorf("exported %v, want [good j1 latin1]", ids)
	}
	if !strings.Contains(stderr, "3 ingested, 0 unchanged, 0 updated, 4 failed") {
		t.Errorf("summary line missing or wrong:\n%s", stderr)
	}
}

func TestReingestChangesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Quake hits Tarsen\n\nA magnitude 5.8 earthquake struck near Tarsen on Wednesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", db, dir); code != exitOK || !strings.Contains(stderr, "1 ingested") {
		t.Fatalf("first ingest: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", db, dir); code != exitOK || !strings.Contains(stderr, "0 ingested, 1 unchanged") {
		t.Fatalf("second ingest: %d %s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Quake hits Tarsen\n\nA magnitude 5.9 earthquake struck near Tarsen on Wednesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", db, dir); code != exitOK || !strings.Contains(stderr, "1 updated") {
		t.Fatalf("changed ingest: %d %s", code, stderr)
	}
	out := t.TempDir()
	if code, _, stderr := run(t, "export", "--db", db, "--out", out); code != exitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	arts := readJSONL(t, filepath.Join(out, "articles.jsonl"))
	if len(arts) != 1 || !strings.Contains(arts["a"]["text"].(string), "5.9") {
		t.Fatalf("export after update: %v", arts)
	}
}

func TestReanalyzeKeepsResults(t *testing.T) {
	dir := t.TempDir()
	text := "Quake hits Tarsen\n\nMayor Ilse Brandt said on Wednesday that the quake injured 34 people in Tarsen.\n"
	if err := os.WriteFile(filepath.Join(dir, "q.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
	if code, _, stderr := run(t, "ingest", "--quiet", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	before, after := t.TempDir(), t.TempDir()
	run(t, "export", "--db", db, "--out", before)
	if code, _, stderr := run(t, "reanalyze", "--db", db); code != exitOK || !strings.Contains(stderr, "1 articles re-analysed") {
		t.Fatalf("reanalyze: %d %s", code, stderr)
	}
	run(t, "export", "--db", db, "--out", after)
	for _, name := range []string{"articles.jsonl", "entities.jsonl", "events.jsonl"} {
		b, _ := os.ReadFile(filepath.Join(before, name))
		a, _ := os.ReadFile(filepath.Join(after, name))
		if len(b) == 0 || string(a) != string(b) {
			t.Errorf("%s differs after reanalyze:\nbefore %s\nafter  %s", name, b, a)
		}
	}
	arts := readJSONL(t, filepath.Join(after, "articles.jsonl"))
	if ents, _ := arts["q"]["entities"].([]any); len(ents) == 0 {
		t.Errorf("no entities after reanalyze: %v", arts["q"])
	}
}

func TestDemoFindsTheSampleStories(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "demo.db")
	code, out, stderr := run(t, "demo", "--no-serve", "--db", db)
	if code != exitOK {
		t.Fatalf("demo: %d\n%s", code, stderr)
	}
	// Two invented stories: the water talks (two rounds) and the quake.
	if n := strings.Count(out, "Story:"); n != 2 {
		t.Errorf("demo found %d stories, want 2:\n%s", n, out)
	}
	for _, want := range []string{"2025-03-04", "2025-05-13", "2025-04-09", "Pavel Orlovsky", "12 ingested"} {
		if !strings.Contains(out+stderr, want) {
			t.Errorf("demo output lacks %q:\n%s%s", want, out, stderr)
		}
	}
}
