// Package cluster groups articles into events (one real-world happening and
// the articles that report it) and events into stories (a chain of events
// that share their core participants and subject across time).
//
// Evidence is a TF-IDF signature over content words, names (resolved
// entities when the entity analysis ran, capitalised words otherwise),
// numbers and the dates an article mentions, plus the day of the happening
// it reports: two reports of the same kind of meeting months apart are two
// events. Syndicated copies are caught by SimHash.
//
// Two ways in: Clusterer.Add assigns one article at a time against an
// inverted index over recent events (cost independent of the store's size);
// Build is the batch pass used by run and export, an order-independent
// average-link clustering over candidate pairs found through an inverted
// index, followed by stories, timelines and event fields.
package cluster

// Config holds the weights and thresholds. DefaultConfig's values were tuned
// on ECB+ topics 1–35 (storyline eval cluster --data ../shared/data/ecbplus-dev).
type Config struct {
	// Term weights (multiplied into the sublinear term frequency).
	TitleBoost   float64 // words of the headline
	LeadBoost    float64 // words of the headline and the report's first LeadSentences sentences
	NameWeight   float64 // extra "name" feature for a capitalised word (no entities)
	EntityWeight float64 // a resolved entity mention
	NumberWeight float64 // a number
	DateWeight   float64 // a date the article mentions

	LeadSentences int
	MaxTextBytes  int // longer texts are cut: the lead carries the event

	// Day evidence. Reports of one happening are dated within a few days
	// of each other (a weekly's report, a late follow-up); a report that
	// names the happening's day ("on Tuesday") is more precise than its
	// publication date, so two reports that both name days more than
	// SameDays apart are likely two happenings of a kind (two rounds of
	// talks a week apart). Likely, not surely: a weekday resolved against
	// the wrong day, or a lead that names the next step first, is common
	// enough in real reports (ECB+) that a stronger factor splits events.
	DateWindowDays int     // days apart beyond which two reports are unlikely one happening
	FarDatePenalty float64 // similarity factor beyond the window
	NearDateBonus  float64 // similarity added within the window
	SameDays       int     // named days this far apart can be one happening
	OtherDayFactor float64 // similarity factor for named days further apart, within the window

	// Two reports whose headlines and leads each name at least
	// LeadNamesMin people, organisations or places, none of them shared,
	// are about different happenings more often than not (two football
	// games of one Sunday): their similarity is multiplied by
	// OtherCastFactor.
	LeadNamesMin    int
	OtherCastFactor float64

	// Reports in different languages (cluster compares their resolved
	// entities, places, dates and numbers only) are one happening only
	// when their days are at most CrossLingualDays apart; the cosine of
	// what they share is weighed by CrossLingualWeight.
	CrossLingualDays   int
	CrossLingualWeight float64

	// BackgroundWeight scales the background corpus's document counts
	// (background.go) added to the corpus's own in the IDF of Build's
	// pairs and coarse pass (0: the corpus's own only). It keeps the
	// weights, and so the thresholds, from shifting with corpus size.
	BackgroundWeight float64

	DupBits int // SimHash Hamming distance that marks a syndicated copy

	// Threshold is the average-link similarity above which two groups of
	// articles are one event (Build), or the centroid similarity above
	// which an article joins an event (Add).
	Threshold float64
	// CoarseThreshold, when LocalIDFPower > 0, is the first, looser pass
	// whose groups are then split again with a local IDF (see refine).
	CoarseThreshold float64
	LocalIDFPower   float64
	// Groups of at most AttachSize articles join the closest larger group
	// of their coarse group when their average score reaches
	// AttachThreshold.
	AttachSize      int
	AttachThreshold float64
	AttachMaxGap    int // days; a small group never joins one dated further away
	AttachCentroid  bool
	AttachRatio     float64 // the target group is at least this many times larger
	OnlineThreshold float64

	// CandidateTerms is how many of an article's heaviest terms find its
	// candidate pairs in Build (0: all).
	CandidateTerms int
	// MinShared is how many of those terms a pair must share to be scored.
	MinShared int
	// PairWindowDays: two dated articles further apart are never paired
	// in Build (0: no limit).
	PairWindowDays int
	// MaxNeighbors is how many best pairs each article keeps in Build.
	MaxNeighbors int

	// Online index.
	IndexTerms   int // top terms of an article used to look up candidate events
	EventTerms   int // terms kept in an event's signature
	MaxPostings  int // longest posting list scanned per term (most recent first)
	WindowDays   int // events older than this (by day) leave the index
	MaxCandidate int // candidate events scored per article

	// Stories.
	StoryThreshold  float64 // entity/subject similarity between events of one story
	StoryMaxGap     int     // days between events of one story (0: unlimited)
	StoryNamesMin   float64 // least similarity of two events' names to be one story
	StorySubjectMin float64 // least similarity of their subjects
	StoryRefBonus   float64 // added when a report of one names the other's day

	// Workers is how many goroutines a pass over many documents (scoring
	// pairs, reading and describing articles) may use; 0: one per CPU.
	// A server that links uploads beside its readers uses one, so that
	// the readers keep the other CPUs.
	Workers int
}

// DefaultConfig returns the tuned configuration.
func DefaultConfig() Config {
	return Config{
		TitleBoost:         1,
		LeadBoost:          1,
		NameWeight:         2,
		EntityWeight:       0.5,
		NumberWeight:       3,
		DateWeight:         1,
		LeadSentences:      3,
		MaxTextBytes:       64 << 10,
		DateWindowDays:     14,
		FarDatePenalty:     0.5,
		NearDateBonus:      0.05,
		SameDays:           1,
		OtherDayFactor:     0.5,
		LeadNamesMin:       3,
		OtherCastFactor:    0.5,
		CrossLingualDays:   2,
		CrossLingualWeight: 0.5,
		BackgroundWeight:   1,
		DupBits:            3,
		Threshold:          0.108,
		OnlineThreshold:    0.25,
		CoarseThreshold:    0.1,
		LocalIDFPower:      1,
		AttachSize:         6,
		AttachThreshold:    0.03,
		AttachRatio:        2.5,
		AttachMaxGap:       0,
		CandidateTerms:     40,
		MaxNeighbors:       30,
		MinShared:          2,
		PairWindowDays:     0,
		IndexTerms:         12,
		EventTerms:         64,
		MaxPostings:        24,
		WindowDays:         30,
		MaxCandidate:       24,
		StoryThreshold:     0.4,
		StoryMaxGap:        400,
		StoryNamesMin:      0.3,
		StorySubjectMin:    0.2,
		StoryRefBonus:      0.1,
	}
}
