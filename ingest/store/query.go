package store

import (
	"context"
	"database/sql"

	"github.com/shinchoku/shinchoku"
)

// querier is what both the store and a run's transaction can query.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// view holds the read queries, shared by Store and Run. A run's queries see
// what it has written: what a run evaluates is what SQLite gives back, the
// same as a later command reads.
type view struct {
	q querier
}

// Replaced lists, by department, the files of a period that a newer
// submission of the same department replaced (superseded), each file once,
// in the order they were first read.
func (v view) Replaced(ctx context.Context, p shinchoku.Period) (map[string][]Receipt, error) {
	rows, err := v.q.QueryContext(ctx, `SELECT department, file, sha256, MIN(seq) AS first FROM submissions
		WHERE period = ? AND state = ? GROUP BY department, file, sha256 ORDER BY department, first`,
		p.String(), shinchoku.StateSuperseded)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]Receipt{}
	for rows.Next() {
		rc := Receipt{Period: p, State: shinchoku.StateSuperseded}
		var first int64
		if err := rows.Scan(&rc.Department, &rc.File, &rc.SHA256, &first); err != nil {
			return nil, err
		}
		out[rc.Department] = append(out[rc.Department], rc)
	}
	return out, rows.Err()
}

// Receipts lists the latest reading of each department's submission for a
// period, by department.
func (v view) Receipts(ctx context.Context, p shinchoku.Period) ([]Receipt, error) {
	rows, err := v.q.QueryContext(ctx, `SELECT department, file, sha256, saved_at, state, errors, warnings
		FROM submissions s WHERE period = ? AND seq = (SELECT MAX(seq) FROM submissions
			WHERE period = s.period AND department = s.department AND state != ?)
		ORDER BY department`, p.String(), shinchoku.StateSuperseded)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Receipt
	for rows.Next() {
		rc := Receipt{Period: p}
		if err := rows.Scan(&rc.Department, &rc.File, &rc.SHA256, &rc.SavedAt, &rc.State, &rc.Errors, &rc.Warnings); err != nil {
			return nil, err
		}
		out = append(out, rc)
	}
	return out, rows.Err()
}

