package clean

import (
	"strings"
	"testing"
	"time"
)

// TestPathologicalInputs runs inputs that would expose quadratic work; the
// times are logged, not asserted.
func TestPathologicalInputs(t *testing.T) {
	for name, s := range map[string]string{
		"abbrevs":  strings.Repeat("A. ", 100000),
		"quotes":   strings.Repeat("\"a,'\" ", 50000),
		"ext":      strings.Repeat("xExternal link", 30000),
		"dots":     strings.Repeat("word.", 100000),
		"lines":    strings.Repeat("Short line\n", 100000),
		"wrapped":  strings.Repeat("this is a line that goes on and on without end\n", 50000),
		"apos":     strings.Repeat("a’’b ", 100000),
		"blank":    strings.Repeat("\n", 300000),
		"longline": strings.Repeat("The talks began in Geneva on Monday, officials said ", 20000),
	} {
		start := time.Now()
		Text(s, Known{})
		t.Logf("%s: %v", name, time.Since(start))
	}
}
