package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

var (
	// "GENEVA (Reuters) -", "Geneva, Sept 30 (AFP) —"
	reDatelineAgency = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’ -]{1,40}?)(?:,\s*[^()\n]{1,40}?)?\s*\(([^()]{2,30})\)\s*[-–—:]+\s*`)
	// "MOSCOW, July 27. /TASS/."
	reDatelineSlash = regexp.MustCompile(`^(\p{Lu}[\p{Lu} -]{1,30}),\s*[^/]{3,30}?\s*/([\p{L} -]{2,20})/\.?\s*[-–—]?\s*`)
	// "(Geneva) Russians and..."
	reDatelineParen = regexp.MustCompile(`^\((\p{Lu}[\p{L}.'’ -]{1,30})\)\s*[-–—:]?\s*`)
	// "GENEVA — The talks...", "WASHINGTON, Jan 10 -"
	reDatelineCaps = regexp.MustCompile(`^(\p{Lu}[\p{Lu}.'’ -]{2,30}?)(?:,\s*[^—–\n]{1,30}?)?\s+[-–—]{1,2}\s+`)
	// "Al Mayadeen's correspondent reports", "CNN's Geneva correspondent said"
	reOutlet = regexp.MustCompile(`^(?:The )?((?:\p{Lu}[\p{L}\p{N}&.-]*)(?: (?:\p{Lu}[\p{L}\p{N}&.-]*|al|el)){0,3})['’]s (?:(?:own|\p{Lu}\p{L}+) )?correspondents? (?:in \p{Lu}\p{L}+ )?(?:reports?|reported|said|says|learned|has learned|confirmed|noted|added)\b`)
)

// dateline finds the place (and agency) a body opens with, and where the
// dateline ends in p.
func dateline(p string) (place, agency string, end int) {
	if len(p) > 300 {
		p = p[:300]
	}
	group := func(m []int, k int) string { return p[m[2*k]:m[2*k+1]] }
	if m := reDatelineSlash.FindStringSubmatchIndex(p); m != nil {
		if a, ok := agencyName(group(m, 2)); ok {
			return placeName(group(m, 1)), a, m[1]
		}
	}
	if m := reDatelineAgency.FindStringSubmatchIndex(p); m != nil {
		if a, ok := agencyName(group(m, 2)); ok && words(group(m, 1)) <= 4 {
			return placeName(group(m, 1)), a, m[1]
		}
	}
	if m := reDatelineParen.FindStringSubmatchIndex(p); m != nil {
		if a, ok := agencyName(group(m, 1)); ok {
			return "", a, m[1]
		}
		if words(group(m, 1)) <= 4 {
			return placeName(group(m, 1)), "", m[1]
		}
	}
	if m := reDatelineCaps.FindStringSubmatchIndex(p); m != nil {
		name := strings.TrimSpace(group(m, 1))
		if words(name) <= 4 && utf8.RuneCountInString(name) >= 3 {
			return placeName(name), "", m[1]
		}
	}
	return "", "", 0
}

// placeName writes an all-capitals place in title case: "NEW YORK" →
// "New York"; other spellings are kept.
func placeName(s string) string {
	s = strings.TrimSpace(s)
	if strings.ToUpper(s) != s {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-'
	}
	return b.String()
}

// stripDateline removes a dateline from the start of p, for making a
// title out of a lead.
func stripDateline(p string) string {
	for _, re := range []*regexp.Regexp{reDatelineSlash, reDatelineAgency, reDatelineParen, reDatelineCaps} {
		if loc := re.FindStringIndex(p); loc != nil {
			return p[loc[1]:]
		}
	}
	return p
}

// noFullStop reports a word (lower case, without its period) after which
// a period ends no sentence: an abbreviation, initials ("u.s"), a single
// letter.
func noFullStop(w string) bool {
	return newstext.English().WithoutFullStop(w) || newstext.Initials(w) || utf8.RuneCountInString(w) == 1
}

// firstSentence returns the first sentence of p.
func firstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(p) && p[i+1] != ' ' && p[i+1] != '"' && p[i+1] != '\'' {
			continue
		}
		if c == '.' {
			j := strings.LastIndexByte(p[:i], ' ')
			w := strings.ToLower(strings.TrimLeft(p[j+1:i], "(\"'“"))
			if noFullStop(w) {
				continue
			}
		}
		end := i + 1
		if end < len(p) && (p[end] == '"' || p[end] == '\'') {
			end++
		}
		return p[:end]
	}
	return p
}

