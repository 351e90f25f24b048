// Package ssotest runs a real OpenID provider over HTTP for tests:
// discovery and keys from go-oidc's oidctest, and authorisation and token
// endpoints of its own that check the client, the redirect URL and PKCE
// (S256) and sign ID tokens with an RSA key, so that a sign-in in a test
// goes through every step a real provider takes.
package ssotest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc/oidctest"
)

// User is who signs in at the provider.
type User struct {
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
}

// Provider is the running provider.
type Provider struct {
	URL          string // the issuer
	ClientID     string
	ClientSecret string
	RedirectURL  string

	key *rsa.PrivateKey
	mu  sync.Mutex
	// User is who the next authorisation request signs in as.
	user  User
	codes map[string]grant
	// TamperNext makes the next ID token carry a bad signature.
	tamperNext bool
}

type grant struct {
	user      User
	challenge string
	nonce     string
	redirect  string
	expires   time.Time
}

// Start runs a provider for the length of the test, for one client whose
// callback is redirectURL.
func Start(t testing.TB, redirectURL string) *Provider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{ClientID: "ladder-test", ClientSecret: rand.Text(), RedirectURL: redirectURL, key: key, codes: map[string]grant{}}
	keys := &oidctest.Server{PublicKeys: []oidctest.PublicKey{{PublicKey: key.Public(), KeyID: "k1", Algorithm: "RS256"}}}
	mux := http.NewServeMux()
	mux.Handle("GET /.well-known/openid-configuration", keys)
	mux.Handle("GET /keys", keys)
	mux.HandleFunc("GET /auth", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	keys.SetIssuer(srv.URL)
	return p
}

// SignInAs sets who the next authorisation signs in.
func (p *Provider) SignInAs(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user = u
}

// TamperNextToken makes the next ID token's signature invalid.
func (p *Provider) TamperNextToken() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tamperNext = true
}

// authorize signs the current user in at once (a real provider would ask
// for a password first) and sends the browser back with a code.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case q.Get("response_type") != "code":
		http.Error(w, "response_type must be code", http.StatusBadRequest)
		return
	case q.Get("client_id") != p.ClientID:
		http.Error(w, "unknown client", http.StatusBadRequest)
		return
	case q.Get("redirect_uri") != p.RedirectURL:
		http.Error(w, "redirect_uri is not registered", http.StatusBadRequest)
		return
	case q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "":
		http.Error(w, "PKCE with S256 is required", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	code := rand.Text()
	p.codes[code] = grant{user: p.user, challenge: q.Get("code_challenge"), nonce: q.Get("nonce"),
		redirect: q.Get("redirect_uri"), expires: time.Now().Add(time.Minute)}
	p.mu.Unlock()
	back, _ := url.Parse(p.RedirectURL)
	v := back.Query()
	v.Set("code", code)
	v.Set("state", q.Get("state"))
	back.RawQuery = v.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token exchanges a code once, for the client that asked for it, with the
// verifier whose S256 hash is the challenge.
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	fail := func(code, desc string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
	}
	if err := r.ParseForm(); err != nil {
		fail("invalid_request", "bad form")
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.ClientID || secret != p.ClientSecret {
		fail("invalid_client", "bad client credentials")
		return
	}
	if r.PostForm.Get("grant_type") != "authorization_code" {
		fail("unsupported_grant_type", "only authorization_code")
		return
	}
	p.mu.Lock()
	g, found := p.codes[r.PostForm.Get("code")]
	delete(p.codes, r.PostForm.Get("code")) // single use
	tamper := p.tamperNext
	p.tamperNext = false
	p.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	switch {
	case !found || time.Now().After(g.expires):
		fail("invalid_grant", "unknown or used code")
		return
	case r.PostForm.Get("redirect_uri") != g.redirect:
		fail("invalid_grant", "redirect_uri differs")
		return
	case base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
		fail("invalid_grant", "PKCE verification failed")
		return
	}
	now := time.Now()
	claims, _ := json.Marshal(map[string]any{"iss": p.URL, "sub": g.user.Subject, "aud": p.ClientID,
		"iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(), "nonce": g.nonce,
		"email": g.user.Email, "email_verified": g.user.EmailVerified, "name": g.user.Name})
	idToken := oidctest.SignIDToken(p.key, "k1", "RS256", string(claims))
	if tamper {
		idToken = idToken[:len(idToken)-4] + "AAAA"
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"access_token": rand.Text(), "token_type": "Bearer",
		"expires_in": 300, "id_token": idToken})
}