// Accepted returns the accepted submissions of a period, by department,
// as SQLite gives them back (no −0, NaN as no value): within a run too, so
// that the month is evaluated on what a later command will read.
func (v view) Accepted(ctx context.Context, p shinchoku.Period) ([]*shinchoku.Submission, error) {
	rows, err := v.q.QueryContext(ctx, `SELECT id, department, plan_id, plan_hash FROM submissions
		WHERE period = ? AND state = ? ORDER BY department`, p.String(), shinchoku.StateAccepted)
	if err != nil {
		return nil, err
	}
	var subs []*shinchoku.Submission
	var ids []int64
	for rows.Next() {
		s := &shinchoku.Submission{Period: p}
		var id int64
		if err := rows.Scan(&id, &s.Department, &s.PlanID, &s.PlanHash); err != nil {
			rows.Close()
			return nil, err
		}
		subs, ids = append(subs, s), append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(subs) == 0 {
		return subs, err
	}
	// Prepared once for the month: a prefecture has 1,000 departments.
	indicators, err := v.q.PrepareContext(ctx, `SELECT indicator_id, actual, status, publish_date, remarks
		FROM indicator_entries WHERE submission_id = ? ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer indicators.Close()
	nodes, err := v.q.PrepareContext(ctx, `SELECT node_id, progress, analysis, outlook, self_evaluation
		FROM node_entries WHERE submission_id = ? ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer nodes.Close()
	for i, s := range subs {
		if err := entries(ctx, indicators, nodes, ids[i], s); err != nil {
			return nil, err
		}
	}
	return subs, nil
}

// entries reads a submission's entries in the order they were recorded.
func entries(ctx context.Context, indicators, nodes *sql.Stmt, id int64, s *shinchoku.Submission) error {
	rows, err := indicators.QueryContext(ctx, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var e shinchoku.IndicatorEntry
		var actual sql.NullFloat64
		var status string
		if err := rows.Scan(&e.IndicatorID, &actual, &status, &e.PublishDate, &e.Remarks); err != nil {
			rows.Close()
			return err
		}
		e.Status = shinchoku.Status(status)
		if actual.Valid {
			e.Actual = shinchoku.Num(actual.Float64)
		}
		s.Indicators = append(s.Indicators, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = nodes.QueryContext(ctx, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e shinchoku.NodeEntry
		if err := rows.Scan(&e.NodeID, &e.Progress, &e.Analysis, &e.Outlook, &e.SelfEvaluation); err != nil {
			return err
		}
		s.Nodes = append(s.Nodes, e)
	}
	return rows.Err()
}

// LastActuals returns, for each indicator, the latest accepted actual of a
// period before p.
func (v view) LastActuals(ctx context.Context, before shinchoku.Period) (map[string]shinchoku.RecordedActual, error) {
	rows, err := v.q.QueryContext(ctx, `SELECT e.indicator_id, s.period, e.actual
		FROM indicator_entries e JOIN submissions s ON s.id = e.submission_id
		WHERE s.state = ? AND s.period < ? AND e.actual IS NOT NULL
		ORDER BY s.period, s.seq`, shinchoku.StateAccepted, before.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]shinchoku.RecordedActual{}
	for rows.Next() {
		var id, period string
		var actual float64
		if err := rows.Scan(&id, &period, &actual); err != nil {
			return nil, err
		}
		p, err := shinchoku.ParsePeriod(period)
		if err != nil {
			return nil, err
		}
		out[id] = shinchoku.RecordedActual{Value: shinchoku.Num(actual), Period: p}
	}
	return out, rows.Err()
}

// Narratives returns a department's latest accepted narrative of each node
// from a period before p: templates carry it over so that departments edit
// instead of retyping.
func (v view) Narratives(ctx context.Context, dept string, before shinchoku.Period) (map[string]shinchoku.NodeEntry, error) {
	rows, err := v.q.QueryContext(ctx, `SELECT e.node_id, e.progress, e.analysis, e.outlook, e.self_evaluation
		FROM node_entries e JOIN submissions s ON s.id = e.submission_id
		WHERE s.state = ? AND s.department = ? AND s.period < ?
		ORDER BY s.period, s.seq`, shinchoku.StateAccepted, dept, before.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]shinchoku.NodeEntry{}
	for rows.Next() {
		var e shinchoku.NodeEntry
		if err := rows.Scan(&e.NodeID, &e.Progress, &e.Analysis, &e.Outlook, &e.SelfEvaluation); err != nil {
			return nil, err
		}
		out[e.NodeID] = e
	}
	return out, rows.Err()
}

// History returns every accepted actual by indicator, oldest period first,
// up to and including period p.
func (v view) History(ctx context.Context, upTo shinchoku.Period) (map[string][]shinchoku.PeriodValue, error) {
	rows, err := v.q.QueryContext(ctx, `SELECT e.indicator_id, s.period, e.actual
		FROM indicator_entries e JOIN submissions s ON s.id = e.submission_id
		WHERE s.state = ? AND s.period <= ?
		ORDER BY s.period, s.seq`, shinchoku.StateAccepted, upTo.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]shinchoku.PeriodValue{}
	periods := map[string]shinchoku.Period{} // a month's rows all name it
	for rows.Next() {
		var id, period string
		var actual sql.NullFloat64
		if err := rows.Scan(&id, &period, &actual); err != nil {
			return nil, err
		}
		p, ok := periods[period]
		if !ok {
			var err error
			if p, err = shinchoku.ParsePeriod(period); err != nil {
				return nil, err
			}
			periods[period] = p
		}
		pa := shinchoku.PeriodValue{Period: p}
		if actual.Valid {
			pa.Value = shinchoku.Num(actual.Float64)
		}
		if list := out[id]; len(list) > 0 && list[len(list)-1].Period == p {
			list[len(list)-1] = pa // a resubmission replaces the period's value
		} else {
			out[id] = append(list, pa)
		}
	}
	return out, rows.Err()
}
