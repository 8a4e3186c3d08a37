/*
 * check_registry_drift.c - the registry compiled into the library holds
 * exactly the facts of the CSV files in ../shared/reference/ids: every asset of the
 * six class files (id, name, aliases), the asset classes, the instrument
 * types and the market providers, no more and no fewer.
 *
 * The reference is found at $MITCH_SHARED_DIR (make check sets it to the
 * configured MITCH_SHARED_DIR, default ../shared beside the source tree).
 * Without it -- a build from the release tarball -- the test is skipped
 * (exit 77); CI always has it.
 *
 * The quirks of the reference (../shared/reference/README.md) are read the
 * way data/README.md says the project's copy fixes them: ids are decimal
 * with leading zeros, aliases are trimmed (" RKT"), a missing aliases
 * column means no aliases, class 15 is reserved although not listed.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

#ifndef DRIFT_DEFAULT_SHARED_DIR
#define DRIFT_DEFAULT_SHARED_DIR "../shared"
#endif

static const char *shared_dir(void) {
  const char *d = getenv("MITCH_SHARED_DIR");
  return d && *d ? d : DRIFT_DEFAULT_SHARED_DIR;
}

typedef struct csv_row {
  char id[32];
  char name[256];
  char aliases[512]; /* trimmed and re-joined with '|' */
} csv_row;

static void trim(char *s) {
  size_t n = strlen(s), i = 0;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
    s[--n] = '\0';
  while (s[i] == ' ')
    i++;
  memmove(s, s + i, n - i + 1);
}

/* Split "id,name[,a|b|c]" (no quoting in these files). */
static int parse_row(char *line, csv_row *r) {
  char *name, *aliases, *item, *next;
  line[strcspn(line, "\r\n")] = '\0';
  name = strchr(line, ',');
  if (!name)
    return 0;
  *name++ = '\0';
  aliases = strchr(name, ',');
  if (aliases)
    *aliases++ = '\0';
  if (strlen(line) >= sizeof r->id || strlen(name) >= sizeof r->name)
    return 0;
  strcpy(r->id, line);
  strcpy(r->name, name);
  r->aliases[0] = '\0';
  for (item = aliases; item && *item; item = next) {
    next = strchr(item, '|');
    if (next)
      *next++ = '\0';
    trim(item);
    if (!*item)
      continue;
    if (strlen(r->aliases) + strlen(item) + 2 > sizeof r->aliases)
      return 0;
    if (r->aliases[0])
      strcat(r->aliases, "|");
    strcat(r->aliases, item);
  }
  return 1;
}

static unsigned long decimal(const char *s) {
  char *end;
  unsigned long v;
  errno = 0;
  v = strtoul(s, &end, 10); /* base 10: "00101" is 101, not octal */
  ck_assert_msg(*s >= '0' && *s <= '9' && *end == '\0' && errno == 0 && v <= 0xFFFF,
                "bad id \"%s\"", s);
  return v;
}

/* Calls check(row) for every data row of reference/ids/<file>, after
   checking the header; returns the number of rows. */
static size_t each_row(const char *file, const char *header, void (*check)(const csv_row *)) {
  char path[4096], line[1024];
  FILE *f;
  size_t rows = 0;
  snprintf(path, sizeof path, "%s/reference/ids/%s", shared_dir(), file);
  f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  ck_assert_msg(fgets(line, sizeof line, f) != NULL, "%s is empty", path);
  line[strcspn(line, "\r\n")] = '\0';
  ck_assert_msg(strcmp(line, header) == 0, "%s: header \"%s\"", path, line);
  while (fgets(line, sizeof line, f)) {
    csv_row r;
    if (line[0] == '\n' || line[0] == '\0')
      continue;
    ck_assert_msg(parse_row(line, &r), "%s: cannot parse \"%s\"", path, line);
    check(&r);
    rows++;
  }
  fclose(f);
  return rows;
}

static uint8_t current_class;

static void check_asset(const csv_row *r) {
  mitch_asset a;
  unsigned long id = decimal(r->id);
  int st = mitch_asset_get(current_class, (uint16_t)id, &a);
  ck_assert_msg(st == MITCH_OK, "asset %u/%lu (%s) is missing", current_class, id, r->name);
  ck_assert_msg(strcmp(a.name, r->name) == 0, "asset %u/%lu: name \"%s\", reference \"%s\"",
                current_class, id, a.name, r->name);
  ck_assert_msg(strcmp(a.aliases, r->aliases) == 0,
                "asset %u/%lu: aliases \"%s\", reference \"%s\"", current_class, id, a.aliases,
                r->aliases);
}

