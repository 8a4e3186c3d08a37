#!/usr/bin/python3
"""make-corpus.py - seed corpora for the fuzz targets, from the conformance vectors.

    fuzz/make-corpus.py VECTORS_DIR OUT_DIR

VECTORS_DIR is a copy of the conformance vectors (tests/vectors, or
../shared/conformance); OUT_DIR gets one directory per fuzz target, each
file one seed in that target's input format (see the comment at the top of
each fuzz/fuzz_*.c).  Rows that are errors (ERRn) still make good seeds for
the encoders: they sit right at the edge of a rule.
"""

import csv
import hashlib
import os
import struct
import sys


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def num(text):
    return int(text, 16) if text.lower().startswith(("0x", "-0x")) else int(text)


def f64(text):
    t = text.strip().lower()
    if t in ("nan", "+nan", "-nan"):
        value = float("nan")
    elif t in ("inf", "+inf", "-inf", "infinity", "-infinity"):
        value = float(t.replace("infinity", "inf"))
    else:
        value = float.fromhex(t) if "0x" in t else float(t)
    return struct.pack("<d", value)


def u(value, width):
    return (value % (1 << (8 * width))).to_bytes(width, "little")


class Corpus:
    def __init__(self, root):
        self.root = root
        self.count = {}

    def add(self, target, data):
        folder = os.path.join(self.root, target)
        os.makedirs(folder, exist_ok=True)
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        self.count[target] = self.count.get(target, 0) + 1


