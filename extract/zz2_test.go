package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZSpace(t *testing.T) {
	if os.Getenv("SPACE") == "" {
		t.Skip()
	}
	body := `<p>Some long paragraph text here that is long enough to count as content for the extractor, with words.</p>`
	for _, s := range []string{
		`<html><body><article>` + body + `<p>in order to <em>reach</em> prospects you</p>` + body + body + `</article></body></html>`,
		`<html><body><article>` + body + `<ul><li>in order to <em>reach</em> prospects you</li><li>You have to <em>market</em> it now</li></ul>` + body + body + `</article></body></html>`,
	} {
		r, err := HTML([]byte(s), "")
		fmt.Printf("%q %v\n", r.Text, err)
	}
}
