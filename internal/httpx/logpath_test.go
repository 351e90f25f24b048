package httpx

import (
	"net/http/httptest"
	"testing"
)

func TestLogPath(t *testing.T) {
	for in, want := range map[string]string{
		"/feedback/r/s3cret":        "/feedback/r/[secret]",
		"/invite/s3cret?x=1":        "/invite/[secret]",
		"/feedback/rounds/4":        "/feedback/rounds/4",
		"/feedback/r/":              "/feedback/r/",
		"/plan":                     "/plan",
		"/sso/callback?code=s3cret": "/sso/callback",
	} {
		if got := LogPath(httptest.NewRequest("GET", in, nil)); got != want {
			t.Errorf("LogPath(%s) = %s, want %s", in, got, want)
		}
	}
}
