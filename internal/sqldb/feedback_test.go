package sqldb_test

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// feedbackPeople creates two people, the second to be refused.
func feedbackPeople(t *testing.T, db *sqldb.DB) (me, other *ladder.Person) {
	t.Helper()
	ps := sqldb.NewPersonService(db)
	me, other = &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
	for _, p := range []*ladder.Person{me, other} {
		if err := ps.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return me, other
}

var feedbackTestMinimums = ladder.FeedbackMinimums{Manager: 1, Peer: 3, Report: 3, Stakeholder: 3, Others: 4, NameManager: true}

func TestFeedbackRounds(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		fs := sqldb.NewFeedbackService(db, defaultModel)
		me, other := feedbackPeople(t, db)
		closes := time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)
		r := &ladder.FeedbackRound{PersonID: me.ID, Title: "  Spring round ", ClosesOn: closes.Add(15 * time.Hour),
			Competencies: []string{"team-dynamics", "delegation", "delegation"}, Minimums: feedbackTestMinimums}
		if err := fs.CreateFeedbackRound(ctx, r); err != nil {
			t.Fatal(err)
		}
		got, err := fs.FindFeedbackRound(ctx, me.ID, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.FeedbackRound{ID: r.ID, PersonID: me.ID, Title: "Spring round", ClosesOn: closes,
			Competencies: []string{"delegation", "team-dynamics"}, Minimums: feedbackTestMinimums,
			Counts: map[string]ladder.FeedbackCount{}, CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if _, err := fs.FindFeedbackRound(ctx, other.ID, r.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another person's round: %v", err)
		}
		if rs, err := fs.FindFeedbackRounds(ctx, other.ID); err != nil || len(rs) != 0 {
			t.Errorf("another person's list: %v %v", rs, err)
		}
		for name, bad := range map[string]*ladder.FeedbackRound{
			"title":        {PersonID: me.ID, ClosesOn: closes, Competencies: []string{"delegation"}},
			"competencies": {PersonID: me.ID, Title: "x", ClosesOn: closes, Competencies: []string{"juggling"}},
			"closes_on":    {PersonID: me.ID, Title: "x", ClosesOn: t0.AddDate(0, 0, -1), Competencies: []string{"delegation"}},
		} {
			err := fs.CreateFeedbackRound(ctx, bad)
			if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields[name] == "" {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
}

// feedbackRound starts a round for me with three competencies.
func feedbackRound(t *testing.T, fs *sqldb.FeedbackService, personID int64, closes time.Time) *ladder.FeedbackRound {
	t.Helper()
	r := &ladder.FeedbackRound{PersonID: personID, Title: "Round", ClosesOn: closes,
		Competencies: []string{"delegation", "team-dynamics", "negotiation"}, Minimums: feedbackTestMinimums}
	if err := fs.CreateFeedbackRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFeedbackLinks(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		fs := sqldb.NewFeedbackService(db, defaultModel)
		me, other := feedbackPeople(t, db)
		closes := ladder.Day(t0).AddDate(0, 0, 14)
		r := feedbackRound(t, fs, me.ID, closes)
		add := func(cat, email string, expires time.Time) (*ladder.FeedbackRater, string) {
			t.Helper()
			rt := &ladder.FeedbackRater{RoundID: r.ID, PersonID: me.ID, Category: cat, Email: email, ExpiresAt: expires}
			tok, err := fs.CreateFeedbackRater(ctx, rt)
			if err != nil {
				t.Fatal(err)
			}
			return rt, tok
		}
		boss, bossTok := add(ladder.FeedbackManager, " Boss@Example.com ", time.Time{})
		if boss.Email != "boss@example.com" || !boss.ExpiresAt.Equal(closes.Add(24*time.Hour)) {
			t.Errorf("rater %+v: the link should last to the end of the closing day", boss)
		}
		// The secret is stored only as its SHA-256.
		var stored string
		if err := db.SQL().QueryRow(`SELECT token_hash FROM feedback_raters WHERE id = $1`, boss.ID).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(bossTok))
		if stored != hex.EncodeToString(sum[:]) || stored == bossTok || len(bossTok) < 20 {
			t.Errorf("stored %q for token %q", stored, bossTok)
		}
		_, peerTok := add(ladder.FeedbackPeer, "p1@example.com", t0.Add(48*time.Hour))
		_, revokedTok := add(ladder.FeedbackPeer, "p2@example.com", time.Time{})

		// Duplicates, bad input and another person's round.
		if _, err := fs.CreateFeedbackRater(ctx, &ladder.FeedbackRater{RoundID: r.ID, PersonID: me.ID, Category: "peer", Email: "P1@example.com"}); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("duplicate: %v", err)
		}
		for field, bad := range map[string]*ladder.FeedbackRater{
			"category": {RoundID: r.ID, PersonID: me.ID, Category: "friend", Email: "f@example.com"},
			"email":    {RoundID: r.ID, PersonID: me.ID, Category: "peer", Email: "not an address"},
		} {
			if _, err := fs.CreateFeedbackRater(ctx, bad); err == nil || err.(*ladder.Error).Fields[field] == "" {
				t.Errorf("%s: %v", field, err)
			}
		}
		if _, err := fs.CreateFeedbackRater(ctx, &ladder.FeedbackRater{RoundID: r.ID, PersonID: other.ID, Category: "peer", Email: "x@example.com"}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another person's round: %v", err)
		}
		if _, err := fs.FindFeedbackRaters(ctx, other.ID, r.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another person's raters: %v", err)
		}
		if err := fs.RevokeFeedbackRater(ctx, other.ID, boss.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another person revoked: %v", err)
		}

		// The invitation names the person and the category, never the email.
		inv, err := fs.FindFeedbackInvitation(ctx, bossTok)
		if err != nil || inv.PersonName != "Me" || inv.Category != ladder.FeedbackManager || inv.State != ladder.FeedbackLinkOpen ||
			inv.Round.ID != r.ID || len(inv.Round.Competencies) != 3 {
			t.Fatalf("invitation %+v %v", inv, err)
		}
		for _, tok := range []string{"", "nope", bossTok + "x"} {
			if _, err := fs.FindFeedbackInvitation(ctx, tok); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("unknown link %q: %v", tok, err)
			}
		}

		// Bad answers are refused by field and use nothing up.
		err = fs.SubmitFeedback(ctx, bossTok, ladder.FeedbackResponse{Levels: map[string]int{"delegation": 9, "budgeting": 3},
			Comments: map[string]string{"": string(make([]byte, ladder.FeedbackCommentMax+1))}})
		if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields["levels.delegation"] == "" ||
			e.Fields["levels.budgeting"] == "" || e.Fields["comments.general"] == "" {
			t.Fatalf("bad answers: %v", err)
		}
		resp := ladder.FeedbackResponse{Levels: map[string]int{"delegation": 4, "team-dynamics": 0, "negotiation": 3},
			Comments: map[string]string{"delegation": "Hands over whole problems.", "": "  "}}
		if err := fs.SubmitFeedback(ctx, bossTok, resp); err != nil {
			t.Fatal(err)
		}
		// Single use.
		if err := fs.SubmitFeedback(ctx, bossTok, resp); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("second submission: %v", err)
		}
		if inv, _ := fs.FindFeedbackInvitation(ctx, bossTok); inv.State != ladder.FeedbackLinkUsed {
			t.Errorf("state after answering %q", inv.State)
		}
		// Revoked.
		raters, err := fs.FindFeedbackRaters(ctx, me.ID, r.ID)
		if err != nil || len(raters) != 3 {
			t.Fatalf("raters %v %v", raters, err)
		}
		if err := fs.RevokeFeedbackRater(ctx, me.ID, raters[2].ID); err != nil {
			t.Fatal(err)
		}
		if inv, _ := fs.FindFeedbackInvitation(ctx, revokedTok); inv.State != ladder.FeedbackLinkRevoked {
			t.Errorf("state after revoking %q", inv.State)
		}
		if err := fs.SubmitFeedback(ctx, revokedTok, resp); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("revoked link answered: %v", err)
		}
		// The answers carry no rater id and no time: only a key and the category.
		var cols []string
		q := `SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback_answers' AND table_schema = current_schema() ORDER BY 1`
		if db.Engine() == sqldb.SQLite {
			q = `SELECT name FROM pragma_table_info('feedback_answers') ORDER BY 1`
		}
		rows, err := db.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			cols = append(cols, c)
		}
		rows.Close()
		if diff := cmp.Diff([]string{"category", "competency", "level", "rater_key", "round_id"}, cols); diff != "" {
			t.Errorf("answer columns (-want +got):\n%s", diff)
		}
		// Counts while open: invited and sent, per category; no names.
		got, _ := fs.FindFeedbackRound(ctx, me.ID, r.ID)
		wantCounts := map[string]ladder.FeedbackCount{"manager": {Invited: 1, Answered: 1}, "peer": {Invited: 2}}
		if diff := cmp.Diff(wantCounts, got.Counts); diff != "" {
			t.Errorf("counts (-want +got):\n%s", diff)
		}
		// Pending raters and renewed links.
		pending, err := fs.PendingFeedbackRaters(ctx, me.ID, r.ID)
		if err != nil || len(pending) != 1 || pending[0].Email != "p1@example.com" {
			t.Fatalf("pending %+v %v", pending, err)
		}
		newTok, err := fs.RenewFeedbackLink(ctx, me.ID, pending[0].ID)
		if err != nil || newTok == peerTok {
			t.Fatal(err)
		}
		if _, err := fs.FindFeedbackInvitation(ctx, peerTok); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("the replaced link still works: %v", err)
		}
		if _, err := fs.RenewFeedbackLink(ctx, me.ID, boss.ID); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("renewed an answered rater's link: %v", err)
		}
		if _, err := fs.RenewFeedbackLink(ctx, other.ID, pending[0].ID); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("another person renewed a link: %v", err)
		}
		// Expiry: the peer's link lasts two days.
		db.Now = func() time.Time { return t0.Add(49 * time.Hour) }
		if inv, _ := fs.FindFeedbackInvitation(ctx, newTok); inv.State != ladder.FeedbackLinkExpired {
			t.Errorf("state after expiry %q", inv.State)
		}
		if err := fs.SubmitFeedback(ctx, newTok, resp); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("expired link answered: %v", err)
		}
		if p, _ := fs.PendingFeedbackRaters(ctx, me.ID, r.ID); len(p) != 0 {
			t.Errorf("pending after expiry %+v", p)
		}
	})
}

