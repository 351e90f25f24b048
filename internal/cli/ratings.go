package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
)

// parseLevel reads a level: 1-5, or "not sure" ("not-sure", "?", "0").
func parseLevel(s string) (int, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "?", "0", "not sure", "not-sure", "notsure", "unsure":
		return ladder.NotSure, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < ladder.MinLevel || n > ladder.MaxLevel {
		return 0, fmt.Errorf("level %q must be 1-5 or \"not sure\"", s)
	}
	return n, nil
}

// parseSets reads repeated --set KEY=LEVEL flags.
func parseSets(sets []string) ([]ladder.Rating, error) {
	var out []ladder.Rating
	for _, s := range sets {
		k, v, ok := strings.Cut(s, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, ladder.Errorf(ladder.EINVALID, "--set %q: write KEY=LEVEL, e.g. --set delegation=3", s)
		}
		l, err := parseLevel(v)
		if err != nil {
			return nil, ladder.Errorf(ladder.EINVALID, "--set %s: %v", s, err)
		}
		out = append(out, ladder.Rating{Competency: strings.TrimSpace(k), Level: l})
	}
	return out, nil
}

// fileRating is one entry of the list form of a ratings file.
type fileRating struct {
	Competency string          `json:"competency"`
	Level      json.RawMessage `json:"level"`
	Note       string          `json:"note"`
}

// parseRatingsFile reads a ratings file in one of two shapes:
//
//	{"delegation": 3, "budgeting": "not sure"}
//	{"ratings": [{"competency": "delegation", "level": 3, "note": "..."}]}
func parseRatingsFile(b []byte) ([]ladder.Rating, error) {
	bad := func(format string, args ...any) error {
		return ladder.Errorf(ladder.EINVALID, "ratings file: "+format, args...)
	}
	var probe map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&probe); err != nil {
		return nil, bad("not a JSON object: %v", err)
	}
	if dec.More() {
		return nil, bad("extra data after the JSON object")
	}
	var out []ladder.Rating
	if raw, ok := probe["ratings"]; ok && len(probe) == 1 {
		var list []fileRating
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&list); err != nil {
			return nil, bad("\"ratings\" must be a list of {competency, level, note}: %v", err)
		}
		for i, r := range list {
			l, err := rawLevel(r.Level)
			if err != nil {
				return nil, bad("ratings[%d] (%s): %v", i, r.Competency, err)
			}
			out = append(out, ladder.Rating{Competency: r.Competency, Level: l, Note: r.Note})
		}
		return out, nil
	}
	keys := make([]string, 0, len(probe))
	for k := range probe {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l, err := rawLevel(probe[k])
		if err != nil {
			return nil, bad("%s: %v", k, err)
		}
		out = append(out, ladder.Rating{Competency: k, Level: l})
	}
	return out, nil
}

func rawLevel(raw json.RawMessage) (int, error) {
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return parseLevel(n.String())
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return parseLevel(s)
	}
	return 0, fmt.Errorf("level must be a number 1-5 or \"not sure\", got %s", strings.TrimSpace(string(raw)))
}
