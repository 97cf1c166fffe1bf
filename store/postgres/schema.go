package postgres

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
)

// plainName tells a name CreateSchema and DropSchema accept: a plain
// identifier, so that it can be written into the statement as it is.
func plainName(s string) bool {
	if s == "" || len(s) > 63 || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// WithSchema is a URL DSN whose connections use schema (search_path):
// several stores can then share one database, each in its own schema
// (benchmarks, tests).
func WithSchema(dsn, schema string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return "", fmt.Errorf("postgres: %q is not a postgres:// URL", dsn)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// CreateSchema creates an empty schema in the database dsn names.
func CreateSchema(ctx context.Context, dsn, schema string) error {
	return execSchema(ctx, dsn, schema, `CREATE SCHEMA `)
}

// DropSchema drops a schema and everything in it.
func DropSchema(ctx context.Context, dsn, schema string) error {
	return execSchema(ctx, dsn, schema, `DROP SCHEMA IF EXISTS `, ` CASCADE`)
}

func execSchema(ctx context.Context, dsn, schema, before string, after ...string) error {
	if !plainName(schema) {
		return fmt.Errorf("postgres: schema name %q: want lower-case letters, digits and _", schema)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	stmt := before + schema
	for _, a := range after {
		stmt += a
	}
	if _, err := conn.Exec(ctx, stmt); err != nil {
		return fmt.Errorf("postgres: %s: %w", stmt, err)
	}
	return nil
}
