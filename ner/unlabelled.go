package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/newstext"
)

// ReadUnlabelled reads raw text for the word clusters from a comma-separated
// list of files or globs, and returns its sentences as token strings. JSON
// Lines files contribute their "text" field, JSON files every "text" or
// "articleBody" string, TimeML/XML files their text without tags, other
// files their whole content. Missing files are skipped: unlabelled text only
// improves the clusters.
func ReadUnlabelled(spec string) ([][]string, error) {
	var out [][]string
	for _, pat := range strings.Split(spec, ",") {
		pat = strings.TrimSpace(pat)
		if pat == "" {
			continue
		}
		files, err := filepath.Glob(pat)
		if err != nil {
			return nil, fmt.Errorf("ner: unlabelled %q: %w", pat, err)
		}
		for _, f := range files {
			texts, err := readTexts(f)
			if err != nil {
				return nil, err
			}
			for _, t := range texts {
				toks := newstext.Tokens(t)
				for _, s := range newstext.SentenceTokens(t, toks) {
					words := make([]string, 0, s.End-s.Start)
					for _, sp := range toks[s.Start:s.End] {
						words = append(words, t[sp.Start:sp.End])
					}
					out = append(out, words)
				}
			}
		}
	}
	return out, nil
}

var xmlTag = regexp.MustCompile(`<[^>]*>`)

func readTexts(path string) ([]string, error) {
	switch {
	case strings.HasSuffix(path, ".jsonl"):
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var v struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &v) == nil && v.Text != "" {
				out = append(out, v.Text)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("ner: %s: %w", path, err)
		}
		return out, nil
	case strings.HasSuffix(path, ".json"):
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("ner: %s: %w", path, err)
		}
		var out []string
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					if s, ok := e.(string); ok && (k == "text" || k == "articleBody") {
						out = append(out, s)
					} else {
						walk(e)
					}
				}
			case []any:
				for _, e := range x {
					walk(e)
				}
			}
		}
		walk(v)
		return out, nil
	default:
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		s := string(b)
		if strings.HasSuffix(path, ".tml") || strings.HasSuffix(path, ".xml") {
			s = xmlTag.ReplaceAllString(s, "")
		}
		return []string{s}, nil
	}
}