START_TEST(test_assets) {
  static const struct {
    uint8_t cls;
    const char *file;
  } files[] = {{0, "equities.csv"},    {2, "sovereign-debt.csv"}, {3, "forex.csv"},
               {4, "commodities.csv"}, {6, "crypto-assets.csv"},  {10, "indices.csv"}};
  size_t i, total = 0;
  unsigned c;
  for (i = 0; i < sizeof files / sizeof files[0]; i++) {
    size_t rows;
    current_class = files[i].cls;
    rows = each_row(files[i].file, "id,name,aliases", check_asset);
    /* Same count: nothing extra in the library (ids are unique per class,
       so equal counts and every row present mean equal sets). */
    ck_assert_msg(rows == mitch_asset_count(files[i].cls), "%s: %zu rows, library has %zu",
                  files[i].file, rows, mitch_asset_count(files[i].cls));
    total += rows;
  }
  for (c = 0; c < 16; c++)
    total -= mitch_asset_count((uint8_t)c);
  ck_assert_msg(total == 0, "the library has assets in classes without a reference file");
}
END_TEST

static void check_class(const csv_row *r) {
  mitch_class_info info;
  unsigned long id = decimal(r->id);
  ck_assert_int_eq(mitch_asset_class_get((uint8_t)id, &info), MITCH_OK);
  ck_assert_str_eq(info.name, r->name);
  ck_assert_str_eq(info.code, r->aliases);
}

static void check_type(const csv_row *r) {
  mitch_class_info info;
  unsigned long id = decimal(r->id);
  ck_assert_int_eq(mitch_instrument_type_get((uint8_t)id, &info), MITCH_OK);
  ck_assert_str_eq(info.name, r->name);
  ck_assert_str_eq(info.code, r->aliases);
}

START_TEST(test_classes_and_types) {
  mitch_class_info info;
  ck_assert_uint_eq(each_row("asset-classes.csv", "id,name,aliases", check_class), 15);
  ck_assert_int_eq(mitch_asset_class_get(15, &info), MITCH_OK); /* reserved, not listed */
  ck_assert_str_eq(info.name, "*Reserved*");
  ck_assert_uint_eq(each_row("instrument-types.csv", "mitch_id,name,aliases", check_type), 16);
}
END_TEST

static void check_provider(const csv_row *r) {
  mitch_provider p;
  unsigned long id = decimal(r->id);
  const char *a;
  ck_assert_msg(mitch_provider_get((uint16_t)id, &p) == MITCH_OK, "provider %lu (%s) missing",
                id, r->name);
  ck_assert_str_eq(p.name, r->name);
  /* Reference aliases (none today) must be among our abbreviations. */
  for (a = r->aliases; *a;) {
    size_t n = strcspn(a, "|");
    char item[64];
    ck_assert_uint_lt(n, sizeof item);
    memcpy(item, a, n);
    item[n] = '\0';
    ck_assert_msg(strstr(p.abbreviations, item) != NULL, "provider %lu lacks alias %s", id, item);
    a += n + (a[n] == '|');
  }
}

START_TEST(test_providers) {
  size_t rows = each_row("market-providers.csv", "id,name,aliases", check_provider);
  ck_assert_uint_eq(rows, mitch_provider_count());
}
END_TEST

int main(void) {
  char probe[4096];
  FILE *f;
  Suite *s;
  TCase *tc;
  snprintf(probe, sizeof probe, "%s/reference/ids/forex.csv", shared_dir());
  f = fopen(probe, "r");
  if (!f) {
    printf("SKIP: no shared reference at %s (a tarball build); CI always has it\n",
           shared_dir());
    return 77;
  }
  fclose(f);
  s = suite_create("registry drift");
  tc = tu_tcase("reference");
  tcase_add_test(tc, test_assets);
  tcase_add_test(tc, test_classes_and_types);
  tcase_add_test(tc, test_providers);
  suite_add_tcase(s, tc);
  return tu_run_suite(s);
}
