package clean

// minRepeatWords is the length from which a paragraph that another one
// already holds whole is dropped as a repeat: shorter ones (a crosshead, a
// list item, a pull quote set out in large type) recur on purpose, and the
// extraction benchmark's true bodies keep them (at 10 words, its F1 after
// the cleaner fell from 0.9892 to 0.9890).
const minRepeatWords = 20

// maxHolders bounds the paragraphs remembered per word 4-gram, so that a
// phrase recurring everywhere cannot make the search quadratic.
const maxHolders = 8

// repeated reports the long paragraphs that repeat another paragraph whole:
// the same paragraph twice (a lead shown as standfirst and again as the
// first paragraph, a block rendered twice for two screen sizes), or one
// that a longer paragraph holds.
// Of two equal paragraphs the first stays; a paragraph held by a longer one
// goes wherever it stands.
func repeated(paras []string) []bool {
	sh := make([][]uint64, len(paras))
	holders := map[uint64][]int{}
	for i, p := range paras {
		sh[i] = shingles(p, nil)
		for _, h := range sh[i] {
			if l := holders[h]; len(l) < maxHolders && (len(l) == 0 || l[len(l)-1] != i) {
				holders[h] = append(l, i)
			}
		}
	}
	dropped := make([]bool, len(paras))
	any := false
	for i := range paras {
		if len(sh[i]) < minRepeatWords-3 {
			continue
		}
		for _, j := range holders[sh[i][0]] {
			if j == i || dropped[j] || len(sh[j]) < len(sh[i]) || len(sh[j]) == len(sh[i]) && j > i {
				continue
			}
			if holdsAll(holders, sh[i], j) {
				dropped[i], any = true, true
				break
			}
		}
	}
	if !any {
		return nil
	}
	return dropped
}

// holdsAll reports whether paragraph j holds every 4-gram of sh.
func holdsAll(holders map[uint64][]int, sh []uint64, j int) bool {
	for _, h := range sh {
		found := false
		for _, k := range holders[h] {
			if k == j {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
