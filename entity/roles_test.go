package entity

import (
	"maps"
	"testing"

	"github.com/storyline-news/storyline"
)

// roleExample is a sentence that motivated a role rule: its person
// mentions (marked "[P:...]") must get these roles ("" none).
type roleExample struct {
	text  string
	want  map[string]string
	bound bool // where the rule stops: not expected to change without it
}

func allRoleExamples() map[string][]roleExample {
	all := map[string][]roleExample{}
	maps.Copy(all, roleBeforeExamples())
	maps.Copy(all, roleAfterExamples())
	return all
}

// TestRoleRules runs the examples of each role rule with every rule,
// and without the rule, where they must come out otherwise.
func TestRoleRules(t *testing.T) {
	book := standardRules()
	for name, examples := range allRoleExamples() {
		t.Run(name, func(t *testing.T) {
			for _, ex := range examples {
				for _, e := range ex.check(book.roles) {
					t.Errorf("%q: %s", ex.text, e)
				}
				if !ex.bound && len(ex.check(book.without(name).roles)) == 0 {
					t.Errorf("%q: the same roles without the rule", ex.text)
				}
			}
		})
	}
}

// check finds the roles with the rules and lists what differs.
func (ex roleExample) check(rules []roleRule) []string {
	a := marked("a", ex.text)
	var idx []int
	for i, m := range a.Entities {
		if m.Type == storyline.Person {
			idx = append(idx, i)
		}
	}
	rolesFor(a, idx, rules)
	var errs []string
	seen := map[string]bool{}
	for _, m := range a.Entities {
		if want, ok := ex.want[m.Text]; ok {
			seen[m.Text] = true
			if m.Role != want {
				errs = append(errs, m.Text+": role "+quoted(m.Role)+", want "+quoted(want))
			}
		}
	}
	if len(seen) != len(ex.want) {
		errs = append(errs, "mentions missing")
	}
	return errs
}

func quoted(s string) string { return `"` + s + `"` }

func roleBeforeExamples() map[string][]roleExample {
	return map[string][]roleExample{
		"a title before the name": {
			{text: "Talks between Russian Deputy Foreign Minister [P:Oleg Markov] and others.",
				want: map[string]string{"Oleg Markov": "Russian Deputy Foreign Minister"}},
			{text: "The Kremlin's spokesman [P:Ivan Petrov] said no.", want: map[string]string{"Ivan Petrov": "Kremlin Spokesman"}},
			{text: "The team headed by Deputy Secretary of State [P:Jane Doe] arrived.",
				want: map[string]string{"Jane Doe": "Deputy Secretary of State"}},
			{text: "A meeting between US Deputy Secretary of State [P:Jane Doe] and Russian Deputy Foreign Minister [P:Oleg Markov] ended.",
				want: map[string]string{"Jane Doe": "US Deputy Secretary of State", "Oleg Markov": "Russian Deputy Foreign Minister"}},
			{text: "She will meet Swiss State Secretary [P:Eva Roth] on Friday.", want: map[string]string{"Eva Roth": "Swiss State Secretary"}},
			{text: "The path [P:President Putin]'s prepared to take.", want: map[string]string{"President Putin": "President"}},
			{text: "Apple CEO [P:Tim Cook] and former Vice-President [P:Al Gore] spoke.",
				want: map[string]string{"Tim Cook": "Apple CEO", "Al Gore": "Former Vice-President"}},
			{text: "Ukraine's Minister of Foreign Affairs [P:Dmytro Kuleba] said.",
				want: map[string]string{"Dmytro Kuleba": "Ukraine Minister of Foreign Affairs"}},
			{text: "Speaking on Thursday, Sen. [P:Bob Smith] objected.", want: map[string]string{"Bob Smith": "Senator"}},
			{text: "On Monday President [P:Joe Biden] said.", want: map[string]string{"Joe Biden": "President"}},
			{text: "The country's foreign minister [P:Ana Diaz] said.", want: map[string]string{"Ana Diaz": "Foreign Minister"}},
			{text: "U. S. District Judge [P:Ann Lee] ruled.", want: map[string]string{"Ann Lee": "US District Judge"}},
			{text: "We see Mrs [P:Sherman] shaking hands with Mr [P:Riabkov].",
				want: map[string]string{"Sherman": "", "Riabkov": ""}, bound: true},
			{text: "The Russian delegation, led by [P:Sergey Ryabkov], has arrived.",
				want: map[string]string{"Sergey Ryabkov": ""}, bound: true},
		},
		"a title set off by a comma before the name": {
			{text: "The news was confirmed by the Kremlin spokesman, [P:Ivan Petrov].",
				want: map[string]string{"Ivan Petrov": "Kremlin Spokesman"}},
			{text: "Russia's top diplomat, [P:Ivan Petrov], said.", want: map[string]string{"Ivan Petrov": "Russia Top Diplomat"}},
			{text: "They met Smith, Jones, [P:Ivan Petrov] and others.", want: map[string]string{"Ivan Petrov": ""}, bound: true},
		},
		"coordinated names share a plural title": {
			{text: "Where presidents [P:Joe Biden]\nand [P:Vladimir Putin] met.",
				want: map[string]string{"Joe Biden": "President", "Vladimir Putin": "President"}},
			{text: "Where president [P:Joe Biden] and [P:Vladimir Putin] met.",
				want: map[string]string{"Joe Biden": "President", "Vladimir Putin": ""}, bound: true},
		},
	}
}

func roleAfterExamples() map[string][]roleExample {
	return map[string][]roleExample{
		"an apposition after the name": {
			{text: "[P:Ivan Petrov], the Kremlin spokesman, said no.", want: map[string]string{"Ivan Petrov": "Kremlin Spokesman"}},
			{text: "Troops moved, according to [P:Tom Ray], US secretary of state.", want: map[string]string{"Tom Ray": "US Secretary of State"}},
			{text: "[P:Ann Lee], US Undersecretary for Arms Control and International Security, spoke.",
				want: map[string]string{"Ann Lee": "US Undersecretary for Arms Control and International Security"}},
			{text: "Talks with [P:Jane Doe], US deputy secretary of state and two aides.",
				want: map[string]string{"Jane Doe": "US Deputy Secretary of State"}},
			{text: "[P:Ana Diaz], who is the UN special envoy for Syria, said.",
				want: map[string]string{"Ana Diaz": "UN Special Envoy for Syria"}},
			{text: "[P:Hunter Biden], the president's son, said.", want: map[string]string{"Hunter Biden": ""}, bound: true},
			{text: "[P:Sherman] had met [P:Ryabkov] in Geneva, the capital of nothing.",
				want: map[string]string{"Sherman": "", "Ryabkov": ""}, bound: true},
		},
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
