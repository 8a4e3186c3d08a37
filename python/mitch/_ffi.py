"""ctypes declarations of every function libmitch exports, and the ctypes
Structures of the structs of ``mitch.h``, built from the library's own
layout table.

Nothing here implements a codec: this module only says how to call the C
library.  :func:`bind` reads the layout table of a loaded ``CDLL``
(``mitch_layout_*``), builds one Structure per layout (``TradeStruct`` for
``mitch_trade`` ...) from the member offsets, kinds and sizes the table
gives - and refuses the library if ctypes would lay one out differently -
and declares the functions with them; the rest of the package calls the
library through the module-level ``lib`` object that :mod:`mitch` sets once
at import time.  Only the two structs that describe the table itself,
``mitch_layout`` and ``mitch_field``, are written here (the tests check them
against the C compiler's offsets, as they check every other Structure).
"""

from __future__ import annotations

from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int, c_int8, c_int16,
                    c_int32, c_size_t, c_uint, c_uint8, c_uint16, c_uint32, c_uint64,
                    c_void_p, sizeof, alignment)

TYPE_CHECKING = False  # typing costs import time: only type checkers import it
if TYPE_CHECKING:
    from typing import Any, Dict, List, Tuple
    Table = List[Tuple[Dict[str, Any], List[Dict[str, Any]]]]

from .exceptions import MissingSymbolError

# ---------------------------------------------------------------------------
# Constants of mitch.h that are not layouts.
# ---------------------------------------------------------------------------

MITCH_OK = 0
MITCH_END = 8
MAX_BODIES = 255
CHANNEL_SIZE = 4
U48_MAX = (1 << 48) - 1
SUB_TYPE_MAX = (1 << 20) - 1
QUERY_MAX = 255
#: the version this package needs: the layout table, checks and captures
#: are 1.1 functions.
MIN_VERSION_NUMBER = 0x010100
#: mitch.h's MITCH_NO_MEMBER (a padding field's struct_offset)
NO_MEMBER = (1 << (8 * sizeof(c_size_t))) - 1

# ---------------------------------------------------------------------------
# The table that describes every other struct.
# ---------------------------------------------------------------------------


class LayoutStruct(Structure):
    """``mitch_layout``."""

    _fields_ = [("id", c_uint8), ("message_type", c_uint8), ("name", c_char_p),
                ("wire_size", c_size_t), ("struct_size", c_size_t),
                ("struct_align", c_size_t), ("field_count", c_size_t)]


class FieldStruct(Structure):
    """``mitch_field``."""

    _fields_ = [("name", c_char_p), ("kind", c_int), ("wire_offset", c_size_t),
                ("wire_size", c_size_t), ("bit_offset", c_uint), ("bit_width", c_uint),
                ("count", c_size_t), ("struct_offset", c_size_t), ("struct_size", c_size_t),
                ("nested", c_uint8), ("wire_name", c_char_p), ("values", c_char_p),
                ("rule", c_char_p)]


#: ``enum mitch_field_kind``: number -> (name as ``mitch info`` prints it,
#: the ctypes type of one struct member element, or None: no member of
#: its own (padding) or one built from ``nested``/``count``).
FIELD_KINDS: Dict[int, Tuple[str, Any]] = {
    1: ("u8", c_uint8), 2: ("u16", c_uint16), 3: ("u32", c_uint32), 4: ("u48", c_uint64),
    5: ("u64", c_uint64), 6: ("i16", c_int16), 7: ("i32", c_int32), 8: ("f64", c_double),
    9: ("bits", c_uint8), 10: ("bins", None), 11: ("padding", None), 12: ("i8", c_int8),
    13: ("int", c_int), 14: ("size", c_size_t), 15: ("pointer", c_void_p),
    16: ("chars", c_char), 17: ("struct", None),
}

def _as_dict(s: Any) -> Dict[str, Any]:
    out = {}
    for name, _ in s._fields_:
        value = getattr(s, name)
        out[name] = value.decode("utf-8") if isinstance(value, bytes) else value
    return out


