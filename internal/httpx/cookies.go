package httpx

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// Cookie names.
const (
	SessionCookie = "ladder_session"
	FlashCookie   = "ladder_flash"
)

// secure reports whether cookies must be Secure: the request came over TLS,
// or through a TLS-terminating proxy that says so.
func secure(r *http.Request) bool { return Secure(r) }

// Secure reports whether the browser reached us over HTTPS, directly or
// through a proxy that says so.
func Secure(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}

// BaseURL is where links to this server start: the configured public
// address when there is one, else the address this request reached.
func BaseURL(r *http.Request, public string) string {
	if public != "" {
		return strings.TrimRight(public, "/")
	}
	if Secure(r) {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// SetSession sets the session cookie: HttpOnly so scripts cannot read it,
// SameSite=Lax so other sites cannot send it with their forms.
func SetSession(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: secure(r), SameSite: http.SameSiteLaxMode, MaxAge: int(ladder.SessionLifetime / time.Second)})
}

// ClearSession removes the session cookie.
func ClearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true,
		Secure: secure(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// SessionToken returns the session cookie's value, or "".
func SessionToken(r *http.Request) string {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// SetFlash stores a one-time message for the next page. A cookie keeps it
// with the browser, so any server replica can show it.
func SetFlash(w http.ResponseWriter, r *http.Request, msg string) {
	http.SetCookie(w, &http.Cookie{Name: FlashCookie, Value: url.QueryEscape(msg), Path: "/", HttpOnly: true,
		Secure: secure(r), SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

// TakeFlash returns the pending message and clears it.
func TakeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(FlashCookie)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: FlashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteLaxMode})
	msg, err := url.QueryUnescape(c.Value)
	if err != nil || len(msg) > 300 {
		return ""
	}
	return msg
}

// ClientAddress is the address sign-in throttling counts by: the peer's IP,
// and for IPv6 its /64, since one client usually holds a whole /64.
func ClientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return ip.String()
}

// SafeNext returns next if it is a local path, else "/": a login link must
// not send people to another site.
func SafeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
