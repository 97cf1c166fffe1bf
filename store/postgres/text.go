package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// openDB is database/sql over the pool, with connections that drop NUL
// characters from string arguments and replace bytes that are not UTF-8:
// a PostgreSQL text value cannot hold either (SQLite's can, and an
// input's title or byline may carry one), and one stray byte must not
// cost an article. Stored JSON documents keep NULs, escaped, and bytes
// (raw inputs) are kept as they are.
func openDB(pool *pgxpool.Pool) *sql.DB {
	db := sql.OpenDB(nulFreeConnector{stdlib.GetPoolConnector(pool)})
	db.SetMaxIdleConns(0) // as stdlib.OpenDBFromPool: the pool keeps what is idle
	return db
}

type nulFreeConnector struct{ driver.Connector }

func (c nulFreeConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("postgres: unexpected connection type %T", conn)
	}
	return nulFreeConn{pc}, nil
}

// nulFreeConn is a pgx connection (all its methods) whose arguments pass
// through CheckNamedValue first.
type nulFreeConn struct{ *stdlib.Conn }

func (nulFreeConn) CheckNamedValue(v *driver.NamedValue) error {
	if s, ok := v.Value.(string); ok {
		v.Value = ValidText(s)
	}
	return nil
}

// ValidText is s as a PostgreSQL text value can hold it: without NUL
// characters, and with bytes that are not UTF-8 replaced. The driver's
// connections pass every string argument through it; a bulk load that
// bypasses them (COPY) must too, so that it stores what the driver would.
func ValidText(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}
