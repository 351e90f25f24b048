package cli

import (
	"context"
	"os"
	"strconv"

	"golang.org/x/term"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// settingPerson remembers whose profile the command line works on.
const settingPerson = "cli.person"

// open opens and migrates the database once per command.
func (e *env) open(ctx context.Context) (*journey.Journey, error) {
	if e.journey != nil {
		return e.journey, nil
	}
	db, err := sqldb.Open(ctx, e.dbURL)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	e.closers = append(e.closers, db.Close)
	e.journey = journey.New(db, e.onet)
	return e.journey, nil
}

// person returns the profile the command works on: --person EMAIL, else the
// one `ladder init` or `ladder demo` last chose.
func (e *env) person(ctx context.Context, j *journey.Journey) (*ladder.Person, error) {
	if e.personEmail != "" {
		return j.Persons.FindPersonByEmail(ctx, e.personEmail)
	}
	v, err := j.Settings.Setting(ctx, settingPerson)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "no profile yet: run `ladder init` (or `ladder demo` to explore a sample person)")
	} else if err != nil {
		return nil, err
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	p, err := j.Persons.FindPersonByID(ctx, id)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "the current profile was deleted: run `ladder init`")
	}
	return p, err
}

// me opens the store and returns the current profile: the first lines of
// most commands.
func (e *env) me(ctx context.Context) (*journey.Journey, *ladder.Person, error) {
	j, err := e.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	p, err := e.person(ctx, j)
	return j, p, err
}

// usePerson makes p the command line's current profile.
func (e *env) usePerson(ctx context.Context, j *journey.Journey, p *ladder.Person) error {
	return j.Settings.SetSetting(ctx, settingPerson, strconv.FormatInt(p.ID, 10))
}

// close releases what the command opened.
func (e *env) close() {
	for i := len(e.closers) - 1; i >= 0; i-- {
		e.closers[i]()
	}
	e.closers = nil
}

// interactive reports whether a person is at a terminal to fill in forms.
func (e *env) interactive() bool {
	f, ok := e.stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
