package bon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// ErrGesloten is returned by Schrijf and Close on a Schrijver that was closed.
var ErrGesloten = errors.New("bonnen: schrijver is gesloten")

// Optie configures a Schrijver.
type Optie func(*instellingen)

type instellingen struct {
	batch int           // sync after this many records
	max   time.Duration // and at the latest this long after the first unsynced record; 0: no limit
	fout  error
}

// FsyncElkeBon syncs the file to disk after every record, before Schrijf returns. It is the default.
func FsyncElkeBon() Optie {
	return func(i *instellingen) { i.batch, i.max = 1, 0 }
}

// FsyncPerBatch syncs the file after n records, or when max has passed since the first record that
// is not yet synced (0: no time limit), and always on Close. A crash can lose the records of the last
// unsynced batch; the file stays readable. n must be at least 1 and max not negative.
func FsyncPerBatch(n int, max time.Duration) Optie {
	return func(i *instellingen) {
		if n < 1 || max < 0 {
			i.fout = fmt.Errorf("fsync per batch: n moet minstens 1 zijn en max niet negatief (kreeg %d, %s)", n, max)
			return
		}
		i.batch, i.max = n, max
	}
}

// Schrijver appends receipts to a file. Its methods are safe for concurrent use.
type Schrijver struct {
	mu        sync.Mutex
	f         *os.File
	sync      bool // the file is a regular file, so fsync means something
	batch     int
	max       time.Duration
	ongesynct int         // records written since the last sync
	timer     *time.Timer // syncs the batch when max has passed; nil when none is pending
	err       error       // a failed write or sync: the Schrijver refuses further records
	gesloten  bool
}

// Open opens the receipts file pad for appending (O_APPEND|O_CREATE|O_WRONLY, mode 0600 for a new
// file). If the file does not end with a newline, because a crash tore the last write, Open cuts it
// back to after the last newline, so a half line never breaks a reader. The repair assumes no other
// process is writing to the file at that moment.
func Open(pad string, opts ...Optie) (*Schrijver, error) {
	ins := instellingen{batch: 1}
	for _, o := range opts {
		o(&ins)
	}
	if ins.fout != nil {
		return nil, ins.fout
	}
	_, err := os.Stat(pad)
	nieuw := errors.Is(err, fs.ErrNotExist)
	f, err := os.OpenFile(pad, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	s := &Schrijver{f: f, sync: info.Mode().IsRegular(), batch: ins.batch, max: ins.max}
	if s.sync {
		if err := herstel(f, pad, info.Size()); err != nil {
			f.Close()
			return nil, fmt.Errorf("herstel %s: %w", pad, err)
		}
		if nieuw {
			syncMap(filepath.Dir(pad))
		}
	}
	return s, nil
}

// herstel truncates the file f (of size grootte) to just after its last newline if it does not end
// with one, and syncs the repair.
func herstel(f *os.File, pad string, grootte int64) error {
	if grootte == 0 {
		return nil
	}
	r, err := os.Open(pad)
	if err != nil {
		return err
	}
	defer r.Close()
	const blok = 64 << 10
	buf := make([]byte, blok)
	eind := grootte
	for eind > 0 {
		begin := max(eind-blok, 0)
		deel := buf[:eind-begin]
		if _, err := r.ReadAt(deel, begin); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if eind == grootte && deel[len(deel)-1] == '\n' {
			return nil // intact
		}
		for i := len(deel) - 1; i >= 0; i-- {
			if deel[i] == '\n' {
				return kapAf(f, begin+int64(i)+1)
			}
		}
		eind = begin
	}
	return kapAf(f, 0)
}

func kapAf(f *os.File, lengte int64) error {
	if err := f.Truncate(lengte); err != nil {
		return err
	}
	return f.Sync()
}

// syncMap syncs a directory so a newly created file survives a crash. It is best effort: some file
// systems do not sync directories.
func syncMap(pad string) {
	if d, err := os.Open(pad); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Schrijf appends b as one JSON line, written with a single write call, and syncs as configured. After
// a failed write or sync the Schrijver refuses further records, since the file may end in a half
// line; Open it again to repair the file.
func (s *Schrijver) Schrijf(b Bon) error {
	regel, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("schrijf bon: %w", err)
	}
	regel = append(regel, '\n')

	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.gesloten:
		return ErrGesloten
	case s.err != nil:
		return s.err
	}
	n, err := s.f.Write(regel)
	if err == nil && n < len(regel) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = fmt.Errorf("schrijf bon: %w", err)
		return s.err
	}
	s.ongesynct++
	if s.ongesynct >= s.batch {
		return s.syncNu()
	}
	if s.ongesynct == 1 && s.max > 0 {
		s.timer = time.AfterFunc(s.max, s.tijdOm)
	}
	return nil
}

// tijdOm syncs the pending batch when its time limit has passed.
func (s *Schrijver) tijdOm() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.gesloten && s.err == nil && s.ongesynct > 0 {
		_ = s.syncNu() // the error is kept in s.err and returned by the next Schrijf or Close
	}
}

// syncNu syncs the written records; s.mu is held.
func (s *Schrijver) syncNu() error {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.ongesynct = 0
	if !s.sync {
		return nil
	}
	if err := s.f.Sync(); err != nil {
		s.err = fmt.Errorf("sync bonnen: %w", err)
		return s.err
	}
	return nil
}

// Close syncs what was written and closes the file.
func (s *Schrijver) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gesloten {
		return ErrGesloten
	}
	s.gesloten = true
	var err error
	if s.err == nil && s.ongesynct > 0 {
		err = s.syncNu()
	} else if s.timer != nil {
		s.timer.Stop()
	}
	if err == nil {
		err = s.err
	}
	return errors.Join(err, s.f.Close())
}
