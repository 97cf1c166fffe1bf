package main

import "context"

// evalCommands and tagCommands hold the subcommands of "storyline eval" and
// "storyline tag"; each capability registers its own from its file's init.
var (
	evalCommands = map[string]*command{}
	tagCommands  = map[string]*command{}
)

func init() {
	register(&command{
		name:    "eval",
		summary: "measure a capability against a labelled data set (ner, timex, cluster, extract)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "eval", evalCommands, args)
		},
	})
	register(&command{
		name:    "tag",
		summary: "tag a file: entities (--conll FILE) or time expressions (tag timex --tml FILE)",
		run: func(ctx context.Context, e *env, args []string) int {
			// "storyline tag --conll FILE" is the entity tagger: it is the
			// default subcommand.
			if len(args) > 0 {
				if _, ok := tagCommands[args[0]]; !ok {
					if c, ok := tagCommands["ner"]; ok && args[0] != "-h" && args[0] != "--help" {
						return c.run(ctx, e, args)
					}
				}
			}
			return subcommands(ctx, e, "tag", tagCommands, args)
		},
	})
}
