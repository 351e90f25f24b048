package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/journey"
)

// networkJSON is `ladder network --json`.
type networkJSON struct {
	Contacts    []api.Contact    `json:"contacts"`
	Memberships []api.Membership `json:"memberships"`
	Events      []api.Event      `json:"events"`
}

func newNetworkCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "network",
		Short: "Your network: contacts with follow-ups, professional organisations, events",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			var out networkJSON
			if out.Contacts, err = contactsJSON(ctx, j, p); err != nil {
				return err
			}
			if out.Memberships, err = membershipsJSON(ctx, j, p); err != nil {
				return err
			}
			if out.Events, err = eventsJSON(ctx, j, p); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(out)
			}
			printContacts(e, out.Contacts, dayText(j))
			fmt.Fprintln(e.stdout)
			printMemberships(e, out.Memberships)
			fmt.Fprintln(e.stdout)
			printEvents(e, out.Events)
			return nil
		},
	}
	contact := &cobra.Command{Use: "contact", Short: "Your contacts and follow-ups"}
	contact.AddCommand(newContactAddCmd(e), newContactListCmd(e), newContactDoneCmd(e),
		newNetworkDeleteCmd(e, "Delete a contact", func(j *journey.Journey) func(context.Context, int64, int64) error { return j.Network.DeleteContact }))
	org := &cobra.Command{Use: "org", Short: "Professional organisations: " + orgKeys()}
	org.AddCommand(newOrgAddCmd(e), newOrgListCmd(e), newOrgSetCmd(e),
		newNetworkDeleteCmd(e, "Delete a membership", func(j *journey.Journey) func(context.Context, int64, int64) error { return j.Network.DeleteMembership }))
	event := &cobra.Command{Use: "event", Short: "Events and conferences, planned or attended"}
	event.AddCommand(newEventAddCmd(e), newEventListCmd(e), newEventSetCmd(e),
		newNetworkDeleteCmd(e, "Delete an event", func(j *journey.Journey) func(context.Context, int64, int64) error {
			return j.Network.DeleteNetworkEvent
		}))
	cmd.AddCommand(contact, org, event)
	return cmd
}

// dayText returns today as YYYY-MM-DD on the journey's clock.
func dayText(j *journey.Journey) string { return ladder.Day(j.DB.Now()).Format("2006-01-02") }

func orgKeys() string {
	c, err := firstdays.Load()
	if err != nil {
		return ""
	}
	var ks []string
	for _, o := range c.Organisations {
		ks = append(ks, o.Key)
	}
	return strings.Join(ks, ", ") + " or a name of your own"
}

func contactsJSON(ctx context.Context, j *journey.Journey, p *ladder.Person) ([]api.Contact, error) {
	return findJSON(ctx, p, j.Network.FindContacts, api.NewContact)
}

func membershipsJSON(ctx context.Context, j *journey.Journey, p *ladder.Person) ([]api.Membership, error) {
	return findJSON(ctx, p, j.Network.FindMemberships, api.NewMembership)
}

func eventsJSON(ctx context.Context, j *journey.Journey, p *ladder.Person) ([]api.Event, error) {
	return findJSON(ctx, p, j.Network.FindNetworkEvents, api.NewEvent)
}

