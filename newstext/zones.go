package newstext

import (
	"iter"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // dateline zones resolve without the system's zone files
)

// zoneAbbreviation is a zone as news writes it after a clock time.
type zoneAbbreviation struct {
	offset int  // seconds east of UTC; standard time for a regional zone
	fixed  bool // false for a region's zone ("ET", "PT"), whose offset changes with the season
}

// zoneAbbreviations are the zones news writes after clock times: "8 a.m.
// GMT", "4 p.m. EDT", "10:00 MSK", "9 a.m. ET".
var zoneAbbreviations = func() map[string]zoneAbbreviation {
	const h = 3600
	fixed := map[string]int{
		"gmt": 0, "utc": 0, "z": 0, "wet": 0, "west": 1 * h, "bst": 1 * h, "cet": 1 * h, "cest": 2 * h,
		"eet": 2 * h, "eest": 3 * h, "msk": 3 * h, "ist": 5*h + 30*60, "wib": 7 * h, "hkt": 8 * h, "sgt": 8 * h,
		"jst": 9 * h, "kst": 9 * h, "aest": 10 * h, "aedt": 11 * h,
		"edt": -4 * h, "est": -5 * h, "cdt": -5 * h, "cst": -6 * h, "mdt": -6 * h, "mst": -7 * h, "pdt": -7 * h, "pst": -8 * h,
	}
	regional := map[string]int{"et": -5 * h, "ct": -6 * h, "mt": -7 * h, "pt": -8 * h}
	m := map[string]zoneAbbreviation{}
	for w, off := range fixed {
		m[w] = zoneAbbreviation{offset: off, fixed: true}
	}
	for w, off := range regional {
		m[w] = zoneAbbreviation{offset: off}
	}
	return m
}()

// ZoneOffset is the offset from UTC, in seconds, of a lower-case zone
// abbreviation whose offset is fixed ("gmt", "edt", "ist").
func ZoneOffset(abbr string) (int, bool) {
	z, ok := zoneAbbreviations[abbr]
	return z.offset, ok && z.fixed
}

// ZoneWord reports a lower-case zone abbreviation, a region's too ("et",
// "pt"), whose offset depends on the season.
func ZoneWord(word string) bool {
	_, ok := zoneAbbreviations[word]
	return ok
}

// ZoneOffsets lists the zone abbreviations whose offset is fixed, with
// their offsets in seconds, in alphabetical order.
func ZoneOffsets() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for _, w := range sortedKeys(zoneAbbreviations) {
			if z := zoneAbbreviations[w]; z.fixed && !yield(w, z.offset) {
				return
			}
		}
	}
}

// placeZones maps the places news is datelined from to their IANA zones.
var placeZones = map[string]string{
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

// zoneLocations loads each zone once, on first need: a reader of one
// dateline does not pay for all of them.
var zoneLocations = func() map[string]func() *time.Location {
	m := map[string]func() *time.Location{}
	for _, name := range placeZones {
		if m[name] == nil {
			m[name] = sync.OnceValue(func() *time.Location {
				loc, err := time.LoadLocation(name)
				if err != nil {
					return nil
				}
				return loc
			})
		}
	}
	return m
}()

// PlaceZone is the time zone of a dateline place ("Geneva", "GENEVA",
// "New York"), or nil when the place is unknown.
func PlaceZone(place string) *time.Location {
	name, ok := placeZones[strings.ToLower(strings.TrimSpace(place))]
	if !ok {
		return nil
	}
	return zoneLocations[name]()
}

// KnownPlace reports a dateline place whose zone PlaceZone knows.
func KnownPlace(place string) bool {
	_, ok := placeZones[strings.ToLower(strings.TrimSpace(place))]
	return ok
}
