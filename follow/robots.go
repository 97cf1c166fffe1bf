package follow

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// robots is what a host's robots.txt (RFC 9309) says to one crawler: the
// rules of the groups naming its product token, else of the "*" groups.
type robots struct {
	rules []robotsRule
	delay time.Duration // Crawl-delay, a common extension
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobotsBytes is how much of a robots.txt is read (RFC 9309 asks for
// at least 500 KiB).
const maxRobotsBytes = 500 << 10

// parseRobots reads the rules a robots.txt gives the crawler whose
// product token is agent.
func parseRobots(data []byte, agent string) *robots {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	agent = strings.ToLower(agent)
	var mine, star robots
	var matchesMe, matchesStar, anyMine bool
	inRules := false // the current group has had a rule: a user-agent line starts a new one
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if inRules {
				matchesMe, matchesStar, inRules = false, false, false
			}
			token := strings.ToLower(value)
			if i := strings.IndexAny(token, "/ \t"); i >= 0 {
				token = token[:i]
			}
			switch {
			case token == "*":
				matchesStar = true
			case token != "" && token == agent:
				matchesMe, anyMine = true, true
			}
		case "allow", "disallow", "crawl-delay":
			inRules = true
			for _, g := range []struct {
				on bool
				r  *robots
			}{{matchesMe, &mine}, {matchesStar, &star}} {
				if g.on {
					g.r.add(key, value)
				}
			}
		}
	}
	if anyMine {
		return &mine
	}
	return &star
}

func (r *robots) add(key, value string) {
	switch key {
	case "crawl-delay":
		if secs, err := strconv.ParseFloat(value, 64); err == nil && secs > 0 && secs < 3600 {
			r.delay = max(r.delay, time.Duration(secs*float64(time.Second)))
		}
	case "allow", "disallow":
		if value == "" {
			return // "Disallow:" with no path allows everything
		}
		r.rules = append(r.rules, robotsRule{allow: key == "allow", pattern: value})
	}
}

// allowed tells whether a path (with its query) may be fetched: the rule
// with the longest matching pattern decides, allow winning a tie; no
// matching rule allows. /robots.txt itself is always allowed.
func (r *robots) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !patternMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// patternMatch matches a robots.txt path pattern against a path from its
// start: "*" stands for any run of characters, a final "$" for the end.
func patternMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	// Classic wildcard matching with one backtracking point.
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true // a prefix match is enough
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
