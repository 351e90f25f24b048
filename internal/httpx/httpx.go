// Package httpx holds what the HTML and JSON handlers share: the one table
// from error codes to HTTP statuses, JSON and problem+json writers, and the
// middleware every response goes through.
package httpx

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/ladderhq/ladder"
)

// statuses maps domain error codes to HTTP statuses; anything else is 500.
var statuses = map[string]int{
	ladder.EINVALID:      http.StatusBadRequest,
	ladder.ENOTFOUND:     http.StatusNotFound,
	ladder.ECONFLICT:     http.StatusConflict,
	ladder.EUNAUTHORIZED: http.StatusUnauthorized,
	ladder.EFORBIDDEN:    http.StatusForbidden,
	ladder.ETOOMANY:      http.StatusTooManyRequests,
}

// Status returns the HTTP status for err.
func Status(err error) int {
	if s, ok := statuses[ladder.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Handler is an HTTP handler that returns its error for one adapter to turn
// into a page or JSON.
type Handler func(w http.ResponseWriter, r *http.Request) error

// LogError logs an internal error in full; codes below 500 are the user's
// mistakes and not worth a log line.
func LogError(log *slog.Logger, r *http.Request, err error) {
	if Status(err) >= 500 {
		log.Error("request failed", "method", r.Method, "path", LogPath(r), "err", err)
	}
}

// WriteJSON writes v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"title":"Internal error"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// Problem is an RFC 9457 problem detail.
type Problem struct {
	Type   string            `json:"type"`
	Title  string            `json:"title"`
	Status int               `json:"status"`
	Detail string            `json:"detail,omitempty"`
	Code   string            `json:"code"`
	Errors map[string]string `json:"errors,omitempty"`
}

// NewProblem describes err; internal errors say only "Internal error".
func NewProblem(err error) Problem {
	st := Status(err)
	p := Problem{Type: "about:blank", Title: http.StatusText(st), Status: st, Code: ladder.ErrorCode(err),
		Detail: ladder.ErrorMessage(err)}
	if e, ok := err.(*ladder.Error); ok && len(e.Fields) > 0 {
		p.Errors = e.Fields
	}
	return p
}

// WriteProblem writes err as application/problem+json.
func WriteProblem(w http.ResponseWriter, err error) {
	p := NewProblem(err)
	b, _ := json.Marshal(p)
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	w.Write(append(b, '\n'))
}

// SecurityHeaders sets the headers every response carries. The policy allows
// no inline script or style: htmx is told not to inject its indicator styles.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Recover turns a panic into a logged 500 without internals and logs each
// request at debug level.
func Recover(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "method", r.Method, "path", LogPath(r), "panic", v, "stack", string(debug.Stack()))
				http.Error(rec, "Internal error", http.StatusInternalServerError)
			}
			log.Debug("request", "method", r.Method, "path", LogPath(r), "status", rec.status, "duration", time.Since(start))
		}()
		next.ServeHTTP(rec, r)
	})
}
