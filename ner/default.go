package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The embedded model, built by `storyline train ner` (see doc.go).
//
//go:embed model.gz
var embeddedModel []byte

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the embedded tagger, loaded once.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		defaultTagger, defaultErr = Load(bytes.NewReader(embeddedModel))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("ner: embedded model: %w", defaultErr)
		}
	})
	return defaultTagger, defaultErr
}