// clauseWords start a clause that a title can do without.
var clauseWords = map[string]int{
	"which": 3, "who": 3, "that": 3, "as": 2, "after": 2, "while": 3, "amid": 2, "because": 3,
	"despite": 2, "following": 2, "ahead": 2, "where": 3, "when": 2, "although": 3, "though": 3,
	"in": 1, "on": 1, "at": 1, "to": 1, "for": 1, "with": 1, "from": 1, "over": 1, "during": 1,
	"and": 1, "but": 2, "said": 2, "according": 3,
	// French, German, Spanish, Portuguese, Italian.
	"qui": 3, "que": 3, "dont": 3, "après": 2, "alors": 3, "selon": 3, "dans": 1, "pour": 1, "avec": 1,
	"der": 1, "die": 1, "das": 1, "nach": 2, "weil": 3, "während": 3, "laut": 3, "mit": 1, "für": 1,
	"quien": 3, "donde": 3, "tras": 2, "según": 3, "mientras": 3, "para": 1, "con": 1, "en": 1,
	"onde": 3, "após": 2, "segundo": 3, "enquanto": 3, "com": 1, "che": 3, "dopo": 2, "secondo": 3, "mentre": 3, "per": 1,
}

// maxTitle is the most runes a title made from a lead keeps.
const maxTitle = 90

// leadTitle makes a title from a lead: its first sentence, without
// dateline and full stop, cut before a clause when longer than maxTitle.
func leadTitle(p string) string {
	s := strings.TrimSpace(firstSentence(stripDateline(p)))
	s = strings.TrimRight(s, ".!? ")
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	// Prefer a comma or dash, then the strongest clause word, nearest the limit.
	best, bestRank := -1, 0
	n := 0
	for i, r := range s {
		if n > maxTitle {
			break
		}
		n++
		if i < 30 {
			continue
		}
		rank := 0
		switch {
		case r == ',' || r == ';':
			rank = 4
		case (r == '—' || r == '–') && i > 0 && s[i-1] == ' ':
			rank = 4
		case r == ' ':
			j := strings.IndexByte(s[i+1:], ' ')
			if j < 0 {
				j = len(s) - i - 1
			}
			rank = clauseWords[s[i+1:i+1+j]]
		}
		if rank > 0 && rank >= bestRank {
			best, bestRank = i, rank
		}
	}
	if best < 0 {
		// No clause boundary: cut at the last space.
		n = 0
		for i, r := range s {
			if n > maxTitle {
				break
			}
			n++
			if r == ' ' {
				best = i
			}
		}
	}
	if best <= 0 {
		return s
	}
	return strings.TrimRight(s[:best], " ,;—–")
}

// selfOutlet finds an outlet naming itself in the first paragraphs: "Al
// Mayadeen's correspondent reports that ...".
func selfOutlet(paras []string) string {
	for i, p := range paras {
		if i >= 3 {
			break
		}
		if m := reOutlet.FindStringSubmatch(p); m != nil {
			if notName(strings.ToLower(strings.Fields(m[1])[0])) {
				continue
			}
			return m[1]
		}
	}
	return ""
}

// copyrightOutlet reads the owner from a copyright notice
// ("© 2022 The Moscow Times. All rights reserved.").
func copyrightOutlet(s string) (string, bool) {
	if len(s) > 300 {
		return "", false
	}
	t := s
	switch {
	case strings.HasPrefix(t, "©"):
		t = strings.TrimPrefix(t, "©")
	case strings.HasPrefix(t, "Copyright"), strings.HasPrefix(t, "COPYRIGHT"):
		t = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t[len("Copyright"):], " "), "©"), " (c)")
	default:
		return "", false
	}
	t = strings.TrimSpace(t)
	for len(t) > 0 && (t[0] >= '0' && t[0] <= '9' || t[0] == '-' || t[0] == ' ' || t[0] == ',') {
		t = t[1:]
	}
	if i := indexFold(t, "all rights reserved"); i >= 0 {
		t = t[:i]
	}
	t = strings.Trim(t, " .,|-")
	if t == "" || words(t) > 6 {
		return "", true
	}
	return t, true
}
