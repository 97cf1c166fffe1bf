package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// line is one input line, trimmed; indent records leading white space, a
// paragraph signal in text converted from PDF or print.
type line struct {
	s      string
	indent bool
	// role is what the line is for when the cleaner keeps it but knows it
	// is no part of the report (a caption it keeps), "" otherwise.
	role storyline.Role
	// removed is what the cleaner took out of the line, in order.
	removed []removedText
}

// removedText is a line, or the head of one, that the cleaner took out of
// the body, and what it was for.
type removedText struct {
	role storyline.Role
	s    string
}

// zeroWidth are invisible characters that only get in the way of matching.
var zeroWidth = strings.NewReplacer("\u200b", "", "\ufeff", "", "\u2060", "")

// splitLines makes raw valid UTF-8, unifies line ends and spaces, and
// returns its lines trimmed with runs of spaces collapsed.
func splitLines(raw string) []line {
	if !utf8.ValidString(raw) {
		raw = strings.ToValidUTF8(raw, "")
	}
	if strings.Contains(raw, "\u200b") || strings.Contains(raw, "\ufeff") || strings.Contains(raw, "\u2060") {
		raw = zeroWidth.Replace(raw)
	}
	var out []line
	var b strings.Builder
	for len(raw) > 0 {
		i := lineBreak(raw)
		var s string
		if i < 0 {
			s, raw = raw, ""
		} else {
			s = raw[:i]
			_, size := utf8.DecodeRuneInString(raw[i:])
			if raw[i] == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
				size = 2
			}
			raw = raw[i+size:]
		}
		indent := len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || strings.HasPrefix(s, "\u00a0"))
		out = append(out, line{s: squeeze(&b, s), indent: indent})
	}
	return out
}

// lineBreak returns the index of the first line break in s, or -1.
func lineBreak(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r':
			return i
		case 0xe2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return i
			}
		}
	}
	return -1
}

// squeeze trims s and turns every run of white space into one space.
func squeeze(b *strings.Builder, s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	if clean && !prevSpace {
		return s
	}
	b.Reset()
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			continue // control characters and undecodable bytes carry nothing
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// linkLabels are what screen readers are told about links, copied along.
var linkLabels = func() *strings.Replacer {
	var pairs []string
	for _, l := range []string{"(opens in new tab)", "(opens in a new tab)", "(opens in new window)", "(opens in a new window)",
		"(link is external)", "(external link)", "[external link]", "(Opens in new tab)", "(Opens in a new tab)",
		"(Opens in new window)", "(External link)", "[External link]"} {
		pairs = append(pairs, " "+l, "", l, "")
	}
	return strings.NewReplacer(pairs...)
}()

// linkArtefacts removes what links leave behind in copied text: a glued
// "External link" ("Le TempsExternal link, talks..."), "(opens in new tab)".
func linkArtefacts(s string) string {
	if !strings.Contains(s, "xternal") && !strings.Contains(s, "opens in") && !strings.Contains(s, "new window") {
		return s
	}
	s = linkLabels.Replace(s)
	if strings.Contains(s, "External link") || strings.Contains(s, "External Link") {
		s = dropExternal(s)
	}
	return strings.TrimSpace(s)
}

// dropExternal removes "External link" where it is a link label: glued to
// the word before it, alone, or just before punctuation.
func dropExternal(s string) string {
	const a = "External link"
	var b strings.Builder
	from := 0
	for i := 0; i+len(a) <= len(s); {
		if !strings.EqualFold(s[i:i+len(a)], a) || s[i] != 'E' {
			i++
			continue
		}
		end := i + len(a)
		glued := i > 0 && s[i-1] != ' '
		alone := strings.TrimSpace(s[:i]) == "" && strings.TrimSpace(s[end:]) == ""
		atEnd := end == len(s) || strings.IndexByte(".,;:)", s[end]) >= 0
		if glued || alone || (atEnd && i > 0) {
			b.WriteString(strings.TrimRight(s[from:i], " "))
			from = end
		}
		i = end
	}
	if from == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// words counts space-separated words.
func words(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// endsSentence reports whether s ends like a sentence: final punctuation,
// possibly followed by closing quotes or brackets, German ones („…“, »…«)
// included.
func endsSentence(s string) bool {
	// Most lines end in a letter or a full stop, which nothing trims: they
	// need no scan of the line for German quote marks.
	switch last, _ := utf8.DecodeLastRuneInString(s); last {
	case '"', '\'', '”', '’', '»', ')', ']', '*', ' ', '“', '‘', '«':
	default:
		return sentenceFinal(last)
	}
	cut := "\"'”’»)]* "
	if strings.ContainsAny(s, "„»") {
		cut += "“‘«"
	}
	s = strings.TrimRight(s, cut)
	r, _ := utf8.DecodeLastRuneInString(s)
	return sentenceFinal(r)
}

func sentenceFinal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// closesQuote reports whether s ends with a closing quotation mark, which
// ends a paragraph as often as a full stop does: German closes „ with “
// and » with «.
func closesQuote(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '"' || r == '”' || r == '»' || r == '“' && strings.Contains(s, "„") || r == '«' && strings.Contains(s, "»")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\'' || r == '“' || r == '‘' || r == '«'
}

// key is s reduced to lower-case letters and digits separated by single
// spaces, for comparing a title with a line that repeats it.
func key(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}

// keyEqual reports whether key(s) == k, without building key(s).
func keyEqual(s, k string) bool {
	j := 0
	space := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && j > 0 {
			if j >= len(k) || k[j] != ' ' {
				return false
			}
			j++
		}
		space = false
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			if j >= len(k) || k[j] != byte(r) {
				return false
			}
			j++
			continue
		}
		kr, size := utf8.DecodeRuneInString(k[j:])
		if kr != r {
			return false
		}
		j += size
	}
	return j == len(k)
}

func lowerTrim(s string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ": ."))
}

