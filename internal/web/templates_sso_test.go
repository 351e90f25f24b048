package web

// ssoTemplateCases are the single sign-on cases: the sign-in page with the
// organisation form (failing), the settings' section set up and failing,
// and the page of a sign-in that did not work.
func ssoTemplateCases() map[string][]templateCase {
	header := OrgHeader{Name: "Northwind <IT>", Role: "Owner", Active: "settings"}
	return map[string][]templateCase{
		"auth": {
			{name: "LoginWithSSOError", data: AuthPage{Base: emptyBase(), SSO: true, Org: "<x>@example.com", SSOError: "No organisation.",
				Fields: map[string]string{"org": "no organisation <b>"}}},
			{name: "LoginWithSSO", data: AuthPage{Base: emptyBase(), SSO: true, Next: "/plan"}},
		},
		"org_settings": {
			{name: "SSOWithErrors", data: &OrgSettingsPage{Base: fullBase("Settings"), Org: header, SSO: OrgSSOSection{Show: true,
				Configured: true, SecretSet: true, Callback: "https://ladder.example.com/sso/callback", Domains: "nw.example",
				Form:  OrgSSOForm{Issuer: "https://login.example.com/<x>", ClientID: "ladder", Enabled: true, Provision: true},
				State: FormState{Error: "Not valid.", Fields: map[string]string{"issuer": "discovery failed", "client_id": "is required", "client_secret": "is long"}}}}},
			{name: "SSONew", data: &OrgSettingsPage{SSO: OrgSSOSection{Show: true}}},
		},
		"sso_continue": {
			{name: "Full", data: SSOContinuePage{Base: emptyBase(), OrgName: "Northwind <IT>", URL: "/sso/northwind?next=%2Fplan"}},
			{name: "Empty", data: SSOContinuePage{}},
		},
		"sso_error": {
			{name: "Full", data: SSOErrorPage{Base: emptyBase(), Status: 403, Message: "Ask one of its owners <b>for an invitation</b>."}},
			{name: "Empty", data: SSOErrorPage{}},
		},
	}
}
