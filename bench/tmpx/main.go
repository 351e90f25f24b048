package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/ladderhq/ladder/bench/orgseed"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
)

func main() {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, os.Args[1])
	if err != nil {
		panic(err)
	}
	res, _ := orgseed.Load(ctx, db)
	for i := 0; i < 3; i++ {
		j := journey.New(db, onet.Embedded)
		admin, _ := j.Persons.FindPersonByID(ctx, res.AdminID)
		t := time.Now()
		ms, _ := j.Pipelines.FindPipelineMembers(ctx, 1, res.ProgrammeID, 0)
		fmt.Println("members", len(ms), time.Since(t))
		var ids []int64
		for _, m := range ms {
			ids = append(ids, m.Person.ID)
		}
		t = time.Now()
		sh, _ := j.Shares.FindSharedWith(ctx, 1, "programme_admins")
		fmt.Println("shared", len(sh), time.Since(t))
		t = time.Now()
		in, err := j.Pipelines.FindReadinessInputs(ctx, ids)
		fmt.Println("inputs", len(in), err, time.Since(t))
		t = time.Now()
		pp, _ := j.Pipelines.FindPlanProgress(ctx, ids, time.Now())
		fmt.Println("plans", len(pp), time.Since(t))
		t = time.Now()
		v, err := j.ProgrammePipeline(ctx, admin, res.ProgrammeID, 0)
		fmt.Println("pipeline cold", len(v.Rows), err, time.Since(t))
		t = time.Now()
		v, err = j.ProgrammePipeline(ctx, admin, res.ProgrammeID, 0)
		fmt.Println("pipeline warm", len(v.Rows), err, time.Since(t))
	}
}
