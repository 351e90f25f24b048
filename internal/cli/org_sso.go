package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
)

// ssoDefaultBaseURL is where `ladder serve` listens by default, for the
// callback URL shown to register at the provider.
const ssoDefaultBaseURL = "http://127.0.0.1:8080"

func newOrgSSOCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sso",
		Short: "Single sign-on through your OpenID Connect provider (owners)",
		Long: `Let your organisation's people sign in to Ladder with their work accounts.
Register Ladder at your provider with the callback URL that "ladder org sso show"
prints, then give Ladder the issuer URL, the client id and the client secret.
The secret is stored but never shown again. Passwords keep working beside it.`,
	}
	cmd.AddCommand(newOrgSSOShowCmd(e), newOrgSSOSetCmd(e), newOrgSSORemoveCmd(e))
	return cmd
}

func newOrgSSOShowCmd(e *env) *cobra.Command {
	var baseURL string
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Show the single sign-on settings (never the secret) and the callback URL to register",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			c, err := j.OrgSSO(cmd.Context(), p)
			if ladder.ErrorCode(err) == ladder.ENOTFOUND && !e.json {
				if _, oerr := j.OrgOf(cmd.Context(), p); oerr != nil {
					return oerr
				}
				fmt.Fprintf(e.stdout, "Single sign-on is not set up.\nRegister Ladder at your provider with this callback URL:\n%s\n",
					ssoCallbackOf(baseURL))
				return nil
			} else if err != nil {
				return err
			}
			return e.printOrgSSO(cmd, j, p, c, baseURL)
		},
	}
	cmd.Flags().StringVar(&baseURL, "base-url", ssoDefaultBaseURL, "where the web app is reached, for the callback URL")
	return cmd
}

func ssoCallbackOf(baseURL string) string { return strings.TrimRight(baseURL, "/") + "/sso/callback" }

func (e *env) printOrgSSO(cmd *cobra.Command, j *journey.Journey, p *ladder.Person, c *ladder.OrgSSO, baseURL string) error {
	if e.json {
		return e.printJSON(api.NewOrgSSOConfig(c, ssoCallbackOf(baseURL)))
	}
	o, _, err := j.Organisation(cmd.Context(), p)
	if err != nil {
		return err
	}
	secret := map[bool]string{true: "set", false: "not set"}[c.ClientSecret != ""]
	signIn := map[bool]string{true: "on", false: "off"}[c.Enabled]
	provision := "off: only members and invited people sign in"
	if c.Provision {
		provision = "on, for verified emails in " + orDash(strings.Join(o.Domains, ", "))
	}
	fmt.Fprintf(e.stdout, "Issuer: %s\nClient ID: %s\nClient secret: %s\nSign-in: %s\nNew accounts: %s\nCallback URL to register: %s\n",
		c.Issuer, c.ClientID, secret, signIn, provision, ssoCallbackOf(baseURL))
	return nil
}

func newOrgSSOSetCmd(e *env) *cobra.Command {
	var issuer, clientID, baseURL string
	var secretStdin, enabled, provision bool
	cmd := &cobra.Command{
		Use:   "set",
		Short: "Set up or change single sign-on; flags left out keep their values",
		Long: `Set up or change single sign-on. Flags left out keep their current values;
a new set-up needs --issuer and --client-id and is switched on unless
--enabled=false. The client secret is read from standard input
(--client-secret-stdin), never from a flag, so it stays out of shell
history. When sign-in is on, Ladder checks the provider's discovery
document at the issuer first.`,
		Example: `  printf '%s' "$SECRET" | ladder org sso set --issuer https://login.example.com --client-id ladder --client-secret-stdin --provision`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			c, err := j.OrgSSO(ctx, p)
			if ladder.ErrorCode(err) == ladder.ENOTFOUND {
				if _, oerr := j.OrgOf(ctx, p); oerr != nil {
					return oerr
				}
				c = &ladder.OrgSSO{Enabled: true}
			} else if err != nil {
				return err
			}
			c.ClientSecret = "" // kept by the store unless a new one comes
			f := cmd.Flags()
			if f.Changed("issuer") {
				c.Issuer = issuer
			}
			if f.Changed("client-id") {
				c.ClientID = clientID
			}
			if f.Changed("enabled") {
				c.Enabled = enabled
			}
			if f.Changed("provision") {
				c.Provision = provision
			}
			if secretStdin {
				b, err := io.ReadAll(io.LimitReader(e.stdin, 4096))
				if err != nil {
					return err
				}
				if c.ClientSecret = strings.TrimSpace(string(b)); c.ClientSecret == "" {
					return usageError{fmt.Errorf("--client-secret-stdin: standard input is empty")}
				}
			}
			if err := j.SaveOrgSSO(ctx, p, c); err != nil {
				return err
			}
			if !e.json {
				fmt.Fprintln(e.stdout, "Single sign-on saved.")
			}
			return e.printOrgSSO(cmd, j, p, c, baseURL)
		},
	}
	f := cmd.Flags()
	f.StringVar(&issuer, "issuer", "", "the provider's issuer URL (https)")
	f.StringVar(&clientID, "client-id", "", "Ladder's client id at the provider")
	f.BoolVar(&secretStdin, "client-secret-stdin", false, "read the client secret from standard input")
	f.BoolVar(&enabled, "enabled", true, "let people sign in through the provider")
	f.BoolVar(&provision, "provision", false, "give an account to people the provider vouches for with a verified email in the organisation's domains")
	f.StringVar(&baseURL, "base-url", ssoDefaultBaseURL, "where the web app is reached, for the callback URL")
	return cmd
}

func newOrgSSORemoveCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "remove",
		Short: "Remove single sign-on and the identities linked through it; passwords keep working",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.DeleteOrgSSO(cmd.Context(), p); err != nil {
				return err
			}
			return e.printResult(map[string]bool{"removed": true}, "Single sign-on removed. Members sign in with a password or an invitation.\n")
		},
	}
}
