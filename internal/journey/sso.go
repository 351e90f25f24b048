package journey

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sso"
)

// ssoProviderTimeout bounds each exchange with a provider: discovery, the
// code exchange and fetching its keys.
const ssoProviderTimeout = 10 * time.Second

// ssoDiscoveryCallback stands in for the callback when a configuration is
// checked: discovery does not use it, and the command line does not know
// where the web app is reached.
const ssoDiscoveryCallback = "http://localhost/sso/callback"

// SSOFailure is a sign-in the provider's side refused or broke: Err is
// what the person is told, Cause what went wrong, for the log. Neither
// holds the code, the tokens or the state.
type SSOFailure struct {
	Err   *ladder.Error
	Cause error
}

func (f *SSOFailure) Error() string { return f.Err.Message }

// Unwrap gives the public error, so that its code decides the status.
func (f *SSOFailure) Unwrap() error { return f.Err }

// OrgSSO returns the single sign-on of the actor's organisation (owners):
// ENOTFOUND when it is not set up.
func (j *Journey) OrgSSO(ctx context.Context, actor *ladder.Person) (*ladder.OrgSSO, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgSSO)
	if err != nil {
		return nil, err
	}
	return j.SSO.FindOrgSSO(ctx, id)
}

// SaveOrgSSO sets up or changes the single sign-on of the actor's
// organisation (owners). An empty secret keeps the stored one. An enabled
// configuration must pass discovery at its issuer, or nobody could sign
// in; a disabled one is saved as it is, so that an owner can switch sign-in
// off while the provider is down.
func (j *Journey) SaveOrgSSO(ctx context.Context, actor *ladder.Person, c *ladder.OrgSSO) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgSSO)
	if err != nil {
		return err
	}
	c.OrgID = id
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Enabled {
		secret := c.ClientSecret
		if old, err := j.SSO.FindOrgSSO(ctx, id); err == nil && secret == "" {
			secret = old.ClientSecret
		} else if err != nil && ladder.ErrorCode(err) != ladder.ENOTFOUND {
			return err
		}
		dctx, cancel := context.WithTimeout(ctx, ssoProviderTimeout)
		defer cancel()
		if _, err := sso.New(dctx, sso.Config{Issuer: c.Issuer, ClientID: c.ClientID, ClientSecret: secret,
			RedirectURL: ssoDiscoveryCallback}); err != nil {
			return &ladder.Error{Code: ladder.EINVALID, Message: "Ladder could not find an OpenID provider at that issuer URL.",
				Fields: map[string]string{"issuer": "discovery failed: " + ssoDiscoveryProblem(err, c.Issuer)}}
		}
	}
	return j.SSO.SaveOrgSSO(ctx, actor.ID, c)
}

// ssoDiscoveryProblem shortens a discovery error for the owner.
func ssoDiscoveryProblem(err error, issuer string) string {
	msg := strings.TrimPrefix(err.Error(), "sso: discovery at "+issuer+": ")
	if len(msg) > 300 {
		msg = msg[:300] + "..."
	}
	return msg
}

// DeleteOrgSSO removes the single sign-on of the actor's organisation
// (owners) and the identities linked through it.
func (j *Journey) DeleteOrgSSO(ctx context.Context, actor *ladder.Person) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgSSO)
	if err != nil {
		return err
	}
	return j.SSO.DeleteOrgSSO(ctx, actor.ID, id)
}

// SSOOffered reports whether any organisation offers single sign-on, for
// the sign-in page.
func (j *Journey) SSOOffered(ctx context.Context) (bool, error) {
	return j.SSO.SSOOffered(ctx)
}

// SSOStart is a sign-in begun: where to send the browser, and the id the
// browser keeps in a cookie until it comes back.
type SSOStart struct {
	AuthURL   string
	AttemptID string
	ExpiresAt time.Time
}

// BeginSSO starts a sign-in with the provider of the organisation slug
// names: ENOTFOUND when it has no enabled single sign-on, ETOOMANY when
// the client address started too many. callback is Ladder's callback URL
// as this browser reaches it; next the local page to go to afterwards.
func (j *Journey) BeginSSO(ctx context.Context, slug, callback, next, address string) (*SSOStart, error) {
	if strings.Contains(slug, "@") {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "No organisation signs in with single sign-on by that name.")
	}
	o, err := j.SSO.FindSSOOrganisation(ctx, slug)
	if err != nil {
		return nil, err
	}
	c, err := j.ssoClient(ctx, o.ID, callback)
	if err != nil {
		return nil, err
	}
	authURL, at := c.Begin()
	a := &ladder.SSOAttempt{OrgID: o.ID, State: at.State, Verifier: at.Verifier, Nonce: at.Nonce, RedirectURL: callback,
		Next: next, Address: address}
	id, err := j.SSO.CreateSSOAttempt(ctx, a)
	if err != nil {
		return nil, err
	}
	return &SSOStart{AuthURL: authURL, AttemptID: id, ExpiresAt: a.ExpiresAt}, nil
}

