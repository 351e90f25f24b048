package cli

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
)

// resolveConfig fills the data folder and database from flags and the
// environment: flags win over LADDER_DB and LADDER_DATA_DIR, which win over
// the XDG default.
func (e *env) resolveConfig(cmd *cobra.Command) error {
	e.dataDir = os.Getenv("LADDER_DATA_DIR")
	if e.dataDir == "" {
		base := os.Getenv("XDG_DATA_HOME")
		if base == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return ladder.Errorf(ladder.EINVALID, "cannot find a data folder: set LADDER_DATA_DIR (%v)", err)
			}
			base = filepath.Join(home, ".local", "share")
		}
		e.dataDir = filepath.Join(base, "ladder")
	}
	if e.dbURL == "" {
		e.dbURL = os.Getenv("LADDER_DB")
	}
	if e.dbURL == "" {
		e.dbURL = filepath.Join(e.dataDir, "ladder.db")
	}
	return nil
}
