package newstext

// The French tables. Words are lower case; phrases are keyed by PieceKey.

var french = func() *Lexicon {
	l := &Lexicon{lang: "fr"}
	l.calendar(
		[12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
			"novembre", "décembre"}, nil, false,
		[7]string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}, nil, nil)
	// Written without accents on pages that lose them.
	l.forms(map[string]int{"fevrier": 2, "aout": 8, "decembre": 12}, nil)
	l.abbreviate(`m mm mme mmes mlle mlles dr pr me st ste gal col cdt`,
		`janv févr avr juil sept oct nov déc av bd env cf art ch vol nº no`,
		`etc`)
	l.honorifics = wordSet(`m mm mme mmes mlle monsieur madame mademoiselle messieurs dr pr me maître`)
	l.particles = wordSet(`de du des d la le`)
	l.speechVerbs(`déclaré dit affirmé ajouté souligné expliqué indiqué estimé assuré averti insisté précisé martelé
		lancé confié répondu rappelé prévenu annoncé jugé dénoncé reconnu promis regretté déploré commenté
		déclare dit affirme ajoute souligne explique indique estime assure avertit insiste précise martèle lance
		confie répond rappelle prévient annonce juge dénonce reconnaît promet regrette déplore commente
		déclarait disait affirmait ajoutait expliquait`,
		`selon`)
	// Offices, which come before a speaker's name and are no part of it.
	l.titleHeads = wordSet(`ministre président présidente porte-parole secrétaire chef cheffe directeur directrice ambassadeur ambassadrice chancelier chancelière conseiller conseillère diplomate négociateur négociatrice responsable délégué déléguée envoyé envoyée maire commissaire représentant représentante`)
	l.prose = &prose{
		relDays: keyed(map[string]int{"hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2, "après-demain": 2}),
		eve:     keyedSet(`veille`),
		dirs: valued(map[string]int{`dernier dernière derniers dernières passé passée précédent précédente`: -1,
			`prochain prochaine prochains prochaines suivant suivante`: 1, `ce cet cette`: 0}),
		units: valued(map[string]Unit{`jour jours`: Day, `semaine semaines`: Week, `mois`: Month, `an ans année années`: Year}),
		numbers: valued(map[string]int{`un une`: 1, `deux`: 2, `trois`: 3, `quatre`: 4, `cinq`: 5, `six`: 6, `sept`: 7,
			`huit`: 8, `neuf`: 9, `dix`: 10, `onze`: 11, `douze`: 12, `quinze`: 15, `vingt`: 20}),
		future:      wordSet(`sera seront aura auront va vont doit doivent devrait devraient prochain prochaine demain`),
		futureEnds:  []string{"era", "eront", "ira", "iront", "dra", "dront"},
		datePreps:   wordSet(`le ce`),
		marks:       []QuoteMarks{{"«", []string{"»"}}, {"“", []string{"”"}}, {"\"", []string{"\""}}},
		pronouns:    wordSet(`il elle`),
		auxiliaries: wordSet(`a ont avait`),
		ordinalEnds: wordSet(`er re`),
		openers: wordSet(`le la les l un une des ce cette ces il elle ils elles on nous je mais et en dans à au aux pour
			selon après avant lors quand si son sa ses leur leurs de du d`),
		speakerStops: wordSet(`que qu`),
	}
	return l
}()