func TestFeedbackClose(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		fs := sqldb.NewFeedbackService(db, defaultModel)
		me, other := feedbackPeople(t, db)
		r := feedbackRound(t, fs, me.ID, ladder.Day(t0).AddDate(0, 0, 7))
		var toks []string
		for _, e := range []string{"a@example.com", "b@example.com"} {
			tok, err := fs.CreateFeedbackRater(ctx, &ladder.FeedbackRater{RoundID: r.ID, PersonID: me.ID, Category: "peer", Email: e})
			if err != nil {
				t.Fatal(err)
			}
			toks = append(toks, tok)
		}
		for i, tok := range toks {
			if err := fs.SubmitFeedback(ctx, tok, ladder.FeedbackResponse{Levels: map[string]int{"delegation": 2 + i},
				Comments: map[string]string{"": "general " + tok[:3]}}); err != nil {
				t.Fatal(err)
			}
		}
		var seen []ladder.FeedbackAnswer
		reduce := func(got *ladder.FeedbackRound, answers []ladder.FeedbackAnswer, comments []ladder.FeedbackComment) (*ladder.FeedbackResults, map[string]int, error) {
			seen = answers
			if got.ID != r.ID || len(comments) != 2 {
				t.Errorf("reduce got round %d, %d comments", got.ID, len(comments))
			}
			return &ladder.FeedbackResults{Cells: []ladder.FeedbackCell{{Competency: "delegation", Group: "others", Raters: 4, Sum: 12}},
				Comments: []ladder.FeedbackCommentGroup{{Competency: "", Group: "peer", Texts: []string{"b", "a"}}},
				Self:     map[string]int{"delegation": 3}}, map[string]int{"peer": 2}, nil
		}
		if err := fs.CloseFeedbackRound(ctx, other.ID, r.ID, reduce); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another person closed the round: %v", err)
		}
		if err := fs.CloseFeedbackRound(ctx, me.ID, r.ID, reduce); err != nil {
			t.Fatal(err)
		}
		if len(seen) != 2 || seen[0].RaterKey == seen[1].RaterKey || seen[0].Category != "peer" {
			t.Errorf("answers read at closing %+v", seen)
		}
		got, err := fs.FindFeedbackRound(ctx, me.ID, r.ID)
		if err != nil || !got.Closed() {
			t.Fatalf("%+v %v", got, err)
		}
		want := &ladder.FeedbackResults{Cells: []ladder.FeedbackCell{{Competency: "delegation", Group: "others", Raters: 4, Sum: 12}},
			Comments: []ladder.FeedbackCommentGroup{{Competency: "", Group: "peer", Texts: []string{"b", "a"}}},
			Self:     map[string]int{"delegation": 3}}
		if diff := cmp.Diff(want, got.Results); diff != "" {
			t.Errorf("results (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(map[string]ladder.FeedbackCount{"peer": {Invited: 2, Answered: 2}}, got.Counts); diff != "" {
			t.Errorf("counts (-want +got):\n%s", diff)
		}
		// The answers are gone once reduced.
		for _, table := range []string{"feedback_answers", "feedback_comments"} {
			var n int
			if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s keeps %d rows (%v)", table, n, err)
			}
		}
		if err := fs.CloseFeedbackRound(ctx, me.ID, r.ID, reduce); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("closed twice: %v", err)
		}
		if _, err := fs.CreateFeedbackRater(ctx, &ladder.FeedbackRater{RoundID: r.ID, PersonID: me.ID, Category: "peer", Email: "c@example.com"}); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("rater added to a closed round: %v", err)
		}
		if _, err := fs.PendingFeedbackRaters(ctx, me.ID, r.ID); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("pending of a closed round: %v", err)
		}
		// A link of a closed round is expired.
		rs, _ := fs.FindFeedbackRounds(ctx, me.ID)
		if len(rs) != 1 || !slices.Equal(rs[0].Competencies, r.Competencies) {
			t.Errorf("list %+v", rs)
		}
	})
}
