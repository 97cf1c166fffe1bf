package link

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"

	"github.com/storyline-news/storyline/cluster"
)

// eventState is what an event row keeps for linking.
type eventState struct {
	Sum cluster.Sum // running sum of its articles' signatures; see sum
	// packedSum is Sum as stored, until sum unpacks it: most events a
	// linking step reads are only compared by their sketch, and building
	// the map of every one cost more than reading the rest of it.
	packedSum []byte
	Hashes    []uint64          // SimHashes of a few articles, for copies
	Sketch    cluster.Sketch    // what stories compare
	Mentions  []cluster.Mention // dated happenings its articles mention
	Members   []string          // article ids, for the timeline (bounded)
	// What the event is posted under: terms and names, and the day.
	Terms, Names []uint64
	PostedDay    int32
	// SettledN is its size when settling last regrouped it, DescribedN
	// when it was last described.
	SettledN, DescribedN int
}

// sum is the running sum, unpacked on first use.
func (s *eventState) sum() cluster.Sum {
	if s.Sum == nil {
		s.Sum = make(cluster.Sum, len(s.packedSum)/12)
		v, _ := unpackVector(s.packedSum) // its length was checked when it was read
		for _, t := range v {
			s.Sum[t.Key] = t.W
		}
		s.packedSum = nil
	}
	return s.Sum
}

// maxMembersKept bounds the article ids an event's state lists: the ones
// its story's timeline shows (the event itself lists all its articles).
const maxMembersKept = 24

// The encoding is a JSON envelope whose vectors are packed bytes: terms
// as (key, weight) pairs of 12 bytes.
type eventStateJSON struct {
	Sum       []byte            `json:"s"`
	Hashes    []uint64          `json:"h,omitempty"`
	Day       int32             `json:"d"`
	Centroid  []byte            `json:"c"`
	Names     []byte            `json:"n"`
	Refs      []int32           `json:"r,omitempty"`
	Mentions  []cluster.Mention `json:"m,omitempty"`
	Members   []string          `json:"a,omitempty"`
	Terms     []uint64          `json:"pt,omitempty"`
	PNames    []uint64          `json:"pn,omitempty"`
	PostedDay int32             `json:"pd"`
	SettledN  int               `json:"sn,omitempty"`
	Described int               `json:"dn,omitempty"`
}

func packVector(v cluster.Vector) []byte {
	b := make([]byte, 0, 12*len(v))
	for _, t := range v {
		b = binary.LittleEndian.AppendUint64(b, t.Key)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.W))
	}
	return b
}

var errState = errors.New("damaged event state")

func unpackVector(b []byte) (cluster.Vector, error) {
	if len(b)%12 != 0 {
		return nil, errState
	}
	v := make(cluster.Vector, len(b)/12)
	for i := range v {
		v[i] = cluster.Term{Key: binary.LittleEndian.Uint64(b), W: math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))}
		b = b[12:]
	}
	return v, nil
}

// stateBinary opens a state in the binary encoding; states written
// before it are JSON, which opens with '{'. Settling reads the states of
// every event a story search finds, so their decoding is on the path of
// every article added; JSON with base64 vectors cost more than the rest
// of reading them.
const stateBinary = 0x01

func (s *eventState) encode() ([]byte, error) {
	packed := s.packedSum
	if s.Sum != nil || packed == nil {
		sum := make(cluster.Vector, 0, len(s.Sum))
		for k, w := range s.Sum {
			sum = append(sum, cluster.Term{Key: k, W: w})
		}
		packed = packVector(sum)
	}
	w := stateWriter{b: make([]byte, 0, 256+len(packed))}
	w.b = append(w.b, stateBinary)
	w.bytes(packed)
	w.uints(s.Hashes)
	w.int(int64(s.Sketch.Day))
	w.bytes(packVector(s.Sketch.Centroid))
	w.bytes(packVector(s.Sketch.Names))
	w.int32s(s.Sketch.Refs)
	w.uint(uint64(len(s.Mentions)))
	for _, m := range s.Mentions {
		w.bytes([]byte(m.Value))
		w.bytes([]byte(m.What))
		w.strings(m.Articles)
	}
	w.strings(s.Members)
	w.uints(s.Terms)
	w.uints(s.Names)
	w.int(int64(s.PostedDay))
	w.int(int64(s.SettledN))
	w.int(int64(s.DescribedN))
	return w.b, nil
}

