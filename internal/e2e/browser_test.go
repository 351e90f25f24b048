// Package e2e drives the real web app in a real headless Chromium: the
// server starts on a free port over a real SQLite file, the browser clicks
// through the journey, every console error fails the test, and a screenshot
// of each main page lands in test-artifacts/ for people to look at.
package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/server"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// chromiumPath finds Debian's Chromium; missing, it fails under CI and skips
// loudly elsewhere.
func chromiumPath(t *testing.T) string {
	for _, p := range []string{os.Getenv("LADDER_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is not installed (apt-get install chromium); browser tests cannot run")
	}
	t.Skip("SKIPPING (not under CI): Chromium is not installed")
	return ""
}

// app is a running server for one test.
type app struct {
	URL string
	J   *journey.Journey
}

// startApp runs the real server on 127.0.0.1:0 over a fresh store.
func startApp(t *testing.T, engine string, demo bool) *app {
	t.Helper()
	db := sqldbtest.Open(t, engine)
	j := journey.New(db, onet.Embedded)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := server.New(j, sqldb.NewAuthService(db), logger, demo)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addr <- a }) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case a := <-addr:
		return &app{URL: "http://" + a.String(), J: j}
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	return nil
}

// browser is a headless Chromium tab that records console errors.
type browser struct {
	t      *testing.T
	ctx    context.Context
	mu     sync.Mutex
	errors []string
	// allowed holds messages expected by the current step, such as the
	// browser's note that a form answered 422 to bad input.
	allowed []string
	shots   string
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{t: t, ctx: ctx, shots: artifactsDir(t)}
	// Start the browser, then subscribe to its console before any page loads.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// Errors, failed assertions, uncaught exceptions, and browser log
			// errors such as CSP violations and failed loads.
			if m.Type == "error" || m.Type == "assert" || m.IsException() {
				b.record(m.String() + " " + m.URL)
			}
		}
	}()
	return b
}

func (b *browser) record(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, a := range b.allowed {
		if strings.Contains(msg, a) {
			return
		}
	}
	b.errors = append(b.errors, msg)
}

// expect performs steps during which console messages containing allow are
// expected, not errors.
func (b *browser) expect(allow, what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.mu.Lock()
	b.allowed = append(b.allowed, allow)
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		b.allowed = b.allowed[:len(b.allowed)-1]
		b.mu.Unlock()
	}()
	b.do(what, steps...)
}

// checkConsole fails the test on any console error seen so far.
func (b *browser) checkConsole(what string) {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errors) > 0 {
		b.t.Fatalf("%s: browser console errors:\n%s", what, strings.Join(b.errors, "\n"))
	}
}

// do performs steps and fails the test on an error or a console error.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	b.checkConsole(what)
}

// shot saves a full-page screenshot as test-artifacts/NAME.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.checkConsole("screenshot " + name)
}

// text returns the visible text of the page body.
func (b *browser) text() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

func (b *browser) mustSee(want ...string) {
	b.t.Helper()
	body := b.text()
	for _, w := range want {
		if !strings.Contains(body, w) {
			b.t.Fatalf("page lacks %q:\n%s", w, body)
		}
	}
}

// waitJS polls a JavaScript expression until it is true.
func (b *browser) waitJS(expr string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		b.t.Fatalf("waiting for %s: %v", expr, err)
	}
	b.checkConsole(expr)
}

// css selects by CSS selector.
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// artifactsDir is test-artifacts/ at the repository root, which CI keeps.
func artifactsDir(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "test-artifacts"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
