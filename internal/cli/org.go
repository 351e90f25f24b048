package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
)

// orgSMTPHelp documents the mail URL of --smtp and LADDER_SMTP_URL.
const orgSMTPHelp = "SMTP URL to send mail, such as smtp://user:pass@mail.example.com:587?from=ladder@example.com (default: $LADDER_SMTP_URL; without it, links are shown to copy)"

// orgMailer returns the sender of url (the flag, else LADDER_SMTP_URL), or
// nil when neither is set.
func orgMailer(url string) (mail.Sender, error) { return feedbackMail{smtp: url}.sender() }

func newOrgCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "org",
		Short: "Your organisation: members and roles, invitations, people import, programmes and cohorts, audit log",
		Long: `Run an organisation that grows its own IT managers. The commands act as the
current profile (or --person EMAIL), with the rights of their role in the
organisation: members see the overview; programme admins invite, import and run
programmes; owners also change roles and settings and read the audit log.
A person belongs to at most one organisation.`,
	}
	cmd.AddCommand(newOrgCreateCmd(e), newOrgShowCmd(e), newOrgMembersCmd(e), newOrgInviteCmd(e), newOrgRoleCmd(e),
		newOrgManagerCmd(e), newOrgImportCmd(e), newOrgProgrammeCmd(e), newOrgCohortCmd(e), newOrgAuditCmd(e),
		newOrgSSOCmd(e), newOrgPeopleCmd(e), newOrgSettingsCmd(e), newOrgFeedbackCmd(e), newOrgPipelineCmd(e))
	return cmd
}

func newOrgCreateCmd(e *env) *cobra.Command {
	var slug string
	var domains []string
	cmd := &cobra.Command{
		Use:   "create NAME",
		Short: "Create an organisation; you become its owner",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			o := &ladder.Organisation{Name: args[0], Slug: slug, Domains: domains}
			if err := j.CreateOrganisation(ctx, p, o); err != nil {
				return err
			}
			return e.printOrg(ctx, j, p)
		},
	}
	cmd.Flags().StringVar(&slug, "slug", "", "short name for links (default: from the name)")
	cmd.Flags().StringArrayVar(&domains, "domain", nil, "an email domain of the organisation; repeat for more")
	return cmd
}

func newOrgShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "Show your organisation and your role in it",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			return e.printOrg(cmd.Context(), j, p)
		},
	}
}

func (e *env) printOrg(ctx context.Context, j *journey.Journey, p *ladder.Person) error {
	o, m, err := j.Organisation(ctx, p)
	if err != nil {
		return err
	}
	_, n, err := j.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: o.ID, Limit: 1})
	if err != nil {
		return err
	}
	if e.json {
		return e.printJSON(api.NewOrganisation(o, m.Role, n))
	}
	a := o.Anonymity
	fmt.Fprintf(e.stdout, "%s (%s)\nYour role: %s\nMembers: %d\nDomains: %s\n", o.Name, o.Slug, ladder.OrgRoleLabel(m.Role), n,
		orDash(strings.Join(o.Domains, ", ")))
	fmt.Fprintf(e.stdout, "360 anonymity minimums: manager %d%s, peers %d, direct reports %d, stakeholders %d, others %d\n",
		a.Manager, map[bool]string{true: " (named)", false: " (anonymous)"}[a.NameManager], a.Peer, a.Report, a.Stakeholder, a.Others)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func newOrgMembersCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "members",
		Short: "List the members with role, title, manager and mentors",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			ms, err := j.OrgMembers(cmd.Context(), p)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, ms, api.NewOrgMember)
			}
			names := map[int64]string{}
			for _, m := range ms {
				names[m.PersonID] = m.Name
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tEMAIL\tROLE\tTITLE\tMANAGER\tMENTORS\tACCOUNT")
			for _, m := range ms {
				var mentors []string
				for _, id := range m.MentorIDs {
					mentors = append(mentors, names[id])
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Name, m.Email, ladder.OrgRoleLabel(m.Role), orDash(m.Title),
					orDash(names[m.ManagerID]), orDash(strings.Join(mentors, ", ")), map[bool]string{true: "yes", false: "not yet"}[m.HasAccount])
			}
			return tw.Flush()
		},
	}
}

