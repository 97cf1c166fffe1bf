package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/transfer"
)

// benchGrowCommands adds `bench grow`.
func benchGrowCommands(t *commandTable) {
	t.bench["grow"] = &command{
		name:    "grow",
		usage:   "[--sizes 10000,100000,1000000] [--dir DIR] [--add 100] [--db DSN [--via-sqlite]]",
		summary: "cost of adding articles as the store grows: a store built through ingest to each size, then `ingest` of 100 more",
		run:     runBenchGrow,
	}
}

// growPoint is what adding articles cost at one store size.
type growPoint struct {
	stored      int
	wall, cpu   time.Duration // per article, in the ingest itself
	processWall time.Duration // per article, the whole process
	peakRSS     int64
	storeBytes  int64
	buildRate   float64 // articles/s while building up to this size
	buildWall   time.Duration
	buildRSS    int64
	copyRate    float64 // articles/s copying the SQLite store into PostgreSQL (--via-sqlite)
}

func runBenchGrow(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "bench grow", "[--sizes 10000,100000,1000000] [--dir DIR] [--add 100] [--runs 3] [--db DSN [--via-sqlite]]",
		"Grow one store through `storyline ingest` (child processes, generated news from sample.News: months of\n"+
			"events, syndicated copies, same-kind events, stories over weeks) to each size in turn; at each size,\n"+
			"ingest --add new articles (the stream's next ones) in a fresh process, --runs times, and report per-article\n"+
			"wall and CPU time of the ingest, the process's peak RSS and the store's size. The store is kept in DIR\n"+
			"and grown further by the next run: a 1M store takes a while to build once.\n\n"+
			"PostgreSQL: --db postgres://... grows that store by `ingest --local` (slow: linking pays a round trip a\n"+
			"statement). With --via-sqlite the store is instead built in SQLite in DIR, as without --db, and copied\n"+
			"into --db at each size (`storyline copy --replace`); the additions are then timed on PostgreSQL with\n"+
			"`ingest --local` and also made to the SQLite store, untimed, so that both stay one stream. For the\n"+
			"1M figure (an empty schema `grow`):\n"+
			"  storyline bench grow --db 'postgres://USER@HOST/DB?search_path=grow' --via-sqlite --dir DIR --sizes 10000,1000000")
	sizes := fs.String("sizes", "10000,100000,1000000", "store sizes to measure at, increasing")
	dir := fs.String("dir", "", "folder keeping the growing store (default: a temporary one, removed)")
	add := fs.Int("add", 100, "articles added at each size")
	runs := fs.Int("runs", 3, "additions timed at each size")
	chunk := fs.Int("chunk", 50000, "articles an ingest takes while building")
	dsn := fs.String("db", "", "store to grow (default: SQLite in --dir); a shared store (postgres://...) is grown by `ingest --local`, which links in its own process as with the embedded store; give --dir too to grow it further later (the stream position is kept there)")
	viaSQLite := fs.Bool("via-sqlite", false, "with --db postgres://...: build the store in SQLite in --dir and copy it into --db at each size, then time the additions on --db")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "storyline bench grow: %v\n", err)
		return exitFailed
	}
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || len(ns) > 0 && n <= ns[len(ns)-1] {
			return fail(fmt.Errorf("bad --sizes %q: want increasing positive numbers", *sizes))
		}
		ns = append(ns, n)
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "storyline-grow-")
		if err != nil {
			return fail(err)
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	} else if err := os.MkdirAll(*dir, 0o755); err != nil {
		return fail(err)
	}
	self, err := os.Executable()
	if err != nil {
		return fail(err)
	}
	dbPath := filepath.Join(*dir, "grow.db")
	db := "sqlite:" + dbPath
	build := db // the store built up to each size
	if *dsn != "" {
		db, dbPath = *dsn, "" // the size of a server's store is not a file's
		build = db
		if *viaSQLite {
			if scheme, _ := store.Scheme(db); scheme != "postgres" {
				return fail(fmt.Errorf("--via-sqlite copies into PostgreSQL: --db %q is not a postgres:// DSN", db))
			}
			build = "sqlite:" + filepath.Join(*dir, "grow.db")
		}
	} else if *viaSQLite {
		return fail(errors.New("--via-sqlite needs a PostgreSQL --db (postgres://)"))
	}
	// The stream's position is kept beside the store, so that a kept
	// store grows on from where it stopped.
	posFile := filepath.Join(*dir, "grow.pos")
	pos := 0
	if b, err := os.ReadFile(posFile); err == nil {
		pos, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	stream := sample.NewNews(sample.NewsConfig{Seed: 1})
	stream.Skip(pos)
	// ingest adds the stream's next n articles to the store db names,
	// and, untimed, to the stores also names.
	ingest := func(from, n int, db string, also ...string) (ingestStats, error) {
		file := filepath.Join(*dir, "batch.jsonl")
		f, err := os.Create(file)
		if err != nil {
			return ingestStats{}, err
		}
		w := bufio.NewWriter(f)
		err = stream.WriteNews(w, n)
		if err == nil {
			err = w.Flush()
		}
		f.Close()
		if err != nil {
			return ingestStats{}, err
		}
		defer os.Remove(file)
		st, err := runIngestChild(ctx, self, db, file)
		if err != nil {
			return st, err
		}
		for _, other := range also {
			if _, err := runIngestChild(ctx, self, other, file); err != nil {
				return st, err
			}
		}
		pos = from + n
		return st, os.WriteFile(posFile, []byte(strconv.Itoa(pos)), 0o644)
	}
	var points []growPoint
	for _, size := range ns {
		p := growPoint{stored: size}
		buildStart := time.Now()
		built := 0
		for pos < size {
			n := min(*chunk, size-pos)
			fmt.Fprintf(e.stderr, "building: %d → %d articles\n", pos, pos+n)
			st, err := ingest(pos, n, build)
			if err != nil {
				return fail(err)
			}
			built += n
			p.buildRSS = max(p.buildRSS, st.peakRSS)
		}
		if built > 0 {
			p.buildWall = time.Since(buildStart)
			p.buildRate = float64(built) / p.buildWall.Seconds()
		}
		var also []string
		if build != db {
			fmt.Fprintf(e.stderr, "copying %d articles into %s\n", pos, db)
			cs, err := copyStore(ctx, build, db, transfer.Options{Replace: true})
			if err != nil {
				return fail(err)
			}
			p.copyRate = float64(cs.Articles) / max(cs.Wall.Seconds(), 1e-9)
			also = []string{build}
		}
		for r := range *runs {
			fmt.Fprintf(e.stderr, "adding %d articles to %d (run %d)\n", *add, pos, r+1)
			st, err := ingest(pos, *add, db, also...)
			if err != nil {
				return fail(err)
			}
			p.wall += st.wall
			p.cpu += st.cpu
			p.processWall += st.process
			p.peakRSS = max(p.peakRSS, st.peakRSS)
		}
		div := time.Duration(*runs * *add)
		p.wall, p.cpu, p.processWall = p.wall/div, p.cpu/div, p.processWall/div
		p.storeBytes = fileSize(dbPath) + fileSize(dbPath+"-wal")
		if dbPath == "" {
			if p.storeBytes, err = pgStoreBytes(ctx, db); err != nil {
				return fail(err)
			}
		}
		points = append(points, p)
		fmt.Fprintf(e.stdout, "stored %d: per article %.2f ms wall, %.2f ms CPU (%.2f ms with process start), peak RSS %.0f MB, store %.2f GB",
			size, ms(p.wall), ms(p.cpu), ms(p.processWall), float64(p.peakRSS)/(1<<20), float64(p.storeBytes)/(1<<30))
		if p.buildRate > 0 {
			fmt.Fprintf(e.stdout, "; built at %.0f articles/s (peak RSS %.0f MB)", p.buildRate, float64(p.buildRSS)/(1<<20))
		}
		if p.copyRate > 0 {
			fmt.Fprintf(e.stdout, "; copied into PostgreSQL at %.0f articles/s", p.copyRate)
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprintf(e.stdout, "\n%10s %12s %12s %14s %10s %10s\n", "stored", "wall/article", "CPU/article", "with startup", "peak RSS", "store")
	for _, p := range points {
		fmt.Fprintf(e.stdout, "%10d %10.2fms %10.2fms %12.2fms %8.0fMB %8.2fGB\n", p.stored, ms(p.wall), ms(p.cpu), ms(p.processWall), float64(p.peakRSS)/(1<<20), float64(p.storeBytes)/(1<<30))
	}
	if len(points) > 1 {
		first, last := points[0], points[len(points)-1]
		fmt.Fprintf(e.stdout, "per-article cost at %d / at %d: %.2fx wall, %.2fx CPU\n", last.stored, first.stored,
			float64(last.wall)/float64(first.wall), float64(last.cpu)/float64(max(first.cpu, 1)))
	}
	return exitOK
}

// pgStoreBytes is the size of the tables and indexes of the PostgreSQL
// store dsn names (its schema's).
func pgStoreBytes(ctx context.Context, dsn string) (int64, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, fmt.Errorf("store size: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var n int64
	err = conn.QueryRow(ctx, `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
		JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relkind = 'r'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store size: %w", err)
	}
	return n, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

// ingestStats is what `ingest --stats` reported, and the process's wall.
type ingestStats struct {
	wall, cpu, process time.Duration
	peakRSS            int64
}

var statsLine = regexp.MustCompile(`stats: wall ([0-9.]+)s cpu ([0-9.]+)s peak-rss ([0-9]+)`)

// runIngestChild runs `storyline ingest --stats` as a process of its own,
// as a user would, and reads what it reports.
func runIngestChild(ctx context.Context, self, db, file string) (ingestStats, error) {
	args := []string{"ingest", "--quiet", "--stats", "--db", db}
	if scheme, _ := store.Scheme(db); scheme == "postgres" {
		args = append(args, "--local")
	}
	cmd := exec.CommandContext(ctx, self, append(args, file)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	st := ingestStats{process: time.Since(start)}
	if err != nil {
		return st, fmt.Errorf("ingest: %w\n%s", err, out.String())
	}
	m := statsLine.FindStringSubmatch(out.String())
	if m == nil {
		return st, fmt.Errorf("ingest printed no stats:\n%s", out.String())
	}
	wall, _ := strconv.ParseFloat(m[1], 64)
	cpu, _ := strconv.ParseFloat(m[2], 64)
	st.wall, st.cpu = time.Duration(wall*float64(time.Second)), time.Duration(cpu*float64(time.Second))
	st.peakRSS, _ = strconv.ParseInt(m[3], 10, 64)
	return st, nil
}
