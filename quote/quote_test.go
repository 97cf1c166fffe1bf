package quote

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
)

// article builds an article from text whose entity mentions are marked
// [[Name|TYPE]] (TYPE defaults to PERSON), the way the tagger would give
// them; the marks are removed from the text.
func article(title, marked string) *storyline.Article {
	re := regexp.MustCompile(`\[\[([^|\]]+)(?:\|([A-Z]+))?\]\]`)
	var b strings.Builder
	var ents []storyline.Mention
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(marked, -1) {
		b.WriteString(marked[last:m[0]])
		name := marked[m[2]:m[3]]
		typ := storyline.Person
		if m[4] >= 0 {
			typ = marked[m[4]:m[5]]
		}
		start := b.Len()
		b.WriteString(name)
		ents = append(ents, storyline.Mention{Type: typ, Text: name, Start: start, End: b.Len()})
		last = m[1]
	}
	b.WriteString(marked[last:])
	return &storyline.Article{ID: "t", Title: title, Text: b.String(), Entities: ents}
}

// cleanedArticle is article for raw text the pipeline would clean first:
// the cleaner reads the marked text (marks are words to it), then the
// marks are removed and the paragraphs' offsets follow.
func cleanedArticle(t testing.TB, title, marked string) *storyline.Article {
	t.Helper()
	c := clean.Text(marked, clean.Known{Title: title})
	a := article(title, c.Text)
	// at[i] is where byte i of the marked text stands once the marks go.
	at := make([]int, len(c.Text)+1)
	re := regexp.MustCompile(`\[\[([^|\]]+)(?:\|[A-Z]+)?\]\]`)
	removed, last := 0, 0
	for _, m := range re.FindAllStringSubmatchIndex(c.Text, -1) {
		for i := last; i < m[0]; i++ {
			at[i] = i - removed
		}
		for i := m[0]; i < m[1]; i++ {
			at[i] = m[0] - removed + max(0, min(i-m[0]-2, m[3]-m[2]))
		}
		removed += (m[1] - m[0]) - (m[3] - m[2])
		last = m[1]
	}
	for i := last; i <= len(c.Text); i++ {
		at[i] = i - removed
	}
	for _, p := range c.Paragraphs {
		a.Paragraphs = append(a.Paragraphs, storyline.Paragraph{Role: p.Role, Start: at[p.Start], End: at[p.End], Removed: p.Removed})
	}
	if a.Title == "" {
		a.Title = c.Title
	}
	return a
}

