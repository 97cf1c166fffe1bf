package newstext

// The Spanish tables. Words are lower case; phrases are keyed by PieceKey.

var spanish = func() *Lexicon {
	l := &Lexicon{lang: "es"}
	l.calendar(
		[12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
			"noviembre", "diciembre"}, nil, false,
		[7]string{"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"}, nil, nil)
	l.forms(map[string]int{"setiembre": 9}, map[string]int{"miercoles": 3, "sabado": 6})
	l.abbreviate(`sr sra srta sres dr dra dña lic ing gral`,
		`núm pág av avda aprox ene abr ago sept oct nov dic cía uds vd art vol`,
		`etc`)
	l.honorifics = wordSet(`sr sra srta señor señora señorita don doña dña dr dra`)
	l.particles = wordSet(`de del la las los y`)
	l.speechVerbs(`dijo dijeron dice afirmó afirma declaró declara señaló señala aseguró asegura explicó explica
		añadió añade agregó agrega indicó indica subrayó subraya advirtió advierte insistió insiste apuntó apunta
		sostuvo sostiene manifestó destacó destaca reconoció anunció comentó precisó recalcó`,
		`según`)
	// Offices, which come before a speaker's name and are no part of it.
	l.titleHeads = wordSet(`ministro ministra portavoz presidente presidenta canciller embajador embajadora secretario secretaria jefe jefa director directora diplomático diplomática negociador negociadora representante enviado enviada alcalde alcaldesa`)
	l.prose = &prose{
		relDays: keyed(map[string]int{"ayer": -1, "hoy": 0, "mañana": 1, "anteayer": -2, "antier": -2,
			"pasado mañana": 2}),
		eve: keyedSet(`víspera`),
		dirs: valued(map[string]int{`pasado pasada anterior`: -1, `próximo próxima próximos próximas`: 1,
			`este esta`: 0}),
		units: valued(map[string]Unit{`día días`: Day, `semana semanas`: Week, `mes meses`: Month, `año años`: Year}),
		numbers: valued(map[string]int{`un una uno`: 1, `dos`: 2, `tres`: 3, `cuatro`: 4, `cinco`: 5, `seis`: 6,
			`siete`: 7, `ocho`: 8, `nueve`: 9, `diez`: 10, `once`: 11, `doce`: 12, `quince`: 15, `veinte`: 20}),
		future:       wordSet(`será serán va van habrá próximo próxima mañana`),
		futureEnds:   []string{"rá", "rán"},
		datePreps:    wordSet(`el este`),
		marks:        []QuoteMarks{{"«", []string{"»"}}, {"“", []string{"”"}}, {"\"", []string{"\""}}},
		dashDialogue: true,
		pronouns:     wordSet(`él ella`),
		auxiliaries:  wordSet(`ha han había`),
		ordinalEnds:  wordSet(`º °`),
		openers: wordSet(`el la los las lo un una unos unas él ella ellos ellas este esta pero y en con para por según tras
			antes después cuando si su sus de del al`),
		speakerStops: wordSet(`que`),
	}
	return l
}()
