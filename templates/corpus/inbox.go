package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/templates/form"
)

// WriteInbox fills every department's template as the department would and
// saves it in the folder inbox, with the usual trouble (TroubleFor) in a few
// of them: what shinchoku demo runs a month on. It returns what was done,
// in words, for the demo to show.
func WriteInbox(p *shinchoku.Plan, period shinchoku.Period, office, inbox string, actual Actual) ([]string, error) {
	opts := form.Options{Plan: p, Period: period, Office: office,
		Deadline: "見本のため期限なし", Contact: office}
	gen := form.NewGenerator(opts)
	depts := gen.Departments()
	var notes []string
	for i, d := range depts {
		trouble := TroubleFor(i, len(depts))
		if trouble == Missing {
			notes = append(notes, d+": 未提出")
			continue
		}
		f, sum, err := gen.Workbook(d)
		if err != nil {
			return nil, err
		}
		if err := Fill(f, period, gen.Rows(d), sum.Rows, actual, trouble); err != nil {
			f.Close()
			return nil, err
		}
		name := sum.File
		if note, ok := troubleNotes[trouble]; ok {
			notes = append(notes, d+": "+note)
		}
		if trouble == XLS {
			name = strings.TrimSuffix(name, ".xlsx") + ".xls"
		}
		var data []byte
		switch trouble {
		case XLS:
			// What Excel writes for .xls starts with the OLE signature.
			data = append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
		default:
			var buf *bytes.Buffer
			if buf, err = f.WriteToBuffer(); err == nil {
				data = buf.Bytes()
			}
			if trouble == Broken {
				data = data[:len(data)/2]
			}
		}
		f.Close()
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(inbox, 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(inbox, name), data, 0o644); err != nil {
			return nil, err
		}
	}
	return notes, nil
}

var troubleNotes = map[Trouble]string{
	FullWidth:    "実績値を全角数字で入力（正しく読み取られます）",
	TypedUnit:    "実績値に単位まで入力（正しく読み取られます）",
	LockedChange: "変更できないセル（目標値）を書き換え（差し戻し）",
	XLS:          "Excel 97-2003 形式（.xls）で保存（差し戻し）",
	Broken:       "保存が途中で切れたファイル（差し戻し）",
}
