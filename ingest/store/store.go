// Package store keeps the accepted record: every submission read in a batch
// run, the entries of the accepted ones, and a copy of each accepted file.
// It is an embedded SQLite database (pure Go), created on first use, with a
// versioned schema. One run holds the write lock for its whole duration, so
// two runs never write to one store at once, and all of a run's writes are one
// transaction: a run killed half-way leaves the store as it was.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite" // database/sql driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/shinchoku/shinchoku"
)

// Conditions of a store that a message names (see Condition).
var (
	// ErrLocked is returned when another run holds the store.
	ErrLocked = errors.New("store is locked by another run")
	// ErrFull is a store that cannot grow: the disk is full.
	ErrFull = errors.New("store is full")
	// ErrCorrupt is a file that is damaged or not a store at all.
	ErrCorrupt = errors.New("store is damaged or not a database")
	// ErrReadOnly is a store that cannot be written.
	ErrReadOnly = errors.New("store is read-only")
	// ErrNotCreated is a store opened read-only before any run made its tables.
	ErrNotCreated = errors.New("store has no record yet")
	// ErrNewer is a store written by a newer version of this program.
	ErrNewer = errors.New("store is newer than this program")
	// ErrInterrupted is a store that a killed run left half-written, opened
	// where it cannot be put back (a read-only file).
	ErrInterrupted = errors.New("store was left half-written by a run that stopped")
)

// Condition says which of the conditions above err is, from SQLite's
// result code, or returns nil when it is none of them.
func Condition(err error) error {
	for _, c := range []error{ErrLocked, ErrFull, ErrCorrupt, ErrReadOnly, ErrNotCreated, ErrNewer, ErrInterrupted} {
		if errors.Is(err, c) {
			return c
		}
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Code() & 0xff { // the primary code of an extended one
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return ErrLocked
	case sqlite3.SQLITE_FULL:
		return ErrFull
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return ErrCorrupt
	case sqlite3.SQLITE_READONLY:
		return ErrReadOnly
	}
	return nil
}

// Store is an open history store.
type Store struct {
	view
	db   *sql.DB
	path string
}

// migrations bring the schema from version i to i+1.
var migrations = []string{
	`CREATE TABLE submissions (
		id          INTEGER PRIMARY KEY,
		period      TEXT NOT NULL,
		department  TEXT NOT NULL,
		plan_id     TEXT NOT NULL,
		plan_hash   TEXT NOT NULL,
		file        TEXT NOT NULL,
		sha256      TEXT NOT NULL,
		saved_at    TEXT NOT NULL,
		state       TEXT NOT NULL CHECK (state IN ('accepted', 'returned', 'superseded')),
		errors      INTEGER NOT NULL,
		warnings    INTEGER NOT NULL,
		seq         INTEGER NOT NULL
	);
	CREATE INDEX submissions_period ON submissions (period, department);
	CREATE TABLE indicator_entries (
		submission_id INTEGER NOT NULL REFERENCES submissions (id),
		indicator_id  TEXT NOT NULL,
		actual        REAL,
		status        TEXT NOT NULL,
		publish_date  TEXT NOT NULL,
		remarks       TEXT NOT NULL,
		PRIMARY KEY (submission_id, indicator_id)
	);
	CREATE TABLE node_entries (
		submission_id   INTEGER NOT NULL REFERENCES submissions (id),
		node_id         TEXT NOT NULL,
		progress        TEXT NOT NULL,
		analysis        TEXT NOT NULL,
		outlook         TEXT NOT NULL,
		self_evaluation TEXT NOT NULL,
		PRIMARY KEY (submission_id, node_id)
	);`,
}

// Open opens the store at path, creating it and bringing its schema up to
// date. The folder beside it holds the archive of accepted files.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	// One connection: the run's transaction holds it, and the lock with it.
	// A run's dirty pages stay in memory until it commits (cache_spill off):
	// spilling them would take the exclusive lock half-way and shut out the
	// read-only commands for the rest of the run.
	db, err := sql.Open("sqlite", dsn(path, "_pragma=busy_timeout(0)&_pragma=foreign_keys(1)&_pragma=cache_spill(0)&_txlock=immediate"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	s := &Store{view: view{q: db}, db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// readBusyTimeout is how long a read-only command waits for a run that is
// committing (milliseconds): a run holds the lock that shuts readers out only
// while it writes its pages at the end.
const readBusyTimeout = 30000

// OpenReadOnly opens an existing store for reading only: it never writes,
// so it works on a read-only file and while a run holds the store. A store
// whose schema is older than this program's fails with ErrNotCreated (a run
// brings it up to date).
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	db, version, err := openReadOnly(ctx, path)
	if isHotJournal(err) {
		// A run was killed while writing its pages: its journal must be
		// played back before anything can be read, which takes a writer.
		// Where the file cannot be written, say so.
		if rerr := rollBack(ctx, path); rerr != nil {
			return nil, fmt.Errorf("%w: %v", ErrInterrupted, rerr)
		}
		db, version, err = openReadOnly(ctx, path)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case version > len(migrations):
		db.Close()
		return nil, fmt.Errorf("%w: schema version %d, this program's %d", ErrNewer, version, len(migrations))
	case version < len(migrations):
		db.Close()
		return nil, ErrNotCreated
	}
	return &Store{view: view{q: db}, db: db, path: path}, nil
}

func openReadOnly(ctx context.Context, path string) (*sql.DB, int, error) {
	db, err := sql.Open("sqlite", dsn(path, fmt.Sprintf("mode=ro&_pragma=busy_timeout(%d)&_pragma=query_only(1)", readBusyTimeout)))
	if err != nil {
		return nil, 0, err
	}
	db.SetMaxOpenConns(1)
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, version, nil
}

// isHotJournal reports whether a read-only connection failed because the
// store has a journal to play back (SQLITE_READONLY_ROLLBACK).
func isHotJournal(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_READONLY_ROLLBACK || se.Code() == sqlite3.SQLITE_READONLY_RECOVERY)
}

// rollBack plays back the journal a killed run left, as the next run would:
// the store returns to what the last finished run wrote.
func rollBack(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", dsn(path, fmt.Sprintf("_pragma=busy_timeout(%d)", readBusyTimeout)))
	if err != nil {
		return err
	}
	defer db.Close()
	var version int
	return db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
}

// dsn is the connection string of the store at path. modernc.org/sqlite
// reads it as a URI, so the path is escaped: "#", "?" and "%" in a file or
// folder name are part of the name, never a fragment or a parameter.
func dsn(path, query string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) && !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x, as SQLite's URIs write a Windows drive
	}
	escaped := (&url.URL{Path: p}).EscapedPath()
	if strings.HasPrefix(p, "/") {
		// An empty authority: the path, even a //server/share one, follows.
		return "file://" + escaped + "?" + query
	}
	return "file:" + escaped + "?" + query
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

func isLocked(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "database is locked") || strings.Contains(err.Error(), "SQLITE_BUSY"))
}

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if isLocked(err) {
		return ErrLocked
	}
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		if isLocked(err) {
			return ErrLocked
		}
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("%w: schema version %d, this program's %d", ErrNewer, version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migrate store to version %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return err
	}
	return tx.Commit()
}

