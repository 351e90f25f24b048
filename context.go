package ladder

import "context"

type contextKey int

const personKey contextKey = iota

// NewContextWithPerson returns ctx carrying the signed-in person.
func NewContextWithPerson(ctx context.Context, p *Person) context.Context {
	return context.WithValue(ctx, personKey, p)
}

// PersonFromContext returns the signed-in person, or nil.
func PersonFromContext(ctx context.Context) *Person {
	p, _ := ctx.Value(personKey).(*Person)
	return p
}
