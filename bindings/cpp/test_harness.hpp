/*
 * test_harness.hpp - the few lines of test machinery the C++ binding's tests
 * share: TEST(name) registers a case, CHECK(cond) records a failure with its
 * line and lets the case go on, REQUIRE(cond) ends the case.  run_all()
 * prints one line per failing case and the closing "N passed, N failed".
 *
 * Works with and without exceptions (the -fno-exceptions build of the
 * suite uses the same file).
 */
#ifndef MITCH_TEST_HARNESS_HPP
#define MITCH_TEST_HARNESS_HPP

#include <cstdio>
#include <cstring>

namespace harness {

using test_fn = void (*)();

struct test_case {
  const char *name;
  test_fn fn;
  test_case *next;
};

/* The registry of cases: a linked list of statics, built before main. */
inline test_case *&first() {
  static test_case *head = nullptr;
  return head;
}
inline test_case *&last() {
  static test_case *tail = nullptr;
  return tail;
}

struct registrar {
  test_case node;
  registrar(const char *name, test_fn fn) : node{name, fn, nullptr} {
    if (last())
      last()->next = &node;
    else
      first() = &node;
    last() = &node;
  }
};

/* Failures of the case that is running. */
inline unsigned &failures() {
  static unsigned n = 0;
  return n;
}
inline const char *&current() {
  static const char *name = "";
  return name;
}

inline void fail(const char *file, int line, const char *what) {
  std::fprintf(stderr, "%s:%d: %s: CHECK failed: %s\n", file, line, current(), what);
  failures()++;
}

/* Run every case whose name contains `filter` (NULL: all). */
inline int run_all(const char *filter) {
  unsigned passed = 0, failed = 0;
  for (test_case *t = first(); t; t = t->next) {
    if (filter && !std::strstr(t->name, filter))
      continue;
    current() = t->name;
    failures() = 0;
#if defined(__cpp_exceptions)
    try {
      t->fn();
    } catch (const std::exception &e) {
      std::fprintf(stderr, "%s: unexpected exception: %s\n", t->name, e.what());
      failures()++;
    } catch (...) {
      std::fprintf(stderr, "%s: unexpected exception\n", t->name);
      failures()++;
    }
#else
    t->fn();
#endif
    if (failures()) {
      std::printf("FAIL: %s\n", t->name);
      failed++;
    } else {
      passed++;
    }
  }
  std::printf("%u passed, %u failed\n", passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace harness

#define HARNESS_CAT2(a, b) a##b
#define HARNESS_CAT(a, b) HARNESS_CAT2(a, b)
#define TEST(name)                                                                              \
  static void test_##name();                                                                    \
  static harness::registrar HARNESS_CAT(registrar_, name)(#name, test_##name);                  \
  static void test_##name()
#define CHECK(cond)                                                                             \
  do {                                                                                          \
    if (!(cond))                                                                                \
      harness::fail(__FILE__, __LINE__, #cond);                                                 \
  } while (0)
#define REQUIRE(cond)                                                                           \
  do {                                                                                          \
    if (!(cond)) {                                                                              \
      harness::fail(__FILE__, __LINE__, #cond);                                                 \
      return;                                                                                   \
    }                                                                                           \
  } while (0)

#endif /* MITCH_TEST_HARNESS_HPP */
