#!/bin/sh
# junit.sh - the JUnit 5 suite (junit/) with mitch.jar on the class
# path, so the glue is the copy inside the jar, under -Xcheck:jni.  Fails
# when the suite fails or when the JNI checker reports anything: it writes
# "WARNING in native method: ...", "WARNING: JNI local refs ...",
# "Warning: Calling other JNI functions ..." or "FATAL ERROR ...".  (The
# JDK's own "WARNING: ..." notices, native access on JDK 24+, are not it.)
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/java/test-env.sh"
java_work junit
status=0
"$JAVA" -Xcheck:jni -Djava.io.tmpdir="$work" -jar "$JUNIT5_CONSOLE" \
  --disable-banner --details=tree --fail-if-no-tests \
  --class-path "$mitch_jar:$test_classes" --scan-class-path "$test_classes" \
  >"$work/stdout" 2>"$work/stderr" || status=$?
cat "$work/stdout" "$work/stderr"
if grep -E 'WARNING in native method|^WARNING: JNI |^Warning: .*JNI|FATAL ERROR' "$work/stdout" "$work/stderr" >/dev/null; then
  echo "FAIL: the JNI checker (-Xcheck:jni) reported problems:"
  grep -E 'WARNING in native method|^WARNING: JNI |^Warning: .*JNI|FATAL ERROR' "$work/stdout" "$work/stderr"
  exit 1
fi
exit $status
