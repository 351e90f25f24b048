package ladder

import (
	"context"
	"net"
	"net/url"
	"strings"
	"time"
)

// OrgSSO is an organisation's single sign-on: the OpenID Connect provider
// its people sign in with (docs/organisations.md). Owners set it up.
type OrgSSO struct {
	OrgID    int64
	Issuer   string // the provider's issuer URL
	ClientID string
	// ClientSecret is Ladder's secret at the provider. It is stored, since
	// Ladder must present it to the provider, but no page, API answer,
	// export or log ever shows it: they say whether it is set.
	ClientSecret string
	// Enabled lets people sign in through the provider; a disabled
	// configuration is kept but refuses sign-ins.
	Enabled bool
	// Provision gives a person signing in for the first time an account
	// and a membership when their provider vouches for an email in one of
	// the organisation's domains. Without it only members sign in.
	Provision bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks and normalises the fields. An empty ClientSecret is
// valid: when a configuration exists, saving one without a secret keeps
// the stored one.
func (c *OrgSSO) Validate() error {
	f := FieldErrors{}
	c.Issuer = strings.TrimRight(strings.TrimSpace(c.Issuer), "/")
	c.ClientID = strings.TrimSpace(c.ClientID)
	c.ClientSecret = strings.TrimSpace(c.ClientSecret)
	if msg := ssoIssuerProblem(c.Issuer); msg != "" {
		f.Add("issuer", "%s", msg)
	}
	switch {
	case c.ClientID == "":
		f.Add("client_id", "is required")
	case len(c.ClientID) > 255:
		f.Add("client_id", "must be at most 255 characters")
	}
	if len(c.ClientSecret) > 1024 {
		f.Add("client_secret", "must be at most 1024 characters")
	}
	return f.Err("The single sign-on settings are not valid.")
}

// ssoIssuerProblem says what is wrong with an issuer URL, "" if nothing.
// The client secret travels to the provider, so only loopback providers
// (for trials and tests) may use plain HTTP.
func ssoIssuerProblem(issuer string) string {
	if issuer == "" {
		return "is required"
	}
	if len(issuer) > 500 {
		return "must be at most 500 characters"
	}
	u, err := url.Parse(issuer)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "must be the provider's issuer URL, such as https://login.example.com"
	}
	if u.Scheme == "http" && !ssoLoopback(u.Hostname()) {
		return "must use https (plain http only for a provider on this machine)"
	}
	return ""
}

func ssoLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SSOAttemptLifetime is how long a sign-in may take between leaving for
// the provider and coming back.
const SSOAttemptLifetime = 10 * time.Minute

// SSOAttempt is a sign-in under way: what the callback needs to check the
// provider's answer. It is kept on the server, found by a random id in a
// short-lived cookie, and used once.
type SSOAttempt struct {
	OrgID       int64
	State       string
	Verifier    string // the PKCE code verifier
	Nonce       string
	RedirectURL string // the callback the provider was given
	Next        string // the local page to go to afterwards
	CreatedAt   time.Time
	ExpiresAt   time.Time
	// Address and Slot are the throttle slot the start took from the
	// client address; a successful sign-in gives it back.
	Address string
	Slot    int
}

// SSOIdentity is who the provider says signed in. It has the fields of
// sso.Identity, in the same order, so that the two convert.
type SSOIdentity struct {
	Issuer        string
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
}

// SSOLink ties a provider's subject to a person.
type SSOLink struct {
	Issuer      string
	Subject     string
	PersonID    int64
	OrgID       int64
	Email       string // the email the provider gave when the link was made
	CreatedAt   time.Time
	LastLoginAt time.Time
}

// SSOSignIn is the outcome of a sign-in: the person, and whether the
// sign-in linked an existing member or created the person.
type SSOSignIn struct {
	Person      *Person
	Linked      bool // the identity was linked to a member by email now
	Provisioned bool // the person was created now
}

// SSOService stores organisations' single sign-on, sign-ins under way and
// linked identities. Changes of the configuration and new links are
// written to the audit log in their transaction, never with the secret.
//
// Errors: EINVALID for bad settings; ENOTFOUND for an organisation without
// single sign-on, or an unknown, used or expired attempt; EFORBIDDEN for an
// identity that may not sign in; ETOOMANY while starts are throttled.
type SSOService interface {
	// FindOrgSSO returns the configuration of an organisation, secret
	// included, or ENOTFOUND.
	FindOrgSSO(ctx context.Context, orgID int64) (*OrgSSO, error)
	// SaveOrgSSO creates or replaces the configuration of c.OrgID. An
	// empty ClientSecret keeps the stored one.
	SaveOrgSSO(ctx context.Context, actorID int64, c *OrgSSO) error
	// DeleteOrgSSO removes the configuration and the links made through
	// it; ENOTFOUND when there is none.
	DeleteOrgSSO(ctx context.Context, actorID, orgID int64) error
	// FindSSOOrganisation returns the organisation with enabled single
	// sign-on that a work email (by its domain) or a slug names, or
	// ENOTFOUND.
	FindSSOOrganisation(ctx context.Context, emailOrSlug string) (*Organisation, error)
	// SSOOffered reports whether any organisation has enabled single
	// sign-on.
	SSOOffered(ctx context.Context) (bool, error)

	// CreateSSOAttempt stores a sign-in under way and returns the random id
	// for the browser's cookie. Starts count against the client address
	// like failed sign-ins (MaxAddressFailures in ThrottleWindow) until
	// they succeed: ETOOMANY beyond.
	CreateSSOAttempt(ctx context.Context, a *SSOAttempt) (id string, err error)
	// TakeSSOAttempt returns the attempt and deletes it, so it works once:
	// ENOTFOUND when unknown, used or expired.
	TakeSSOAttempt(ctx context.Context, id string) (*SSOAttempt, error)

	// SignInSSO finds the person of an identity checked by the provider of
	// orgID: by a link of (issuer, subject); else a member of orgID with
	// the identity's verified email, linked now; else, when mayProvision,
	// a new person, made a member and linked now. EFORBIDDEN otherwise,
	// or when the linked person is no longer a member. On success it
	// gives back the attempt's throttle slot.
	SignInSSO(ctx context.Context, orgID int64, id SSOIdentity, mayProvision bool, a *SSOAttempt) (*SSOSignIn, error)
	// FindSSOLinks returns the identities linked to a person.
	FindSSOLinks(ctx context.Context, personID int64) ([]*SSOLink, error)
}
