package newstext

// The calendar words of the languages that news pages date themselves in
// but that no stage analyses yet: their other tables are empty, and a stage
// that reads such text produces nothing (see Analysis). French, German,
// Spanish and Russian have files of their own.

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
