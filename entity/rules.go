package entity

import "slices"

// The resolver is a list of named rules. Each rule does one thing that the
// examples in its test motivated: it retypes the mentions a tagger typed
// wrongly, or it joins mentions that name one entity. The rules run in the
// order of the book (later rules see what earlier ones joined), the same
// for the batch resolver (Resolve) and for incremental linking (Link),
// which runs the same resolver over new articles and stand-ins for the
// stored entities.
//
// A rule that can join mentions of different articles also says under
// which index keys a mention must be filed for incremental linking to find
// the stored entities the rule may join it to: the keys are the rule's, so
// a new rule brings its keys with it.
//
// Names in other languages and scripts are not rules of their own: they
// fold into the keys the rules compare (Key transliterates Cyrillic; the
// place and organisation tables of lexicon.go list other names of one
// place or body), so every rule applies to them as it does to English.

// rule is one named rule of the resolver.
type rule struct {
	name string
	// apply does the rule's work on the resolver's mentions.
	apply func(r *resolver)
	// keys files a mention under the index keys where linking finds the
	// stored entities this rule may join it to (prefix and key, several
	// times if need be); nil for rules that join within one article.
	keys func(m *mention, file func(prefix, key string))
}

// voteRule is one rule of a mention's vote in its entity's type: it
// decides (ok) or passes to the next rule.
type voteRule struct {
	name string
	vote func(r *resolver, m *mention, hasFull bool) (typ string, ok bool)
}

// ruleBook is every rule of the resolver, by stage.
type ruleBook struct {
	// retype corrects the tagger's types once the mentions are parsed,
	// before anything is joined.
	retype []rule
	// link joins mentions into entities: people first, then
	// organisations and places, then names typed both ways.
	link []rule
	// vote decides each mention's vote in its entity's type.
	vote []voteRule
	// roles find each person mention's role (see Roles).
	roles []roleRule
}

// standardRules is the resolver's rule book.
func standardRules() ruleBook {
	return ruleBook{
		retype: retypeRules(),
		link:   slices.Concat(personRules(), nonPersonRules(), reconcileRules()),
		vote:   voteRules(),
		roles:  roleRules(),
	}
}

// without is the book less one rule, for the tests that show what each
// rule does.
func (b ruleBook) without(name string) ruleBook {
	named := func(r rule) bool { return r.name == name }
	return ruleBook{
		retype: slices.DeleteFunc(slices.Clone(b.retype), named),
		link:   slices.DeleteFunc(slices.Clone(b.link), named),
		vote:   slices.DeleteFunc(slices.Clone(b.vote), func(v voteRule) bool { return v.name == name }),
		roles:  slices.DeleteFunc(slices.Clone(b.roles), func(v roleRule) bool { return v.name == name }),
	}
}

// names lists the names of every rule in the book.
func (b ruleBook) names() []string {
	var out []string
	for _, r := range slices.Concat(b.retype, b.link) {
		out = append(out, r.name)
	}
	for _, v := range b.vote {
		out = append(out, v.name)
	}
	for _, v := range b.roles {
		out = append(out, v.name)
	}
	return out
}
