/*
 * cmd_info.c - mitch info: versions, body sizes, and with --layouts the
 * library's whole layout table (every wire layout and API struct, field by
 * field), as text or as the JSON every binding's tests compare their own
 * layouts with.
 *
 * Everything printed comes from the library at run time (mitch_layout_*),
 * so the tool lists no body type of its own.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mitch.h"

/* The names of enum mitch_field_kind, as the JSON spells them. */
static const char *kind_name(int kind) {
  static const char *const names[] = {
      NULL,      "u8",   "u16",     "u32",     "u48",   "u64",  "i16",   "i32",   "f64",
      "bits",    "bins", "padding", "i8",      "int",   "size", "pointer", "chars", "struct"};
  if (kind < 1 || (size_t)kind >= sizeof names / sizeof names[0])
    return "?";
  return names[kind];
}

/* A JSON string: the table's texts are ASCII, but escape what JSON
   requires anyway. */
static void put_json_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c < 0x20)
      fprintf(out, "\\u%04x", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

static const char *layout_name(uint8_t id) {
  mitch_layout l;
  return mitch_layout_get(id, &l) == MITCH_OK ? l.name : "?";
}

static int has_nested(const mitch_field *f) {
  return f->kind == MITCH_FIELD_BINS || f->kind == MITCH_FIELD_STRUCT;
}

static void print_layouts_json(FILE *out) {
  size_t i, j, n = mitch_layout_count();
  fprintf(out, "{\"library_version\":");
  put_json_string(out, mitch_get_version());
  fprintf(out, ",\"protocol_version\":");
  put_json_string(out, mitch_get_protocol_version());
  fprintf(out, ",\"layouts\":[");
  for (i = 0; i < n; i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    fprintf(out, "%s{\"id\":%u,\"name\":", i ? "," : "", (unsigned)l.id);
    put_json_string(out, l.name);
    if (l.message_type)
      fprintf(out, ",\"message_type\":\"%c\"", (char)l.message_type);
    else
      fprintf(out, ",\"message_type\":null");
    fprintf(out, ",\"wire_size\":%zu,\"struct_size\":%zu,\"struct_align\":%zu,\"fields\":[",
            l.wire_size, l.struct_size, l.struct_align);
    for (j = 0; j < l.field_count; j++) {
      mitch_field f;
      mitch_layout_field(l.id, j, &f);
      fprintf(out, "%s{\"name\":", j ? "," : "");
      put_json_string(out, f.name);
      fprintf(out, ",\"kind\":\"%s\",\"wire_offset\":%zu,\"wire_size\":%zu,\"bit_offset\":%u,"
                   "\"bit_width\":%u,\"count\":%zu,\"struct_offset\":",
              kind_name(f.kind), f.wire_offset, f.wire_size, f.bit_offset, f.bit_width, f.count);
      if (f.struct_offset == MITCH_NO_MEMBER)
        fprintf(out, "null");
      else
        fprintf(out, "%zu", f.struct_offset);
      fprintf(out, ",\"struct_size\":%zu,\"nested\":", f.struct_size);
      if (has_nested(&f))
        put_json_string(out, layout_name(f.nested));
      else
        fprintf(out, "null");
      fprintf(out, ",\"wire_name\":");
      put_json_string(out, f.wire_name);
      fprintf(out, ",\"values\":");
      put_json_string(out, f.values);
      fprintf(out, ",\"rule\":");
      put_json_string(out, f.rule);
      fputc('}', out);
    }
    fprintf(out, "]}");
  }
  fprintf(out, "]}\n");
}

static void print_layouts_text(FILE *out) {
  size_t i, j, n = mitch_layout_count();
  for (i = 0; i < n; i++) {
    mitch_layout l;
    mitch_layout_at(i, &l);
    if (i)
      fputc('\n', out);
    if (l.message_type)
      fprintf(out, "%s (type '%c'): %zu bytes on the wire; mitch_%s: %zu bytes, align %zu\n",
              l.name, (char)l.message_type, l.wire_size, l.name, l.struct_size, l.struct_align);
    else if (l.wire_size)
      fprintf(out, "%s (layout %u): %zu bytes on the wire; mitch_%s: %zu bytes, align %zu\n",
              l.name, (unsigned)l.id, l.wire_size, l.name, l.struct_size, l.struct_align);
    else
      fprintf(out, "%s (layout %u): API struct mitch_%s: %zu bytes, align %zu\n", l.name,
              (unsigned)l.id, l.name, l.struct_size, l.struct_align);
    if (l.wire_size)
      fprintf(out, "  %-15s %-7s %5s %5s %5s %6s %7s %5s  %s\n", "field", "kind", "wire", "size",
              "bits", "count", "struct", "size", "rule");
    else
      fprintf(out, "  %-15s %-7s %6s %7s %5s  %s\n", "field", "kind", "count", "struct", "size",
              "nested");
    for (j = 0; j < l.field_count; j++) {
      mitch_field f;
      char bits[16] = "", member[24] = "-";
      mitch_layout_field(l.id, j, &f);
      if (f.kind == MITCH_FIELD_BITS)
        snprintf(bits, sizeof bits, "%u..%u", f.bit_offset, f.bit_offset + f.bit_width - 1);
      if (f.struct_offset != MITCH_NO_MEMBER)
        snprintf(member, sizeof member, "%zu", f.struct_offset);
      if (l.wire_size) {
        fprintf(out, "  %-15s %-7s %5zu %5zu %5s %6zu %7s %5zu", f.name, kind_name(f.kind),
                f.wire_offset, f.wire_size, bits, f.count, member, f.struct_size);
        if (f.rule[0])
          fprintf(out, "  %s", f.rule);
        if (strcmp(f.wire_name, f.name) != 0)
          fprintf(out, "  (on the wire: %s)", f.wire_name);
        if (f.values[0])
          fprintf(out, "  [%s]", f.values);
        fputc('\n', out);
      } else {
        fprintf(out, "  %-15s %-7s %6zu %7s %5zu", f.name, kind_name(f.kind), f.count, member,
                f.struct_size);
        if (has_nested(&f))
          fprintf(out, "  %s", layout_name(f.nested));
        fputc('\n', out);
      }
    }
  }
}

static void info_usage(FILE *to) {
  fprintf(to, "usage: mitch info [--layouts] [--json]\n"
              "Library and protocol versions and body sizes; with --layouts, every wire\n"
              "layout and API struct of the library field by field (offsets, sizes,\n"
              "kinds, rules), as text or as one JSON object with --json.\n");
}

int cmd_info(int argc, char **argv) {
  int json = 0, layouts = 0, i;
  mitch_layout header;
  size_t k, n = mitch_layout_count();
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = 1;
    } else if (strcmp(argv[i], "--layouts") == 0) {
      layouts = 1;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      info_usage(stdout);
      return 0;
    } else {
      char echo[CLI_ECHO_BUF];
      cli_error("info", "unknown option '%s'", cli_echo(argv[i], echo));
      info_usage(stderr);
      return 2;
    }
  }
  if (layouts) {
    if (json)
      print_layouts_json(stdout);
    else
      print_layouts_text(stdout);
    return 0;
  }
  /* the header, then every body type, in table order */
  mitch_layout_get(MITCH_LAYOUT_HEADER, &header);
  if (json) {
    printf("{\"library_version\":\"%s\",\"protocol_version\":\"%s\",\"sizes\":{\"header\":%zu",
           mitch_get_version(), mitch_get_protocol_version(), header.wire_size);
    for (k = 0; k < n; k++) {
      mitch_layout l;
      mitch_layout_at(k, &l);
      if (l.message_type)
        printf(",\"%s\":%zu", l.name, l.wire_size);
    }
    printf("}}\n");
    return 0;
  }
  printf("libmitch %s (header %s)\nMITCH protocol %s\n\n", mitch_get_version(),
         MITCH_VERSION_STRING, mitch_get_protocol_version());
  printf("%-12s %-5s %s\n", "body", "code", "bytes");
  printf("%-12s %-5s %zu\n", "header", "-", header.wire_size);
  for (k = 0; k < n; k++) {
    mitch_layout l;
    mitch_layout_at(k, &l);
    if (l.message_type)
      printf("%-12s %-5c %zu\n", l.name, (char)l.message_type, l.wire_size);
  }
  return 0;
}