// boilerExact are whole lines that are page furniture, never article text.
var boilerExact = setOf(
	"advertisement", "advertisment", "advertising", "ad", "sponsored", "sponsored content", "paid content",
	"paid post", "promoted", "promoted content", "partner content", "skip to content", "skip to main content",
	"share this", "share this article", "share this story", "share", "share on facebook", "share on twitter",
	"share via email", "tweet", "email", "print", "print this article", "copy link", "link copied",
	"whatsapp", "facebook", "twitter", "linkedin", "reddit", "pinterest", "telegram", "flipboard",
	"leave a reply", "leave a comment", "post a comment", "add a comment", "cancel reply", "comments",
	"subscribe", "sign up", "log in", "login", "register", "loading", "loading...", "scroll to continue",
	"continue reading", "read more", "show more", "load more", "click here", "external link",
	"listen to this article", "story continues below advertisement", "story continues below",
	"article continues below", "article continues below advertisement", "continue reading below",
	"back to top", "most read", "follow us", "menu", "search", "close", "next article", "previous article",
	"your email address will not be published", "your email address will not be published. required fields are marked *",
	"required fields are marked *", "required fields are marked", "view comments", "show comments",
	"download the app", "get the app", "newsletter", "sign up for our newsletter", "subscribe to our newsletter",
	"continue reading the main story", "supported by", "scroll down for video", "play video", "watch video",
	"video player is loading", "media playback is unsupported on your device", "subscribe now", "sign up now",
	"our standards: the thomson reuters trust principles", "log in to comment", "show caption", "hide caption",
	"toggle caption", "enlarge this image", "view gallery", "open image in gallery", "expand", "replay video",
)

// boilerPrefix start lines that are page furniture when the line is short.
var boilerPrefix = []string{
	"sponsored by ", "presented by ", "advertisement ", "(advertisement", "your email address will not be published",
	"required fields are marked", "you must be logged in to post", "this site uses akismet",
	"save my name, email", "read more:", "read more at ", "read more on ", "read also:", "also read:",
	"see also:", "related:", "related article:", "related story:", "related coverage:", "recommended:",
	"click here to ", "follow us on ", "sign up for our ", "subscribe to our ", "share on ",
	"story continues below", "article continues below", "(opens in new tab)", "join our ",
	"download our app", "get our app", "notice: ", "watch: ", "listen: ", "click to share", "click to email",
	"click to print", "our standards:", "sign up to our ", "subscribe to ", "follow us: ",
}

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// boilerplate reports whether the whole line is page furniture (sharing,
// sponsorship, comment forms, "Read more" teasers).
func boilerplate(s string) bool {
	if len(s) > 200 {
		return false
	}
	if len(s) <= 100 && boilerExact[lowerTrim(s)] {
		return true
	}
	if words(s) > 20 {
		return false
	}
	for _, p := range boilerPrefix {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			// "Watch:" and "Listen:" teasers are boilerplate only when short;
			// a long line is likely a sentence that happens to start so.
			if (p == "watch: " || p == "listen: " || p == "notice: ") && words(s) > 12 {
				continue
			}
			return true
		}
	}
	return false
}

