package entity

import (
	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// KnownType is the type the resolver's lexicons give a name — a place or
// an organisation, under any of the names the alias tables know in other
// languages and scripts (Genf, Женева, OTAN, ОБСЕ) — or "" for a name they
// do not list. Name finders for languages without a trained model type
// names with it, so that they type them as resolution will.
func KnownType(name string) string {
	if t := priorOf(nonPersonDisplay(name), nonPersonKey); t != "" {
		return t
	}
	// An acronym another language writes for a listed body (OTAN, ОБСЕ)
	// is that body, though priorOf leaves short capitals alone.
	if _, ok := bodyAliases[newstext.NameKey(name)]; ok {
		return storyline.Org
	}
	return ""
}
