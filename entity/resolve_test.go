package entity

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// marked builds an article from text with mentions marked as
// "[P:Sergei Ryabkov]" (P person, O org, L place, X other).
func marked(id, src string) *storyline.Article {
	types := map[byte]string{'P': storyline.Person, 'O': storyline.Org, 'L': storyline.Place, 'X': storyline.Other}
	var b strings.Builder
	var ms []storyline.Mention
	for {
		i := strings.Index(src, "[")
		if i < 0 || i+3 > len(src) || src[i+2] != ':' {
			b.WriteString(src)
			break
		}
		j := strings.Index(src[i:], "]")
		if j < 0 {
			b.WriteString(src)
			break
		}
		b.WriteString(src[:i])
		name := src[i+3 : i+j]
		start := b.Len()
		b.WriteString(name)
		ms = append(ms, storyline.Mention{Type: types[src[i+1]], Text: name, Start: start, End: b.Len()})
		src = src[i+j+1:]
	}
	return &storyline.Article{ID: id, Text: b.String(), Entities: ms}
}

// markedCorpus builds one article a source, marked as marked reads them,
// with ids a00, a01...
func markedCorpus(srcs []string) []*storyline.Article {
	arts := make([]*storyline.Article, 0, len(srcs))
	for i, s := range srcs {
		arts = append(arts, marked(fmt.Sprintf("a%02d", i), s))
	}
	return arts
}

// entityOf returns the entity that the first mention with this surface
// resolved to.
func entityOf(t *testing.T, arts []*storyline.Article, ents []storyline.Entity, surface string) storyline.Entity {
	t.Helper()
	for _, a := range arts {
		for _, m := range a.Entities {
			if m.Text == surface {
				for _, e := range ents {
					if e.ID == m.Entity {
						return e
					}
				}
				t.Fatalf("mention %q resolved to unknown entity %q", surface, m.Entity)
			}
		}
	}
	t.Fatalf("no mention %q", surface)
	return storyline.Entity{}
}

// resolveCase is a small corpus with what resolving it must give.
type resolveCase struct {
	name     string
	articles []string
	same     [][]string // surfaces that must be one entity
	apart    [][2]string
	canon    map[string]string // surface → canonical name
	types    map[string]string // surface → entity type
}

func resolveCases() []resolveCase {
	return slices.Concat(spellingCases(), namesakeCases(), orgAndPlaceCases(), typeCases(), surfaceCases())
}

// spellingCases are cases of spellings of one person's name.
func spellingCases() []resolveCase {
	return []resolveCase{
		{
			name: "first name alone within the article",
			articles: []string{
				"[P:Xi Jinping] arrived. [P:Xi] spoke.",
			},
			same: [][]string{{"Xi Jinping", "Xi"}},
		},
		{
			name: "transliteration variants merge across articles",
			articles: []string{
				"[P:Sergei Ryabkov] arrived. [P:Ryabkov] spoke.",
				"[P:Sergey Ryabkov] left. Later [P:Mr Riabkov] said so.",
				"[P:Sergei Riabkov] and [P:Sergei Ryabkov] again.",
				"[P:Сергей Рябков] заявил.",
				"[P:Sergej Rjabkow] sagte.",
			},
			same:  [][]string{{"Sergei Ryabkov", "Ryabkov", "Sergey Ryabkov", "Mr Riabkov", "Sergei Riabkov", "Сергей Рябков", "Sergej Rjabkow"}},
			canon: map[string]string{"Mr Riabkov": "Sergei Ryabkov", "Сергей Рябков": "Sergei Ryabkov"},
		},
		{
			name: "French spelling of Putin",
			articles: []string{
				"[P:Vladimir Poutine] et [P:Joe Biden] se sont vus. [P:Poutine] a dit.",
				"[P:President Putin] met [P:Biden]. [P:Vladimir Putin] and [P:Vladimir Putin] again.",
			},
			same:  [][]string{{"Vladimir Poutine", "Poutine", "President Putin", "Vladimir Putin"}, {"Joe Biden", "Biden"}},
			apart: [][2]string{{"Vladimir Putin", "Joe Biden"}},
			canon: map[string]string{"Poutine": "Vladimir Putin"},
		},
		{
			name: "familiar and spelling variants of first names",
			articles: []string{
				"[P:Joseph Biden] took office.",
				"[P:Joe Biden] said.",
				"[P:Aleksandr Grushko] said.",
				"[P:Alexander Grushko] said.",
			},
			same: [][]string{{"Joseph Biden", "Joe Biden"}, {"Aleksandr Grushko", "Alexander Grushko"}},
		},
		{
			name: "family name first, across articles; hyphenated given names",
			articles: []string{
				"[P:Xi Jinping] arrived.",
				"[P:Xi] spoke.",
				"[P:Kim Jong Un] and [P:Moon Jae-in] met.",
				"[P:Kim Jong-un] left. [P:Moon] stayed.",
			},
			same:  [][]string{{"Xi Jinping", "Xi"}, {"Kim Jong Un", "Kim Jong-un"}, {"Moon Jae-in", "Moon"}},
			apart: [][2]string{{"Kim Jong Un", "Moon Jae-in"}},
		},
	}
}

