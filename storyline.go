// Package storyline holds the domain types that every stage of the news-event
// engine passes along: articles and what is found in them (entity mentions,
// time expressions, quotes), and what is built across articles (entities,
// events, stories, quotes carried by several outlets).
//
// The capabilities live in their own packages, in the order data flows:
// source (read inputs) → extract / clean (body and metadata) → ner, timex,
// quote (per-article analysis) → entity (resolution across articles) →
// cluster (events and stories) → store (persistence) → export, server.
package storyline

import "context"

// Entity and mention types, as the batch contract names them.
const (
	Person = "PERSON"
	Org    = "ORG"
	Place  = "PLACE"
	Other  = "OTHER"
)

// Where an article's publication date came from (contract: published_from).
const (
	FromMeta = "meta"
	FromHTML = "html"
	FromFeed = "feed"
	FromText = "text"
)

// Article is one news report: its cleaned body, its metadata and what the
// per-article analysis found in it. Offsets of mentions are byte offsets into
// Text.
type Article struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Byline        string   `json:"byline"`
	Outlet        string   `json:"outlet"`
	Credits       []string `json:"credits"`
	Lang          string   `json:"lang"`
	Published     string   `json:"published"` // YYYY-MM-DD or RFC 3339; "" when unknown
	PublishedFrom string   `json:"published_from"`
	Text          string   `json:"text"`

	// Paragraphs are the article as the cleaner read it, in reading
	// order, each with its role: the body's paragraphs are spans of Text,
	// and what the cleaner took out of the body (the headline, the byline,
	// furniture) keeps its own words. Nil for an article no cleaner read:
	// then all of Text is body.
	Paragraphs []Paragraph `json:"paragraphs,omitempty"`
	// Dateline place ("GENEVA (AFP) -" → Geneva), when the text has one.
	Dateline string `json:"dateline,omitempty"`
	// EventDate is the date the lead reports (TIMEX3 value), set by timex.
	EventDate string `json:"event_date,omitempty"`

	Entities []Mention      `json:"entities"`
	Timexes  []TimeExpr     `json:"timexes"`
	Quotes   []QuoteMention `json:"quotes"`
	Event    string         `json:"event"`
}

// ArticleSummary is what a list shows of an article: every field of
// Article but its text and what analysis found in it (paragraphs,
// mentions, time expressions, quotes), and the start of its text instead.
// The JSON names are Article's.
type ArticleSummary struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Byline        string   `json:"byline"`
	Outlet        string   `json:"outlet"`
	Credits       []string `json:"credits"`
	Lang          string   `json:"lang"`
	Published     string   `json:"published"`
	PublishedFrom string   `json:"published_from"`
	Dateline      string   `json:"dateline,omitempty"`
	EventDate     string   `json:"event_date,omitempty"`
	Event         string   `json:"event"`
	// Excerpt is the first ExcerptRunes characters of Text.
	Excerpt string `json:"excerpt"`
}

// ExcerptRunes is how many characters of an article's text its summary
// keeps. Stores fill summaries of articles written before they kept them
// with the same number in SQL.
const ExcerptRunes = 200

// Summary is the article as a list shows it.
func (a *Article) Summary() ArticleSummary {
	excerpt, n := a.Text, 0
	for i := range a.Text {
		if n == ExcerptRunes {
			excerpt = a.Text[:i]
			break
		}
		n++
	}
	return ArticleSummary{ID: a.ID, URL: a.URL, Title: a.Title, Byline: a.Byline, Outlet: a.Outlet, Credits: a.Credits, Lang: a.Lang,
		Published: a.Published, PublishedFrom: a.PublishedFrom, Dateline: a.Dateline, EventDate: a.EventDate, Event: a.Event, Excerpt: excerpt}
}

// Role is what a paragraph of an article is for. The cleaner tells the
// report from what a page puts around it once; later stages read the role
// instead of guessing again.
type Role string

// The roles, a closed set.
const (
	// RoleHeadline is the article's headline, or a line repeating it.
	RoleHeadline Role = "headline"
	// RoleStandfirst is the summary under a headline, before the report.
	RoleStandfirst Role = "standfirst"
	// RoleBody is the report itself.
	RoleBody Role = "body"
	// RoleCrosshead is a heading inside the report ("Swiss partnership").
	RoleCrosshead Role = "crosshead"
	// RoleCaption describes a picture: often of another day and place.
	RoleCaption Role = "caption"
	// RoleDateline says where and when the report was filed: "GENEVA
	// (Reuters) -" at the head of the lead, or a line of its own
	// ("WASHINGTON, DC, April 28, 2009", "Published: March 3, 2023").
	RoleDateline Role = "dateline"
	// RoleByline names the authors.
	RoleByline Role = "byline"
	// RoleCredit names an agency or the owner of a picture or of the text.
	RoleCredit Role = "credit"
	// RoleFurniture is the page's, not the report's: navigation, sharing,
	// advertising, related stories, comment forms.
	RoleFurniture Role = "furniture"
)

// Roles lists every role.
func Roles() []Role {
	return []Role{RoleHeadline, RoleStandfirst, RoleBody, RoleCrosshead, RoleCaption, RoleDateline, RoleByline, RoleCredit, RoleFurniture}
}

// Prose reports the roles whose words are the report's own: what a reader
// of the story reads as the story.
func (r Role) Prose() bool { return r == RoleBody || r == RoleStandfirst }

// Paragraph is one paragraph (or the dateline at the head of one) of an
// article, with its role.
type Paragraph struct {
	Role Role `json:"role"`
	// Start and End are byte offsets into the article's Text. A paragraph
	// the cleaner took out of Text has Start == End: the place in Text
	// where it stood.
	Start int `json:"start"`
	End   int `json:"end"`
	// Removed holds the words of a paragraph taken out of Text ("By Jane
	// Doe, Reuters"), as they stood.
	Removed string `json:"removed,omitempty"`
}

