package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/shinchoku/shinchoku"
)

// BenchmarkRecord records one month of a prefecture-size plan (1,000
// departments × 100 indicators and 25 project narratives; 100 departments
// with -short) in one run, then reads it back as run does to evaluate it.
func BenchmarkRecord(b *testing.B) {
	depts := 1000
	if testing.Short() {
		depts = 100
	}
	subs := make([]*shinchoku.Submission, depts)
	for d := range subs {
		s := &shinchoku.Submission{PlanID: "synthetic", PlanHash: "h", Period: sep, Department: fmt.Sprintf("部署%04d課", d+1)}
		for p := range 25 {
			node := fmt.Sprintf("p%d-%d", d+1, p+1)
			for k := range 4 {
				s.Indicators = append(s.Indicators, shinchoku.IndicatorEntry{IndicatorID: fmt.Sprintf("%s.k%d", node, k+1),
					Actual: shinchoku.Num(float64(100 + k)), Status: shinchoku.StatusFinal})
			}
			s.Nodes = append(s.Nodes, shinchoku.NodeEntry{NodeID: node, Progress: "令和7年度は関係機関と連携して事業を実施した。", Outlook: "継続"})
		}
		subs[d] = s
	}
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(ctx, filepath.Join(b.TempDir(), "store.db"))
		if err != nil {
			b.Fatal(err)
		}
		run, err := s.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for i, sub := range subs {
			rc := Receipt{Period: sep, Department: sub.Department, File: sub.Department + ".xlsx", SHA256: fmt.Sprint(i), State: shinchoku.StateAccepted}
			if _, err := run.Record(ctx, rc, sub); err != nil {
				b.Fatal(err)
			}
		}
		if got, err := run.Accepted(ctx, sep); err != nil || len(got) != depts {
			b.Fatalf("accepted %d, %v", len(got), err)
		}
		if _, err := run.History(ctx, sep); err != nil {
			b.Fatal(err)
		}
		if err := run.Commit(); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(float64(depts*100), "indicators/op")
}