// namesakeCases are cases of people who share a surname.
func namesakeCases() []resolveCase {
	return []resolveCase{
		{
			name: "same first name, different surnames",
			articles: []string{
				"[P:Sergei Ryabkov] met [P:Sergei Lavrov]. [P:Lavrov] smiled at [P:Ryabkov].",
				"[P:Lavrov] and [P:Ryabkov] again.",
			},
			apart: [][2]string{{"Sergei Ryabkov", "Sergei Lavrov"}, {"Lavrov", "Ryabkov"}},
			same:  [][]string{{"Sergei Lavrov", "Lavrov"}, {"Sergei Ryabkov", "Ryabkov"}},
		},
		{
			name: "same surname, different first names stay apart; lone surname ambiguous",
			articles: []string{
				"[P:Joe Biden] and [P:Jill Biden] arrived. [P:Biden] spoke first.",
				"[P:Hunter Biden] was absent.",
				"[P:Biden] was cheered.",
			},
			apart: [][2]string{{"Joe Biden", "Jill Biden"}, {"Jill Biden", "Hunter Biden"}},
		},
		{
			name: "lone surname joins the unique full name of another article",
			articles: []string{
				"Kremlin spokesman [P:Dmitry Peskov] said.",
				"[P:Peskov] declined to comment.",
				"[P:Dmitri Peskov] also said.",
				"[P:D. Peskov] confirmed.",
			},
			same: [][]string{{"Dmitry Peskov", "Peskov", "Dmitri Peskov", "D. Peskov"}},
		},
		{
			name: "surname within the article goes to the closest preceding full name",
			articles: []string{
				"[P:Joe Biden] spoke. [P:Biden] left. [P:Jill Biden] came. [P:Biden] smiled.",
			},
			apart: [][2]string{{"Joe Biden", "Jill Biden"}},
		},
		{
			name: "middle initials tell namesakes apart",
			articles: []string{
				"[P:George W. Bush] spoke.",
				"[P:George H. W. Bush] spoke.",
				"[P:George Walker Bush] spoke.",
			},
			same:  [][]string{{"George W. Bush", "George Walker Bush"}},
			apart: [][2]string{{"George W. Bush", "George H. W. Bush"}},
		},
		{
			name: "a name without middle joins the only compatible one",
			articles: []string{
				"[P:George W. Bush] spoke.",
				"[P:George Bush] spoke.",
			},
			same: [][]string{{"George W. Bush", "George Bush"}},
		},
	}
}

