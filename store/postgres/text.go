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
	s, ok := v.Value.(string)
	if !ok {
		return nil
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	v.Value = s
	return nil
}
