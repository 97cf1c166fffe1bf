package clean

import (
	"testing"
)

func TestFeedbackLine(t *testing.T) {
	for s, want := range map[string]bool{
		"Comments are moderated according to our community guidelines.":          true,
		"Read our comment policy before posting.":                                true,
		"We welcome your comments, but please stay on topic.":                    true,
		"Was this article helpful?":                                              true,
		"Did you find this story useful? Send us your feedback.":                 true,
		"Spotted an error? Let us know.":                                         true,
		"Report a typo":                                                          true,
		"Feedback: newsroom@harbour.example":                                     true,
		"Have feedback? Tell us what you think.":                                 true,
		"The council said it would review comments from residents in June.":      false,
		"Inspectors found an error in the ferry's timetable, the operator said.": false,
		"The harbour master welcomed the feedback from the crews on Tuesday.":    false,
	} {
		if got := feedbackLine(s); got != want {
			t.Errorf("feedbackLine(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestFeedbackFooterLeavesText(t *testing.T) {
	raw := "Quay lights switched to LED\n\nAll forty lamps along the quay now use LED bulbs, the harbour office said on Friday.\n\nThe old lamps will be recycled.\n\nComments are moderated according to our community guidelines.\n\nWas this article helpful?"
	got := Text(raw, Known{}).Text
	if want := "All forty lamps along the quay now use LED bulbs, the harbour office said on Friday.\n\nThe old lamps will be recycled."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}
