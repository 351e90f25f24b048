package onet

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/ladderhq/ladder"
)

//go:generate go run ./gen -src ../../../shared/data/onet -out data/onet.bin

// embedded is O*NET 29.3 in Ladder's format, made by the go:generate line
// above from the text release in ../shared/data/onet. It is committed so
// that the repository builds without that folder.
//
//go:embed data/onet.bin
var embedded []byte

// FileName is the name of an imported dataset in Ladder's data folder.
const FileName = "onet.bin"

var embeddedOnce = sync.OnceValues(func() (*Dataset, error) { return Decode(embedded) })

// Embedded returns the dataset built into the program, decoded on first use.
// Every caller gets the same *Dataset; treat it as read-only.
func Embedded() (*Dataset, error) { return embeddedOnce() }

// Load returns the dataset `ladder onet import` wrote to dataDir, or the
// embedded one when there is none.
func Load(dataDir string) (*Dataset, error) {
	if dataDir == "" {
		return Embedded()
	}
	path := filepath.Join(dataDir, FileName)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Embedded()
	}
	if err != nil {
		return nil, fmt.Errorf("onet: %w", err)
	}
	d, err := Decode(b)
	if err != nil {
		return nil, ladder.Errorf(ladder.EINVALID, "%s: %v; run `ladder onet import` again or delete the file to use the built-in O*NET data", path, err)
	}
	return d, nil
}
