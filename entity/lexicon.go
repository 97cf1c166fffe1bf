package entity

import (
	"strings"

	"github.com/storyline-news/storyline/newstext"
)

// The title lexicon: a role is a phrase of optional qualifiers (nationality,
// organisation: "Russian", "Kremlin's", "Apple"), modifiers ("deputy",
// "foreign", "state") and at least one head noun ("minister", "secretary"),
// with optional "of/for" complements ("of State", "for Arms Control").
// Words are lower case; matching is case-insensitive.

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var titleHeads = wordSet(`
president minister secretary undersecretary spokesman spokeswoman spokesperson
ambassador chief director chairman chairwoman chairperson chair leader governor
senator general envoy diplomat chancellor premier king queen prince princess
emperor empress pope mayor commissioner representative negotiator official
adviser advisor counsellor counselor head ceo cfo coo cto founder cofounder
judge justice attorney prosecutor lieutenant colonel commander admiral captain
sergeant marshal deputy correspondent reporter editor professor economist
analyst emir sheikh sultan ayatollah archbishop bishop cardinal rabbi imam
patriarch coach manager officer executive speaker mp mep lawmaker legislator
congressman congresswoman councillor councilman councilwoman delegate consul
mediator inspector administrator superintendent dean rector treasurer
president-elect secretary-general director-general commander-in-chief
vice-president vice-chancellor vice-chairman crown-prince monarch sen gen gov
rep lt col capt sgt adm pres amb supt insp cmdr maj major dictator strongman
czar tsar chieftain warlord activist spokespeople attache ombudsman comptroller
auditor governor-general premier-elect vice-premier aide assistant staffer whip lawyer
foreign-minister prime-minister
`)

var titleModifiers = wordSet(`
deputy vice assistant associate acting interim former ex foreign defence defense
interior finance state under senior top first second prime special general
executive national security federal permanent presidential press trade economy
economic health justice energy chief principal regional provincial district
attorney managing lead head joint supreme grand crown majority minority
opposition party shadow junior high lord army military police intelligence
science culture education environment agriculture labour labor transport home
treasury commerce industry immigration development digital communications
information sports tourism housing climate nuclear arms control human rights
peace then outgoing incoming longtime veteran elect co vice-presidential
chief-executive white-house finance-ministry defence-ministry foreign-ministry
deputy-prime first-deputy non-executive
`)

// titleComplements may follow "of"/"for" in lower case ("secretary of
// state"); capitalised words are accepted there too when the phrase is
// delimited by the text around it.
var titleComplements = wordSet(`
state defence defense foreign affairs interior justice finance treasury health
education energy commerce trade labour labor agriculture transport
transportation economy economic development environment culture sport sports
home security disarmament arms control international national homeland public
policy political staff joint chiefs nations armed forces army navy air force
intelligence veterans housing industry science technology information
communications immigration war peace europe european eurasian asian african
affairs relations cooperation co-operation nonproliferation non-proliferation
the administration operations management budget planning strategy strategic
stability human rights emergency emergencies digital climate civil protection
`)

// notQualifiers are capitalised words that begin sentences or name times,
// not nations or organisations.
var notQualifiers = wordSet(`
the a an in on at by and but or for with from to of as after before when while
if that this these those he she it they we i you his her its their our my your
mr mrs ms dr miss mx meanwhile however also then now last next both according
yesterday today tonight tomorrow earlier later so yet still since until during
monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december there here where
who what which why how not no all some many most several other another each
every said says told asked added photo file reuters afp ap tass
`)

// honorifics are dropped from person names; they are not roles.
var honorifics = wordSet(`
mr mrs ms miss mx dr prof sir dame madam madame mme mlle herr frau senor senora
monsieur mister messrs hon rev fr lady lord
`)

var nameSuffixes = wordSet(`jr sr ii iii iv`)

// surnameParticles belong to the surname (van, von, de...) and are not first
// names.
var surnameParticles = wordSet(`van von der den de du da di la le del della dos das bin ibn al el ben ter ten`)

// titleDisplay spells abbreviations and acronyms of the lexicon in full or in
// capitals.
var titleDisplay = map[string]string{
	"ceo": "CEO", "cfo": "CFO", "coo": "COO", "cto": "CTO", "mp": "MP", "mep": "MEP",
	"sen": "Senator", "gen": "General", "gov": "Governor", "rep": "Representative",
	"lt": "Lieutenant", "col": "Colonel", "capt": "Captain", "sgt": "Sergeant",
	"adm": "Admiral", "pres": "President", "amb": "Ambassador", "supt": "Superintendent",
	"insp": "Inspector", "cmdr": "Commander", "maj": "Major",
}

// pluralHead maps a plural head ("presidents") to its singular.
func pluralHead(w string) (string, bool) {
	switch {
	case strings.HasSuffix(w, "ies") && titleHeads[w[:len(w)-3]+"y"]:
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "men") && titleHeads[w[:len(w)-3]+"man"]:
		return w[:len(w)-3] + "man", true
	case strings.HasSuffix(w, "s") && titleHeads[w[:len(w)-1]]:
		return w[:len(w)-1], true
	}
	return "", false
}

// nationality maps country names, adjectives and codes that qualify an
// organisation ("US State Department") to one code, so that qualified and
// bare forms can be compared.
var nationality = map[string]string{
	"us": "us", "usa": "us", "american": "us", "america": "us", "united states": "us",
	"uk": "uk", "british": "uk", "britain": "uk", "united kingdom": "uk",
	"russian": "ru", "russia": "ru", "russia's": "ru",
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
