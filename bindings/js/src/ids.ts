/**
 * Ticker ids, packed assets and channel ids (protocol.md): built, split and
 * validated by the library.
 */
import { asBytes, type BytesLike } from "./bytes.js";
import type { AssetClass, InstrumentType, MessageType } from "./enums.js";
import { InvalidMessageTypeError } from "./errors.js";
import { check, statusText } from "./fail.js";
import { TICKER_FIELDS } from "./layouts.js";
import { fn, LITTLE_ENDIAN as LE } from "./native.js";
import { typeCode } from "./codec.js";
import { intValue, structCodec, u64Value } from "./struct.js";

/** The fields of a ticker id (bits 63..60, 59..56, 55..40, 39..36, 35..20, 19..0). */
export interface TickerFields {
  instrumentType: InstrumentType | number;
  baseClass: AssetClass | number;
  baseId: number;
  quoteClass: AssetClass | number;
  quoteId: number;
  subType: number;
}

const fieldsRecord = structCodec<TickerFields>(TICKER_FIELDS);

/** The ticker id of `fields`; a field too wide for its bits is InvalidFieldValueError.
 *  Reserved values are allowed here (see {@link validateTickerId}). */
export function createTickerId(fields: TickerFields): bigint {
  const what = "create ticker id";
  const bytes = new Uint8Array(TICKER_FIELDS.size);
  fieldsRecord.write(new DataView(bytes.buffer), 0, fields, what);
  const out = new Uint8Array(8);
  check(fn.mitch_ticker_id_encode(bytes, out), what);
  return new DataView(out.buffer).getBigUint64(0, LE);
}

/** The fields of a ticker id (never fails for a u64). */
export function decodeTickerId(tickerId: bigint | number): TickerFields {
  const id = u64Value("decode ticker id", "ticker_id", tickerId);
  const bytes = new Uint8Array(TICKER_FIELDS.size);
  check(fn.mitch_ticker_id_decode(id, bytes), "decode ticker id");
  return fieldsRecord.read(new DataView(bytes.buffer), 0);
}

/** Throws InvalidTickerIdError for a reserved instrument type or class, or base == quote. */
export function validateTickerId(tickerId: bigint | number): void {
  const id = u64Value("validate ticker id", "ticker_id", tickerId);
  check(fn.mitch_validate_ticker_id(id), `validate ticker id 0x${id.toString(16)}`);
}

/** (assetClass << 16) | classId, checked by the library. */
export function packAsset(assetClass: AssetClass | number, classId: number): number {
  const what = "pack asset";
  const out = new Uint8Array(4);
  check(fn.mitch_pack_asset(intValue(what, "asset_class", "u8", assetClass), intValue(what, "class_id", "u16", classId), out), what);
  return new DataView(out.buffer).getUint32(0, LE);
}

export function unpackAsset(assetId: number): { assetClass: AssetClass; classId: number } {
  const what = "unpack asset";
  const cls = new Uint8Array(1);
  const id = new Uint16Array(1);
  check(fn.mitch_unpack_asset(intValue(what, "asset_id", "u32", assetId), cls, id), what);
  return { assetClass: cls[0]!, classId: id[0]! };
}

/** A pub/sub routing key: (providerId << 16) | (messageType << 8). */
export interface Channel {
  id: number;
  providerId: number;
  messageType: MessageType;
}

function typeByte(messageType: MessageType | number | string, what: string): number {
  const code = typeCode(messageType, what);
  if (code < 0 || code > 255) throw new InvalidMessageTypeError(`${what}: message type ${code}: ${statusText(2)}`, 2, statusText(2));
  return code;
}

/** The channel id of a provider's messages of one type. */
export function channelId(providerId: number, messageType: MessageType | number | string): number {
  const what = "channel id";
  const provider = intValue(what, "provider_id", "u16", providerId);
  const code = typeByte(messageType, what);
  const out = new Uint8Array(4);
  check(fn.mitch_create_channel(provider, (code << 24) >> 24, out), `${what} (provider ${provider}, type ${code})`);
  return new DataView(out.buffer).getUint32(0, LE);
}

/** Split and validate a channel id. */
export function decodeChannel(id: number): Channel {
  const what = "decode channel";
  const channel = intValue(what, "channel_id", "u32", id);
  const provider = new Uint16Array(1);
  const type = new Uint8Array(1);
  check(fn.mitch_channel_decode(channel, provider, type), `${what} ${channel}`);
  return { id: channel, providerId: provider[0]!, messageType: type[0]! };
}

/** The channel of a provider and message type. */
export function channel(providerId: number, messageType: MessageType | number | string): Channel {
  return decodeChannel(channelId(providerId, messageType));
}

/** The 4 little-endian bytes of a channel id. */
export function packChannel(id: number): Uint8Array {
  const what = "pack channel";
  const out = new Uint8Array(4);
  check(fn.mitch_pack_channel(intValue(what, "channel_id", "u32", id), out), what);
  return out;
}

/** The channel id in the first 4 bytes of `data` (validated). */
export function unpackChannel(data: BytesLike): number {
  const bytes = asBytes(data, "unpack channel");
  const out = new Uint8Array(4);
  check(fn.mitch_unpack_channel(bytes, bytes.length, out), "unpack channel");
  return new DataView(out.buffer).getUint32(0, LE);
}
