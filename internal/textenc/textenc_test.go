package textenc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The texts are invented; each is long enough for detection to have
// something to go on, as a real page or feed has.
const (
	frenchText  = "Le café du port ouvre à six heures. Les marins y prennent leur thé et lisent les nouvelles du jour avant la première traversée; l'été, la terrasse déborde jusqu'au quai et les enfants réclament des glaces à la pistache."
	russianText = "Новый мост через реку откроют в пятницу, сообщили в городской администрации. Строительство продолжалось три года, движение по старому мосту будет закрыто на ремонт до конца лета, а жители района получат новые автобусные маршруты."
	japanText   = "港の新しい灯台は金曜日に点灯されると市役所が発表した。工事は三年間続き、古い灯台は博物館として公開される予定だ。地元の漁師たちは夜の航行が安全になると喜んでいる。"
)

func TestDecode(t *testing.T) {
	utf16le := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), `<?xml version="1.0" encoding="UTF-16"?><rss><title>`+frenchText+`</title></rss>`)
	tests := []struct {
		name        string
		data        []byte
		kind        Kind
		ctype       string
		want        string // a part of the decoded text
		charset     string
		from        string
		repaired    int
		wantWarning bool
	}{
		{"plain utf-8", []byte(frenchText), Text, "", "café du port", "utf-8", FromContent, 0, false},
		{"ascii", []byte("plain words"), Text, "", "plain words", "utf-8", FromContent, 0, false},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), frenchText...), Text, "", "Le café", "utf-8", FromBOM, 0, false},
		{"utf-16le bom", append([]byte("\xff\xfe"), encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), frenchText)...), Text, "", "café du port", "utf-16le", FromBOM, 0, false},
		{"utf-16be bom", append([]byte("\xfe\xff"), encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), frenchText)...), Text, "", "café du port", "utf-16be", FromBOM, 0, false},
		{"utf-16le no bom, declaration rewritten", utf16le, XML, "", `encoding="UTF-8"?><rss><title>Le café`, "utf-16le", FromContent, 0, false},
		{"stray latin-1 in declared utf-8", []byte(`<meta charset="utf-8"><p>` + frenchText + " Caf\xe9 cr\xe8me, d\xe9j\xe0 vu."), HTML, "", "Café crème, déjà vu.", "utf-8", FromMeta, 4, true},
		{"latin-1 undeclared", encode(t, charmap.ISO8859_1, frenchText), Text, "", "café du port ouvre à six", "", FromDetected, 0, true},
		{"latin-1 declared by meta", encode(t, charmap.ISO8859_1, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><p>`+frenchText), HTML, "", "café du port", "windows-1252", FromMeta, 0, false},
		{"latin-1 labelled utf-8 by http", encode(t, charmap.ISO8859_1, frenchText), HTML, "text/html; charset=utf-8", "café du port", "", FromDetected, 0, true},
		{"windows-1251 feed", encode(t, charmap.Windows1251, `<?xml version="1.0" encoding="windows-1251"?><rss><title>`+russianText+`</title></rss>`), XML, "", `encoding="UTF-8"?><rss><title>Новый мост`, "windows-1251", FromXML, 0, false},
		{"koi8-r feed", encode(t, charmap.KOI8R, `<?xml version="1.0" encoding="KOI8-R"?><rss><title>`+russianText+`</title></rss>`), XML, "", "Новый мост через реку", "koi8-r", FromXML, 0, false},
		{"shift-jis feed", encode(t, japanese.ShiftJIS, `<?xml version='1.0' encoding='Shift_JIS'?><rss><title>`+japanText+`</title></rss>`), XML, "", "港の新しい灯台", "shift_jis", FromXML, 0, false},
		{"euc-jp feed", encode(t, japanese.EUCJP, `<?xml version="1.0" encoding="EUC-JP"?><rss><title>`+japanText+`</title></rss>`), XML, "", "港の新しい灯台", "euc-jp", FromXML, 0, false},
		{"windows-1251 undeclared", encode(t, charmap.Windows1251, russianText), Text, "", "Новый мост", "windows-1251", FromDetected, 0, true},
		{"koi8-r undeclared", encode(t, charmap.KOI8R, russianText), Text, "", "Новый мост", "koi8-r", FromDetected, 0, true},
		{"shift-jis undeclared", encode(t, japanese.ShiftJIS, japanText), Text, "", "港の新しい灯台", "shift_jis", FromDetected, 0, true},
		{"utf-8 mislabelled latin-1", []byte(`<meta charset="iso-8859-1"><p>` + frenchText), HTML, "", "café du port", "utf-8", FromMeta, 0, false},
		{"http header wins over meta", encode(t, charmap.Windows1251, `<meta charset="iso-8859-1"><p>`+russianText), HTML, "text/html; charset=windows-1251", "Новый мост", "windows-1251", FromHTTP, 0, false},
		{"utf-16 declaration on what is no longer utf-16", []byte(`<?xml version="1.0" encoding="UTF-16"?><rss><title>plain</title></rss>`), XML, "", `encoding="UTF-8"?><rss><title>plain`, "utf-8", FromContent, 0, false},
		{"iso-2022-jp is decoded though 7-bit", encode(t, japanese.ISO2022JP, `<?xml version="1.0" encoding="ISO-2022-JP"?><rss>`+japanText+`</rss>`), XML, "", "港の新しい灯台", "iso-2022-jp", FromXML, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decode(tt.data, tt.kind, tt.ctype)
			if !strings.Contains(string(d.Text), tt.want) {
				t.Errorf("text %q does not hold %q", d.Text, tt.want)
			}
			if tt.charset != "" && d.Charset != tt.charset {
				t.Errorf("charset %q, want %q", d.Charset, tt.charset)
			}
			if d.From != tt.from {
				t.Errorf("from %q, want %q", d.From, tt.from)
			}
			if d.Repaired != tt.repaired {
				t.Errorf("repaired %d, want %d", d.Repaired, tt.repaired)
			}
			if (d.Warning() != "") != tt.wantWarning {
				t.Errorf("warning %q, want one: %v", d.Warning(), tt.wantWarning)
			}
		})
	}
}

func TestUTF16Pattern(t *testing.T) {
	le := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "hello world, plain text")
	if _, ok := UTF16(le); !ok {
		t.Error("UTF-16LE without BOM not recognised")
	}
	if _, ok := UTF16([]byte("hello world, plain text")); ok {
		t.Error("ASCII taken for UTF-16")
	}
	if _, ok := UTF16([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")); ok {
		t.Error("PNG taken for UTF-16")
	}
}

func TestRepairUTF8(t *testing.T) {
	got, n := repairUTF8([]byte("a\xe9b\x81c"))
	if string(got) != "aéb\ufffdc" || n != 2 {
		t.Errorf("repairUTF8 = %q, %d", got, n)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Caf\xe9"), 0, "")
	f.Add([]byte(`<?xml version="1.0" encoding="shift_jis"?><a>`+"\x82\xa0"+`</a>`), 2, "")
	f.Add([]byte(`<meta charset="utf-8">`+"\xff\xfe"), 1, "text/html; charset=bogus")
	f.Fuzz(func(t *testing.T, data []byte, kind int, ctype string) {
		d := Decode(data, Kind(kind%3), ctype)
		if !utf8.Valid(d.Text) {
			t.Fatalf("not UTF-8: %q", d.Text)
		}
	})
}
