package entity

import (
	"testing"

	"github.com/storyline-news/storyline"
)

func TestRoles(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string // person surface → role ("" none)
	}{
		{"Talks between Russian Deputy Foreign Minister [P:Oleg Markov] and others.",
			map[string]string{"Oleg Markov": "Russian Deputy Foreign Minister"}},
		{"[P:Ivan Petrov], the Kremlin spokesman, said no.",
			map[string]string{"Ivan Petrov": "Kremlin Spokesman"}},
		{"The Kremlin's spokesman [P:Ivan Petrov] said no.",
			map[string]string{"Ivan Petrov": "Kremlin Spokesman"}},
		{"The team headed by Deputy Secretary of State [P:Jane Doe] arrived.",
			map[string]string{"Jane Doe": "Deputy Secretary of State"}},
		{"A meeting between US Deputy Secretary of State [P:Jane Doe] and Russian Deputy Foreign Minister [P:Oleg Markov] ended.",
			map[string]string{"Jane Doe": "US Deputy Secretary of State", "Oleg Markov": "Russian Deputy Foreign Minister"}},
		{"Troops moved, according to [P:Tom Ray], US secretary of state.",
			map[string]string{"Tom Ray": "US Secretary of State"}},
		{"[P:Ann Lee], US Undersecretary for Arms Control and International Security, spoke.",
			map[string]string{"Ann Lee": "US Undersecretary for Arms Control and International Security"}},
		{"She will meet Swiss State Secretary [P:Eva Roth] on Friday.",
			map[string]string{"Eva Roth": "Swiss State Secretary"}},
		{"Talks with [P:Jane Doe], US deputy secretary of state and two aides.",
			map[string]string{"Jane Doe": "US Deputy Secretary of State"}},
		{"Where presidents [P:Joe Biden]\nand [P:Vladimir Putin] met.",
			map[string]string{"Joe Biden": "President", "Vladimir Putin": "President"}},
		{"The path [P:President Putin]'s prepared to take.",
			map[string]string{"President Putin": "President"}},
		{"Apple CEO [P:Tim Cook] and former Vice-President [P:Al Gore] spoke.",
			map[string]string{"Tim Cook": "Apple CEO", "Al Gore": "Former Vice-President"}},
		{"Ukraine's Minister of Foreign Affairs [P:Dmytro Kuleba] said.",
			map[string]string{"Dmytro Kuleba": "Ukraine Minister of Foreign Affairs"}},
		{"Speaking on Thursday, Sen. [P:Bob Smith] objected.",
			map[string]string{"Bob Smith": "Senator"}},
		{"We see Mrs [P:Sherman] shaking hands with Mr [P:Riabkov].",
			map[string]string{"Sherman": "", "Riabkov": ""}},
		{"[P:Hunter Biden], the president's son, said.",
			map[string]string{"Hunter Biden": ""}},
		{"[P:Sherman] had met [P:Ryabkov] in Geneva, the capital of nothing.",
			map[string]string{"Sherman": "", "Ryabkov": ""}},
		{"On Monday President [P:Joe Biden] said.",
			map[string]string{"Joe Biden": "President"}},
		{"The Russian delegation, led by [P:Sergey Ryabkov], has arrived.",
			map[string]string{"Sergey Ryabkov": ""}},
		{"The country's foreign minister [P:Ana Diaz] said.",
			map[string]string{"Ana Diaz": "Foreign Minister"}},
		{"The news was confirmed by the Kremlin spokesman, [P:Ivan Petrov].",
			map[string]string{"Ivan Petrov": "Kremlin Spokesman"}},
		{"Russia's top diplomat, [P:Ivan Petrov], said.",
			map[string]string{"Ivan Petrov": "Russia Top Diplomat"}},
		{"They met Smith, Jones, [P:Ivan Petrov] and others.",
			map[string]string{"Ivan Petrov": ""}},
		{"U. S. District Judge [P:Ann Lee] ruled.",
			map[string]string{"Ann Lee": "US District Judge"}},
		{"[P:Ana Diaz], who is the UN special envoy for Syria, said.",
			map[string]string{"Ana Diaz": "UN Special Envoy for Syria"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			a := marked("a", tc.text)
			Roles(a)
			seen := map[string]bool{}
			for _, m := range a.Entities {
				want, ok := tc.want[m.Text]
				if !ok {
					continue
				}
				seen[m.Text] = true
				if m.Role != want {
					t.Errorf("%q: role %q, want %q", m.Text, m.Role, want)
				}
			}
			if len(seen) != len(tc.want) {
				t.Errorf("mentions missing: saw %v of %v", seen, tc.want)
			}
		})
	}
}

func TestRolesSkipsBadOffsets(t *testing.T) {
	a := &storyline.Article{Text: "President Putin", Entities: []storyline.Mention{
		{Type: storyline.Person, Text: "Putin", Start: 10, End: 99},
		{Type: storyline.Person, Text: "Putin", Start: -1, End: 5},
	}}
	Roles(a)
	for _, m := range a.Entities {
		if m.Role != "" {
			t.Errorf("role %q on a mention with bad offsets", m.Role)
		}
	}
	Roles(nil)
}

func TestRoleCore(t *testing.T) {
	for in, want := range map[string]string{
		"Russian Deputy Foreign Minister": "Deputy Foreign Minister",
		"US Secretary of State":           "Secretary of State",
		"Kremlin Spokesman":               "Spokesman",
		"President":                       "President",
	} {
		if got := roleCore(in); got != want {
			t.Errorf("roleCore(%q) = %q, want %q", in, got, want)
		}
	}
}
