package extract

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZEval(t *testing.T) {
	dir := os.Getenv("EVDIR")
	if dir == "" {
		t.Skip()
	}
	s, pages, err := Evaluate(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("EVPAGES") != "" {
		for _, p := range pages {
			fmt.Printf("%s sh=%.3f ex=%.3f mi=%.3f err=%v\n", p.ID[:12], p.Shared, p.Extra, p.Missing, p.Err)
		}
	}
	fmt.Printf("P=%.4f R=%.4f F1=%.4f\n", s.Precision(), s.Recall(), s.F1())
}
