#!/bin/sh
# run-example.sh PROGRAM - run an example and compare its output with
# PROGRAM.expected in the source tree, so the README's examples are known
# to work as shown.
set -u
prog=$1
name=$(basename "$prog" .exe)
expected=${srcdir:-.}/examples/$name.expected
out=$(${MITCH_TEST_WRAPPER:-} "$prog") || { echo "FAIL: $prog exited $?"; exit 1; }
printf '%s\n' "$out" | tr -d '\r' | diff -u "$expected" - || { echo "FAIL: $prog output differs"; exit 1; }
echo "ok: $prog"
