package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The terminal forms are tested in a real terminal: tmux runs the built
// binary, the test types keys and reads the screen.

func buildLadder(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ladder")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

type tmux struct {
	t       *testing.T
	session string
}

func requireTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is needed for the terminal form tests")
		}
		t.Skip("SKIPPING (not under CI): tmux is not installed")
	}
}

// start runs command in a fresh 120x40 tmux session.
func startTmux(t *testing.T, name, command string) *tmux {
	t.Helper()
	s := &tmux{t: t, session: "ladder-" + name + "-" + strings.ReplaceAll(time.Now().Format("150405.000"), ".", "")}
	cmd := exec.Command("tmux", "new-session", "-d", "-x", "120", "-y", "40", "-s", s.session, command+"; echo EXIT=$?; sleep 60")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", s.session).Run() })
	return s
}

func (s *tmux) screen() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.session).Output()
	return string(out)
}

// waitFor polls the screen until it shows text.
func (s *tmux) waitFor(text string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), text) {
			// Each question is its own form: let it take the terminal before
			// keys arrive, or an arrow key is split up in the hand-over.
			time.Sleep(250 * time.Millisecond)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q; it shows:\n%s", text, s.screen())
}

func (s *tmux) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if out, err := exec.Command("tmux", "send-keys", "-t", s.session, k).CombinedOutput(); err != nil {
			s.t.Fatalf("send-keys %q: %v %s", k, err, out)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// answer waits for a question, sends keys and waits for what comes next. A
// new form may drop keys that arrive while it starts, so the keys are sent
// again (at most three times) while the same question is still on screen.
func (s *tmux) answer(question, next string, keys ...string) {
	s.t.Helper()
	s.waitFor(question)
	// The form queries the terminal as it starts and swallows keys typed
	// meanwhile; give it time before typing.
	time.Sleep(500 * time.Millisecond)
	for try := 0; try < 3; try++ {
		s.keys(keys...)
		deadline := time.Now().Add(3 * time.Second)
		for time.Now().Before(deadline) {
			if strings.Contains(s.screen(), next) {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		if !strings.Contains(s.screen(), question) {
			break
		}
	}
	s.waitFor(next)
}

func (s *tmux) typeText(text string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", "send-keys", "-t", s.session, "-l", text).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys: %v %s", err, out)
	}
	time.Sleep(80 * time.Millisecond)
}

func TestTerminalForms(t *testing.T) {
	requireTmux(t)
	bin := buildLadder(t)
	dir := t.TempDir()
	env := "LADDER_DATA_DIR=" + dir + " "

	// ladder init: name, email, then the start and target role selects.
	s := startTmux(t, "init", env+bin+" init")
	s.waitFor("Your name")
	s.typeText("Sam Okafor")
	s.keys("Enter")
	s.typeText("sam@example.com")
	s.keys("Enter")
	s.waitFor("Where do you start?")
	s.keys("Down")
	s.waitFor("> System administrator")
	s.keys("Enter")
	s.waitFor("Which management role")
	s.keys("Enter") // the first target role
	s.waitFor("EXIT=0")
	if !strings.Contains(s.screen(), "Created the profile of Sam Okafor") {
		t.Fatalf("init screen:\n%s", s.screen())
	}

	// ladder assess: rate one competency 5, stop, come back, finish.
	s = startTmux(t, "assess1", env+bin+" assess --area communication")
	s.waitFor("Level descriptors")              // fails loudly if the descriptors are not in view
	s.answer("[1/6]", "[2/6]", "Up", "Enter")   // from "Not sure" up to level 5
	s.answer("[2/6]", "EXIT=", "Down", "Enter") // "Stop here"
	s.waitFor("EXIT=0")
	if !strings.Contains(s.screen(), "Saved. 1 of") {
		t.Fatalf("assess screen:\n%s", s.screen())
	}

	s = startTmux(t, "assess2", env+bin+" assess --area communication")
	s.waitFor("Carrying on with the assessment")
	// Each key waits for its question: a key typed before the form takes the
	// terminal arrives as ctrl+j, which moves the cursor instead.
	for q := 2; q <= 6; q++ {
		next := fmt.Sprintf("[%d/6]", q+1)
		if q == 6 {
			next = "EXIT="
		}
		s.answer(fmt.Sprintf("[%d/6]", q), next, "Enter") // "Not sure" for the rest
	}
	s.waitFor("EXIT=0")
	if !strings.Contains(s.screen(), "complete") {
		t.Fatalf("assess screen:\n%s", s.screen())
	}

	out, err := exec.Command("sh", "-c", env+bin+" gaps --json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var gaps []struct {
		Competency, Area, Source string
		Current                  float64
	}
	if err := json.Unmarshal(out, &gaps); err != nil {
		t.Fatal(err)
	}
	rated := 0
	for _, g := range gaps {
		if g.Source == "self" {
			rated++
			if g.Current != 5 || g.Area != "communication" {
				t.Errorf("unexpected rating %+v", g)
			}
		}
	}
	if rated != 1 {
		t.Errorf("%d self-rated competencies, want 1 (the rest were 'not sure')", rated)
	}
}