def read_table(cdll: Any) -> Table:
    """Every layout of the library's table, with its fields."""
    count = cdll.mitch_layout_count
    count.restype, count.argtypes = c_size_t, []
    layout_at = cdll.mitch_layout_at
    layout_at.restype, layout_at.argtypes = c_int, [c_size_t, POINTER(LayoutStruct)]
    field_at = cdll.mitch_layout_field
    field_at.restype, field_at.argtypes = c_int, [c_uint8, c_size_t, POINTER(FieldStruct)]
    table = []
    layout, field = LayoutStruct(), FieldStruct()
    for i in range(count()):
        if layout_at(i, layout):
            raise ImportError("mitch: libmitch's layout %d cannot be read" % i)
        fields = []
        for j in range(layout.field_count):
            if field_at(layout.id, j, field):
                raise ImportError("mitch: field %d of libmitch's layout %r cannot be read"
                                  % (j, layout.name))
            fields.append(_as_dict(field))
        table.append((_as_dict(layout), fields))
    return table


def struct_class_name(layout_name: str) -> str:
    """``order_book`` -> ``OrderBookStruct`` (the module attribute)."""
    return "".join(part.capitalize() for part in layout_name.split("_")) + "Struct"


def build_structs(table: Table) -> Dict[str, Any]:
    """One ctypes Structure per layout, members in struct order.  ctypes
    computes the offsets by the platform's C rules; each one, the size and
    the alignment must equal what the table says, else ImportError."""
    by_id = {layout["id"]: (layout, fields) for layout, fields in table}
    built: Dict[int, Any] = {}

    def build(layout_id: int) -> Any:
        if layout_id in built:
            return built[layout_id]
        layout, fields = by_id[layout_id]
        members = []
        for f in sorted((f for f in fields if f["struct_offset"] != NO_MEMBER),
                        key=lambda f: int(f["struct_offset"])):
            kind, ctype = FIELD_KINDS.get(f["kind"], ("?", None))
            if kind in ("bins", "struct"):
                ctype = build(f["nested"])
            elif ctype is None:
                raise ImportError("mitch: libmitch's %s.%s has a kind (%d) this package "
                                  "does not know" % (layout["name"], f["name"], f["kind"]))
            if f["count"] > 1 or kind in ("bins", "chars"):
                ctype = ctype * f["count"]
            members.append((f, ctype))
        cls = type(struct_class_name(layout["name"]), (Structure,), {
            "__doc__": "``mitch_%s`` (built from the library's layout table)." % layout["name"],
            "_fields_": [(f["name"], ctype) for f, ctype in members]})
        problems = ["%s at %d, not %d" % (f["name"], getattr(cls, f["name"]).offset,
                                          f["struct_offset"])
                    for f, _ in members if getattr(cls, f["name"]).offset != f["struct_offset"]
                    or getattr(cls, f["name"]).size != f["struct_size"]]
        if sizeof(cls) != layout["struct_size"] or alignment(cls) != layout["struct_align"]:
            problems.append("size %d align %d, not %d and %d" % (
                sizeof(cls), alignment(cls), layout["struct_size"], layout["struct_align"]))
        if problems:
            raise ImportError("mitch: ctypes lays out mitch_%s otherwise than libmitch: %s"
                              % (layout["name"], "; ".join(problems)))
        built[layout_id] = cls
        return cls

    return {"mitch_" + layout["name"]: build(layout["id"]) for layout, _ in table}


# ---------------------------------------------------------------------------
# Function declarations: name -> (restype, argtypes), in mitch.h order.
# Byte buffers are c_void_p so that bytes, ctypes arrays and raw addresses
# (from pinned Python buffers) can all be passed without a copy.
# ---------------------------------------------------------------------------

