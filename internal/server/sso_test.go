package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
	"github.com/ladderhq/ladder/internal/sso/ssotest"
)

// ssoSite is Ladder served over HTTP next to a real OpenID provider
// (ssotest): Northwind (domain northwind.example) with Olga, its owner, who
// has a password, and Mia, an imported member without one; Northwind
// signs in through the provider.
type ssoSite struct {
	t     *testing.T
	db    *sqldb.DB
	j     *journey.Journey
	auth  *sqldb.AuthService
	url   string
	op    *ssotest.Provider
	olga  *ladder.Person
	mia   *ladder.Person
	north *ladder.Organisation
	log   *ssoLogBuffer
}

// ssoLogBuffer collects the server's log lines.
type ssoLogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *ssoLogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *ssoLogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

const ssoOlgaPassword = "olga's long password"

func newSSOSite(t *testing.T, db *sqldb.DB, provision bool) *ssoSite {
	t.Helper()
	ctx := context.Background()
	j := journey.New(db, onet.Embedded)
	auth := sqldb.NewAuthService(db)
	logs := &ssoLogBuffer{}
	s, err := New(j, auth, slog.New(slog.NewTextHandler(logs, nil)), false)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	site := &ssoSite{t: t, db: db, j: j, auth: auth, url: ts.URL, log: logs, op: ssotest.Start(t, ts.URL+"/sso/callback")}
	site.olga = &ladder.Person{Name: "Olga", Email: "olga@northwind.example"}
	ssoMust(t, j.Persons.CreatePerson(ctx, site.olga))
	ssoMust(t, auth.CreateAccount(ctx, site.olga.ID, ladder.AccountOwner, ssoOlgaPassword))
	site.north = &ladder.Organisation{Name: "Northwind", Slug: "northwind", Domains: []string{"northwind.example"}}
	ssoMust(t, j.CreateOrganisation(ctx, site.olga, site.north))
	_, err = j.ImportOrgPeople(ctx, site.olga, []byte("name,email\nMia,mia@northwind.example\n"))
	ssoMust(t, err)
	site.mia, err = j.Persons.FindPersonByEmail(ctx, "mia@northwind.example")
	ssoMust(t, err)
	ssoMust(t, j.SaveOrgSSO(ctx, site.olga, &ladder.OrgSSO{Issuer: site.op.URL, ClientID: site.op.ClientID,
		ClientSecret: site.op.ClientSecret, Enabled: true, Provision: provision}))
	return site
}

func ssoMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// ssoBrowser plays a browser: it keeps cookies and stops at each
// redirect, so the test sees every hop.
type ssoBrowser struct {
	t *testing.T
	c *http.Client
}

