package month

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shinchoku/shinchoku"
	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/ingest/store"
	"github.com/shinchoku/shinchoku/templates/form"
)

// TemplateOptions say which month's input templates to make and where.
type TemplateOptions struct {
	// Form is what every workbook is made from (plan, period, office,
	// deadline, contact, password, required columns). Its History is
	// ignored: Templates reads it from Store.
	Form form.Options
	// Store is the record whose last accepted actuals and narratives are
	// carried into the templates. A store not yet made (the first month)
	// carries nothing.
	Store string
	// Departments, when set, limits the templates to these departments, in
	// this order; each must own something in the plan.
	Departments []string
	// Dir is the folder the workbooks go to; default Out/<period>/様式.
	Dir string
	Out string
}

// TemplateResult is what Templates wrote.
type TemplateResult struct {
	Dir       string         // the folder the workbooks are in
	Workbooks []form.Summary // one per department, in the order written
}

// Templates writes the month's input templates, one workbook per
// department, each through a temporary file so that a department never
// picks up half a template.
func Templates(ctx context.Context, o TemplateOptions) (*TemplateResult, error) {
	opts := o.Form
	opts.History = form.History{}
	all := form.NewGenerator(opts).Departments()
	history, err := templateHistory(ctx, o.Store, opts.Period, all)
	if err != nil {
		return nil, err
	}
	opts.History = history
	gen := form.NewGenerator(opts)
	depts := o.Departments
	for _, d := range depts {
		if !slices.Contains(all, d) {
			return nil, ingest.UsageError{Msg: msgf("templates.dept", d, strings.Join(all, "、"))}
		}
	}
	if len(depts) == 0 {
		depts = all
	}
	res := &TemplateResult{Dir: o.Dir}
	if res.Dir == "" {
		res.Dir = filepath.Join(o.Out, opts.Period.String(), formsFolder)
	}
	for _, d := range depts {
		f, sum, err := gen.Workbook(d)
		if err != nil {
			return nil, err
		}
		err = WriteFile(filepath.Join(res.Dir, sum.File), func(w io.Writer) error {
			_, err := f.WriteTo(w)
			return err
		})
		f.Close()
		if err != nil {
			return nil, err
		}
		res.Workbooks = append(res.Workbooks, sum)
	}
	return res, nil
}

// templateHistory reads what earlier accepted submissions carry into this
// month's templates: the last actual of each indicator and each
// department's narratives. Without a store (the first month) there is none.
func templateHistory(ctx context.Context, path string, period shinchoku.Period, depts []string) (form.History, error) {
	h := form.History{Narratives: map[string]map[string]shinchoku.NodeEntry{}}
	if _, err := os.Stat(path); err != nil {
		return h, nil
	}
	st, err := store.OpenReadOnly(ctx, path)
	if errors.Is(err, store.ErrNotCreated) {
		return h, nil
	}
	if err != nil {
		return h, ingest.Failf(err, msg("store.open"), path)
	}
	defer st.Close()
	if h.Actuals, err = st.LastActuals(ctx, period); err != nil {
		return h, ingest.Failf(err, msg("store.read"), path)
	}
	for _, d := range depts {
		if h.Narratives[d], err = st.Narratives(ctx, d, period); err != nil {
			return h, ingest.Failf(err, msg("store.read"), path)
		}
	}
	return h, nil
}
