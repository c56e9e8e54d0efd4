package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// uitvoer is where a command writes a large document as it is made, instead of whole in memory: standard
// output, or a file written under a temporary name in the same directory and renamed when it is complete,
// so that a failed run leaves no half file (and no file at all where there was none).
type uitvoer struct {
	w           *bufio.Writer
	bestand     *os.File // nil: standard output
	pad         string
	n           int64 // bytes written
	schrijfFout error // the first error of writing itself (not of making the document)
}

// openUitvoer opens the --uitvoer file pad, or standard output when pad is empty.
func openUitvoer(pad string, stdout io.Writer) (*uitvoer, error) {
	if pad == "" {
		return &uitvoer{w: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(pad), "."+filepath.Base(pad)+".*")
	if err != nil {
		return nil, &invoerFout{veld: "--uitvoer", err: fmt.Errorf("kan %s niet schrijven: %w", pad, err)}
	}
	return &uitvoer{w: bufio.NewWriterSize(f, 64<<10), bestand: f, pad: pad}, nil
}

func (u *uitvoer) Write(p []byte) (int, error) {
	n, err := u.w.Write(p)
	u.n += int64(n)
	return n, u.noteer(err)
}

// noteer keeps err as the first error of writing itself (not of making the document) and returns it.
func (u *uitvoer) noteer(err error) error {
	if err != nil && u.schrijfFout == nil {
		u.schrijfFout = err
	}
	return err
}

// sluit finishes the output after the document was made with error err: it flushes, and renames a file
// into place, or removes it when anything failed. A failure to write a file is an error of --uitvoer.
func (u *uitvoer) sluit(err error) error {
	if err == nil {
		err = u.noteer(u.w.Flush())
	}
	if u.bestand == nil {
		return err
	}
	naam := u.bestand.Name()
	if cerr := u.bestand.Close(); err == nil {
		err = u.noteer(cerr)
	}
	if err == nil {
		err = u.noteer(os.Chmod(naam, 0o644))
	}
	if err == nil {
		err = u.noteer(os.Rename(naam, u.pad))
	}
	if err == nil {
		return nil
	}
	os.Remove(naam)
	if u.schrijfFout != nil {
		return &invoerFout{veld: "--uitvoer", err: fmt.Errorf("kan %s niet schrijven: %w", u.pad, u.schrijfFout)}
	}
	return err
}
