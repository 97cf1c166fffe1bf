package timex

// The calendar's names and the world's zones, kept in this one file so
// that they can move to a shared text package as one piece. The lexicon is
// built from them once (newLexicon); Zone reads the datelines.

// monthNames are the month names in calendar order; their first three
// letters are abbreviations too ("Jan", "Sept" below).
func monthNames() [12]string {
	return [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december"}
}

// monthAbbreviations are the abbreviations beyond the first three letters.
func monthAbbreviations() map[string]int { return map[string]int{"sept": 9, "febr": 2} }

// weekdayNames are in ISO order: Monday is 1.
func weekdayNames() [7]string {
	return [7]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
}

// weekdayAbbreviations are the abbreviations news writing uses besides
// the full names (three-letter ones are too often other words).
func weekdayAbbreviations() map[string]int { return map[string]int{"tues": 2, "weds": 3, "thurs": 4} }

// zoneOffsets are the zone abbreviations written after clock times
// ("8 a.m. GMT", "4 p.m. EDT"), with their UTC offsets in TIMEX3 form.
func zoneOffsets() map[string]string {
	return map[string]string{"gmt": "Z", "utc": "Z", "z": "Z", "edt": "-04:00", "est": "-05:00", "cdt": "-05:00",
		"cst": "-06:00", "mdt": "-06:00", "mst": "-07:00", "pdt": "-07:00", "pst": "-08:00", "bst": "+01:00", "cet": "+01:00",
		"cest": "+02:00", "msk": "+03:00", "jst": "+09:00", "ist": "+05:30", "eet": "+02:00", "eest": "+03:00", "wet": "Z",
		"west": "+01:00", "aest": "+10:00", "hkt": "+08:00", "sgt": "+08:00", "kst": "+09:00"}
}

// datelineZones maps news datelines to their IANA zones.
var datelineZones = map[string]string{
	"geneva": "Europe/Zurich", "zurich": "Europe/Zurich", "bern": "Europe/Zurich", "berne": "Europe/Zurich", "lausanne": "Europe/Zurich",
	"davos": "Europe/Zurich", "basel": "Europe/Zurich",
	"moscow": "Europe/Moscow", "st. petersburg": "Europe/Moscow", "saint petersburg": "Europe/Moscow",
	"washington": "America/New_York", "new york": "America/New_York", "boston": "America/New_York", "miami": "America/New_York",
	"atlanta": "America/New_York", "philadelphia": "America/New_York", "united nations": "America/New_York",
	"chicago": "America/Chicago", "houston": "America/Chicago", "dallas": "America/Chicago",
	"denver": "America/Denver", "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
	"seattle": "America/Los_Angeles", "ottawa": "America/Toronto", "toronto": "America/Toronto", "montreal": "America/Toronto",
	"vancouver": "America/Vancouver", "mexico city": "America/Mexico_City", "havana": "America/Havana",
	"brasilia": "America/Sao_Paulo", "sao paulo": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
	"buenos aires": "America/Argentina/Buenos_Aires", "santiago": "America/Santiago", "lima": "America/Lima", "bogota": "America/Bogota",
	"caracas": "America/Caracas",
	"london":  "Europe/London", "dublin": "Europe/Dublin", "belfast": "Europe/London", "edinburgh": "Europe/London",
	"paris": "Europe/Paris", "brussels": "Europe/Brussels", "luxembourg": "Europe/Luxembourg", "the hague": "Europe/Amsterdam",
	"amsterdam": "Europe/Amsterdam", "berlin": "Europe/Berlin", "frankfurt": "Europe/Berlin", "bonn": "Europe/Berlin", "munich": "Europe/Berlin",
	"vienna": "Europe/Vienna", "rome": "Europe/Rome", "vatican city": "Europe/Vatican", "milan": "Europe/Rome", "madrid": "Europe/Madrid",
	"barcelona": "Europe/Madrid", "lisbon": "Europe/Lisbon", "stockholm": "Europe/Stockholm", "oslo": "Europe/Oslo",
	"copenhagen": "Europe/Copenhagen", "helsinki": "Europe/Helsinki", "warsaw": "Europe/Warsaw", "prague": "Europe/Prague",
	"budapest": "Europe/Budapest", "bucharest": "Europe/Bucharest", "sofia": "Europe/Sofia", "athens": "Europe/Athens",
	"belgrade": "Europe/Belgrade", "zagreb": "Europe/Zagreb", "sarajevo": "Europe/Sarajevo", "pristina": "Europe/Belgrade",
	"kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "minsk": "Europe/Minsk", "vilnius": "Europe/Vilnius", "riga": "Europe/Riga",
	"tallinn": "Europe/Tallinn", "ankara": "Europe/Istanbul", "istanbul": "Europe/Istanbul",
	"jerusalem": "Asia/Jerusalem", "tel aviv": "Asia/Jerusalem", "gaza": "Asia/Gaza", "ramallah": "Asia/Hebron", "beirut": "Asia/Beirut",
	"damascus": "Asia/Damascus", "amman": "Asia/Amman", "baghdad": "Asia/Baghdad", "tehran": "Asia/Tehran", "riyadh": "Asia/Riyadh",
	"doha": "Asia/Qatar", "dubai": "Asia/Dubai", "abu dhabi": "Asia/Dubai", "kuwait city": "Asia/Kuwait", "cairo": "Africa/Cairo",
	"tripoli": "Africa/Tripoli", "tunis": "Africa/Tunis", "algiers": "Africa/Algiers", "rabat": "Africa/Casablanca",
	"nairobi": "Africa/Nairobi", "dar es salaam": "Africa/Dar_es_Salaam", "addis ababa": "Africa/Addis_Ababa",
	"khartoum": "Africa/Khartoum", "lagos": "Africa/Lagos", "abuja": "Africa/Lagos", "johannesburg": "Africa/Johannesburg",
	"pretoria": "Africa/Johannesburg", "cape town": "Africa/Johannesburg", "kinshasa": "Africa/Kinshasa",
	"kabul": "Asia/Kabul", "islamabad": "Asia/Karachi", "karachi": "Asia/Karachi", "new delhi": "Asia/Kolkata", "delhi": "Asia/Kolkata",
	"mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata", "dhaka": "Asia/Dhaka", "colombo": "Asia/Colombo", "kathmandu": "Asia/Kathmandu",
	"tashkent": "Asia/Tashkent", "almaty": "Asia/Almaty", "astana": "Asia/Almaty", "baku": "Asia/Baku", "tbilisi": "Asia/Tbilisi",
	"yerevan": "Asia/Yerevan", "beijing": "Asia/Shanghai", "shanghai": "Asia/Shanghai", "hong kong": "Asia/Hong_Kong",
	"taipei": "Asia/Taipei", "tokyo": "Asia/Tokyo", "seoul": "Asia/Seoul", "pyongyang": "Asia/Pyongyang", "bangkok": "Asia/Bangkok",
	"hanoi": "Asia/Bangkok", "phnom penh": "Asia/Phnom_Penh", "manila": "Asia/Manila", "jakarta": "Asia/Jakarta",
	"kuala lumpur": "Asia/Kuala_Lumpur", "singapore": "Asia/Singapore", "yangon": "Asia/Yangon",
	"sydney": "Australia/Sydney", "canberra": "Australia/Sydney", "melbourne": "Australia/Melbourne", "wellington": "Pacific/Auckland",
	"auckland": "Pacific/Auckland",
}
