package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); otherwise
// the module's build information is used.
var version = ""

// versionCommands adds this file's commands to the table.
func versionCommands(t *commandTable) {
	t.add(&command{
		name:    "version",
		summary: "print the version",
		run: func(ctx context.Context, e *env, args []string) int {
			fs := newFlags(e, "version", "", "Print the version of this binary.")
			if _, done, status := parseArgs(e, fs, args); done {
				return status
			}
			v := version
			if v == "" {
				v = "devel"
				if bi, ok := debug.ReadBuildInfo(); ok {
					if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
						v = bi.Main.Version
					}
					for _, s := range bi.Settings {
						if s.Key == "vcs.revision" && len(s.Value) >= 12 {
							v += " " + s.Value[:12]
						}
					}
				}
			}
			fmt.Fprintln(e.stdout, "storyline", v)
			return exitOK
		},
	})
}
