//go:build langcompare

package lang

// Compares Detect with the options it was chosen against, on the same
// labelled texts:
//
//	go test -tags langcompare -run '^$' -bench Compare -benchtime 2000x ./lang
//
// Each sub-benchmark reports the share of right answers per kind of text
// (and "all") and the time per text, cycling through the set. Behind a
// build tag because lingua-go embeds the models of 75 languages (about
// 120 MB) in whatever links it: tests only, never the binary.

import (
	"strings"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/pemistahl/lingua-go"
)

var linguaLanguages = []lingua.Language{
	lingua.English, lingua.French, lingua.German, lingua.Spanish,
	lingua.Portuguese, lingua.Italian, lingua.Dutch, lingua.Russian,
	lingua.Ukrainian, lingua.Polish, lingua.Turkish, lingua.Arabic,
	lingua.Persian, lingua.Chinese, lingua.Japanese, lingua.Korean,
	lingua.Hindi, lingua.Indonesian, lingua.Swedish,
}

func linguaDetector(highAccuracy bool) func(string) string {
	builder := lingua.NewLanguageDetectorBuilder().
		FromLanguages(linguaLanguages...).
		WithMinimumRelativeDistance(0.05)
	if !highAccuracy {
		builder = builder.WithLowAccuracyMode()
	}
	detector := builder.Build()
	return func(text string) string {
		l, ok := detector.DetectLanguageOf(cut(text, sampleBytes))
		if !ok || l == lingua.Unknown {
			return ""
		}
		return strings.ToLower(l.IsoCode639_1().String())
	}
}

// previousDetect is Detect as it was with lingua: the same detector behind
// a floor of 20 letters in any script.
func previousDetect(lowAccuracy func(string) string) func(string) string {
	return func(text string) string {
		sample := cut(text, sampleBytes)
		if countScripts(sample).letters() < minLetters {
			return ""
		}
		return lowAccuracy(sample)
	}
}

// whatlanggoAlone is whatlanggo restricted to Detect's languages, without
// the script rules and evidence in front of it.
func whatlanggoAlone(text string) string {
	allowed := map[whatlanggo.Lang]bool{whatlanggo.Cmn: true, whatlanggo.Jpn: true, whatlanggo.Kor: true, whatlanggo.Hin: true}
	codes := map[whatlanggo.Lang]string{whatlanggo.Cmn: "zh", whatlanggo.Jpn: "ja", whatlanggo.Kor: "ko", whatlanggo.Hin: "hi"}
	for _, f := range []family{latinFamily, cyrillicFamily, arabicFamily} {
		for _, l := range f.langs {
			allowed[l.profile] = true
			codes[l.profile] = l.code
		}
	}
	return codes[whatlanggo.DetectLangWithOptions(cut(text, sampleBytes), whatlanggo.Options{Whitelist: allowed})]
}

func BenchmarkCompare(b *testing.B) {
	low := linguaDetector(false)
	options := []struct {
		name   string
		detect func(string) string
	}{
		{"Detect", Detect},
		{"whatlanggo-alone", whatlanggoAlone},
		{"lingua-low-accuracy", low},
		{"lingua-high-accuracy", linguaDetector(true)},
		{"previous-Detect", previousDetect(low)},
	}
	for _, name := range labelledSets {
		set := readLabelled(b, name)
		for _, o := range options {
			b.Run(strings.TrimSuffix(name, ".tsv")+"/"+o.name, func(b *testing.B) {
				t := measure(set, o.detect) // also loads lingua's models before timing
				i := 0
				for b.Loop() {
					o.detect(set[i%len(set)].text)
					i++
				}
				for _, kind := range t.kinds() {
					b.ReportMetric(t.accuracy(kind), kind)
				}
			})
		}
	}
}
