package clean

import (
	"strings"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
)

// Known is what the reader already knows (from JSON Lines, HTML or feed
// metadata); the cleaner never overrides a non-empty field.
type Known struct {
	Title, Byline, Outlet, Published string
	// FromHTML says the text came from an HTML extractor: the cleaner then
	// guesses no headline and drops no caption on resemblance alone.
	FromHTML bool
}

// Result is a cleaned article and the metadata its text gave.
type Result struct {
	Title, Byline, Outlet string
	Credits               []string
	Published             string // YYYY-MM-DD (or RFC 3339 if a time is given), "" if none found in the first lines
	Dateline              string // place of a dateline ("GENEVA (Reuters) -", "(Geneva)") if any, as a place name "Geneva"
	Text                  string // cleaned body: paragraphs separated by "\n\n", no title/byline/date/credit lines
	// Paragraphs are the article in reading order with their roles: the
	// paragraphs of Text, and what the cleaner took out of it.
	Paragraphs []storyline.Paragraph
}

// headerLines bounds how many non-blank lines may precede the body.
const headerLines = 12

// Text cleans raw article text and reads its metadata; see the package
// documentation for the rules. It never fails: any input gives a Result.
func Text(raw string, known Known) Result {
	res := Result{Title: known.Title, Byline: known.Byline, Outlet: known.Outlet, Published: known.Published}
	lines := splitLines(raw)
	for i := range lines {
		lines[i].s = linkArtefacts(lines[i].s)
	}
	c := cleaner{res: &res, known: known, lines: lines}
	c.header()
	c.tail()
	c.furniture()
	paras := paragraphs(c.lines)
	texts := make([]string, len(paras))
	for i := range paras {
		paras[i].s = repairQuotes(paras[i].s)
		texts[i] = paras[i].s
	}
	if rep := repeated(texts); rep != nil {
		kept := paras[:0]
		for i, p := range paras {
			if rep[i] {
				// A repeat stays out of the body, as furniture.
				c.lines[p.line].removed = append(c.lines[p.line].removed, removedText{role: storyline.RoleFurniture, s: p.s})
				continue
			}
			kept = append(kept, p)
		}
		paras = kept
	}
	res.Dateline = c.place
	datelineEnd := 0
	if len(paras) > 0 {
		place, agency, end := dateline(paras[0].s)
		if place != "" {
			res.Dateline = place
		}
		if agency != "" {
			res.Credits = addCredit(res.Credits, agency)
		}
		if (place != "" || agency != "") && end < len(paras[0].s) && (paras[0].role == "" || paras[0].role.Prose()) {
			datelineEnd = end
		}
	}
	if res.Title == "" && len(paras) > 0 {
		res.Title = leadTitle(paras[0].s)
	}
	if res.Outlet == "" {
		kept := make([]string, 0, 3)
		for _, p := range paras[:min(len(paras), 3)] {
			kept = append(kept, p.s)
		}
		res.Outlet = selfOutlet(kept)
	}
	if res.Outlet == "" {
		res.Outlet = c.copyright
	}
	if res.Published == "" {
		res.Published = c.published
	}
	res.Text, res.Paragraphs = assemble(c.lines, paras, datelineEnd, c.headline)
	if res.Credits == nil {
		res.Credits = []string{} // an empty list, not null, in JSON
	}
	return res
}

// assemble joins the kept paragraphs into the body and lists every
// paragraph with its role in reading order: a removed one stands, empty,
// where it was, a kept one is its span of the body. The lead's dateline,
// datelineEnd bytes long, is a span of its own.
func assemble(lines []line, paras []paragraph, datelineEnd int, headline bool) (string, []storyline.Paragraph) {
	var b strings.Builder
	var out []storyline.Paragraph
	next := 0 // the first line whose removed parts are not listed yet
	seenBody := false
	removedThrough := func(last int) {
		for ; next <= last && next < len(lines); next++ {
			for _, r := range lines[next].removed {
				at := b.Len()
				out = append(out, storyline.Paragraph{Role: r.role, Start: at, End: at, Removed: r.s})
			}
		}
	}
	for k, p := range paras {
		removedThrough(p.line)
		if k > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p.s)
		role := p.role
		if role == "" {
			role = bodyRole(p.s, headline, seenBody)
			seenBody = true
		}
		if k == 0 && datelineEnd > 0 {
			out = append(out, storyline.Paragraph{Role: storyline.RoleDateline, Start: start, End: start + datelineEnd})
			start += datelineEnd
		}
		out = append(out, storyline.Paragraph{Role: role, Start: start, End: b.Len()})
	}
	removedThrough(len(lines) - 1)
	return b.String(), out
}