def book_bins(seed):
    out = b""
    for i in range(256):
        count = ((seed + 2 * i) * 2654435761) % (1 << 32)
        volume = ((seed + 2 * i + 1) * 2654435761) % (1 << 32)
        out += u(count, 4) + u(volume, 4)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-corpus.py VECTORS_DIR OUT_DIR")
    vectors, out = sys.argv[1], sys.argv[2]
    msg = os.path.join(vectors, "messages")
    res = os.path.join(vectors, "resolution")
    c = Corpus(out)

    decode_kind = {"trade": 0, "order": 1, "tick": 2, "index": 3, "order_book": 4, "header": 5}
    type_byte = {"trade": b"t", "order": b"o", "tick": b"s", "index": b"i", "order_book": b"b"}
    valid_bodies = {}

    # encode seeds: every row's fields; decode seeds: every valid row's bytes
    for name, kind in decode_kind.items():
        for row in read_tsv(os.path.join(msg, name + ".tsv")):
            expect = row["expect"]
            if name == "trade":
                fields = (u(num(row["ticker_id"]), 8) + f64(row["price"]) +
                          u(num(row["quantity"]), 4) + u(num(row["trade_id"]), 4) +
                          u(num(row["side"]), 1))
            elif name == "order":
                fields = (u(num(row["ticker_id"]), 8) + u(num(row["order_id"]), 4) +
                          f64(row["price"]) + u(num(row["quantity"]), 4) +
                          u(num(row["order_type"]), 1) + u(num(row["side"]), 1) +
                          u(num(row["expiry_ms"]), 8))
            elif name == "tick":
                fields = (u(num(row["ticker_id"]), 8) + f64(row["bid_price"]) +
                          f64(row["ask_price"]) + u(num(row["bid_volume"]), 4) +
                          u(num(row["ask_volume"]), 4))
            elif name == "index":
                fields = u(num(row["ticker_id"]), 8) + f64(row["mid"])
                for col, width in (("v_bid", 4), ("v_ask", 4), ("m_spread", 4), ("b_bid_o", 4),
                                   ("b_ask_o", 4), ("w_bid_o", 4), ("w_ask_o", 4),
                                   ("v_force", 2), ("l_force", 2), ("t_force", 2),
                                   ("m_force", 2), ("confidence", 1), ("rejected", 1),
                                   ("accepted", 1)):
                    fields += u(num(row[col]), width)
            elif name == "order_book":
                fields = (u(num(row["ticker_id"]), 8) + f64(row["mid_price"]) +
                          u(num(row["bin_aggregator"]), 1) + book_bins(num(row["bins_seed"])))
            else:
                mt = row["message_type"]
                fields = (mt.encode("latin-1")[:1] or b"\0") + u(num(row["timestamp"]), 8) + \
                    u(num(row["count"]), 1)
            c.add("fuzz_encode", bytes([kind, 0]) + fields)
            if not expect.startswith("ERR"):
                body = bytes.fromhex(expect)
                c.add("fuzz_decode", bytes([kind]) + body)
                if name != "header":
                    valid_bodies.setdefault(name, []).append(body)

    for row in read_tsv(os.path.join(msg, "channel.tsv")):
        if not row["bytes"].startswith("ERR"):
            c.add("fuzz_decode", bytes([6]) + bytes.fromhex(row["bytes"]))

    # streams: one message per type, a mixed stream, damaged variants
    messages = []
    for name, bodies in valid_bodies.items():
        for count in (1, 3, len(bodies) if name != "order_book" else 2):
            chosen = (bodies * ((count // max(len(bodies), 1)) + 1))[:count]
            if not chosen:
                continue
            header = type_byte[name] + u(123456789 * count, 6) + bytes([len(chosen)])
            m = header + b"".join(chosen)
            messages.append(m)
            c.add("fuzz_stream", m)
    mixed = b"".join(messages[::2])
    c.add("fuzz_stream", mixed)
    c.add("fuzz_stream", mixed[:-1])                       # truncated body
    c.add("fuzz_stream", mixed + b"t\0\0\0\0\0\0")         # truncated header
    if messages:
        first = messages[0]
        c.add("fuzz_stream", first + first[:7] + b"\0")    # count 0
        c.add("fuzz_stream", first + b"T" + first[1:])     # bad type byte
        c.add("fuzz_stream", first[:8] + b"\0" * (len(first) - 8))  # invalid body

    # Redis payloads (fuzz_redis_payload.c): selector byte, channel name
    # length, name, payload.  Each message on its type's channel (provider
    # 101) in both spellings, a bare body, and one on another type's channel.
    for m in messages:
        channel = (101 << 16) | (m[0] << 8)
        text = str(channel).encode()
        c.add("fuzz_redis_payload", bytes([0, len(text)]) + text + m)
        c.add("fuzz_redis_payload", bytes([0, 4]) + channel.to_bytes(4, "little") + m)
        body_len = (len(m) - 8) // m[7]
        c.add("fuzz_redis_payload", bytes([1, len(text)]) + text + m[8:8 + body_len])
        other = str((101 << 16) | (ord("t" if m[0] != ord("t") else "s") << 8)).encode()
        c.add("fuzz_redis_payload", bytes([0, len(other)]) + other + m)

    # ids: ticker fields + an id, then channel and asset values
    channels = read_tsv(os.path.join(msg, "channel.tsv"))
    for i, row in enumerate(read_tsv(os.path.join(msg, "ticker_id.tsv"))):
        expect = row["expect"]
        any_id = num(expect) if not expect.startswith("ERR") else 0x0305153138900000
        ch = channels[i % len(channels)]
        ch_id = num(ch["channel_id"]) if not ch["channel_id"].startswith("ERR") else 0
        seed = (u(num(row["instrument_type"]), 1) + u(num(row["base_class"]), 1) +
                u(num(row["quote_class"]), 1) + u(num(row["base_id"]), 2) +
                u(num(row["quote_id"]), 2) + u(num(row["sub_type"]), 4) + u(any_id, 8) +
                u((num(row["quote_class"]) << 16) | num(row["quote_id"]), 4) +
                u(ch_id, 4) + u(num(ch["provider_id"]), 2) +
                (ch["message_type"].encode("latin-1")[:1] or b"\0") +
                u(num(row["base_class"]), 1) + u(num(row["base_id"]), 2) +
                u((num(row["quote_class"]) << 16) | num(row["quote_id"]), 4))
        c.add("fuzz_ids", seed)

    # bins: the books' mid prices, each aggregator and side, prices near mid
    for i, row in enumerate(read_tsv(os.path.join(msg, "order_book.tsv"))[:40]):
        mid = f64(row["mid_price"])
        for side in (0, 1):
            c.add("fuzz_bins", bytes([1, i % 4, side, i % 128]) + mid +
                  u((-1 if side == 0 else 1) * (i * 997 % 4000000), 4))
            c.add("fuzz_bins", bytes([0, i % 4, side, 127]) + mid + mid)

    # text: symbols, asset and provider queries
    for row in read_tsv(os.path.join(res, "tickers.tsv")):
        c.add("fuzz_resolve", bytes([num(row["instrument_type"])]) + row["symbol"].encode())
    for row in read_tsv(os.path.join(res, "assets.tsv")):
        filt = row["class_filter"]
        filt_byte = 1 if filt == "-" else num(filt) + 2
        conf = round(float(row["min_confidence"]) * 249)
        c.add("fuzz_asset", bytes([filt_byte, conf, 64, 128]) + row["query"].encode())
        c.add("fuzz_resolve", bytes([0]) + row["query"].encode())
    for row in read_tsv(os.path.join(res, "providers.tsv")):
        conf = round(float(row["min_confidence"]) * 249)
        c.add("fuzz_provider", bytes([conf, 64]) + row["query"].encode())
        c.add("fuzz_provider", bytes([conf, 5]) + row["query"].encode())

    for target in sorted(c.count):
        print("%-14s %4d seeds" % (target, c.count[target]))


if __name__ == "__main__":
    main()
