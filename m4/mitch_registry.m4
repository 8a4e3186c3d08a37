# mitch_registry.m4 - the build machine's C compiler, for the registry's
# table generator (tools/gen-registry.c), which runs during the build.

# MITCH_PROG_CC_FOR_BUILD
# -----------------------
# Sets and substitutes:
#   CC_FOR_BUILD        natively $CC; when cross compiling the first of cc,
#                       gcc, clang on PATH, unless the user set it
#   CPPFLAGS_FOR_BUILD, CFLAGS_FOR_BUILD, LDFLAGS_FOR_BUILD
#                       natively $CPPFLAGS, $CFLAGS, $LDFLAGS (a sanitizer or
#                       -m32 build builds the generator the same way); when
#                       cross compiling empty, -O2, empty
#   BUILD_EXEEXT        the build machine's executable suffix
# and fails unless that compiler builds a program the build machine runs.
AC_DEFUN([MITCH_PROG_CC_FOR_BUILD], [
AC_REQUIRE([AC_PROG_CC])
AC_REQUIRE([AC_CANONICAL_BUILD])
AC_ARG_VAR([CC_FOR_BUILD],
  [C compiler for the programs that run during the build (default: $CC; cc when cross compiling)])
AC_ARG_VAR([CPPFLAGS_FOR_BUILD], [preprocessor flags for CC_FOR_BUILD])
AC_ARG_VAR([CFLAGS_FOR_BUILD], [C compiler flags for CC_FOR_BUILD])
AC_ARG_VAR([LDFLAGS_FOR_BUILD], [linker flags for CC_FOR_BUILD])
AS_IF([test "x$cross_compiling" = xyes],
  [AS_IF([test -z "$CC_FOR_BUILD"], [AC_CHECK_PROGS([CC_FOR_BUILD], [cc gcc clang])])
   AS_IF([test -z "$CC_FOR_BUILD"],
     [AC_MSG_ERROR([cross compiling needs a C compiler for the build machine: set CC_FOR_BUILD])])
   : "${CFLAGS_FOR_BUILD=-O2}"
   AS_CASE([$build_os], [mingw*|cygwin*|msys*], [BUILD_EXEEXT=.exe], [BUILD_EXEEXT=])],
  [: "${CC_FOR_BUILD=$CC}"
   : "${CPPFLAGS_FOR_BUILD=$CPPFLAGS}"
   : "${CFLAGS_FOR_BUILD=$CFLAGS}"
   : "${LDFLAGS_FOR_BUILD=$LDFLAGS}"
   BUILD_EXEEXT=$EXEEXT])
AC_CACHE_CHECK([whether $CC_FOR_BUILD builds programs for the build machine],
  [mitch_cv_cc_for_build_works],
  [mitch_cv_cc_for_build_works=no
   cat >conftest-build.c <<'_MITCH_EOF'
#include <stdio.h>
int main(void) { return puts("") == EOF; }
_MITCH_EOF
   AS_IF([$CC_FOR_BUILD $CPPFLAGS_FOR_BUILD $CFLAGS_FOR_BUILD $LDFLAGS_FOR_BUILD \
            -o conftest-build$BUILD_EXEEXT conftest-build.c >&AS_MESSAGE_LOG_FD 2>&1 &&
          ./conftest-build$BUILD_EXEEXT >/dev/null 2>&AS_MESSAGE_LOG_FD],
     [mitch_cv_cc_for_build_works=yes])
   rm -f conftest-build.c conftest-build$BUILD_EXEEXT])
AS_IF([test "x$mitch_cv_cc_for_build_works" != xyes],
  [AC_MSG_ERROR([$CC_FOR_BUILD cannot build programs for the build machine (see config.log); set CC_FOR_BUILD])])
AC_SUBST([BUILD_EXEEXT])
])
