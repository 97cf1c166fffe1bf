package newstext

import (
	"strings"
	"testing"
	"time"
)

func TestCalendarWords(t *testing.T) {
	en := English()
	months := []struct {
		word string
		want time.Month
		ok   bool
	}{
		{"september", time.September, true}, {"sept", time.September, true}, {"sep", time.September, true},
		{"febr", time.February, true}, {"may", time.May, true}, {"mar", time.March, true},
		{"septembre", 0, false}, {"September", 0, false}, {"", 0, false},
	}
	for _, m := range months {
		if got, ok := en.Month(m.word); got != m.want || ok != m.ok {
			t.Errorf("English Month(%q) = %v, %v; want %v, %v", m.word, got, ok, m.want, m.ok)
		}
	}
	days := []struct {
		word string
		want time.Weekday
		ok   bool
	}{
		{"thursday", time.Thursday, true}, {"thurs", time.Thursday, true}, {"thu", time.Thursday, true},
		{"sunday", time.Sunday, true}, {"sun", time.Sunday, true}, {"donnerstag", 0, false},
	}
	for _, d := range days {
		if got, ok := en.Weekday(d.word); got != d.want || ok != d.ok {
			t.Errorf("English Weekday(%q) = %v, %v; want %v, %v", d.word, got, ok, d.want, d.ok)
		}
	}
	// Three-letter forms are everyday words too: they say so.
	forms := map[string]Form{}
	for w := range en.WeekdayWords() {
		forms[w.Word] = w.Form
	}
	for w, want := range map[string]Form{"monday": FullName, "tues": Abbreviation, "sun": ShortAbbreviation, "wed": ShortAbbreviation} {
		if forms[w] != want {
			t.Errorf("weekday %q has form %d, want %d", w, forms[w], want)
		}
	}
	first := true
	for w := range en.MonthWords() {
		if first && (w.Word != "january" || w.Month != time.January || w.Form != FullName) {
			t.Errorf("first month word = %+v, want january", w)
		}
		first = false
	}
}

func TestOtherLanguages(t *testing.T) {
	for _, tt := range []struct {
		word  string
		month time.Month
	}{{"décembre", time.December}, {"märz", time.March}, {"mayo", time.May}, {"março", time.March}, {"gennaio", time.January}, {"sept", time.September}} {
		if got, ok := MonthInAnyLanguage(tt.word); !ok || got != tt.month {
			t.Errorf("MonthInAnyLanguage(%q) = %v, %v; want %v", tt.word, got, ok, tt.month)
		}
	}
	for _, tt := range []struct {
		word string
		day  time.Weekday
	}{{"jeudi", time.Thursday}, {"sonntag", time.Sunday}, {"miércoles", time.Wednesday}, {"sexta-feira", time.Friday}, {"sexta", time.Friday},
		{"giovedì", time.Thursday}, {"domenica", time.Sunday}, {"tue", time.Tuesday}} {
		if got, ok := WeekdayInAnyLanguage(tt.word); !ok || got != tt.day {
			t.Errorf("WeekdayInAnyLanguage(%q) = %v, %v; want %v", tt.word, got, ok, tt.day)
		}
	}
	if _, ok := MonthInAnyLanguage("jui"); ok {
		t.Error(`"jui" (juin or juillet) is no month`)
	}
	fr, ok := Language("fr")
	if !ok || fr.Lang() != "fr" {
		t.Fatalf("Language(fr) = %v, %v", fr, ok)
	}
	if _, ok := fr.Month("juillet"); !ok {
		t.Error("French has no juillet")
	}
	if fr.SpeechVerb("said") != NotSpeech || fr.Abbreviation("mr") {
		t.Error("French answers from English tables")
	}
	if _, ok := Language("xx"); ok {
		t.Error("Language(xx) found")
	}
}

func TestAbbreviations(t *testing.T) {
	en := English()
	tests := []struct {
		word         string
		abbr, noStop bool
	}{
		{"inc", true, true}, {"gen", true, true}, {"calif", true, true},
		{"mme", false, true}, {"det", false, true}, {"messrs", false, true},
		{"ill", true, false}, {"sun", true, false}, {"est", true, false},
		{"talks", false, false}, {"ceo", false, false}, {"sir", false, false},
	}
	for _, tt := range tests {
		if got := en.Abbreviation(tt.word); got != tt.abbr {
			t.Errorf("Abbreviation(%q) = %v, want %v", tt.word, got, tt.abbr)
		}
		if got := en.WithoutFullStop(tt.word); got != tt.noStop {
			t.Errorf("WithoutFullStop(%q) = %v, want %v", tt.word, got, tt.noStop)
		}
	}
}