// Run is one batch run's transaction: it holds the store's write lock until
// Commit or Rollback.
type Run struct {
	view
	s  *Store
	tx *sql.Tx
	// The inserts of every row of every accepted submission (100,000 in a
	// prefecture-size month), prepared once per run, up to insertBatch rows
	// per statement (a statement per row was a third of recording), by
	// table and number of rows.
	inserts map[insertKey]*sql.Stmt
	args    []any
	seq     int // the last seq given, once known
}

const insertBatch = 64

type insertKey struct {
	table string
	rows  int
}

// insert writes n rows of six values into table, up to insertBatch rows a
// statement; row appends the values of row i to args.
func (r *Run) insert(ctx context.Context, table string, n int, row func(i int, args []any) []any) error {
	for start := 0; start < n; start += insertBatch {
		rows := min(n-start, insertBatch)
		r.args = r.args[:0]
		for i := start; i < start+rows; i++ {
			r.args = row(i, r.args)
		}
		key := insertKey{table, rows}
		st, ok := r.inserts[key]
		if !ok {
			var err error
			q := "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?)" + strings.Repeat(", (?, ?, ?, ?, ?, ?)", rows-1)
			if st, err = r.tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			r.inserts[key] = st
		}
		if _, err := st.ExecContext(ctx, r.args...); err != nil {
			return err
		}
	}
	return nil
}