func (site *ssoSite) browser() *ssoBrowser {
	jar, _ := cookiejar.New(nil)
	return &ssoBrowser{t: site.t, c: &http.Client{Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// ssoPage is a response with its body read.
type ssoPage struct {
	status   int
	location string
	body     string
	cookies  []*http.Cookie
}

func (b *ssoBrowser) do(req *http.Request) ssoPage {
	b.t.Helper()
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return ssoPage{status: res.StatusCode, location: res.Header.Get("Location"), body: string(body), cookies: res.Cookies()}
}

func (b *ssoBrowser) get(u string) ssoPage {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(req)
}

func (b *ssoBrowser) post(u string, form url.Values) ssoPage {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// toProvider starts a sign-in at /sso/{slug} and follows the redirect to
// the provider, returning the callback URL the provider sends back to.
func (site *ssoSite) toProvider(b *ssoBrowser, slug string) string {
	site.t.Helper()
	start := b.get(site.url + "/sso/" + slug)
	if start.status != http.StatusSeeOther || !strings.HasPrefix(start.location, site.op.URL+"/auth?") {
		site.t.Fatalf("start: %d to %q\n%s", start.status, start.location, start.body)
	}
	var attempt *http.Cookie
	for _, c := range start.cookies {
		if c.Name == "ladder_sso" {
			attempt = c
		}
	}
	if attempt == nil || !attempt.HttpOnly || attempt.SameSite != http.SameSiteLaxMode || attempt.Path != "/sso/callback" ||
		attempt.MaxAge != 600 || len(attempt.Value) < 20 {
		site.t.Fatalf("attempt cookie %+v", attempt)
	}
	if strings.Contains(start.location, attempt.Value) {
		site.t.Fatal("the attempt's id is in the URL")
	}
	back := b.get(start.location)
	if back.status != http.StatusFound || !strings.HasPrefix(back.location, site.url+"/sso/callback?") {
		site.t.Fatalf("provider: %d to %q\n%s", back.status, back.location, back.body)
	}
	return back.location
}

// signIn runs a whole sign-in and returns the callback's answer.
func (site *ssoSite) signIn(b *ssoBrowser, user ssotest.User) ssoPage {
	site.t.Helper()
	site.op.SignInAs(user)
	return b.get(site.toProvider(b, "northwind"))
}

// signedInAs checks that the callback started a session for p that works
// on the dashboard.
func (site *ssoSite) signedInAs(b *ssoBrowser, res ssoPage, p *ladder.Person, next string) {
	site.t.Helper()
	if res.status != http.StatusSeeOther || res.location != next {
		site.t.Fatalf("callback: %d to %q, want %s\n%s", res.status, res.location, next, res.body)
	}
	var session *http.Cookie
	for _, c := range res.cookies {
		if c.Name == httpx.SessionCookie {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
		site.t.Fatalf("session cookie %+v", session)
	}
	_, who, err := site.auth.FindSession(context.Background(), session.Value)
	if err != nil || who.ID != p.ID {
		site.t.Fatalf("the session is %+v (%v), want %s", who, err, p.Name)
	}
	// The session works: the dashboard sends a person without roles to
	// onboarding, never to the sign-in page.
	home := b.get(site.url + "/")
	if home.status == http.StatusSeeOther && strings.HasPrefix(home.location, "/login") || home.status >= 400 {
		site.t.Fatalf("/ with the session: %d to %q", home.status, home.location)
	}
	page := b.get(site.url + "/onboarding")
	if page.status != http.StatusOK || !strings.Contains(page.body, p.Name) {
		site.t.Fatalf("onboarding: %d\n%s", page.status, page.body)
	}
}

// refused checks a sign-in that failed with a plain page.
func (site *ssoSite) refused(res ssoPage, status int, want string) {
	site.t.Helper()
	if res.status != status || !strings.Contains(res.body, want) || !strings.Contains(res.body, `href="/login"`) {
		site.t.Fatalf("%d, want %d saying %q\n%s", res.status, status, want, res.body)
	}
	for _, c := range res.cookies {
		if c.Name == httpx.SessionCookie && c.MaxAge >= 0 {
			site.t.Fatal("a refused sign-in set a session")
		}
	}
}

func TestSSOSignInThroughProvider(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		site := newSSOSite(t, db, true)
		ctx := context.Background()

		t.Run("MemberLinkedByEmail", func(t *testing.T) {
			site.t = t
			b := site.browser()
			res := site.signIn(b, ssotest.User{Subject: "mia-sub", Email: "Mia@Northwind.example", EmailVerified: true, Name: "Mia Moss"})
			site.signedInAs(b, res, site.mia, "/")
			ls, err := site.j.SSO.FindSSOLinks(ctx, site.mia.ID)
			if err != nil || len(ls) != 1 || ls[0].Subject != "mia-sub" || ls[0].Issuer != site.op.URL {
				t.Errorf("links %+v %v", ls, err)
			}
			// The attempt cookie is gone from the browser.
			u, _ := url.Parse(site.url + "/sso/callback")
			for _, c := range b.c.Jar.Cookies(u) {
				if c.Name == "ladder_sso" {
					t.Error("the attempt cookie outlived its use")
				}
			}
		})
		t.Run("LinkedSubjectAfterEmailChange", func(t *testing.T) {
			site.t = t
			b := site.browser()
			res := site.signIn(b, ssotest.User{Subject: "mia-sub", Email: "mia.moss@elsewhere.example", EmailVerified: false, Name: "Mia Moss"})
			site.signedInAs(b, res, site.mia, "/")
		})
		t.Run("ProvisionedByDomain", func(t *testing.T) {
			site.t = t
			b := site.browser()
			res := site.signIn(b, ssotest.User{Subject: "ned-sub", Email: "ned@northwind.example", EmailVerified: true, Name: "Ned Newman"})
			ned, err := site.j.Persons.FindPersonByEmail(ctx, "ned@northwind.example")
			if err != nil {
				t.Fatalf("not provisioned: %v\n%s", err, res.body)
			}
			site.signedInAs(b, res, ned, "/onboarding")
			if m, err := site.j.Orgs.FindOrgMember(ctx, site.north.ID, ned.ID); err != nil || m.Role != ladder.OrgRoleMember || ned.Name != "Ned Newman" {
				t.Errorf("membership %+v %v", m, err)
			}
		})
		t.Run("PasswordsStillWork", func(t *testing.T) {
			site.t = t
			b := site.browser()
			login := b.get(site.url + "/login")
			if login.status != 200 || !strings.Contains(login.body, "Sign in with your organisation") || !strings.Contains(login.body, `action="/login/sso"`) {
				t.Fatalf("login page %d\n%s", login.status, login.body)
			}
			res := b.post(site.url+"/login", url.Values{"email": {site.olga.Email}, "password": {ssoOlgaPassword}})
			if res.status != http.StatusSeeOther || res.location != "/" {
				t.Fatalf("password sign-in %d %q", res.status, res.location)
			}
		})
		t.Run("FindTheOrganisation", func(t *testing.T) {
			site.t = t
			b := site.browser()
			for _, typed := range []string{"someone@NORTHWIND.example", "northwind"} {
				// A page that moves on by itself, not a redirect: the sign-in
				// page's form-action 'self' would stop a redirect to the provider.
				req, _ := http.NewRequest(http.MethodPost, site.url+"/login/sso", strings.NewReader(url.Values{"org": {typed}, "next": {"/plan"}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				res, err := b.c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK || res.Header.Get("Refresh") != "0; url=/sso/northwind?next=%2Fplan" ||
					!strings.Contains(string(body), `href="/sso/northwind?next=%2Fplan"`) {
					t.Errorf("%q: %d %q\n%s", typed, res.StatusCode, res.Header.Get("Refresh"), body)
				}
			}
			for typed, want := range map[string]string{"": "Work email or organisation is required", "a@example.com": "no organisation with single sign-on",
				"contoso": "no organisation with single sign-on"} {
				res := b.post(site.url+"/login/sso", url.Values{"org": {typed}})
				if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, want) || !strings.Contains(res.body, `id="sso-org-error"`) {
					t.Errorf("%q: %d\n%s", typed, res.status, res.body)
				}
			}
			if res := b.get(site.url + "/sso/contoso"); res.status != http.StatusNotFound {
				t.Errorf("unknown slug: %d", res.status)
			}
			// The page to come back to goes through the sign-in.
			site.op.SignInAs(ssotest.User{Subject: "mia-sub", Email: "mia@northwind.example", EmailVerified: true})
			start := b.get(site.url + "/sso/northwind?next=/plan")
			back := b.get(start.location)
			if res := b.get(back.location); res.status != http.StatusSeeOther || res.location != "/plan" {
				t.Errorf("next: %d to %q", res.status, res.location)
			}
			start = b.get(site.url + "/sso/northwind?next=https://evil.example/")
			back = b.get(start.location)
			if res := b.get(back.location); res.location != "/" {
				t.Errorf("next to another site: %q", res.location)
			}
		})

		// Refusals: a 403 page saying to ask for an invitation, nobody
		// created or linked.
		for name, u := range map[string]ssotest.User{
			"OtherDomain":     {Subject: "eve-sub", Email: "eve@evil.example", EmailVerified: true, Name: "Eve"},
			"UnverifiedEmail": {Subject: "uma-sub", Email: "uma@northwind.example", EmailVerified: false, Name: "Uma"},
			"NoEmail":         {Subject: "nil-sub", EmailVerified: true},
		} {
			t.Run("Refused"+name, func(t *testing.T) {
				site.t = t
				site.refused(site.signIn(site.browser(), u), http.StatusForbidden, "ask one of its owners for an invitation")
				if _, err := site.j.Persons.FindPersonByEmail(ctx, u.Email); ladder.ErrorCode(err) != ladder.ENOTFOUND && u.Email != "" {
					t.Errorf("%s got a person: %v", u.Email, err)
				}
			})
		}
		t.Run("RefusedProvisioningOff", func(t *testing.T) {
			site.t = t
			c, _ := site.j.OrgSSO(ctx, site.olga)
			c.Provision, c.ClientSecret = false, ""
			ssoMust(t, site.j.SaveOrgSSO(ctx, site.olga, c))
			defer func() {
				c.Provision = true
				ssoMust(t, site.j.SaveOrgSSO(ctx, site.olga, c))
			}()
			site.refused(site.signIn(site.browser(), ssotest.User{Subject: "pat-sub", Email: "pat@northwind.example", EmailVerified: true}),
				http.StatusForbidden, "ask one of its owners for an invitation")
			// Members still sign in.
			b := site.browser()
			site.signedInAs(b, site.signIn(b, ssotest.User{Subject: "mia-sub"}), site.mia, "/")
		})
		t.Run("RefusedOutsideAccount", func(t *testing.T) {
			site.t = t
			out := &ladder.Person{Name: "Oscar", Email: "oscar@northwind.example"}
			ssoMust(t, site.j.Persons.CreatePerson(ctx, out))
			site.refused(site.signIn(site.browser(), ssotest.User{Subject: "oscar-sub", Email: out.Email, EmailVerified: true}),
				http.StatusForbidden, "sign in with your password")
		})

		// Broken sign-ins: 400 or 403 with a plain message, never a 500,
		// never the code in the page or the log.
		t.Run("ForgedState", func(t *testing.T) {
			site.t = t
			b := site.browser()
			site.op.SignInAs(ssotest.User{Subject: "mia-sub"})
			cb, _ := url.Parse(site.toProvider(b, "northwind"))
			q := cb.Query()
			code := q.Get("code")
			q.Set("state", "forged")
			cb.RawQuery = q.Encode()
			res := b.get(cb.String())
			site.refused(res, http.StatusBadRequest, "does not match the one this browser started")
			if strings.Contains(res.body, code) {
				t.Error("the code is in the page")
			}
		})
		t.Run("ReplayedCallback", func(t *testing.T) {
			site.t = t
			b := site.browser()
			site.op.SignInAs(ssotest.User{Subject: "mia-sub"})
			cb := site.toProvider(b, "northwind")
			u, _ := url.Parse(site.url + "/sso/callback")
			attempt := b.c.Jar.Cookies(u)[0]
			site.signedInAs(b, b.get(cb), site.mia, "/")
			// The same callback with the same cookie, as an eavesdropper
			// would send it, and without one.
			req, _ := http.NewRequest(http.MethodGet, cb, nil)
			req.AddCookie(attempt)
			site.refused(site.browser().do(req), http.StatusBadRequest, "was used already")
			site.refused(site.browser().get(cb), http.StatusBadRequest, "was used already")
		})
		t.Run("ExpiredAttempt", func(t *testing.T) {
			site.t = t
			b := site.browser()
			site.op.SignInAs(ssotest.User{Subject: "mia-sub"})
			cb := site.toProvider(b, "northwind")
			later := time.Now().UTC().Add(ladder.SSOAttemptLifetime + time.Minute)
			db.Now = func() time.Time { return later }
			defer func() { db.Now = func() time.Time { return time.Now().UTC() } }()
			site.refused(b.get(cb), http.StatusBadRequest, "has expired")
		})
		t.Run("TamperedToken", func(t *testing.T) {
			site.t = t
			b := site.browser()
			site.op.SignInAs(ssotest.User{Subject: "mia-sub"})
			cb := site.toProvider(b, "northwind")
			code, _ := url.Parse(cb)
			site.op.TamperNextToken()
			res := b.get(cb)
			site.refused(res, http.StatusForbidden, "did not confirm who you are")
			logs := site.log.String()
			if !strings.Contains(logs, "single sign-on failed") || !strings.Contains(logs, "signature") {
				t.Errorf("the failure is not logged:\n%s", logs)
			}
			if c := code.Query().Get("code"); strings.Contains(logs, c) || strings.Contains(res.body, c) {
				t.Error("the code is in the log or the page")
			}
		})
		t.Run("ProviderError", func(t *testing.T) {
			site.t = t
			b := site.browser()
			site.op.SignInAs(ssotest.User{Subject: "mia-sub"})
			cb, _ := url.Parse(site.toProvider(b, "northwind"))
			q := url.Values{"error": {"access_denied"}, "error_description": {"<script>alert(1)</script>"}, "state": {cb.Query().Get("state")}}
			res := b.get(site.url + "/sso/callback?" + q.Encode())
			site.refused(res, http.StatusForbidden, "it answered access_denied")
			if strings.Contains(res.body, "<script>alert") {
				t.Error("the provider's text is in the page")
			}
		})
		t.Run("NoCookieNoCode", func(t *testing.T) {
			site.t = t
			site.refused(site.browser().get(site.url+"/sso/callback"), http.StatusBadRequest, "start again")
		})
		t.Run("DisabledMidway", func(t *testing.T) {
			site.t = t
			b := site.browser()
			site.op.SignInAs(ssotest.User{Subject: "mia-sub"})
			cb := site.toProvider(b, "northwind")
			c, _ := site.j.OrgSSO(ctx, site.olga)
			c.Enabled, c.ClientSecret = false, ""
			ssoMust(t, site.j.SaveOrgSSO(ctx, site.olga, c))
			defer func() {
				c.Enabled = true
				ssoMust(t, site.j.SaveOrgSSO(ctx, site.olga, c))
			}()
			site.refused(b.get(cb), http.StatusForbidden, "switched off")
			if res := b.get(site.url + "/sso/northwind"); res.status != http.StatusNotFound {
				t.Errorf("start while disabled: %d", res.status)
			}
		})
		if logs := site.log.String(); strings.Contains(logs, "level=ERROR") || strings.Contains(logs, site.op.ClientSecret) {
			t.Errorf("errors or the secret in the log:\n%s", logs)
		}
	})
}

// TestOrgSSOSettingsThroughProvider sets single sign-on up on the settings
// page against the real provider: discovery must pass.
func TestOrgSSOSettingsThroughProvider(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		site := newSSOSite(t, db, false)
		ctx := context.Background()
		ssoMust(t, site.j.DeleteOrgSSO(ctx, site.olga))
		b := site.browser()
		if res := b.post(site.url+"/login", url.Values{"email": {site.olga.Email}, "password": {ssoOlgaPassword}}); res.status != http.StatusSeeOther {
			t.Fatalf("sign-in %d", res.status)
		}
		page := b.get(site.url + "/org/settings")
		if page.status != 200 || !strings.Contains(page.body, "Set up single sign-on") || !strings.Contains(page.body, site.url+"/sso/callback") {
			t.Fatalf("settings %d\n%s", page.status, page.body)
		}
		form := url.Values{"issuer": {site.op.URL + "/nowhere"}, "client_id": {site.op.ClientID}, "client_secret": {site.op.ClientSecret},
			"enabled": {"on"}, "provision": {"on"}}
		res := b.post(site.url+"/org/sso", form)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Issuer URL: discovery failed") ||
			!strings.Contains(res.body, `id="sso-issuer-error"`) || strings.Contains(res.body, site.op.ClientSecret) {
			t.Fatalf("wrong issuer: %d\n%s", res.status, res.body)
		}
		if _, err := site.j.OrgSSO(ctx, site.olga); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("a failed discovery saved: %v", err)
		}
		form.Set("issuer", site.op.URL)
		if res := b.post(site.url+"/org/sso", form); res.status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.status, res.body)
		}
		page = b.get(site.url + "/org/settings")
		if !strings.Contains(page.body, "set: leave empty to keep it") || strings.Contains(page.body, site.op.ClientSecret) ||
			!strings.Contains(page.body, `value="`+site.op.URL+`"`) {
			t.Errorf("settings after save:\n%s", page.body)
		}
		c, err := site.j.OrgSSO(ctx, site.olga)
		if err != nil || c.ClientSecret != site.op.ClientSecret || !c.Enabled || !c.Provision {
			t.Fatalf("%+v %v", c, err)
		}
		// Sign-in works with what the page saved.
		other := site.browser()
		res = site.signIn(other, ssotest.User{Subject: "ann", Email: "ann@northwind.example", EmailVerified: true, Name: "Ann"})
		site.signedInAs(other, res, ssoFindPerson(t, site.j, "ann@northwind.example"), "/onboarding")
		if res := b.post(site.url+"/org/sso/delete", nil); res.status != http.StatusSeeOther {
			t.Fatalf("remove %d", res.status)
		}
		if _, err := site.j.OrgSSO(ctx, site.olga); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("after removal: %v", err)
		}
	})
}

// ssoFindPerson returns the person of an email, who must exist.
func ssoFindPerson(t *testing.T, j *journey.Journey, email string) *ladder.Person {
	t.Helper()
	p, err := j.Persons.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
