// Package config owns the policy office's settings: the configuration file
// (shinchoku.yaml), the SHINCHOKU_ environment variables and the flags
// bound to its keys, and the plan they name. Load checks every key and
// value before anything runs, each problem with its place
// (file:line:column, or the variable); the getters turn the settings into
// the plain values the libraries take: the reporting period, the plan (a
// built-in one or a plan file, through the plan cache), the evaluation
// rules, the narrative columns required and the reader's options.
//
// A mistake in the settings is an Error: the user has to change how they
// call shinchoku.
package config

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/shinchoku/shinchoku/ingest"
	"github.com/shinchoku/shinchoku/templates/sheet"
)

// File is the configuration file read when none is named, in the current
// folder.
const File = "shinchoku.yaml"

// Config is the settings of one command: flags over environment variables
// over the configuration file over defaults.
type Config struct{ v *viper.Viper }

// New makes settings with the defaults, read from the SHINCHOKU_
// environment variables (SHINCHOKU_PLAN, SHINCHOKU_EVALUATION_METHOD).
func New() *Config {
	v := viper.New()
	v.SetDefault("out", "shinchoku-out")
	v.SetDefault("office", "政策推進課")
	v.SetDefault("required", []string{"progress", "outlook"})
	v.SetDefault("store", filepath.Join("shinchoku-data", "shinchoku.db"))
	v.SetEnvPrefix("SHINCHOKU")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	return &Config{v}
}

// Load reads the configuration file (File when file is empty; none if that
// does not exist) and checks it and the environment: an unknown key or a
// value of the wrong type is an Error that lists every problem, where viper
// would take it silently (workers: many would be 0).
func (c *Config) Load(file string) error {
	if file == "" {
		if _, err := os.Stat(File); err != nil {
			// No config file: flags, environment and defaults only.
			return problems(check("", nil))
		}
		file = File
	}
	// Read once, checked before viper takes it: viper's own errors are
	// English and name no line.
	data, err := os.ReadFile(file)
	if err != nil {
		return ingest.Failure{Msg: msgf("config.open", file, ingest.Reason(err)), Err: err}
	}
	if err := problems(check(file, data)); err != nil {
		return err
	}
	c.v.SetConfigType("yaml")
	if err := c.v.ReadConfig(bytes.NewReader(data)); err != nil {
		return ingest.Failure{Msg: msgf("config.open", file, err), Err: err}
	}
	return nil
}

// problems is the Error that lists every problem of the configuration, or
// nil when there is none.
func problems(probs []string) error {
	if len(probs) == 0 {
		return nil
	}
	return errorf("config.problems", len(probs), strings.Join(probs, "\n"))
}

// BindFlag makes a command-line flag set key when it is given. Several
// commands have a flag of the same name (--period): bind the running
// command's, as viper keeps one flag per key.
func (c *Config) BindFlag(key string, f *pflag.Flag) {
	c.v.BindPFlag(key, f)
}

// Inbox is the folder of submitted workbooks (inbox); "" is inbox/<period>.
func (c *Config) Inbox() string { return c.v.GetString("inbox") }

// Store is the record, a SQLite file (store).
func (c *Config) Store() string { return c.v.GetString("store") }

// Out is the parent folder of the outputs (out, --out-dir).
func (c *Config) Out() string { return c.v.GetString("out") }

// Office is the policy office, the department that owns the plan's goals
// and receives the templates (office).
func (c *Config) Office() string { return c.v.GetString("office") }

// Workers is how many files are read at once (workers); 0 is the number of
// CPUs.
func (c *Config) Workers() int { return c.v.GetInt("workers") }

// ReportTitle is the report's title (report.title); "" is the plan's title
// with 進捗状況報告書.
func (c *Config) ReportTitle() string { return c.v.GetString("report.title") }

// Deadline is the submission deadline written on the templates (deadline).
func (c *Config) Deadline() string { return c.v.GetString("deadline") }

// Contact is whom departments ask, written on the templates (contact).
func (c *Config) Contact() string { return c.v.GetString("contact") }

// Password protects the templates' sheets (password).
func (c *Config) Password() string { return c.v.GetString("password") }

// WatchResults is the folder watch writes its receipts to (watch.results);
// "" is <inbox>/受付結果.
func (c *Config) WatchResults() string { return c.v.GetString("watch.results") }

// Departments are the departments to make templates for (dept, a flag
// only); none is every department.
func (c *Config) Departments() []string { return c.v.GetStringSlice("dept") }

// TemplatesDir is the folder to write templates to (templates-out, a flag
// only); "" is <out>/<period>/様式.
func (c *Config) TemplatesDir() string { return c.v.GetString("templates-out") }

// requiredKeys maps the config names of narrative fields to sheet columns.
var requiredKeys = map[string]string{
	"progress": sheet.Progress, "analysis": sheet.Analysis, "outlook": sheet.Outlook, "self_evaluation": sheet.SelfEval,
}

// Required are the narrative columns that must be filled in (required:
// progress, analysis, outlook, self_evaluation), as sheet column keys.
func (c *Config) Required() ([]string, error) {
	// Never nil: templates/form reads nil as its default columns, and
	// "required: []" means none.
	cols := []string{}
	for _, name := range c.v.GetStringSlice("required") {
		key, ok := requiredKeys[name]
		if !ok {
			var names []string
			for k := range requiredKeys {
				names = append(names, k)
			}
			slices.Sort(names)
			return nil, errorf("required.unknown", name, strings.Join(names, ", "))
		}
		cols = append(cols, key)
	}
	return cols, nil
}

// ReaderOptions are the options of reading submitted workbooks: the
// office, the period when one is set, and the required columns.
func (c *Config) ReaderOptions() (ingest.Options, error) {
	opts := ingest.Options{Office: c.Office()}
	if s := c.v.GetString("period"); s != "" {
		p, err := c.Period()
		if err != nil {
			return opts, err
		}
		opts.Period = &p
	}
	var err error
	opts.Required, err = c.Required()
	return opts, err
}

// errorf is a mistake in the settings (the configuration file, an
// environment variable or a flag), as an ingest.UsageError.
func errorf(code string, args ...any) error {
	if len(args) == 0 {
		return ingest.UsageError{Msg: msg(code)}
	}
	return ingest.UsageError{Msg: msgf(code, args...)}
}
