#!/bin/sh
# nunit.sh - the NUnit 2.6 suite (tests/*.cs) with Debian's console runner,
# whose exit status is the number of failed tests.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/dotnet/test-env.sh"
dotnet_work nunit
cd "$work" || exit 99
"$MONO" --debug "$NUNIT_CONSOLE" "$dotnet_build/Mitch.Tests.dll" -nologo -labels \
  -xml="$work/TestResult.xml"
status=$?
[ "$status" = 0 ] || echo "FAIL: $status NUnit test(s) failed"
exit $status
