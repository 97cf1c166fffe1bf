//go:build unix

package main

import "testing"

func TestParseHighWater(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status string
		want   int64
		ok     bool
	}{
		{"linux status", "Name:\tstoryline\nVmPeak:\t 2000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100 kB\n", 123456 * 1024, true},
		{"no line", "Name:\tstoryline\nVmRSS:\t 100 kB\n", 0, false},
		{"other unit", "VmHWM:\t 12 MB\n", 0, false},
		{"not a number", "VmHWM:\t many kB\n", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseHighWater(tc.status)
			if got != tc.want || ok != tc.ok {
				t.Errorf("parseHighWater = %d, %v; want %d, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
	if n := peakRSS(); n <= 0 {
		t.Errorf("peakRSS() = %d, want the test process's own", n)
	}
}