// InText reports whether the paragraph is part of the article's Text.
func (p Paragraph) InText() bool { return p.End > p.Start }

// ParagraphAt is the paragraph of Text that holds byte offset i: for an
// article no cleaner read, all of Text as one body paragraph; false
// between paragraphs and outside Text.
func (a *Article) ParagraphAt(i int) (Paragraph, bool) {
	if i < 0 || i >= len(a.Text) {
		return Paragraph{}, false
	}
	if a.Paragraphs == nil {
		return Paragraph{Role: RoleBody, Start: 0, End: len(a.Text)}, true
	}
	// The last paragraph starting at or before i.
	lo, hi := 0, len(a.Paragraphs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a.Paragraphs[m].Start <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for k := lo - 1; k >= 0; k-- {
		if p := a.Paragraphs[k]; p.InText() {
			return p, i < p.End
		}
	}
	return Paragraph{}, false
}

// RoleAt is the role of the paragraph of Text that holds byte offset i,
// RoleBody between paragraphs.
func (a *Article) RoleAt(i int) Role {
	if p, ok := a.ParagraphAt(i); ok {
		return p.Role
	}
	return RoleBody
}

// Mention is one occurrence of an entity in an article's text.
type Mention struct {
	Entity string `json:"entity"` // id in the corpus' entity list; "" before resolution
	Name   string `json:"name"`   // canonical name of the entity
	Type   string `json:"type"`
	Text   string `json:"text"` // surface form
	Start  int    `json:"start"`
	End    int    `json:"end"`
	// Role is a title or apposition attached to this mention
	// ("Deputy Foreign Minister"), if any.
	Role string `json:"role,omitempty"`
}

// TimeExpr is a time expression and its TIMEX3 value ("" when it cannot be
// resolved, e.g. a weekday in an undated article).
type TimeExpr struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"` // DATE, TIME, DURATION, SET
	Value string `json:"value"`
	// Anchor is the date a duration points at, in TIMEX3 form, when the
	// expression places something in time: "in three weeks" (P3W) is the
	// week three weeks after the publication date, "two days later" (P2D)
	// the day two days after the day under discussion. Empty otherwise; a
	// DATE's value is its own anchor.
	Anchor string `json:"anchor,omitempty"`
}

// QuoteMention is one quotation inside one article.
type QuoteMention struct {
	Quote       string `json:"quote"` // id in the corpus' quote list
	Text        string `json:"text"`
	Speaker     string `json:"speaker"` // entity id, or "" when unresolved
	SpeakerName string `json:"speaker_name"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Direct      bool   `json:"direct"`
}

// Entity is a person, organisation or place, however the outlets spell it.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	Articles []string `json:"articles"`
	// ArticleCount is how many articles name it; readers of a large store
	// get a page of Articles (the export gets them all).
	ArticleCount int `json:"article_count,omitempty"`
}

// Quote is one statement, with every article that carries it.
type Quote struct {
	ID          string   `json:"id"`
	Speaker     string   `json:"speaker"`
	SpeakerName string   `json:"speaker_name"`
	Text        string   `json:"text"`
	Articles    []string `json:"articles"`
}

// Verdict says whether the sources of an event state a fact alike.
type Verdict string

// The verdicts, a closed set.
const (
	Agree    Verdict = "agree"
	Disagree Verdict = "disagree"
)

// Fact is a statement the sources make about an event (start time, venue,
// a number), compared across articles after normalisation.
type Fact struct {
	Kind     string            `json:"kind"`  // "start", "venue", "number"...
	Value    string            `json:"value"` // normalised value, the majority one
	Verdict  Verdict           `json:"verdict"`
	Values   map[string]string `json:"values"` // article id → what it says
	Articles []string          `json:"articles"`
}

// Event is a real-world happening and the articles that report it.
type Event struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Date     string   `json:"date"` // YYYY-MM-DD or ""
	Place    string   `json:"place"`
	Summary  string   `json:"summary"`
	Articles []string `json:"articles"`
	Entities []string `json:"entities"` // most central first
	Story    string   `json:"story"`
	Facts    []Fact   `json:"facts,omitempty"`
}

// TimelineEntry is one dated happening on a story's timeline: one of the
// story's events, or an earlier or later happening its articles mention.
type TimelineEntry struct {
	Date     string   `json:"date"`
	What     string   `json:"what"`
	Event    string   `json:"event,omitempty"`
	Articles []string `json:"articles"`
}

// Story is a chain of events that belong together.
type Story struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	Events   []string        `json:"events"` // oldest first
	Timeline []TimelineEntry `json:"timeline"`
	// First and Last are its first and last events' dates, ArticleCount
	// the articles its events hold (set by the store).
	First        string `json:"first,omitempty"`
	Last         string `json:"last,omitempty"`
	ArticleCount int    `json:"article_count,omitempty"`
}

// Analyzer is one per-article analysis stage (entity tagging, time
// expressions, quotes...). Stages are independent of each other's order
// unless they document otherwise, so a pipeline is just a slice of them.
type Analyzer interface {
	Analyze(ctx context.Context, a *Article) error
}

// AnalyzerFunc adapts a function to the Analyzer interface.
type AnalyzerFunc func(ctx context.Context, a *Article) error

// Analyze calls f.
func (f AnalyzerFunc) Analyze(ctx context.Context, a *Article) error { return f(ctx, a) }

// Corpus is everything built across articles: the input of export and of the
// server's pages.
type Corpus struct {
	Articles []*Article
	Entities []Entity
	Quotes   []Quote
	Events   []Event
	Stories  []Story
}
