// Command gen converts an O*NET text release into the compact file that
// package onet embeds:
//
//	go run ./internal/onet/gen -src DIR -out internal/onet/data/onet.bin
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ladderhq/ladder/internal/onet"
)

func main() {
	src := flag.String("src", "", "folder with the O*NET text release files")
	out := flag.String("out", "", "file to write")
	release := flag.String("release", "", "O*NET release number, when Read Me.txt does not give it")
	flag.Parse()
	if err := run(*src, *out, *release); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out, release string) error {
	if src == "" || out == "" {
		return fmt.Errorf("both -src and -out are required")
	}
	d, err := onet.ParseDir(src)
	if err != nil {
		return err
	}
	if release != "" {
		d.Release = release
	}
	if d.Release == "" {
		return fmt.Errorf("%s: no release number in Read Me.txt; pass -release", src)
	}
	if err := d.WriteFile(out); err != nil {
		return err
	}
	fi, err := os.Stat(out)
	if err != nil {
		return err
	}
	fmt.Printf("O*NET %s: %d occupations, %d elements, %d bytes -> %s\n", d.Release, len(d.Occupations), len(d.Elements), fi.Size(), out)
	return nil
}
