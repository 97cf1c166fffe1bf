package lang

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestMeasureLoad(t *testing.T) {
	if os.Getenv("LANG_MEASURE") == "" {
		t.Skip()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.HeapAlloc
	start := time.Now()
	Detect("The talks between the two delegations were expected to last most of the day, officials said.")
	el := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("load %v heap %d MB", el, (m.HeapAlloc-before)>>20)
	for _, s := range []string{"Les discussions entre les deux délégations devaient durer la plus grande partie", "Переговоры между двумя делегациями должны были продлиться большую часть дня", "Die Gespräche zwischen den beiden Delegationen sollten nach Angaben von Beamten"} {
		Detect(s)
	}
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("after 4 langs heap %d MB", (m.HeapAlloc-before)>>20)
}
