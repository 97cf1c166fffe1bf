package extract

import (
	"bytes"
	"fmt"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	nurl "net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	ids := os.Getenv("DUMPIDS")
	if ids == "" {
		t.Skip()
	}
	dir := devDir(t)
	truth, _ := loadTruth(filepath.Join(dir, "ground-truth.json"))
	for id, tr := range truth {
		for _, want := range strings.Fields(ids) {
			if strings.HasPrefix(id, want) {
				data, _ := readPage(filepath.Join(dir, "html"), id)
				res, err := HTML(data, tr.URL)
				os.WriteFile("/tmp/x_"+want+".got", []byte(res.Text), 0o644)
				os.WriteFile("/tmp/x_"+want+".want", []byte(tr.ArticleBody), 0o644)
				os.WriteFile("/tmp/x_"+want+".html", data, 0o644)
				t.Logf("%s %s err=%v title=%q", want, tr.URL, err, res.Title)
			}
		}
	}
}

func TestZZExtraParas(t *testing.T) {
	if os.Getenv("EXTRAS") == "" {
		t.Skip()
	}
	dir := devDir(t)
	truth, _ := loadTruth(filepath.Join(dir, "ground-truth.json"))
	out, _ := os.Create("/tmp/extras.txt")
	defer out.Close()
	for id, tr := range truth {
		data, _ := readPage(filepath.Join(dir, "html"), id)
		res, _ := HTML(data, tr.URL)
		ws := strings.Join(Words(tr.ArticleBody), " ")
		for _, p := range strings.Split(res.Text, "\n\n") {
			pw := strings.Join(Words(p), " ")
			if pw != "" && !strings.Contains(ws, pw) {
				fmt.Fprintf(out, "%s EXTRA %q\n", id[:8], p[:min(len(p), 200)])
			}
		}
		gw := strings.Join(Words(res.Text), " ")
		for _, p := range strings.Split(tr.ArticleBody, "\n") {
			pw := strings.Join(Words(p), " ")
			if pw != "" && !strings.Contains(gw, pw) {
				fmt.Fprintf(out, "%s MISSING %q\n", id[:8], p[:min(len(p), 200)])
			}
		}
	}
}

func TestZZCands(t *testing.T) {
	if os.Getenv("CANDS") == "" {
		t.Skip()
	}
	dir := devDir(t)
	truth, _ := loadTruth(filepath.Join(dir, "ground-truth.json"))
	names := []string{"tb", "tp", "tr", "tbf", "read", "dist"}
	scores := make([]Score, len(names))
	var oracle, med, v1, v2 Score
	vs := make([]Score, 5)
	for id, tr := range truth {
		data, _ := readPage(filepath.Join(dir, "html"), id)
		doc, _ := html.Parse(bytes.NewReader(data))
		u, _ := nurl.Parse(tr.URL)
		markWordBoundaries(doc)
		var texts []string
		var metaTitle string
		for _, f := range []trafilatura.ExtractionFocus{trafilatura.Balanced, trafilatura.FavorPrecision, trafilatura.FavorRecall} {
			s, m := trafilaturaText(doc, u, f, false)
			metaTitle = m.Title
			texts = append(texts, s)
		}
		s, _ := trafilaturaText(doc, u, trafilatura.Balanced, true)
		texts = append(texts, s, readabilityText(doc, u), distillerText(doc, u))
		best, bi := -1.0, 0
		line := id[:8]
		for i, tx := range texts {
			sh, ex, mi := CompareShingles(tx, tr.ArticleBody)
			scores[i].Add(tx, tr.ArticleBody)
			f := Score{1, sh, ex, mi}.F1()
			line += fmt.Sprintf(" %s=%.2f", names[i], f)
			if f > best {
				best, bi = f, i
			}
		}
		oracle.Add(texts[bi], tr.ArticleBody)
		mi := medoid([]string{texts[0], texts[4], texts[5]})
		med.Add([]string{texts[0], texts[4], texts[5]}[mi], tr.ArticleBody)
		v1.Add(vote(texts[0], []string{texts[4], texts[5]}, 1), tr.ArticleBody)
		v2.Add(vote(texts[0], []string{texts[4], texts[5]}, 2), tr.ArticleBody)
		title := os.Getenv("TITLE_" + id[:8])
		_ = title
		{
			x := trimEnds(texts[2], []string{texts[4], texts[5]})
			vs[0].Add(x, tr.ArticleBody)
			y, _ := removeBoilerplate(x, metaTitle)
			vs[1].Add(y, tr.ArticleBody)
			z, _ := removeBoilerplate(trimEnds(chooseBase([3]string{texts[2], texts[4], texts[5]})), metaTitle)
			vs[2].Add(z, tr.ArticleBody)
			if b, _ := chooseBase([3]string{texts[2], texts[4], texts[5]}); b != texts[2] {
				s1, e1, m1 := CompareShingles(y, tr.ArticleBody)
				s2, e2, m2 := CompareShingles(z, tr.ArticleBody)
				t.Logf("SWITCH %s %.2f/%.2f/%.2f -> %.2f/%.2f/%.2f", id[:8], s1, e1, m1, s2, e2, m2)
			}
			if os.Getenv("SHOWRM") != "" {
				xp := strings.Split(x, "\n\n")
				yp := map[string]bool{}
				for _, p := range strings.Split(y, "\n\n") {
					yp[p] = true
				}
				ws := strings.Join(Words(tr.ArticleBody), " ")
				for _, p := range xp {
					if !yp[p] {
						pw := strings.Join(Words(p), " ")
						t.Logf("RM %s in=%v %q", id[:8], strings.Contains(ws, pw), p)
					}
				}
			}
		}
		t.Log(line)
	}
	for i, n := range names {
		t.Logf("%s P=%.4f R=%.4f F1=%.4f", n, scores[i].Precision(), scores[i].Recall(), scores[i].F1())
	}
	t.Logf("oracle F1=%.4f", oracle.F1())
	for i, s := range append([]Score{med, v1, v2}, vs...) {
		t.Logf("%d P=%.4f R=%.4f F1=%.4f", i, s.Precision(), s.Recall(), s.F1())
	}
}