type stateWriter struct{ b []byte }

func (w *stateWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *stateWriter) int(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *stateWriter) bytes(v []byte) {
	w.uint(uint64(len(v)))
	w.b = append(w.b, v...)
}
func (w *stateWriter) uints(v []uint64) {
	w.uint(uint64(len(v)))
	for _, x := range v {
		w.uint(x)
	}
}
func (w *stateWriter) int32s(v []int32) {
	w.uint(uint64(len(v)))
	for _, x := range v {
		w.int(int64(x))
	}
}
func (w *stateWriter) strings(v []string) {
	w.uint(uint64(len(v)))
	for _, x := range v {
		w.bytes([]byte(x))
	}
}

// stateReader reads what stateWriter wrote; the first damage it meets
// sticks, and every read after it gives zero values.
type stateReader struct {
	b   []byte
	err error
}

func (r *stateReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errState
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *stateReader) int() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errState
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count is a length that must fit in what is left, at least min bytes an
// element, so that damage never makes a huge allocation.
func (r *stateReader) count(min int) int {
	n := r.uint()
	if r.err == nil && n > uint64(len(r.b)/max(min, 1)) {
		r.err = errState
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *stateReader) bytes() []byte {
	n := r.count(1)
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

func (r *stateReader) uints() []uint64 {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	v := make([]uint64, n)
	for i := range v {
		v[i] = r.uint()
	}
	return v
}

func (r *stateReader) int32s() []int32 {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	v := make([]int32, n)
	for i := range v {
		v[i] = int32(r.int())
	}
	return v
}

func (r *stateReader) strings() []string {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	v := make([]string, n)
	for i := range v {
		v[i] = string(r.bytes())
	}
	return v
}

// readStateHead reads a binary state up to its sketch (the sum left
// packed), and returns the reader positioned after it.
func readStateHead(data []byte) (*eventState, *stateReader, error) {
	r := &stateReader{b: data[1:]}
	s := &eventState{packedSum: r.bytes()}
	if len(s.packedSum)%12 != 0 {
		return nil, nil, errState
	}
	s.Hashes = r.uints()
	s.Sketch.Day = int32(r.int())
	centroid, names := r.bytes(), r.bytes()
	s.Sketch.Refs = r.int32s()
	if r.err != nil {
		return nil, nil, errState
	}
	var err error
	if s.Sketch.Centroid, err = unpackVector(centroid); err != nil {
		return nil, nil, err
	}
	if s.Sketch.Names, err = unpackVector(names); err != nil {
		return nil, nil, err
	}
	return s, r, nil
}

func decodeBinaryState(data []byte) (*eventState, error) {
	s, r, err := readStateHead(data)
	if err != nil {
		return nil, err
	}
	if n := r.count(3); n > 0 {
		s.Mentions = make([]cluster.Mention, n)
		for i := range s.Mentions {
			s.Mentions[i] = cluster.Mention{Value: string(r.bytes()), What: string(r.bytes()), Articles: r.strings()}
		}
	}
	s.Members = r.strings()
	s.Terms = r.uints()
	s.Names = r.uints()
	s.PostedDay = int32(r.int())
	s.SettledN = int(r.int())
	s.DescribedN = int(r.int())
	if r.err != nil || len(r.b) != 0 {
		return nil, errState
	}
	return s, nil
}

func decodeEventState(data []byte) (*eventState, error) {
	if len(data) > 0 && data[0] == stateBinary {
		return decodeBinaryState(data)
	}
	var j eventStateJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, errState
	}
	sum, err := unpackVector(j.Sum)
	if err != nil {
		return nil, err
	}
	s := &eventState{Sum: cluster.Sum{}, Hashes: j.Hashes, Mentions: j.Mentions, Members: j.Members, Terms: j.Terms, Names: j.PNames, PostedDay: j.PostedDay, SettledN: j.SettledN, DescribedN: j.Described}
	for _, t := range sum {
		s.Sum[t.Key] = t.W
	}
	s.Sketch.Day = j.Day
	s.Sketch.Refs = j.Refs
	if s.Sketch.Centroid, err = unpackVector(j.Centroid); err != nil {
		return nil, err
	}
	if s.Sketch.Names, err = unpackVector(j.Names); err != nil {
		return nil, err
	}
	return s, nil
}

// candidateBinary opens an event's candidate row (store.EventRow.Candidate):
// its searchView, in the state's encoding.
const candidateBinary = 0x01

func encodeCandidate(v searchView) []byte {
	fit, sk := v.fit, v.sketch
	w := stateWriter{b: make([]byte, 0, 32+12*(len(fit.Centroid)+len(sk.Centroid)+len(sk.Names))+10*len(fit.Hashes)+4*len(sk.Refs))}
	w.b = append(w.b, candidateBinary)
	w.int(int64(fit.Day))
	w.bytes(packVector(fit.Centroid))
	w.uints(fit.Hashes)
	w.int(int64(sk.Day))
	w.bytes(packVector(sk.Centroid))
	w.bytes(packVector(sk.Names))
	w.int32s(sk.Refs)
	return w.b
}

func decodeCandidate(data []byte) (searchView, error) {
	if len(data) == 0 || data[0] != candidateBinary {
		return searchView{}, errState
	}
	r := &stateReader{b: data[1:]}
	var v searchView
	v.fit.Day = int32(r.int())
	centroid := r.bytes()
	v.fit.Hashes = r.uints()
	v.sketch.Day = int32(r.int())
	skCentroid, names := r.bytes(), r.bytes()
	v.sketch.Refs = r.int32s()
	if r.err != nil || len(r.b) != 0 {
		return searchView{}, errState
	}
	var err error
	if v.fit.Centroid, err = unpackVector(centroid); err != nil {
		return searchView{}, err
	}
	if v.sketch.Centroid, err = unpackVector(skCentroid); err != nil {
		return searchView{}, err
	}
	if v.sketch.Names, err = unpackVector(names); err != nil {
		return searchView{}, err
	}
	v.fit.Names = v.sketch.Names
	return v, nil
}

// timelineEntry is what a story's timeline takes of one of its events,
// kept in the story's state (refreshStory) with the event's size and day
// as its index gave them.
type timelineEntry struct {
	ID          string
	Day         int64
	N           int
	Date, Title string
	Members     []string
	Mentions    []cluster.Mention
}

// timelineBinary opens a story's state: its timeline entries.
const timelineBinary = 0x01

func encodeTimelineEntries(entries []timelineEntry) []byte {
	w := stateWriter{b: make([]byte, 0, 512*len(entries)+8)}
	w.b = append(w.b, timelineBinary)
	w.uint(uint64(len(entries)))
	for _, e := range entries {
		w.bytes([]byte(e.ID))
		w.int(e.Day)
		w.int(int64(e.N))
		w.bytes([]byte(e.Date))
		w.bytes([]byte(e.Title))
		w.strings(e.Members)
		w.uint(uint64(len(e.Mentions)))
		for _, m := range e.Mentions {
			w.bytes([]byte(m.Value))
			w.bytes([]byte(m.What))
			w.strings(m.Articles)
		}
	}
	return w.b
}

// decodeTimelineEntries reads a story's state by event id; a story
// written before it has none (nil).
func decodeTimelineEntries(data []byte) (map[string]timelineEntry, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if data[0] != timelineBinary {
		return nil, errState
	}
	r := &stateReader{b: data[1:]}
	n := r.count(6)
	out := make(map[string]timelineEntry, n)
	for range n {
		e := timelineEntry{ID: string(r.bytes()), Day: r.int(), N: int(r.int()), Date: string(r.bytes()), Title: string(r.bytes()), Members: r.strings()}
		if k := r.count(3); k > 0 {
			e.Mentions = make([]cluster.Mention, k)
			for i := range e.Mentions {
				e.Mentions[i] = cluster.Mention{Value: string(r.bytes()), What: string(r.bytes()), Articles: r.strings()}
			}
		}
		out[e.ID] = e
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errState
	}
	return out, nil
}
