package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/ladderhq/ladder"
)

func newPasswordCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "password",
		Short: "Set or change your password for the web app",
		Long: `Set or change the password the current profile signs in to the web app
with. At a terminal it is asked twice without echo; otherwise the first line
of standard input is the password, so scripts can pipe it in:

  printf '%s\n' "$LADDER_PASSWORD" | ladder password

The first profile given a password owns the instance; later ones are
members. Changing a password signs that person out of every browser.
Anyone who can run ladder on this database can do this: it needs no old
password.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			auth, p, err := authEnv(cmd, e)
			if err != nil {
				return err
			}
			pw, err := readPassword(e, p)
			if err != nil {
				return err
			}
			acc, err := auth.FindAccount(ctx, p.ID)
			created := ladder.ErrorCode(err) == ladder.ENOTFOUND
			switch {
			case created:
				acc = &ladder.Account{PersonID: p.ID, Role: ladder.AccountMember}
				if has, err := auth.HasAccounts(ctx); err != nil {
					return err
				} else if !has {
					acc.Role = ladder.AccountOwner
				}
				err = auth.CreateAccount(ctx, p.ID, acc.Role, pw)
			case err == nil:
				err = auth.ResetPassword(ctx, p.ID, pw)
			}
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(struct {
					PersonID int64  `json:"person_id"`
					Email    string `json:"email"`
					Role     string `json:"role"`
					Created  bool   `json:"created"`
				}{p.ID, p.Email, acc.Role, created})
			}
			if created {
				fmt.Fprintf(e.stdout, "Created the %s account of %s <%s>: sign in to the web app with this email and password.\n",
					acc.Role, p.Name, p.Email)
			} else {
				fmt.Fprintf(e.stdout, "Changed the password of %s <%s> and signed them out of every browser.\n", p.Name, p.Email)
			}
			return nil
		},
	}
}

// readPassword asks at a terminal, twice and without echo, or reads the
// first line of standard input.
func readPassword(e *env, p *ladder.Person) (string, error) {
	if !e.interactive() {
		// A little over the limit, so that an overlong line is reported as
		// such rather than cut to a valid length.
		r := bufio.NewReader(io.LimitReader(e.stdin, ladder.MaxPasswordBytes+8))
		line, err := r.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read the password: %w", err)
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line == "" {
			return "", usageError{fmt.Errorf("no password: run at a terminal, or pipe it in as the first line of standard input")}
		}
		return line, nil
	}
	fd := int(e.stdin.(*os.File).Fd())
	ask := func(prompt string) (string, error) {
		fmt.Fprint(e.stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	pw, err := ask(fmt.Sprintf("New password for %s <%s>: ", p.Name, p.Email))
	if err != nil {
		return "", err
	}
	if err := ladder.ValidatePassword(pw, p.Email); err != nil {
		return "", err
	}
	again, err := ask("Type it again: ")
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", ladder.Errorf(ladder.EINVALID, "the passwords differ; nothing was changed")
	}
	return pw, nil
}
