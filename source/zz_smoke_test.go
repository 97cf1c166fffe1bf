package source

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZSmoke(t *testing.T) {
	if os.Getenv("SMOKE") == "" {
		t.Skip()
	}
	n, e := 0, 0
	Walk(context.Background(), strings.Fields(os.Getenv("SMOKE")), Options{}, func(it *Item, ie *ItemError) error {
		if ie != nil {
			e++
			fmt.Println("ERR", ie)
			return nil
		}
		n++
		if n <= 3 || strings.Contains(it.Origin, "seeds") {
			fmt.Printf("%s %s %s %q %d\n", it.ID, it.Format, it.Published, it.Title, len(it.Text))
		}
		return nil
	})
	fmt.Println("items", n, "errors", e)
}
