package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// newOrgSettingsCmd is `ladder org settings`: the organisation's settings,
// and the one the command line changes, raters from outside (owners).
func newOrgSettingsCmd(e *env) *cobra.Command {
	var outside string
	cmd := &cobra.Command{
		Use:   "settings",
		Short: "Show the organisation's settings; --outside-raters allow|refuse changes who may rate members (owners)",
		Long: `Show the organisation's name, domains, 360 anonymity minimums and whether
raters from outside are allowed. With --outside-raters refuse, a member may ask
for feedback only other members and addresses in the organisation's domains:
the defence against invented raters at addresses someone controls
(docs/anonymity.md). Organisations created with domains start refusing them.
Name, domains and minimums change on the web page or with PUT /api/v1/org.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			if outside != "" {
				if outside != "allow" && outside != "refuse" {
					return usageError{fmt.Errorf("--outside-raters: %q is neither allow nor refuse", outside)}
				}
				o, _, err := j.Organisation(ctx, p)
				if err != nil {
					return err
				}
				o.OutsideRaters = outside == "allow"
				if err := j.UpdateOrganisation(ctx, p, o); err != nil {
					return err
				}
			}
			if err := e.printOrg(ctx, j, p); err != nil || e.json {
				return err
			}
			o, _, err := j.Organisation(ctx, p)
			if err != nil {
				return err
			}
			if o.OutsideRaters {
				fmt.Fprintln(e.stdout, "Raters from outside: allowed (anyone a member asks may rate them)")
			} else {
				fmt.Fprintln(e.stdout, "Raters from outside: refused (raters are members or at the organisation's domains)")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&outside, "outside-raters", "", "allow or refuse 360 raters who are neither members nor at one of the domains")
	return cmd
}
