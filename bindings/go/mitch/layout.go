package mitch

// The value types go to C as they are (slices of them in one call), so
// each must have the size, alignment and member offsets of its C struct.
// Each line below fails to compile when an alignment, a member offset or a
// member size differs: the index of a one-element array must be 0.  The
// whole sizes are checked when the package starts (Go 1.19's go/types, and
// so go vet, leaves a struct's trailing padding out of constant sizes).
// The tests also compare the types with the library's own description,
// `mitch info --layouts --json`.

/*
#include "glue.h"
*/
import "C"

import "unsafe"

var (
	_ = [1]struct{}{}[unsafe.Alignof(Header{})-unsafe.Alignof(C.mitch_header{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Header{}.MessageType)-unsafe.Offsetof(C.mitch_header{}.message_type)]
	_ = [1]struct{}{}[unsafe.Sizeof(Header{}.MessageType)-unsafe.Sizeof(C.mitch_header{}.message_type)]
	_ = [1]struct{}{}[unsafe.Offsetof(Header{}.Count)-unsafe.Offsetof(C.mitch_header{}.count)]
	_ = [1]struct{}{}[unsafe.Sizeof(Header{}.Count)-unsafe.Sizeof(C.mitch_header{}.count)]
	_ = [1]struct{}{}[unsafe.Offsetof(Header{}.Timestamp)-unsafe.Offsetof(C.mitch_header{}.timestamp)]
	_ = [1]struct{}{}[unsafe.Sizeof(Header{}.Timestamp)-unsafe.Sizeof(C.mitch_header{}.timestamp)]
	_ = [1]struct{}{}[unsafe.Alignof(Trade{})-unsafe.Alignof(C.mitch_trade{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Trade{}.TickerID)-unsafe.Offsetof(C.mitch_trade{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(Trade{}.TickerID)-unsafe.Sizeof(C.mitch_trade{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(Trade{}.Price)-unsafe.Offsetof(C.mitch_trade{}.price)]
	_ = [1]struct{}{}[unsafe.Sizeof(Trade{}.Price)-unsafe.Sizeof(C.mitch_trade{}.price)]
	_ = [1]struct{}{}[unsafe.Offsetof(Trade{}.Quantity)-unsafe.Offsetof(C.mitch_trade{}.quantity)]
	_ = [1]struct{}{}[unsafe.Sizeof(Trade{}.Quantity)-unsafe.Sizeof(C.mitch_trade{}.quantity)]
	_ = [1]struct{}{}[unsafe.Offsetof(Trade{}.TradeID)-unsafe.Offsetof(C.mitch_trade{}.trade_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(Trade{}.TradeID)-unsafe.Sizeof(C.mitch_trade{}.trade_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(Trade{}.Side)-unsafe.Offsetof(C.mitch_trade{}.side)]
	_ = [1]struct{}{}[unsafe.Sizeof(Trade{}.Side)-unsafe.Sizeof(C.mitch_trade{}.side)]
	_ = [1]struct{}{}[unsafe.Alignof(Order{})-unsafe.Alignof(C.mitch_order{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.TickerID)-unsafe.Offsetof(C.mitch_order{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.TickerID)-unsafe.Sizeof(C.mitch_order{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.OrderID)-unsafe.Offsetof(C.mitch_order{}.order_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.OrderID)-unsafe.Sizeof(C.mitch_order{}.order_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.Price)-unsafe.Offsetof(C.mitch_order{}.price)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.Price)-unsafe.Sizeof(C.mitch_order{}.price)]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.Quantity)-unsafe.Offsetof(C.mitch_order{}.quantity)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.Quantity)-unsafe.Sizeof(C.mitch_order{}.quantity)]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.OrderType)-unsafe.Offsetof(C.mitch_order{}.order_type)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.OrderType)-unsafe.Sizeof(C.mitch_order{}.order_type)]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.Side)-unsafe.Offsetof(C.mitch_order{}.side)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.Side)-unsafe.Sizeof(C.mitch_order{}.side)]
	_ = [1]struct{}{}[unsafe.Offsetof(Order{}.ExpiryMs)-unsafe.Offsetof(C.mitch_order{}.expiry_ms)]
	_ = [1]struct{}{}[unsafe.Sizeof(Order{}.ExpiryMs)-unsafe.Sizeof(C.mitch_order{}.expiry_ms)]
	_ = [1]struct{}{}[unsafe.Alignof(Tick{})-unsafe.Alignof(C.mitch_tick{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Tick{}.TickerID)-unsafe.Offsetof(C.mitch_tick{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(Tick{}.TickerID)-unsafe.Sizeof(C.mitch_tick{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(Tick{}.BidPrice)-unsafe.Offsetof(C.mitch_tick{}.bid_price)]
	_ = [1]struct{}{}[unsafe.Sizeof(Tick{}.BidPrice)-unsafe.Sizeof(C.mitch_tick{}.bid_price)]
	_ = [1]struct{}{}[unsafe.Offsetof(Tick{}.AskPrice)-unsafe.Offsetof(C.mitch_tick{}.ask_price)]
	_ = [1]struct{}{}[unsafe.Sizeof(Tick{}.AskPrice)-unsafe.Sizeof(C.mitch_tick{}.ask_price)]
	_ = [1]struct{}{}[unsafe.Offsetof(Tick{}.BidVolume)-unsafe.Offsetof(C.mitch_tick{}.bid_volume)]
	_ = [1]struct{}{}[unsafe.Sizeof(Tick{}.BidVolume)-unsafe.Sizeof(C.mitch_tick{}.bid_volume)]
	_ = [1]struct{}{}[unsafe.Offsetof(Tick{}.AskVolume)-unsafe.Offsetof(C.mitch_tick{}.ask_volume)]
	_ = [1]struct{}{}[unsafe.Sizeof(Tick{}.AskVolume)-unsafe.Sizeof(C.mitch_tick{}.ask_volume)]
	_ = [1]struct{}{}[unsafe.Alignof(Index{})-unsafe.Alignof(C.mitch_index{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.TickerID)-unsafe.Offsetof(C.mitch_index{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.TickerID)-unsafe.Sizeof(C.mitch_index{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.Mid)-unsafe.Offsetof(C.mitch_index{}.mid)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.Mid)-unsafe.Sizeof(C.mitch_index{}.mid)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.VBid)-unsafe.Offsetof(C.mitch_index{}.v_bid)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.VBid)-unsafe.Sizeof(C.mitch_index{}.v_bid)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.VAsk)-unsafe.Offsetof(C.mitch_index{}.v_ask)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.VAsk)-unsafe.Sizeof(C.mitch_index{}.v_ask)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.MSpread)-unsafe.Offsetof(C.mitch_index{}.m_spread)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.MSpread)-unsafe.Sizeof(C.mitch_index{}.m_spread)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.BBidO)-unsafe.Offsetof(C.mitch_index{}.b_bid_o)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.BBidO)-unsafe.Sizeof(C.mitch_index{}.b_bid_o)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.BAskO)-unsafe.Offsetof(C.mitch_index{}.b_ask_o)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.BAskO)-unsafe.Sizeof(C.mitch_index{}.b_ask_o)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.WBidO)-unsafe.Offsetof(C.mitch_index{}.w_bid_o)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.WBidO)-unsafe.Sizeof(C.mitch_index{}.w_bid_o)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.WAskO)-unsafe.Offsetof(C.mitch_index{}.w_ask_o)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.WAskO)-unsafe.Sizeof(C.mitch_index{}.w_ask_o)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.VForce)-unsafe.Offsetof(C.mitch_index{}.v_force)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.VForce)-unsafe.Sizeof(C.mitch_index{}.v_force)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.LForce)-unsafe.Offsetof(C.mitch_index{}.l_force)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.LForce)-unsafe.Sizeof(C.mitch_index{}.l_force)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.TForce)-unsafe.Offsetof(C.mitch_index{}.t_force)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.TForce)-unsafe.Sizeof(C.mitch_index{}.t_force)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.MForce)-unsafe.Offsetof(C.mitch_index{}.m_force)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.MForce)-unsafe.Sizeof(C.mitch_index{}.m_force)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.Confidence)-unsafe.Offsetof(C.mitch_index{}.confidence)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.Confidence)-unsafe.Sizeof(C.mitch_index{}.confidence)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.Rejected)-unsafe.Offsetof(C.mitch_index{}.rejected)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.Rejected)-unsafe.Sizeof(C.mitch_index{}.rejected)]
	_ = [1]struct{}{}[unsafe.Offsetof(Index{}.Accepted)-unsafe.Offsetof(C.mitch_index{}.accepted)]
	_ = [1]struct{}{}[unsafe.Sizeof(Index{}.Accepted)-unsafe.Sizeof(C.mitch_index{}.accepted)]
	_ = [1]struct{}{}[unsafe.Alignof(Bin{})-unsafe.Alignof(C.mitch_bin{})]
	_ = [1]struct{}{}[unsafe.Offsetof(Bin{}.Count)-unsafe.Offsetof(C.mitch_bin{}.count)]
	_ = [1]struct{}{}[unsafe.Sizeof(Bin{}.Count)-unsafe.Sizeof(C.mitch_bin{}.count)]
	_ = [1]struct{}{}[unsafe.Offsetof(Bin{}.Volume)-unsafe.Offsetof(C.mitch_bin{}.volume)]
	_ = [1]struct{}{}[unsafe.Sizeof(Bin{}.Volume)-unsafe.Sizeof(C.mitch_bin{}.volume)]
	_ = [1]struct{}{}[unsafe.Alignof(OrderBook{})-unsafe.Alignof(C.mitch_order_book{})]
	_ = [1]struct{}{}[unsafe.Offsetof(OrderBook{}.TickerID)-unsafe.Offsetof(C.mitch_order_book{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(OrderBook{}.TickerID)-unsafe.Sizeof(C.mitch_order_book{}.ticker_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(OrderBook{}.MidPrice)-unsafe.Offsetof(C.mitch_order_book{}.mid_price)]
	_ = [1]struct{}{}[unsafe.Sizeof(OrderBook{}.MidPrice)-unsafe.Sizeof(C.mitch_order_book{}.mid_price)]
	_ = [1]struct{}{}[unsafe.Offsetof(OrderBook{}.BinAggregator)-unsafe.Offsetof(C.mitch_order_book{}.bin_aggregator)]
	_ = [1]struct{}{}[unsafe.Sizeof(OrderBook{}.BinAggregator)-unsafe.Sizeof(C.mitch_order_book{}.bin_aggregator)]
	_ = [1]struct{}{}[unsafe.Offsetof(OrderBook{}.Bids)-unsafe.Offsetof(C.mitch_order_book{}.bids)]
	_ = [1]struct{}{}[unsafe.Sizeof(OrderBook{}.Bids)-unsafe.Sizeof(C.mitch_order_book{}.bids)]
	_ = [1]struct{}{}[unsafe.Offsetof(OrderBook{}.Asks)-unsafe.Offsetof(C.mitch_order_book{}.asks)]
	_ = [1]struct{}{}[unsafe.Sizeof(OrderBook{}.Asks)-unsafe.Sizeof(C.mitch_order_book{}.asks)]
	_ = [1]struct{}{}[unsafe.Alignof(TickerFields{})-unsafe.Alignof(C.mitch_ticker_fields{})]
	_ = [1]struct{}{}[unsafe.Offsetof(TickerFields{}.InstrumentType)-unsafe.Offsetof(C.mitch_ticker_fields{}.instrument_type)]
	_ = [1]struct{}{}[unsafe.Sizeof(TickerFields{}.InstrumentType)-unsafe.Sizeof(C.mitch_ticker_fields{}.instrument_type)]
	_ = [1]struct{}{}[unsafe.Offsetof(TickerFields{}.BaseClass)-unsafe.Offsetof(C.mitch_ticker_fields{}.base_class)]
	_ = [1]struct{}{}[unsafe.Sizeof(TickerFields{}.BaseClass)-unsafe.Sizeof(C.mitch_ticker_fields{}.base_class)]
	_ = [1]struct{}{}[unsafe.Offsetof(TickerFields{}.BaseID)-unsafe.Offsetof(C.mitch_ticker_fields{}.base_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(TickerFields{}.BaseID)-unsafe.Sizeof(C.mitch_ticker_fields{}.base_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(TickerFields{}.QuoteClass)-unsafe.Offsetof(C.mitch_ticker_fields{}.quote_class)]
	_ = [1]struct{}{}[unsafe.Sizeof(TickerFields{}.QuoteClass)-unsafe.Sizeof(C.mitch_ticker_fields{}.quote_class)]
	_ = [1]struct{}{}[unsafe.Offsetof(TickerFields{}.QuoteID)-unsafe.Offsetof(C.mitch_ticker_fields{}.quote_id)]
	_ = [1]struct{}{}[unsafe.Sizeof(TickerFields{}.QuoteID)-unsafe.Sizeof(C.mitch_ticker_fields{}.quote_id)]
	_ = [1]struct{}{}[unsafe.Offsetof(TickerFields{}.SubType)-unsafe.Offsetof(C.mitch_ticker_fields{}.sub_type)]
	_ = [1]struct{}{}[unsafe.Sizeof(TickerFields{}.SubType)-unsafe.Sizeof(C.mitch_ticker_fields{}.sub_type)]
)

func init() {
	sizes := []struct {
		name   string
		go_, c uintptr
	}{
		{"Header", unsafe.Sizeof(Header{}), unsafe.Sizeof(C.mitch_header{})},
		{"Trade", unsafe.Sizeof(Trade{}), unsafe.Sizeof(C.mitch_trade{})},
		{"Order", unsafe.Sizeof(Order{}), unsafe.Sizeof(C.mitch_order{})},
		{"Tick", unsafe.Sizeof(Tick{}), unsafe.Sizeof(C.mitch_tick{})},
		{"Index", unsafe.Sizeof(Index{}), unsafe.Sizeof(C.mitch_index{})},
		{"Bin", unsafe.Sizeof(Bin{}), unsafe.Sizeof(C.mitch_bin{})},
		{"OrderBook", unsafe.Sizeof(OrderBook{}), unsafe.Sizeof(C.mitch_order_book{})},
		{"TickerFields", unsafe.Sizeof(TickerFields{}), unsafe.Sizeof(C.mitch_ticker_fields{})},
	}
	for _, z := range sizes {
		if z.go_ != z.c {
			panic("mitch: " + z.name + " is not the size of its C struct")
		}
	}
}
