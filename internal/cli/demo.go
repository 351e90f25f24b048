package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/demo"
)

func newDemoCmd(e *env) *cobra.Command {
	var keep, manager, org bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Load the demo person (a system administrator aiming at IT manager) and switch to them",
		Long: `Load Alex Moreno, a system administrator of six years who wants to become an
IT manager, with two self-assessments six months apart and an evidence log,
and make Alex the current profile so 'ladder gaps', 'ladder readiness' and
'ladder log list' show a filled picture.
Running it again resets the demo person. Switch back to your own profile with
'ladder init --email YOU', or look at one command's worth with --person.

With --manager, load Priya Shah instead: an IT manager for 40 days, with her
30/60/90-day plan, team and one-to-ones, stakeholders, trust checklist,
delegation list and weekly hours ('ladder first90', 'ladder team list').

With --org, load Alex inside the demo organisation, Northwind IT: 28 people
with titles, managers and mentors, the programme "Future IT managers" with
two cohorts, self-assessments, plans and sharing choices that vary, Alex's
closed 360 round and the autumn cohort's open ones. Its owner is Morgan Hale
(morgan.hale@northwind-it.example): add --person morgan.hale@northwind-it.example
to a command to act as the owner ('ladder org feedback show --cohort ID').`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, err := e.open(ctx)
			if err != nil {
				return err
			}
			if manager {
				return e.loadManagerDemo(ctx, j, keep)
			}
			var p *ladder.Person
			if org {
				p, _, err = demo.LoadOrg(ctx, j, j.DB.Now())
			} else {
				p, err = demo.Load(ctx, j, j.DB.Now())
			}
			if err != nil {
				return err
			}
			if !keep {
				if err := e.usePerson(ctx, j, p); err != nil {
					return err
				}
			}
			if e.json {
				return e.printJSON(api.NewPerson(p))
			}
			fmt.Fprintf(e.stdout, "Loaded the demo person %s <%s>: system administrator -> IT manager, two assessments six months apart and an evidence log.\n", p.Name, p.Email)
			if org {
				fmt.Fprintf(e.stdout, "Alex is in the demo organisation %s; its owner is Morgan Hale: add --person %s to act as them.\n", demo.OrgName, demo.AdminEmail)
			}
			if keep {
				fmt.Fprintf(e.stdout, "Your current profile is unchanged; add --person %s to a command to look at the demo.\n", p.Email)
			} else {
				fmt.Fprintln(e.stdout, "Try: ladder gaps, ladder readiness, ladder log list, ladder readiness --all-targets, ladder onet compare 15-1244.00 11-3021.00")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&keep, "keep-current", false, "load the demo but stay on your own profile")
	cmd.Flags().BoolVar(&manager, "manager", false, "load the second demo person, a new IT manager 40 days into the role")
	cmd.Flags().BoolVar(&org, "org", false, "load Alex inside the demo organisation, Northwind IT, owned by Morgan Hale")
	return cmd
}
