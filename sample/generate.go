package sample

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Generated is one generated article in the JSON Lines input form.
type Generated struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
	// Event and Story are the truth the News stream wrote the article
	// from (0: none); they are not part of the input.
	Event int `json:"-"`
	Story int `json:"-"`
}

// Generate writes n invented news articles as JSON Lines, for throughput
// benchmarks: English sentences with people, organisations, places, dates,
// times and quotes, grouped into events (several outlets each, some
// syndicated word for word) that recur as same-kind events over months.
// The same seed gives the same corpus.
func Generate(w io.Writer, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 0x6e657773))
	enc := json.NewEncoder(w)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; {
		ev := newEvent(r, day)
		day = day.Add(time.Duration(r.IntN(20)) * time.Hour)
		reports := 2 + r.IntN(6)
		var last Generated
		for k := 0; k < reports && i < n; k++ {
			g := ev.report(r, i)
			if k > 0 && r.IntN(5) == 0 { // a syndicated copy
				g.Text, g.Title = last.Text, last.Title
			}
			if err := enc.Encode(g); err != nil {
				return fmt.Errorf("sample: generate: %w", err)
			}
			last = g
			i++
		}
	}
	return nil
}

var (
	firstNames = []string{"Anna", "Pavel", "Maren", "Tomas", "Ilse", "Lev", "Clara", "Omar", "Ines", "Yusuf", "Mei", "Rafael", "Sofia", "Jonas", "Amara", "Viktor", "Leila", "Henrik", "Nadia", "Kwame"}
	surnames   = []string{"Orlovsky", "Holt", "Brandt", "Mendel", "Varga", "Reyes", "Petrov", "Mirek", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Nascimento", "Adeyemi", "Castell", "Fischer", "Rahimi", "Sorensen"}
	countries  = []string{"Estavia", "Norland", "Valmora", "Kestria", "Ardenia", "Solvara", "Drevia", "Marvelle"}
	cities     = []string{"Lindmark", "Tarsen", "Port Ellis", "Brennick", "Sollum", "Carvaro", "Oskar", "Velden", "Raskin", "Meridia"}
	orgs       = []string{"Water Ministry", "Seismic Institute", "Central Bank", "Harbour Authority", "Farmers Union", "Energy Agency", "Supreme Court", "Rail Company"}
	outlets    = []string{"Meridian Wire", "Estavia Today", "Norland Post", "Lindmark Courier", "The Valmora Times", "Kestria Daily"}
	roles      = []string{"Deputy Foreign Minister", "Finance Minister", "special envoy", "spokeswoman", "Mayor", "chief negotiator", "President"}
	kinds      = []string{"talks on water sharing", "a summit on energy prices", "negotiations over a rail link", "a meeting on fishing quotas", "a conference on drought relief"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	verbs      = []string{"said", "told reporters", "added", "stressed", "warned"}
	clauses    = []string{"the two sides were closer than ever", "no agreement would be signed this week", "experts would meet again next month", "the talks had been difficult but useful", "the government would publish its plan in the spring", "farmers needed an answer before the summer", "prices had risen by 12 percent since last year"}
	quotes     = []string{"We came to listen, and we came to find a fair share", "Nobody wants to leave this table empty-handed", "The next round will decide whether this process has a future", "We are not there yet, but we are much closer than we were", "Our patience is not without limits"}
)

type event struct {
	kind, city, country1, country2, org string
	people                              [3]string
	roles                               [3]string
	when                                time.Time
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func newEvent(r *rand.Rand, when time.Time) *event {
	e := &event{kind: pick(r, kinds), city: pick(r, cities), country1: pick(r, countries), country2: pick(r, countries), org: pick(r, orgs), when: when}
	for i := range e.people {
		e.people[i] = pick(r, firstNames) + " " + pick(r, surnames)
		e.roles[i] = pick(r, roles)
	}
	return e
}

func surname(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

func (e *event) report(r *rand.Rand, i int) Generated {
	pub := e.when.AddDate(0, 0, r.IntN(2))
	wd := weekdays[(int(e.when.Weekday())+6)%7]
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) - Officials from %s and %s opened %s in %s on %s, the first such meeting since %s.\n\n",
		strings.ToUpper(e.city), pick(r, outlets), e.country1, e.country2, e.kind, e.city, wd, e.when.AddDate(0, -r.IntN(14)-1, 0).Format("January"))
	fmt.Fprintf(&b, "The delegation of %s was led by %s %s, and the %s side by %s, its %s.\n\n", e.country1, e.roles[0], e.people[0], e.country2, e.people[1], e.roles[1])
	for s := 0; s < 4+r.IntN(6); s++ {
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "\"%s,\" %s %s on %s.\n\n", pick(r, quotes), surname(e.people[r.IntN(3)]), pick(r, verbs), wd)
		case 1:
			fmt.Fprintf(&b, "The talks began at %d a.m. local time and are expected to last %d days, according to the %s %s.\n\n", 8+r.IntN(4), 2+r.IntN(3), e.country1, e.org)
		case 2:
			fmt.Fprintf(&b, "%s, the %s, %s %s.\n\n", e.people[2], e.roles[2], pick(r, verbs), pick(r, clauses))
		default:
			fmt.Fprintf(&b, "A follow-up meeting is planned for %s in %s.\n\n", e.when.AddDate(0, 1+r.IntN(3), r.IntN(20)).Format("January 2"), pick(r, cities))
		}
	}
	return Generated{
		ID:        fmt.Sprintf("gen-%07d", i),
		Title:     fmt.Sprintf("%s and %s hold %s in %s", e.country1, e.country2, e.kind, e.city),
		Text:      strings.TrimSpace(b.String()),
		Published: pub.Format("2006-01-02"),
		Outlet:    pick(r, outlets),
	}
}
