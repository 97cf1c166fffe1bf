package ner

// caseProfile learns, from running text, how often each word is capitalised
// where capitals carry information (not sentence-initial, not after an
// opening quote or colon, not in all-caps headlines). A capitalised word that
// is usually lower case ("Meet" in a title-case headline, "Last" at the start
// of a sentence) is then unlikely to be a name, and a word that is always
// capitalised ("Geneva") likely is one even in an all-caps headline.
func caseProfile(text [][]string) map[string]uint8 {
	type cnt struct{ cap, low int32 }
	counts := map[string]*cnt{}
	infos := make([]tokInfo, 0, 64)
	for _, s := range text {
		infos = infos[:0]
		for _, w := range s {
			infos = append(infos, makeInfo(w, nil))
		}
		if analyzeSentence(infos).capsSent {
			continue
		}
		for i := 1; i < len(infos); i++ {
			t := &infos[i]
			if t.flags&(fHasUpper|fHasLower) == 0 {
				continue
			}
			switch infos[i-1].word {
			case `"`, "'", ":", "(", "-", "--", "``", "[", ".", "?", "!":
				continue
			}
			c := counts[t.lower]
			if c == nil {
				c = &cnt{}
				counts[t.lower] = c
			}
			if t.flags&(fTitle|fAllCaps) != 0 {
				c.cap++
			} else if t.flags&fHasLower != 0 {
				c.low++
			}
		}
	}
	out := make(map[string]uint8, len(counts))
	for w, c := range counts {
		n := c.cap + c.low
		if n < 2 {
			continue
		}
		r := float64(c.cap) / float64(n)
		var code uint8
		switch {
		case r < 0.05:
			code = 1
		case r < 0.3:
			code = 2
		case r < 0.7:
			code = 3
		case r < 0.95:
			code = 4
		default:
			code = 5
		}
		if n >= 5 {
			code += 5
		}
		out[w] = code
	}
	return out
}
