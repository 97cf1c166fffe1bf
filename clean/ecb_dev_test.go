//go:build devextract

package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

// TestECBDev shows what the cleaner removes from the ECB+ dev articles
// (one sentence a line, headline and date first).
func TestECBDev(t *testing.T) {
	f, err := os.Open(filepath.Join(shareddata.Path(t), "data", "ecbplus-dev", "articles.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n, titled, dated, bylines, credits, outlets := 0, 0, 0, 0, 0, 0
	for sc.Scan() {
		var a struct{ ID, Text string }
		json.Unmarshal(sc.Bytes(), &a)
		r := Text(a.Text, Known{})
		n++
		lines := strings.Split(a.Text, "\n")
		if len(lines) > 0 && r.Title == strings.TrimSpace(lines[0]) {
			titled++
		} else if os.Getenv("SHOWTITLE") != "" {
			t.Logf("%s title %q  first %.80q", a.ID, r.Title, lines[0])
		}
		if r.Published != "" {
			dated++
		}
		if r.Byline != "" {
			bylines++
			t.Logf("%s byline %q", a.ID, r.Byline)
		}
		if len(r.Credits) > 0 {
			credits++
			t.Logf("%s credits %q", a.ID, r.Credits)
		}
		if r.Outlet != "" {
			outlets++
			t.Logf("%s outlet %q", a.ID, r.Outlet)
		}
		for i, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" || strings.Contains(r.Text, l) || l == r.Title {
				continue
			}
			if _, ok := dateLine(l); ok && i < 4 {
				continue
			}
			t.Logf("%s dropped/changed line %d: %.120q", a.ID, i, l)
		}
		if os.Getenv("SHOWDATE") != "" && r.Published == "" && len(lines) > 1 {
			t.Logf("%s no date; line 2: %.80q", a.ID, lines[1])
		}
	}
	t.Logf("%d articles: %d titled from line 1, %d dated, %d bylines, %d with credits, %d outlets", n, titled, dated, bylines, credits, outlets)
}
