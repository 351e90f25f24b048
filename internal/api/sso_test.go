package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
	"github.com/ladderhq/ladder/internal/sso/ssotest"
)

// ssoChanges are the single sign-on operations that change data, in order.
var ssoChanges = []string{"putOrgSSO", "deleteOrgSSO"}

// ssoTour sets single sign-on up for Alice's organisation (orgTour made
// it) against a real provider, so that discovery passes, and calls every
// single sign-on operation.
func ssoTour(e *env, n int) map[string]call {
	e.t.Helper()
	op := ssotest.Start(e.t, e.url+"/sso/callback")
	if err := e.j.SaveOrgSSO(context.Background(), e.orgOwner(), &ladder.OrgSSO{Issuer: op.URL, ClientID: op.ClientID,
		ClientSecret: op.ClientSecret, Enabled: true}); err != nil {
		e.t.Fatal(err)
	}
	p := api.Prefix + "/org/sso"
	return map[string]call{
		"getOrgSSO":    {"GET", p, "", 200},
		"putOrgSSO":    {"PUT", p, fmt.Sprintf(`{"issuer":%q,"client_id":%q,"enabled":true,"provision":true}`, op.URL, op.ClientID), 200},
		"deleteOrgSSO": {"DELETE", p, "", 204},
	}
}

// TestOrgSSOAPI: the owner reads (never the secret), replaces and removes
// single sign-on; a member, a programme admin and a person in none are
// refused; another organisation's owner reaches only their own; bad input
// and a failed discovery are 400 naming the field.
func TestOrgSSOAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		ids := orgTourSetup(e, 1)
		op := ssotest.Start(t, e.url+"/sso/callback")
		p := api.Prefix + "/org/sso"
		e.as(e.aliceToken, "GET", p, "").want(t, 404)
		e.as(e.aliceToken, "DELETE", p, "").want(t, 404)

		body := func(issuer, extra string) string {
			return fmt.Sprintf(`{"issuer":%q,"client_id":%q,"enabled":true,"provision":false%s}`, issuer, op.ClientID, extra)
		}
		var c api.OrgSSOConfig
		res := e.as(e.aliceToken, "PUT", p, body(op.URL+"/", fmt.Sprintf(`,"client_secret":%q`, op.ClientSecret))).want(t, 200)
		res.decode(t, &c)
		if c.Issuer != op.URL || !c.ClientSecretSet || !c.Enabled || c.Provision || c.CallbackURL != e.url+"/sso/callback" ||
			strings.Contains(string(res.body), op.ClientSecret) {
			t.Fatalf("%+v\n%s", c, res.body)
		}
		// Without client_secret the stored one stays.
		e.as(e.aliceToken, "PUT", p, body(op.URL, "")).want(t, 200)
		res = e.as(e.aliceToken, "GET", p, "").want(t, 200)
		res.decode(t, &c)
		if !c.ClientSecretSet || strings.Contains(string(res.body), op.ClientSecret) {
			t.Errorf("%+v\n%s", c, res.body)
		}
		if stored, _ := e.j.OrgSSO(context.Background(), e.alice); stored.ClientSecret != op.ClientSecret {
			t.Errorf("secret lost: %q", stored.ClientSecret)
		}

		// Bad input names the field; nothing changes.
		for _, tc := range []struct{ body, field, says string }{
			{body(op.URL+"/nowhere", ""), "issuer", "discovery failed"},
			{body("ftp://login.example.com", ""), "issuer", "issuer URL"},
			{body("http://login.example.com", ""), "issuer", "https"},
			{fmt.Sprintf(`{"issuer":%q,"client_id":"","enabled":true,"provision":false}`, op.URL), "client_id", "required"},
			{fmt.Sprintf(`{"issuer":%q,"client_id":"x","enabled":"yes","provision":false}`, op.URL), "enabled", ""},
			{fmt.Sprintf(`{"issuer":%q,"enabled":true,"provision":false}`, op.URL), "client_id", ""},
		} {
			pr := e.as(e.aliceToken, "PUT", p, tc.body).want(t, 400).problem(t)
			if !strings.Contains(pr.Errors[tc.field], tc.says) {
				t.Errorf("%s: errors %+v, want %s saying %q", tc.body, pr.Errors, tc.field, tc.says)
			}
		}
		if stored, _ := e.j.OrgSSO(context.Background(), e.alice); stored.Issuer != op.URL || stored.ClientID != op.ClientID {
			t.Errorf("bad input changed it: %+v", stored)
		}

		// A member and a programme admin are refused; a person in none is
		// not found.
		memberTok, _ := e.token(e.person(t, ids["a"]), "member")
		admin := ladder.OrgRoleAdmin
		if _, err := e.j.UpdateOrgMember(context.Background(), e.alice, ids["c"], ladder.OrgMemberUpdate{Role: &admin}); err != nil {
			t.Fatal(err)
		}
		adminTok, _ := e.token(e.person(t, ids["c"]), "admin")
		for tok, want := range map[string]int{memberTok: 403, adminTok: 403, e.bobToken: 404} {
			e.as(tok, "GET", p, "").want(t, want)
			e.as(tok, "PUT", p, body(op.URL, `,"client_secret":"hijack"`)).want(t, want)
			e.as(tok, "DELETE", p, "").want(t, want)
		}
		// Bob owns another organisation: he sees and sets only his own.
		if err := e.j.CreateOrganisation(context.Background(), e.bob, &ladder.Organisation{Name: "Bob's Co"}); err != nil {
			t.Fatal(err)
		}
		e.as(e.bobToken, "GET", p, "").want(t, 404)
		e.as(e.bobToken, "DELETE", p, "").want(t, 404)
		e.as(e.bobToken, "PUT", p, body(op.URL, `,"client_secret":"bobs"`)).want(t, 200)
		if stored, _ := e.j.OrgSSO(context.Background(), e.alice); stored.ClientSecret != op.ClientSecret {
			t.Errorf("Bob changed Alice's: %+v", stored)
		}

		e.as(e.aliceToken, "DELETE", p, "").want(t, 204)
		e.as(e.aliceToken, "GET", p, "").want(t, 404)
		e.as(e.bobToken, "GET", p, "").want(t, 200)
	})
}
