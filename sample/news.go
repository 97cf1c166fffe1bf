package sample

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// NewsConfig shapes a News stream.
type NewsConfig struct {
	Seed           uint64
	ArticlesPerDay int       // 0: 2,000
	Start          time.Time // zero: 2024-01-01
}

// News is an endless, deterministic stream of invented news articles in
// the shape of a real feed over months, for the benchmarks that grow a
// store: thousands of people, organisations and places; events of many
// kinds, each reported by a few to a few dozen outlets, some word for word
// (syndicated copies) or nearly so; same-kind events in other places on
// other days; stories whose cast meets again over weeks; a large
// vocabulary with the frequencies of real text; quotes that outlets share.
// The same config gives the same articles in the same order, so the
// articles after the first N can be had again without storing them.
type News struct {
	r       *rand.Rand
	cfg     NewsConfig
	w       *newsWorld
	day     int
	queue   []Generated // today's articles, in publication order
	n       int         // articles emitted
	events  int
	stories int
	live    []*newsStory
}

// newsWorld is the cast and the vocabulary.
type newsWorld struct {
	people, orgs, places, outlets []string
	kinds                         []newsKind
	words                         []string // general vocabulary, most frequent first
	zipf                          *rand.Zipf
	// Places, organisations and people recur with the skew of real news:
	// a few (a capital, a government, a president) in many unrelated
	// events, most in a handful.
	placeZipf, orgZipf, personZipf *rand.Zipf
}

type newsKind struct {
	noun, verb string
	words      []string // what reports of this kind talk about
}

type newsStory struct {
	id        int
	kind      int
	cast      []int // people
	org       int
	place     int
	nextDay   int
	left      int // events still to come
	lastEvent *newsEvent
}

type newsEvent struct {
	id        int
	kind      int
	story     *newsStory
	cast      []int
	org       int
	place     int
	day       int
	specifics []string // rare words only this event's reports use
	numbers   []int
	quotes    []string
	previous  *newsEvent // the story's event before this one
}

const (
	newsPeople  = 6000
	newsOrgs    = 1500
	newsPlaces  = 900
	newsOutlets = 60
	newsKinds   = 80
	newsWords   = 30000
)

var newsSyllables = []string{"ba", "ko", "ri", "ta", "len", "mo", "su", "vi", "dar", "ne", "pol", "ka", "ti", "ros", "mi", "lu", "ger", "sa", "fon", "de", "ha", "zel", "or", "an", "bri", "cu", "em", "fa", "gol", "in", "jo", "ul", "ves", "wa", "yor", "qui", "ste", "pra", "nik", "tor"}

// newsWord is the pseudo-word number i (distinct for distinct i).
func newsWord(i int) string {
	var b strings.Builder
	for n := i; ; n = n/len(newsSyllables) - 1 {
		b.WriteString(newsSyllables[n%len(newsSyllables)])
		if n < len(newsSyllables) {
			break
		}
	}
	if b.Len() < 4 {
		b.WriteString("an")
	}
	return b.String()
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func newNewsWorld(r *rand.Rand) *newsWorld {
	w := &newsWorld{}
	firsts := append(append([]string{}, firstNames...), "Marta", "Daniel", "Aisha", "Peter", "Yuki", "Carlos", "Elena", "Samuel", "Hana", "Igor", "Lucia", "Mateo", "Zara", "Felix", "Ruth", "Oskar", "Nina", "Tariq", "Greta", "Luis")
	for i := range newsPeople {
		w.people = append(w.people, firsts[r.IntN(len(firsts))]+" "+title(newsWord(2000+i*3)))
	}
	orgWords := []string{"Council", "Agency", "Ministry", "Union", "Institute", "Bank", "Party", "Court", "Authority", "Group", "Foundation", "Company"}
	for i := range newsOrgs {
		w.orgs = append(w.orgs, title(newsWord(40000+i))+" "+orgWords[i%len(orgWords)])
	}
	for i := range newsPlaces {
		w.places = append(w.places, title(newsWord(60000+i)))
	}
	for i := range newsOutlets {
		w.outlets = append(w.outlets, "The "+title(newsWord(70000+i))+" "+[]string{"Times", "Post", "Herald", "Courier", "Daily", "Wire"}[i%6])
	}
	for k := range newsKinds {
		kind := newsKind{noun: newsWord(80000 + k*40), verb: newsWord(80001+k*40) + "ed"}
		for j := range 25 {
			kind.words = append(kind.words, newsWord(80002+k*40+j))
		}
		w.kinds = append(w.kinds, kind)
	}
	for i := range newsWords {
		w.words = append(w.words, newsWord(100+i))
	}
	w.zipf = rand.NewZipf(r, 1.07, 3, newsWords-1)
	w.placeZipf = rand.NewZipf(r, 1.2, 2, newsPlaces-1)
	w.orgZipf = rand.NewZipf(r, 1.2, 2, newsOrgs-1)
	w.personZipf = rand.NewZipf(r, 1.3, 2, newsPeople-1)
	return w
}

// NewNews starts a stream.
func NewNews(cfg NewsConfig) *News {
	if cfg.ArticlesPerDay <= 0 {
		cfg.ArticlesPerDay = 2000
	}
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x6e657773))
	return &News{r: r, cfg: cfg, w: newNewsWorld(r), day: -1}
}

