package storage

import (
	"context"
	"database/sql"
)

// txn is a transaction that prepares each distinct statement once. A bulk
// import runs the same few inserts thousands of times, and preparing an
// insert also compiles its full-text triggers: reusing the statement roughly
// halves the cost of storing an article.
type txn struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
	tags  map[string]int64 // tag IDs looked up in this transaction, by lower-case name
}

func (t *txn) prep(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.Tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[q] = st
	return st, nil
}

// ExecContext runs q through its prepared statement.
func (t *txn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.prep(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs q through its prepared statement.
func (t *txn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := t.prep(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs q through its prepared statement.
func (t *txn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := t.prep(ctx, q)
	if err != nil {
		return t.Tx.QueryRowContext(ctx, q, args...) // reports the same error through Scan
	}
	return st.QueryRowContext(ctx, args...)
}
