package timex

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	storyline "github.com/storyline-news/storyline"
)

// TMLDoc is a TimeML document: the plain text of its TEXT element, its
// creation time and its gold TIMEX3 elements.
type TMLDoc struct {
	Name string
	Text string
	DCT  time.Time // zero when the file has none
	Gold []storyline.TimeExpr
}

// ReadTML reads a TimeML file.
func ReadTML(path string) (*TMLDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read timeml: %w", err)
	}
	d, err := ParseTML(string(b))
	if err != nil {
		return nil, fmt.Errorf("parse timeml %s: %w", path, err)
	}
	d.Name = filepath.Base(path)
	return d, nil
}

// ParseTML parses TimeML markup. Offsets of the gold expressions are byte
// offsets into the TEXT element's character content with all markup
// removed and entities decoded.
func ParseTML(s string) (*TMLDoc, error) {
	d := &TMLDoc{DCT: tmlDCT(s)}
	start := strings.Index(s, "<TEXT>")
	if start < 0 {
		return nil, errors.New("no <TEXT> element")
	}
	start += len("<TEXT>")
	end := strings.Index(s[start:], "</TEXT>")
	if end < 0 {
		return nil, errors.New("unterminated <TEXT> element")
	}
	var err error
	d.Text, d.Gold, err = tmlText(s[start : start+end])
	if err != nil {
		return nil, err
	}
	for k := range d.Gold {
		g := &d.Gold[k]
		g.Text = d.Text[g.Start:g.End]
	}
	return d, nil
}

// tmlDCT is the value of the document's <DCT>, or zero.
func tmlDCT(s string) time.Time {
	i := strings.Index(s, "<DCT>")
	if i < 0 {
		return time.Time{}
	}
	j := strings.Index(s[i:], "</DCT>")
	if j <= 0 {
		return time.Time{}
	}
	if v := attr(s[i:i+j], "value"); v != "" {
		return parseDCT(v)
	}
	return time.Time{}
}

// tmlText is the character content of a TEXT element and its TIMEX3
// elements, with offsets into that content.
func tmlText(body string) (string, []storyline.TimeExpr, error) {
	var b strings.Builder
	b.Grow(len(body))
	var gold []storyline.TimeExpr
	var open *storyline.TimeExpr
	for i := 0; i < len(body); {
		switch body[i] {
		case '<':
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				return "", nil, errors.New("unterminated tag")
			}
			open, gold = timexTag(body[i+1:i+j], b.Len(), open, gold)
			i += j + 1
		case '&':
			i = writeEntity(&b, body, i)
		default:
			b.WriteByte(body[i])
			i++
		}
	}
	return b.String(), gold, nil
}

// timexTag reads a tag at offset off: a TIMEX3 opens an expression, its
// end tag closes the open one into gold.
func timexTag(tag string, off int, open *storyline.TimeExpr, gold []storyline.TimeExpr) (*storyline.TimeExpr, []storyline.TimeExpr) {
	switch {
	case strings.HasPrefix(tag, "TIMEX3"):
		if strings.HasSuffix(tag, "/") {
			return nil, gold
		}
		return &storyline.TimeExpr{Start: off, Type: attr(tag, "type"), Value: attr(tag, "value")}, gold
	case tag == "/TIMEX3" && open != nil:
		open.End = off
		return nil, append(gold, *open)
	}
	return open, gold
}

// writeEntity writes the entity at body[i] ("&amp;"), or the ampersand
// alone when none is there, and returns the index after it.
func writeEntity(b *strings.Builder, body string, i int) int {
	j := strings.IndexByte(body[i:], ';')
	if j < 0 || j > 10 {
		b.WriteByte('&')
		return i + 1
	}
	b.WriteString(entity(body[i+1 : i+j]))
	return i + j + 1
}

func entity(name string) string {
	switch name {
	case "amp":
		return "&"
	case "lt":
		return "<"
	case "gt":
		return ">"
	case "quot":
		return "\""
	case "apos":
		return "'"
	}
	if strings.HasPrefix(name, "#") {
		var n int64
		var err error
		if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
			n, err = strconv.ParseInt(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseInt(name[1:], 10, 32)
		}
		if err == nil && n > 0 && n < 0x110000 {
			return string(rune(n))
		}
	}
	return "&" + name + ";"
}

func attr(tag, name string) string {
	k := strings.Index(tag, " "+name+"=\"")
	if k < 0 {
		return ""
	}
	k += len(name) + 3
	e := strings.IndexByte(tag[k:], '"')
	if e < 0 {
		return ""
	}
	return tag[k : k+e]
}

