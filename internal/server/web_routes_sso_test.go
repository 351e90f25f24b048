package server

import (
	"context"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
)

// ssoWebScenarios are the signed-in cases of the single sign-on settings:
// the owner sees and changes them (never seeing the secret); a member, a
// programme admin and a person of no organisation are refused; the owner
// of another organisation reaches only their own. The sign-in itself is
// in sso_test.go, against a real provider.
func ssoWebScenarios() []webScenario {
	config := func(t *testing.T, f *webFixture) *ladder.OrgSSO {
		t.Helper()
		c, err := f.j.SSO.FindOrgSSO(context.Background(), f.person(t, f.alice).OrgID)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	intact := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		if c := config(t, f); c.Issuer != "https://login.northwind.example" || c.ClientID != "ladder-northwind" || c.ClientSecret != ssoFixtureSecret || c.Enabled {
			t.Errorf("Northwind's single sign-on changed: %+v", c)
		}
	}
	// save posts the fixture's settings with kv's fields replaced.
	save := func(as string, kv ...string) request {
		v := form("issuer", "https://login.northwind.example", "client_id", "ladder-northwind")
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return post("/org/sso", as, v)
	}
	out := []webScenario{
		{name: "OrgSSOSection", req: get("/org/settings", "alice"), status: 200,
			want: []string{`id="sso-h"`, "Single sign-on", "http://ladder.test/sso/callback", `value="https://login.northwind.example"`,
				"set: leave empty to keep it", "Save single sign-on", `action="/org/sso/delete"`},
			wantNot: []string{ssoFixtureSecret}},
		{name: "ErrOrgSSOClientID", req: save("alice", "client_id", "", "provision", "on"), status: 422,
			want: []string{"Client ID is required"}, check: intact},
		{name: "OrgSSOSaveKeepsSecret", req: post("/org/sso", "alice", form("issuer", "https://sso.northwind.example/", "client_id", "ladder-2",
			"client_secret", "", "provision", "on")), status: 303, location: "/org/settings",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				c := config(t, f)
				if c.Issuer != "https://sso.northwind.example" || c.ClientID != "ladder-2" || c.ClientSecret != ssoFixtureSecret || c.Enabled || !c.Provision {
					t.Errorf("saved %+v", c)
				}
				es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: c.OrgID, Action: "sso.update"})
				if err != nil || len(es) != 1 || es[0].ActorName != "Alice" || strings.Contains(es[0].Detail, "secret") ||
					!strings.Contains(es[0].Detail, "issuer https://login.northwind.example → https://sso.northwind.example") {
					t.Errorf("audit %v %+v", err, es)
				}
			}},
		{name: "OrgSSOSaveNewSecret", req: save("alice", "client_secret", "a-new-secret"), status: 303,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if c := config(t, f); c.ClientSecret != "a-new-secret" {
					t.Errorf("secret %q", c.ClientSecret)
				}
			}},
		{name: "ErrOrgSSOIssuer", req: save("alice", "issuer", "login.northwind.example", "client_secret", "typed-secret-value"), status: 422,
			want:    []string{"Issuer URL: must be the provider", `id="sso-issuer-error"`, `value="login.northwind.example"`},
			wantNot: []string{"typed-secret-value", ssoFixtureSecret}, check: intact},
		{name: "ErrOrgSSOPlainHTTP", req: save("alice", "issuer", "http://login.northwind.example"), status: 422,
			want: []string{"Issuer URL: must use https"}, check: intact},
		// Discovery runs when sign-in is switched on: nothing listens here.
		{name: "ErrOrgSSODiscovery", req: save("alice", "issuer", "http://127.0.0.1:1", "enabled", "on"), status: 422,
			want: []string{"Issuer URL: discovery failed", "Ladder could not find an OpenID provider"}, check: intact},
		{name: "OrgSSODelete", req: post("/org/sso/delete", "alice", nil), status: 303, location: "/org/settings",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if _, err := f.j.SSO.FindOrgSSO(context.Background(), f.person(t, f.alice).OrgID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("still there: %v", err)
				}
			}},
		// Zed owns Contoso: his save is Contoso's, his removal finds none.
		{name: "OrgSSOOtherOwnerOwnOrg", req: save("zed", "client_secret", "zed-secret"), status: 303,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				intact(t, f, nil)
				c, err := f.j.OrgSSO(context.Background(), f.person(t, &ladder.Person{ID: ssoFixtureID(f, "zedID")}))
				if err != nil || c.ClientSecret != "zed-secret" || c.OrgID == config(t, f).OrgID {
					t.Errorf("Contoso's: %+v %v", c, err)
				}
			}},
		{name: "ErrOrgSSODeleteOtherOwner", req: post("/org/sso/delete", "zed", nil), status: 404, check: intact},
		{name: "OrgSettingsNoSecretForAdmin", req: get("/org/settings", "erin"), status: 403, wantNot: []string{ssoFixtureSecret}},
	}
	for _, who := range []struct {
		as     string
		status int
	}{{"dave", 403}, {"erin", 403}, {"carol", 404}} {
		out = append(out,
			webScenario{name: "ErrOrgSSOSave-" + who.as, req: save(who.as, "client_secret", "hijack"), status: who.status, check: intact,
				wantNot: []string{ssoFixtureSecret}},
			webScenario{name: "ErrOrgSSODelete-" + who.as, req: post("/org/sso/delete", who.as, nil), status: who.status, check: intact})
	}
	return out
}

// ssoFixtureID reads an id orgFixture put into f.extra.
func ssoFixtureID(f *webFixture, key string) int64 {
	var id int64
	for _, c := range f.extra["{"+key+"}"] {
		id = id*10 + int64(c-'0')
	}
	return id
}
