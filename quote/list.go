package quote

import (
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// EntityNamed says whether name designates the entity: its name or an
// alias, with transliteration folded. Places speak too ("Russia said"), but
// only by their exact name.
func EntityNamed(e storyline.Entity, name string) bool {
	if e.Type == storyline.Place || e.Type == storyline.Other {
		return newstext.NameKey(e.Name) == newstext.NameKey(name)
	}
	if SpeakerNamed(e.Name, name) {
		return true
	}
	for _, a := range e.Aliases {
		if SpeakerNamed(a, name) {
			return true
		}
	}
	return false
}

// SpeakerNamed says whether a query names a speaker: the query's words are
// all in the speaker's name, with transliteration folded ("Ryabkov",
// "sergey riabkov" → Sergei Ryabkov).
func SpeakerNamed(speaker, query string) bool {
	ks, kq := strings.Fields(newstext.NameKey(speaker)), strings.Fields(newstext.NameKey(query))
	return len(kq) > 0 && len(ks) > 0 && newstext.WordsWithin(kq, ks)
}
