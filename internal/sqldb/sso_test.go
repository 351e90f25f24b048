package sqldb_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// ssoStoreFixture is Northwind (domain northwind.example, owner olga,
// member mia) and Contoso (owner zed), with loner in no organisation.
type ssoStoreFixture struct {
	db                    *sqldb.DB
	s                     *sqldb.SSOService
	orgs                  *sqldb.OrgService
	north, contoso        *ladder.Organisation
	olga, mia, zed, loner *ladder.Person
}

func newSSOStoreFixture(t *testing.T, db *sqldb.DB) *ssoStoreFixture {
	t.Helper()
	f := &ssoStoreFixture{db: db, s: sqldb.NewSSOService(db), orgs: sqldb.NewOrgService(db)}
	ps := orgTestPeople(t, db, "Olga", "Zed", "Loner")
	f.olga, f.zed, f.loner = ps[0], ps[1], ps[2]
	f.north = &ladder.Organisation{Name: "Northwind", Domains: []string{"northwind.example"}}
	f.contoso = &ladder.Organisation{Name: "Contoso", Domains: []string{"contoso.example"}}
	for _, err := range []error{f.orgs.CreateOrganisation(ctx, f.olga.ID, f.north), f.orgs.CreateOrganisation(ctx, f.zed.ID, f.contoso)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	res, err := f.orgs.ImportOrgPeople(ctx, f.olga.ID, f.north.ID, []byte("name,email\nMia,mia@northwind.example\n"))
	if err != nil {
		t.Fatalf("%v %+v", err, res)
	}
	if f.mia, err = sqldb.NewPersonService(db).FindPersonByEmail(ctx, "mia@northwind.example"); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *ssoStoreFixture) configure(t *testing.T, orgID int64, provision bool) {
	t.Helper()
	c := &ladder.OrgSSO{OrgID: orgID, Issuer: "https://login.example.com/", ClientID: "ladder", ClientSecret: "s3cret-value",
		Enabled: true, Provision: provision}
	if err := f.s.SaveOrgSSO(ctx, f.olga.ID, c); err != nil {
		t.Fatal(err)
	}
}

func TestOrgSSOConfig(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newSSOStoreFixture(t, db)
		if _, err := f.s.FindOrgSSO(ctx, f.north.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("before set-up: %v", err)
		}
		for _, tc := range []struct {
			c     ladder.OrgSSO
			field string
		}{
			{ladder.OrgSSO{ClientID: "x"}, "issuer"},
			{ladder.OrgSSO{Issuer: "login.example.com", ClientID: "x"}, "issuer"},
			{ladder.OrgSSO{Issuer: "http://login.example.com", ClientID: "x"}, "issuer"},
			{ladder.OrgSSO{Issuer: "https://login.example.com?x=1", ClientID: "x"}, "issuer"},
			{ladder.OrgSSO{Issuer: "https://login.example.com"}, "client_id"},
			{ladder.OrgSSO{Issuer: "https://login.example.com", ClientID: "x", ClientSecret: strings.Repeat("s", 1025)}, "client_secret"},
		} {
			tc.c.OrgID = f.north.ID
			orgWantCode(t, f.s.SaveOrgSSO(ctx, f.olga.ID, &tc.c), ladder.EINVALID, tc.field)
		}
		// Plain http is for a provider on this machine only.
		loop := &ladder.OrgSSO{OrgID: f.contoso.ID, Issuer: "http://127.0.0.1:9999", ClientID: "x"}
		if err := f.s.SaveOrgSSO(ctx, f.zed.ID, loop); err != nil {
			t.Fatal(err)
		}

		f.configure(t, f.north.ID, false)
		c, err := f.s.FindOrgSSO(ctx, f.north.ID)
		if err != nil || c.Issuer != "https://login.example.com" || c.ClientSecret != "s3cret-value" || !c.Enabled || c.Provision {
			t.Fatalf("%+v %v", c, err)
		}
		// Without a secret the stored one stays.
		upd := &ladder.OrgSSO{OrgID: f.north.ID, Issuer: "https://login.example.com", ClientID: "ladder2", Enabled: false, Provision: true}
		if err := f.s.SaveOrgSSO(ctx, f.olga.ID, upd); err != nil {
			t.Fatal(err)
		}
		if c, _ := f.s.FindOrgSSO(ctx, f.north.ID); c.ClientSecret != "s3cret-value" || c.ClientID != "ladder2" || c.Enabled || !c.Provision {
			t.Errorf("after update %+v", c)
		}
		if err := f.s.SaveOrgSSO(ctx, f.olga.ID, &ladder.OrgSSO{OrgID: f.north.ID, Issuer: upd.Issuer, ClientID: "ladder2",
			ClientSecret: "another"}); err != nil {
			t.Fatal(err)
		}
		if c, _ := f.s.FindOrgSSO(ctx, f.north.ID); c.ClientSecret != "another" {
			t.Errorf("secret not replaced")
		}
		if err := f.s.SaveOrgSSO(ctx, f.olga.ID, &ladder.OrgSSO{OrgID: 99999, Issuer: upd.Issuer, ClientID: "x"}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("unknown organisation: %v", err)
		}

		// Every change is audited, never with the secret.
		es, _, err := sqldb.NewAuditService(db).FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "sso."})
		if err != nil || len(es) != 3 {
			t.Fatalf("audit %v %+v", err, es)
		}
		for _, e := range es {
			if strings.Contains(e.Detail, "s3cret") || strings.Contains(e.Detail, "another") {
				t.Errorf("the secret is in the audit log: %+v", e)
			}
		}
		if es[2].Action != "sso.create" || !strings.Contains(es[2].Detail, "secret set") || es[0].Detail != "secret replaced; provisioning true → false" ||
			!strings.Contains(es[1].Detail, "client ladder → ladder2") || es[2].ActorName != "Olga" || es[2].SubjectName != "Northwind" {
			t.Errorf("audit details:\n%+v\n%+v\n%+v", es[0], es[1], es[2])
		}

		if err := f.s.DeleteOrgSSO(ctx, f.olga.ID, f.north.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.FindOrgSSO(ctx, f.north.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("after removal: %v", err)
		}
		if err := f.s.DeleteOrgSSO(ctx, f.olga.ID, f.north.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("second removal: %v", err)
		}
		es, _, _ = sqldb.NewAuditService(db).FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: "sso.remove"})
		if len(es) != 1 {
			t.Errorf("removal not audited: %+v", es)
		}
	})
}

