package newstext

// The calendar words of the languages other than English that news pages
// date themselves in. Their other tables are still empty: a stage that
// analyses such text in its own language needs them first.

var french = func() *Lexicon {
	l := &Lexicon{lang: "fr"}
	l.calendar(
		[12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
			"novembre", "décembre"}, nil, false,
		[7]string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}, nil, nil)
	return l
}()

var german = func() *Lexicon {
	l := &Lexicon{lang: "de"}
	l.calendar(
		[12]string{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
			"november", "dezember"}, nil, false,
		[7]string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}, nil, nil)
	return l
}()

var spanish = func() *Lexicon {
	l := &Lexicon{lang: "es"}
	l.calendar(
		[12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
			"noviembre", "diciembre"}, nil, false,
		[7]string{"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"}, nil, nil)
	return l
}()

var portuguese = func() *Lexicon {
	l := &Lexicon{lang: "pt"}
	l.calendar(
		[12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
			"novembro", "dezembro"}, nil, false,
		[7]string{"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"},
		// Pages write the weekdays without "-feira" as often as with it.
		map[string]int{"segunda": 1, "terça": 2, "quarta": 3, "quinta": 4, "sexta": 5}, nil)
	return l
}()

var italian = func() *Lexicon {
	l := &Lexicon{lang: "it"}
	l.calendar(
		[12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
			"novembre", "dicembre"}, nil, false,
		[7]string{"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"}, nil, nil)
	return l
}()
