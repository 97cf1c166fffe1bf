package htmltext

import "testing"

func TestFragment(t *testing.T) {
	for in, want := range map[string]string{
		"<p>One &amp; two</p><ul><li>three</li><li>four</li></ul>plain <b>bold</b>": "One & two\n\nthree\n\nfour\n\nplain bold",
		"just   text\n here":                           "just text\nhere",
		"a<br>b<script>x()</script>":                   "a\nb",
		"<table><tr><td>a</td><td>b</td></tr></table>": "a b",
		"": "",
	} {
		if got := Fragment(in); got != want {
			t.Errorf("Fragment(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLine(t *testing.T) {
	if got := Line("  a" + Boundary + "b \n c "); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

func FuzzFragment(f *testing.F) {
	f.Add("<p>x</p>")
	f.Add("<div><p>a<br>b</div></p>")
	f.Fuzz(func(t *testing.T, s string) {
		_ = Fragment(s)
	})
}
