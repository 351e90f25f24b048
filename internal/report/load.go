package report

import (
	"context"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// Load reads what the report of p is built from: the snapshot (levels,
// evidence), the plan if any and the certifications. It is the only part
// of the package that touches the store; Build stays pure.
//
// Errors: EINVALID while p has no target role.
func Load(ctx context.Context, j *journey.Journey, p *ladder.Person) (Input, error) {
	s, err := j.Snapshot(ctx, p, "")
	if err != nil {
		return Input{}, err
	}
	in := Input{Snapshot: s, Now: j.DB.Now()}
	in.Plan, err = j.Plans().FindPlan(ctx, p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		in.Plan, err = nil, nil
	}
	if err != nil {
		return Input{}, err
	}
	in.Certs, err = j.CertificationOverview(ctx, p)
	return in, err
}
