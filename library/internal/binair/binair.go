// Package binair holds what the binary forms of the library share (library/astvorm.go, the compiled rules;
// internal/waardevorm, the knowledge base's document): a form starts with a magic string and the fingerprint
// of the sources it was made from, then a table of every text it holds, then its own content of varints, bytes
// and numbers in that table. A Lezer reports a damaged form as an error, never with a panic, and never reads
// beyond its end.
package binair

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Schrijver writes the content of a form; Vorm puts the magic, the fingerprint and the table before it.
type Schrijver struct {
	uit     []byte
	teksten map[string]int
	tabel   []string
}

// NieuweSchrijver is an empty Schrijver.
func NieuweSchrijver() *Schrijver { return &Schrijver{teksten: map[string]int{}} }

// Getal writes n as a varint.
func (w *Schrijver) Getal(n int) { w.uit = binary.AppendUvarint(w.uit, uint64(n)) }

// Byte writes b.
func (w *Schrijver) Byte(b byte) { w.uit = append(w.uit, b) }

// Vlag writes b as one byte, 1 or 0.
func (w *Schrijver) Vlag(b bool) {
	if b {
		w.Byte(1)
	} else {
		w.Byte(0)
	}
}

// Tekst writes s as its number in the table.
func (w *Schrijver) Tekst(s string) {
	i, ok := w.teksten[s]
	if !ok {
		i = len(w.tabel)
		w.teksten[s] = i
		w.tabel = append(w.tabel, s)
	}
	w.Getal(i)
}

// Vorm is the whole form: magie, bron (a varint length and its bytes), the table (a varint count, then each
// text as a varint length and its bytes), and what was written.
func (w *Schrijver) Vorm(magie, bron string) []byte {
	kop := &Schrijver{uit: []byte(magie)}
	kop.Getal(len(bron))
	kop.uit = append(kop.uit, bron...)
	kop.Getal(len(w.tabel))
	for _, s := range w.tabel {
		kop.Getal(len(s))
		kop.uit = append(kop.uit, s...)
	}
	return append(kop.uit, w.uit...)
}

// Lezer reads the content of a form. After the first error every read gives a zero value; Fout says so.
type Lezer struct {
	in    []byte
	pos   int
	tabel []string
	fout  error
}

var errAfgebroken = errors.New("afgebroken")

// Lees opens a form with magic magie: its fingerprint, and a Lezer at the start of its content.
func Lees(vorm []byte, magie string) (bron string, r *Lezer, err error) {
	if len(vorm) < len(magie) || string(vorm[:len(magie)]) != magie {
		return "", nil, errors.New("onbekende vorm")
	}
	r = &Lezer{in: vorm, pos: len(magie)}
	if l := r.Getal(); r.fout == nil && l <= len(r.in)-r.pos {
		bron = string(r.in[r.pos : r.pos+l])
		r.pos += l
	}
	n := r.Getal()
	if r.fout != nil || n > len(vorm) {
		return "", nil, errAfgebroken
	}
	// One string holds every text of the table; the table's strings are slices of it.
	begin := r.pos
	grenzen := make([][2]int, n)
	for i := range n {
		l := r.Getal()
		if r.fout != nil || l > len(r.in)-r.pos {
			return "", nil, errAfgebroken
		}
		grenzen[i] = [2]int{r.pos - begin, r.pos - begin + l}
		r.pos += l
	}
	alles := string(r.in[begin:r.pos])
	r.tabel = make([]string, n)
	for i, g := range grenzen {
		r.tabel[i] = alles[g[0]:g[1]]
	}
	return bron, r, nil
}

// Getal reads a varint; a number larger than the form is an error (no count or index can be).
func (r *Lezer) Getal() int {
	if r.fout != nil {
		return 0
	}
	v, n := binary.Uvarint(r.in[r.pos:])
	if n <= 0 || v > uint64(len(r.in)) {
		r.fout = errAfgebroken
		return 0
	}
	r.pos += n
	return int(v)
}

// Byte reads a byte.
func (r *Lezer) Byte() byte {
	if r.fout != nil {
		return 0
	}
	if r.pos >= len(r.in) {
		r.fout = errAfgebroken
		return 0
	}
	b := r.in[r.pos]
	r.pos++
	return b
}

// Vlag reads a byte Vlag wrote.
func (r *Lezer) Vlag() bool { return r.Byte() == 1 }

// Tekst reads a text's number in the table and gives the number, or -1 when it is not in the table.
func (r *Lezer) Tekst() int {
	i := r.Getal()
	if i >= len(r.tabel) {
		if r.fout == nil {
			r.fout = fmt.Errorf("tekst %d buiten de tabel", i)
		}
		return -1
	}
	return i
}

// Tabel gives the text with number i (from Tekst); "" for -1.
func (r *Lezer) Tabel(i int) string {
	if i < 0 {
		return ""
	}
	return r.tabel[i]
}

// Teksten is the number of texts in the table.
func (r *Lezer) Teksten() int { return len(r.tabel) }

// Fout is the first error, nil when none.
func (r *Lezer) Fout() error { return r.fout }

// Misvormd records err as the error of the form, unless there is one already.
func (r *Lezer) Misvormd(err error) {
	if r.fout == nil {
		r.fout = err
	}
}

// Einde is Fout, or an error when content is left after what was read.
func (r *Lezer) Einde() error {
	if r.fout == nil && r.pos != len(r.in) {
		r.fout = errors.New("gegevens na het einde")
	}
	return r.fout
}