type want struct {
	text    string // the quote's words (a prefix is enough when it ends with "…")
	speaker string
	direct  bool
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		title   string
		text    string
		want    []want
		reject  []string // texts that must not be quotes
		cleaned bool     // the text goes through the cleaner first, as in the pipeline
	}{
		{
			name: "straight quotes, speaker after",
			text: `"We will not back down," [[John Smith]] said on Monday.`,
			want: []want{{"We will not back down", "John Smith", true}},
		},
		{
			name: "curly quotes, speaker before with colon",
			text: `[[Maria Lopez]] told reporters: “The deal is done and it will hold.”`,
			want: []want{{"The deal is done and it will hold.", "Maria Lopez", true}},
		},
		{
			name: "guillemets",
			text: `«Nous ne céderons pas sur ce point», a déclaré le ministre. [[Jean Dupont]] said «the talks will resume next week».`,
			want: []want{{"the talks will resume next week", "Jean Dupont", true}},
		},
		{
			name: "curly single quotes",
			text: `[[Ahmed Khan]] said: ‘Our position has not changed at all.’`,
			want: []want{{"Our position has not changed at all.", "Ahmed Khan", true}},
		},
		{
			name: "straight single quotes",
			text: `'This is a very serious matter for everyone,' [[Peter Jones]] said.`,
			want: []want{{"This is a very serious matter for everyone", "Peter Jones", true}},
		},
		{
			name: "inverted verb and speaker",
			text: `"There is no alternative to dialogue," said [[Olaf Berg]], the chancellor.`,
			want: []want{{"There is no alternative to dialogue", "Olaf Berg", true}},
		},
		{
			name: "quote spanning sentences, split around the attribution",
			text: `"The first round went well. We made progress," [[Anna Weber]] said. "But much remains to be done before we can sign."`,
			want: []want{
				{"The first round went well. We made progress", "Anna Weber", true},
				{"But much remains to be done before we can sign.", "Anna Weber", true},
			},
		},
		{
			name: "multi-paragraph quote reopened at each paragraph",
			text: "[[Li Wei]] said:\n\n\"We came here in good faith and we leave in good faith.\n\n\"Nothing has been agreed until everything is agreed.\"\n\nThe talks end on Friday.",
			want: []want{{"We came here in good faith and we leave in good faith. Nothing has been agreed until everything is agreed.", "Li Wei", true}},
		},
		{
			name: "hard-wrapped quote",
			text: "[[Karen Hall]] said the plan would \"help families who\nare struggling to pay their bills this winter.\"",
			want: []want{{"help families who are struggling to pay their bills this winter.", "Karen Hall", true}},
		},
		{
			name: "doubled and mismatched marks",
			text: "[[Ivan Petrov]] said the talks were \"\"useful and frank\" and that the sides would \"meet again soon,' he added.",
			want: []want{
				{"useful and frank", "Ivan Petrov", true},
				{"meet again soon", "Ivan Petrov", true},
			},
		},
		{
			name: "double quote closed by a single one before a new quote",
			text: `[[Ivan Petrov]] said it remains "a big open question' whether relations will "move forward at all."`,
			want: []want{
				{"a big open question", "Ivan Petrov", true},
				{"move forward at all.", "Ivan Petrov", true},
			},
		},
		{
			name: "partial quote in reported speech",
			text: `[[Sergei Orlov]] described the conversation as "difficult but businesslike".`,
			want: []want{{"difficult but businesslike", "Sergei Orlov", true}},
		},
		{
			name: "one-word quote attributed directly",
			text: `"Amazing," [[Sergei Orlov]] said after the meeting.`,
			want: []want{{"Amazing", "Sergei Orlov", true}},
		},
		{
			name:   "scare quotes around one word",
			text:   `The so-called "reset" failed, and the "experts" were wrong again.`,
			reject: []string{"reset", "experts"},
		},
		{
			name:   "scare quote inside reported speech",
			text:   `[[Ivan Petrov]] said the "approaches" of the two sides do not always match.`,
			want:   []want{{"the approaches of the two sides do not always match", "Ivan Petrov", false}},
			reject: []string{"approaches"},
		},
		{
			name: "indirect speech",
			text: `[[Ivan Petrov]] said the positions of Oslo and Stockholm do not always coincide.`,
			want: []want{{"the positions of Oslo and Stockholm do not always coincide", "Ivan Petrov", false}},
		},
		{
			name: "indirect speech with told and that",
			text: `[[Ivan Petrov]] told Russian news agencies on Tuesday that the meeting would take place in Vienna.`,
			want: []want{{"the meeting would take place in Vienna", "Ivan Petrov", false}},
		},
		{
			name: "according to",
			text: `The army has 100,000 troops near the border, according to [[Ann Lee]], the defence secretary.`,
			want: []want{{"The army has 100,000 troops near the border", "Ann Lee", false}},
		},
		{
			name: "pronoun resolved to the nearest person",
			text: `[[Bob Marsh]] arrived late. "We have a lot of work ahead of us," he said.`,
			want: []want{{"We have a lot of work ahead of us", "Bob Marsh", true}},
		},
		{
			name: "pronoun skips a person of the other gender",
			text: `[[Wendy Hart]] met [[Antony Blake]] in the morning. "Nothing was decided today," she told CNN.`,
			want: []want{{"Nothing was decided today", "Wendy Hart", true}},
		},
		{
			name: "surname resolved to the full name",
			text: `Talks were led by [[Sergei Orlov]]. "We are ready to continue," [[Orlov]] said.`,
			want: []want{{"We are ready to continue", "Sergei Orlov", true}},
		},
		{
			name: "description resolved to the nearest person",
			text: `[[Sergei Orlov]] arrived in the morning. The Russian diplomat stated that "the meeting was tense but productive."`,
			want: []want{{"the meeting was tense but productive.", "Sergei Orlov", true}},
		},
		{
			name: "organisation as speaker",
			text: `The [[Trade Ministry|ORG]] said both delegations wanted "to keep a frank and steady exchange".`,
			want: []want{{"to keep a frank and steady exchange", "Trade Ministry", true}},
		},
		{
			name: "organisation description tweeting",
			text: `In a post, the Norwegian diplomatic mission in [[Vienna|PLACE]] tweeted, "The negotiations will be hard and lengthy".`,
			want: []want{{"The negotiations will be hard and lengthy", "Norwegian diplomatic mission in Vienna", true}},
		},
		{
			name: "apposition between speaker and verb",
			text: `[[Bonnie Jones]], the under secretary for arms control, stressed that the meeting should result in "concrete steps".`,
			want: []want{{"concrete steps", "Bonnie Jones", true}},
		},
		{
			name: "a role tagged as an organisation in apposition",
			text: `[[Bonnie Jones]], [[US Undersecretary for Disarmament|ORG]], stressed that the meeting should result in "concrete steps".`,
			want: []want{{"concrete steps", "Bonnie Jones", true}},
		},
		{
			name: "unattributed quote continues the previous speaker",
			text: "\"We will launch the process,\" [[Ivan Petrov]] said.\n\n\"I would not raise the bar of expectations.\"",
			want: []want{
				{"We will launch the process", "Ivan Petrov", true},
				{"I would not raise the bar of expectations.", "Ivan Petrov", true},
			},
		},
		{
			name:   "titles of works",
			text:   `She read the book "War And Peace" twice, and the film "The Long Goodbye" once. He hummed the song "let it be" all day.`,
			reject: []string{"War And Peace", "The Long Goodbye", "let it be"},
		},
		{
			name:   "so-called label inside reported speech",
			text:   `[[Ivan Petrov]] said the so-called "peace process" had stalled for good.`,
			want:   []want{{"the so-called peace process had stalled for good", "Ivan Petrov", false}},
			reject: []string{"peace process"},
		},
		{
			name:   "title case label without attribution",
			text:   `The so-called "Northern Fisheries Forum" was set up in May.`,
			reject: []string{"Northern Fisheries Forum"},
		},
		{
			name:   "headline is never a quote",
			title:  "Oslo Hopes EU 'Sincere' in Seeking Deal",
			text:   "Oslo Hopes EU 'Sincere' in Seeking Deal\n\n[[Ivan Petrov]] said: \"We trust our neighbours are sincere on this.\"",
			want:   []want{{"We trust our neighbours are sincere on this.", "Ivan Petrov", true}},
			reject: []string{"Sincere"},
		},
		{
			name:  "a lead that starts like the title is kept",
			title: "Russians and Americans continued talks in Geneva",
			text:  `Russians and Americans continued talks in Geneva on Thursday, and "the mood was constructive," [[Ivan Petrov]] said.`,
			want:  []want{{"the mood was constructive", "Ivan Petrov", true}},
		},
		{
			name: "a short attributed quote without a full stop is no headline",
			text: "Talks began.\n\n\"Amazing,\" [[Sergei Orlov]] stated",
			want: []want{{"Amazing", "Sergei Orlov", true}},
		},
		{
			name:   "headline-like first line without title",
			text:   "Minister Says 'Peace Talks Will Resume Soon'\nThe minister spoke on Monday.",
			reject: []string{"Peace Talks Will Resume Soon"},
		},
		{
			name:   "crosshead with a colon is not a quote",
			text:   "Orlov: Talks were difficult but businesslike\n[[Orlov]] had commented on the talks earlier.",
			reject: []string{"Talks were difficult but businesslike"},
		},
		{
			name: "boilerplate after the article",
			text: "[[Ivan Petrov]] left the talks early on Friday, after a long night of argument over the harbour fees.\n\n" +
				"Officials on both sides said the next round would take place in the spring, once the auditors had reported.\n\n" +
				"Related\n\nBy Kevin Zhang \"We will win this,\" said [[John Smith]] …\n\nLeave a Reply",
			reject:  []string{"We will win this"},
			cleaned: true,
		},
		{
			name:   "apostrophes are not quote marks",
			text:   `Russia’s envoy and the countries' leaders didn't meet. It's the envoys’ view.`,
			reject: []string{"s envoy and the countries"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.title, tc.text)
			if tc.cleaned {
				a = cleanedArticle(t, tc.title, tc.text)
			}
			if err := Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				var hit *storyline.QuoteMention
				for i, q := range a.Quotes {
					if q.Text == w.text || strings.HasSuffix(w.text, "…") && strings.HasPrefix(q.Text, strings.TrimSuffix(w.text, "…")) {
						hit = &a.Quotes[i]
					}
				}
				if hit == nil {
					t.Errorf("no quote %q; got %s", w.text, dump(a.Quotes))
					continue
				}
				if hit.SpeakerName != w.speaker {
					t.Errorf("%q: speaker %q, want %q", w.text, hit.SpeakerName, w.speaker)
				}
				if hit.Direct != w.direct {
					t.Errorf("%q: direct %v, want %v", w.text, hit.Direct, w.direct)
				}
			}
			for _, r := range tc.reject {
				for _, q := range a.Quotes {
					if q.Direct && strings.Contains(q.Text, r) {
						t.Errorf("%q must not be a quote; got %s", r, dump(a.Quotes))
					}
				}
			}
			checkOffsets(t, a)
		})
	}
}

