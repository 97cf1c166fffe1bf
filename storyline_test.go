package storyline

import (
	"strings"
	"testing"
)

func TestParagraphAt(t *testing.T) {
	// "GENEVA - Talks began.\n\nPHOTO: a hall.\n\nThey ended."
	a := &Article{Text: "GENEVA - Talks began.\n\nPHOTO: a hall.\n\nThey ended.", Paragraphs: []Paragraph{
		{Role: RoleHeadline, Start: 0, End: 0, Removed: "Talks in Geneva"},
		{Role: RoleDateline, Start: 0, End: 9},
		{Role: RoleBody, Start: 9, End: 21},
		{Role: RoleFurniture, Start: 23, End: 23, Removed: "Advertisement"},
		{Role: RoleCaption, Start: 23, End: 37},
		{Role: RoleBody, Start: 39, End: 50},
	}}
	tests := []struct {
		at   int
		want Role
		in   bool
	}{
		{0, RoleDateline, true}, {8, RoleDateline, true}, {9, RoleBody, true}, {20, RoleBody, true},
		{21, RoleBody, false}, {23, RoleCaption, true}, {40, RoleBody, true}, {50, "", false}, {-1, "", false},
	}
	for _, tt := range tests {
		p, ok := a.ParagraphAt(tt.at)
		if ok != tt.in || ok && p.Role != tt.want {
			t.Errorf("ParagraphAt(%d) = %+v, %v; want %s, %v", tt.at, p, ok, tt.want, tt.in)
		}
		if want := tt.want; !tt.in && a.RoleAt(tt.at) != RoleBody || tt.in && a.RoleAt(tt.at) != want {
			t.Errorf("RoleAt(%d) = %s", tt.at, a.RoleAt(tt.at))
		}
	}
	raw := &Article{Text: "Talks began."}
	if p, ok := raw.ParagraphAt(3); !ok || p.Role != RoleBody || p.End != len(raw.Text) {
		t.Errorf("an article no cleaner read: %+v, %v", p, ok)
	}
	for _, r := range Roles() {
		if r.Prose() != (r == RoleBody || r == RoleStandfirst) {
			t.Errorf("%s.Prose() = %v", r, r.Prose())
		}
	}
}

func TestSummaryExcerptIsTheTextsFirstCharacters(t *testing.T) {
	short := &Article{ID: "s", Title: "Short", Text: "Zürich talks end."}
	if got := short.Summary(); got.Excerpt != short.Text || got.ID != "s" || got.Title != "Short" {
		t.Errorf("short article's summary = %+v", got)
	}
	long := &Article{Text: strings.Repeat("Ж", ExcerptRunes-1) + "é and more"}
	got := long.Summary().Excerpt
	if want := strings.Repeat("Ж", ExcerptRunes-1) + "é"; got != want {
		t.Errorf("excerpt = %q, want the first %d characters %q", got, ExcerptRunes, want)
	}
}