func netText(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func printContacts(e *env, cs []api.Contact, today string) {
	if len(cs) == 0 {
		fmt.Fprintln(e.stdout, "No contacts yet. Add one with `ladder network contact add --name NAME`.")
		return
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tORGANISATION\tLAST CONTACT\tFOLLOW UP\tHOW THEY CAN HELP")
	for _, c := range cs {
		next := netText(c.NextContact)
		if next != "" && next <= today {
			next += " (due)"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Name, c.Organisation, netText(c.LastContact), next, c.HowHelp)
	}
	w.Flush()
}

func printMemberships(e *env, ms []api.Membership) {
	if len(ms) == 0 {
		fmt.Fprintln(e.stdout, "No professional organisations yet. Add one with `ladder network org add --org pmi`.")
		return
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tORGANISATION\tSTATUS\tSINCE\tRENEWAL")
	for _, m := range ms {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", m.ID, m.Name, m.Status, netText(m.Since), netText(m.Renewal))
	}
	w.Flush()
}

func printEvents(e *env, es []api.Event) {
	if len(es) == 0 {
		fmt.Fprintln(e.stdout, "No events yet. Add one with `ladder network event add --name NAME --date YYYY-MM-DD`.")
		return
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tDATE\tEVENT\tLOCATION\tSTATUS\tCONTACTS MET")
	for _, ev := range es {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%d\n", ev.ID, ev.Date, ev.Name, ev.Location, ev.Status, len(ev.ContactIDs))
	}
	w.Flush()
}

func newContactAddCmd(e *env) *cobra.Command {
	var c ladder.Contact
	var last, next string
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add someone to your network",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			if c.LastContact, err = optionalDay("last", last); err != nil {
				return err
			}
			if c.NextContact, err = optionalDay("next", next); err != nil {
				return err
			}
			c.PersonID = p.ID
			if err := j.Network.CreateContact(ctx, &c); err != nil {
				return err
			}
			return e.printResult(api.NewContact(&c), "Added contact #%d: %s.\n", c.ID, c.Name)
		},
	}
	f := cmd.Flags()
	f.StringVar(&c.Name, "name", "", "their name (required)")
	f.StringVar(&c.Organisation, "org", "", "their organisation")
	f.StringVar(&c.Title, "title", "", "their job title")
	f.StringVar(&c.WhereMet, "met", "", "where you met")
	f.StringVar(&c.HowHelp, "how", "", "how they can help")
	f.StringVar(&c.Reach, "reach", "", "how to reach them")
	f.StringVar(&last, "last", "", "when you were last in touch (YYYY-MM-DD)")
	f.StringVar(&next, "next", "", "when to follow up (YYYY-MM-DD)")
	f.StringVar(&c.Notes, "notes", "", "your notes")
	return cmd
}

func newContactListCmd(e *env) *cobra.Command {
	return newListCmd(e, "List your contacts, follow-ups due first", contactsJSON,
		func(j *journey.Journey, cs []api.Contact) { printContacts(e, cs, dayText(j)) })
}

func newContactDoneCmd(e *env) *cobra.Command {
	var next string
	cmd := &cobra.Command{
		Use:   "done ID",
		Short: "Record that you were in touch today, and when to follow up next",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			day, err := optionalDay("next", next)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			c, err := j.ContactedToday(ctx, p.ID, id, day)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewContact(c))
			}
			msg := "no follow-up set"
			if !c.NextContact.IsZero() {
				msg = "next follow-up " + c.NextContact.Format("2 Jan 2006")
			}
			fmt.Fprintf(e.stdout, "In touch with %s today; %s.\n", c.Name, msg)
			return nil
		},
	}
	cmd.Flags().StringVar(&next, "next", "", "the next follow-up (YYYY-MM-DD); leave out for none")
	return cmd
}

// newNetworkDeleteCmd deletes one of the person's records with del.
func newNetworkDeleteCmd(e *env, short string, del func(*journey.Journey) func(context.Context, int64, int64) error) *cobra.Command {
	return newDeleteCmd(e, short, parseID, del, "Deleted #%d.\n")
}

// membershipFlags are the flags of `org add` and `org set`.
type membershipFlags struct {
	org, name, status, since, renewal, notes string
}

func (mf *membershipFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&mf.org, "org", "", "a known organisation: "+orgKeys())
	f.StringVar(&mf.name, "name", "", "the name of an organisation not in the list")
	f.StringVar(&mf.status, "status", "", strings.Join(ladder.MembershipStatuses, ", ")+" (default considering)")
	f.StringVar(&mf.since, "since", "", "member since (YYYY-MM-DD)")
	f.StringVar(&mf.renewal, "renewal", "", "renewal date (YYYY-MM-DD)")
	f.StringVar(&mf.notes, "notes", "", "your notes")
}

// apply copies the flags that were given onto m.
func (mf *membershipFlags) apply(m *ladder.Membership, changed func(string) bool) error {
	var err error
	for _, s := range []struct {
		flag string
		dst  *string
		v    string
	}{{"org", &m.OrgKey, mf.org}, {"name", &m.Name, mf.name}, {"status", &m.Status, mf.status}, {"notes", &m.Notes, mf.notes}} {
		if changed(s.flag) {
			*s.dst = s.v
		}
	}
	if changed("org") && !changed("name") {
		m.Name = ""
	} else if changed("name") && !changed("org") {
		m.OrgKey = ""
	}
	if changed("since") {
		if m.Since, err = optionalDay("since", mf.since); err != nil {
			return err
		}
	}
	if changed("renewal") {
		m.Renewal, err = optionalDay("renewal", mf.renewal)
	}
	return err
}

