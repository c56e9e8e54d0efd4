// Command magikdelen answers "mag ik dit delen?" for professionals in care and safety: may party A
// share data category X with party B for purpose Y, under which covenant and legal basis, and on which
// conditions.
//
//	magikdelen vraag --van wijkteam --naar zvh_procesregisseur --gegevens identificerend,signaal \
//	                 --doel zvh_aanmelding --convenant zvht --feit inclusiecriteria=true
//	magikdelen vraag --invoer vraag.json --formaat json
//	magikdelen convenanten zvht
//
// The command is a thin client of package library: it parses flags, asks the library and hands the
// result to one writer per format (tekst, markdown, json). Exit codes follow the public contract:
// 0 answered or succeeded, 2 bad usage or bad input, 3 internal error.
package main
