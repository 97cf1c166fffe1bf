package quote

import (
	"context"
	"testing"
)

// TestNewsPatterns runs attribution patterns common in wire copy.
func TestNewsPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"adding that", `"We are ready," he said after meeting [[Tom Ford]], adding that "the ball is in their court now."`, nil},
		{"speaking to reporters", `Speaking to reporters, [[John Smith]] said: "This is the best deal we could get."`,
			[]want{{"This is the best deal we could get.", "John Smith", true}}},
		{"age apposition", `[[John Smith]], 54, said "nothing will change for the workers here."`,
			[]want{{"nothing will change for the workers here.", "John Smith", true}}},
		{"said name, role", `"We will study the proposal carefully," said [[Jane Doe]], a spokeswoman for the ministry.`,
			[]want{{"We will study the proposal carefully", "Jane Doe", true}}},
		{"org description after", `The [[Foreign Ministry|ORG]] issued a statement. "Russia will respond to any provocation," the ministry said.`,
			[]want{{"Russia will respond to any provocation", "Foreign Ministry", true}}},
		{"unresolved org description", `"The situation remains tense along the border," the ministry said in a statement.`,
			[]want{{"The situation remains tense along the border", "ministry", true}}},
		{"told outlet", `"We have no plans to attack anyone," [[Dmitry Peskov]] told The Associated Press.`,
			[]want{{"We have no plans to attack anyone", "Dmitry Peskov", true}}},
		{"question asked", `"Why should we wait any longer?" asked [[Maria Zakharova]].`,
			[]want{{"Why should we wait any longer?", "Maria Zakharova", true}}},
		{"wrote on Twitter", `"Today is a historic day for our country," [[Olaf Berg]] wrote on Twitter.`,
			[]want{{"Today is a historic day for our country", "Olaf Berg", true}}},
		{"called it", `[[Mark Lane]] called the decision "a disgrace".`,
			[]want{{"a disgrace", "Mark Lane", true}}},
		{"inverted with title", `"The door to diplomacy remains open," said Foreign Minister [[Sergei Lavrov]].`,
			[]want{{"The door to diplomacy remains open", "Sergei Lavrov", true}}},
		{"nested single quotes", `[[John Smith]] said: "They told me 'no way' and left the room."`,
			[]want{{"They told me 'no way' and left the room.", "John Smith", true}}},
		{"british style", `Mr [[Smith]] said: 'We will fight on the beaches.'`,
			[]want{{"We will fight on the beaches.", "Smith", true}}},
		{"dateline", "WASHINGTON (Reuters) - \"We are watching closely,\" [[Ned Price]] said on Monday.",
			[]want{{"We are watching closely", "Ned Price", true}}},
		{"he said of", `[[Anna Weber]] praised the deal. "I think it's important," she said of the agreement.`,
			[]want{{"I think it's important", "Anna Weber", true}}},
		{"according to statement", `According to [[Ned Price]], "the United States remains committed to diplomacy."`,
			[]want{{"the United States remains committed to diplomacy.", "Ned Price", true}}},
		{"exclaimed", `"This is outrageous!" [[Karl Lind]] exclaimed.`,
			[]want{{"This is outrageous!", "Karl Lind", true}}},
		{"indirect with says", `[[Karl Lind]] says the government has failed to protect the workers.`,
			[]want{{"the government has failed to protect the workers", "Karl Lind", false}}},
		{"one sentence a line inside a quote", "\"I'm exceedingly angry about it.\nI don't recall any phone call.\nI don't think there was one,\" [[Fred LaRue]] said.",
			[]want{{"I'm exceedingly angry about it. I don't recall any phone call. I don't think there was one", "Fred LaRue", true}}},
		{"inherit past names in the attribution", "\"We are a different team,\" [[Greg Hall]] said when asked what [[Tom Eck]] means to the club.\n\n\"We do not resemble the team we are when he is not playing.\"",
			[]want{{"We do not resemble the team we are when he is not playing.", "Greg Hall", true}}},
		{"inverted organisation then person", `"If one cable was down we could have used the others," said [[France Telecom|ORG]] spokesman [[Louis Aymard]].`,
			[]want{{"If one cable was down we could have used the others", "Louis Aymard", true}}},
		{"generic organisation description", `[[Kraft Foods|ORG]] closed the plant. "This is a tragic loss for all of us," the company said.`,
			[]want{{"This is a tragic loss for all of us", "Kraft Foods", true}}},
		{"inverted reported speech", `The boss died at the federal prison in Springfield, said prison spokesman [[Al Quintero]].`,
			[]want{{"The boss died at the federal prison in Springfield", "Al Quintero", false}}},
		{"interrupted reported speech", `The talks, [[Karl Lind]] said, will resume in March.`,
			[]want{{"The talks will resume in March", "Karl Lind", false}}},
		{"said on a day in a statement that", `[[Karl Lind]] said on Tuesday in a statement that the plant would reopen next week.`,
			[]want{{"the plant would reopen next week", "Karl Lind", false}}},
		{"relative who", `[[Tom Ek]] agreed with [[Ann Berg]], who said "the plan is the best we have."`,
			[]want{{"the plan is the best we have.", "Ann Berg", true}}},
		{"one official", `"We are not there yet," said one official, who asked not to be named.`,
			[]want{{"We are not there yet", "one official", true}}},
		{"organisation description by another word", `[[Dick Clark Productions|ORG]] and [[Big Machine|ORG]] disagree. "At no time did we agree to this," the production company said.`,
			[]want{{"At no time did we agree to this", "Dick Clark Productions", true}}},
		{"quoted as saying", `"We will respond firmly to any threat," [[Vladimir Putin]] was quoted as saying by the agency.`,
			[]want{{"We will respond firmly to any threat", "Vladimir Putin", true}}},
		{"the Kremlin said", `"No decision has been taken yet," the [[Kremlin|ORG]] said on Monday.`,
			[]want{{"No decision has been taken yet", "Kremlin", true}}},
		{"asked about", `Asked about [[Ukraine|PLACE]], [[Vladimir Putin]] said: "We have no plans to invade anyone."`,
			[]want{{"We have no plans to invade anyone.", "Vladimir Putin", true}}},
		{"abbreviated title after the quote", `"We determined that there was nobody else in the building," Const. [[Tim Fanning]] said.`,
			[]want{{"We determined that there was nobody else in the building", "Tim Fanning", true}}},
		{"abbreviated title after an inverted verb", `"There are pockets of resistance," said state Rep. [[Barry Fleming]], a Republican.`,
			[]want{{"There are pockets of resistance", "Barry Fleming", true}}},
		{"standalone quote paragraph after a paragraph about someone", "[[Dmitry Peskov]] dismissed the claims on Monday.\n\n\"This is absurd and baseless.\"",
			[]want{{"This is absurd and baseless.", "Dmitry Peskov", true}}},
		{"standalone quote after a pronoun subject", "[[Dmitry Peskov]] spoke to [[Anna Lee]] first.\n\nHe then dismissed the claims of [[Tom Ek]].\n\n\"This is absurd and baseless.\"",
			[]want{{"This is absurd and baseless.", "Dmitry Peskov", true}}},
		{"indirect, parenthetical", `The talks will resume in March, [[Karl Lind]] said on Tuesday.`,
			[]want{{"The talks will resume in March", "Karl Lind", false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article("", tc.text)
			if err := Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s", dump(a.Quotes))
			for _, w := range tc.want {
				found := false
				for _, q := range a.Quotes {
					if q.Text == w.text {
						found = true
						if q.SpeakerName != w.speaker || q.Direct != w.direct {
							t.Errorf("%q: speaker %q direct %v, want %q %v", w.text, q.SpeakerName, q.Direct, w.speaker, w.direct)
						}
					}
				}
				if !found {
					t.Errorf("no quote %q; got %s", w.text, dump(a.Quotes))
				}
			}
			checkOffsets(t, a)
		})
	}
}
