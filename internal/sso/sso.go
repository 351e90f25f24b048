// Package sso signs people in with an organisation's OpenID Connect
// provider: the authorisation code flow with PKCE (S256), a state and a
// nonce, and the ID token's signature, issuer, audience, expiry and nonce
// checked by go-oidc against the provider's published keys.
package sso

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config is one organisation's provider.
type Config struct {
	Issuer       string // the provider's issuer URL; discovery is at Issuer/.well-known/openid-configuration
	ClientID     string
	ClientSecret string
	RedirectURL  string // Ladder's callback, registered at the provider
}

// Client runs sign-ins against one provider.
type Client struct {
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// New discovers the provider's endpoints and keys.
func New(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" || cfg.RedirectURL == "" {
		return nil, errors.New("sso: issuer, client id and redirect URL are required")
	}
	p, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("sso: discovery at %s: %w", cfg.Issuer, err)
	}
	return &Client{
		oauth: oauth2.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, RedirectURL: cfg.RedirectURL,
			Endpoint: p.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "email", "profile"}},
		verifier: p.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
	}, nil
}

// Attempt is what a sign-in must remember between sending the browser to
// the provider and its return: kept on the server (or sealed in a cookie),
// never in the URL.
type Attempt struct {
	State    string
	Verifier string // the PKCE code verifier
	Nonce    string
}

// Begin starts a sign-in: it returns the provider's URL to send the browser
// to and the attempt to keep.
func (c *Client) Begin() (string, Attempt) {
	a := Attempt{State: rand.Text(), Verifier: oauth2.GenerateVerifier(), Nonce: rand.Text()}
	u := c.oauth.AuthCodeURL(a.State, oauth2.S256ChallengeOption(a.Verifier), oidc.Nonce(a.Nonce))
	return u, a
}

// Identity is who the provider says signed in.
type Identity struct {
	Issuer        string
	Subject       string // stable per issuer: the key of a linked account
	Email         string
	EmailVerified bool
	Name          string
}

// ErrState means the callback does not belong to the attempt: a forged or
// replayed redirect, or a second tab.
var ErrState = errors.New("sso: the sign-in does not match this browser's attempt; start again")

// Finish completes a sign-in from the provider's callback: it checks the
// state, exchanges the code with the PKCE verifier, and verifies the ID
// token, its nonce and its claims.
func (c *Client) Finish(ctx context.Context, a Attempt, state, code string) (Identity, error) {
	if a.State == "" || state != a.State {
		return Identity{}, ErrState
	}
	if code == "" {
		return Identity{}, errors.New("sso: the provider sent no code")
	}
	tok, err := c.oauth.Exchange(ctx, code, oauth2.VerifierOption(a.Verifier))
	if err != nil {
		return Identity{}, fmt.Errorf("sso: code exchange: %w", err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return Identity{}, errors.New("sso: the provider sent no ID token")
	}
	idt, err := c.verifier.Verify(ctx, raw)
	if err != nil {
		return Identity{}, fmt.Errorf("sso: ID token: %w", err)
	}
	if idt.Nonce != a.Nonce {
		return Identity{}, errors.New("sso: ID token: the nonce does not match")
	}
	var claims struct {
		Email         string `json:"email"`
		EmailVerified *bool  `json:"email_verified"`
		Name          string `json:"name"`
	}
	if err := idt.Claims(&claims); err != nil {
		return Identity{}, fmt.Errorf("sso: ID token claims: %w", err)
	}
	return Identity{Issuer: idt.Issuer, Subject: idt.Subject, Email: strings.ToLower(strings.TrimSpace(claims.Email)),
		EmailVerified: claims.EmailVerified != nil && *claims.EmailVerified, Name: strings.TrimSpace(claims.Name)}, nil
}

// MayProvision reports whether an identity may get a new account on first
// sign-in: a verified email in one of the organisation's domains.
func MayProvision(id Identity, domains []string) bool {
	if !id.EmailVerified {
		return false
	}
	addr, err := mail.ParseAddress(id.Email)
	if err != nil || addr.Address != id.Email {
		return false
	}
	_, domain, ok := strings.Cut(id.Email, "@")
	return ok && slices.ContainsFunc(domains, func(d string) bool { return strings.EqualFold(d, domain) })
}
