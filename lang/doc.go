// Package lang tells which language an article is written in.
//
// Decision: github.com/pemistahl/lingua-go v1.4.0, restricted to 19 common
// news languages (en fr de es pt it nl ru uk pl tr ar fa zh ja ko hi id sv),
// in low-accuracy mode (trigram models only), loaded lazily on the first
// Detect and shared by all goroutines.
//
// Why lingua and not a lighter detector: its memory is acceptable once
// restricted. Measured on 2 cores (LANG_MEASURE=1 go test -c -o /tmp/lang.test
// ./lang && /usr/bin/time -v /tmp/lang.test -test.run Measure -test.v):
// first load 61 ms, Go heap +9 MB after an English text (+11 MB after four
// languages), peak RSS of the whole test process 31 MB. Only the models of
// languages whose alphabet matches the text are decoded, so a corpus in one
// script stays near the lower figure.
//
// Costs to know: the module embeds the models of all 75 languages, which
// adds about 120 MB to the binary (mapped, not resident); and detection is
// the slow part (about 1.6 ms for 2 kB of text), so Detect reads only the
// first 600 bytes (about 0.6 ms: go test -run '^$' -bench . ./lang), which a
// cleaned news body settles easily. Texts under 20 letters return "".
//
// Speed: lingua's n-gram scoring is the slowest step of cleaning (about
// 0.6 ms an article). Text in which common English function words make up
// more than a fifth of the words, all in Latin script, is taken as English
// without it (plainEnglish); anything else, including mixed text, goes to
// the detector.
package lang
