package entity

import (
	"strings"

	"github.com/storyline-news/storyline/newstext"
)

// The title lexicon (heads, modifiers, complements, honorifics, name
// suffixes, surname particles, nationalities) is newstext's: quotes read
// titles and names with the same tables.

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// notQualifier reports a lower-case capitalised word that begins sentences
// or names a time (a month, a day), not a nation or an organisation.
func notQualifier(lw string) bool {
	return notQualifierWords[lw] || newstext.English().CalendarName(lw)
}

var notQualifierWords = wordSet(`
the a an in on at by and but or for with from to of as after before when while
if that this these those he she it they we i you his her its their our my your
mr mrs ms dr miss mx meanwhile however also then now last next both according
yesterday today tonight tomorrow earlier later so yet still since until during
there here where who what which why how not no all some many most several other
another each every said says told asked added photo file reuters afp ap tass
`)

// placeNames are places that English-language outlets name in several
// ways, the preferred name first.
var placeNames = [][]string{
	{"United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"},
	{"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"},
	{"Russia", "Russian Federation"},
	{"United Arab Emirates", "UAE", "U.A.E."},
	{"European Union", "EU", "E.U."},
	{"United Nations", "UN", "U.N."},
	{"Democratic Republic of the Congo", "DR Congo", "DRC"},
	{"Czech Republic", "Czechia"},
	{"North Korea", "DPRK"},
	{"South Korea", "Republic of Korea", "ROK"},
	{"Netherlands", "Holland"},
	{"Kyiv", "Kiev"},
	{"Kharkiv", "Kharkov"},
	{"Lviv", "Lvov"},
	{"Belarus", "Byelorussia", "Belorussia"},
	{"Moldova", "Moldavia"},
	{"Myanmar", "Burma"},
	{"Turkey", "Türkiye", "Turkiye"},
	{"Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"},
	{"Mumbai", "Bombay"},
	{"Kolkata", "Calcutta"},
	{"Chennai", "Madras"},
	{"Beijing", "Peking"},
	{"Eswatini", "Swaziland"},
	{"North Macedonia", "Macedonia"},
}

// placeNamesAbroad are the names of places in other languages and
// scripts (exonyms and endonyms), the English name first: reports in
// German, French, Spanish, Italian or Russian name Geneva Genf, Genève,
// Ginebra, Женева. Only names whose key differs from the English one's
// are listed (Берлин, Київ, Prag and Rusia have Berlin's, Kyiv's,
// Prague's and Russia's keys already), and none whose key is an English
// word or a name in English news: Roma, Ginevra, Mosca, Francia, Polonia
// and Germania (and Германия, which keys as Germania) are people, clubs
// or firms too, Chine keys as Chin and Рим as RIM.
var placeNamesAbroad = [][]string{
	{"Geneva", "Genf", "Genève", "Ginebra", "Женева"},
	{"Moscow", "Moskau", "Moscou", "Moscú", "Москва"},
	{"Vienna", "Wien", "Vienne", "Вена"},
	{"Munich", "München", "Мюнхен"},
	{"Cologne", "Köln", "Кёльн"},
	{"Warsaw", "Warschau", "Varsovie", "Varsovia", "Warszawa", "Варшава"},
	{"Prague", "Praha", "Прага"},
	{"Brussels", "Brüssel", "Bruxelles", "Bruselas", "Брюссель"},
	{"Lisbon", "Lisboa", "Lissabon", "Лиссабон"},
	{"Copenhagen", "København", "Копенгаген"},
	{"Beijing", "Pékin", "Pekín", "Пекин"},
	{"Germany", "Deutschland", "Allemagne", "Alemania"},
	{"Switzerland", "Schweiz", "Suisse", "Suiza", "Svizzera", "Швейцария"},
	{"Austria", "Österreich", "Autriche", "Австрия"},
	{"Russia", "Russland", "Russie", "Россия"},
	{"Ukraine", "Ucrania", "Ucraina", "Україна", "Украина"},
	{"France", "Frankreich", "Франция"},
	{"Spain", "Spanien", "Espagne", "España", "Испания"},
	{"Poland", "Polen", "Pologne", "Польша"},
	{"Sweden", "Schweden", "Suède", "Suecia", "Швеция"},
	{"China", "Китай"},
	{"Japan", "Japon", "Japón", "Giappone", "Япония"},
	{"Belarus", "Weißrussland", "Biélorussie"},
	{"United States", "Vereinigte Staaten", "États-Unis", "Estados Unidos", "Stati Uniti", "США"},
}

