package quote

import (
	"strings"
	"testing"
)

// speakerOf extracts the quotes of an article marked as article() reads it
// and returns the speaker of the first quote whose words start with prefix.
func speakerOf(t *testing.T, marked, prefix string) string {
	t.Helper()
	for _, q := range Extract(article("", marked)) {
		if strings.HasPrefix(q.Text, prefix) {
			return q.SpeakerName
		}
	}
	t.Fatalf("no quote starting %q in %q", prefix, marked)
	return ""
}

// TestDiscourseRules checks each attribution rule on invented sentences:
// who a pronoun or a description stands for, and where an attribution
// stands when it is not next to its quote.
func TestDiscourseRules(t *testing.T) {
	tests := []struct {
		rule, text, quote, want string
	}{
		{"pronoun: the subject of the sentence before, not the nearest name",
			"[[Tom Reyes]], who watched [[Carl Dunn]]'s speech from the back, said he agreed with Dunn.\n\n\"I have no quarrel with him at all,\" he said.",
			"I have no quarrel", "Tom Reyes"},
		{"pronoun: the topic, not a name in the sentence about someone else",
			"[[Mark Ellis]] has run the shelter for ten years. He opens it every night at six.\n\n\"We never turned anyone away,\" he told the council, whose chair, [[Rita Moss]], thanked him.",
			"We never turned anyone away", "Mark Ellis"},
		{"pronoun: a sentence's subject before another sentence's object",
			"[[Mark Ellis]] has run the shelter for ten years. Since the fire, volunteers from the church of [[Peter Hale]] help him.\n\n\"We never turned anyone away,\" he said.",
			"We never turned", "Mark Ellis"},
		{"pronoun: a gender the article gives with a pronoun",
			"[[Lior Benet]] said she founded the clinic in 1990. [[Sami Okoro]] said he joined it five years later.\n\n\"Those were hard years,\" she said.",
			"Those were hard years", "Lior Benet"},
		{"pronoun: a chain of pronouns back to the name",
			"[[Ines Varga]] came home in May. Even though she missed the city, she never went back.\n\nA neighbour, [[Tom Biro]], helped her settle.\n\nIn her later years, she kept a garden.\n\n\"I never thought I would love the quiet,\" she told a visitor.",
			"I never thought", "Ines Varga"},
		{"he wrote: the letter's author, not a person named after",
			"[[Dan Cole]] wrote to the board last week. \"I cannot support this plan,\" he wrote in the letter, which [[Rita Moss]] later read aloud.",
			"I cannot support this plan", "Dan Cole"},
		{"reply: not the one who asked",
			"\"Did you see the car?\" [[Paul Kerr]] asked the witness, [[Ruth Hale]], on Tuesday.\n\n\"I saw it clearly,\" she replied.",
			"I saw it clearly", "Ruth Hale"},
		{"they: a plural description",
			"The protesters gathered outside the gates at dawn.\n\n\"Fair pay for every nurse!\" they chanted.",
			"Fair pay for every nurse", "protesters"},
		{"apposition after the quote: the name between commas",
			"\"It was the worst night of my life,\" the mayor's cousin, [[Ann Roe]], told a reporter.",
			"It was the worst night", "Ann Roe"},
		{"apposition: the spokesman, not the minister he speaks for",
			"[[Jon Park]], a spokesman for Minister [[Lea Varn]], told a magazine: \"We will appeal the ruling.\"",
			"We will appeal the ruling", "Jon Park"},
		{"apposition with a relative clause after the name",
			"\"Nothing has changed here,\" [[Ola Berg]], who has farmed the valley for forty years, told the radio.",
			"Nothing has changed here", "Ola Berg"},
		{"apposition whose closing comma is missing",
			"\"The case took four years to close,\" [[Rob Lane]], an assistant attorney general said on Tuesday.",
			"The case took four years", "Rob Lane"},
		{"a title in quotes inside the apposition",
			"\"She changed the way we dress,\" [[Joan Hart]], author of \"The Long Season,\" said in an interview.",
			"She changed the way we dress", "Joan Hart"},
		{"no attribution from a clause after the quote",
			"Defence lawyers called the tape \"unfair to our client,\" though Judge [[Amy Cross]] said the jury could hear it.",
			"unfair to our client", "Defence lawyers"},
		{"a name the tagger missed, numbered",
			"[[Ann Lee]] sat in the front row.\n\n\"We looked at every detail,\" Juror No. 4 said.",
			"We looked at every detail", "Juror No. 4"},
		{"a surname the tagger missed",
			"[[W. Paul Stark]] retired in May.\n\n\"I'm the one who built this place,\" Stark told reporters.",
			"I'm the one who built", "W. Paul Stark"},
		{"a surname run into the next word by a lost dash",
			"[[Roy Kemp]] and [[Ada Finn]] coached the team. It was Kemp-who had coached for years-who spoke first.\n\n\"I never expected this,\" he said.",
			"I never expected this", "Roy Kemp"},
		{"definite description: the person the title names",
			"Superior Court Judge [[Anne Wolfe]] read the sentence. Earlier, the lawyer [[Tim Ross]] had asked for mercy.\n\n\"The law leaves me no choice,\" the judge said.",
			"The law leaves me no choice", "Anne Wolfe"},
		{"definite description: someone introduced without a name",
			"A senior fire official said the crews arrived late. [[Tom Hill]] watched from his window.\n\n\"We lost ten minutes,\" the official said.",
			"We lost ten minutes", "official"},
		{"description with what its noun governs",
			"\"The coach is not the only problem,\" a source close to the club's board said.",
			"The coach is not the only problem", "source close to the club's board"},
		{"bare plural",
			"On the square, demonstrators chanted \"Bread and work for all!\" as the police watched.",
			"Bread and work for all", "demonstrators"},
		{"description opening an introducing clause",
			"An official looked at the crowd and said: \"Please go home now.\"",
			"Please go home now", "official"},
		{"colon introduction without a speech verb",
			"Judge [[Lena Voss]] read the sentence.\n\nThe judge had a warning for the defendant:\n\n\"Do not come back to this court.\"",
			"Do not come back", "Lena Voss"},
		{"passive label: the agent",
			"He was the man described by [[The Daily Post|ORG]] as \"the last honest broker in town.\"",
			"the last honest broker", "The Daily Post"},
		{"the name beside a description after according to",
			"The singer has entered a clinic, according to her publicist, [[Jack Marsh]].\n\n\"Please leave the family alone,\" he said.",
			"Please leave the family alone", "Jack Marsh"},
		{"partial quote inside reported speech attributed after it",
			"The plant went through \"a very hard winter\" last year, according to [[Omar Diaz]].",
			"a very hard winter", "Omar Diaz"},
		{"sentence closing on its attribution",
			"The plan is \"a fair deal\" because it \"raises every wage by five percent,\" [[Ida Lund]] said.",
			"a fair deal", "Ida Lund"},
		{"paragraph-initial quote: the previous speaker when nothing else is said",
			"\"We lost the vote,\" [[Ana Ruiz]] said.\n\nThe council meets again in May.\n\n\"We will try again then.\"",
			"We will try again then", "Ana Ruiz"},
		{"paragraph-initial quote: not the previous speaker once another person is the subject",
			"\"We lost the vote,\" [[Ana Ruiz]] said.\n\n[[Ben Ortiz]], the council leader, called the result fair.\n\n\"The people have spoken.\"",
			"The people have spoken", "Ben Ortiz"},
		{"paragraph-initial quote after reported speech",
			"Two storms in one week are rare, [[Dave Moss]] said.\n\n\"We don't see this in winter.\"",
			"We don't see this in winter", "Dave Moss"},
		{"pull quote: the speaker of its repetition",
			"\"We will not be moved.\"\n\n[[Rosa Lind]] leads the tenants' group.\n\n\"We will not be moved,\" Lind told the meeting.",
			"We will not be moved", "Rosa Lind"},
		{"closing mark glued to the next word",
			"\"She is sharp and she is always ready, \"said festival director [[Ana Silva]].",
			"She is sharp", "Ana Silva"},
		{"a one-word name the tagger read once as a person",
			"\"We will sign the contract,\" [[Epps]] said.\n\n[[Epps|ORG]] was asked about the price.\n\n\"It is a fair price,\" he said.",
			"It is a fair price", "Epps"},
	}
	for _, tt := range tests {
		if got := speakerOf(t, tt.text, tt.quote); got != tt.want {
			t.Errorf("%s: speaker %q, want %q", tt.rule, got, tt.want)
		}
	}
}

