/**
 * Exact reading of C99 hexadecimal floating-point literals ("0x1.0875p+0",
 * "-0x0.0000000000001p-1022") and "nan"/"inf", as the conformance vectors
 * write prices.  JavaScript's Number() reads neither; a decimal detour would
 * round.  The value is an integer mantissa times a power of two, rounded
 * once to the nearest double (ties to even), built bit by bit.
 */
const HEX_FLOAT = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i;

export function parseHexFloat(text: string): number {
  if (typeof text !== "string") throw new TypeError(`parseHexFloat: expected a string, got ${text === null ? "null" : typeof text}`);
  const t = text.trim();
  const lower = t.toLowerCase();
  const sign = lower.startsWith("-") ? -1 : 1;
  const bare = lower.replace(/^[+-]/, "");
  if (bare === "nan") return NaN;
  if (bare === "inf" || bare === "infinity") return sign * Infinity;
  const m = HEX_FLOAT.exec(t);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new SyntaxError(`not a hex float literal: ${JSON.stringify(text.slice(0, 80))}`);
  const digits = (m[2] ?? "") + (m[3] ?? "");
  let mantissa = BigInt("0x" + (digits === "" ? "0" : digits));
  let exponent = Number(m[4]) - 4 * (m[3] ?? "").length;
  const negative = m[1] === "-";
  const bits = mantissa === 0n ? 0n : roundToDouble(mantissa, exponent);
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits | (negative ? 1n << 63n : 0n));
  return view.getFloat64(0);
}

const bitLength = (n: bigint): number => n.toString(2).length;

/** Round-half-even of m / 2^shift (shift > 0). */
function shiftRound(m: bigint, shift: number): bigint {
  const s = BigInt(shift);
  const q = m >> s;
  const r = m - (q << s);
  const half = 1n << (s - 1n);
  return r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
}

/** The bits (sign clear) of the double nearest to m * 2^e, m > 0. */
function roundToDouble(m: bigint, e: number): bigint {
  let E = bitLength(m) - 1 + e; // exponent of the leading bit
  if (E >= -1022) {
    // normal: 53 significant bits
    const shift = bitLength(m) - 53;
    let sig = shift > 0 ? shiftRound(m, shift) : m << BigInt(-shift);
    if (sig === 1n << 53n) {
      sig >>= 1n;
      E += 1;
    }
    if (E > 1023) return 0x7ffn << 52n; // overflow: infinity
    return (BigInt(E + 1023) << 52n) | (sig - (1n << 52n));
  }
  // subnormal: the integer m * 2^(e + 1074), rounded; 2^52 becomes the
  // smallest normal, which these bits encode as well
  const shift = -(e + 1074);
  return shift > 0 ? shiftRound(m, shift) : m << BigInt(-shift);
}
