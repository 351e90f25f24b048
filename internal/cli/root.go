// Package cli implements the ladder command line: one file per subcommand.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
)

// env is what every subcommand shares: the streams, the global flags and
// lazily opened resources.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	json    bool   // --json: print data as JSON
	dbURL   string // --db or LADDER_DB
	dataDir string // LADDER_DATA_DIR or the XDG default

	accessible  bool   // plain line prompts instead of full-screen forms
	personEmail string // --person: work on this profile instead of the current one

	journey *journey.Journey
	closers []func() error

	onetOnce sync.Once
	onetData *onet.Dataset
	onetErr  error
}

// Execute runs the ladder command with args and returns the process exit
// code: 0 on success, 1 on a user error (bad input, not found), 2 on a usage
// error, 3 on an internal error.
func Execute(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr,
		accessible: os.Getenv("LADDER_ACCESSIBLE") != "" || os.Getenv("ACCESSIBLE") != ""}
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	e.close()
	if err == nil {
		return 0
	}
	var ue usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "ladder: %v\n", err)
		return 2
	case ladder.ErrorCode(err) == ladder.EINTERNAL:
		fmt.Fprintf(stderr, "ladder: internal error: %v\n", err)
		return 3
	default:
		fmt.Fprintf(stderr, "ladder: %v\n", err)
		return 1
	}
}

// usageError marks a mistake in how the command was called.
type usageError struct{ error }

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:           "ladder",
		Short:         "From IT specialist to IT manager, measured step by step",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return e.resolveConfig(cmd)
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.BoolVar(&e.json, "json", false, "print data as JSON")
	pf.StringVar(&e.dbURL, "db", "", "database: a postgres:// URL or a SQLite file path (default: $LADDER_DB, else ladder.db in the data folder)")
	pf.StringVar(&e.personEmail, "person", "", "work on the profile with this email instead of the current one")
	root.AddCommand(
		newInitCmd(e),
		newAssessCmd(e),
		newGapsCmd(e),
		newReadinessCmd(e),
		newRolesCmd(e),
		newCompetenciesCmd(e),
		newModelCmd(e),
		newONETCmd(e),
		newDemoCmd(e),
		newMigrateCmd(e),
		newTokenCmd(e),
		newPasswordCmd(e),
		newServeCmd(e),
		newLogCmd(e),
		newJournalCmd(e),
		newCertsCmd(e),
		newPlanCmd(e),
		newLearnCmd(e),
		newReportCmd(e),
		newExportCmd(e), newImportCmd(e),
		newTodayCmd(e), newCalendarCmd(e),
		newMentorCmd(e), newNetworkCmd(e),
		newManagerCmd(e), newFirst90Cmd(e), newTeamCmd(e), newStakeholdersCmd(e), newTrustCmd(e), newDelegateCmd(e),
		newOpportunityCmd(e), newResumeCmd(e), newInterviewCmd(e), newCoverLetterCmd(e),
		newOrgCmd(e),
		newFeedbackCmd(e),
		newSharingCmd(e),
	)
	return root
}

// printJSON writes v as indented JSON followed by a newline.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// onet returns the O*NET dataset: one imported by `ladder onet import` into
// the data folder if there is one, else the dataset embedded in the binary.
func (e *env) onet() (*onet.Dataset, error) {
	e.onetOnce.Do(func() {
		e.onetData, e.onetErr = onet.Load(e.dataDir)
	})
	return e.onetData, e.onetErr
}

// printJSONList prints items converted to their wire type as a JSON array,
// [] rather than null when there are none.
func printJSONList[T, U any](e *env, items []T, conv func(T) U) error {
	out := make([]U, 0, len(items))
	for _, it := range items {
		out = append(out, conv(it))
	}
	return e.printJSON(out)
}
