package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title><meta charset="iso-8859-1"></head><body><article><p>Caf`+"\xe9"+` au lait.</p></article></body></html>`), "https://example.org/a")
	f.Add([]byte(`<p>one<br>two<table><tr><td>a<td>b</table>`), "")
	f.Add([]byte(`<!DOCTYPE html><html><body><div><div><div><p>x</p></div></div></div><script>1</script></body></html>`), "not a url")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Fuzz(func(t *testing.T, data []byte, url string) {
		res, err := HTML(data, url)
		if err != nil {
			// A recovered panic outside the third-party extractors is
			// a bug of ours.
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("text is not UTF-8: %q", res.Text)
		}
		if strings.Contains(res.Text, "\n\n\n") {
			t.Fatalf("text has more than one blank line in a row: %q", res.Text)
		}
	})
}