// cutExact are headings after which a page shows only end matter: related
// stories, comments, author boxes, tags.
var cutExact = setOf(
	"check also", "related", "related stories", "related articles", "related posts", "related news",
	"related content", "related coverage", "related topics", "related links", "related reading",
	"you may also like", "you might also like", "you may be interested in", "you might be interested in",
	"recommended", "recommended for you", "recommended stories", "recommended articles",
	"more stories", "more news", "more articles", "more from us", "most read", "most popular", "most viewed",
	"trending", "trending now", "trending stories", "popular posts", "popular stories", "latest news",
	"latest stories", "latest articles", "leave a reply", "leave a comment", "post a comment",
	"comments", "join the conversation", "about the author", "about the authors", "share this:",
	"tags", "topics", "filed under", "more on this story", "read next", "up next", "what to read next",
	"further reading", "also read", "read also", "see also", "in case you missed it",
	"other stories", "similar articles", "keep reading", "editor's picks", "top stories",
)

// strongCut are comment-form markers: nothing after them is article text.
var strongCut = setOf("leave a reply", "leave a comment", "post a comment", "join the conversation", "comments")

// cutMarker reports whether s heads end matter, and whether it is a strong
// marker (a comment form) that may cut earlier in the text.
func cutMarker(s string, byline string) (bool, bool) {
	if len(s) > 80 {
		return false, false
	}
	l := lowerTrim(s)
	if cutExact[l] {
		return true, strongCut[l]
	}
	if strings.HasPrefix(l, "your email address will not be published") {
		return true, true
	}
	for _, p := range []string{"more from ", "more in ", "more on ", "tags:", "filed under:", "topics:", "related to "} {
		if strings.HasPrefix(l, p) && words(s) <= 8 && !endsSentence(s) {
			return true, false
		}
	}
	// "12 comments", "3 Responses"
	if f := strings.Fields(l); len(f) == 2 && atoi(f[0]) >= 0 && (strings.HasPrefix(f[1], "comment") || strings.HasPrefix(f[1], "response") || strings.HasPrefix(f[1], "thought")) {
		return true, true
	}
	// An author box: "About Kevin Zhang".
	if strings.HasPrefix(s, "About ") && !endsSentence(s) && words(s) <= 5 {
		name := s[len("About "):]
		if byline != "" && key(name) == key(byline) {
			return true, false
		}
		if personName(name) {
			return true, false
		}
	}
	return false, false
}

// nameJoiner reports a lower-case word that stands inside a name, or
// between two: "van", "bin", "y", "and".
func nameJoiner(w string) bool {
	return newstext.English().SurnameParticle(w) || w == "y" || w == "and" || w == "&"
}

// notNames are capitalised words that start phrases looking like names
// ("By Sunday", "About Ukraine"), besides the names of months and days.
var notNames = setOf("the", "this", "that", "these", "those", "then", "now", "today", "tomorrow",
	"yesterday", "mid", "late", "early", "end", "us", "our", "his", "her", "their", "its", "a", "an")

// notName reports a capitalised word that starts a phrase looking like a
// name without being one.
func notName(w string) bool { return notNames[w] || newstext.English().CalendarName(w) }

// personName reports whether s looks like a personal name: two to five
// capitalised words (name particles allowed), nothing else.
func personName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	caps := 0
	for i, w := range f {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if i == 0 && notName(lw) {
			return false
		}
		if nameJoiner(lw) && i > 0 && i < len(f)-1 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
				return false
			}
		}
		caps++
	}
	return caps >= 2
}