func TestSSOFindOrganisation(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newSSOStoreFixture(t, db)
		if _, err := f.s.FindSSOOrganisation(ctx, "ann@northwind.example"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("without SSO: %v", err)
		}
		if on, err := f.s.SSOOffered(ctx); on || err != nil {
			t.Errorf("offered before set-up: %v %v", on, err)
		}
		f.configure(t, f.north.ID, false)
		if on, err := f.s.SSOOffered(ctx); !on || err != nil {
			t.Errorf("not offered: %v %v", on, err)
		}
		for _, key := range []string{"Ann@Northwind.Example", f.north.Slug, " " + strings.ToUpper(f.north.Slug) + " "} {
			if o, err := f.s.FindSSOOrganisation(ctx, key); err != nil || o.ID != f.north.ID {
				t.Errorf("%q: %v %+v", key, err, o)
			}
		}
		// The callback's path is no organisation's short name.
		orgWantCode(t, f.orgs.CreateOrganisation(ctx, f.loner.ID, &ladder.Organisation{Name: "Callback", Slug: "callback"}), ladder.EINVALID, "slug")
		for _, key := range []string{"ann@contoso.example", f.contoso.Slug, "ann@example.com", "", "@"} {
			if _, err := f.s.FindSSOOrganisation(ctx, key); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("%q: %v", key, err)
			}
		}
		// A disabled configuration finds nothing.
		c, _ := f.s.FindOrgSSO(ctx, f.north.ID)
		c.Enabled = false
		if err := f.s.SaveOrgSSO(ctx, f.olga.ID, c); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.FindSSOOrganisation(ctx, f.north.Slug); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("disabled: %v", err)
		}
		if on, _ := f.s.SSOOffered(ctx); on {
			t.Error("offered while disabled")
		}
	})
}

