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
	Sum      cluster.Sum       // running sum of its articles' signatures
	Hashes   []uint64          // SimHashes of a few articles, for copies
	Sketch   cluster.Sketch    // what stories compare
	Mentions []cluster.Mention // dated happenings its articles mention
	Members  []string          // article ids, for the timeline (bounded)
	// What the event is posted under: terms and names, and the day.
	Terms, Names []uint64
	PostedDay    int32
	// SettledN is its size when settling last regrouped it, DescribedN
	// when it was last described.
	SettledN, DescribedN int
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

func (s *eventState) encode() ([]byte, error) {
	sum := make(cluster.Vector, 0, len(s.Sum))
	for k, w := range s.Sum {
		sum = append(sum, cluster.Term{Key: k, W: w})
	}
	return json.Marshal(eventStateJSON{
		Sum: packVector(sum), Hashes: s.Hashes, Day: s.Sketch.Day,
		Centroid: packVector(s.Sketch.Centroid), Names: packVector(s.Sketch.Names), Refs: s.Sketch.Refs,
		Mentions: s.Mentions, Members: s.Members, Terms: s.Terms, PNames: s.Names, PostedDay: s.PostedDay, SettledN: s.SettledN, Described: s.DescribedN,
	})
}

func decodeEventState(data []byte) (*eventState, error) {
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