// Begin starts a run. It fails with ErrLocked at once when another run holds
// the store.
func (s *Store) Begin(ctx context.Context) (*Run, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if isLocked(err) {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, err
	}
	// BEGIN IMMEDIATE takes the lock lazily in some drivers: touch the
	// database so that a second run fails here, not half-way.
	if _, err := tx.ExecContext(ctx, "UPDATE submissions SET seq = seq WHERE 0"); err != nil {
		tx.Rollback()
		if isLocked(err) {
			return nil, ErrLocked
		}
		return nil, err
	}
	// The run holds the store: a copy into the archive that a killed run
	// left half-way is no one's.
	if names, err := filepath.Glob(filepath.Join(s.archiveDir(), archiveTemp)); err == nil {
		for _, n := range names {
			os.Remove(n)
		}
	}
	return &Run{view: view{q: tx}, s: s, tx: tx,
		inserts: map[insertKey]*sql.Stmt{}}, nil
}

// Commit makes the run's writes permanent.
func (r *Run) Commit() error { return r.tx.Commit() }

// Rollback discards the run's writes.
func (r *Run) Rollback() error { return r.tx.Rollback() }

// Receipt is one submission as a run read it.
type Receipt struct {
	Period     shinchoku.Period
	Department string
	File       string // base name
	SHA256     string
	SavedAt    string
	State      shinchoku.State // accepted, returned or superseded
	Errors     int
	Warnings   int
}

// Record stores a run's reading of one file. An accepted submission
// replaces the department's earlier one for the period, which stays in the
// history marked superseded; recording the very same file again changes
// nothing. It reports whether anything was written.
func (r *Run) Record(ctx context.Context, rc Receipt, sub *shinchoku.Submission) (bool, error) {
	var exists int
	err := r.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions
		WHERE period = ? AND department = ? AND sha256 = ? AND state = ?`,
		rc.Period.String(), rc.Department, rc.SHA256, rc.State).Scan(&exists)
	if err != nil {
		return false, err
	}
	if exists > 0 {
		return false, nil
	}
	if r.seq == 0 { // the run holds the write lock: seq is read once
		if err := r.tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(seq), 0) FROM submissions").Scan(&r.seq); err != nil {
			return false, err
		}
	}
	seq := r.seq + 1
	if rc.State == shinchoku.StateAccepted {
		if _, err := r.tx.ExecContext(ctx, `UPDATE submissions SET state = ?
			WHERE period = ? AND department = ? AND state = ?`,
			shinchoku.StateSuperseded, rc.Period.String(), rc.Department, shinchoku.StateAccepted); err != nil {
			return false, err
		}
	}
	res, err := r.tx.ExecContext(ctx, `INSERT INTO submissions
		(period, department, plan_id, plan_hash, file, sha256, saved_at, state, errors, warnings, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rc.Period.String(), rc.Department, planID(sub), planHash(sub), rc.File, rc.SHA256, rc.SavedAt, rc.State, rc.Errors, rc.Warnings, seq)
	if err != nil {
		return false, err
	}
	r.seq = seq
	if rc.State != shinchoku.StateAccepted || sub == nil {
		return true, nil
	}
	id, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	err = r.insert(ctx, "indicator_entries", len(sub.Indicators), func(i int, args []any) []any {
		e := sub.Indicators[i]
		var actual any
		if e.Actual.Set {
			actual = e.Actual.Num
		}
		return append(args, id, e.IndicatorID, actual, string(e.Status), e.PublishDate, e.Remarks)
	})
	if err != nil {
		return false, err
	}
	err = r.insert(ctx, "node_entries", len(sub.Nodes), func(i int, args []any) []any {
		e := sub.Nodes[i]
		return append(args, id, e.NodeID, e.Progress, e.Analysis, e.Outlook, e.SelfEvaluation)
	})
	if err != nil {
		return false, err
	}
	return true, nil
}

func planID(s *shinchoku.Submission) string {
	if s == nil {
		return ""
	}
	return s.PlanID
}

func planHash(s *shinchoku.Submission) string {
	if s == nil {
		return ""
	}
	return s.PlanHash
}

// Archive copies an accepted file into the archive beside the store, named
// by its hash, unless it is there already.
func (s *Store) Archive(sha string, data []byte) error {
	dir := s.archiveDir()
	path := filepath.Join(dir, sha+".xlsx")
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, archiveTemp)
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// archiveTemp names the temporary files of copies into the archive.
const archiveTemp = ".archive-*.tmp"

// archiveDir is the folder beside the store that holds the accepted files.
func (s *Store) archiveDir() string { return filepath.Join(filepath.Dir(s.path), "archive") }
