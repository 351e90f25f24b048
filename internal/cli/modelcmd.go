package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

func newModelCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "model",
		Short: "Export, import or reset the competency model",
	}
	var format, out string
	export := &cobra.Command{
		Use:   "export",
		Short: "Write the competency model in use as YAML (default) or JSON",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := e.model(cmd)
			if err != nil {
				return err
			}
			if e.json {
				format = "json"
			}
			if format == "" && out != "" {
				format = strings.TrimPrefix(filepath.Ext(out), ".")
			}
			b, err := model.Marshal(m, format)
			if err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err = e.stdout.Write(b)
				return err
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return ladder.Errorf(ladder.EINVALID, "cannot write %s: %v", out, err)
			}
			fmt.Fprintf(e.stderr, "Wrote %s (%s, version %s).\n", out, m.Name, m.Version)
			return nil
		},
	}
	export.Flags().StringVar(&format, "format", "", "yaml or json (default: from the file name, else yaml)")
	export.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")

	imp := &cobra.Command{
		Use:   "import FILE",
		Short: "Validate a competency model file (YAML or JSON) and make it the model in use",
		Long: `Validate a competency model file and make it the model in use. Every problem
is reported with its line and field; a file with any problem changes nothing.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := os.ReadFile(args[0])
			if err != nil {
				return ladder.Errorf(ladder.EINVALID, "cannot read %s: %v", args[0], err)
			}
			m, err := model.Parse(filepath.Base(args[0]), b)
			if err != nil {
				return err
			}
			j, err := e.open(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.Models.ImportModel(cmd.Context(), m); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Imported %s version %s: %d areas, %d competencies, %d roles.\n",
				m.Name, m.Version, len(m.Areas), len(m.Competencies()), len(m.Roles))
			return nil
		},
	}
	reset := &cobra.Command{
		Use:   "reset",
		Short: "Go back to the built-in competency model",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, err := e.open(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.Models.ResetModel(cmd.Context()); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Using the built-in model (%s).\n", model.Default().Version)
			return nil
		},
	}
	cmd.AddCommand(export, imp, reset)
	return cmd
}

func newMigrateCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Apply the database migrations (every command also does this on start)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, err := e.open(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Database %s (%s) is up to date.\n", redactDSN(e.dbURL), j.DB.Engine())
			return nil
		},
	}
}

// redactDSN hides a password in a database URL before printing it.
func redactDSN(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if at := strings.LastIndex(dsn, "@"); at > i {
			cred := dsn[i+3 : at]
			if u, _, ok := strings.Cut(cred, ":"); ok {
				return dsn[:i+3] + u + ":xxxxx" + dsn[at:]
			}
		}
	}
	return dsn
}
