package server

import (
	"context"
	"testing"

	"github.com/ladderhq/ladder"
)

// ssoFixtureSecret is the client secret of Northwind's single sign-on in
// the fixture: no page may show it.
const ssoFixtureSecret = "northwind-client-secret-value"

// ssoFixture gives Northwind (orgFixture) a switched-off single sign-on,
// so that no provider is needed to save it; the sign-in itself runs
// against a real provider in sso_test.go.
func (f *webFixture) ssoFixture(t *testing.T) {
	t.Helper()
	err := f.j.SaveOrgSSO(context.Background(), f.alice, &ladder.OrgSSO{Issuer: "https://login.northwind.example", ClientID: "ladder-northwind",
		ClientSecret: ssoFixtureSecret})
	if err != nil {
		t.Fatal(err)
	}
}
