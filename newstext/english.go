package newstext

// The English tables. Words are lower case.

var english = func() *Lexicon {
	l := &Lexicon{lang: "en"}
	l.calendar(
		[12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
			"november", "december"},
		map[string]int{"sept": 9, "febr": 2}, true,
		[7]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
		map[string]int{"tues": 2, "weds": 3, "thur": 4, "thurs": 4},
		map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7})
	l.abbreviations = map[string]abbreviation{}
	add := func(kind abbreviationKind, conll bool, words string) {
		for _, w := range fields(words) {
			l.abbreviations[w] = abbreviation{kind: kind, conll: conll}
		}
	}
	// Abbreviations whose period the tokenizer keeps, as the CoNLL-2003
	// (Penn/Reuters) text the entity tagger learnt from writes them.
	add(plainAbbreviation, true, `sr jr inc corp co ltd bros plc llc dept univ assn no nos vs etc approx fig vol pp op jan feb mar apr
		jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri ala ariz calif colo conn fla kan kans ky mich minn
		mont neb nev okla penn tenn tex vt wis wyo ave blvd rd ste`)
	// The same, and everyday words too: "ill.", "the sun.", "10 a.m. EST."
	// end sentences as often as the abbreviations do.
	add(ordinaryAbbreviation, true, `est wed sat sun ark del ga ill ind la md mass miss mo ore pa va wash`)
	// The same, always followed by a name: "Gen. Mark Milley".
	add(nameAbbreviation, true, `mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep reps sens pres rev hon amb st mt ft`)
	// Followed by a name, but spelt without the period in CoNLL's text:
	// "Mme. Lagarde", "Det. Supt. Ruth Hale".
	add(nameAbbreviation, false, `mx mme mlle messrs fr supt insp det cpl pvt msgr const`)
	// Honorifics: dropped from a person's name, never a role.
	l.honorifics = wordSet(`mr mrs ms miss mx dr prof sir dame madam madame mme mlle herr frau senor senora monsieur mister messrs hon rev
		fr lady lord`)
	// Abbreviated ranks and offices, with their spelling in full, and the
	// titles written as acronyms.
	l.ranks = map[string]string{
		"sen": "Senator", "gen": "General", "gov": "Governor", "rep": "Representative",
		"lt": "Lieutenant", "col": "Colonel", "capt": "Captain", "sgt": "Sergeant",
		"adm": "Admiral", "pres": "President", "amb": "Ambassador", "supt": "Superintendent",
		"insp": "Inspector", "cmdr": "Commander", "maj": "Major", "det": "Detective",
		"cpl": "Corporal", "pvt": "Private", "msgr": "Monsignor", "const": "Constable",
	}
	l.titleAcronyms = wordSet(`ceo cfo coo cto mp mep`)
	// A title is a phrase of optional qualifiers (a nationality, an
	// organisation), modifiers ("deputy", "foreign") and at least one head
	// ("minister"), with optional "of"/"for" complements ("of State").
	l.titleHeads = wordSet(`president minister secretary undersecretary spokesman spokeswoman spokesperson ambassador chief director
		chairman chairwoman chairperson chair leader governor senator general envoy diplomat chancellor premier king
		queen prince princess emperor empress pope mayor commissioner representative negotiator official adviser
		advisor counsellor counselor head ceo cfo coo cto founder cofounder judge justice attorney prosecutor
		lieutenant colonel commander admiral captain sergeant marshal deputy correspondent reporter editor professor
		economist analyst emir sheikh sultan ayatollah archbishop bishop cardinal rabbi imam patriarch coach manager
		officer executive speaker mp mep lawmaker legislator congressman congresswoman councillor councilman
		councilwoman delegate consul mediator inspector administrator superintendent dean rector treasurer
		president-elect secretary-general director-general commander-in-chief vice-president vice-chancellor vice-chairman
		crown-prince monarch sen gen gov rep lt col capt sgt adm pres amb supt insp cmdr maj major dictator strongman
		czar tsar chieftain warlord activist spokespeople attache ombudsman comptroller auditor governor-general
		premier-elect vice-premier aide assistant staffer whip lawyer foreign-minister prime-minister`)
	l.titleMods = wordSet(`deputy vice assistant associate acting interim former ex foreign defence defense interior finance state under
		senior top first second prime special general executive national security federal permanent presidential press
		trade economy economic health justice energy chief principal regional provincial district attorney managing
		lead head joint supreme grand crown majority minority opposition party shadow junior high lord army military
		police intelligence science culture education environment agriculture labour labor transport home treasury
		commerce industry immigration development digital communications information sports tourism housing climate
		nuclear arms control human rights peace then outgoing incoming longtime veteran elect co vice-presidential
		chief-executive white-house finance-ministry defence-ministry foreign-ministry deputy-prime first-deputy
		non-executive`)
	l.titleComps = wordSet(`state defence defense foreign affairs interior justice finance treasury health education energy commerce trade
		labour labor agriculture transport transportation economy economic development environment culture sport
		sports home security disarmament arms control international national homeland public policy political staff
		joint chiefs nations armed forces army navy air force intelligence veterans housing industry science
		technology information communications immigration war peace europe european eurasian asian african affairs
		relations cooperation co-operation nonproliferation non-proliferation the administration operations management
		budget planning strategy strategic stability human rights emergency emergencies digital climate civil
		protection`)
	l.nameSuffixes = wordSet(`jr sr ii iii iv`)
	l.particles = wordSet(`van von der den de du da di la le del della dos das bin ibn al el ben ter ten`)
	l.speech = map[string]SpeechKind{}
	for _, w := range fields(`said says say told tells added adds stressed stresses tweeted tweets wrote writes posted stated states noted
		notes warned warns insisted insists argued argues claimed claims announced announces asserted asserts
		explained explains declared declares remarked replied replies responded answered asked asks urged urges
		acknowledged acknowledges admitted admits confirmed confirms denied denies emphasised emphasized emphasises
		emphasizes underlined underscored reiterated reiterates recalled suggested suggests commented comments
		concluded continued promised vowed predicted cautioned conceded observed affirmed maintained contended
		countered retorted quipped shouted exclaimed wondered complained boasted pledged proclaimed lamented revealed
		reported reports testified testifies chanted yelled screamed echoed apologised apologized thundered notified
		objected`) {
		l.speech[w] = Say
	}
	for _, w := range fields(`saying adding telling stressing noting warning insisting arguing claiming explaining declaring writing
		tweeting reporting stating asserting emphasising emphasizing underlining recalling suggesting calling
		describing`) {
		l.speech[w] = SayingParticiple
	}
	for _, w := range fields(`described describes called calls dubbed dubs termed terms labelled labeled branded`) {
		l.speech[w] = Label
	}
	l.speech["according"] = According
	l.nations = englishNations()
	return l
}()