// maxCrossheadWords bounds a heading inside the report.
const maxCrossheadWords = 12

// bodyRole is the role of a kept paragraph that no rule named: shaped
// like a headline, it is the standfirst when it comes first under a
// headline, a heading inside the report when it is a short label (no
// question, exclamation or trailing dots, nothing quoted) and comes
// later; anything else is the report.
func bodyRole(p string, headline, seenBody bool) storyline.Role {
	switch {
	case !seenBody && headline && titleLike(p):
		return storyline.RoleStandfirst
	case seenBody && words(p) <= maxCrossheadWords && titleLike(p) && !endsSentence(p) && !quotes(p):
		return storyline.RoleCrosshead
	}
	return storyline.RoleBody
}

// quotes reports a quotation mark in s: a line that quotes someone is
// the report, however short.
func quotes(s string) bool {
	return strings.ContainsAny(s, "\"“”«»„") || strings.Contains(s, " '") || strings.HasPrefix(s, "'")
}

type cleaner struct {
	res       *Result
	known     Known
	lines     []line
	published string // first date read from the text
	copyright string // owner named by a copyright notice
	hint      string // a title suggested by the breadcrumb
	titleKey  string
	place     string // place of a place-and-date line
	headline  bool   // a headline line went from the header
	// shingleCount counts the word 4-grams of the whole text, for telling
	// captions that restate the body; built on first need.
	shingleCount map[uint64]int
}

// drop takes line i out of the body, keeping what it was for.
func (c *cleaner) drop(i int, role storyline.Role) {
	l := &c.lines[i]
	if l.s == "" {
		return
	}
	l.removed = append(l.removed, removedText{role: role, s: l.s})
	l.s = ""
}

func (c *cleaner) setDate(d string) {
	if c.published == "" {
		c.published = d
	}
}

