package link

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
)

func sampleState() *eventState {
	return &eventState{
		Sum:    cluster.Sum{7: 0.5, 9: 1.25},
		Hashes: []uint64{42, 1 << 63},
		Sketch: cluster.Sketch{
			Day:      19000,
			Centroid: cluster.Vector{{Key: 3, W: 0.25}, {Key: 8, W: 0.75}},
			Names:    cluster.Vector{{Key: 11, W: 1}},
			Refs:     []int32{18990, 19010},
		},
		Mentions:   []cluster.Mention{{Value: "2021-07-28", What: "a first round of talks in Geneva", Articles: []string{"a1", "a2"}}},
		Members:    []string{"a1", "a2", "a3"},
		Terms:      []uint64{3, 8},
		Names:      []uint64{11},
		PostedDay:  19000,
		SettledN:   3,
		DescribedN: 2,
	}
}

// checkDecodes fails t unless data decodes to want.
func checkDecodes(t *testing.T, data []byte, want *eventState) {
	t.Helper()
	got, err := decodeEventState(data)
	if err != nil {
		t.Fatal(err)
	}
	got.sum() // unpacked on first use
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %+v\nwant %+v", got, want)
	}
}

func TestEventStateRoundTrip(t *testing.T) {
	want := sampleState()
	data, err := want.encode()
	if err != nil {
		t.Fatal(err)
	}
	checkDecodes(t, data, want)
}

// States written before the binary encoding are JSON; they must still
// read the same.
func TestEventStateReadsJSON(t *testing.T) {
	want := sampleState()
	sum := cluster.Vector{{Key: 7, W: 0.5}, {Key: 9, W: 1.25}}
	data, err := json.Marshal(eventStateJSON{
		Sum: packVector(sum), Hashes: want.Hashes, Day: want.Sketch.Day,
		Centroid: packVector(want.Sketch.Centroid), Names: packVector(want.Sketch.Names), Refs: want.Sketch.Refs,
		Mentions: want.Mentions, Members: want.Members, Terms: want.Terms, PNames: want.Names, PostedDay: want.PostedDay, SettledN: want.SettledN, Described: want.DescribedN,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkDecodes(t, data, want)
}

// A damaged state is an error, never a panic or a huge allocation.
func TestEventStateDamaged(t *testing.T) {
	data, err := sampleState().encode()
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n < len(data); n++ {
		if _, err := decodeEventState(data[:n]); err == nil {
			t.Errorf("state cut to %d of %d bytes decoded without error", n, len(data))
		}
	}
	huge := append([]byte{stateBinary}, 0xff, 0xff, 0xff, 0xff, 0x0f)
	if _, err := decodeEventState(huge); err == nil {
		t.Error("a length beyond the data decoded without error")
	}
	if _, err := decodeEventState(append(data, 0)); err == nil {
		t.Error("trailing bytes decoded without error")
	}
}

// An event's candidate row and a story's timeline entries read back as
// written; cut or lengthened, they are errors, never a panic.
func TestCandidateAndTimelineRoundTrip(t *testing.T) {
	st := sampleState()
	e := &ev{id: "e1", row: &store.EventRow{Day: 19001}, state: st}
	view := e.view(8)
	data := encodeCandidate(view)
	got, err := decodeCandidate(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, view) {
		t.Errorf("candidate %+v\nwant %+v", got, view)
	}
	entries := []timelineEntry{
		{ID: "e1", Day: 19000, N: 3, Date: "2022-01-08", Title: "Talks in Geneva", Members: st.Members, Mentions: st.Mentions},
		{ID: "e2", Day: store.NoDay, N: 1, Title: "Undated"},
	}
	timeline := encodeTimelineEntries(entries)
	kept, err := decodeTimelineEntries(timeline)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]timelineEntry{"e1": entries[0], "e2": entries[1]}; !reflect.DeepEqual(kept, want) {
		t.Errorf("timeline entries %+v\nwant %+v", kept, want)
	}
	if kept, err := decodeTimelineEntries(nil); kept != nil || err != nil {
		t.Errorf("a story without state: %v, %v; want none", kept, err)
	}
	for _, c := range []struct {
		name   string
		data   []byte
		decode func([]byte) error
	}{
		{"candidate", data, func(b []byte) error { _, err := decodeCandidate(b); return err }},
		{"timeline", timeline, func(b []byte) error { _, err := decodeTimelineEntries(b); return err }},
	} {
		for n := 1; n < len(c.data); n++ {
			if err := c.decode(c.data[:n]); err == nil {
				t.Errorf("%s cut to %d of %d bytes decoded without error", c.name, n, len(c.data))
			}
		}
		if err := c.decode(append(c.data, 0)); err == nil {
			t.Errorf("%s with a trailing byte decoded without error", c.name)
		}
	}
}
