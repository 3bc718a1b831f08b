package demo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/planfile"
	"github.com/shinchoku/shinchoku/report/demo"
	"github.com/shinchoku/shinchoku/report/month"
	"github.com/shinchoku/shinchoku/seeds"
)

func seed(t *testing.T, name string) *shinchoku.Plan {
	t.Helper()
	file, data, err := seeds.File(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDemoMonth lays out the demo of the default plan and runs its month
// through the library, as shinchoku demo does without flags or
// configuration; a second demo in the same folder starts afresh.
func TestDemoMonth(t *testing.T) {
	ctx := context.Background()
	p := seed(t, seeds.Default)
	dir := filepath.Join(t.TempDir(), "見本")
	for range 2 {
		d, err := demo.Prepare(dir, p, 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := (shinchoku.Period{Year: 2022, Month: 3}); d.Period != want {
			t.Errorf("period %v, want %v (the end of 令和3年度, the last year with actuals)", d.Period, want)
		}
		if _, err := os.Stat(d.Inbox()); err == nil {
			t.Error("Prepare left an earlier demo's inbox")
		}
		notes, err := d.WriteInbox("政策推進課")
		if err != nil {
			t.Fatal(err)
		}
		if len(notes) == 0 {
			t.Error("no notes: the demo shows no department's mistake")
		}
		if err := d.WritePlan(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "plan.yaml")); err == nil {
			t.Error("a demo of a given plan wrote plan.yaml")
		}
		res, err := month.Run(ctx, month.Options{Plan: d.Plan, Period: d.Period, Inbox: d.Inbox(),
			Store: d.Store(), Out: d.Out(), Office: "政策推進課"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Accepted == 0 || res.Returned == 0 {
			t.Errorf("accepted %d, returned %d: the demo shows both", res.Accepted, res.Returned)
		}
		if res.Changed == 0 {
			t.Error("the second demo found the first one's record")
		}
	}
}

// TestSynthetic: --scale makes a plan of N departments × 100 rows, written
// as plan.yaml that reads back as the same plan.
func TestSynthetic(t *testing.T) {
	dir := t.TempDir()
	d, err := demo.Prepare(dir, nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Plan.Indicators()); n != 3*demo.SyntheticRows {
		t.Errorf("%d indicators, want %d", n, 3*demo.SyntheticRows)
	}
	if _, err := d.WriteInbox("政策推進課"); err != nil {
		t.Fatal(err)
	}
	if err := d.WritePlan(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	back, err := planfile.Parse("plan.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Hash() != d.Plan.Hash() {
		t.Error("plan.yaml does not read back as the synthetic plan")
	}
}

// TestMarkerNotWritable: a folder whose marker cannot be written is said
// in Japanese, naming the file, not by the system's English error.
func TestMarkerNotWritable(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, demo.Marker)
	if err := os.Mkdir(marker, 0o755); err != nil { // a folder where the marker goes
		t.Fatal(err)
	}
	_, err := demo.Prepare(dir, seed(t, seeds.Default), 0)
	if err == nil || !strings.HasPrefix(err.Error(), marker+" に書き込めません（") {
		t.Errorf("got %v, want a Japanese failure naming %s", err, marker)
	}
}

// TestOtherFolder: a folder the demo did not make is never cleared.
func TestOtherFolder(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "inbox", "大事な.xlsx")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := demo.Prepare(dir, seed(t, seeds.Default), 0)
	var oe ingest.UsageError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "shinchoku demo が作ったものでもありません") {
		t.Errorf("got %v, want an ingest.UsageError", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the folder's file is gone: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, demo.Marker)); err == nil {
		t.Error("the folder was marked as the demo's")
	}
}
