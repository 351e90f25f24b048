package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
)

func newExportCmd(e *env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export [-o FILE]",
		Short: "Write all of your data as versioned JSON",
		Long: `Write all of the current person's data as one JSON document (format
"ladder.person", version 1): profile, assessments with ratings and notes,
evidence, journal, plan, certifications, learning and weekly hours. The
same file as the web app's download. No password hash, session or token
secret is in it. Read it back, into this or another database, with
` + "`ladder import FILE`" + `.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			x, err := api.NewExport(ctx, j, sqldb.NewAuthService(j.DB), p)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := api.EncodeExport(&b, x); err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := e.stdout.Write(b.Bytes())
				return err
			}
			if err := writeFileAtomic(out, b.Bytes()); err != nil {
				return ladder.Errorf(ladder.EINVALID, "cannot write %s: %v", out, err)
			}
			fmt.Fprintf(e.stderr, "Exported %s <%s> to %s.\n", p.Name, p.Email, out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

// writeFileAtomic writes b to path through a temporary file in the same
// folder, readable by the owner only: the export is personal data.
func writeFileAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".ladder-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func newImportCmd(e *env) *cobra.Command {
	var as string
	var use bool
	cmd := &cobra.Command{
		Use:   "import FILE [--as EMAIL] [--use]",
		Short: "Add a person and all their data from a file of `ladder export`",
		Long: `Add a person and all their data from a file written by ` + "`ladder export`" + `
(or downloaded from the web app), into this database or another engine's.
Everything is checked first and written in one transaction: an import that
fails writes nothing. The file's email must be free; --as imports under
another. Accounts and tokens are not imported: set a password with
` + "`ladder password`" + ` for the web app. FILE "-" reads standard input.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			var r io.Reader = e.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return ladder.Errorf(ladder.EINVALID, "cannot read %s: %v", args[0], err)
				}
				defer f.Close()
				r = f
			}
			x, err := api.DecodeExport(r)
			if err != nil {
				return err
			}
			d := x.PersonData()
			if as != "" {
				d.Person.Email = as
			}
			j, err := e.open(ctx)
			if err != nil {
				return err
			}
			p, err := j.ImportPerson(ctx, d)
			if err != nil {
				return err
			}
			if use {
				if err := e.usePerson(ctx, j, p); err != nil {
					return err
				}
			}
			if e.json {
				return e.printJSON(api.NewPerson(p))
			}
			plan := 0
			if d.Plan != nil {
				plan = 1
			}
			fmt.Fprintf(e.stdout, "Imported %s <%s>: %d assessments, %d evidence entries, %d journal entries, %d plan, "+
				"%d certification records, %d learning items, %d weeks.\n", p.Name, p.Email, len(d.Assessments),
				len(d.Evidence), len(d.Journal), plan, len(d.Certifications), len(d.Learning), len(d.Weeks))
			if use {
				fmt.Fprintf(e.stdout, "The command line now works on %s.\n", p.Email)
			} else {
				fmt.Fprintf(e.stdout, "Work on it with --person %s, or import with --use.\n", p.Email)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&as, "as", "", "import under this email instead of the file's")
	cmd.Flags().BoolVar(&use, "use", false, "make the imported person the command line's current profile")
	return cmd
}