func TestSSOAttempts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newSSOStoreFixture(t, db)
		f.configure(t, f.north.ID, false)
		attempt := func() *ladder.SSOAttempt {
			return &ladder.SSOAttempt{OrgID: f.north.ID, State: "st", Verifier: "ve", Nonce: "no",
				RedirectURL: "http://127.0.0.1/sso/callback", Next: "/plan", Address: "192.0.2.1"}
		}
		a := attempt()
		id, err := f.s.CreateSSOAttempt(ctx, a)
		if err != nil || len(id) < 20 {
			t.Fatalf("%q %v", id, err)
		}
		// The id is stored only as a hash.
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM sso_attempts WHERE id_hash = $1`, id).Scan(&n); err != nil || n != 0 {
			t.Errorf("the id is stored in clear: %d %v", n, err)
		}
		got, err := f.s.TakeSSOAttempt(ctx, id)
		if err != nil || got.State != "st" || got.Verifier != "ve" || got.Nonce != "no" || got.Next != "/plan" || got.OrgID != f.north.ID ||
			got.ExpiresAt.Sub(got.CreatedAt) != ladder.SSOAttemptLifetime || got.Address != "192.0.2.1" {
			t.Fatalf("%+v %v", got, err)
		}
		if _, err := f.s.TakeSSOAttempt(ctx, id); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("used twice: %v", err)
		}
		if _, err := f.s.TakeSSOAttempt(ctx, "made-up"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
		if _, err := f.s.TakeSSOAttempt(ctx, ""); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("empty: %v", err)
		}

		// An attempt expires after ten minutes.
		id, err = f.s.CreateSSOAttempt(ctx, attempt())
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		db.Now = func() time.Time { return now.Add(ladder.SSOAttemptLifetime + time.Second) }
		if _, err := f.s.TakeSSOAttempt(ctx, id); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("expired: %v", err)
		}
		db.Now = func() time.Time { return now }

		// Starts are throttled per address until they succeed: two were
		// started above.
		for i := 0; i < ladder.MaxAddressFailures-3; i++ {
			if _, err := f.s.CreateSSOAttempt(ctx, attempt()); err != nil {
				t.Fatalf("start %d: %v", i, err)
			}
		}
		last := attempt()
		if _, err := f.s.CreateSSOAttempt(ctx, last); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.CreateSSOAttempt(ctx, attempt()); ladder.ErrorCode(err) != ladder.ETOOMANY {
			t.Fatalf("start beyond the limit: %v", err)
		}
		other := attempt()
		other.Address = "192.0.2.2"
		if _, err := f.s.CreateSSOAttempt(ctx, other); err != nil {
			t.Errorf("another address is throttled too: %v", err)
		}
		// A successful sign-in gives its slot back.
		if _, err := f.s.SignInSSO(ctx, f.north.ID, ladder.SSOIdentity{Issuer: "https://login.example.com", Subject: "mia-1",
			Email: "mia@northwind.example", EmailVerified: true}, false, last); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.CreateSSOAttempt(ctx, attempt()); err != nil {
			t.Errorf("slot not given back: %v", err)
		}
		// The window passes.
		db.Now = func() time.Time { return now.Add(ladder.ThrottleWindow + time.Second) }
		if _, err := f.s.CreateSSOAttempt(ctx, attempt()); err != nil {
			t.Errorf("after the window: %v", err)
		}
	})
}

func TestSSOSignIn(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newSSOStoreFixture(t, db)
		f.configure(t, f.north.ID, true)
		const iss = "https://login.example.com"
		audit := func(action string) []*ladder.AuditEntry {
			es, _, err := sqldb.NewAuditService(db).FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: action})
			if err != nil {
				t.Fatal(err)
			}
			return es
		}

		// A member (imported, no account) with the verified email is linked.
		mia := ladder.SSOIdentity{Issuer: iss, Subject: "mia-1", Email: "MIA@northwind.example", EmailVerified: true, Name: "Mia M"}
		got, err := f.s.SignInSSO(ctx, f.north.ID, mia, false, nil)
		if err != nil || got.Person.ID != f.mia.ID || !got.Linked || got.Provisioned || got.Person.OrgID != f.north.ID {
			t.Fatalf("%+v %v", got, err)
		}
		if m, _ := f.orgs.FindOrgMember(ctx, f.north.ID, f.mia.ID); !m.HasAccount {
			t.Errorf("a linked member has no way in: %+v", m)
		}
		if es := audit("sso.link"); len(es) != 1 || es[0].SubjectID != f.mia.ID || es[0].ActorID != f.mia.ID {
			t.Errorf("link audit %+v", es)
		}
		// Again by subject, even with another email and unverified.
		mia.Email, mia.EmailVerified = "mia.new@elsewhere.example", false
		if got, err := f.s.SignInSSO(ctx, f.north.ID, mia, false, nil); err != nil || got.Person.ID != f.mia.ID || got.Linked {
			t.Errorf("second sign-in %+v %v", got, err)
		}
		ls, err := f.s.FindSSOLinks(ctx, f.mia.ID)
		if err != nil || len(ls) != 1 || ls[0].Subject != "mia-1" || ls[0].Email != "mia@northwind.example" || ls[0].OrgID != f.north.ID {
			t.Errorf("links %+v %v", ls, err)
		}
		// The same subject through another organisation's configuration
		// is not a member there.
		if _, err := f.s.SignInSSO(ctx, f.contoso.ID, mia, true, nil); ladder.ErrorCode(err) != ladder.EFORBIDDEN {
			t.Errorf("through Contoso: %v", err)
		}

		// Provisioning: a new person of the domain.
		ned := ladder.SSOIdentity{Issuer: iss, Subject: "ned-1", Email: "ned@northwind.example", EmailVerified: true, Name: "Ned Newman"}
		got, err = f.s.SignInSSO(ctx, f.north.ID, ned, true, nil)
		if err != nil || !got.Provisioned || got.Person.Name != "Ned Newman" || got.Person.Email != "ned@northwind.example" || got.Person.OrgID != f.north.ID {
			t.Fatalf("%+v %v", got, err)
		}
		if m, err := f.orgs.FindOrgMember(ctx, f.north.ID, got.Person.ID); err != nil || m.Role != ladder.OrgRoleMember {
			t.Errorf("membership %+v %v", m, err)
		}
		if es := audit("sso.provision"); len(es) != 1 || es[0].SubjectName != "Ned Newman" {
			t.Errorf("provision audit %+v", es)
		}
		// Without a name, the email's local part.
		got, err = f.s.SignInSSO(ctx, f.north.ID, ladder.SSOIdentity{Issuer: iss, Subject: "x-1", Email: "xi@northwind.example", EmailVerified: true}, true, nil)
		if err != nil || got.Person.Name != "xi" {
			t.Errorf("%+v %v", got, err)
		}

		// Refusals write nothing.
		count := func() int {
			var n int
			if err := db.SQL().QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM persons) + (SELECT COUNT(*) FROM sso_links)`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		for name, tc := range map[string]struct {
			id        ladder.SSOIdentity
			provision bool
			want      string
		}{
			"provisioning off":  {ladder.SSOIdentity{Issuer: iss, Subject: "o-1", Email: "olive@northwind.example", EmailVerified: true}, false, "ask one of its owners"},
			"unverified":        {ladder.SSOIdentity{Issuer: iss, Subject: "o-2", Email: "olive@northwind.example"}, true, "ask one of its owners"},
			"member unverified": {ladder.SSOIdentity{Issuer: iss, Subject: "o-3", Email: "olga@example.com"}, true, "ask one of its owners"},
			"no email":          {ladder.SSOIdentity{Issuer: iss, Subject: "o-4", EmailVerified: true}, true, "ask one of its owners"},
			"outsider account":  {ladder.SSOIdentity{Issuer: iss, Subject: "o-5", Email: "loner@example.com", EmailVerified: true}, true, "sign in with your password"},
			"other org member":  {ladder.SSOIdentity{Issuer: iss, Subject: "o-6", Email: "zed@example.com", EmailVerified: true}, true, "sign in with your password"},
			"no subject":        {ladder.SSOIdentity{Issuer: iss, Email: "new@northwind.example", EmailVerified: true}, true, "did not say who you are"},
		} {
			_, err := f.s.SignInSSO(ctx, f.north.ID, tc.id, tc.provision, nil)
			if ladder.ErrorCode(err) != ladder.EFORBIDDEN || !strings.Contains(ladder.ErrorMessage(err), tc.want) {
				t.Errorf("%s: %v, want 403 saying %q", name, err, tc.want)
			}
		}
		if n := count(); n != before {
			t.Errorf("refusals wrote rows: %d → %d", before, n)
		}

		// A member who leaves cannot sign in through the link.
		if err := f.orgs.RemoveOrgMember(ctx, f.olga.ID, f.north.ID, f.mia.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.SignInSSO(ctx, f.north.ID, mia, true, nil); ladder.ErrorCode(err) != ladder.EFORBIDDEN ||
			!strings.Contains(err.Error(), "not a member of Northwind any more") {
			t.Errorf("former member: %v", err)
		}

		// Removing the configuration unlinks everyone.
		if err := f.s.DeleteOrgSSO(ctx, f.olga.ID, f.north.ID); err != nil {
			t.Fatal(err)
		}
		if ls, _ := f.s.FindSSOLinks(ctx, f.mia.ID); len(ls) != 0 {
			t.Errorf("links left: %+v", ls)
		}
	})
}