// header reads the lines before the body: dates, furniture, breadcrumb,
// captions, byline, agency lines and the headline, and removes them (a
// removed line is left blank).
func (c *cleaner) header() {
	if c.res.Title != "" {
		c.titleKey = key(c.res.Title)
	}
	seen := 0
	i := 0
	headline := false // a headline line went
	for ; i < len(c.lines) && seen < headerLines; i++ {
		s := c.lines[i].s
		if s == "" {
			continue
		}
		seen++
		if d, ok := dateLine(s); ok {
			c.setDate(d)
			c.dateLine(i)
			continue
		}
		if place, d, ag, ok := placeDateLine(s); ok {
			c.setDate(d)
			if c.place == "" {
				c.place = place
			}
			if ag != "" {
				c.res.Credits = addCredit(c.res.Credits, agencyOrSelf(ag))
			}
			c.drop(i, storyline.RoleDateline)
			continue
		}
		if seen <= 4 {
			if d, rest, ok := datePrefix(s); ok {
				c.setDate(d)
				if prefix := strings.TrimSpace(s[:len(s)-len(rest)]); prefix != "" {
					c.lines[i].removed = append(c.lines[i].removed, removedText{role: storyline.RoleDateline, s: prefix})
				}
				c.lines[i].s = rest
				if s = rest; s == "" {
					continue
				}
			}
		}
		if boilerplate(s) {
			c.drop(i, storyline.RoleFurniture)
			continue
		}
		if last, ok := breadcrumb(s); ok {
			c.hint = last
			c.drop(i, storyline.RoleFurniture)
			continue
		}
		if cr, ok := explicitCaption(s); ok {
			c.caption(i, cr)
			continue
		}
		if name, cr, d, ok := byline(s); ok {
			if c.res.Byline == "" {
				c.res.Byline = Byline(name)
			}
			c.res.Credits = addCredit(c.res.Credits, cr...)
			if d != "" {
				c.setDate(d)
			}
			c.drop(i, storyline.RoleByline)
			continue
		}
		if c.known.Byline != "" && key(s) == key("By "+c.known.Byline) {
			c.drop(i, storyline.RoleByline)
			continue
		}
		if a, ok := agencyLine(s); ok {
			c.res.Credits = addCredit(c.res.Credits, a)
			c.drop(i, storyline.RoleCredit)
			continue
		}
		if c.titleKey != "" && (keyEqual(s, c.titleKey) || sameTitle(s, c.titleKey)) {
			c.drop(i, storyline.RoleHeadline)
			headline = true
			continue
		}
		if c.hint != "" && key(s) == key(c.hint) {
			if c.res.Title == "" {
				c.res.Title = s
				c.titleKey = key(s)
			}
			c.drop(i, storyline.RoleHeadline)
			headline = true
			continue
		}
		if !c.known.FromHTML {
			if body, frag := splitFinal(s); frag != "" && capitalFragment(frag) && words(body) >= 6 {
				if c.restates(i, body) {
					c.res.Credits = addCredit(c.res.Credits, splitCredit(frag)...)
					c.drop(i, storyline.RoleCaption)
					continue
				}
			}
		}
		if c.res.Title == "" && !c.known.FromHTML && titleLike(s) && !c.continues(i) {
			c.res.Title = s
			// A headline broken over two lines.
			if j := i + 1; j < len(c.lines) && c.lines[j].s != "" && titleWraps(s, c.lines[j].s) &&
				(j+1 >= len(c.lines) || c.lines[j+1].s == "" || metaLine(c.lines[j+1].s)) &&
				len(s)+len(c.lines[j].s) <= 200 {
				c.res.Title = s + " " + c.lines[j].s
				c.drop(j, storyline.RoleHeadline)
			}
			c.titleKey = key(c.res.Title)
			c.drop(i, storyline.RoleHeadline)
			headline = true
			continue
		}
		if bodyLine(s) {
			break
		}
	}
	c.headline = headline
	// A long headline can end the header before the date line under it.
	for j, n := i+1, 0; j < len(c.lines) && n < 2 && seen+n < 6; j++ {
		if s := c.lines[j].s; s != "" {
			n++
			if d, ok := dateLine(s); ok {
				c.setDate(d)
				c.dateLine(j)
			}
		}
	}
}

// caption handles an explicit photo caption on line i: its credits go to
// Credits; a caption that only credits or restates the body goes, any other
// stays without its credit, as the only text that says what the picture
// shows (a "file photo" of an earlier meeting dates that meeting).
func (c *cleaner) caption(i int, credits []string) {
	c.res.Credits = addCredit(c.res.Credits, credits...)
	s := c.lines[i].s
	if creditOnly(s) {
		c.drop(i, storyline.RoleCredit)
		return
	}
	body, frag := splitFinal(s)
	if frag == "" {
		body = s
	}
	if labelledCaption(s) || words(body) < 4 || c.restates(i, body) {
		c.drop(i, storyline.RoleCaption)
		return
	}
	c.lines[i].s = strings.TrimSpace(body)
	c.lines[i].role = storyline.RoleCaption
}

