package entity

func withinArticleExamples() map[string][]example {
	return map[string][]example{
		"spellings of one full name in one article": {
			{articles: []string{"[P:Sergey Ryabkov] arrived; later [P:Sergei Ryabkov] left."},
				same: [][]string{{"Sergey Ryabkov", "Sergei Ryabkov"}}},
			{articles: []string{"[P:George Bush] spoke, and then [P:George W. Bush] left."},
				same: [][]string{{"George Bush", "George W. Bush"}}},
			{articles: []string{"[P:Joe Biden] and [P:Jill Biden] arrived."},
				apart: [][2]string{{"Joe Biden", "Jill Biden"}}, bound: true},
		},
		"a short form is the nearest full name with its surname": {
			{articles: []string{"[P:Theo van Gogh] wrote to [P:Vincent van Gogh]. [P:Mr van Gogh] replied."},
				same:  [][]string{{"Vincent van Gogh", "Mr van Gogh"}},
				apart: [][2]string{{"Theo van Gogh", "Mr van Gogh"}}},
			{articles: []string{"[P:Dmitry Peskov] and [P:Denis Peskov] came; [P:D. Peskov] spoke first."},
				same: [][]string{{"Denis Peskov", "D. Peskov"}}},
			{articles: []string{"[P:Joe Biden] spoke. [P:Mr Biden] left. [P:Jill Biden] came. [P:Mrs Biden] smiled."},
				same:  [][]string{{"Joe Biden", "Mr Biden"}, {"Jill Biden", "Mrs Biden"}},
				apart: [][2]string{{"Mr Biden", "Mrs Biden"}}, bound: true},
			{articles: []string{"[P:Dmitry Peskov] met [P:Alexei Peskov]. [P:D. Peskov] left first."},
				same:  [][]string{{"Dmitry Peskov", "D. Peskov"}},
				apart: [][2]string{{"D. Peskov", "Alexei Peskov"}}, bound: true},
		},
		"a lone word is the full name it is part of": {
			{articles: []string{"[P:Zhang Yimou] filmed it. [P:Zhang] said little."},
				same: [][]string{{"Zhang Yimou", "Zhang"}}},
			{articles: []string{"[P:Xi Jinping] and [P:Li Keqiang] met. [P:Wang] took notes."},
				apart: [][2]string{{"Wang", "Xi Jinping"}, {"Wang", "Li Keqiang"}}, bound: true},
		},
		"short forms without a full name in their article": {
			{articles: []string{"[P:Biden] spoke. Later [P:Mr Biden] left."},
				same: [][]string{{"Biden", "Mr Biden"}}},
			{articles: []string{"[P:D. Peskov] and [P:A. Peskov] spoke."},
				apart: [][2]string{{"D. Peskov", "A. Peskov"}}, bound: true},
		},
	}
}

func fullNameExamples() map[string][]example {
	return map[string][]example{
		"one full name across articles": {
			{articles: []string{"[P:Joseph Biden] took office.", "[P:Joe Biden] said so."},
				same: [][]string{{"Joseph Biden", "Joe Biden"}}},
			{articles: []string{"[P:Aleksandr Grushko] said.", "[P:Alexander Grushko] said."},
				same: [][]string{{"Aleksandr Grushko", "Alexander Grushko"}}},
			{articles: []string{"[P:Joe Biden] arrived.", "[P:Jill Biden] arrived.", "[P:George W. Bush] spoke.", "[P:George H. W. Bush] spoke."},
				apart: [][2]string{{"Joe Biden", "Jill Biden"}, {"George W. Bush", "George H. W. Bush"}}, bound: true},
		},
		"a name without a middle name is the only one with one": {
			{articles: []string{"[P:George W. Bush] spoke.", "[P:George Bush] spoke."},
				same: [][]string{{"George W. Bush", "George Bush"}}},
			{articles: []string{"[P:George W. Bush] spoke.", "[P:George H. W. Bush] spoke.", "[P:George Bush] spoke."},
				apart: [][2]string{{"George Bush", "George W. Bush"}, {"George Bush", "George H. W. Bush"}}, bound: true},
		},
		"names apart only in spaces and hyphens": {
			{articles: []string{"[P:Kim Jong Un] arrived.", "[P:Kim Jong-un] left."},
				same: [][]string{{"Kim Jong Un", "Kim Jong-un"}}},
		},
		"surnames one letter apart under one first name": {
			{articles: []string{"[P:Denys Shmyhal] spoke.", "[P:Denys Shmygal] spoke."},
				same: [][]string{{"Denys Shmyhal", "Denys Shmygal"}}},
			{articles: []string{"[P:Denys Shmyhal] spoke.", "[P:Oleh Shmygal] spoke.", "[P:Anna Ivanova] spoke.", "[P:Anna Ivanov] spoke."},
				apart: [][2]string{{"Denys Shmyhal", "Oleh Shmygal"}, {"Anna Ivanova", "Anna Ivanov"}}, bound: true},
		},
	}
}

func shortFormExamples() map[string][]example {
	return map[string][]example{
		"a family name first across articles": {
			{articles: []string{"[P:Xi Jinping] arrived.", "[P:Xi] spoke."},
				same: [][]string{{"Xi Jinping", "Xi"}}},
			{articles: []string{"[P:Moon Jae-in] arrived.", "[P:Moon] spoke."},
				same: [][]string{{"Moon Jae-in", "Moon"}}},
			{articles: []string{"[P:Kim Jong Un] arrived.", "[P:Kim Yo Jong] arrived.", "[P:Kim] spoke."},
				apart: [][2]string{{"Kim", "Kim Jong Un"}, {"Kim", "Kim Yo Jong"}}, bound: true},
		},
		"a short form is the only compatible full name": {
			{articles: []string{"Kremlin spokesman [P:Dmitry Peskov] said.", "[P:Peskov] declined to comment."},
				same: [][]string{{"Dmitry Peskov", "Peskov"}}},
			{articles: []string{"[P:Dmitry Peskov] said.", "[P:D. Peskov] confirmed."},
				same: [][]string{{"Dmitry Peskov", "D. Peskov"}}},
			{articles: []string{"[P:Joe Biden] spoke.", "[P:Jill Biden] spoke.", "[P:Biden] spoke."},
				apart: [][2]string{{"Biden", "Joe Biden"}, {"Biden", "Jill Biden"}}, bound: true, batch: "a lone surname arrives before or after the full names that make it ambiguous"},
		},
		"short forms no full name takes": {
			{articles: []string{"[P:Peskov] spoke.", "[P:Mr Peskov] left."},
				same: [][]string{{"Peskov", "Mr Peskov"}}},
			{articles: []string{"[P:A. Peskov] spoke.", "[P:Peskov] left."},
				same: [][]string{{"A. Peskov", "Peskov"}}},
			{articles: []string{"[P:A. Peskov] spoke.", "[P:D. Peskov] spoke.", "[P:Peskov] left."},
				apart: [][2]string{{"A. Peskov", "D. Peskov"}, {"Peskov", "A. Peskov"}, {"Peskov", "D. Peskov"}}, bound: true, batch: "a lone surname arrives before or after the full names that make it ambiguous"},
		},
	}
}
