package timex

// langRules are the time grammars of the languages analysed in their own
// right, by ISO 639-1 code: named rules as data, each with its examples in
// lang_test.go. Patterns are read by compilePattern; their slots by the
// language's newstext lexicon. Prepositions ("am", "en", "в") stay out of
// an expression's span, as TimeML has them.
func langRules() map[string][]langRule {
	return map[string][]langRule{
		"fr": {
			{"fr-date", "", "[ {WEEKDAY} ] {DAY} {MONTH} [ {YEAR} ]", lkDate},
			{"fr-numeric-date", "", "{DAY} ~/ ~{MONNUM} ~/ ~{YEAR}", lkDate},
			{"fr-month-year", "", "{MONTH} {YEAR}", lkMonth},
			{"fr-month", "en|depuis|fin|début|mi|dès|jusqu'en|d'", "{MONTH}", lkMonth},
			{"fr-year", "en|depuis|dès|année|l'année", "{YEAR}", lkYear},
			{"fr-relative-day", "", "{RELDAY}", lkRelDay},
			{"fr-eve", "", "la {EVE}", lkEve},
			{"fr-weekday-direction", "", "{WEEKDAY} {DIR}", lkWeekday},
			{"fr-this-weekday", "", "ce {WEEKDAY}", lkWeekday},
			{"fr-weekday", "", "{WEEKDAY}", lkWeekday},
			{"fr-unit-direction", "", "[ la|le ] [ l ~' ] {UNIT} {DIR}", lkUnitRel},
			{"fr-this-unit", "", "ce|cet|cette {UNIT}", lkUnitRel},
			{"fr-ago", "", "il y a {NUM} {UNIT}", lkAgo},
			{"fr-in", "", "dans {NUM} {UNIT}", lkIn},
			{"fr-duration", "", "{NUM} {UNIT}", lkDuration},
		},
		"de": {
			{"de-date", "", "[ {WEEKDAY} [ , ] [ den|dem ] ] {DAY} {MONTH} [ {YEAR} ]", lkDate},
			{"de-numeric-date", "", "{DAY} ~. ~{MONNUM} ~. ~{YEAR}", lkDate},
			{"de-month-year", "", "{MONTH} {YEAR}", lkMonth},
			{"de-month", "im|seit|ende|anfang|mitte|bis|vom|zum", "{MONTH}", lkMonth},
			{"de-year", "jahr|jahre|seit|bis", "{YEAR}", lkYear},
			// The noun "morning" is no "tomorrow"; a veto wins over an
			// equally long match of the rules after it.
			{"de-morning", "am|den|jeden|heute|gestern|der|des|eines|einem|guten", "morgen", lkVeto},
			{"de-relative-day", "", "{RELDAY}", lkRelDay},
			{"de-eve", "am|vom", "{EVE}", lkEve},
			{"de-direction-weekday", "", "{DIR} {WEEKDAY}", lkWeekday},
			{"de-weekday", "", "{WEEKDAY}", lkWeekday},
			{"de-direction-unit", "", "{DIR} {UNIT}", lkUnitRel},
			{"de-ago", "", "vor {NUM} {UNIT}", lkAgo},
			{"de-in", "", "in {NUM} {UNIT}", lkIn},
			{"de-duration", "", "{NUM} {UNIT}", lkDuration},
		},
		"es": {
			{"es-date", "", "[ {WEEKDAY} [ , ] ] {DAY} de {MONTH} [ de|del {YEAR} ]", lkDate},
			{"es-numeric-date", "", "{DAY} ~/ ~{MONNUM} ~/ ~{YEAR}", lkDate},
			{"es-month-year", "", "{MONTH} de|del {YEAR}", lkMonth},
			{"es-month", "en|desde|hasta|de", "{MONTH}", lkMonth},
			{"es-year", "en|desde|hasta|año", "{YEAR}", lkYear},
			// The noun "morning" is no "tomorrow"; a veto wins over an
			// equally long match of the rules after it.
			{"es-morning", "la|esta|cada|por|una|de", "mañana", lkVeto},
			{"es-relative-day", "", "{RELDAY}", lkRelDay},
			{"es-eve", "", "la {EVE}", lkEve},
			{"es-direction-weekday", "", "{DIR} {WEEKDAY}", lkWeekday},
			{"es-weekday-direction", "", "{WEEKDAY} {DIR}", lkWeekday},
			{"es-weekday", "", "{WEEKDAY}", lkWeekday},
			{"es-unit-direction", "", "{UNIT} {DIR}", lkUnitRel},
			{"es-direction-unit", "", "{DIR} {UNIT}", lkUnitRel},
			{"es-ago", "", "hace {NUM} {UNIT}", lkAgo},
			{"es-in", "", "dentro de {NUM} {UNIT}", lkIn},
			{"es-duration", "", "{NUM} {UNIT}", lkDuration},
		},
		"ru": {
			{"ru-date", "", "[ {WEEKDAY} [ , ] ] {DAY} {MONTH} [ {YEAR} [ года ] [ г ~. ] ]", lkDate},
			{"ru-numeric-date", "", "{DAY} ~. ~{MONNUM} ~. ~{YEAR}", lkDate},
			{"ru-month-year", "", "{MONTH} {YEAR} [ года|году|г ]", lkMonth},
			{"ru-month", "в|во|с|до|конце|начале|середине", "{MONTH}", lkMonth},
			{"ru-year", "", "{YEAR} году|года|г", lkYear},
			{"ru-relative-day", "", "{RELDAY}", lkRelDay},
			{"ru-eve", "", "{EVE}", lkEve},
			{"ru-direction-weekday", "", "{DIR} {WEEKDAY}", lkWeekday},
			// "среда" is also the environment: a bare weekday only after
			// the preposition that makes it a day.
			{"ru-weekday", "в|во|до|с|со|к|ко|по", "{WEEKDAY}", lkWeekday},
			{"ru-direction-unit", "", "{DIR} {UNIT}", lkUnitRel},
			{"ru-ago", "", "{NUM} {UNIT} назад", lkAgo},
			{"ru-in", "", "через {NUM} {UNIT}", lkIn},
			{"ru-duration", "", "{NUM} {UNIT}", lkDuration},
		},
	}
}
