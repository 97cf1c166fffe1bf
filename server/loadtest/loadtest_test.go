package loadtest

import (
	"context"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

const testToken = "load-token"

// serve builds a store of n generated articles through ingest and serves
// it on 127.0.0.1, taking uploads through the pipeline.
func serve(t testing.TB, n int) (string, store.Store, *sample.News) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	quiet := slog.New(slog.DiscardHandler)
	stream, err := Build(ctx, st, n, 3, quiet)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(st, quiet)
	ingest := func(ctx context.Context, name string, data []byte) (server.IngestSummary, error) {
		sum, err := p.IngestBytes(ctx, name, data, pipeline.Options{Log: quiet})
		return server.IngestSummary{Ingested: sum.Ingested, Unchanged: sum.Unchanged, Updated: sum.Updated, Failed: sum.Failed}, err
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- server.Serve(sctx, ln, server.New(st, server.Options{Log: quiet, Token: testToken, Ingest: ingest}), quiet)
	}()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return "http://" + ln.Addr().String(), st, stream
}

// TestSmallRun checks that every request kind is answered and uploads
// show in their events: a short run on a small store built through
// ingest must have no errors.
func TestSmallRun(t *testing.T) {
	base, st, stream := serve(t, 400)
	tg, err := Sample(context.Background(), st, 1)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), base, tg, Options{Rate: 100, Duration: 2 * time.Second, Seed: 1, Uploads: 2, Next: Uploads(stream), Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	if rep.Errors > 0 || rep.Requests < 190 || rep.UploadErrors > 0 || rep.Uploads < 2 {
		t.Fatalf("run:\n%s", b.String())
	}
	if len(rep.ByKind) < 12 {
		t.Fatalf("only %d request kinds were sent:\n%s", len(rep.ByKind), b.String())
	}
	if rep.Visible[2] == 0 {
		t.Fatalf("no upload was seen in its event:\n%s", b.String())
	}
}

func TestRefusesRemoteTargets(t *testing.T) {
	tg := Targets{Articles: []string{"a"}, Events: []string{"e"}, Stories: []string{"s"}, People: []string{"p"}, Names: []string{"n"}, Words: []string{"w"}}
	for _, base := range []string{"http://example.org", "http://10.0.0.1:8080", "ftp://127.0.0.1", "http://127.0.0.1.example.org"} {
		if _, err := Run(context.Background(), base, tg, Options{Rate: 1, Duration: time.Millisecond}); err == nil {
			t.Errorf("%s: no error", base)
		}
	}
}
