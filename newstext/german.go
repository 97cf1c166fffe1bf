package newstext

// The German tables. Words are lower case; phrases are keyed by PieceKey.

var german = func() *Lexicon {
	l := &Lexicon{lang: "de"}
	l.calendar(
		[12]string{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
			"november", "dezember"}, nil, false,
		[7]string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}, nil, nil)
	// Austrian January, the Saturday of the north, and the umlaut written out.
	l.forms(map[string]int{"jänner": 1, "maerz": 3}, map[string]int{"sonnabend": 6})
	l.abbreviate(`dr prof hr hrn fr st`,
		`bzw ca vgl nr str tel inkl evtl ggf jan feb apr aug sept okt nov dez mio mrd abs bspw geb gest jh zzgl`,
		`usw etc`)
	l.honorifics = wordSet(`herr herrn frau dr prof`)
	l.particles = wordSet(`von vom zu zur van der den de`)
	l.speechVerbs(`sagte sagten sagt sagen gesagt erklärte erklärten erklärt betonte betonten betont meinte meint
		warnte warnt fügte fügt kündigte kündigt teilte teilt sprach schrieb schreibt bekräftigte bekräftigt
		unterstrich unterstreicht räumte räumt versicherte versichert forderte fordert`,
		`so laut zufolge`)
	// Offices, which come before a speaker's name and are no part of it.
	l.titleHeads = wordSet(`minister ministerin sprecher sprecherin präsident präsidentin kanzler kanzlerin botschafter botschafterin chef chefin leiter leiterin generalsekretär generalsekretärin bundesrat bundesrätin diplomat diplomatin unterhändler unterhändlerin vertreter vertreterin bürgermeister bürgermeisterin direktor direktorin beauftragte beauftragter`)
	l.prose = &prose{
		relDays: keyed(map[string]int{"gestern": -1, "heute": 0, "morgen": 1, "vorgestern": -2, "übermorgen": 2}),
		eve:     keyedSet(`vortag | vorabend`),
		dirs: valued(map[string]int{`letzte letzten letzter letztes vergangene vergangenen vergangener vergangenes vorige
			vorigen voriger voriges`: -1, `nächste nächsten nächster nächstes kommende kommenden kommender kommendes`: 1,
			`diese diesen dieser dieses`: 0}),
		units: valued(map[string]Unit{`tag tage tagen`: Day, `woche wochen`: Week, `monat monate monaten monats`: Month,
			`jahr jahre jahren jahres`: Year}),
		numbers: valued(map[string]int{`ein eine einem einer einen`: 1, `zwei`: 2, `drei`: 3, `vier`: 4, `fünf`: 5,
			`sechs`: 6, `sieben`: 7, `acht`: 8, `neun`: 9, `zehn`: 10, `elf`: 11, `zwölf`: 12, `fünfzehn`: 15, `zwanzig`: 20}),
		future:    wordSet(`wird werden soll sollen will wollen morgen nächste nächsten kommenden`),
		datePreps: wordSet(`am`),
		marks: []QuoteMarks{{"„", []string{"“", "”"}}, {"»", []string{"«"}}, {"«", []string{"»"}}, {"“", []string{"”"}},
			{"\"", []string{"\""}}},
		pronouns:    wordSet(`er sie`),
		auxiliaries: wordSet(`hat haben hatte`),
		ordinalEnds: wordSet(`.`),
		openers: wordSet(`der die das den dem des ein eine einer er sie es wir ich aber und in im am an auf für nach vor
			bei als wenn dies diese dieser sein seine ihr ihre man`),
		speakerStops:   wordSet(`dass`),
		compoundTitles: true,
	}
	return l
}()
