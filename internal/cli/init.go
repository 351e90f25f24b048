package cli

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"
	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
)

// otherOccupation is the select option that opens an O*NET search.
const otherOccupation = "\x00other"

func newInitCmd(e *env) *cobra.Command {
	var name, email, role, target string
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create or update your profile: who you are, where you start, where you want to go",
		Long: `Create or update your profile. At a terminal, missing answers are asked in a form;
with every flag given it runs without one:

  ladder init --name "Sam Okafor" --email sam@example.com --role system-administrator --target it-manager

--role takes a start role slug (see 'ladder roles'), a role title, or any O*NET
occupation code (see 'ladder onet search').`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, err := e.open(ctx)
			if err != nil {
				return err
			}
			m, err := j.Model(ctx)
			if err != nil {
				return err
			}
			if name == "" || email == "" || role == "" || target == "" {
				if !e.interactive() {
					return usageError{fmt.Errorf("missing %s (no terminal for the form; pass them as flags)", missingFlags(name, email, role, target))}
				}
				if err := initForm(e, j, m, &name, &email, &role, &target); err != nil {
					return err
				}
			}
			start, err := j.ResolveStart(ctx, m, role)
			if err != nil {
				return err
			}
			tr, err := j.ResolveTarget(m, target)
			if err != nil {
				return err
			}
			p, created, err := upsertPerson(cmd, j, &ladder.Person{Name: name, Email: email, StartRole: start.Value, TargetRole: tr.Slug})
			if err != nil {
				return err
			}
			if err := e.usePerson(ctx, j, p); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewPerson(p))
			}
			verb := "Updated"
			if created {
				verb = "Created"
			}
			fmt.Fprintf(e.stdout, "%s the profile of %s <%s>.\n  Start:  %s\n  Target: %s\n\nNext: rate yourself with `ladder assess`, then see `ladder gaps` and `ladder readiness`.\n",
				verb, p.Name, p.Email, start.Title, tr.Title)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&name, "name", "", "your name")
	f.StringVar(&email, "email", "", "your email address")
	f.StringVar(&role, "role", "", "where you start: a start role slug or an O*NET code")
	f.StringVar(&target, "target", "", "the management role you want: a target role slug")
	return cmd
}

func missingFlags(name, email, role, target string) string {
	var m []string
	for _, f := range []struct{ flag, v string }{{"--name", name}, {"--email", email}, {"--role", role}, {"--target", target}} {
		if f.v == "" {
			m = append(m, f.flag)
		}
	}
	return strings.Join(m, ", ")
}

// upsertPerson creates p, or updates the person with p's email.
func upsertPerson(cmd *cobra.Command, j *journey.Journey, p *ladder.Person) (*ladder.Person, bool, error) {
	ctx := cmd.Context()
	if err := p.Validate(); err != nil {
		return nil, false, err
	}
	old, err := j.Persons.FindPersonByEmail(ctx, p.Email)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return p, true, j.Persons.CreatePerson(ctx, p)
	} else if err != nil {
		return nil, false, err
	}
	up, err := j.Persons.UpdatePerson(ctx, old.ID, ladder.PersonUpdate{Name: &p.Name, StartRole: &p.StartRole, TargetRole: &p.TargetRole})
	return up, false, err
}

// initForm asks for whatever the flags did not give.
func initForm(e *env, j *journey.Journey, m *ladder.Model, name, email, role, target *string) error {
	var starts, targets []huh.Option[string]
	for _, r := range m.Roles {
		o := huh.NewOption(r.Title, r.Slug)
		if r.Kind == ladder.RoleStart {
			starts = append(starts, o)
		} else {
			targets = append(targets, o)
		}
	}
	starts = append(starts, huh.NewOption("Another occupation (search O*NET)", otherOccupation))
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("Your name").Value(name).Validate(huh.ValidateNotEmpty()),
			huh.NewInput().Title("Your email").Value(email).Validate(func(s string) error {
				return (&ladder.Person{Name: "x", Email: s}).Validate()
			}),
		),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Where do you start?").Options(starts...).Value(role),
			huh.NewSelect[string]().Title("Which management role do you want?").Options(targets...).Value(target),
		),
	)
	if err := e.runForm(form); err != nil {
		return err
	}
	if *role != otherOccupation {
		return nil
	}
	return searchOccupation(e, j, role)
}

// searchOccupation lets the person find their O*NET occupation by words.
func searchOccupation(e *env, j *journey.Journey, role *string) error {
	d, err := j.ONET()
	if err != nil {
		return err
	}
	for {
		var q string
		if err := e.runForm(huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Search O*NET occupations (e.g. 'network', 'help desk', '15-1244')").Value(&q).Validate(huh.ValidateNotEmpty()),
		))); err != nil {
			return err
		}
		res := d.Search(q, 15)
		if len(res) == 0 {
			fmt.Fprintf(e.stdout, "No occupation matches %q; try other words.\n", q)
			continue
		}
		var opts []huh.Option[string]
		for _, r := range res {
			opts = append(opts, huh.NewOption(r.Code+"  "+r.Title, r.Code))
		}
		opts = append(opts, huh.NewOption("None of these: search again", ""))
		*role = ""
		if err := e.runForm(huh.NewForm(huh.NewGroup(
			huh.NewSelect[string]().Title("Pick your occupation").Options(opts...).Value(role),
		))); err != nil {
			return err
		}
		if *role != "" {
			fmt.Fprintln(e.stdout, d.Attribution(false))
			return nil
		}
	}
}

// runForm runs a form on the command's streams. LADDER_ACCESSIBLE=1 (or
// ACCESSIBLE) switches to plain line prompts for screen readers.
func (e *env) runForm(f *huh.Form) error {
	f = f.WithInput(e.stdin).WithOutput(e.stdout).WithAccessible(e.accessible)
	err := f.RunWithContext(e.ctx)
	if err == huh.ErrUserAborted {
		return ladder.Errorf(ladder.EINVALID, "cancelled; the answers on the open form were not saved")
	}
	return err
}
