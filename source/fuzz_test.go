package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// fuzzRead reads data as an input named name and checks the walk's
// promises: no panic, exactly one of item or error per call, no error from
// ReadBytes itself.
func fuzzRead(t *testing.T, name string, data []byte) {
	err := ReadBytes(context.Background(), name, data, Options{MaxBytes: 1 << 20}, func(it *Item, ie *ItemError) error {
		if (it == nil) == (ie == nil) {
			t.Fatalf("exactly one of item and error must be set: %v %v", it, ie)
		}
		if ie != nil && ie.Err == nil {
			t.Fatalf("ItemError without error at %s", ie.Origin)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("ReadBytes: %v", err)
	}
}

func addFile(f *testing.F, parts ...string) {
	b, err := os.ReadFile(filepath.Join(parts...))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
}

func FuzzJSONLines(f *testing.F) {
	addFile(f, "testdata", "formats", "articles.jsonl")
	addFile(f, "testdata", "bad", "mixed.jsonl")
	f.Add([]byte(`{"id":1,"text":"a","published":"2021-09-30T08:00:00+02:00"}` + "\n{}\n" + `{"html":"<p>x</p>"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "in.jsonl", data)
	})
}

func FuzzFeed(f *testing.F) {
	addFile(f, "testdata", "formats", "feed.rss")
	addFile(f, "testdata", "formats", "feed.atom")
	addFile(f, "testdata", "formats", "feed.json")
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "feed.xml", data)
	})
}

func FuzzWARC(f *testing.F) {
	recs := warcRecords(f)
	for _, r := range recs {
		f.Add(r)
	}
	f.Add(gzipBytes(f, recs[2]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "in.warc", data)
	})
}
