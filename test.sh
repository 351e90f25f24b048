#!/usr/bin/env bash
# The whole test suite: vet, then every test on SQLite and PostgreSQL.
# Needs PostgreSQL on 127.0.0.1:5432 (LADDER_TEST_POSTGRES overrides);
# without it the PostgreSQL halves skip loudly, and fail under CI=true.
set -euo pipefail
cd "$(dirname "$0")"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
    echo "gofmt needed:" $unformatted >&2
    exit 1
fi
go vet ./...
# staticcheck, pinned (the module proxy here serves this version).
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
go test -count=1 ./... "$@"
