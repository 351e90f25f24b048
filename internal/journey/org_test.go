package journey_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// orgJourneyFixture is two organisations: Northwind with an owner, a
// programme admin and a member, and Contoso with its own owner; and a
// person in none.
type orgJourneyFixture struct {
	j                                *journey.Journey
	north, contoso                   *ladder.Organisation
	owner, admin, member, zed, loner *ladder.Person
}

func newOrgJourneyFixture(t *testing.T, db *sqldb.DB) *orgJourneyFixture {
	t.Helper()
	f := &orgJourneyFixture{j: journey.New(db, onet.Embedded)}
	mk := func(name string) *ladder.Person {
		p := &ladder.Person{Name: name, Email: strings.ToLower(name) + "@example.com"}
		if err := f.j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.owner, f.zed, f.loner = mk("Olga"), mk("Zed"), mk("Lone")
	f.north, f.contoso = &ladder.Organisation{Name: "Northwind"}, &ladder.Organisation{Name: "Contoso"}
	for p, o := range map[*ladder.Person]*ladder.Organisation{f.owner: f.north, f.zed: f.contoso} {
		if err := f.j.CreateOrganisation(ctx, p, o); err != nil {
			t.Fatal(err)
		}
	}
	csv := "name,email\nAda,ada@example.com\nMax,max@example.com\n"
	if _, err := f.j.ImportOrgPeople(ctx, f.owner, []byte(csv)); err != nil {
		t.Fatal(err)
	}
	for _, dst := range []**ladder.Person{&f.admin, &f.member} {
		email := map[**ladder.Person]string{&f.admin: "ada@example.com", &f.member: "max@example.com"}[dst]
		p, err := f.j.Persons.FindPersonByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		*dst = p
	}
	admin := ladder.OrgRoleAdmin
	if _, err := f.j.UpdateOrgMember(ctx, f.owner, f.admin.ID, ladder.OrgMemberUpdate{Role: &admin}); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCanMatrix checks every action for every kind of actor: the roles of
// Northwind, the owner of another organisation and a person in none.
func TestCanMatrix(t *testing.T) {
	f := newOrgJourneyFixture(t, sqldbtest.Open(t, sqldb.SQLite))
	const ok, forbidden, notFound = "", ladder.EFORBIDDEN, ladder.ENOTFOUND
	allow := map[string]map[ladder.OrgAction]bool{
		"owner": {},
		"admin": {ladder.ActOrgView: true, ladder.ActOrgManageMembers: true, ladder.ActOrgInvite: true, ladder.ActOrgImport: true, ladder.ActOrgProgrammes: true, ladder.ActOrgViewPipeline: true,
			ladder.ActOrgCohortFeedback: true},
		"member": {ladder.ActOrgView: true},
	}
	for _, a := range ladder.OrgActions {
		allow["owner"][a] = true
	}
	actors := map[string]*ladder.Person{"owner": f.owner, "admin": f.admin, "member": f.member, "other-owner": f.zed, "no-org": f.loner}
	for name, actor := range actors {
		for _, act := range ladder.OrgActions {
			for _, subj := range []ladder.Subject{ladder.OrgSubject(f.north.ID), ladder.PersonSubject(f.member.ID)} {
				want := notFound
				if rules, in := allow[name]; in {
					want = forbidden
					if rules[act] {
						want = ok
					}
				}
				if got := ladder.ErrorCode(f.j.Can(ctx, actor, act, subj)); got != want {
					t.Errorf("%s %s %+v = %q, want %q", name, act, subj, got, want)
				}
			}
		}
	}
	if got := ladder.ErrorCode(f.j.Can(ctx, nil, ladder.ActOrgView, ladder.OrgSubject(f.north.ID))); got != ladder.EUNAUTHORIZED {
		t.Errorf("nobody: %q", got)
	}
	if got := ladder.ErrorCode(f.j.Can(ctx, f.owner, "org.everything", ladder.OrgSubject(f.north.ID))); got != forbidden {
		t.Errorf("unknown action: %q", got)
	}
	// A person of no organisation as subject is nobody's business.
	if got := ladder.ErrorCode(f.j.Can(ctx, f.owner, ladder.ActOrgView, ladder.PersonSubject(f.loner.ID))); got != notFound {
		t.Errorf("person outside: %q", got)
	}
	// The journey's own methods go through Can: a member cannot list, the
	// other owner cannot reach Northwind's people.
	if _, err := f.j.OrgMembers(ctx, f.member); ladder.ErrorCode(err) != forbidden {
		t.Errorf("member lists members: %v", err)
	}
	if _, err := f.j.UpdateOrgMember(ctx, f.zed, f.member.ID, ladder.OrgMemberUpdate{Title: new(string)}); ladder.ErrorCode(err) != notFound {
		t.Errorf("other owner changes a member: %v", err)
	}
	owner := ladder.OrgRoleOwner
	if _, err := f.j.UpdateOrgMember(ctx, f.admin, f.member.ID, ladder.OrgMemberUpdate{Role: &owner}); ladder.ErrorCode(err) != forbidden {
		t.Errorf("admin grants ownership: %v", err)
	}
	if _, err := f.j.Invite(ctx, f.admin, "new@example.com", ladder.OrgRoleOwner, "http://x"); ladder.ErrorCode(err) != forbidden {
		t.Errorf("admin invites an owner: %v", err)
	}
}

func TestFeedbackMinimums(t *testing.T) {
	f := newOrgJourneyFixture(t, sqldbtest.Open(t, sqldb.SQLite))
	if m, err := f.j.FeedbackMinimums(ctx, f.loner.ID); err != nil || m != anonymity.DefaultMinimums() {
		t.Errorf("no organisation: %v %+v", err, m)
	}
	o, _, err := f.j.Organisation(ctx, f.owner)
	if err != nil {
		t.Fatal(err)
	}
	o.Anonymity = ladder.OrgAnonymity{Manager: 2, Peer: 4, Report: 5, Stakeholder: 2, Others: 6}
	if err := f.j.UpdateOrganisation(ctx, f.owner, o); err != nil {
		t.Fatal(err)
	}
	want := anonymity.Minimums{Manager: 2, Peer: 4, Report: 5, Stakeholder: 2, Others: 6}
	if m, err := f.j.FeedbackMinimums(ctx, f.member.ID); err != nil || m != want || m.Validate() != nil {
		t.Errorf("member: %v %+v", err, m)
	}
	if err := f.j.UpdateOrganisation(ctx, f.admin, o); ladder.ErrorCode(err) != ladder.EFORBIDDEN {
		t.Errorf("admin changes settings: %v", err)
	}
	// A round a member starts keeps the organisation's minimums, even
	// when the organisation changes them later.
	r, err := f.j.StartFeedbackRound(ctx, f.member, journey.FeedbackStart{Title: "Spring", Competencies: []string{"delegation"},
		ClosesOn: time.Now().AddDate(0, 0, 14)})
	if err != nil {
		t.Fatal(err)
	}
	o.Anonymity.Peer = 3
	if err := f.j.UpdateOrganisation(ctx, f.owner, o); err != nil {
		t.Fatal(err)
	}
	kept, err := f.j.Feedback.FindFeedbackRound(ctx, f.member.ID, r.ID)
	if err != nil || kept.Minimums.Peer != 4 || kept.Minimums.Report != 5 || kept.Minimums.Others != 6 {
		t.Errorf("round minimums %+v (%v), want the organisation's at the start", kept.Minimums, err)
	}
}

// orgInviteLink finds the invitation link in a mail.
var orgInviteLink = regexp.MustCompile(`https?://\S+/invite/\S+`)

// TestInviteByMail sends invitations through a real SMTP server and
// accepts them with the link read from the delivered mail.
func TestInviteByMail(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newOrgJourneyFixture(t, db)
		sink := mailtest.Start(t)
		cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
		if err != nil {
			t.Fatal(err)
		}
		f.j.Mail = mail.NewSMTP(cfg)
		inv, err := f.j.Invite(ctx, f.admin, "Newbie@Example.com", ladder.OrgRoleMember, "https://ladder.example.com/")
		if err != nil || !inv.Mailed {
			t.Fatalf("%v %+v", err, inv)
		}
		msg := sink.Wait(t, 1)[0]
		text := msg.Text()
		link := orgInviteLink.FindString(text)
		if msg.To[0] != "newbie@example.com" || msg.Subject != "Join Northwind on Ladder" || link != inv.Link ||
			!strings.HasPrefix(link, "https://ladder.example.com/invite/") || !strings.Contains(text, "Ada invited you") {
			t.Fatalf("mail to %v %q:\n%s", msg.To, msg.Subject, text)
		}
		token := link[strings.LastIndex(link, "/")+1:]
		open, err := f.j.OpenInvitation(ctx, token)
		if err != nil || open.HasAccount || open.Org.Name != "Northwind" {
			t.Fatalf("open: %v %+v", err, open)
		}
		_, err = f.j.AcceptInvitationNew(ctx, token, "Nia", "short")
		if e, _ := err.(*ladder.Error); e == nil || e.Fields["password"] == "" {
			t.Fatalf("weak password: %v", err)
		}
		if _, err := f.j.Persons.FindPersonByEmail(ctx, "newbie@example.com"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("a refused acceptance left a person: %v", err)
		}
		p, err := f.j.AcceptInvitationNew(ctx, token, "Nia Newbie", "a long enough password")
		if err != nil {
			t.Fatal(err)
		}
		if m, err := f.j.OrgOf(ctx, p); err != nil || m.OrgID != f.north.ID || m.Role != ladder.OrgRoleMember || !m.HasAccount {
			t.Fatalf("membership %v %+v", err, m)
		}
		if _, err := sqldb.NewAuthService(db).Authenticate(ctx, "newbie@example.com", "a long enough password", "127.0.0.1"); err != nil {
			t.Errorf("sign in with the new password: %v", err)
		}
		if _, err := f.j.OpenInvitation(ctx, token); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("a used link opens: %v", err)
		}

		// Max came in by import, without an account: his invitation sets
		// one up and keeps his place.
		inv, err = f.j.Invite(ctx, f.owner, "max@example.com", ladder.OrgRoleAdmin, "http://127.0.0.1:8080")
		if err != nil {
			t.Fatal(err)
		}
		link = orgInviteLink.FindString(sink.Wait(t, 2)[1].Text())
		if link != inv.Link {
			t.Fatalf("mailed link %q, want %q", link, inv.Link)
		}
		token = link[strings.LastIndex(link, "/")+1:]
		if _, err := f.j.AcceptInvitationNew(ctx, token, "Max Mustermann", "another long password"); err != nil {
			t.Fatal(err)
		}
		if m, err := f.j.OrgOf(ctx, f.member); err != nil || m.Role != ladder.OrgRoleAdmin || !m.HasAccount || m.Name != "Max Mustermann" {
			t.Errorf("Max: %v %+v", err, m)
		}

		// A signed-in person joins with the link; someone else cannot.
		inv, err = f.j.Invite(ctx, f.owner, "lone@example.com", ladder.OrgRoleMember, "http://x")
		if err != nil {
			t.Fatal(err)
		}
		token = inv.Link[strings.LastIndex(inv.Link, "/")+1:]
		if _, err := f.j.AcceptInvitation(ctx, token, f.zed); ladder.ErrorCode(err) != ladder.EFORBIDDEN {
			t.Errorf("someone else accepts: %v", err)
		}
		if _, err := f.j.AcceptInvitation(ctx, token, f.loner); err != nil || f.loner.OrgID != f.north.ID {
			t.Errorf("Lone joins: %v %d", err, f.loner.OrgID)
		}
	})
}

// TestInviteWithoutMail shows the link when mail is not set up, and when
// sending fails the invitation still stands with the reason.
func TestInviteWithoutMail(t *testing.T) {
	f := newOrgJourneyFixture(t, sqldbtest.Open(t, sqldb.SQLite))
	inv, err := f.j.Invite(ctx, f.owner, "a@example.com", ladder.OrgRoleMember, "http://127.0.0.1:8080")
	if err != nil || inv.Mailed || !strings.HasPrefix(inv.Link, "http://127.0.0.1:8080/invite/") {
		t.Fatalf("%v %+v", err, inv)
	}
	cfg, _ := mail.ParseURL("smtp://127.0.0.1:1?from=ladder@example.com&tls=none")
	f.j.Mail = mail.NewSMTP(cfg)
	inv, err = f.j.Invite(ctx, f.owner, "b@example.com", ladder.OrgRoleMember, "http://127.0.0.1:8080")
	if err != nil || inv.Mailed || inv.MailError == "" || inv.Link == "" {
		t.Fatalf("%v %+v", err, inv)
	}
}
