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
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
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
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatalf("%s=%s: %v", EnvDSN, server, err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return WithSchema(t, server, schema)
}

// WithSchema is dsn with its connections' search_path set to schema.
func WithSchema(t testing.TB, dsn, schema string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", EnvDSN, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