// TestOneSentenceLines: text rebuilt one sentence a line runs quotes over
// line ends, takes the attribution on the next line, and does not take a
// quote that ends in an ellipsis for a teaser.
func TestOneSentenceLines(t *testing.T) {
	text := "The port closed on Monday.\n\n" +
		"Ships waited outside the harbour.\n\n" +
		"\"Traffic from the south will be slower for a week,\"\n\n" +
		"[[Harbour Board|ORG]] said in a notice.\n\n" +
		"[[Ken Ito]] said: \"It was a long night...\n\n" +
		"and then the sun came up.\"\n\n" +
		"\"The first crews came at dawn.\n\n" +
		"They worked until night.\n\n" +
		"\"We owe them a lot,\" [[Ken Ito]] said.\n\n" +
		"Repairs start on Friday.\n"
	want := map[string]string{
		"Traffic from the south":                    "Harbour Board",
		"It was a long night... and then":           "Ken Ito",
		"The first crews came at dawn. They worked": "Ken Ito",
	}
	got := map[string]string{}
	for _, q := range Extract(article("", text)) {
		for prefix := range want {
			if strings.HasPrefix(q.Text, prefix) {
				got[prefix] = q.SpeakerName
			}
		}
	}
	for prefix, speaker := range want {
		if got[prefix] != speaker {
			t.Errorf("%q: speaker %q (found %v), want %q", prefix, got[prefix], got, speaker)
		}
	}
}