// orgAndPlaceCases are cases of organisations and places.
func orgAndPlaceCases() []resolveCase {
	return []resolveCase{
		{
			name: "acronym and parenthetical",
			articles: []string{
				"the [O:Organization for Security and Co-operation in Europe] met.",
				"The [O:OSCE] said. The [O:International Atomic Energy Agency] ([O:IAEA]) and [O:Médecins Sans Frontières] (MSF) too.",
				"The [O:IAEA] again, and [O:MSF] again.",
			},
			same: [][]string{{"Organization for Security and Co-operation in Europe", "OSCE"},
				{"International Atomic Energy Agency", "IAEA"}, {"Médecins Sans Frontières", "MSF"}},
			canon: map[string]string{"OSCE": "Organization for Security and Co-operation in Europe", "MSF": "Médecins Sans Frontières"},
		},
		{
			name: "country-qualified organisation",
			articles: []string{
				"[O:The US State Department] said.",
				"The [O:State Department] said. The [O:U.S. State Department] added.",
			},
			same: [][]string{{"The US State Department", "State Department", "U.S. State Department"}},
		},
		{
			name: "different countries' ministries stay apart",
			articles: []string{
				"The [O:Russian Foreign Ministry] said. The [O:Foreign Ministry] added.",
				"The [O:Chinese Foreign Ministry] said.",
			},
			apart: [][2]string{{"Russian Foreign Ministry", "Chinese Foreign Ministry"}},
		},
		{
			name: "places with several names",
			articles: []string{
				"The [L:United States] and [L:Russia] met. The [L:US] said. [L:U.S.] officials.",
				"[L:America] and [L:Russian Federation].",
			},
			same:  [][]string{{"United States", "US", "U.S.", "America"}, {"Russia", "Russian Federation"}},
			canon: map[string]string{"US": "United States", "Russian Federation": "Russia"},
		},
		{
			name: "renamed places",
			articles: []string{
				"[L:Kyiv] and [L:Kharkiv].",
				"[L:Kiev] and [L:Kharkov].",
			},
			same:  [][]string{{"Kyiv", "Kiev"}, {"Kharkiv", "Kharkov"}},
			canon: map[string]string{"Kiev": "Kyiv", "Kharkov": "Kharkiv"},
			apart: [][2]string{{"Kyiv", "Kharkiv"}},
		},
	}
}

// typeCases are cases of the tagger's types and the type prior.
func typeCases() []resolveCase {
	return []resolveCase{
		{
			name: "mis-typed mentions vote on the type",
			articles: []string{
				"[P:Sergei Ryabkov] said. [O:Ryabkov]: talks were difficult. [P:Ryabkov] added.",
				"The [O:Kremlin] said. The [X:Kremlin] added.",
				"The [O:Kremlin] again. [X:Sergei Ryabkov] spoke.",
			},
			same:  [][]string{{"Sergei Ryabkov", "Ryabkov"}, {"Kremlin"}},
			types: map[string]string{"Ryabkov": storyline.Person, "Kremlin": storyline.Org, "Sergei Ryabkov": storyline.Person},
		},
		{
			name: "type prior: seats of power are organisations, capitals places",
			articles: []string{
				"The [L:Kremlin] said. [P:Dmitry Peskov], the [L:Kremlin]'s spokesman, agreed.",
				"[P:Kremlin] also announced it. [O:Kremlin] said.",
				"She flew to [O:Bern], then to [O:Geneva] and [L:Geneva].",
				"The [O:Bank of England] and [O:Moscow State University] and [L:Downing Street].",
			},
			types: map[string]string{
				"Kremlin": storyline.Org, "Bern": storyline.Place, "Geneva": storyline.Place,
				"Bank of England": storyline.Org, "Moscow State University": storyline.Org,
				"Downing Street": storyline.Org,
			},
		},
		{
			name: "type prior: a person named like a place stays a person",
			articles: []string{
				"[P:Denzel Washington] starred. [L:Washington] reacted. [P:Washington] smiled.",
				"[P:Whitney Houston] sang.",
				"[P:Houston] left. [P:Jordan] scored.",
				"[P:Michael Jordan] retired.",
			},
			types: map[string]string{"Denzel Washington": storyline.Person, "Houston": storyline.Person, "Jordan": storyline.Person},
			same:  [][]string{{"Houston", "Whitney Houston"}, {"Jordan", "Michael Jordan"}},
		},
		{
			name: "type prior: a place the tagger took for a person",
			articles: []string{
				"She flew to the Swiss capital, [P:Bern], then on to [P:Saudi Arabia's] capital.",
				"The [L:Kremlin] said. [P:Kremlin's] aide also said.",
				"[L:Saudi Arabia] agreed.",
			},
			types: map[string]string{"Bern": storyline.Place, "Saudi Arabia": storyline.Place, "Saudi Arabia's": storyline.Place, "Kremlin": storyline.Org, "Kremlin's": storyline.Org},
			same:  [][]string{{"Saudi Arabia", "Saudi Arabia's"}, {"Kremlin", "Kremlin's"}},
		},
	}
}

