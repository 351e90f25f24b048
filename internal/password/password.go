// Package password hashes passwords with argon2id and stores them in the PHC
// string format:
//
//	$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
//
// The parameters travel with each hash, so Default can be raised later
// without invalidating stored passwords; NeedsRehash tells when to upgrade
// one after a successful sign-in.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// Default is OWASP's minimum for argon2id: 19 MiB, two passes, one thread.
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// Bounds on what Verify accepts, so that a corrupted or hostile hash cannot
// make one check allocate gigabytes or run for minutes.
const (
	maxMemory = 1 << 20 // KiB: 1 GiB
	maxTime   = 64
	minKeyLen = 16
	maxKeyLen = 128
	minSalt   = 8
	maxSalt   = 64
)

// ErrMalformed is returned by Verify for a string that is not an argon2id
// hash this package can check.
var ErrMalformed = errors.New("password: malformed argon2id hash")

// b64 is the PHC encoding: standard base64 without padding.
var b64 = base64.RawStdEncoding

// Hash hashes password with Default and a fresh random salt.
func Hash(password string) (string, error) { return HashWith(Default, password) }

// HashWith hashes password with p and a fresh random salt.
func HashWith(p Params, password string) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches encoded, comparing in constant
// time. It returns ErrMalformed for a string it cannot read.
func Verify(encoded, password string) (bool, error) {
	p, salt, key, err := decode(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether encoded was made with parameters other than
// Default (or cannot be read), so the password should be hashed again the
// next time it is known.
func NeedsRehash(encoded string) bool {
	p, _, _, err := decode(encoded)
	return err != nil || p != Default
}

// decode parses a PHC argon2id string into its parameters, salt and key.
func decode(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformed
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, ErrMalformed
	}
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil || n != 3 ||
		fmt.Sprintf("m=%d,t=%d,p=%d", p.Memory, p.Time, threads) != parts[3] {
		return p, nil, nil, ErrMalformed
	}
	if p.Memory > maxMemory || p.Time < 1 || p.Time > maxTime || threads < 1 || threads > 255 || p.Memory < 8*threads {
		return p, nil, nil, ErrMalformed
	}
	p.Threads = uint8(threads)
	if salt, err = b64.Strict().DecodeString(parts[4]); err != nil || len(salt) < minSalt || len(salt) > maxSalt {
		return p, nil, nil, ErrMalformed
	}
	if key, err = b64.Strict().DecodeString(parts[5]); err != nil || len(key) < minKeyLen || len(key) > maxKeyLen {
		return p, nil, nil, ErrMalformed
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}