func TestTitles(t *testing.T) {
	en := English()
	if !en.TitleHead("minister") || en.TitleHead("foreign") || !en.TitleModifier("deputy") || !en.TitleComplement("state") {
		t.Error("minister, foreign, deputy or state misread")
	}
	// Hyphenated titles are one word of the tables: a line wrapped inside
	// one must not make "elect" a head or "non-" a modifier.
	if !en.TitleHead("president-elect") || en.TitleHead("elect") || en.TitleHead("president-") ||
		!en.TitleModifier("non-executive") || en.TitleModifier("non-") {
		t.Error("hyphenated titles misread")
	}
	for w, want := range map[string]string{"presidents": "president", "spokesmen": "spokesman", "secretaries": "secretary"} {
		if got, ok := en.TitleHeadOfPlural(w); !ok || got != want {
			t.Errorf("TitleHeadOfPlural(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	if _, ok := en.TitleHeadOfPlural("talks"); ok {
		t.Error("talks is a plural title")
	}
	for w, want := range map[string]string{"sen": "Senator", "ceo": "CEO", "det": "Detective"} {
		if got, ok := en.TitleSpelling(w); !ok || got != want {
			t.Errorf("TitleSpelling(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	if !en.Honorific("mrs") || en.Honorific("minister") || !en.NameSuffix("jr") || !en.SurnameParticle("von") {
		t.Error("honorifics, suffixes or particles misread")
	}
}

func TestSpeechVerbs(t *testing.T) {
	en := English()
	for w, want := range map[string]SpeechKind{"said": Say, "told": Say, "adding": SayingParticiple, "according": According,
		"described": Label, "talks": NotSpeech, "Said": NotSpeech} {
		if got := en.SpeechVerb(w); got != want {
			t.Errorf("SpeechVerb(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestNationality(t *testing.T) {
	en := English()
	for phrase, want := range map[string]string{"russian": "ru", "russia's": "ru", "russia’s": "ru", "u.s.": "us",
		"united states": "us", "american": "us", "british": "uk", "u.k.": "uk", "european": "eu"} {
		if got, ok := en.Nationality(phrase); !ok || got != want {
			t.Errorf("Nationality(%q) = %q, %v; want %q", phrase, got, ok, want)
		}
	}
	for _, phrase := range []string{"geneva", "mission", "", "'s"} {
		if got, ok := en.Nationality(phrase); ok {
			t.Errorf("Nationality(%q) = %q", phrase, got)
		}
	}
}

func TestZones(t *testing.T) {
	for abbr, want := range map[string]int{"gmt": 0, "edt": -4 * 3600, "ist": 5*3600 + 1800, "cest": 2 * 3600} {
		if got, ok := ZoneOffset(abbr); !ok || got != want {
			t.Errorf("ZoneOffset(%q) = %d, %v; want %d", abbr, got, ok, want)
		}
	}
	if _, ok := ZoneOffset("et"); ok || !ZoneWord("et") {
		t.Error(`"et" has a fixed offset, or is no zone`)
	}
	if ZoneWord("geneva") {
		t.Error("geneva is a zone abbreviation")
	}
	n := 0
	for abbr, off := range ZoneOffsets() {
		if got, ok := ZoneOffset(abbr); !ok || got != off {
			t.Errorf("ZoneOffsets gives %q %d, ZoneOffset %d %v", abbr, off, got, ok)
		}
		n++
	}
	if n < 20 {
		t.Errorf("ZoneOffsets lists %d zones", n)
	}
	for place, want := range map[string]string{"Geneva": "Europe/Zurich", "GENEVA": "Europe/Zurich", " new york ": "America/New_York"} {
		if loc := PlaceZone(place); loc == nil || loc.String() != want {
			t.Errorf("PlaceZone(%q) = %v, want %s", place, loc, want)
		}
	}
	if PlaceZone("Atlantis") != nil || KnownPlace("Atlantis") || !KnownPlace("Kyiv") {
		t.Error("Atlantis has a zone, or Kyiv has none")
	}
}

func TestCalendarName(t *testing.T) {
	en := English()
	for w, want := range map[string]bool{"july": true, "monday": true, "may": true, "jul": false, "mon": false, "sept": false, "talks": false} {
		if got := en.CalendarName(w); got != want {
			t.Errorf("CalendarName(%q) = %v, want %v", w, got, want)
		}
	}
	if !Initials("U.S") || !Initials("a.m") || Initials("Mr") || Initials("Ph.D") {
		t.Error("Initials misreads U.S, a.m, Mr or Ph.D")
	}
}

func TestWhenSaid(t *testing.T) {
	en := English()
	tests := []struct {
		text, date string
		want       bool
	}{
		{"Russia on Tuesday said the talks would resume.", "Tuesday", true},
		{"The ministry said on Tuesday that talks would resume.", "Tuesday", true},
		{"The minister, speaking Monday, said talks would resume.", "Monday", true},
		{"Talks resumed on Tuesday in Geneva.", "Tuesday", false},
		{"On Monday, officials confirmed the date.", "Monday", false},
		{"Tuesday", "Tuesday", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.date)
		if got := en.WhenSaid(tt.text, i, i+len(tt.date)); got != tt.want {
			t.Errorf("WhenSaid(%q, %q) = %v, want %v", tt.text, tt.date, got, tt.want)
		}
	}
	if en.WhenSaid("said", 3, 99) {
		t.Error("WhenSaid outside the text")
	}
}
