package password

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// reference is the argon2id example of the reference implementation
// (phc-winner-argon2, src/test.c): password "password", salt "somesalt".
const reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"

func TestHash(t *testing.T) {
	h, err := Hash("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`).MatchString(h) {
		t.Fatalf("not a PHC string with OWASP's parameters: %s", h)
	}
	h2, _ := Hash("correct horse battery staple")
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, tc := range []struct {
		name     string
		password string
		want     bool
	}{
		{"OK", "correct horse battery staple", true},
		{"ErrWrong", "correct horse battery stapl", false},
		{"ErrEmpty", "", false},
		{"ErrCase", "Correct horse battery staple", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := Verify(h, tc.password)
			if err != nil || ok != tc.want {
				t.Fatalf("Verify = %v, %v; want %v", ok, err, tc.want)
			}
		})
	}
	if NeedsRehash(h) {
		t.Error("NeedsRehash of a fresh hash")
	}
}

func TestVerifyReference(t *testing.T) {
	if ok, err := Verify(reference, "password"); !ok || err != nil {
		t.Fatalf("reference vector: %v, %v", ok, err)
	}
	if ok, _ := Verify(reference, "passwore"); ok {
		t.Fatal("reference vector accepts a wrong password")
	}
	if !NeedsRehash(reference) {
		t.Error("NeedsRehash false for parameters other than Default")
	}
}

// The parameters are read from each hash, so raising Default later keeps
// old hashes valid.
func TestParamsReadBack(t *testing.T) {
	p := Params{Memory: 64, Time: 3, Threads: 2, SaltLen: 8, KeyLen: 16}
	h, err := HashWith(p, "s3cret pass")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=3,p=2$") {
		t.Fatal(h)
	}
	if ok, err := Verify(h, "s3cret pass"); !ok || err != nil {
		t.Fatalf("%v %v", ok, err)
	}
	if !NeedsRehash(h) {
		t.Error("NeedsRehash false")
	}
}

func TestVerifyMalformed(t *testing.T) {
	good := strings.Split(reference, "$")
	with := func(i int, v string) string {
		p := append([]string(nil), good...)
		p[i] = v
		return strings.Join(p, "$")
	}
	for name, h := range map[string]string{
		"Empty":         "",
		"Bcrypt":        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
		"Argon2i":       with(1, "argon2i"),
		"Version16":     with(2, "v=16"),
		"MissingParam":  with(3, "m=65536,t=2"),
		"LeadingZero":   with(3, "m=065536,t=2,p=1"),
		"Trailing":      with(3, "m=65536,t=2,p=1,x=1"),
		"ZeroTime":      with(3, "m=65536,t=0,p=1"),
		"ZeroThreads":   with(3, "m=65536,t=2,p=0"),
		"HugeMemory":    with(3, "m=4294967295,t=2,p=1"),
		"HugeTime":      with(3, "m=65536,t=1000000,p=1"),
		"Padding":       with(4, "c29tZXNhbHQ="),
		"ShortSalt":     with(4, "c2FsdA"),
		"ShortKey":      with(5, "CTFhFdXPJO1aFaMa"),
		"NotBase64":     with(5, "!!!"),
		"ExtraSegments": reference + "$x",
	} {
		t.Run(name, func(t *testing.T) {
			ok, err := Verify(h, "password")
			if ok || !errors.Is(err, ErrMalformed) {
				t.Fatalf("Verify(%q) = %v, %v; want ErrMalformed", h, ok, err)
			}
			if !NeedsRehash(h) {
				t.Error("NeedsRehash false for a malformed hash")
			}
		})
	}
}

func BenchmarkHash(b *testing.B) {
	for b.Loop() {
		if _, err := Hash("correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	h, _ := Hash("correct horse battery staple")
	for b.Loop() {
		if ok, _ := Verify(h, "correct horse battery staple"); !ok {
			b.Fatal("no match")
		}
	}
}