func newOrgInviteCmd(e *env) *cobra.Command {
	var role, baseURL, smtp string
	cmd := &cobra.Command{
		Use:   "invite EMAIL",
		Short: "Invite someone by email; prints the link, and mails it when SMTP is set up",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sender, err := orgMailer(smtp)
			if err != nil {
				return err
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			j.Mail = sender
			inv, err := j.Invite(cmd.Context(), p, args[0], role, baseURL)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.OrgInvited{Invitation: api.NewOrgInvitation(inv.Invitation, j.DB.Now()), Link: inv.Link,
					Mailed: inv.Mailed, MailError: inv.MailError})
			}
			switch {
			case inv.Mailed:
				fmt.Fprintf(e.stdout, "Invitation mailed to %s.\n", inv.Invitation.Email)
			case inv.MailError != "":
				fmt.Fprintf(e.stdout, "The mail could not be sent (%s); give %s this link instead.\n", inv.MailError, inv.Invitation.Email)
			default:
				fmt.Fprintf(e.stdout, "Give %s this link (it works once, for 7 days, and is not shown again):\n", inv.Invitation.Email)
			}
			fmt.Fprintln(e.stdout, inv.Link)
			return nil
		},
	}
	cmd.Flags().StringVar(&role, "role", ladder.OrgRoleMember, "role on joining: "+strings.Join(ladder.OrgRoles, ", "))
	cmd.Flags().StringVar(&baseURL, "base-url", "http://127.0.0.1:8080", "where the web app is reached, for the link")
	cmd.Flags().StringVar(&smtp, "smtp", "", orgSMTPHelp)
	return cmd
}

// orgMemberByEmail finds a member of the actor's organisation by email.
func orgMemberByEmail(ctx context.Context, j *journey.Journey, actor *ladder.Person, email string) (*ladder.OrgMember, error) {
	ms, err := j.OrgMembers(ctx, actor)
	if err != nil {
		return nil, err
	}
	email = strings.ToLower(strings.TrimSpace(email))
	for _, m := range ms {
		if m.Email == email {
			return m, nil
		}
	}
	return nil, ladder.Errorf(ladder.ENOTFOUND, "No member with email %s.", email)
}

func newOrgRoleCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "role EMAIL ROLE",
		Short: "Change a member's role (owners): " + strings.Join(ladder.OrgRoles, ", "),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.updateOrgMember(cmd.Context(), args[0], func(*journey.Journey, *ladder.Person) (ladder.OrgMemberUpdate, error) {
				return ladder.OrgMemberUpdate{Role: &args[1]}, nil
			})
		},
	}
}

func newOrgManagerCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "manager EMAIL [MANAGER_EMAIL]",
		Short: "Set a member's manager, another member (without MANAGER_EMAIL: no manager)",
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return e.updateOrgMember(ctx, args[0], func(j *journey.Journey, p *ladder.Person) (ladder.OrgMemberUpdate, error) {
				var id int64
				if len(args) == 2 {
					mgr, err := orgMemberByEmail(ctx, j, p, args[1])
					if err != nil {
						return ladder.OrgMemberUpdate{}, err
					}
					id = mgr.PersonID
				}
				return ladder.OrgMemberUpdate{ManagerID: &id}, nil
			})
		},
	}
}

func (e *env) updateOrgMember(ctx context.Context, email string, upd func(*journey.Journey, *ladder.Person) (ladder.OrgMemberUpdate, error)) error {
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	m, err := orgMemberByEmail(ctx, j, p, email)
	if err != nil {
		return err
	}
	u, err := upd(j, p)
	if err != nil {
		return err
	}
	m, err = j.UpdateOrgMember(ctx, p, m.PersonID, u)
	if err != nil {
		return err
	}
	if e.json {
		return e.printJSON(api.NewOrgMember(m))
	}
	fmt.Fprintf(e.stdout, "Saved: %s is %s.\n", m.Name, strings.ToLower(ladder.OrgRoleLabel(m.Role)))
	return nil
}

func newOrgImportCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Import people from CSV (name,email,title,manager_email); all rows or none",
		Long: `Import people from a CSV file whose header is name,email,title,manager_email
(title and manager_email may be left out). New people become members; members
already in the organisation get the title and manager of the file. A manager
must be in the file or a member. When any row is wrong, every problem is listed
with its line and nothing is imported. FILE - reads standard input.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var data []byte
			var err error
			if args[0] == "-" {
				data, err = io.ReadAll(io.LimitReader(e.stdin, 16<<20))
			} else {
				data, err = os.ReadFile(args[0])
			}
			if err != nil {
				return ladder.Errorf(ladder.EINVALID, "cannot read %s: %v", args[0], err)
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			res, err := j.ImportOrgPeople(cmd.Context(), p, data)
			if res != nil && e.json {
				if perr := e.printJSON(api.NewOrgImportResult(res)); perr != nil {
					return perr
				}
			} else if res != nil {
				for _, pr := range res.Problems {
					fmt.Fprintf(e.stderr, "line %d%s: %s\n", pr.Line, orgFieldSuffix(pr.Field), pr.Message)
				}
			}
			if err != nil {
				return err
			}
			if !e.json {
				fmt.Fprintf(e.stdout, "Imported: %d added, %d updated.\n", len(res.Added), len(res.Updated))
			}
			return nil
		},
	}
}

func orgFieldSuffix(f string) string {
	if f == "" {
		return ""
	}
	return ", " + f
}
