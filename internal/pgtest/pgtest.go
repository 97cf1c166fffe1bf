// Package pgtest gives tests a PostgreSQL store of their own: a fresh
// schema on the server that STORYLINE_TEST_POSTGRES names (.ci/run starts
// a private one and sets it), dropped when the test ends. Without the
// variable the tests skip with a message saying how to run them; with it,
// a server that cannot be reached fails them.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/storyline-news/storyline/store/postgres"
)

// EnvDSN is the environment variable naming the test server.
const EnvDSN = "STORYLINE_TEST_POSTGRES"

// ServerDSN is the test server's DSN; it skips t when none is set.
func ServerDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		t.Skipf("needs PostgreSQL: set %s=postgres://... (`source .ci/postgres && start_test_postgres` starts a private server; .ci/run does)", EnvDSN)
	}
	return dsn
}

// DSN makes an empty schema for t and returns a DSN whose connections
// use it; the schema is dropped when t ends.
func DSN(t testing.TB) string {
	t.Helper()
	server := ServerDSN(t)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := postgres.CreateSchema(ctx, server, schema); err != nil {
		t.Fatalf("%s=%s: %v", EnvDSN, server, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := postgres.DropSchema(ctx, server, schema); err != nil {
			t.Errorf("%v", err)
		}
	})
	dsn, err := postgres.WithSchema(server, schema)
	if err != nil {
		t.Fatalf("%s: %v", EnvDSN, err)
	}
	return dsn
}

// Store opens a store in a fresh schema (see DSN), closed when t ends, and
// returns it with its DSN, for more processes on the same store.
func Store(t testing.TB) (*postgres.DB, string) {
	t.Helper()
	dsn := DSN(t)
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dsn
}
