/* bench_clock.h - a monotonic nanosecond clock for the benchmark programs
   (QueryPerformanceCounter on Windows, where MinGW has no clock_gettime). */
#ifndef MITCH_BENCH_CLOCK_H
#define MITCH_BENCH_CLOCK_H

#ifdef _WIN32
#include <windows.h>
static inline double now_ns(void) {
  LARGE_INTEGER t, f;
  QueryPerformanceCounter(&t);
  QueryPerformanceFrequency(&f);
  return (double)t.QuadPart * 1e9 / (double)f.QuadPart;
}
#else
#include <time.h>
static inline double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}
#endif

#endif
