// Package bon keeps decision receipts ("bonnen"): one JSON line per answered question, appended to a
// file, as the record of how a professional weighed a share ("vastlegging van de afweging").
//
// A Bon holds ids only: the question as the rules read it (parties, categories, purpose, covenant,
// phase, date and facts, all ids or plain values checked against the vocabulary), the verdict, the
// ids of the legal grounds and conditions, and the version of the knowledge base. A question of
// magikdelen has no names or free text, and a Bon keeps it that way: it never holds the answer's
// texts, nor anything that identifies the data subject.
//
//	w, err := bon.Open("bonnen.jsonl")
//	if err != nil { … }
//	defer w.Close()
//	start := time.Now()
//	antwoord, err := engine.Beantwoord(ctx, vraag)
//	if err != nil { … }
//	if err := w.Schrijf(bon.Nieuw(antwoord, start, time.Now())); err != nil { … }
//
// Each record is written with one write call of the whole line on a file opened for appending, and
// by default synced to disk before Schrijf returns (FsyncPerBatch trades that for throughput). Open
// cuts off a half line that a crash left at the end of the file, and Lees reads all complete records.
// LOGBOEK.md maps the fields onto the standard Logboek Dataverwerkingen.
package bon