// breadcrumb recognises a navigation trail ("Home / News / Title",
// "World > Europe") and returns its last element, which is often the title.
func breadcrumb(s string) (string, bool) {
	if len(s) > 300 || endsSentence(s) && !strings.HasSuffix(s, "...") {
		return "", false
	}
	for _, sep := range []string{" / ", " > ", " » ", " › ", " → "} {
		if !strings.Contains(s, sep) {
			continue
		}
		parts := strings.Split(s, sep)
		home := false
		switch strings.ToLower(strings.TrimSpace(parts[0])) {
		case "home", "startseite", "accueil", "inicio", "news", "homepage", "start":
			home = true
		}
		if len(parts) < 3 && !home {
			continue
		}
		ok := true
		for _, p := range parts[:len(parts)-1] {
			p = strings.TrimSpace(p)
			if p == "" || words(p) > 4 || endsSentence(p) || startsLower(p) {
				ok = false
				break
			}
		}
		if ok {
			return strings.TrimSpace(parts[len(parts)-1]), true
		}
	}
	return "", false
}

// byline parses a "By ..." line into the author's name, agencies named in
// it, and a date it carries ("By Jane Doe | Reuters | July 27, 2021").
// An agency alone ("By AFP") gives no name, only a credit.
func byline(s string) (name string, credits []string, date string, ok bool) {
	if len(s) > 160 || words(s) > 16 {
		return "", nil, "", false
	}
	rest := ""
	for _, p := range []string{"By ", "BY ", "by ", "Written by ", "Words by ", "Posted by ", "Par ", "Por ",
		"Author: ", "Authors: ", "Reporter: ", "Auteur : ", "Autor: "} {
		if strings.HasPrefix(s, p) {
			rest = s[len(p):]
			break
		}
	}
	if rest == "" {
		return "", nil, "", false
	}
	// "Posted by Jane Doe on March 3, 2023"
	if i := strings.Index(rest, " on "); i > 0 {
		if d, ok := dateLine(rest[i+4:]); ok {
			date = d
			rest = rest[:i]
		}
	}
	var segs []string
	for _, seg := range strings.FieldsFunc(rest, func(r rune) bool { return r == '|' || r == '•' || r == '·' || r == ';' }) {
		if d, isDate := dateLine(seg); isDate {
			if date == "" {
				date = d
			}
			continue
		}
		segs = append(segs, strings.Split(seg, ",")...)
	}
	var names []string
	for i, seg := range segs {
		seg = strings.TrimSpace(seg)
		for _, d := range []string{" — ", " – ", " - "} {
			if j := strings.Index(seg, d); j >= 0 {
				segs = append(segs, seg[j+len(d):])
				seg = strings.TrimSpace(seg[:j])
			}
		}
		if seg == "" {
			continue
		}
		if a, isAg := agencyName(seg); isAg {
			credits = append(credits, a)
			continue
		}
		if d, isDate := dateLine(seg); isDate {
			if date == "" {
				date = d
			}
			continue
		}
		if i == 0 {
			// Several authors: "Jane Doe and John Roe".
			all := true
			for _, n := range splitWord(seg, " and ") {
				n = strings.TrimSpace(n)
				if a, isAg := agencyName(n); isAg {
					credits = append(credits, a)
					continue
				}
				if !personName(n) {
					all = false
					break
				}
				names = append(names, n)
			}
			if !all {
				return "", nil, "", false
			}
		}
		// Later segments are roles ("Staff Writer") or places: ignored.
	}
	if len(names) == 0 && len(credits) == 0 {
		return "", nil, "", false
	}
	return strings.Join(names, " and "), credits, date, true
}

// agencyLine reports a line that only names an agency: "TASS", "(AFP)",
// "/Reuters/", "Source: AP".
func agencyLine(s string) (string, bool) {
	if len(s) > 40 {
		return "", false
	}
	t := s
	for _, p := range []string{"Source:", "Sources:", "Agencies:", "With ", "— ", "- "} {
		t = strings.TrimPrefix(t, p)
	}
	if strings.EqualFold(strings.TrimSpace(t), "agencies") {
		return "", true
	}
	return agencyName(t)
}
