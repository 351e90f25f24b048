package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// BenchmarkSharingPages serves the member view (everything shared, the
// look recorded each time), the people one supports and the sharing page,
// on both engines. The member is the demo person (two assessments, eight
// evidence entries, a plan, journal entries); their manager looks:
//
//	go test ./internal/server -run '^$' -bench SharingPages -cpu 1
func BenchmarkSharingPages(b *testing.B) {
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		b.Run(engine, func(b *testing.B) {
			if engine == sqldb.Postgres {
				sqldbtest.RequirePostgres(b)
			}
			db := sqldbtest.Open(b, engine)
			s, j, auth := newServer(b, db)
			ctx := context.Background()
			must := func(err error) {
				b.Helper()
				if err != nil {
					b.Fatal(err)
				}
			}
			alex, err := demo.Load(ctx, j, db.Now())
			must(err)
			mia := &ladder.Person{Name: "Mia Chen", Email: "mia@example.com"}
			must(j.Persons.CreatePerson(ctx, mia))
			must(j.CreateOrganisation(ctx, mia, &ladder.Organisation{Name: "Harbour Logistics IT"}))
			inv, err := j.Invite(ctx, mia, alex.Email, ladder.OrgRoleMember, "http://ladder.test")
			must(err)
			_, err = j.AcceptInvitation(ctx, inv.Link[strings.LastIndex(inv.Link, "/")+1:], alex)
			must(err)
			_, err = j.UpdateOrgMember(ctx, mia, alex.ID, ladder.OrgMemberUpdate{ManagerID: &mia.ID})
			must(err)
			_, err = j.SetSharing(ctx, alex, map[string]ladder.ShareSet{ladder.AudienceManager: ladder.ShareParts})
			must(err)
			cookie := func(p *ladder.Person) *http.Cookie {
				tok, _, err := auth.CreateSession(ctx, p.ID)
				must(err)
				return &http.Cookie{Name: httpx.SessionCookie, Value: tok}
			}
			asMia, asAlex := cookie(mia), cookie(alex)
			for _, page := range []struct {
				path string
				as   *http.Cookie
			}{
				{fmt.Sprintf("/org/people/%d", alex.ID), asMia},
				{fmt.Sprintf("/api/v1/org/people/%d", alex.ID), asMia},
				{"/org/people", asMia},
				{"/settings/sharing", asAlex},
			} {
				b.Run(page.path, func(b *testing.B) {
					req := httptest.NewRequest("GET", page.path, nil)
					req.AddCookie(page.as)
					b.ReportAllocs()
					for b.Loop() {
						rec := httptest.NewRecorder()
						s.ServeHTTP(rec, req)
						if rec.Code != http.StatusOK {
							b.Fatalf("GET %s = %d:\n%s", page.path, rec.Code, rec.Body)
						}
					}
				})
			}
		})
	}
}
