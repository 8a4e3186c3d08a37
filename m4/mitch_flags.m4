# mitch_flags.m4 - small compiler/linker probes for libmitch.
#
# MITCH_CHECK_CFLAG(FLAG, [ACTION-IF-OK], [ACTION-IF-NOT])
# Compiles an empty program with FLAG (and -Werror, so that a warning about
# an unknown option counts as "not supported").
AC_DEFUN([MITCH_CHECK_CFLAG], [
  AS_VAR_PUSHDEF([mitch_cv], [mitch_cv_cflag_$1])
  AC_CACHE_CHECK([whether $CC accepts $1], [mitch_cv], [
    mitch_save_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $1"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
      [AS_VAR_SET([mitch_cv], [yes])], [AS_VAR_SET([mitch_cv], [no])])
    CFLAGS=$mitch_save_CFLAGS])
  AS_VAR_IF([mitch_cv], [yes], [$2], [$3])
  AS_VAR_POPDEF([mitch_cv])
])

# MITCH_CHECK_LDFLAG(FLAG, [ACTION-IF-OK], [ACTION-IF-NOT])
# Links a shared-library-style program with FLAG.
AC_DEFUN([MITCH_CHECK_LDFLAG], [
  AC_MSG_CHECKING([whether the linker accepts $1])
  mitch_save_LDFLAGS=$LDFLAGS
  LDFLAGS="$LDFLAGS $1"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([int mitch_probe(void); int mitch_probe(void) { return 0; }], [return mitch_probe();])],
    [AC_MSG_RESULT([yes]); $2], [AC_MSG_RESULT([no]); $3])
  LDFLAGS=$mitch_save_LDFLAGS
])

# AX_PTHREAD_SIMPLE: set PTHREAD_CFLAGS/PTHREAD_LIBS for the thread tests.
# (The library itself never uses threads.)
AC_DEFUN([AX_PTHREAD_SIMPLE], [
  PTHREAD_CFLAGS=
  PTHREAD_LIBS=
  AC_MSG_CHECKING([how to use POSIX threads])
  mitch_save_CFLAGS=$CFLAGS; mitch_save_LIBS=$LIBS
  CFLAGS="$CFLAGS -pthread"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([#include <pthread.h>
static void *f(void *a) { return a; }],
      [pthread_t t; pthread_create(&t, 0, f, 0); pthread_join(t, 0);])],
    [PTHREAD_CFLAGS=-pthread; have_pthread=yes], [have_pthread=no])
  CFLAGS=$mitch_save_CFLAGS; LIBS=$mitch_save_LIBS
  AC_MSG_RESULT([$have_pthread ($PTHREAD_CFLAGS)])
  AC_SUBST([PTHREAD_CFLAGS])
  AC_SUBST([PTHREAD_LIBS])
  AM_CONDITIONAL([HAVE_PTHREAD], [test "x$have_pthread" = xyes])
])