func newOrgAddCmd(e *env) *cobra.Command {
	var mf membershipFlags
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Record a professional organisation you belong to or consider joining",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			m := &ladder.Membership{PersonID: p.ID}
			if err := mf.apply(m, cmd.Flags().Changed); err != nil {
				return err
			}
			if err := j.Network.CreateMembership(ctx, m); err != nil {
				return err
			}
			return e.printMembership(m, "Added")
		},
	}
	mf.register(cmd)
	return cmd
}

func (e *env) printMembership(m *ladder.Membership, verb string) error {
	return e.printResult(api.NewMembership(m), "%s #%d: %s, %s.\n", verb, m.ID, journey.MembershipName(m), m.Status)
}

func newOrgListCmd(e *env) *cobra.Command {
	return newListCmd(e, "List your professional organisations", membershipsJSON,
		func(_ *journey.Journey, ms []api.Membership) { printMemberships(e, ms) })
}

func newOrgSetCmd(e *env) *cobra.Command {
	var mf membershipFlags
	cmd := &cobra.Command{
		Use:   "set ID",
		Short: "Change a membership: status, dates, notes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			m, err := changeOwn(ctx, p.ID, id, j.Network.FindMembership,
				func(m *ladder.Membership) error { return mf.apply(m, cmd.Flags().Changed) }, j.Network.UpdateMembership)
			if err != nil {
				return err
			}
			return e.printMembership(m, "Saved")
		},
	}
	mf.register(cmd)
	return cmd
}

// eventFlags are the flags of `event add` and `event set`.
type eventFlags struct {
	name, date, location, status, notes string
	contacts                            []int64
}

func (ef *eventFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&ef.name, "name", "", "the event's name")
	f.StringVar(&ef.date, "date", "", "the day (YYYY-MM-DD)")
	f.StringVar(&ef.location, "location", "", "where it is")
	f.StringVar(&ef.status, "status", "", strings.Join(ladder.EventStatuses, ", ")+" (default planned)")
	f.StringVar(&ef.notes, "notes", "", "your notes")
	f.Int64SliceVar(&ef.contacts, "contact", nil, "the id of a contact met there; repeat for more")
}

func (ef *eventFlags) apply(ev *ladder.NetworkEvent, changed func(string) bool) error {
	for _, s := range []struct {
		flag string
		dst  *string
		v    string
	}{{"name", &ev.Name, ef.name}, {"location", &ev.Location, ef.location}, {"status", &ev.Status, ef.status}, {"notes", &ev.Notes, ef.notes}} {
		if changed(s.flag) {
			*s.dst = s.v
		}
	}
	if changed("contact") {
		ev.ContactIDs = ef.contacts
	}
	if changed("date") {
		var err error
		if ev.Date, err = optionalDay("date", ef.date); err != nil {
			return err
		}
	}
	return nil
}

func (e *env) printEvent(ev *ladder.NetworkEvent, verb string) error {
	return e.printResult(api.NewEvent(ev), "%s event #%d: %s on %s, %s.\n", verb, ev.ID, ev.Name, ev.Date.Format("2 Jan 2006"), ev.Status)
}

func newEventAddCmd(e *env) *cobra.Command {
	var ef eventFlags
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Record an event or conference, planned or attended",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ev := &ladder.NetworkEvent{PersonID: p.ID}
			if err := ef.apply(ev, cmd.Flags().Changed); err != nil {
				return err
			}
			if err := j.Network.CreateNetworkEvent(ctx, ev); err != nil {
				return err
			}
			return e.printEvent(ev, "Added")
		},
	}
	ef.register(cmd)
	return cmd
}

func newEventListCmd(e *env) *cobra.Command {
	return newListCmd(e, "List your events, latest first", eventsJSON,
		func(_ *journey.Journey, es []api.Event) { printEvents(e, es) })
}

func newEventSetCmd(e *env) *cobra.Command {
	var ef eventFlags
	cmd := &cobra.Command{
		Use:   "set ID",
		Short: "Change an event: status, contacts met, notes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			ev, err := changeOwn(ctx, p.ID, id, j.Network.FindNetworkEvent,
				func(ev *ladder.NetworkEvent) error { return ef.apply(ev, cmd.Flags().Changed) }, j.Network.UpdateNetworkEvent)
			if err != nil {
				return err
			}
			return e.printEvent(ev, "Saved")
		},
	}
	ef.register(cmd)
	return cmd
}