// surfaceCases are cases of what a tagger's span holds besides the name:
// possessives, line breaks, ranks.
func surfaceCases() []resolveCase {
	return []resolveCase{
		{
			name: "possessives and hard line breaks",
			articles: []string{
				"[P:Sergei Ryabkov’s] team met [P:Putin's] envoy. [P:Joe\nBiden] too. [P:Biden's] aide.",
			},
			same:  [][]string{{"Sergei Ryabkov’s"}, {"Putin's"}, {"Joe\nBiden", "Biden's"}},
			canon: map[string]string{"Sergei Ryabkov’s": "Sergei Ryabkov", "Joe\nBiden": "Joe Biden"},
		},
		{
			name: "a rank inside an organisation's span",
			articles: []string{
				"Led by [O:State Department No.] 2, [P:Wendy Sherman].",
				"The [O:State Department] agreed. No [O:Ministry No] went. [O:Bureau No.] 5 won.",
			},
			same:  [][]string{{"State Department No.", "State Department"}},
			canon: map[string]string{"State Department No.": "State Department", "Ministry No": "Ministry No", "Bureau No.": "Bureau"},
		},
	}
}

func TestResolveLinks(t *testing.T) { runResolveCases(t, resolveCases()) }

// runResolveCases resolves each case as a subtest and checks it.
func runResolveCases(t *testing.T, cases []resolveCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts := markedCorpus(tc.articles)
			ents := Resolve(arts)
			tc.check(t, arts, ents)
			checkConsistent(t, arts, ents)
		})
	}
}

// check checks what the case says of the entities and mentions.
func (tc resolveCase) check(t *testing.T, arts []*storyline.Article, ents []storyline.Entity) {
	t.Helper()
	for _, group := range tc.same {
		first := entityOf(t, arts, ents, group[0])
		for _, s := range group[1:] {
			if e := entityOf(t, arts, ents, s); e.ID != first.ID {
				t.Errorf("%q → %s, %q → %s: want one entity", group[0], first.ID, s, e.ID)
			}
		}
	}
	for _, pair := range tc.apart {
		a, b := entityOf(t, arts, ents, pair[0]), entityOf(t, arts, ents, pair[1])
		if a.ID == b.ID {
			t.Errorf("%q and %q are both %s", pair[0], pair[1], a.ID)
		}
	}
	for s, want := range tc.canon {
		if e := entityOf(t, arts, ents, s); e.Name != want {
			t.Errorf("%q: canonical %q, want %q", s, e.Name, want)
		}
	}
	for s, want := range tc.types {
		if e := entityOf(t, arts, ents, s); e.Type != want {
			t.Errorf("%q: type %s, want %s", s, e.Type, want)
		}
	}
	for _, a := range arts {
		for _, m := range a.Entities {
			if want, ok := tc.types[m.Text]; ok && m.Type != want {
				t.Errorf("%s: mention %q [%d]: type %s, want %s", a.ID, m.Text, m.Start, m.Type, want)
			}
		}
	}
}

// A place name the tagger typed ORG is not taken for the surname of a
// person in the same article.
func TestResolvePriorPlaceIsNoSurname(t *testing.T) {
	a := marked("a", "[P:George Washington] crossed the river. Today [O:Washington] said no.")
	Resolve([]*storyline.Article{a})
	p, w := a.Entities[0], a.Entities[1]
	if p.Entity == w.Entity || p.Type != storyline.Person || w.Type != storyline.Place {
		t.Errorf("%q → %s %s, %q → %s %s: want a person and a place", p.Text, p.Entity, p.Type, w.Text, w.Entity, w.Type)
	}
}

