package lang

import (
	"math/bits"
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// A language's evidence is what a reader spots at once: its commonest
// function words and the letters no other language of its script (among
// those Detect chooses from) writes. News sentences are short, and a
// handful of these settles most of them without any statistics.
type evidence struct {
	code string
	// profile is the language's trigram profile in whatlanggo, which
	// decides when the evidence does not (it names Standard Arabic and
	// Iranian Persian by their ISO 639-3 individual codes).
	profile whatlanggo.Lang
	words   string // separated by spaces
	letters string
	// lettersExpected is set where the distinctive letters are so common
	// that nearly every sentence shows one (Ukrainian і, Persian ی):
	// their absence then speaks against the language.
	lettersExpected bool
}

// family is the languages written in one script, with their words indexed
// once: a word maps to the set of languages (bit i for langs[i]) that use
// it, so that scoring looks each word of a text up once.
type family struct {
	langs []evidence
	words map[string]uint32
}

func newFamily(langs []evidence) family {
	f := family{langs: langs, words: map[string]uint32{}}
	for i, l := range langs {
		for _, w := range strings.Fields(l.words) {
			f.words[w] |= 1 << i
		}
	}
	return f
}

// The word lists hold each language's commonest function words (articles,
// pronouns, prepositions, conjunctions, auxiliaries) and a few words news
// writes in every story ("said"); a word two languages share counts for
// both. Elided forms appear without their apostrophe ("l", "qu"), as the
// tokenizer splits there.
var (
	latinFamily = newFamily([]evidence{
		{"en", whatlanggo.Eng, "the of and to a in is was for that with said he his from by has have had are were be been will would not this which after their they an who but than its over into it on at as or if when she her them there these could may more also some what up out about", "", false},
		{"fr", whatlanggo.Fra, "le la les de des du un une et est à au aux en dans par pour sur avec qui que ne pas a été ont sont il elle ils se son sa ses cette ce plus selon après mais d l qu n s", "œ", false},
		{"de", whatlanggo.Deu, "der die das den dem des und in ist war ein eine einen einem einer nicht mit von zu im auf für sich bei nach wie auch aus am hat haben wurde werden sie er es dass aber noch um über vor zum zur", "ß", false},
		{"es", whatlanggo.Spa, "el la los las de del y en un una que se por con para es fue al su sus lo como más pero ha han sobre tras según este esta también entre sin muy ya", "ñ¿¡", false},
		{"pt", whatlanggo.Por, "o a os as de do da dos das e em no na nos nas um uma que se por para com é foi ao à pelo pela seu sua mais mas não como já também entre após sem muito", "ãõ", false},
		{"it", whatlanggo.Ita, "il lo la i gli le di del della dei delle degli e è in nel nella un una che per con non si da dal dalla al alla ai sono ha hanno anche più ma come tra fra dopo questo questa sul sulla l d dell all nell", "ìò", false},
		{"nl", whatlanggo.Nld, "de het een en van in is op te dat die niet met voor zijn er aan bij om ook als was werd wordt naar door maar nog uit over hij zij ze heeft hebben deze dit tot", "ĳ", false},
		{"sv", whatlanggo.Swe, "och i att det som en ett på är av för med till den har de inte om var han hon men från efter vid sig så kan ska skulle också när under mot nya nu", "å", false},
		{"pl", whatlanggo.Pol, "i w z na się nie do to że jest o a od po jak ale co za przez dla jego już tak czy był była było są oraz który która które także tylko ze we", "ąęłńśźżć", false},
		{"tr", whatlanggo.Tur, "ve bir bu da de için ile çok olarak daha gibi olan ama en her şu o ki sonra kadar ancak değil yeni ise üzere göre tarafından ya veya", "şğı", false},
		{"id", whatlanggo.Ind, "yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga oleh adalah karena tersebut atau sebagai bisa ada sudah telah mereka kami kata para lebih setelah hingga saat bahwa", "", false},
	})
	cyrillicFamily = newFamily([]evidence{
		{"ru", whatlanggo.Rus, "и в не на что с по как это он она они но к у за из от о для был была было были же так уже или его ее её также который которые после при до во со только еще ещё", "ыэъё", false},
		{"uk", whatlanggo.Ukr, "і й в у не на що з із по як це він вона вони але до за від о для був була було були же вже або його її також який яка які після при та ще щоб між", "іїєґ", true},
	})
	arabicFamily = newFamily([]evidence{
		{"ar", whatlanggo.Arb, "في من على إلى أن التي الذي عن مع هذا هذه كان قد لا ما بعد كما بين وقال أو ذلك إن عند حتى لم لن كانت الى هو هي خلال يوم", "ةيكى", false},
		{"fa", whatlanggo.Pes, "و در به از که این را با است برای آن یک تا بر هم نیز می شد شده کرد بود خود اما یا پس هر دو ما او گفت دارد باید", "پچژگکی", true},
	})
)

// letterWeight is what a distinctive letter counts for against a function
// word: a letter no other candidate writes is the stronger sign, as
// function words are short and often shared.
const letterWeight = 2

// score counts each language's evidence in lower, a lowercased text: one
// for each function word and letterWeight for each distinctive letter.
func (f family) score(lower string) []int {
	scores := make([]int, len(f.langs))
	start := -1 // of the current word, or -1 between words
	for i, r := range lower {
		inWord := 'a' <= r && r <= 'z' || (r >= 0x80 && (unicode.IsLetter(r) || unicode.IsMark(r)))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			f.countWord(lower[start:i], scores)
			start = -1
		}
		if r >= 0x80 { // every distinctive letter is outside ASCII
			for li, l := range f.langs {
				if strings.ContainsRune(l.letters, r) {
					scores[li] += letterWeight
				}
			}
		}
	}
	if start >= 0 {
		f.countWord(lower[start:], scores)
	}
	return scores
}

func (f family) countWord(w string, scores []int) {
	for set := f.words[w]; set != 0; set &= set - 1 {
		scores[bits.TrailingZeros32(set)]++
	}
}

// decisiveMargin is how far a language's evidence must lead another's to
// rule it out: two words or one letter, as a single shared or borrowed
// word ("de", "met", "Premium") must not decide.
const decisiveMargin = 2

// contenders are the languages whose evidence comes within decisiveMargin
// of the best: all of them when nothing was found, one when the evidence
// is decisive.
func contenders(langs []evidence, scores []int) []evidence {
	best := 0
	for _, sc := range scores {
		best = max(best, sc)
	}
	var kept []evidence
	for i, l := range langs {
		if scores[i] > best-decisiveMargin {
			kept = append(kept, l)
		}
	}
	return kept
}

// plausible drops the languages whose expected letters are missing from
// lower, a lowercased text, unless that would drop them all.
func plausible(lower string, langs []evidence) []evidence {
	var kept []evidence
	for _, l := range langs {
		if !l.lettersExpected || strings.ContainsAny(lower, l.letters) {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return langs
	}
	return kept
}
