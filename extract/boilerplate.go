package extract

import (
	"regexp"
	"strings"

	storyclean "github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/newstext"
)

// Boilerplate that extractors let through: the headline repeated above the
// body, bylines and timestamps, share bars, teasers for other articles,
// newsletter and app promotions, credit lines. Each rule is about the form
// of a paragraph, never about a site.

// maxBoilerplateWords bounds what a boilerplate paragraph can be: longer
// paragraphs are prose, whatever they start with.
const maxBoilerplateWords = 30

// promoStart matches the openings of teaser, promotion and notice
// paragraphs; labelStart the labels that need a colon or a line of their
// own ("Related:"), since as words they also open prose.
var (
	promoStart = regexp.MustCompile(`(?i)^[^\p{L}\p{N}]*(read more|read also|also read|see more|see also|more great|more stories|don'?t miss|you may also like|you might also like|most read|most popular|explore further|click here|subscribe|sign up|follow us|follow @|get the .{1,40} app|download the .{1,40} app|citation:|copyright|©|\(c\) |all rights reserved|filed under|image source|leia (também|mais)|veja também|tempo de leitura|lea también|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|leggi anche)`)
	labelStart = regexp.MustCompile(`(?i)^[^\p{L}\p{N}]*(related|related articles?|related stories|related posts?|recommended|trending|also|more|more from .{1,40}|more on this|advertisement|sponsored|photo|photograph|pictured|listen|watch|watch now)\s*(:|\n|$)`)
)

// promoAnywhere matches phrases that mark a short paragraph as a
// promotion or a notice wherever they stand in it.
var promoAnywhere = regexp.MustCompile(`(?i)(newsletter|subscribe to|sign up for|all rights reserved|contributed to this report|reporting by .*editing by|(follow|reach) (him|her|them|the reporters?|us) on (twitter|facebook|instagram)|on twitter @|has a tip\?|have a tip\?|min(ute)?s? read\b|comments? (are|is) (closed|moderated)|we are temporarily moderating|click here|\[/\w+\])`)

// tagList matches a list of tags or keywords under its label.
var tagList = regexp.MustCompile(`(?i)^[^\p{L}\p{N}]*(tags|keywords|topics|palavras-chave|etiquetas|schlagworte|mots-clés)\s*(:|\n|$)`)

// creditLine matches the agency and contributor credits at an article's
// end, which belong in Credits rather than in the body.
var creditLine = regexp.MustCompile(`(?i)(contributed to this report|^[^\p{L}\p{N}]*(reporting|additional reporting|writing|editing) by\b)`)

// shareWords are the words of a share bar.
var shareWords = map[string]bool{
	"share": true, "shares": true, "facebook": true, "twitter": true, "whatsapp": true,
	"pinterest": true, "pin": true, "pint": true, "linkedin": true, "email": true, "e": true,
	"mail": true, "print": true, "reddit": true, "tweet": true, "comment": true, "comments": true,
	"copy": true, "link": true, "save": true, "messenger": true, "telegram": true, "flipboard": true,
	"tumblr": true, "sms": true, "this": true, "article": true, "on": true, "baixar": true,
	"compartilhe": true, "compartir": true, "partager": true, "teilen": true, "condividi": true, "x": true,
}

// timestampJoiners stand between the parts of a timestamp ("10 de
// março", "by ... and ..."); the rest of its words are clean's date words.
var timestampJoiners = map[string]bool{"by": true, "and": true, "de": true, "del": true, "el": true, "der": true}

var (
	// A contact line: an e-mail address or a social-media profile alone.
	contactLine = regexp.MustCompile(`(?i)^[^\p{L}\p{N}]*((mailto:)?[\w.+-]+@[\w-]+\.[\w.]+|(https?://)?(www\.)?(twitter|facebook|instagram)\.com/\w+|@\w+)[^\p{L}\p{N}]*$`)
	bylineLine  = regexp.MustCompile(`(?i)^[^\p{L}\p{N}]*(by|por|par|von|di|door)\s+\p{Lu}`)
)

// removeBoilerplate drops boilerplate paragraphs from an extracted body and
// returns what is left with the credit lines it found.
func removeBoilerplate(text, title string) (string, []string) {
	paras := strings.Split(text, "\n\n")
	titleWords := strings.Join(Words(title), " ")
	var kept, credits []string
	// dropped holds what was dropped, paragraph and line by line, so that
	// an echo of it (a tag list shown twice) goes too.
	dropped := map[string]bool{}
	for i, p := range paras {
		words := Words(p)
		if len(words) == 0 {
			continue
		}
		if dropped[strings.Join(words, " ")] || isBoilerplate(p, words, i, len(paras), len(kept) == 0, titleWords) {
			if creditLine.MatchString(p) {
				credits = append(credits, strings.TrimSpace(p))
			}
			dropped[strings.Join(words, " ")] = true
			for _, line := range strings.Split(p, "\n") {
				dropped[strings.Join(Words(line), " ")] = true
			}
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "\n\n"), credits
}

// isBoilerplate tells whether paragraph p (words its words, i its index in
// n paragraphs) is boilerplate; first says no paragraph was kept before it.
func isBoilerplate(p string, words []string, i, n int, first bool, title string) bool {
	joined := strings.Join(words, " ")
	short := len(words) <= maxBoilerplateWords
	switch {
	case first && i < 3 && title != "" && isHeadline(joined, title):
		return true
	case tagList.MatchString(p):
		return true
	case short && creditLine.MatchString(p):
		return true
	case short && (promoAnywhere.MatchString(p) || labelStart.MatchString(p)):
		return true
	case len(words) <= 2*maxBoilerplateWords && promoStart.MatchString(p):
		return true
	case len(words) <= 12 && (isShareBar(words) || isTimestamp(p, words) || contactLine.MatchString(p)):
		return true
	case len(words) <= 8 && bylineLine.MatchString(p) && (first || i >= n-2):
		return true
	}
	return false
}

// isHeadline reports whether a paragraph is the page's title, or the
// title is the paragraph followed by the site's name ("Headline | Site").
func isHeadline(para, title string) bool {
	return para == title || len(para) >= 12 && strings.HasPrefix(title, para+" ")
}

func isShareBar(words []string) bool {
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
	}
	return true
}

// isTimestamp reports whether a paragraph is only a date and time,
// possibly with "updated"/"published" and a short byline: numbers, months,
// weekdays and zones make up nearly all of it, and something in it is
// surely a date or a time (a month, or 19.11.2019, or 10:43) rather than,
// say, a row of scores.
func isTimestamp(p string, words []string) bool {
	dateish, other, sure := 0, 0, dateOrTime.MatchString(p)
	for _, w := range words {
		switch {
		case isNumber(w):
			dateish++
		case storyclean.DateWord(w) || timestampJoiners[w]:
			dateish++
			_, month := newstext.MonthInAnyLanguage(w)
			sure = sure || month
		default:
			other++
		}
	}
	return sure && dateish >= 2 && other <= 2 && dateish > other
}

var dateOrTime = regexp.MustCompile(`\b(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2})\b`)

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
