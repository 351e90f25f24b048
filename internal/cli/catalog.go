package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

func newRolesCmd(e *env) *cobra.Command {
	var kind string
	cmd := &cobra.Command{
		Use:   "roles [SLUG]",
		Short: "List the start and target roles, or show one role's profile",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := e.model(cmd)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				return showRole(e, m, args[0])
			}
			if kind != "" && kind != ladder.RoleStart && kind != ladder.RoleTarget {
				return usageError{fmt.Errorf("--kind must be start or target")}
			}
			out := []api.Role{}
			for _, r := range m.Roles {
				if kind == "" || r.Kind == kind {
					out = append(out, api.NewRole(r))
				}
			}
			if e.json {
				return e.printJSON(out)
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "SLUG\tTITLE\tKIND\tO*NET")
			for _, r := range out {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.Slug, r.Title, r.Kind, r.ONETCode)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only start or only target roles")
	return cmd
}

func showRole(e *env, m *ladder.Model, slug string) error {
	r, ok := m.Role(slug)
	if !ok {
		return ladder.Errorf(ladder.ENOTFOUND, "unknown role %q: see `ladder roles`", slug)
	}
	d := api.NewRoleDetail(m, r)
	if e.json {
		return e.printJSON(d)
	}
	fmt.Fprintf(e.stdout, "%s (%s role, O*NET %s)\n\n%s\n\nWhat the work is:\n", r.Title, r.Kind, r.ONETCode, r.Summary)
	for _, duty := range r.Duties {
		fmt.Fprintf(e.stdout, "  - %s\n", duty)
	}
	fmt.Fprintln(e.stdout)
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "COMPETENCY\tLEVEL\tIMPORTANCE")
	for _, q := range d.Requirements {
		fmt.Fprintf(w, "%s\t%d\t%d\n", q.Name, q.Level, q.Importance)
	}
	return w.Flush()
}

func newCompetenciesCmd(e *env) *cobra.Command {
	var area string
	cmd := &cobra.Command{
		Use:   "competencies [KEY]",
		Short: "List the competencies of the model, or show one with its level descriptors",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := e.model(cmd)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				c, ok := m.Competency(args[0])
				if !ok {
					return ladder.Errorf(ladder.ENOTFOUND, "unknown competency %q: see `ladder competencies`", args[0])
				}
				if e.json {
					return e.printJSON(api.NewCompetency(m, c))
				}
				fmt.Fprintf(e.stdout, "%s (%s)\n\n%s\n\n", c.Name, c.Key, c.Description)
				for i, d := range c.Levels {
					fmt.Fprintf(e.stdout, "%d %s: %s\n\n", i+1, m.LevelNames[i], d)
				}
				return nil
			}
			out := []api.Competency{}
			for _, c := range m.Competencies() {
				if area == "" || c.Area == area {
					out = append(out, api.NewCompetency(m, c))
				}
			}
			if e.json {
				return e.printJSON(out)
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "KEY\tNAME\tAREA")
			for _, c := range out {
				fmt.Fprintf(w, "%s\t%s\t%s\n", c.Key, c.Name, c.AreaName)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&area, "area", "", "only this area's competencies")
	return cmd
}

// model returns the competency model in use.
func (e *env) model(cmd *cobra.Command) (*ladder.Model, error) {
	j, err := e.open(cmd.Context())
	if err != nil {
		return nil, err
	}
	return j.Model(cmd.Context())
}
