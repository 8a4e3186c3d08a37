package mitch_test

import (
	"sync"
	"testing"

	"github.com/mitch-protocol/libmitch/bindings/go/mitch"
)

// Many goroutines at once (go test -race in CI): the binding shares no
// mutable state, and neither does the library.
func TestManyGoroutines(t *testing.T) {
	capture := aCapture(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			buf := make([]byte, 32)
			for i := 1; i < 500; i++ {
				tr := aTrade(uint32(g*1000 + i))
				var back mitch.Trade
				if err := tr.Encode(buf); err != nil {
					errs <- err
					return
				}
				if err := back.Decode(buf); err != nil || back != tr {
					errs <- err
					return
				}
				if i%50 == 0 {
					if tk, err := mitch.ResolveTicker("EURUSD", mitch.Spot); err != nil || tk.TickerID != eurusd {
						errs <- err
						return
					}
					it := mitch.Messages(capture)
					for it.Next() {
					}
					if it.Err() != nil || it.Count() != 4 {
						errs <- it.Err()
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
