"""vectors-stream.py VECTORS_DIR JSONL_OUT STREAM_OUT - one MITCH message
made from the conformance vectors alone, as the JSON lines `mitch decode
--json` prints and as the bytes it stands for, so a mitch tool that cannot
be compared with a native build (mitch.exe under wine) is checked against
ground truth: `mitch encode JSONL_OUT` must write exactly STREAM_OUT.

The message is the first trade header row of header.tsv whose count the
valid rows of trade.tsv can fill, with that many valid trade rows as its
bodies; the bytes are the rows' `expect` columns, concatenated.
"""

import sys


def rows(vectors, name):
    with open("%s/%s.tsv" % (vectors, name)) as f:
        lines = [line.rstrip("\n").split("\t") for line in f]
    return [dict(zip(lines[0], line)) for line in lines[1:]]


def main():
    vectors, jsonl_path, stream_path = sys.argv[1:]
    trades = [r for r in rows(vectors, "trade") if not r["expect"].startswith("ERR")]
    header = next(r for r in rows(vectors, "header")
                  if r["message_type"] == "t" and 1 < int(r["count"]) <= len(trades))
    bodies = trades[:int(header["count"])]
    with open(jsonl_path, "w") as out:
        for i, r in enumerate(bodies):
            # repr() of a float is the shortest decimal that reads back to
            # the same double, so the JSON carries the vector's exact price.
            out.write('{"message":0,"type":"trade","timestamp":%s,"body":%d,'
                      '"ticker_id":"0x%016x","price":%r,"quantity":%s,"trade_id":%s,'
                      '"side":"%s"}\n'
                      % (header["timestamp"], i, int(r["ticker_id"], 16),
                         float.fromhex(r["price"]), r["quantity"], r["trade_id"],
                         ("buy", "sell")[int(r["side"])]))
    with open(stream_path, "wb") as out:
        out.write(bytes.fromhex(header["expect"] + "".join(r["expect"] for r in bodies)))


if __name__ == "__main__":
    main()
