// Command magikdelen answers "mag ik dit delen?" for professionals in care and safety: may party A
// share data category X with party B for purpose Y, under which covenant and legal basis, and on which
// conditions.
//
//	magikdelen vraag --van wijkteam --naar zvh_procesregisseur --gegevens identificerend,signaal \
//	                 --doel zvh_aanmelding --convenant zvht --feit inclusiecriteria=true
//	magikdelen vraag --invoer vraag.json --formaat json
//	magikdelen convenanten zvht
//
// Besides vraag: convenanten, begrippen, vraagbaak, handreiking, matrix, verschil, controleer, test, bundel,
// serveer (the web page and the JSON API) and versie; magikdelen help <command> describes each.
//
// The command is a thin client of package library: it parses flags, asks the library and writes the
// result in the format asked for: json from the library's types, markdown, csv and html from the views
// of package library/weergave, and tekst by rendering that Markdown for the terminal (glamour). Exit
// codes follow the public contract: 0 answered or succeeded, 1 problems found (a check or scenario test
// failed), 2 bad usage or bad input, 3 internal error.
package main
