package cli

import (
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
)

func newTokenCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Create, list or delete your personal access tokens for the API",
		Long: `Personal access tokens let scripts use the JSON API as you. Send one as
"Authorization: Bearer ldr_...". A token is shown once, when created; the
database keeps only a hash of it.`,
	}
	cmd.AddCommand(newTokenCreateCmd(e), newTokenListCmd(e), newTokenDeleteCmd(e))
	return cmd
}

// authEnv opens the store and finds the current person.
func authEnv(cmd *cobra.Command, e *env) (*sqldb.AuthService, *ladder.Person, error) {
	j, err := e.open(cmd.Context())
	if err != nil {
		return nil, nil, err
	}
	p, err := e.person(cmd.Context(), j)
	if err != nil {
		return nil, nil, err
	}
	return sqldb.NewAuthService(j.DB), p, nil
}

func newTokenCreateCmd(e *env) *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use:   "create --name NAME",
		Short: "Create a token and print it, once",
		Long: `Create a token and print it. It is shown only this once: store it right
away, for example in a password manager or your CI's secret store.

The token alone goes to standard output and the notes to standard error,
so that TOKEN=$(ladder token create --name ci) works.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if name == "" {
				return usageError{fmt.Errorf("missing --name: name the token after where it will be used")}
			}
			auth, p, err := authEnv(cmd, e)
			if err != nil {
				return err
			}
			plain, t, err := auth.CreateToken(cmd.Context(), p.ID, name)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.TokenCreated{Token: api.NewToken(t), Secret: plain})
			}
			fmt.Fprintf(e.stderr, "Created token %d %q for %s <%s>:\n", t.ID, t.Name, p.Name, p.Email)
			fmt.Fprintln(e.stdout, plain)
			fmt.Fprintln(e.stderr, "Store it now: it will not be shown again. Anyone holding it can use the API as you;\n"+
				"revoke it with `ladder token delete "+strconv.FormatInt(t.ID, 10)+"`.")
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "what the token is for, e.g. laptop or ci (unique among your tokens)")
	return cmd
}

func newTokenListCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List your tokens (never their secrets)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			auth, p, err := authEnv(cmd, e)
			if err != nil {
				return err
			}
			ts, err := auth.FindTokens(cmd.Context(), p.ID)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, ts, api.NewToken)
			}
			if len(ts) == 0 {
				fmt.Fprintln(e.stdout, "No tokens. Create one with `ladder token create --name NAME`.")
				return nil
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tNAME\tTOKEN\tCREATED\tLAST USED")
			for _, t := range ts {
				used := "never"
				if !t.LastUsedAt.IsZero() {
					used = t.LastUsedAt.Local().Format("2006-01-02 15:04")
				}
				fmt.Fprintf(w, "%d\t%s\t%s...\t%s\t%s\n", t.ID, t.Name, t.Prefix, t.CreatedAt.Local().Format("2006-01-02"), used)
			}
			return w.Flush()
		},
	}
}

func newTokenDeleteCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Revoke one of your tokens at once",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return usageError{fmt.Errorf("token id %q: want the number shown by `ladder token list`", args[0])}
			}
			auth, p, err := authEnv(cmd, e)
			if err != nil {
				return err
			}
			if err := auth.DeleteToken(cmd.Context(), p.ID, id); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Deleted token %d: it no longer works.\n", id)
			return nil
		},
	}
}
