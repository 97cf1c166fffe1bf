package timex

import (
	"fmt"
	"os"
	"testing"
)

// TestDump prints the tagger's output for a file: TIMEX_DUMP=path
// [TIMEX_DCT=2021-09-30] [TIMEX_ZONE=Geneva] go test -run Dump.
func TestDump(t *testing.T) {
	path := os.Getenv("TIMEX_DUMP")
	if path == "" {
		t.Skip("TIMEX_DUMP not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{DCT: ParseDate(os.Getenv("TIMEX_DCT")), Zone: Zone(os.Getenv("TIMEX_ZONE"))}
	for _, x := range Tag(string(b), opts) {
		fmt.Printf("%d-%d\t%s\t%s\t%q\n", x.Start, x.End, x.Type, x.Value, x.Text)
	}
	fmt.Println("event date:", EventDate(string(b), Tag(string(b), opts), opts.DCT))
}