// A city's name beside a score names a club; elsewhere in the same
// results page and in other reports it is the city, in capitals or not.
func TestResolveClubsAndCities(t *testing.T) {
	tests := []struct {
		name string
		arts []string
		want [][]string // per article, the mention types after Resolve
	}{
		{
			name: "results table",
			arts: []string{
				"[L:CHICAGO] 1996-08-27\nResults: [O:CHICAGO] 3 [O:Atlanta] 2\n[O:Boston] 71 64\n",
				"Snow fell in [L:Chicago] and [O:Boston] today.",
			},
			want: [][]string{
				{storyline.Place, storyline.Org, storyline.Org, storyline.Org},
				{storyline.Place, storyline.Place},
			},
		},
		{
			name: "capitals in a headline",
			arts: []string{"[O:CHICAGO] SNOWED IN. [O:SAINT PETERSBURG] TOO. [O:NICE] REPORT."},
			want: [][]string{{storyline.Place, storyline.Place, storyline.Org}},
		},
		{
			name: "a region tagged OTHER is an adjective",
			arts: []string{"A [X:Mediterranean] diet. The [L:Arctic] ice."},
			want: [][]string{{storyline.Other, storyline.Place}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := markedCorpus(tc.arts)
			ents := Resolve(arts)
			for i, a := range arts {
				var got []string
				for _, m := range a.Entities {
					got = append(got, m.Type)
				}
				if !slices.Equal(got, tc.want[i]) {
					t.Errorf("%s: types %v, want %v", a.ID, got, tc.want[i])
				}
			}
			checkConsistent(t, arts, ents)
		})
	}
}

func TestResolveSetsMentionType(t *testing.T) {
	a := marked("a", "[P:Sergei Ryabkov] said. [O:Ryabkov]: talks were difficult. [X:Ryabkov] added.")
	Resolve([]*storyline.Article{a})
	for _, m := range a.Entities {
		if m.Type != storyline.Person {
			t.Errorf("%q [%d]: type %s, want PERSON", m.Text, m.Start, m.Type)
		}
	}
}

// checkConsistent checks that every resolved mention names an entity that
// lists its article and surface.
func checkConsistent(t *testing.T, arts []*storyline.Article, ents []storyline.Entity) {
	t.Helper()
	byID := map[string]storyline.Entity{}
	for i, e := range ents {
		if i > 0 && ents[i-1].ID >= e.ID {
			t.Errorf("entities not sorted by unique id: %q, %q", ents[i-1].ID, e.ID)
		}
		byID[e.ID] = e
	}
	for _, a := range arts {
		for _, m := range a.Entities {
			if m.Entity == "" {
				continue
			}
			e, ok := byID[m.Entity]
			if !ok {
				t.Errorf("%s: %q → unknown %q", a.ID, m.Text, m.Entity)
				continue
			}
			if m.Name != e.Name {
				t.Errorf("%s: %q name %q, entity name %q", a.ID, m.Text, m.Name, e.Name)
			}
			if !slices.Contains(e.Articles, a.ID) {
				t.Errorf("%s: entity %s lacks the article", a.ID, e.ID)
			}
		}
	}
}

func TestResolveLoneSurnameAmbiguous(t *testing.T) {
	arts := []*storyline.Article{
		marked("a", "[P:Joe Biden] spoke."),
		marked("b", "[P:Jill Biden] spoke."),
		marked("c", "[P:Biden] spoke."),
	}
	ents := Resolve(arts)
	lone := entityOf(t, arts, ents, "Biden")
	if lone.ID == entityOf(t, arts, ents, "Joe Biden").ID || lone.ID == entityOf(t, arts, ents, "Jill Biden").ID {
		t.Errorf("ambiguous lone surname joined a full name: %s", lone.ID)
	}
	if len(ents) != 3 {
		t.Errorf("got %d entities, want 3", len(ents))
	}
}