_u8p = POINTER(c_uint8)
_u16p = POINTER(c_uint16)
_u32p = POINTER(c_uint32)
_u64p = POINTER(c_uint64)
_i16p = POINTER(c_int16)
_i32p = POINTER(c_int32)
_dp = POINTER(c_double)
_szp = POINTER(c_size_t)
_buf = c_void_p      # const uint8_t * / uint8_t * (any byte buffer)
_cstr = c_char_p     # const char * (NUL-terminated text in)
_obuf = c_char_p     # char * (text out)


def _body_decls(prefix: str, struct: Any) -> List[Tuple[str, Any, List[Any]]]:
    sp = POINTER(struct)
    return [
        ("mitch_%s_validate" % prefix, c_int, [sp]),
        ("mitch_%s_encode" % prefix, c_int, [sp, _buf, c_size_t]),
        ("mitch_%s_decode" % prefix, c_int, [_buf, c_size_t, sp]),
        ("mitch_%s_encode_batch" % prefix, c_int, [sp, c_size_t, _buf, c_size_t, _szp]),
        ("mitch_%s_decode_batch" % prefix, c_int, [_buf, c_size_t, sp, c_size_t, _szp]),
    ]


def declarations(table: Table, structs: Dict[str, Any]) -> List[Tuple[str, Any, List[Any]]]:
    """(name, restype, argtypes) of every function of mitch.h, with the
    Structures built from ``table``; the body functions
    (``mitch_<layout>_*``) once per body layout of the table."""
    S = {name[len("mitch_"):]: cls for name, cls in structs.items()}
    bodies = [entry for layout, _ in table if layout["message_type"]
              for entry in _body_decls(layout["name"], S[layout["name"]])]
    return [
        # status
        ("mitch_strerror", c_char_p, [c_int]),
        # typed bodies
        ("mitch_header_validate", c_int, [POINTER(S["header"])]),
        ("mitch_header_encode", c_int, [POINTER(S["header"]), _buf, c_size_t]),
        ("mitch_header_decode", c_int, [_buf, c_size_t, POINTER(S["header"])]),
        *bodies,
        ("mitch_body_validate", c_int, [c_uint8, _buf, c_size_t]),
        # derived values
        ("mitch_tick_metrics_get", c_int, [POINTER(S["tick"]), POINTER(S["tick_metrics"])]),
        ("mitch_index_metrics_get", c_int, [POINTER(S["index"]), POINTER(S["index_metrics"])]),
        ("mitch_confidence_band", c_char_p, [c_uint8]),
        # order-book bins
        ("mitch_bin_table", c_int, [c_uint8, POINTER(POINTER(c_double))]),
        ("mitch_bin_aggregator_name", c_char_p, [c_uint8]),
        ("mitch_bin_price_range", c_int, [c_double, c_uint8, c_int, c_uint, _dp, _dp]),
        ("mitch_bin_for_price", c_int, [c_double, c_uint8, c_int, c_double, POINTER(c_uint)]),
        ("mitch_order_book_totals", c_int, [POINTER(S["order_book"]), _u64p, _u64p, _u64p,
                                            _u64p]),
        # whole messages and streams
        ("mitch_body_size", c_int, [c_uint8, _szp]),
        ("mitch_calculate_message_size", c_int, [c_uint8, c_uint8, _szp]),
        ("mitch_message_encode", c_int, [c_uint8, c_uint64, c_void_p, c_size_t, _buf, c_size_t,
                                         _szp]),
        ("mitch_reader_init", None, [POINTER(S["reader"]), c_void_p, c_size_t]),
        ("mitch_reader_next", c_int, [POINTER(S["reader"]), POINTER(S["message"])]),
        ("mitch_message_validate", c_int, [POINTER(S["message"]), _szp]),
        ("mitch_stream_validate", c_int, [_buf, c_size_t, c_uint8, POINTER(S["stream_info"])]),
        ("mitch_stream_gather", c_int, [_buf, c_size_t, c_uint8, _buf, c_size_t, _szp,
                                        POINTER(S["stream_info"])]),
        ("mitch_stream_frame", c_int, [c_uint8, c_uint64, _buf, c_size_t, _buf, c_size_t, _szp]),
        # layouts, errors that name the field, captures (1.1)
        ("mitch_layout_count", c_size_t, []),
        ("mitch_layout_at", c_int, [c_size_t, POINTER(LayoutStruct)]),
        ("mitch_layout_get", c_int, [c_uint8, POINTER(LayoutStruct)]),
        ("mitch_layout_field", c_int, [c_uint8, c_size_t, POINTER(FieldStruct)]),
        ("mitch_check_values", c_int, [c_uint8, c_void_p, c_size_t, POINTER(S["error"])]),
        ("mitch_check_wire", c_int, [c_uint8, _buf, c_size_t, c_size_t, POINTER(S["error"])]),
        ("mitch_check_stream", c_int, [_buf, c_size_t, c_uint8, POINTER(S["stream_info"]),
                                       POINTER(S["error"])]),
        ("mitch_capture_decode", c_int, [_buf, c_size_t, POINTER(S["capture_sink"]), c_size_t,
                                         POINTER(S["stream_info"]), POINTER(S["error"])]),
        ("mitch_capture_encode", c_int, [c_uint8, c_void_p, _u64p, c_size_t, _buf, c_size_t,
                                         _szp, POINTER(S["error"])]),
        # ticker ids, packed assets, channels
        ("mitch_ticker_id_encode", c_int, [POINTER(S["ticker_fields"]), _u64p]),
        ("mitch_ticker_id_decode", c_int, [c_uint64, POINTER(S["ticker_fields"])]),
        ("mitch_ticker_id_encode_batch", c_int, [POINTER(S["ticker_fields"]), c_size_t, _u64p,
                                                 _szp]),
        ("mitch_ticker_id_decode_batch", c_int, [_u64p, c_size_t, POINTER(S["ticker_fields"])]),
        ("mitch_validate_ticker_id", c_int, [c_uint64]),
        ("mitch_ticker_id_is_spot", c_int, [c_uint64]),
        ("mitch_ticker_id_is_forex", c_int, [c_uint64]),
        ("mitch_ticker_id_is_crypto", c_int, [c_uint64]),
        ("mitch_ticker_id_is_equity", c_int, [c_uint64]),
        ("mitch_ticker_id_forex", c_int, [c_uint8, c_uint16, c_uint16, _u64p]),
        ("mitch_ticker_id_crypto", c_int, [c_uint8, c_uint16, c_uint32, _u64p]),
        ("mitch_ticker_id_equity", c_int, [c_uint8, c_uint16, c_uint32, _u64p]),
        ("mitch_pack_asset", c_int, [c_uint8, c_uint16, _u32p]),
        ("mitch_unpack_asset", c_int, [c_uint32, _u8p, _u16p]),
        ("mitch_validate_channel", c_int, [c_uint32]),
        ("mitch_channel_decode", c_int, [c_uint32, _u16p, _u8p]),
        # registry
        ("mitch_asset_get", c_int, [c_uint8, c_uint16, POINTER(S["asset"])]),
        ("mitch_asset_get_packed", c_int, [c_uint32, POINTER(S["asset"])]),
        ("mitch_asset_find", c_int, [_cstr, c_int, c_double, POINTER(S["asset"]), _dp]),
        ("mitch_asset_count", c_size_t, [c_uint8]),
        ("mitch_asset_at", c_int, [c_uint8, c_size_t, POINTER(S["asset"])]),
        ("mitch_asset_class_get", c_int, [c_uint8, POINTER(S["class_info"])]),
        ("mitch_instrument_type_get", c_int, [c_uint8, POINTER(S["class_info"])]),
        ("mitch_provider_count", c_size_t, []),
        ("mitch_provider_at", c_int, [c_size_t, POINTER(S["provider"])]),
        ("mitch_provider_get", c_int, [c_uint16, POINTER(S["provider"])]),
        ("mitch_provider_find", c_int, [_cstr, c_double, POINTER(S["provider"]), _dp]),
        # symbol resolution
        ("mitch_resolve", c_int, [_cstr, c_uint8, POINTER(S["resolution"])]),
        ("mitch_name_key", c_int, [_cstr, _obuf, c_size_t, _szp]),
        ("mitch_jaro_winkler", c_int, [_cstr, _cstr, _dp]),
        # the flat ABI
        ("mitch_pack_trade", c_int, [c_uint64, c_double, c_uint32, c_uint32, c_uint8, _buf]),
        ("mitch_unpack_trade", c_int, [_buf, c_size_t, _u64p, _dp, _u32p, _u32p, _u8p]),
        ("mitch_pack_order", c_int, [c_uint64, c_uint32, c_double, c_uint32, c_uint8, c_uint8,
                                     c_uint64, _buf]),
        ("mitch_unpack_order", c_int, [_buf, c_size_t, _u64p, _u32p, _dp, _u32p, _u8p, _u8p,
                                       _u64p]),
        ("mitch_pack_tick", c_int, [c_uint64, c_double, c_double, c_uint32, c_uint32, _buf]),
        ("mitch_unpack_tick", c_int, [_buf, c_size_t, _u64p, _dp, _dp, _u32p, _u32p]),
        ("mitch_pack_index", c_int, [c_uint64, c_double, c_uint32, c_uint32, c_int32, c_int32,
                                     c_int32, c_int32, c_int32, c_uint16, c_uint16, c_int16,
                                     c_int16, c_uint8, c_uint8, c_uint8, _buf]),
        ("mitch_unpack_index", c_int, [_buf, c_size_t, _u64p, _dp, _u32p, _u32p, _i32p, _i32p,
                                       _i32p, _i32p, _i32p, _u16p, _u16p, _i16p, _i16p, _u8p,
                                       _u8p, _u8p]),
        ("mitch_pack_order_book", c_int, [c_uint64, c_double, c_uint8, _u32p, _u32p, _buf,
                                          c_size_t]),
        ("mitch_unpack_order_book", c_int, [_buf, c_size_t, _u64p, _dp, _u8p, _u32p, _u32p]),
        ("mitch_get_message_sizes", c_int, [_szp, _szp, _szp, _szp, _szp, _szp]),
        ("mitch_pack_header", c_int, [c_uint8, c_uint64, c_uint8, _buf]),
        ("mitch_unpack_header", c_int, [_buf, c_size_t, _u8p, _u64p, _u8p]),
        ("mitch_create_header", c_int, [c_uint8, c_uint64, c_uint8, _buf, c_size_t]),
        ("mitch_resolve_asset", c_int, [_cstr, c_double, _u32p, _u16p, _u8p, _obuf, c_size_t,
                                        _obuf, c_size_t, _dp]),
        ("mitch_resolve_asset_in_class", c_int, [_cstr, c_uint8, c_double, _u32p, _u16p, _obuf,
                                                 c_size_t, _obuf, c_size_t, _dp]),
        ("mitch_get_asset_by_id", c_int, [c_uint8, c_uint16, _u32p, _obuf, c_size_t, _obuf,
                                          c_size_t]),
        ("mitch_resolve_ticker", c_int, [_cstr, c_uint8, _u64p, _u32p, _u32p, _dp]),
        ("mitch_find_market_provider", c_int, [_cstr, c_double, _u16p, _obuf, c_size_t, _dp]),
        ("mitch_get_market_provider_by_id", c_int, [c_uint16, _obuf, c_size_t]),
        ("mitch_get_all_market_providers", c_int, [_u16p, c_size_t, _szp]),
        ("mitch_create_ticker_id", c_int, [c_uint8, c_uint8, c_uint16, c_uint8, c_uint16,
                                           c_uint32, _u64p]),
        ("mitch_decode_ticker_id", c_int, [c_uint64, _u8p, _u8p, _u16p, _u8p, _u16p, _u32p]),
        ("mitch_create_channel", c_int, [c_uint16, c_char, _u32p]),
        ("mitch_pack_channel", c_int, [c_uint32, _buf]),
        ("mitch_unpack_channel", c_int, [_buf, c_size_t, _u32p]),
        # versions
        ("mitch_get_version", c_char_p, []),
        ("mitch_get_version_len", c_size_t, []),
        ("mitch_get_protocol_version", c_char_p, []),
        ("mitch_get_protocol_version_len", c_size_t, []),
        ("mitch_get_version_number", c_uint, []),
    ]


