// Package mail sends Ladder's messages (feedback requests, reminders,
// invitations) over SMTP. Configuration is one URL:
//
//	smtp://user:password@mail.example.com:587?from=ladder@example.com            STARTTLS, required
//	smtps://user:password@mail.example.com:465?from=ladder@example.com           TLS from the start
//	smtp://127.0.0.1:1025?from=ladder@example.com&tls=none                       a local relay or test sink
//
// Without a URL, Ladder does not send mail and pages show links to copy.
package mail

import (
	"context"
	"fmt"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Message is one mail to one recipient, as plain text with an optional HTML
// alternative.
type Message struct {
	To      string
	Subject string
	Text    string
	HTML    string // optional
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Config is a parsed SMTP URL.
type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
	// TLS is "starttls" (required), "tls" (implicit, smtps) or "none".
	TLS string
}

// ParseURL reads an SMTP URL (see the package comment). Errors name the
// part at fault and never echo the password.
func ParseURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, fmt.Errorf("mail URL: not a URL")
	}
	c := Config{Host: u.Hostname(), TLS: "starttls", Port: 587}
	switch u.Scheme {
	case "smtp":
	case "smtps":
		c.TLS, c.Port = "tls", 465
	default:
		return Config{}, fmt.Errorf("mail URL: the scheme must be smtp or smtps")
	}
	if c.Host == "" {
		return Config{}, fmt.Errorf("mail URL: no host")
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return Config{}, fmt.Errorf("mail URL: the port must be 1-65535")
		}
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	q := u.Query()
	switch t := q.Get("tls"); t {
	case "":
	case "none", "starttls", "tls":
		if t == "tls" || u.Scheme == "smtp" {
			c.TLS = t
		}
	default:
		return Config{}, fmt.Errorf("mail URL: tls must be none, starttls or tls")
	}
	from, err := mail.ParseAddress(q.Get("from"))
	if err != nil {
		return Config{}, fmt.Errorf("mail URL: from must be the sender's address (?from=ladder@example.com)")
	}
	c.From = from.String()
	return c, nil
}

// SMTP sends through an SMTP server.
type SMTP struct {
	cfg Config
}

// NewSMTP returns a Sender for cfg.
func NewSMTP(cfg Config) *SMTP { return &SMTP{cfg: cfg} }

// Send delivers m, giving up after 30 seconds.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if _, err := mail.ParseAddress(m.To); err != nil {
		return fmt.Errorf("mail to %q: not an email address", m.To)
	}
	msg := gomail.NewMsg()
	if err := msg.From(s.cfg.From); err != nil {
		return fmt.Errorf("mail from: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return fmt.Errorf("mail to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTimeout(30 * time.Second)}
	switch s.cfg.TLS {
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case "tls":
		opts = append(opts, gomail.WithSSL())
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain),
			gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	c, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		// The server's answer, never the message: it may hold a link.
		return fmt.Errorf("mail to %s via %s: %s", m.To, s.cfg.Host, firstLine(err.Error()))
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
