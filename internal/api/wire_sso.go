package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// OrgSSOConfig is the single sign-on of the caller's organisation. The
// client secret is never sent: only whether one is stored.
type OrgSSOConfig struct {
	Issuer          string    `json:"issuer" doc:"the OpenID provider's issuer URL"`
	ClientID        string    `json:"client_id"`
	ClientSecretSet bool      `json:"client_secret_set" doc:"whether a client secret is stored; the secret itself is never shown"`
	Enabled         bool      `json:"enabled" doc:"people may sign in through the provider"`
	Provision       bool      `json:"provision" doc:"a first sign-in with a verified email in one of the organisation's domains creates a member; otherwise only members sign in"`
	CallbackURL     string    `json:"callback_url" doc:"the redirect URL to register at the provider, as this request reached the server"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// NewOrgSSOConfig converts a configuration, leaving the secret out.
func NewOrgSSOConfig(c *ladder.OrgSSO, callback string) OrgSSOConfig {
	return OrgSSOConfig{Issuer: c.Issuer, ClientID: c.ClientID, ClientSecretSet: c.ClientSecret != "", Enabled: c.Enabled,
		Provision: c.Provision, CallbackURL: callback, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

// OrgSSOBody is the body of PUT /api/v1/org/sso.
type OrgSSOBody struct {
	Issuer       string `json:"issuer" doc:"https (plain http only for a provider on the same machine); discovery must answer when enabled"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret,omitempty" doc:"leave out to keep the stored secret"`
	Enabled      bool   `json:"enabled"`
	Provision    bool   `json:"provision"`
}
