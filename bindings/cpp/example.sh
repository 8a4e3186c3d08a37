#!/bin/sh
# example.sh - run the README's C++ example (bindings/cpp/example.cpp, built
# by make check) and compare its output with bindings/cpp/example.expected.
set -u
out=$(${MITCH_TEST_WRAPPER:-} ./bindings/cpp/example) || { echo "FAIL: the example exited $?"; exit 1; }
printf '%s\n' "$out" | tr -d '\r' | diff -u "${srcdir:-.}/bindings/cpp/example.expected" - ||
  { echo "FAIL: the example's output differs"; exit 1; }
echo "ok: bindings/cpp/example"
