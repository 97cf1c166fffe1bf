package cluster

import (
	"strings"
	"time"
)

// Dates are handled as day numbers (days since 1970-01-01) so that gaps are
// plain subtractions; noDay marks an unknown date.
const noDay = int32(-1 << 30)

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func dayOf(t time.Time) int32 { return int32(t.Sub(epoch).Hours() / 24) }

func dayTime(d int32) time.Time { return epoch.AddDate(0, 0, int(d)) }

func dayString(d int32) string {
	if d == noDay {
		return ""
	}
	return dayTime(d).Format("2006-01-02")
}

// parseDay reads the day of a YYYY-MM-DD, RFC 3339 or TIMEX3 value
// ("2021-09-30T08:00Z"); values coarser than a day give noDay.
func parseDay(s string) int32 {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return noDay
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return noDay
	}
	return dayOf(t)
}

// dateMention is a date an article mentions, as the time analysis
// resolved it.
type dateMention struct {
	start, end int
	text       string
	value      string // TIMEX3-style: 2021-07-28, 2021-06
	day        int32  // noDay for month-only values
	// caption: the date is a picture's ("FILE PHOTO: ... July 28, 2021"):
	// it names another happening of the story, never the report's own.
	caption bool
}
