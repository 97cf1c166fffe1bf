package entity

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// mergeOrgPlace joins an organisation name that a tagger cut before its
// closing place ("[Organization for Security and Cooperation] in [Europe]")
// into one ORG mention. Only the shape of an institution's name qualifies:
// capitalised words joined by for/of/on, then "in" (or "in the") and a
// place, with nothing else between. Since most such phrases say where an
// institution is ("Council on Foreign Relations in New York"), the join
// also needs evidence that the place is part of the name: a continent or
// world region, or the acronym of the joined name (OSCE) in parentheses
// after it or elsewhere in the corpus while the shorter name's acronym is
// nowhere.
func mergeOrgPlace(articles []*storyline.Article) {
	var caps map[string]bool // all-capitals single-word mentions: acronyms
	acronymsInUse := func() map[string]bool {
		if caps != nil {
			return caps
		}
		caps = map[string]bool{}
		for _, a := range articles {
			if a == nil {
				continue
			}
			for i := range a.Entities {
				s := newstext.StripPossessive(strings.TrimSpace(mentionSurface(a, &a.Entities[i])))
				if len(s) > 24 || strings.ContainsRune(s, ' ') || !isAllCaps(s) {
					continue
				}
				if s = cleanSurface(s); s != "" {
					caps[strings.ReplaceAll(s, ".", "")] = true
				}
			}
		}
		return caps
	}
	for _, a := range articles {
		if a != nil && len(a.Entities) >= 2 {
			mergeInArticle(a, acronymsInUse)
		}
	}
}

func mentionSurface(a *storyline.Article, m *storyline.Mention) string {
	if m.Text == "" && validSpan(a, m) {
		return a.Text[m.Start:m.End]
	}
	return m.Text
}

// mergeInArticle joins the organisation names of one article that a
// tagger cut before their closing place.
func mergeInArticle(a *storyline.Article, caps func() map[string]bool) {
	if !hasLinkedOrg(a) {
		return
	}
	idx := make([]int, len(a.Entities))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool { return a.Entities[idx[x]].Start < a.Entities[idx[y]].Start })
	drop := map[int]bool{}
	for k := 0; k+1 < len(idx); k++ {
		o, p := &a.Entities[idx[k]], &a.Entities[idx[k+1]]
		if !orgBeforePlace(a, o, p, caps) {
			continue
		}
		joined := a.Text[o.Start:p.End]
		if o.Text != "" {
			o.Text = joined
		}
		if o.Name != "" {
			o.Name = joined
		}
		o.End = p.End
		drop[idx[k+1]] = true
		k++
	}
	if len(drop) == 0 {
		return
	}
	kept := a.Entities[:0]
	for i, m := range a.Entities {
		if !drop[i] {
			kept = append(kept, m)
		}
	}
	a.Entities = kept
}

// hasLinkedOrg reports an organisation mention with a linking word, that
// may have been cut before its place.
func hasLinkedOrg(a *storyline.Article) bool {
	for i := range a.Entities {
		m := &a.Entities[i]
		if normType(m.Type) == storyline.Org && validSpan(a, m) && hasLink(a.Text[m.Start:m.End]) {
			return true
		}
	}
	return false
}

// orgBeforePlace reports an organisation mention o that a place mention p
// ends: an institution's name, "in" or "in the", a place's name, and a
// world region or the joined name's acronym as evidence.
func orgBeforePlace(a *storyline.Article, o, p *storyline.Mention, caps func() map[string]bool) bool {
	if normType(o.Type) != storyline.Org || normType(p.Type) != storyline.Place ||
		!validSpan(a, o) || !validSpan(a, p) || o.End > p.Start || !inGap(a.Text[o.End:p.Start]) {
		return false
	}
	org, place := a.Text[o.Start:o.End], a.Text[p.Start:p.End]
	if !institutionName(org) || !placeName(place) {
		return false
	}
	return regionKeys[nonPersonKey(place)] || acronymEvidence(org, a.Text[o.Start:p.End], a.Text[p.End:], caps)
}

// hasLink is a cheap first test for institutionName.
func hasLink(s string) bool {
	return strings.Contains(s, " for ") || strings.Contains(s, " of ") || strings.Contains(s, " on ")
}

// inGap reports whether the text between the two mentions is "in" or "in
// the" with only spaces around.
func inGap(gap string) bool {
	if len(gap) > 12 || strings.ContainsAny(gap, ".,;:()\"") {
		return false
	}
	f := strings.Fields(gap)
	return len(f) == 1 && f[0] == "in" || len(f) == 2 && f[0] == "in" && f[1] == "the"
}

// institutionName reports a name such as "Organization for Security and
// Cooperation": three or more words, capitalised but for connectives, with
// for/of/on inside, and no "in" of its own.
func institutionName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 3 || len(words) > 12 {
		return false
	}
	link := false
	for i, w := range words {
		switch strings.ToLower(w) {
		case "for", "of", "on":
			if i == 0 || i == len(words)-1 {
				return false
			}
			link = true
			continue
		case "and", "the", "&":
			if i == 0 || i == len(words)-1 {
				return false
			}
			continue
		}
		if !isCapitalised(w) {
			return false
		}
	}
	return link
}

// placeName reports a short capitalised place name.
func placeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if !isCapitalised(w) {
			return false
		}
	}
	return true
}

// acronymEvidence reports that the joined name's acronym stands after it in
// parentheses, or is used in the corpus while the organisation's shorter
// name's acronym is not.
func acronymEvidence(org, joined, after string, caps func() map[string]bool) bool {
	long := acronyms(strings.Fields(joined))
	if acr := parenAcronym(after); acr != "" {
		for _, x := range long {
			if x == acr {
				return true
			}
		}
	}
	inUse := caps()
	for _, x := range acronyms(strings.Fields(org)) {
		if inUse[x] {
			return false
		}
	}
	for _, x := range long {
		if inUse[x] {
			return true
		}
	}
	return false
}