// Next is the stream's next article.
func (s *News) Next() Generated {
	for len(s.queue) == 0 {
		s.day++
		s.planDay()
	}
	g := s.queue[0]
	s.queue = s.queue[1:]
	s.n++
	return g
}

// Skip drops n articles (the ones a store already holds).
func (s *News) Skip(n int) {
	for range n {
		s.Next()
	}
}

// planDay makes the day's events and their reports.
func (s *News) planDay() {
	r := s.r
	budget := s.cfg.ArticlesPerDay
	var day []Generated
	for budget > 0 {
		e := s.newEvent()
		reports := 1 + int(rand.NewZipf(r, 1.4, 2, 40).Uint64())
		reports = min(reports, budget)
		budget -= reports
		var written []Generated
		for k := range reports {
			var g Generated
			switch {
			case k > 0 && r.IntN(100) < 15: // a wire story carried as it is
				g = written[r.IntN(len(written))]
				g.Outlet = s.w.outlets[r.IntN(newsOutlets)]
			case k > 0 && r.IntN(100) < 6: // a copy with its lead rewritten
				g = written[r.IntN(len(written))]
				g.Outlet = s.w.outlets[r.IntN(newsOutlets)]
				if i := strings.Index(g.Text, "\n\n"); i > 0 {
					g.Text = s.lead(e) + g.Text[i:]
				}
			default:
				g = s.report(e)
			}
			pub := s.cfg.Start.AddDate(0, 0, e.day+min(k/4, 2))
			g.Published = pub.Format(time.DateOnly)
			g.Event = e.id
			if e.story != nil {
				g.Story = e.story.id
			}
			written = append(written, g)
		}
		day = append(day, written...)
	}
	r.Shuffle(len(day), func(i, j int) { day[i], day[j] = day[j], day[i] })
	for i := range day {
		day[i].ID = fmt.Sprintf("news-%08d", s.n+len(s.queue)+i)
	}
	s.queue = append(s.queue, day...)
}

// newEvent is the next event: a story's next meeting (four in ten) or a
// happening of its own.
func (s *News) newEvent() *newsEvent {
	r := s.r
	s.events++
	e := &newsEvent{id: s.events, day: s.day}
	var st *newsStory
	for i, c := range s.live {
		if c.nextDay <= s.day {
			st = c
			c.left--
			c.nextDay = s.day + 3 + r.IntN(8)
			if c.left <= 0 {
				s.live = append(s.live[:i], s.live[i+1:]...)
			}
			break
		}
	}
	if st == nil && r.IntN(10) < 4 {
		s.stories++
		st = &newsStory{id: s.stories, kind: r.IntN(newsKinds), org: s.org(), place: s.place(), nextDay: s.day + 3 + r.IntN(8), left: 1 + r.IntN(6)}
		st.cast = s.cast()
		s.live = append(s.live, st)
	}
	if st != nil {
		e.story, e.kind, e.cast, e.org = st, st.kind, st.cast, st.org
		e.place = st.place
		if r.IntN(3) == 0 {
			e.place = s.place() // the talks move
		}
		e.previous = st.lastEvent
		st.lastEvent = e
	} else {
		e.kind, e.org, e.place = r.IntN(newsKinds), s.org(), s.place()
		e.cast = s.cast()
	}
	for range 3 + r.IntN(4) {
		e.specifics = append(e.specifics, newsWord(200000+r.IntN(2000000)))
	}
	for range 2 {
		e.numbers = append(e.numbers, 2+r.IntN(5000))
	}
	for range 3 {
		e.quotes = append(e.quotes, s.sentence(e, 9+r.IntN(10)))
	}
	return e
}