func dump(qs []storyline.QuoteMention) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n\t")
		if !q.Direct {
			b.WriteString("(indirect) ")
		}
		b.WriteString(q.SpeakerName + ": " + q.Text)
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func checkOffsets(t testing.TB, a *storyline.Article) {
	t.Helper()
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > len(a.Text) || q.Start >= q.End {
			t.Fatalf("quote %q: bad offsets [%d:%d] in %d bytes", q.Text, q.Start, q.End, len(a.Text))
		}
		if splitsRune(a.Text, q.Start) || splitsRune(a.Text, q.End) {
			t.Fatalf("quote %q: offsets [%d:%d] split a character", q.Text, q.Start, q.End)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"We’re about to test it.", "we are about to test it"},
		{"“There’s a path,” he said", "there is a path he said"},
		{"Putin’s prepared", "putin prepared"},
		{"DON'T  stop", "do not stop"},
		{"Élysée — «ça va»", "elysee ca va"},
		{"", ""},
		{"A long-term plan for the U.S.-Russia talks... maybe", "a long term plan for the u s russia talks maybe"},
		{"3.5 per cent - no more", "3 5 per cent no more"},
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Dots and hyphens become spaces byte for byte, as a Replacer of the
	// two makes them, whatever else the text holds.
	r := strings.NewReplacer(".", " ", "-", " ")
	for _, s := range []string{"", "a.b-c", "...", "no marks", "x\xff.-\xe2\x80\x94y", "—.–-"} {
		if got, want := spaceDotsAndHyphens(s), r.Replace(s); got != want {
			t.Errorf("spaceDotsAndHyphens(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestMerge(t *testing.T) {
	mk := func(id, pub, text, speaker, name string) *storyline.Article {
		return &storyline.Article{ID: id, Published: pub, Text: text,
			Entities: []storyline.Mention{{Entity: speaker, Name: name, Type: storyline.Person, Text: name, Start: 0, End: len(name)}},
			Quotes:   []storyline.QuoteMention{{Text: text, SpeakerName: name, Direct: true, Start: 0, End: len(text)}}}
	}
	tests := []struct {
		name     string
		articles []*storyline.Article
		groups   int
	}{
		{"contractions and a word of difference", []*storyline.Article{
			mk("b", "2022-01-10", "We’re about to find out which road the council’s ready to choose.", "e1", "Antony Blinken"),
			mk("a", "2022-01-10", "The other road is delay. We are about to find out which road the council is ready to choose.", "e1", "Antony Blinken"),
		}, 1},
		{"short quote inside a longer one", []*storyline.Article{
			mk("a", "2022-01-10", "tough but fair", "e2", "Sergei Ryabkov"),
			mk("b", "2022-01-11", "the session was tough but fair, we got right to the point", "e2", "Sergei Ryabkov"),
		}, 1},
		{"an ellipsis leaves out the middle", []*storyline.Article{
			mk("a", "2022-01-10", "We will not accept any of these demands, which are unacceptable to us and to our allies in the region, and we will defend our interests by every means.", "e1", "Antony Blinken"),
			mk("b", "2022-01-11", "We will not accept any of these demands ... and we will defend our interests by every means.", "e1", "Antony Blinken"),
		}, 1},
		{"two quotes of one outlet inside one of another", []*storyline.Article{
			mk("a", "2022-01-10", "There are two paths before us. One is dialogue and diplomacy to resolve the differences.", "e1", "Antony Blinken"),
			mk("b", "2022-01-11", "One is dialogue and diplomacy to resolve the differences", "e1", "Antony Blinken"),
		}, 1},
		{"same words, different speakers", []*storyline.Article{
			mk("a", "2022-01-10", "we will never accept these demands from anyone", "e1", "Antony Blinken"),
			mk("b", "2022-01-10", "we will never accept these demands from anyone", "e2", "Sergei Ryabkov"),
		}, 2},
		{"different words", []*storyline.Article{
			mk("a", "2022-01-10", "the talks were useful and we will meet again", "e1", "Antony Blinken"),
			mk("b", "2022-01-10", "nothing was agreed and nothing will be agreed soon", "e1", "Antony Blinken"),
		}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs := Merge(tc.articles, nil)
			if len(qs) != tc.groups {
				t.Fatalf("%d quotes, want %d: %+v", len(qs), tc.groups, qs)
			}
			if tc.groups == 1 && strings.Join(qs[0].Articles, ",") != "a,b" {
				t.Errorf("articles %v, want [a b]", qs[0].Articles)
			}
			// Stable across input order.
			rev := []*storyline.Article{tc.articles[1], tc.articles[0]}
			qs2 := Merge(rev, nil)
			for i := range qs {
				if qs[i].ID != qs2[i].ID || qs[i].Text != qs2[i].Text {
					t.Errorf("order changes quote %d: %+v vs %+v", i, qs[i], qs2[i])
				}
			}
			for _, a := range tc.articles {
				for _, q := range a.Quotes {
					if q.Quote == "" || q.Speaker == "" {
						t.Errorf("%s: quote mention not linked: %+v", a.ID, q)
					}
				}
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will not back down," John Smith said.`,
		"He said \"\"approaches\" and \"a big\nquestion' if «x» ‘y’ '",
		"\"\n\n\"\n\"", "«»“”‘’'\"", "\xff\xfe\"abc\"", "Title Case Line\n\nBody \"quote here now\" said Bob.",
	} {
		f.Add(s)
	}
	capital := regexp.MustCompile(`\b[A-Z][a-z]+\b`)
	f.Fuzz(func(t *testing.T, s string) {
		a := &storyline.Article{ID: "f", Text: s, Title: "Title Case Line"}
		// A crude mention on every capitalised word, so attribution runs.
		for _, loc := range capital.FindAllStringIndex(s, 20) {
			a.Entities = append(a.Entities, storyline.Mention{Type: storyline.Person, Text: s[loc[0]:loc[1]], Start: loc[0], End: loc[1]})
		}
		if err := Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, a)
		Merge([]*storyline.Article{a}, nil)
	})
}

// splitsRune: offset i falls inside a valid multi-byte character.
func splitsRune(s string, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		if (r != utf8.RuneError || n > 1) && n > 1 && j+n > i {
			return true
		}
	}
	return false
}

// TestHugeInput: megabytes without a full stop, thousands of names and
// quote marks, must go through (in linear time: the test would crawl
// otherwise).
func TestHugeInput(t *testing.T) {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(`[[Ivan Petrov]] said he told "them the things" and 'so' Petrov says she «added» `)
	}
	a := article("", b.String())
	if err := Analyzer().Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a)
	Merge([]*storyline.Article{a}, nil)
	if len(a.Quotes) == 0 {
		t.Error("no quotes in a text full of them")
	}
}

// TestWithoutMentions: an article the tagger has not seen still gets
// speakers, from capitalised names.
func TestWithoutMentions(t *testing.T) {
	a := &storyline.Article{ID: "n", Text: `Talks ended on Friday. "We will win this round," John Smith said. Later the Foreign Ministry said "the door remains open to everyone".`}
	if err := Analyzer().Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"We will win this round": "John Smith", "the door remains open to everyone": "Foreign Ministry"}
	for _, q := range a.Quotes {
		if w, ok := want[q.Text]; ok {
			if q.SpeakerName != w {
				t.Errorf("%q: speaker %q, want %q", q.Text, q.SpeakerName, w)
			}
			delete(want, q.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v; got %s", want, dump(a.Quotes))
	}
}