func TestSentencePerParagraph(t *testing.T) {
	lines := strings.Repeat("The council met on Monday.\n\n", 6)
	prose := strings.Repeat("The council met on Monday. It voted twice.\n\n", 6)
	short := strings.Repeat("The council met on Monday.\n\n", 3)
	for _, tt := range []struct {
		text string
		want bool
	}{{lines, true}, {prose, false}, {short, false}} {
		if got := sentencePerParagraph(tt.text, paragraphs(tt.text)); got != tt.want {
			t.Errorf("sentencePerParagraph(%q) = %v, want %v", tt.text[:40], got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for w, want := range map[string]bool{"officials": true, "police": true, "people": true, "official": false, "witness": false} {
		if got := plural(w); got != want {
			t.Errorf("plural(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestMarkBeforeFullStopCloses(t *testing.T) {
	a := article("", `Officer [[Pat Gray]] described the house as a "write-off ". "Nobody was inside," Gray said.`)
	var texts []string
	for _, q := range Extract(a) {
		texts = append(texts, q.Text)
	}
	if len(texts) != 2 || texts[0] != "write-off" || !strings.HasPrefix(texts[1], "Nobody was inside") {
		t.Errorf("quotes %q, want the label and the quote apart", texts)
	}
}

func TestLearnGenders(t *testing.T) {
	d := newDoc(article("", "[[Lior Benet]] said she would stay. [[Sami Okoro]], a spokeswoman for the port, said nothing. [[Rae Onu]] said he was tired."))
	want := map[string]int{"Lior Benet": genderFemale, "Sami Okoro": genderFemale, "Rae Onu": genderMale}
	for i, m := range d.ments {
		if g := d.genderOf(i); g != want[m.text] {
			t.Errorf("gender of %s: %d, want %d", m.text, g, want[m.text])
		}
	}
}
