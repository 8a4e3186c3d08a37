/*
 * rss_probe.c - the memory a process pays for loading libmitch.
 *
 * Built twice: bench/rss_probe links libmitch and calls one function (so
 * the library is loaded and relocated); bench/rss_probe_nolib is the same
 * program without the library.  Each prints its resident set size (VmRSS,
 * peak VmHWM) and, when linked, the pages of the libmitch mappings
 * themselves, read from /proc/self/smaps (Linux only): resident (mostly
 * page-cache pages shared with every process that maps the library) and
 * anonymous (pages this process copied on write - relocations, .data -,
 * the library's real per-process cost).  Anonymous, not Private_Dirty: a
 * freshly written library file's page-cache pages also count as dirty
 * until they are written back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RSS_PROBE_WITHOUT_LIBRARY
#include <mitch.h>
#endif

/* "Key:   1234 kB" lines of a /proc file; -1 if absent. */
static long status_kb(const char *path, const char *key) {
  char line[512];
  long v = -1;
  size_t klen = strlen(key);
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, key, klen) && line[klen] == ':') {
      v = strtol(line + klen + 1, NULL, 10);
      break;
    }
  fclose(f);
  return v;
}

/* Sum Size, Rss and Anonymous over the mappings whose path names
   libmitch.  smaps lists a mapping header line (address range ... path)
   followed by "Key: value kB" lines. */
static int library_mappings(long *size_kb, long *rss_kb, long *anon_kb) {
  char line[1024];
  int in_lib = 0, found = 0;
  FILE *f = fopen("/proc/self/smaps", "r");
  *size_kb = *rss_kb = *anon_kb = 0;
  if (!f)
    return 0;
  while (fgets(line, sizeof line, f)) {
    unsigned long start, end;
    if (sscanf(line, "%lx-%lx ", &start, &end) == 2) { /* "7f..-7f.. r-xp ... path" */
      in_lib = strstr(line, "libmitch") != NULL;
      found |= in_lib;
      continue;
    }
    if (!in_lib)
      continue;
    if (!strncmp(line, "Size:", 5))
      *size_kb += strtol(line + 5, NULL, 10);
    else if (!strncmp(line, "Rss:", 4))
      *rss_kb += strtol(line + 4, NULL, 10);
    else if (!strncmp(line, "Anonymous:", 10))
      *anon_kb += strtol(line + 10, NULL, 10);
  }
  fclose(f);
  return found;
}

int main(void) {
  long rss = status_kb("/proc/self/status", "VmRSS");
  long hwm = status_kb("/proc/self/status", "VmHWM");
#ifndef RSS_PROBE_WITHOUT_LIBRARY
  long size_kb, rss_kb, anon_kb;
  const char *version = mitch_get_version();
  if (rss < 0) {
    printf("rss_probe: /proc/self/status is not available on this system\n");
    return 0;
  }
  printf("process linked with libmitch %s: VmRSS %ld kB, VmHWM %ld kB\n", version, rss, hwm);
  if (library_mappings(&size_kb, &rss_kb, &anon_kb))
    printf("  libmitch mappings: %ld kB mapped, %ld kB resident (shared page cache), "
           "%ld kB anonymous (this process's own copy)\n",
           size_kb, rss_kb, anon_kb);
  else
    printf("  libmitch mappings: none found (statically linked?)\n");
#else
  long size_kb, rss_kb, anon_kb;
  if (rss < 0) {
    printf("rss_probe: /proc/self/status is not available on this system\n");
    return 0;
  }
  printf("same process without libmitch:   VmRSS %ld kB, VmHWM %ld kB\n", rss, hwm);
  (void)library_mappings(&size_kb, &rss_kb, &anon_kb);
#endif
  return 0;
}