func TestResolveOrderIndependent(t *testing.T) {
	srcs := []string{
		"US Deputy Secretary of State [P:Wendy Sherman] met Russian Deputy Foreign Minister [P:Sergei Ryabkov] in [L:Geneva].",
		"[P:Sherman] and [P:Riabkov] met. [O:The US State Department] said.",
		"[P:Sergey Ryabkov] said the [O:State Department] had a plan. [O:NATO] too.",
		"[P:Vladimir Poutine] and [P:Joe Biden] met in [L:Geneva].",
		"[P:Biden] and [P:Putin] again; [P:Ryabkov] said.",
	}
	build := func(order []int) ([]storyline.Entity, map[string][]storyline.Mention) {
		var arts []*storyline.Article
		for _, i := range order {
			arts = append(arts, marked(fmt.Sprintf("a%d", i), srcs[i]))
		}
		ents := Resolve(arts)
		out := map[string][]storyline.Mention{}
		for _, a := range arts {
			out[a.ID] = a.Entities
		}
		return ents, out
	}
	want, wantM := build([]int{0, 1, 2, 3, 4})
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 20; k++ {
		order := rng.Perm(len(srcs))
		got, gotM := build(order)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("order %v: entities differ:\n%v\nwant\n%v", order, got, want)
		}
		if !reflect.DeepEqual(gotM, wantM) {
			t.Fatalf("order %v: mentions differ", order)
		}
	}
}

func TestResolveRobust(t *testing.T) {
	if got := Resolve(nil); len(got) != 0 {
		t.Errorf("Resolve(nil) = %v", got)
	}
	if got := Resolve([]*storyline.Article{nil, {ID: "x"}}); len(got) != 0 {
		t.Errorf("Resolve(empty) = %v", got)
	}
	bad := &storyline.Article{
		ID:   "bad",
		Text: "President \xff\xfe Putin met Mr \xc3 Biden\xe2\x80 , the \xffpresident.",
		Entities: []storyline.Mention{
			{Type: storyline.Person, Text: "Putin", Start: 18, End: 23},
			{Type: storyline.Person, Text: "", Start: -5, End: 3},        // bad offsets, no text
			{Type: storyline.Person, Text: "Biden", Start: 30, End: 999}, // bad offsets, text kept
			{Type: storyline.Person, Text: "", Start: 10, End: 5},
			{Type: storyline.Person, Text: "\xff\xfe", Start: 10, End: 12},
			{Type: "", Text: "’s", Start: 0, End: 2},
			{Type: storyline.Person, Text: "Mr", Start: 0, End: 2},
			{Type: storyline.Org, Text: "(", Start: 0, End: 1},
			{Type: storyline.Person, Text: "the President", Start: 0, End: 9},
		},
	}
	ents := Resolve([]*storyline.Article{bad})
	if bad.Entities[0].Entity == "" || bad.Entities[2].Entity == "" {
		t.Errorf("mentions with text not resolved: %+v", bad.Entities)
	}
	if bad.Entities[1].Entity != "" || bad.Entities[3].Entity != "" || bad.Entities[8].Entity != "" {
		t.Errorf("mentions without text or offsets resolved: %+v", bad.Entities)
	}
	checkConsistent(t, []*storyline.Article{bad}, ents)
	// Every window size around every offset: no panic.
	text := "Russian Deputy Foreign Minister Сергей \xffРябков, the Kremlin’s spokesman, said"
	for s := 0; s <= len(text); s++ {
		for e := s + 1; e <= len(text) && e <= s+24; e++ {
			a := &storyline.Article{ID: "w", Text: text, Entities: []storyline.Mention{{Type: storyline.Person, Text: text[s:e], Start: s, End: e}}}
			Resolve([]*storyline.Article{a})
		}
	}
}

