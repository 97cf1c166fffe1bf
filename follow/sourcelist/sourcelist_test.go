package sourcelist

import (
	"testing"
	"time"
)

func TestNormalizeURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://Harbour.Example/Story?utm_source=rss&utm_medium=feed", "https://harbour.example/Story"},
		{"https://harbour.example:443/a?id=7&fbclid=x&UTM_Campaign=y#comments", "https://harbour.example/a?id=7"},
		{"http://harbour.example:80", "http://harbour.example/"},
		{"http://harbour.example:8080/a?b=1&a=2", "http://harbour.example:8080/a?b=1&a=2"},
		{"https://user:pw@harbour.example/a?", "https://harbour.example/a"},
		{"  https://harbour.example/a?gclid=1  ", "https://harbour.example/a"},
		{"tag:harbour.example,2030:1", "tag:harbour.example,2030:1"},
		{"/relative", "/relative"},
	} {
		if got := NormalizeURL(c.in); got != c.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadOPML(t *testing.T) {
	feeds, err := ReadOPML([]byte(`<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="News"><outline text="Harbour Gazette" type="rss" xmlUrl="https://harbour.example/feed.xml"/>
<outline title="Ferry Daily" text="fd" type="rss" xmlUrl="https://ferry.example/rss"/></outline>
<outline text="Again" xmlUrl="https://harbour.example/feed.xml?utm_source=opml"/>
<outline text="A folder without feeds"/></body></opml>`))
	if err != nil {
		t.Fatal(err)
	}
	want := []OPMLFeed{{"https://harbour.example/feed.xml", "Harbour Gazette"}, {"https://ferry.example/rss", "Ferry Daily"}}
	if len(feeds) != len(want) || feeds[0] != want[0] || feeds[1] != want[1] {
		t.Errorf("ReadOPML = %+v", feeds)
	}
	if _, err := ReadOPML([]byte(`<rss></rss>`)); err == nil {
		t.Error("an RSS file read as OPML")
	}
}

func TestNewSource(t *testing.T) {
	now := time.Date(2030, 3, 2, 0, 0, 0, 0, time.UTC)
	s, err := NewSource(" https://Harbour.example/feed.xml ", "", "Harbour", 0, now)
	if err != nil || s.Interval != int(DefaultInterval/time.Second) || s.ID != SourceID("https://harbour.example/feed.xml?utm_source=x") || s.Name != "Harbour" {
		t.Errorf("NewSource = %+v, %v", s, err)
	}
	for _, c := range []struct {
		url, kind string
		interval  time.Duration
	}{{"ftp://a.example/", "", 0}, {"/feed.xml", "", 0}, {"https://a.example/", "podcast", 0}, {"https://a.example/", "", time.Second}} {
		if _, err := NewSource(c.url, c.kind, "", c.interval, now); err == nil {
			t.Errorf("NewSource(%q, %q, %s) accepted", c.url, c.kind, c.interval)
		}
	}
}