// ssoClient discovers the provider of an organisation whose single sign-on
// is enabled.
func (j *Journey) ssoClient(ctx context.Context, orgID int64, callback string) (*sso.Client, error) {
	cfg, err := j.SSO.FindOrgSSO(ctx, orgID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND || (err == nil && !cfg.Enabled) {
		return nil, ladder.Errorf(ladder.EFORBIDDEN, "Single sign-on is switched off for this organisation: sign in with your password.")
	} else if err != nil {
		return nil, err
	}
	dctx, cancel := context.WithTimeout(ctx, ssoProviderTimeout)
	defer cancel()
	c, err := sso.New(dctx, sso.Config{Issuer: cfg.Issuer, ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, RedirectURL: callback})
	if err != nil {
		return nil, &SSOFailure{Err: ladder.Errorf(ladder.EFORBIDDEN,
			"Your organisation's sign-in service cannot be reached just now: try again later, or sign in with your password."), Cause: err}
	}
	return c, nil
}

// ssoProviderError keeps an OAuth error code the provider sent back, or
// nothing: its text is the provider's (or a forger's) to choose.
var ssoProviderError = regexp.MustCompile(`^[a-z_]{1,40}$`)

// SSOFinished is a completed sign-in and the page to go to.
type SSOFinished struct {
	*ladder.SSOSignIn
	Next string
}

// FinishSSO completes a sign-in from the provider's callback: the attempt
// of the browser's cookie (used up whatever happens), the provider's
// answer (state, code, or an error it reports), then the person (see
// ladder.SSOService.SignInSSO). Refusals are ladder errors of EINVALID
// (400: a broken or stale sign-in) or EFORBIDDEN (403), often wrapped in
// an SSOFailure whose Cause is for the log.
func (j *Journey) FinishSSO(ctx context.Context, attemptID, state, code, providerError string) (*SSOFinished, error) {
	a, err := j.SSO.TakeSSOAttempt(ctx, attemptID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, ladder.Errorf(ladder.EINVALID, "This sign-in has expired, was used already or was started in another browser: start again.")
	} else if err != nil {
		return nil, err
	}
	if providerError != "" {
		if !ssoProviderError.MatchString(providerError) {
			providerError = "an error"
		}
		return nil, ladder.Errorf(ladder.EFORBIDDEN, "Your organisation's sign-in service did not sign you in (it answered %s): start again.", providerError)
	}
	c, err := j.ssoClient(ctx, a.OrgID, a.RedirectURL)
	if err != nil {
		return nil, err
	}
	fctx, cancel := context.WithTimeout(ctx, ssoProviderTimeout)
	defer cancel()
	id, err := c.Finish(fctx, sso.Attempt{State: a.State, Verifier: a.Verifier, Nonce: a.Nonce}, state, code)
	switch {
	case errors.Is(err, sso.ErrState):
		return nil, ladder.Errorf(ladder.EINVALID, "This sign-in does not match the one this browser started: start again.")
	case err != nil:
		return nil, &SSOFailure{Err: ladder.Errorf(ladder.EFORBIDDEN,
			"Your organisation's sign-in service did not confirm who you are: start again."), Cause: ssoScrub(err, code, state)}
	}
	cfg, err := j.SSO.FindOrgSSO(ctx, a.OrgID)
	if err != nil {
		return nil, err
	}
	o, err := j.Orgs.FindOrganisation(ctx, a.OrgID)
	if err != nil {
		return nil, err
	}
	may := cfg.Provision && sso.MayProvision(id, o.Domains)
	in, err := j.SSO.SignInSSO(ctx, a.OrgID, ladder.SSOIdentity(id), may, a)
	if err != nil {
		return nil, err
	}
	return &SSOFinished{SSOSignIn: in, Next: a.Next}, nil
}

// ssoScrub removes the code and state from an error's text, should a
// library ever echo them, before it is logged.
func ssoScrub(err error, secrets ...string) error {
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	return errors.New(msg)
}