// bodyNamesAbroad are organisations' acronyms in other languages and
// scripts, the English one first: OTAN is NATO (as НАТО is by its key
// alone). Acronyms that
// are English words or other bodies' acronyms in English news (UNO; IWF,
// the Internet Watch Foundation; ЕС for the EU, whose key is ES) are left
// out.
var bodyNamesAbroad = [][]string{
	{"NATO", "OTAN"},
	{"OSCE", "OSZE", "ОБСЕ"},
	{"United Nations", "ONU", "ООН"},
	{"European Union", "UE"},
	{"WHO", "OMS", "ВОЗ"},
	{"IAEA", "AIEA", "IAEO", "МАГАТЭ"},
	{"IMF", "FMI", "МВФ"},
	{"ICRC", "CICR", "МККК"},
	{"WTO", "OMC", "ВТО"},
	{"OPEC", "OPEP", "ОПЕК"},
}

// aliasTable maps the key of each name of the groups to the key of the
// group's first name.
func aliasTable(lists ...[][]string) map[string]string {
	m := map[string]string{}
	for _, groups := range lists {
		for _, g := range groups {
			canon := newstext.NameKey(g[0])
			for _, n := range g {
				m[newstext.NameKey(n)] = canon
			}
		}
	}
	return m
}

// placeAliases unify the names of places, in English and other
// languages; keys are newstext.NameKey()s.
var placeAliases = aliasTable(placeNames, placeNamesAbroad)

// bodyAliases unify the acronyms of organisations in other languages;
// keys are newstext.NameKey()s.
var bodyAliases = aliasTable(bodyNamesAbroad)

// nicknames maps the key of a short or familiar first name to the key of its
// full form, so that "Joe Biden" and "Joseph Biden" are compatible.
var nicknames = func() map[string]string {
	pairs := map[string]string{
		"joe": "joseph", "bill": "william", "billy": "william", "will": "william",
		"bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael",
		"tony": "anthony", "jim": "james", "jimmy": "james", "tom": "thomas",
		"dick": "richard", "rick": "richard", "ed": "edward", "ted": "edward",
		"dave": "david", "dan": "daniel", "sam": "samuel", "chris": "christopher",
		"alex": "alexander", "sasha": "alexander", "nick": "nicholas",
		"liz": "elizabeth", "beth": "elizabeth", "kate": "katherine",
		"sue": "susan", "ben": "benjamin", "andy": "andrew", "steve": "stephen",
		"jon": "jonathan", "matt": "matthew", "pete": "peter", "larry": "lawrence",
		"ron": "ronald", "don": "donald", "greg": "gregory", "jeff": "jeffrey",
		"chuck": "charles", "charlie": "charles", "hank": "henry", "dima": "dmitry",
		"volodya": "vladimir", "misha": "mikhail", "kolya": "nikolai",
		"jenny": "jennifer", "vicky": "victoria", "al": "albert", "tim": "timothy",
		"fred": "frederick", "frank": "francis", "gerry": "gerald", "jerry": "gerald",
		"bernie": "bernard", "pat": "patrick",
	}
	m := map[string]string{}
	for k, v := range pairs {
		m[newstext.NameKey(k)] = newstext.NameKey(v)
	}
	// Steven and Stephen, Anthony and Antony already share a key.
	return m
}()
