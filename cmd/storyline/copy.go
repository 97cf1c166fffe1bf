package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/transfer"
)

// copyCommands adds `copy`.
func copyCommands(t *commandTable) {
	t.add(&command{name: "copy", summary: "copy a whole embedded store into PostgreSQL (or back), to scale out without analysing anything again", run: runCopy})
}

func runCopy(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "copy", "[--from sqlite:PATH] --to postgres://... [--replace]",
		"Copy everything an embedded (SQLite) store holds — articles with their raw inputs, events, stories,\n"+
			"entities, quotes, the linking state, sources and watchlists — into a PostgreSQL store, ids and all,\n"+
			"so that workers and servers carry on from it. The source is read as one snapshot (other processes may\n"+
			"keep writing to it; what they write after the copy began is not copied); the destination is migrated\n"+
			"and written in one transaction with COPY, so an interrupted copy leaves it as it was. The destination\n"+
			"must be empty unless --replace is given; a PostgreSQL store's work queue is left alone.\n\n"+
			"The other way, --from postgres://... --to sqlite:PATH copies a shared store into an embedded one.")
	from := fs.String("from", store.DefaultDSN, "store to copy (sqlite:PATH, or postgres://... to copy back)")
	to := fs.String("to", "", "store to copy into (postgres://...; ?search_path=NAME for a schema of its own), or sqlite:PATH")
	replace := fs.Bool("replace", false, "empty a destination that holds a store, instead of refusing it")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 || *to == "" {
		fmt.Fprintln(e.stderr, "storyline copy: need --to DSN and no other arguments")
		return exitFailed
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	st, err := copyStore(ctx, *from, *to, transfer.Options{Replace: *replace, Log: log})
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline copy: %s\n", escaped(err.Error()))
		if errors.Is(err, transfer.ErrNotEmpty) {
			fmt.Fprintln(e.stderr, "storyline copy: give --replace to replace what it holds")
		}
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "copied %d articles (%d rows) in %.1f s: %.0f articles/s\n",
		st.Articles, st.Rows, st.Wall.Seconds(), float64(st.Articles)/max(st.Wall.Seconds(), 1e-9))
	return exitOK
}

// copyStore copies the store from names into the store to names: an
// embedded store into PostgreSQL, or back.
func copyStore(ctx context.Context, from, to string, opt transfer.Options) (transfer.Stats, error) {
	fromScheme, fromPath := store.Scheme(from)
	toScheme, toPath := store.Scheme(to)
	switch {
	case fromScheme == "sqlite" && toScheme == "postgres":
		// Opening a path that names nothing would make an empty store,
		// and the copy would then succeed at copying nothing.
		if _, err := os.Stat(fromPath); err != nil {
			return transfer.Stats{}, fmt.Errorf("--from: %w", err)
		}
		src, err := sqlite.Open(ctx, fromPath)
		if err != nil {
			return transfer.Stats{}, err
		}
		defer src.Close()
		dst, err := postgres.Open(ctx, to)
		if err != nil {
			return transfer.Stats{}, err
		}
		defer dst.Close()
		return transfer.ToPostgres(ctx, src, dst, opt)
	case fromScheme == "postgres" && toScheme == "sqlite":
		src, err := postgres.Open(ctx, from)
		if err != nil {
			return transfer.Stats{}, err
		}
		defer src.Close()
		dst, err := sqlite.Open(ctx, toPath)
		if err != nil {
			return transfer.Stats{}, err
		}
		defer dst.Close()
		return transfer.ToSQLite(ctx, src, dst, opt)
	}
	return transfer.Stats{}, fmt.Errorf("copy from %s to %s: the copy goes from an embedded store (sqlite:PATH) to PostgreSQL (postgres://...), or back", fromScheme, toScheme)
}
