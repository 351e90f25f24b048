package mail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		in      string
		want    mail.Config
		wantErr string
	}{
		{in: "smtp://u:p@mail.example.com?from=ladder@example.com",
			want: mail.Config{Host: "mail.example.com", Port: 587, Username: "u", Password: "p", From: "<ladder@example.com>", TLS: "starttls"}},
		{in: "smtps://mail.example.com?from=Ladder%20%3Cl@example.com%3E",
			want: mail.Config{Host: "mail.example.com", Port: 465, From: `"Ladder" <l@example.com>`, TLS: "tls"}},
		{in: "smtp://127.0.0.1:1025?from=l@example.com&tls=none",
			want: mail.Config{Host: "127.0.0.1", Port: 1025, From: "<l@example.com>", TLS: "none"}},
		{in: "smtps://h?from=l@example.com&tls=none", // smtps is always TLS
			want: mail.Config{Host: "h", Port: 465, From: "<l@example.com>", TLS: "tls"}},
		{in: "http://h?from=l@example.com", wantErr: "scheme"},
		{in: "smtp://?from=l@example.com", wantErr: "no host"},
		{in: "smtp://h:99999?from=l@example.com", wantErr: "port"},
		{in: "smtp://h", wantErr: "from"},
		{in: "smtp://h?from=l@example.com&tls=maybe", wantErr: "tls must be"},
		{in: "smtp://u:secret@h:x?from=l@example.com", wantErr: "URL"},
	}
	for _, tc := range tests {
		got, err := mail.ParseURL(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), "secret") {
				t.Errorf("%s: error %v, want one about %q without the password", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestSendThroughRealSMTP(t *testing.T) {
	sink := mailtest.Start(t)
	cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
	if err != nil {
		t.Fatal(err)
	}
	s := mail.NewSMTP(cfg)
	link := "http://127.0.0.1:8080/feedback/abc?x=1&y=2"
	err = s.Send(context.Background(), mail.Message{To: "zoë@example.com", Subject: "Feedback for Zoë Müller",
		Text: "Please answer: " + link + "\n", HTML: `<p>Please <a href="` + link + `">answer</a>.</p>`})
	if err != nil {
		t.Fatal(err)
	}
	got := sink.Wait(t, 1)[0]
	if got.Subject != "Feedback for Zoë Müller" || got.From != "ladder@example.com" || len(got.To) != 1 || got.To[0] != "zoë@example.com" {
		t.Errorf("received %+v", got)
	}
	if !strings.Contains(got.Text(), link) || !strings.Contains(got.HTML(), `href="`+link+`"`) {
		t.Errorf("text %q html %q", got.Text(), got.HTML())
	}
	if err := s.Send(context.Background(), mail.Message{To: "not an address", Subject: "x", Text: "x"}); err == nil {
		t.Error("sent to a bad address")
	}
}

func TestSendFailsClearly(t *testing.T) {
	cfg, _ := mail.ParseURL("smtp://127.0.0.1:1?from=ladder@example.com&tls=none")
	err := mail.NewSMTP(cfg).Send(context.Background(), mail.Message{To: "a@example.com", Subject: "s", Text: "secret link"})
	if err == nil || strings.Contains(err.Error(), "secret link") || !strings.Contains(err.Error(), "a@example.com") {
		t.Errorf("error %v", err)
	}
}