// labelledCaption reports a caption behind a player's or a page's label
// ("Image caption, ...", "Media caption ..."): interface text read aloud to
// screen readers, not the article's.
func labelledCaption(s string) bool {
	for _, p := range []string{"Image caption", "Media caption", "Image source", "Image copyright", "Picture caption", "Photo caption", "Caption"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// dateLine handles a line that holds a date: a date written for readers
// ("July 27, 2021") stays in the text, since it is
// what the article says of itself; a labelled one ("Published: 2021-07-27
// 10:00", "Updated ...") is page furniture and goes.
func (c *cleaner) dateLine(i int) {
	s := c.lines[i].s
	if d, ok := findDate(s); ok && strings.TrimSpace(s[:d.start]+s[d.end:]) == "" && !strings.ContainsAny(s[d.start:d.end], ":") {
		c.lines[i].role = storyline.RoleDateline
		return
	}
	c.drop(i, storyline.RoleDateline)
}

// sameTitle reports whether headline line s is the known title without the
// site name a page title adds ("Talks resume - The Daily"), or the reverse.
func sameTitle(s, titleKey string) bool {
	if len(s) > 300 || words(s) < 4 || !titleLike(s) {
		return false
	}
	k := key(s)
	return strings.HasPrefix(titleKey, k+" ") || strings.HasPrefix(k, titleKey+" ")
}

// continues reports whether line i runs on into the next line, as the first
// line of wrapped text does: then it is no headline.
func (c *cleaner) continues(i int) bool {
	if i+1 >= len(c.lines) || c.lines[i+1].s == "" {
		return false
	}
	next := c.lines[i+1].s
	if metaLine(next) {
		return false
	}
	if d, ok := findDate(next[:min(len(next), 60)]); ok && d.start <= 10 {
		return false // "on Jul 7 2012, 5:55p" under a headline
	}
	s := c.lines[i].s
	last := strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
	return startsLower(next) || strings.HasSuffix(s, ",") || danglingWords[last] && !titleWraps(s, next)
}

// metaLine reports a line that follows a headline: byline, date, agency.
func metaLine(s string) bool {
	if _, _, _, ok := byline(s); ok {
		return true
	}
	if _, ok := dateLine(s); ok {
		return true
	}
	_, ok := agencyLine(s)
	return ok
}

// restates reports whether body, part of line i, restates other lines.
func (c *cleaner) restates(i int, body string) bool {
	if c.shingleCount == nil {
		c.shingleCount = make(map[uint64]int)
		for _, l := range c.lines {
			if l.s != "" {
				for _, h := range shingles(l.s, nil) {
					c.shingleCount[h]++
				}
			}
		}
	}
	own := map[uint64]int{}
	for _, h := range shingles(c.lines[i].s, nil) {
		own[h]++
	}
	return repeats(body, func(h uint64) bool { return c.shingleCount[h] > own[h] })
}

// titleLike reports a line shaped like a headline: a few words, capitalised,
// without a final full stop.
func titleLike(s string) bool {
	n := words(s)
	if n < 2 || n > 25 || len(s) > 200 || !startsUpper(s) {
		return false
	}
	if endsSentence(s) && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "...") {
		return false // a sentence, even when it ends inside a quotation
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case ',', ';', ':', '-', '—', '–', '|', '/':
		return false
	}
	return true
}

// titleWraps reports whether b continues the headline a, broken over two
// lines, rather than being a subtitle: it is in the same case style, and
// no longer than a unless a ends on a word no headline ends on.
func titleWraps(a, b string) bool {
	if endsSentence(a) || !titleLike(b) || metaLine(b) {
		return false
	}
	ta, tb := titleCase(a), titleCase(b)
	if ta != tb {
		return false
	}
	if !ta && !startsLower(b) {
		return false
	}
	last := a[strings.LastIndexByte(a, ' ')+1:]
	return len(b) <= len(a) || danglingWords[strings.ToLower(last)]
}

// danglingWords do not end a headline: a line ending on one goes on.
var danglingWords = setOf("of", "in", "the", "a", "an", "and", "to", "for", "with", "on", "at", "by", "from", "as", "or", "but", "into", "over", "after", "before", "its", "their", "his", "her")

// titleCase reports whether most longer words of s are capitalised.
func titleCase(s string) bool {
	long, caps := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "\"'‘’“”(),:;")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if startsUpper(w) {
			caps++
		}
	}
	return long > 0 && caps*10 >= long*6
}

// bodyLine reports a line that is surely article text, which ends the header.
func bodyLine(s string) bool {
	n := words(s)
	return n >= 16 || n >= 8 && endsSentence(s)
}

