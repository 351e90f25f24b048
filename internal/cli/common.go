package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// meAndID reads the ID argument with parse (parseID, or one that names the
// list command to look the id up in), then opens the store and finds the
// person: a mistyped id is a usage error before anything is opened.
func (e *env) meAndID(ctx context.Context, arg string, parse func(string) (int64, error)) (*journey.Journey, *ladder.Person, int64, error) {
	id, err := parse(arg)
	if err != nil {
		return nil, nil, 0, err
	}
	j, p, err := e.me(ctx)
	return j, p, id, err
}

// findJSON returns the person's records found by find, each converted to
// its wire type by wire; none is [], not null, in JSON.
func findJSON[T, W any](ctx context.Context, p *ladder.Person, find func(ctx context.Context, personID int64) ([]T, error), wire func(T) W) ([]W, error) {
	ts, err := find(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	return wireAll(ts, wire), nil
}

// wireAll converts each record to its wire type; none is [], not null, in
// JSON.
func wireAll[T, W any](ts []T, wire func(T) W) []W {
	out := make([]W, 0, len(ts))
	for _, t := range ts {
		out = append(out, wire(t))
	}
	return out
}

// newListCmd is a `list` command: the person's records found by find,
// printed as JSON with --json or else by print.
func newListCmd[W any](e *env, short string, find func(context.Context, *journey.Journey, *ladder.Person) ([]W, error),
	print func(*journey.Journey, []W)) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ws, err := find(ctx, j, p)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(ws)
			}
			print(j, ws)
			return nil
		},
	}
}

// changeOwn finds the person's record id with find, lets change alter it
// and saves it with update: the work of a `set ID` command.
func changeOwn[T any](ctx context.Context, personID, id int64, find func(ctx context.Context, personID, id int64) (*T, error),
	change func(*T) error, update func(context.Context, *T) error) (*T, error) {
	t, err := find(ctx, personID, id)
	if err != nil {
		return nil, err
	}
	if err := change(t); err != nil {
		return nil, err
	}
	return t, update(ctx, t)
}

// printResult prints v, a wire type, as JSON with --json, else a line of
// text made of format and args.
func (e *env) printResult(v any, format string, args ...any) error {
	if e.json {
		return e.printJSON(v)
	}
	fmt.Fprintf(e.stdout, format, args...)
	return nil
}

// newDeleteCmd is a `delete ID` command: del deletes the person's record
// with the id read by parse, and done, given the id, says so.
func newDeleteCmd(e *env, short string, parse func(string) (int64, error),
	del func(*journey.Journey) func(ctx context.Context, personID, id int64) error, done string) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parse)
			if err != nil {
				return err
			}
			if err := del(j)(ctx, p.ID, id); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, done, id)
			return nil
		},
	}
}
