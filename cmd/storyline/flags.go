package main

import (
	"errors"
	"flag"
	"fmt"
)

// newFlags makes a command's flag set; its --help prints the usage line, the
// summary and the flags on stdout.
func newFlags(e *env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), usageLine(name, args))
		fmt.Fprintln(fs.Output(), "\n"+summary)
		fmt.Fprintln(fs.Output(), "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags that may stand before, between or after the
// positional arguments, and returns the positional ones. done is true when
// the command should stop at once with status (after --help or a bad flag).
func parseArgs(e *env, fs *flag.FlagSet, args []string) (positional []string, done bool, status int) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "--help" || a == "-help" {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return nil, true, exitOK
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, true, exitOK
			}
			return nil, true, exitFailed
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, false, exitOK
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), false, exitOK
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
