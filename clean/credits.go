package clean

import (
	"strings"
)

// agencies maps the lower-cased spellings of wire and photo agencies to the
// one name credits use, so "REUTERS", "Reuters" and "(Reuters)" agree.
var agencies = map[string]string{
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "afp photo": "AFP",
	"ap": "AP", "associated press": "AP", "the associated press": "AP", "ap photo": "AP",
	"reuters": "Reuters", "thomson reuters": "Reuters",
	"tass": "TASS", "itar-tass": "TASS",
	"ria novosti": "RIA Novosti", "ria": "RIA Novosti",
	"interfax": "Interfax", "sputnik": "Sputnik",
	"xinhua": "Xinhua", "dpa": "dpa", "efe": "EFE", "ansa": "ANSA",
	"kyodo": "Kyodo", "yonhap": "Yonhap", "upi": "UPI",
	"ats": "ATS", "keystone-ats": "Keystone-ATS", "sda": "SDA", "keystone": "Keystone",
	"anadolu": "Anadolu", "anadolu agency": "Anadolu", "bloomberg": "Bloomberg",
	"pti": "PTI", "ani": "ANI", "ians": "IANS", "aap": "AAP",
	"the canadian press": "The Canadian Press", "canadian press": "The Canadian Press",
	"pa media": "PA Media", "press association": "PA Media",
	"getty images": "Getty Images", "getty": "Getty Images",
	"epa": "EPA", "epa-efe": "EPA-EFE", "shutterstock": "Shutterstock", "alamy": "Alamy",
	"bernama": "Bernama", "antara": "Antara", "irna": "IRNA", "wafa": "WAFA", "kuna": "KUNA",
	"sana": "SANA", "apa": "APA", "belga": "Belga", "anp": "ANP", "tt": "TT", "ntb": "NTB",
	"ukrinform": "Ukrinform", "unian": "UNIAN", "pap": "PAP", "ctk": "ČTK", "mti": "MTI",
	"lusa": "Lusa", "europa press": "Europa Press", "cna": "CNA",
}

// agencyName returns the canonical name when s names an agency.
func agencyName(s string) (string, bool) {
	k := strings.ToLower(strings.Trim(s, " .,;:()[]/-–—|*"))
	n, ok := agencies[k]
	return n, ok
}

// Agencies lists the agencies a byline names, each once, by the name
// credits use: "ADA QUILL; Associated Press" gives AP, "REUTERS and AP"
// Reuters and AP. Extraction reads a page's author metadata with it.
func Agencies(byline string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(byline, func(r rune) bool { return strings.ContainsRune(",;/|()[]", r) }) {
		for _, name := range splitWord(part, " and ") {
			if n, ok := agencyName(name); ok {
				out = addCredit(out, n)
			}
		}
	}
	return out
}

// creditDrop are words of a photo credit that name no one.
var creditDrop = map[string]bool{
	"handout": true, "file": true, "file photo": true, "pool": true, "photo": true,
	"photos": true, "image": true, "images": true, "via": true, "courtesy": true,
	"credit": true, "illustration": true, "": true,
}

// splitCredit turns a credit such as "Port Authority Oslo/Handout via
// REUTERS" into its parties: ["Port Authority Oslo", "Reuters"].
func splitCredit(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "©")
	for _, p := range []string{"Photo credit:", "Photo:", "Photos:", "Credit:", "Image:", "Picture:", "Photo by", "Photograph:",
		"Image source,", "Image source:", "Image copyright", "Copyright"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
		}
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ';' || r == '|' }) {
		for _, q := range splitWord(part, " via ") {
			for _, r := range splitWord(q, " for ") {
				r = strings.Trim(r, " .,:()[]*-–—")
				lr := strings.ToLower(r)
				if creditDrop[lr] {
					continue
				}
				if n, ok := agencyName(r); ok {
					r = n
				}
				out = append(out, r)
			}
		}
	}
	return out
}

func splitWord(s, sep string) []string {
	var out []string
	for {
		i := indexFold(s, sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
}

// indexFold is strings.Index ignoring ASCII case of sep.
func indexFold(s, sep string) int {
	n := len(sep)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sep) {
			return i
		}
	}
	return -1
}

func addCredit(list []string, names ...string) []string {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || len(n) > 80 {
			continue
		}
		dup := false
		for _, c := range list {
			if strings.EqualFold(c, n) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, n)
		}
	}
	return list
}

// Credit returns the one spelling credits use for an agency ("REUTERS",
// "Associated Press" → "Reuters", "AP"), so that credits from several
// sources (HTML metadata, the text) can be merged; other names come back
// trimmed.
func Credit(name string) string {
	if n, ok := agencyName(name); ok {
		return n
	}
	return strings.TrimSpace(name)
}
