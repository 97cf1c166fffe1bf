package postgres

// What the external tests (package postgres_test) check of the dialect.
func Rebind(q string) string                { return (*dialect).Rebind(nil, q) }
func TextQuery(q string) string             { return textQuery(q) }
func LockKey(database, schema string) int64 { return lockKey(database, schema) }
func PlainName(s string) bool               { return plainName(s) }
