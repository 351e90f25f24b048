package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/ladderhq/ladder/internal/report"
)

func newReportCmd(e *env) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Your development report: profile, readiness, gaps, plan, evidence, certifications",
		Long: `Write your development report as Markdown (the default, to standard output),
as a printable HTML document or as a PDF. A PDF needs -o FILE unless standard
output is redirected away from the terminal.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "md" && format != "html" && format != "pdf" {
				return usageError{fmt.Errorf("--format %q: choose html, md or pdf", format)}
			}
			if format == "pdf" && (out == "" || out == "-") && e.stdoutTerminal() {
				return usageError{fmt.Errorf("a PDF is not for the terminal: add -o report.pdf or redirect the output")}
			}
			b, err := e.report(cmd.Context(), format)
			if err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := e.stdout.Write(b)
				return err
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Wrote %s.\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "html, md or pdf")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default standard output)")
	return cmd
}

// report builds the current person's report and renders it in format.
func (e *env) report(ctx context.Context, format string) ([]byte, error) {
	j, p, err := e.me(ctx)
	if err != nil {
		return nil, err
	}
	in, err := report.Load(ctx, j, p)
	if err != nil {
		return nil, err
	}
	r := report.Build(in)
	switch format {
	case "html":
		return r.HTML()
	case "pdf":
		return r.PDF(in.Now)
	}
	return r.Markdown(), nil
}

// stdoutTerminal reports whether standard output is a terminal.
func (e *env) stdoutTerminal() bool {
	f, ok := e.stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
