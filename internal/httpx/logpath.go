package httpx

import (
	"net/http"
	"strings"
)

// secretPathPrefixes start paths whose last part is a secret: a rater's
// feedback link and an invitation work for whoever holds them, so they must
// not reach logs.
var secretPathPrefixes = []string{"/feedback/r/", "/invite/"}

// LogPath returns the request's path as logs may show it: with the secret
// of a link replaced.
func LogPath(r *http.Request) string {
	p := r.URL.Path
	for _, prefix := range secretPathPrefixes {
		if strings.HasPrefix(p, prefix) && len(p) > len(prefix) {
			return prefix + "[secret]"
		}
	}
	return p
}
