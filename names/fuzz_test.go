package names

import (
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// Any input: no panic, and every mention's span lies inside the text, on
// character boundaries where the text is valid UTF-8.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Le ministre Lavrov à Genève, l'OTAN.", "Am Donnerstag sagte Herr Rjabkow.", "По словам Рябкова.",
		"M.", "l'", "Марта", "\xff\xfe É.", "A. B. C. D.",
	} {
		f.Add(s, "fr")
		f.Add(s, "ru")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		lists, _ := newstext.NameListsOf(lang)
		for _, m := range Find(text, lists) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("span %d:%d of %d bytes", m.Start, m.End, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("span %d:%d cuts a character", m.Start, m.End)
			}
		}
	})
}