// parseDCT reads a creation time: 1998-01-08, 19980108, 1998-01-08T10:30.
func parseDCT(v string) time.Time {
	for _, layout := range []string{"2006-01-02", "20060102", "2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// Scores are the TempEval-3 figures for time expressions: span precision,
// recall and F1, strict (exact) and relaxed (overlap); type and value F1
// over the relaxed matches (correct attributes over system and over gold
// expressions, as the official script computes them).
type Scores struct {
	Docs, Gold, System            int
	StrictMatch, RelaxedMatch     int
	TypeCorrect, ValueCorrect     int
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeF1, ValueF1               float64
	TypeAccuracy, ValueAccuracy   float64
}

// Add counts one document.
func (s *Scores) Add(gold, sys []storyline.TimeExpr) {
	s.add(gold, sys, nil)
}

// add counts one document and reports each disagreement to errs.
func (s *Scores) add(gold, sys []storyline.TimeExpr, errs func(kind string, g, x *storyline.TimeExpr)) {
	s.Docs++
	s.Gold += len(gold)
	s.System += len(sys)
	used := make([]bool, len(sys))
	for _, g := range gold {
		best := overlapping(g, sys, used)
		if best < 0 {
			if errs != nil {
				errs("miss", &g, nil)
			}
			continue
		}
		used[best] = true
		x := sys[best]
		if errs != nil && (x.Value != g.Value || x.Type != g.Type || x.Start != g.Start || x.End != g.End) {
			errs("diff", &g, &x)
		}
		s.count(g, x)
	}
	if errs != nil {
		for k := range sys {
			if !used[k] {
				errs("extra", nil, &sys[k])
			}
		}
	}
	s.compute()
}

// overlapping is the index of the unused system expression that overlaps
// g, the one with g's exact span if there is one; -1 if none.
func overlapping(g storyline.TimeExpr, sys []storyline.TimeExpr, used []bool) int {
	best := -1
	for k, x := range sys {
		if used[k] || x.End <= g.Start || x.Start >= g.End {
			continue
		}
		if best < 0 || x.Start == g.Start && x.End == g.End {
			best = k
		}
	}
	return best
}

// count scores a system expression x that overlaps the gold g.
func (s *Scores) count(g, x storyline.TimeExpr) {
	s.RelaxedMatch++
	if x.Start == g.Start && x.End == g.End {
		s.StrictMatch++
	}
	if x.Type == g.Type {
		s.TypeCorrect++
	}
	if x.Value == g.Value {
		s.ValueCorrect++
	}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *Scores) compute() {
	s.StrictP, s.StrictR = ratio(s.StrictMatch, s.System), ratio(s.StrictMatch, s.Gold)
	s.StrictF1 = f1(s.StrictP, s.StrictR)
	s.RelaxedP, s.RelaxedR = ratio(s.RelaxedMatch, s.System), ratio(s.RelaxedMatch, s.Gold)
	s.RelaxedF1 = f1(s.RelaxedP, s.RelaxedR)
	s.TypeF1 = f1(ratio(s.TypeCorrect, s.System), ratio(s.TypeCorrect, s.Gold))
	s.ValueF1 = f1(ratio(s.ValueCorrect, s.System), ratio(s.ValueCorrect, s.Gold))
	s.TypeAccuracy = ratio(s.TypeCorrect, s.RelaxedMatch)
	s.ValueAccuracy = ratio(s.ValueCorrect, s.RelaxedMatch)
}

// TagTML tags a TimeML document's text with its creation time.
func TagTML(d *TMLDoc) []storyline.TimeExpr {
	return Tag(d.Text, Options{DCT: d.DCT, TimeML: true})
}

// EvalDir scores the tagger on every .tml file under dir. When errs is not
// nil, every miss, extra and disagreement is written to it.
func EvalDir(ctx context.Context, dir string, errs io.Writer) (Scores, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(path, ".tml") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return Scores{}, fmt.Errorf("eval timex: %w", err)
	}
	if len(files) == 0 {
		return Scores{}, fmt.Errorf("eval timex: no .tml files under %s", dir)
	}
	sort.Strings(files)
	var s Scores
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return s, fmt.Errorf("eval timex: %w", err)
		}
		d, err := ReadTML(f)
		if err != nil {
			return s, err
		}
		var report func(kind string, g, x *storyline.TimeExpr)
		if errs != nil {
			report = func(kind string, g, x *storyline.TimeExpr) {
				ctxOf := func(e *storyline.TimeExpr) string {
					a, b := max(0, e.Start-40), min(len(d.Text), e.End+30)
					return strings.ReplaceAll(d.Text[a:e.Start]+"[["+d.Text[e.Start:e.End]+"]]"+d.Text[e.End:b], "\n", " ")
				}
				switch kind {
				case "miss":
					fmt.Fprintf(errs, "MISS\t%s\t%s\t%s\t%s\n", g.Type, g.Value, d.DCT.Format("2006-01-02 Mon"), ctxOf(g))
				case "extra":
					fmt.Fprintf(errs, "EXTRA\t%s\t%s\t%s\t%s\n", x.Type, x.Value, d.DCT.Format("2006-01-02 Mon"), ctxOf(x))
				default:
					fmt.Fprintf(errs, "DIFF\t%s/%s\t%s/%s\t%q/%q\t%s\t%s\n", g.Type, x.Type, g.Value, x.Value, g.Text, x.Text, d.DCT.Format("2006-01-02 Mon"), ctxOf(g))
				}
			}
		}
		s.add(d.Gold, TagTML(d), report)
	}
	return s, nil
}
