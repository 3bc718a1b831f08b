package ingest_test

import (
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// reseal recomputes the seal of an edited hidden sheet, as someone who read
// shinchoku's source could: what then stops the workbook is that its rows
// are not the department's.
func reseal(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(sheet.MetaSheet)
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string]string{}
	var mapRows []sheet.MapRow
	c := sheet.RowMapColumn - 1
	for i, r := range rows {
		if len(r) >= 2 {
			meta[r[0]] = r[1]
		}
		if i == 0 || len(r) <= c+3 || r[c] == "" {
			continue
		}
		n, err := strconv.Atoi(r[c])
		if err != nil {
			t.Fatal(err)
		}
		mapRows = append(mapRows, sheet.MapRow{Row: n, NodeID: r[c+1], IndicatorID: r[c+2], Locked: r[c+3]})
	}
	for i, k := range sheet.MetaKeys {
		if k == sheet.MetaChecksum {
			if err := f.SetCellValue(sheet.MetaSheet, "B"+strconv.Itoa(i+1), sheet.Seal(meta, mapRows)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// metaCell is the value cell of an identity key.
func metaCell(key string) string {
	for i, k := range sheet.MetaKeys {
		if k == key {
			return "B" + strconv.Itoa(i+1)
		}
	}
	panic(key)
}

// TestIdentity: a workbook counts only for the department, plan and period
// it was generated for, and only with the rows it was generated with.
func TestIdentity(t *testing.T) {
	// The row map entry of the second data row (p1.k2) is in row 3 of the
	// hidden sheet (row 1 holds the headers).
	deleteRow := func(t *testing.T, f *excelize.File, rows []int) {
		if err := f.RemoveRow(sheet.InputSheet, rows[1]); err != nil {
			t.Fatal(err)
		}
		// The row map shares its rows with the identity keys: move the
		// entries after p1.k2's up by one, with their rows' new numbers.
		meta, err := f.GetRows(sheet.MetaSheet)
		if err != nil {
			t.Fatal(err)
		}
		c := sheet.RowMapColumn - 1
		for r := 3; r <= len(meta); r++ {
			var entry []any
			if r < len(meta) && len(meta[r]) > c {
				next := meta[r][c:]
				n, _ := strconv.Atoi(next[0])
				entry = []any{n - 1}
				for _, v := range next[1:] {
					entry = append(entry, v)
				}
			}
			for len(entry) < len(sheet.RowMapHeaders) {
				entry = append(entry, nil)
			}
			cell, _ := excelize.CoordinatesToCellName(sheet.RowMapColumn, r)
			if err := f.SetSheetRow(sheet.MetaSheet, cell, &entry); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tc := range []struct {
		name string
		edit func(t *testing.T, f *excelize.File, rows []int)
		code string
	}{
		{"department changed to another of the plan", func(t *testing.T, f *excelize.File, rows []int) {
			f.SetCellValue(sheet.MetaSheet, metaCell(sheet.MetaDepartment), "介護福祉課")
		}, "template.identity"},
		{"period changed", func(t *testing.T, f *excelize.File, rows []int) {
			f.SetCellValue(sheet.MetaSheet, metaCell(sheet.MetaPeriod), "2024-10")
		}, "template.identity"},
		{"seal changed", func(t *testing.T, f *excelize.File, rows []int) {
			f.SetCellValue(sheet.MetaSheet, metaCell(sheet.MetaChecksum), "0000")
		}, "template.identity"},
		{"department changed and resealed", func(t *testing.T, f *excelize.File, rows []int) {
			f.SetCellValue(sheet.MetaSheet, metaCell(sheet.MetaDepartment), "介護福祉課")
			reseal(t, f)
		}, "template.foreign_row"},
		{"row deleted with its row map entry", deleteRow, "template.identity"},
		{"row deleted with its row map entry, resealed", func(t *testing.T, f *excelize.File, rows []int) {
			deleteRow(t, f, rows)
			reseal(t, f)
		}, "template.row_missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := plan(t)
			f, rows := filled(t, p)
			tc.edit(t, f, rows)
			res := ingest.NewReader(p, ingest.Options{Office: "政策推進課"}).Read("forged.xlsx", bytesOf(t, f))
			found := false
			for _, fd := range res.Findings {
				found = found || fd.Code == tc.code
			}
			if !found || (res.State() == shinchoku.StateAccepted) {
				t.Fatalf("want %s, not accepted; got (accepted %v)\n%s", tc.code, (res.State() == shinchoku.StateAccepted), dump(res.Findings))
			}
			if tc.code != "template.row_missing" && res.Submission != nil {
				t.Errorf("a forged workbook is read as the submission of %s", res.Submission.Department)
			}
		})
	}
}
