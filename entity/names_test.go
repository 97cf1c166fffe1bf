package entity

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// The tests of this file are those of the rules that read one name: what
// a tagger's span holds besides it, titles and honorifics, the parts of a
// person's name, when two first or middle names can be one person's, and
// the forms of organisations' and places' names.

func TestCleanSurface(t *testing.T) {
	for in, want := range map[string]string{
		"Putin’s":                        "Putin",
		"Sergei Ryabkov's":               "Sergei Ryabkov",
		"Joe\nBiden":                     "Joe Biden",
		"“Sherman”":                      "Sherman",
		"Biden.":                         "Biden",
		"U.S.":                           "U.S.",
		"George Bush Jr.":                "George Bush Jr.",
		"S.":                             "S.",
		"(OSCE)":                         "OSCE",
		"Médecins Sans Frontières (MSF)": "Médecins Sans Frontières (MSF)",
		"AT&T":                           "AT&T",
		"\xffPutin":                      "Putin",
	} {
		if got := cleanSurface(in); got != want {
			t.Errorf("cleanSurface(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrimRank(t *testing.T) {
	tests := []struct{ alias, after, want string }{
		{"State Department No.", " 2, Wendy Sherman", "State Department"},
		{"Bureau No", " 5 won", "Bureau"},
		{"Ministry No", " one went", "Ministry No"},
		{"Department", " 2", "Department"},
	}
	for _, tc := range tests {
		if got := trimRank(tc.alias, tc.after); got != tc.want {
			t.Errorf("trimRank(%q, %q) = %q, want %q", tc.alias, tc.after, got, tc.want)
		}
	}
}

func TestParsePerson(t *testing.T) {
	tests := []struct {
		surface                     string
		display, first, middle, sur string
		initial                     bool
	}{
		{"President Vladimir Putin", "Vladimir Putin", "vladimir", "", "putin", false},
		{"Ms. Wendy Sherman", "Wendy Sherman", "vendi", "", "sherman", false},
		{"Deputy Minister Mr Ryabkov", "Ryabkov", "", "", "riabkov", false},
		{"George W. Bush", "George W. Bush", "georg", "v", "bush", false},
		{"George H. W. Bush", "George H. W. Bush", "georg", "h v", "bush", false},
		{"Martin Luther King Jr.", "Martin Luther King Jr.", "martin", "luter", "king", false},
		{"Robert Downey Jr.", "Robert Downey Jr.", "robert", "", "dovnei", false},
		{"Anna Maria Lopez", "Anna Maria Lopez", "ana", "maria", "lopez", false},
		{"S. Ryabkov", "S. Ryabkov", "s", "", "riabkov", true},
		{"Vincent van Gogh", "Vincent van Gogh", "vincent", "", "gogh", false},
		{"van Gogh", "van Gogh", "", "", "gogh", false},
		{"Bashar al-Assad", "Bashar al-Assad", "bashar", "", "asad", false},
	}
	for _, tc := range tests {
		p := parsePerson(tc.surface)
		if p.display != tc.display || p.first != tc.first || p.middle != tc.middle || p.sur != tc.sur || p.initial != tc.initial {
			t.Errorf("parsePerson(%q) = %q first %q middle %q sur %q initial %v, want %q %q %q %q %v", tc.surface,
				p.display, p.first, p.middle, p.sur, p.initial, tc.display, tc.first, tc.middle, tc.sur, tc.initial)
		}
	}
}

func TestOnlyTitle(t *testing.T) {
	for in, want := range map[string]bool{"the President": true, "Mr": true, "Deputy Foreign Minister": true, "President Putin": false} {
		if got := onlyTitle(strings.Fields(in)); got != want {
			t.Errorf("onlyTitle(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestSurnameKey(t *testing.T) {
	for in, want := range map[string]string{"al-Assad": "asad", "Assad": "asad", "el-Sisi": "sisi", "Alamo": "alamo", "al-": "al"} {
		if got := surnameKey(in); got != want {
			t.Errorf("surnameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstCompatible(t *testing.T) {
	tests := []struct {
		a, b               string
		aInitial, bInitial bool
		want               bool
	}{
		{"Joe", "Joseph", false, false, true},
		{"Sasha", "Alexander", false, false, true},
		{"Dima", "Dmitry", false, false, true},
		{"Aleksandr", "Alexander", false, false, true},
		{"Sergey", "Sergei", false, false, true},
		{"", "Jill", false, false, true},
		{"S.", "Sergei", true, false, true},
		{"D.", "Sergei", true, false, false},
		{"Joe", "Jill", false, false, false},
		{"Maria", "Mario", false, false, false},
	}
	for _, tc := range tests {
		if got := firstCompatible(newstext.NameKey(tc.a), newstext.NameKey(tc.b), tc.aInitial, tc.bInitial); got != tc.want {
			t.Errorf("firstCompatible(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMiddleCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"w", "walker", true},
		{"", "h w", true},
		{"h w", "herbert walker", true},
		{"w", "h w", false},
		{"h", "w", false},
	}
	for _, tc := range tests {
		if got := middleCompatible(tc.a, tc.b); got != tc.want {
			t.Errorf("middleCompatible(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestNearSpelling(t *testing.T) {
	tests := []struct {
		a, b   string
		minLen int
		want   bool
	}{
		{"shmihal", "shmigal", 6, true},
		{"aleksandr", "aleksander", 5, true},
		{"maria", "mario", 5, false},
		{"ivanov", "ivanova", 6, false},
		{"petrov", "petrov", 6, false},
		{"kulba", "kuleba", 6, false},
	}
	for _, tc := range tests {
		if got := nearSpelling(tc.a, tc.b, tc.minLen); got != tc.want {
			t.Errorf("nearSpelling(%q, %q, %d) = %v, want %v", tc.a, tc.b, tc.minLen, got, tc.want)
		}
	}
}

func TestNonPersonNames(t *testing.T) {
	same := [][]string{
		{"US State Department", "The US State Department", "the U.S. State Department"},
		{"United States", "America", "U.S.", "USA"},
		{"Kyiv", "Kiev"},
		{"Russia", "Russian Federation"},
	}
	for _, g := range same {
		for _, n := range g[1:] {
			if a, b := nonPersonKey(nonPersonDisplay(g[0])), nonPersonKey(nonPersonDisplay(n)); a != b {
				t.Errorf("%q keyed %q, %q keyed %q: want one", g[0], a, n, b)
			}
		}
	}
	if got := nonPersonDisplay("The"); got != "The" {
		t.Errorf("nonPersonDisplay(The) = %q", got)
	}
}

func TestAcronyms(t *testing.T) {
	for in, want := range map[string][]string{
		"Organization for Security and Co-operation in Europe": {"OSCE"},
		"International Atomic Energy Agency":                   {"IAEA"},
		"US Agency for International Development":              {"UAID", "USAID"},
		"Médecins Sans Frontières":                             {"MSF"},
		"Human rights watch":                                   nil,
		"NATO":                                                 nil,
	} {
		if got := acronyms(strings.Fields(in)); !slices.Equal(got, want) {
			t.Errorf("acronyms(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQualifiedOrg(t *testing.T) {
	tests := []struct{ name, code, rest string }{
		{"US State Department", "us", "State Department"},
		{"U.S. State Department", "us", "State Department"},
		{"American State Department", "us", "State Department"},
		{"United States State Department", "us", "State Department"},
		{"Russia's Foreign Ministry", "ru", "Foreign Ministry"},
		{"European Union", "", ""},
		{"State Department", "", ""},
	}
	for _, tc := range tests {
		code, rest := qualifiedOrg(strings.Fields(tc.name))
		if code != tc.code || strings.Join(rest, " ") != tc.rest {
			t.Errorf("qualifiedOrg(%q) = %q %q, want %q %q", tc.name, code, rest, tc.code, tc.rest)
		}
	}
}

func TestParenAcronym(t *testing.T) {
	for in, want := range map[string]string{" (OSCE) said": "OSCE", "(MSF)": "MSF", " (see below)": "", "(A)": "", " OSCE": ""} {
		if got := parenAcronym(in); got != want {
			t.Errorf("parenAcronym(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPriorOf(t *testing.T) {
	for in, want := range map[string]string{
		"Kremlin": storyline.Org, "White House": storyline.Org, "Bern": storyline.Place, "CHICAGO": storyline.Place,
		"NEW YORK": storyline.Place, "US": storyline.Place, "NICE": "", "Bank of England": "", "Sergei Ryabkov": "",
	} {
		if got := priorOf(in, nonPersonKey); got != want {
			t.Errorf("priorOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormType(t *testing.T) {
	for in, want := range map[string]string{"PER": storyline.Person, "person": storyline.Person, "gpe": storyline.Place,
		"LOC": storyline.Place, "Organisation": storyline.Org, "MISC": storyline.Other, "": storyline.Other} {
		if got := normType(in); got != want {
			t.Errorf("normType(%q) = %q, want %q", in, got, want)
		}
	}
}
