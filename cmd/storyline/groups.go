package main

import "context"

// groupCommands adds this file's commands to the table.
func groupCommands(t *commandTable) {
	t.add(&command{
		name:    "eval",
		summary: "measure a capability against a labelled data set (ner, timex, cluster, extract)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "eval", t.eval, args)
		},
	})
	t.add(&command{
		name:    "tag",
		summary: "tag a file: entities (--conll FILE) or time expressions (tag timex --tml FILE)",
		run: func(ctx context.Context, e *env, args []string) int {
			// "storyline tag --conll FILE" is the entity tagger: it is the
			// default subcommand.
			if len(args) > 0 {
				if _, ok := t.tag[args[0]]; !ok {
					if c, ok := t.tag["ner"]; ok && args[0] != "-h" && args[0] != "--help" {
						return c.run(ctx, e, args)
					}
				}
			}
			return subcommands(ctx, e, "tag", t.tag, args)
		},
	})
}
