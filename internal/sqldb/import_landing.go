package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
)

// evidenceIDs returns the ids es carry before an import replaces them:
// bullets and practice answers refer to entries by these.
func evidenceIDs(es []*ladder.Evidence) []int64 {
	out := make([]int64, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

// importLanding writes opportunities with their history, the supervisor
// talk, resume bullets and practice answers, turning the evidence ids they
// name (old, in the order of d.Evidence) into the entries' new ones.
func importLanding(ctx context.Context, tx *Tx, personID int64, d *ladder.PersonData, old []int64) error {
	newID := map[int64]int64{}
	for i, e := range d.Evidence {
		if old[i] != 0 {
			newID[old[i]] = e.ID
		}
	}
	for _, o := range d.Opportunities {
		o.PersonID = personID
		stampTimes(&o.CreatedAt, &o.UpdatedAt, tx.now)
		history := o.History
		o.History = nil
		if err := insertOpportunity(ctx, tx, o); err != nil {
			return err
		}
		for _, c := range history {
			if err := addStage(ctx, tx, o, c); err != nil {
				return err
			}
		}
	}
	if t := d.SupervisorTalk; t != nil {
		t.PersonID = personID
		if _, err := tx.ExecContext(ctx, `INSERT INTO supervisor_talks (person_id, talked_on, note, updated_at) VALUES ($1, $2, $3, $4)`,
			t.PersonID, t.Date, t.Note, tx.now); err != nil {
			return mapErr(err)
		}
	}
	for _, b := range d.Resume {
		b.ID, b.EvidenceID = 0, newID[b.EvidenceID]
	}
	if err := saveBullets(ctx, tx, personID, d.Resume); err != nil {
		return err
	}
	for _, a := range d.Practice {
		a.PersonID = personID
		for i, id := range a.EvidenceIDs {
			a.EvidenceIDs[i] = newID[id]
		}
		if err := insertPractice(ctx, tx, a); err != nil {
			return err
		}
	}
	return nil
}