func TestZZRemoved(t *testing.T) {
	if os.Getenv("REMOVED") == "" {
		t.Skip()
	}
	dir := devDir(t)
	truth, _ := loadTruth(filepath.Join(dir, "ground-truth.json"))
	for id, tr := range truth {
		data, _ := readPage(filepath.Join(dir, "html"), id)
		doc, _ := html.Parse(bytes.NewReader(data))
		u, _ := nurl.Parse(tr.URL)
		pruneHidden(doc)
		keepEmbeds(doc)
		markWordBoundaries(doc)
		tt, meta := trafilaturaText(doc, u, trafilatura.FavorRecall, false)
		cands := [3]string{tt, readabilityText(doc, u), distillerText(doc, u)}
		base, others := chooseBase(cands)
		x := trimEnds(base, others)
		y, _ := removeBoilerplate(x, meta.Title)
		yp := map[string]bool{}
		for _, p := range strings.Split(y, "\n\n") {
			yp[p] = true
		}
		ws := strings.Join(Words(tr.ArticleBody), " ")
		for _, p := range strings.Split(x, "\n\n") {
			if !yp[p] {
				pw := strings.Join(Words(p), " ")
				t.Logf("RM %s in=%v %q", id[:8], strings.Contains(ws, pw), p[:min(len(p), 150)])
			}
		}
		for _, p := range strings.Split(base, "\n\n") {
			if !strings.Contains(x, p) {
				pw := strings.Join(Words(p), " ")
				t.Logf("TRIM %s in=%v %q", id[:8], strings.Contains(ws, pw), p[:min(len(p), 150)])
			}
		}
	}
}

func TestZZDates(t *testing.T) {
	if os.Getenv("DATES") == "" {
		t.Skip()
	}
	dir := devDir(t)
	truth, _ := loadTruth(filepath.Join(dir, "ground-truth.json"))
	for id, tr := range truth {
		data, _ := readPage(filepath.Join(dir, "html"), id)
		res, _ := HTML(data, tr.URL)
		t.Logf("DATE %-26s %-8s by=%-25q site=%-20q cred=%q %s", res.Published, res.Lang, res.Byline, res.Site, res.Credits, tr.URL)
	}
}
