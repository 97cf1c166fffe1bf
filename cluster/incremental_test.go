package cluster

import (
	"encoding/binary"
	"reflect"
	"testing"
)

// Features survive the store: what MarshalBinary writes, UnmarshalBinary
// reads back; features stored by version 1 (no flags, no lead) still
// read; damaged bytes are an error, never a panic.
func TestFeaturesEncoding(t *testing.T) {
	f := &Features{Day: 19000, Pub: 19001, Vote: NoDay, Named: true, Hash: 0xfeedface,
		Terms: []Term{{Key: 3, W: 1.5, Name: true}, {Key: 9, W: 0.25}},
		Lead:  []uint64{3, 77}, Lang: "de", Shared: []uint64{9}}
	b, err := f.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Features
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, f) {
		t.Errorf("round trip: got %+v, want %+v", got, *f)
	}

	// Version 1: days, hash, terms.
	v1 := []byte{1}
	for _, d := range []int64{19000, 19001, int64(NoDay)} {
		v1 = binary.AppendVarint(v1, d)
	}
	v1 = binary.LittleEndian.AppendUint64(v1, 0xfeedface)
	v1 = binary.AppendUvarint(v1, 1)
	v1 = binary.LittleEndian.AppendUint64(v1, 3)
	v1 = binary.LittleEndian.AppendUint16(v1, 1500|0x8000)
	var old Features
	if err := old.UnmarshalBinary(v1); err != nil {
		t.Fatalf("version 1: %v", err)
	}
	want := Features{Day: 19000, Pub: 19001, Vote: NoDay, Hash: 0xfeedface, Terms: []Term{{Key: 3, W: 1.5, Name: true}}}
	if !reflect.DeepEqual(old, want) {
		t.Errorf("version 1: got %+v, want %+v", old, want)
	}

	for cut := range len(b) {
		var x Features
		if err := x.UnmarshalBinary(b[:cut]); err == nil {
			t.Errorf("%d of %d bytes read without error", cut, len(b))
		}
	}
}

// An article whose lead names none of an event's people and places, or
// names a day a week from the event's, fits it less than one that shares
// them; a syndicated copy fits whatever it says.
func TestFitWeighsCastAndDay(t *testing.T) {
	cfg := DefaultConfig()
	v := Vector{{Key: 1, W: 0.6}, {Key: 2, W: 0.8}}
	event := Candidate{Centroid: v, Day: 19000, Names: Vector{{Key: 10, W: 0.5}, {Key: 11, W: 0.5}, {Key: 12, W: 0.7}}}
	same := &Features{Day: 19000, Named: true, Lead: []uint64{10, 20, 30}}
	otherCast := &Features{Day: 19000, Named: true, Lead: []uint64{20, 30, 40}}
	otherDay := &Features{Day: 19007, Named: true, Lead: []uint64{10, 20, 30}}
	base := Fit(v, same, event, cfg)
	if got := Fit(v, otherCast, event, cfg); got >= base {
		t.Errorf("lead naming none of the event's cast: fit %.3f, not below %.3f", got, base)
	}
	if got := Fit(v, otherDay, event, cfg); got >= base {
		t.Errorf("lead naming a day a week away: fit %.3f, not below %.3f", got, base)
	}
	copyOf := &Features{Day: 19007, Hash: 0xabc, Lead: []uint64{40, 50, 60}}
	event.Hashes = []uint64{0xabc}
	if got := Fit(v, copyOf, event, cfg); got != 1 {
		t.Errorf("syndicated copy: fit %.3f, want 1", got)
	}
}
