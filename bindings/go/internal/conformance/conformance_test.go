package conformance

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The project's copy of the vectors, or MITCH_VECTORS_DIR.
func vectorsDir() string {
	if d := os.Getenv("MITCH_VECTORS_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "..", "tests", "vectors")
}

// Every row of every file, one subtest each (go test -run 'TestVectors/messages/trade.tsv/17').
func TestVectors(t *testing.T) {
	dir := vectorsDir()
	total := 0
	for _, file := range Files {
		file := file
		rows, err := Load(dir, file)
		if err != nil {
			t.Errorf("%s: %v", file.Path, err)
			continue
		}
		total += len(rows)
		t.Run(file.Path, func(t *testing.T) {
			for _, row := range rows {
				row := row
				t.Run(strconv.Itoa(row.Line), func(t *testing.T) {
					if err := CheckRow(file, row); err != nil {
						t.Error(err)
					}
				})
			}
		})
	}
	// 1,378 message rows and 153 resolution rows: a truncated copy must not
	// pass (update with tests/check_conformance.c if the vectors grow).
	if total != 1531 {
		t.Errorf("%d rows in %s, want 1531", total, dir)
	}
}

// A row that breaks the format fails instead of being skipped.
func TestBrokenRowsFail(t *testing.T) {
	file := Files[0]
	for _, cells := range []map[string]string{
		nil,
		{"ticker_id": "0x1", "price": "one", "quantity": "1", "trade_id": "1", "side": "0", "expect": "ERR6"},
		{"ticker_id": "-1", "price": "0x1p+0", "quantity": "1", "trade_id": "1", "side": "0", "expect": "ERR6"},
		{"ticker_id": "1", "price": "0x1p+0", "quantity": "1", "trade_id": "1", "side": "0", "expect": "ERR0"},
		{"ticker_id": "1", "price": "0x1p+0", "quantity": "1", "trade_id": "1", "side": "0", "expect": "abcd"},
	} {
		if err := CheckRow(file, Row{File: file.Path, Line: 2, Cells: cells}); err == nil {
			t.Errorf("row %v passed", cells)
		}
	}
}