func TestResolveRolesOnEntity(t *testing.T) {
	arts := []*storyline.Article{
		marked("a", "Russian Deputy Foreign Minister [P:Sergei Ryabkov] said."),
		marked("b", "Deputy Foreign Minister [P:Sergei Ryabkov] said. [P:Ryabkov], the deputy foreign minister, added."),
		marked("c", "[P:Dmitry Peskov], the Kremlin spokesman, said."),
	}
	ents := Resolve(arts)
	e := entityOf(t, arts, ents, "Sergei Ryabkov")
	want := []string{"Deputy Foreign Minister", "Russian Deputy Foreign Minister"}
	if !reflect.DeepEqual(e.Roles, want) {
		t.Errorf("roles %q, want %q", e.Roles, want)
	}
	if got := arts[0].Entities[0].Role; got != "Russian Deputy Foreign Minister" {
		t.Errorf("mention role %q", got)
	}
	if got := entityOf(t, arts, ents, "Dmitry Peskov").Roles; !reflect.DeepEqual(got, []string{"Spokesman", "Kremlin Spokesman"}) {
		t.Errorf("Peskov roles %q", got)
	}
}

func BenchmarkResolve(b *testing.B) {
	firsts := []string{"Sergei", "Sergey", "Dmitry", "Anna", "Maria", "Joe", "Jill", "Olga", "Ivan", "Wendy", "Antony", "Livia"}
	surs := []string{"Ryabkov", "Riabkov", "Lavrov", "Peskov", "Biden", "Sherman", "Blinken", "Leu", "Ivanov", "Petrov", "Smirnov", "Kuznetsov"}
	orgs := []string{"OSCE", "Organization for Security and Cooperation in Europe", "NATO", "State Department", "US State Department", "Kremlin", "United Nations", "UN"}
	places := []string{"Geneva", "Moscow", "Washington", "US", "United States", "Brussels", "Vienna"}
	rng := rand.New(rand.NewSource(7))
	const nArts, perArt = 500, 40
	var srcs []string
	for i := 0; i < nArts; i++ {
		var sb strings.Builder
		for j := 0; j < perArt; j++ {
			switch rng.Intn(4) {
			case 0:
				fmt.Fprintf(&sb, "Deputy Foreign Minister [P:%s %s] said. ", firsts[rng.Intn(len(firsts))], surs[rng.Intn(len(surs))])
			case 1:
				fmt.Fprintf(&sb, "[P:%s], the spokesman, added. ", surs[rng.Intn(len(surs))])
			case 2:
				fmt.Fprintf(&sb, "The [O:%s] met. ", orgs[rng.Intn(len(orgs))])
			default:
				fmt.Fprintf(&sb, "In [L:%s] today. ", places[rng.Intn(len(places))])
			}
		}
		srcs = append(srcs, sb.String())
	}
	arts := make([]*storyline.Article, len(srcs))
	mentions := 0
	for k, s := range srcs {
		arts[k] = marked(fmt.Sprintf("a%04d", k), s)
		mentions += len(arts[k].Entities)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Resolve overwrites what a previous run set on the mentions.
		Resolve(arts)
	}
	mentions *= b.N
	b.ReportMetric(float64(mentions)/b.Elapsed().Seconds(), "mentions/s")
}

func FuzzResolve(f *testing.F) {
	f.Add("Russian Deputy Foreign Minister Sergei Ryabkov, the Kremlin’s spokesman, said.", 32, 46, "PERSON")
	f.Add("’. Ryabkov and Mr . met", 0, 10, "PERSON")
	f.Add("the (OSCE) of and", 4, 10, "ORG")
	f.Add("\xff\xfe\xfd U. S.", 0, 3, "PLACE")
	f.Fuzz(func(t *testing.T, text string, start, end int, typ string) {
		surface := ""
		if start >= 0 && end <= len(text) && start < end {
			surface = text[start:end]
		}
		a := &storyline.Article{ID: "f", Text: text, Entities: []storyline.Mention{
			{Type: typ, Text: surface, Start: start, End: end},
			{Type: storyline.Person, Text: text, Start: 0, End: len(text)},
			{Type: storyline.Org, Text: "", Start: start, End: end},
		}}
		b := &storyline.Article{ID: "g", Text: text, Entities: []storyline.Mention{{Type: storyline.Person, Text: surface + " Ryabkov", Start: start, End: end}}}
		ents := Resolve([]*storyline.Article{a, b})
		checkConsistent(t, []*storyline.Article{a, b}, ents)
		for _, e := range ents {
			Match(e, text)
			Match(e, surface)
		}
		newstext.NameKey(text)
	})
}
