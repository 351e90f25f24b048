package journal

import (
	"testing"

	"github.com/ladderhq/ladder"
)

func TestContent(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, area := range ladder.ChallengeAreas {
		if _, ok := c.Challenge(area); !ok {
			t.Errorf("no strategies for %s", area)
		}
	}
	if c.PromptFor(1) == c.PromptFor(2) {
		t.Error("consecutive weeks ask the same question")
	}
	if c.PromptFor(-3) == "" {
		t.Error("negative week")
	}
}