class _Missing:
    """Stands in for a function the loaded library does not export: calling
    it raises :class:`MissingSymbolError` (an older or partial libmitch)."""

    def __init__(self, name: str, library: str) -> None:
        self.__name__ = name
        self._library = library

    def __call__(self, *args: Any) -> Any:
        raise MissingSymbolError(
            "%s is not exported by the loaded libmitch (%s): that library is older "
            "than this package or was built without it; install a complete libmitch "
            "1.x or point MITCH_LIBRARY at one" % (self.__name__, self._library))


class Library:
    """One loaded libmitch: its layout table (``table``), the Structures
    built from it (``structs``, by C name) and its functions, as attributes
    named like the C functions (``lib.mitch_pack_trade``).

    A function is declared (``restype``/``argtypes``) the first time it is
    used, so that importing the package does not pay for the ones a program
    never calls; a function the library does not export is a stand-in that
    raises :class:`MissingSymbolError` when called.
    """

    def __init__(self, cdll: Any, path: str, source: str) -> None:
        self.cdll = cdll
        self.path = path
        self.source = source
        try:
            self.table = read_table(cdll)
        except AttributeError as err:
            raise ImportError("mitch: %s has no layout table (%s): it is not libmitch 1.1 or "
                              "later" % (path, err)) from None
        self.structs = build_structs(self.table)
        self.structs.update(mitch_layout=LayoutStruct, mitch_field=FieldStruct)
        self.declarations = declarations(self.table, self.structs)
        self._by_name = {name: (restype, argtypes)
                         for name, restype, argtypes in self.declarations}
        self.by_class_name = {cls.__name__: cls for cls in self.structs.values()}

    def __getattr__(self, name: str) -> Any:
        declaration = self.__dict__.get("_by_name", {}).get(name)
        if declaration is None:
            raise AttributeError("libmitch declares no function %r" % name)
        fn = self.alias(name, *declaration)
        # Two threads may bind the same name at once: both get an equal
        # declaration of the same C function, and one of them is kept.
        self.__dict__[name] = fn
        return fn

    @property
    def missing(self) -> List[str]:
        """The declared functions the loaded library does not export."""
        return [name for name, _, _ in self.declarations
                if isinstance(getattr(self, name), _Missing)]

    def alias(self, name: str, restype: Any, argtypes: List[Any]) -> Any:
        """A separately declared handle on ``name``; the package's fast paths
        use it to pass, say, output pointers as ``c_void_p`` addresses of one
        struct's members instead of a ctypes object each.  The declaration
        in ``declarations`` stays the faithful one."""
        try:
            fn = self.cdll[name]
        except (AttributeError, KeyError, TypeError):
            return _Missing(name, self.path)
        fn.restype = restype
        fn.argtypes = argtypes
        return fn


def bind(cdll: Any, path: str = "", source: str = "") -> Library:
    """The layout table, Structures and functions of ``cdll``."""
    return Library(cdll, path, source)


#: The library the package uses; set by ``mitch/__init__.py`` before any
#: other module of the package is imported.
lib: Library = None  # type: ignore[assignment]


def __getattr__(name: str) -> Any:
    """``TradeStruct``, ``STRUCTS``, ``DECLARATIONS``, ``TABLE``: those of the
    package's library."""
    if lib is not None:
        if name == "STRUCTS":
            return lib.structs
        if name == "DECLARATIONS":
            return lib.declarations
        if name == "TABLE":
            return lib.table
        if name in lib.by_class_name:
            return lib.by_class_name[name]
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def strerror(status: int) -> str:
    """libmitch's text for a status code."""
    text = lib.mitch_strerror(status)
    return str(text.decode("utf-8", "replace")) if text else "status %d" % status
