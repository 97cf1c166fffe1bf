package newstext

import "strings"

// englishNations maps the names, adjectives and codes of countries (and
// of the EU) to one code, so that "the US State Department", "the
// American State Department" and "the State Department of the United
// States" can be compared.
func englishNations() map[string]string {
	return map[string]string{
		"us": "us", "usa": "us", "american": "us", "america": "us", "united states": "us",
		"uk": "uk", "british": "uk", "britain": "uk", "united kingdom": "uk",
		"russian": "ru", "russia": "ru",
		"french": "fr", "france": "fr", "german": "de", "germany": "de",
		"chinese": "cn", "china": "cn", "japanese": "jp", "japan": "jp",
		"indian": "in", "india": "in", "italian": "it", "italy": "it",
		"spanish": "es", "spain": "es", "canadian": "ca", "canada": "ca",
		"australian": "au", "australia": "au", "ukrainian": "ua", "ukraine": "ua",
		"swiss": "ch", "switzerland": "ch", "israeli": "il", "israel": "il",
		"iranian": "ir", "iran": "ir", "turkish": "tr", "turkey": "tr",
		"polish": "pl", "poland": "pl", "dutch": "nl", "belgian": "be",
		"swedish": "se", "norwegian": "no", "danish": "dk", "finnish": "fi",
		"brazilian": "br", "mexican": "mx", "korean": "kr", "saudi": "sa",
		"egyptian": "eg", "pakistani": "pk", "afghan": "af", "iraqi": "iq",
		"syrian": "sy", "european": "eu", "eu": "eu",
	}
}

// Nationality is the code of the country a lower-case word or phrase
// names or qualifies: "russian", "russia" and "russia's" give "ru";
// "u.s.", "united states" and "american" give "us".
func (l *Lexicon) Nationality(phrase string) (string, bool) {
	if c, ok := l.nations[phrase]; ok {
		return c, true
	}
	for _, suf := range []string{"'s", "’s"} {
		if p, ok := strings.CutSuffix(phrase, suf); ok {
			return l.Nationality(p)
		}
	}
	if strings.Contains(phrase, ".") {
		// "u.s.", "u.k.": initials written with periods.
		if c, ok := l.nations[strings.ReplaceAll(phrase, ".", "")]; ok {
			return c, true
		}
	}
	return "", false
}