// tail cuts the end matter: from the first related-stories, author-box or
// comment heading that comes late enough in the text, everything goes.
func (c *cleaner) tail() {
	total := 0
	for _, l := range c.lines {
		total += len(l.s)
	}
	byl := c.res.Byline
	done := 0
	for i := 0; i < len(c.lines); i++ {
		s := c.lines[i].s
		if s == "" {
			continue
		}
		if ok, strong := cutMarker(s, byl); ok {
			need := total / 2
			if strong {
				need = total * 3 / 10
			}
			if done >= need && done > 0 && (strong || total-done <= total/4 || c.teasers(i+1)) {
				for j := i; j < len(c.lines); j++ {
					if owner, ok := copyrightOutlet(c.lines[j].s); ok {
						c.takeCopyright(owner)
					}
					c.drop(j, storyline.RoleFurniture)
				}
				return
			}
		}
		done += len(s)
	}
}

// teasers reports whether the lines from i on are mostly end matter
// (headlines, names, form fields) rather than sentences: a related-stories
// heading in the middle of an article ("DON'T MISS") must not cut it short.
func (c *cleaner) teasers(i int) bool {
	n, sentences := 0, 0
	for ; i < len(c.lines); i++ {
		s := c.lines[i].s
		if s == "" {
			continue
		}
		n++
		if words(s) >= 8 && endsSentence(s) && !truncated(s) {
			sentences++
		}
	}
	return sentences*3 <= n
}

// truncated reports a line cut short with an ellipsis: a teaser, not a
// sentence.
func truncated(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// furniture drops single lines of page furniture inside the body, captions
// that announce themselves, repeats of the headline and copyright notices.
func (c *cleaner) furniture() {
	last := len(c.lines) - 1
	for last >= 0 && c.lines[last].s == "" {
		last--
	}
	for i := 0; i <= last; i++ {
		s := c.lines[i].s
		if s == "" {
			continue
		}
		switch {
		case boilerplate(s), len(s) <= 60 && cutExact[lowerTrim(s)], feedbackLine(s):
			c.drop(i, storyline.RoleFurniture)
		case c.titleKey != "" && len(s) <= 2*len(c.titleKey)+8 && keyEqual(s, c.titleKey):
			c.drop(i, storyline.RoleHeadline)
		case i >= last-4:
			// A closing agency line: "(AFP)", "— Reuters", "Source: AP".
			if a, ok := agencyLine(s); ok {
				c.res.Credits = addCredit(c.res.Credits, a)
				c.drop(i, storyline.RoleCredit)
				continue
			}
			if owner, ok := copyrightOutlet(s); ok {
				c.takeCopyright(owner)
				c.drop(i, storyline.RoleCredit)
				continue
			}
			fallthrough
		default:
			if a, ok := agencyLine(s); ok {
				c.res.Credits = addCredit(c.res.Credits, a)
				c.drop(i, storyline.RoleCredit)
				continue
			}
			if cr, ok := explicitCaption(s); ok {
				// Extracted bodies keep a lone credit line ("© Reuters"):
				// benchmarks count it as article text.
				if c.known.FromHTML && creditOnly(s) {
					c.res.Credits = addCredit(c.res.Credits, cr...)
					c.lines[i].role = storyline.RoleCredit
					continue
				}
				c.caption(i, cr)
				continue
			}
			if c.known.FromHTML {
				continue
			}
			// A caption pasted among the paragraphs: it restates one of
			// them and ends with a bare credit.
			if body, frag := splitFinal(s); frag != "" && capitalFragment(frag) && words(body) >= 6 && c.restates(i, body) {
				c.res.Credits = addCredit(c.res.Credits, splitCredit(frag)...)
				c.drop(i, storyline.RoleCaption)
			}
		}
	}
}

func agencyOrSelf(s string) string {
	if a, ok := agencyName(s); ok {
		return a
	}
	return s
}

// takeCopyright keeps the owner of a copyright notice: an agency's notice
// on a syndicated story is a credit, anyone else's names the outlet.
func (c *cleaner) takeCopyright(owner string) {
	owner = strings.TrimPrefix(owner, "The ")
	if a, ok := agencyName(owner); ok {
		c.res.Credits = addCredit(c.res.Credits, a)
		return
	}
	if c.copyright == "" && owner != "" {
		c.copyright = owner
	}
}
