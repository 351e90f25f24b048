package sso_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sso"
	"github.com/ladderhq/ladder/internal/sso/ssotest"
)

// signIn plays the browser: it follows Begin's URL to the provider and
// returns the state and code the provider sends back to the callback.
func signIn(t *testing.T, authURL, callback string) (state, code string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil || !strings.HasPrefix(loc.String(), callback) {
		t.Fatalf("provider answered %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	return loc.Query().Get("state"), loc.Query().Get("code")
}

func TestSignInThroughRealProvider(t *testing.T) {
	ctx := context.Background()
	const callback = "http://127.0.0.1:8080/sso/callback"
	op := ssotest.Start(t, callback)
	c, err := sso.New(ctx, sso.Config{Issuer: op.URL, ClientID: op.ClientID, ClientSecret: op.ClientSecret, RedirectURL: callback})
	if err != nil {
		t.Fatal(err)
	}
	zoe := ssotest.User{Subject: "u-42", Email: "Zoe@Example.com", EmailVerified: true, Name: "Zoë Müller"}
	op.SignInAs(zoe)

	t.Run("OK", func(t *testing.T) {
		u, a := c.Begin()
		if q, _ := url.Parse(u); q.Query().Get("code_challenge_method") != "S256" || q.Query().Get("nonce") != a.Nonce {
			t.Fatalf("auth URL %s", u)
		}
		state, code := signIn(t, u, callback)
		id, err := c.Finish(ctx, a, state, code)
		if err != nil {
			t.Fatal(err)
		}
		want := sso.Identity{Issuer: op.URL, Subject: "u-42", Email: "zoe@example.com", EmailVerified: true, Name: "Zoë Müller"}
		if id != want {
			t.Errorf("identity %+v, want %+v", id, want)
		}
		// The code is single-use at the provider.
		if _, err := c.Finish(ctx, a, state, code); err == nil || !strings.Contains(err.Error(), "invalid_grant") {
			t.Errorf("a used code worked again: %v", err)
		}
	})

	for _, tc := range []struct {
		name   string
		mangle func(a *sso.Attempt, state, code *string)
		before func()
		want   string
	}{
		{name: "ForgedState", mangle: func(_ *sso.Attempt, state, _ *string) { *state = "forged" }, want: "does not match"},
		{name: "NoAttempt", mangle: func(a *sso.Attempt, _, _ *string) { *a = sso.Attempt{} }, want: "does not match"},
		{name: "WrongVerifier", mangle: func(a *sso.Attempt, _, _ *string) { a.Verifier = "x" + a.Verifier[1:] }, want: "PKCE"},
		{name: "WrongNonce", mangle: func(a *sso.Attempt, _, _ *string) { a.Nonce = "other" }, want: "nonce"},
		{name: "NoCode", mangle: func(_ *sso.Attempt, _, code *string) { *code = "" }, want: "no code"},
		{name: "BadSignature", before: op.TamperNextToken, want: "signature"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.before != nil {
				tc.before()
			}
			u, a := c.Begin()
			state, code := signIn(t, u, callback)
			if tc.mangle != nil {
				tc.mangle(&a, &state, &code)
			}
			_, err := c.Finish(ctx, a, state, code)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one about %q", err, tc.want)
			}
		})
	}

	t.Run("WrongClientSecret", func(t *testing.T) {
		bad, err := sso.New(ctx, sso.Config{Issuer: op.URL, ClientID: op.ClientID, ClientSecret: "wrong", RedirectURL: callback})
		if err != nil {
			t.Fatal(err)
		}
		u, a := bad.Begin()
		state, code := signIn(t, u, callback)
		if _, err := bad.Finish(ctx, a, state, code); err == nil || !strings.Contains(err.Error(), "invalid_client") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("NoDiscovery", func(t *testing.T) {
		if _, err := sso.New(ctx, sso.Config{Issuer: op.URL + "/nowhere", ClientID: "x", RedirectURL: callback}); err == nil {
			t.Error("discovery of a wrong issuer worked")
		}
	})
}

func TestMayProvision(t *testing.T) {
	domains := []string{"example.com", "Example.org"}
	for _, tc := range []struct {
		id   sso.Identity
		want bool
	}{
		{sso.Identity{Email: "ann@example.com", EmailVerified: true}, true},
		{sso.Identity{Email: "ann@example.org", EmailVerified: true}, true},
		{sso.Identity{Email: "ann@example.com", EmailVerified: false}, false},
		{sso.Identity{Email: "ann@evil.com", EmailVerified: true}, false},
		{sso.Identity{Email: "ann@sub.example.com", EmailVerified: true}, false},
		{sso.Identity{Email: "ann@example.com.evil.com", EmailVerified: true}, false},
		{sso.Identity{Email: "Ann <ann@example.com>", EmailVerified: true}, false},
		{sso.Identity{Email: "", EmailVerified: true}, false},
	} {
		if got := sso.MayProvision(tc.id, domains); got != tc.want {
			t.Errorf("%+v: %v, want %v", tc.id, got, tc.want)
		}
	}
}
