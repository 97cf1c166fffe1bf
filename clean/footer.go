package clean

import (
	"regexp"
	"strings"
)

// feedbackFooter matches the comment-policy and feedback notes that pages
// put under an article ("Comments are moderated according to our community
// guidelines", "Was this article helpful?", "Spotted an error? Let us
// know"): furniture in any language of page, never reporting.
var feedbackFooter = regexp.MustCompile(`(?i)(` +
	`\bcomments?[ -](policy|policies|guidelines|rules)\b|\bcommunity (guidelines|standards|rules)\b|\bhouse rules\b|` +
	`\bwe (welcome|value|moderate|review|read) (your |all |reader |readers' )?(comments|feedback|views)\b|` +
	`\bcomments? (are|is|will be|may be|have been) (closed|moderated|pre-moderated|reviewed|disabled|turned off)\b|` +
	`\b(send|give|share|leave) us (your |some )?feedback\b|\bhave (any )?feedback\b|^feedback\b|` +
	`\b(was|is) this (article|story|page|post|information|content) (helpful|useful)\b|` +
	`\bdid you (find|like) this (article|story|page|post)\b|\brate this (article|story)\b|` +
	`^(report|spotted|notice|noticed|found|see) (an? )?(error|typo|mistake|inaccuracy)\b|` +
	`\b(tell|let) us what you think\b|\bcorrections? (policy|request form)\b)`)

// feedbackCues are words every feedbackFooter match contains: a line with
// none of them is no note, and most lines are let through without running
// the expression, which costs more than the rest of cleaning together.
var feedbackCues = []string{"comment", "community", "house rules", "feedback", "views", "helpful", "useful", "did you", "rate this", "error", "typo", "mistake", "inaccuracy", "tell us", "let us", "correction"}

// feedbackLine reports a short line that is such a note.
func feedbackLine(s string) bool {
	if len(s) > 300 || words(s) > 30 {
		return false
	}
	lower := strings.ToLower(s)
	for _, cue := range feedbackCues {
		if strings.Contains(lower, cue) {
			return feedbackFooter.MatchString(strings.TrimSpace(s))
		}
	}
	return false
}
