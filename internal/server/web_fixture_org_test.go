package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
)

// orgFixture makes alice the owner of Northwind, whose members are erin (a
// programme admin who mentors dave), dave (a member managed by erin) and
// frank (imported, no account, managed by alice); Northwind has a programme
// with a cohort holding dave, and a pending invitation. zed owns another
// organisation, Contoso, with yuri, a programme, a cohort and an
// invitation. dave, erin and zed can sign in; carol stays in none. The ids
// go into f.extra as {orgDave}, {orgProg}, {zedCohort} and so on, and the
// Northwind invitation's token as {orgInviteToken}.
func (f *webFixture) orgFixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	n := fixtureSeq.Add(1)
	if f.extra == nil {
		f.extra = map[string]string{}
	}
	set := func(k string, v any) { f.extra["{"+k+"}"] = fmt.Sprint(v) }
	email := func(name string) string { return fmt.Sprintf("%s.%d@example.com", name, n) }
	signIn := func(name string, id int64) {
		tok, _, err := f.auth.CreateSession(ctx, id)
		orgFixtureMust(t, err)
		f.cookies[name] = &http.Cookie{Name: httpx.SessionCookie, Value: tok}
	}
	day := ladder.Day(time.Now())
	build := func(owner *ladder.Person, org string, people []string, managers map[string]string) map[string]int64 {
		o := &ladder.Organisation{Name: org, Slug: fmt.Sprintf("%s-%d", strings.ToLower(org), n)}
		orgFixtureMust(t, f.j.CreateOrganisation(ctx, owner, o))
		csv := "name,email,title,manager_email\n"
		for _, p := range people {
			mgr := ""
			if m := managers[p]; m != "" {
				mgr = email(m)
				if m == "owner" {
					mgr = owner.Email
				}
			}
			csv += fmt.Sprintf("%s,%s,%s's title,%s\n", strings.ToUpper(p[:1])+p[1:], email(p), p, mgr)
		}
		_, err := f.j.ImportOrgPeople(ctx, owner, []byte(csv))
		orgFixtureMust(t, err)
		ids := map[string]int64{}
		for _, p := range people {
			pp, err := f.j.Persons.FindPersonByEmail(ctx, email(p))
			orgFixtureMust(t, err)
			ids[p] = pp.ID
		}
		prog := &ladder.OrgProgramme{Name: org + " future managers", TargetRole: "it-manager", Start: day, End: day.AddDate(1, 0, 0)}
		orgFixtureMust(t, f.j.SaveProgramme(ctx, owner, prog))
		c := &ladder.OrgCohort{ProgrammeID: prog.ID, Name: org + " spring", Start: day, End: day.AddDate(0, 3, 0), MemberIDs: []int64{ids[people[0]]}}
		orgFixtureMust(t, f.j.CreateCohort(ctx, owner, c))
		inv, err := f.j.Invite(ctx, owner, email(org+"-invitee"), ladder.OrgRoleMember, "http://example.com")
		orgFixtureMust(t, err)
		ids["prog"], ids["cohort"], ids["invite"] = prog.ID, c.ID, inv.Invitation.ID
		ids["token"] = 0
		f.extra["{"+strings.ToLower(org)+"Token}"] = inv.Link[strings.LastIndex(inv.Link, "/")+1:]
		return ids
	}
	north := build(f.alice, "Northwind", []string{"dave", "erin", "frank"}, map[string]string{"dave": "erin", "frank": "owner"})
	admin := ladder.OrgRoleAdmin
	_, err := f.j.UpdateOrgMember(ctx, f.alice, north["erin"], ladder.OrgMemberUpdate{Role: &admin})
	orgFixtureMust(t, err)
	orgFixtureMust(t, f.j.SetOrgMentor(ctx, f.alice, north["erin"], north["dave"], false))
	signIn("dave", north["dave"])
	signIn("erin", north["erin"])
	zed := &ladder.Person{Name: "Zed", Email: email("zed"), StartRole: "system-administrator", TargetRole: "it-manager"}
	orgFixtureMust(t, f.j.Persons.CreatePerson(ctx, zed))
	signIn("zed", zed.ID)
	contoso := build(zed, "Contoso", []string{"yuri"}, nil)
	for k, v := range map[string]int64{"orgAlice": f.alice.ID, "orgDave": north["dave"], "orgErin": north["erin"], "orgFrank": north["frank"],
		"orgProg": north["prog"], "orgCohort": north["cohort"], "orgInvite": north["invite"],
		"zedID": zed.ID, "zedMember": contoso["yuri"], "zedProg": contoso["prog"], "zedCohort": contoso["cohort"], "zedInvite": contoso["invite"]} {
		set(k, v)
	}
	f.extra["{orgN}"] = fmt.Sprint(n)
	f.extra["{orgDaveEmail}"] = email("dave")
}

func orgFixtureMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
