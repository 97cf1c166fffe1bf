// Command storyline turns news articles into events, stories, entities,
// time expressions and quotes. Each subcommand lives in its own file and
// registers itself in commands; main only dispatches.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/sqlite"
)

// Exit statuses of the batch contract.
const (
	exitOK      = 0
	exitPartial = 1 // some items failed
	exitFailed  = 2 // nothing could be done (bad usage, unreadable store...)
)

// command is one subcommand. run gets the arguments after the command name
// and returns the exit status.
type command struct {
	name    string
	usage   string // one line: arguments
	summary string
	run     func(ctx context.Context, env *env, args []string) int
}

// env carries the process' streams so that commands can be tested in-process.
type env struct {
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// commandTable holds the binary's commands and the subcommands of its
// command groups.
type commandTable struct {
	top                     map[string]*command
	eval, tag, train, bench map[string]*command
}

func (t *commandTable) add(c *command) { t.top[c.name] = c }

// commands is every command of the binary, wired here one file at a time:
// nothing registers itself.
func commands() *commandTable {
	t := &commandTable{top: map[string]*command{}, eval: map[string]*command{}, tag: map[string]*command{}, train: map[string]*command{}, bench: map[string]*command{}}
	for _, add := range []func(*commandTable){
		ingestCommands, reanalyzeCommands, serveCommands, demoCommands, versionCommands,
		clusterCommands, quoteCommands, groupCommands, nerCommands, timexCommands,
		extractCommands, quoteEvalCommands, benchIngestCommands, benchGrowCommands,
		queueCommands, benchWorkersCommands, followCommands, copyCommands,
	} {
		add(t)
	}
	return t
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the command to stop and clean up; once it has
	// been received, signals get their default effect again, so that a
	// second one ends the process even if the clean-up were stuck.
	context.AfterFunc(ctx, stop)
	code := runMain(ctx, &env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

func runMain(ctx context.Context, e *env, args []string) int {
	if e.log == nil {
		e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	cmds := commands().top
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stdout, cmds)
		if len(args) == 0 {
			return exitFailed
		}
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "storyline: unknown command %q (see storyline --help)\n", args[0])
		return exitFailed
	}
	return c.run(ctx, e, args[1:])
}

func printUsage(w io.Writer, commands map[string]*command) {
	fmt.Fprintln(w, "storyline turns news articles into events, stories, entities, time expressions and quotes.")
	fmt.Fprintln(w, "\nUsage: storyline COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'storyline COMMAND --help' for a command's flags.")
}

// subcommands dispatches a command that has subcommands of its own
// ("eval ner", "tag timex"). A missing or unknown name prints the list.
func subcommands(ctx context.Context, e *env, parent string, subs map[string]*command, args []string) int {
	if len(args) > 0 {
		if c, ok := subs[args[0]]; ok {
			return c.run(ctx, e, args[1:])
		}
	}
	names := make([]string, 0, len(subs))
	for n := range subs {
		names = append(names, n)
	}
	sort.Strings(names)
	w := e.stderr
	status := exitFailed
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		w, status = e.stdout, exitOK
	} else if len(args) > 0 {
		fmt.Fprintf(e.stderr, "storyline %s: unknown subcommand %q\n", parent, args[0])
	}
	fmt.Fprintf(w, "Usage: storyline %s SUBCOMMAND [flags]\n\nSubcommands:\n", parent)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, subs[n].summary)
	}
	return status
}

// usageLine is the first line of a command's --help.
func usageLine(name, args string) string {
	return strings.TrimSpace("Usage: storyline " + name + " " + args)
}

// storeDrivers are the store drivers this binary links in, by DSN scheme.
func storeDrivers() *store.Registry {
	return store.NewRegistry(map[string]store.Driver{"sqlite": sqlite.Driver, "postgres": postgres.Driver})
}

// openStore opens the store a DSN names.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	return storeDrivers().Open(ctx, dsn)
}