func (s *News) general() string { return s.w.words[s.w.zipf.Uint64()] }

func (s *News) place() int { return int(s.w.placeZipf.Uint64()) }
func (s *News) org() int   { return int(s.w.orgZipf.Uint64()) }

// cast is two to four people; one event in three has a figure who is in
// the news every week (a president, a minister) among them.
func (s *News) cast() []int {
	r := s.r
	var cast []int
	for range 2 + r.IntN(3) {
		cast = append(cast, r.IntN(newsPeople))
	}
	if r.IntN(3) == 0 {
		cast[len(cast)-1] = int(s.w.personZipf.Uint64())
	}
	return cast
}

// sentence is n words of mostly common vocabulary with the event's kind
// and specific words mixed in.
func (s *News) sentence(e *newsEvent, n int) string {
	r := s.r
	words := make([]string, n)
	k := s.w.kinds[e.kind]
	for i := range words {
		switch x := r.IntN(20); {
		case x < 3:
			words[i] = k.words[r.IntN(len(k.words))]
		case x < 4:
			words[i] = e.specifics[r.IntN(len(e.specifics))]
		default:
			words[i] = s.general()
		}
	}
	return strings.Join(words, " ")
}

func (s *News) person(i int) string { return s.w.people[i] }

func surnameOf(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

func (s *News) weekday(e *newsEvent) string {
	return s.cfg.Start.AddDate(0, 0, e.day).Weekday().String()
}

// lead is a report's first paragraph: who did what where, and when.
func (s *News) lead(e *newsEvent) string {
	r, w := s.r, s.w
	k := w.kinds[e.kind]
	place := w.places[e.place]
	return fmt.Sprintf("%s (%s) - %s and %s %s the %s %s in %s on %s, %s said.",
		strings.ToUpper(place), w.outlets[r.IntN(newsOutlets)], s.person(e.cast[0]), s.person(e.cast[1]), k.verb, k.noun,
		e.specifics[0], place, s.weekday(e), w.orgs[e.org])
}

// report writes one outlet's report of an event.
func (s *News) report(e *newsEvent) Generated {
	r, w := s.r, s.w
	k := w.kinds[e.kind]
	var b strings.Builder
	b.WriteString(s.lead(e))
	b.WriteString("\n\n")
	for i := range 6 + r.IntN(8) {
		switch r.IntN(7) {
		case 0, 1:
			b.WriteString(title(s.sentence(e, 10+r.IntN(14))) + ".")
		case 2:
			who := e.cast[r.IntN(len(e.cast))]
			fmt.Fprintf(&b, "\"%s,\" %s said.", title(e.quotes[r.IntN(len(e.quotes))]), surnameOf(s.person(who)))
		case 3:
			fmt.Fprintf(&b, "The %s said %d %s and %d %s were involved.", w.orgs[e.org], e.numbers[0], k.words[r.IntN(len(k.words))], e.numbers[1], s.general()+"s")
		case 4:
			if e.previous != nil {
				prev := s.cfg.Start.AddDate(0, 0, e.previous.day).Format("January 2")
				fmt.Fprintf(&b, "It follows the %s in %s on %s, where %s %s.", k.noun, w.places[e.previous.place], prev, s.person(e.cast[0]), s.sentence(e, 6))
			} else {
				b.WriteString(title(s.sentence(e, 8+r.IntN(10))) + ".")
			}
		case 5:
			who := e.cast[len(e.cast)-1]
			fmt.Fprintf(&b, "%s, who leads the %s, said %s.", s.person(who), w.orgs[s.org()], s.sentence(e, 7+r.IntN(8)))
		default:
			fmt.Fprintf(&b, "%s %s in %s %s.", title(s.general()), s.general(), w.places[s.place()], s.sentence(e, 5+r.IntN(6)))
		}
		if i%2 == 1 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return Generated{
		Title:  fmt.Sprintf("%s %s %s in %s", s.person(e.cast[0]), k.verb, k.noun+" "+e.specifics[0], w.places[e.place]),
		Text:   strings.TrimSpace(b.String()),
		Outlet: w.outlets[r.IntN(newsOutlets)],
	}
}

// WriteNews writes the stream's next n articles as JSON Lines.
func (s *News) WriteNews(w io.Writer, n int) error {
	enc := json.NewEncoder(w)
	for range n {
		if err := enc.Encode(s.Next()); err != nil {
			return fmt.Errorf("sample: news: %w", err)
		}
	}
	return nil
}
