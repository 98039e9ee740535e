// Package examples holds runnable examples of replykit's packages, run by
// go test so that they cannot rot:
//
//   - Example_tour and its siblings run the README's API tour on a signed
//     reply, on a notice that answers no proposal and on a reply that is not
//     signed, and Example_tourText reads a notice given as text;
//   - Example_parsePage reads a saved GBK notice page and prints whom the
//     reply answers and its section headings;
//   - Example_buildAndRender builds a reply in code and writes it as the
//     plain text of an official document;
//   - Example_gbkToHTML turns an old GBK page into a clean UTF-8 HTML page
//     that reads back as the same reply.
//
// The replykit command, in examples/replykit, parses, renders and
// validates single notices and migrates whole site mirrors:
//
//	go run ./examples/replykit            # migrate the embedded sample into ./replykit-out/
//	go run ./examples/replykit migrate -o OUTDIR DIR|PAGE|MIRROR.zip|MIRROR.tar.gz…
package examples
