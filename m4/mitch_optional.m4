# mitch_optional.m4 - optional libraries that are proved to work for the host.
#
# MITCH_OPTIONAL_LIB(VAR, NAME, MODULE, WITH, PROLOGUE, BODY)
#
# Looks MODULE up with pkg-config (PKG_PROG_PKG_CONFIG picks $host-pkg-config
# when there is one), then compiles and links PROLOGUE/BODY with the flags it
# gave, for the host.  pkg-config's answer alone is not proof: on a cross
# build without a $host-pkg-config, the build machine's pkg-config answers
# for the build machine's own copy (a native libjansson-dev, say), whose
# header or library the host's compiler cannot use.
#
# WITH is the --with-NAME value: "no" skips the library, "yes" makes its
# absence an error, anything else ("auto") uses it when it works.  Sets
# VAR_CFLAGS and VAR_LIBS (precious, so the user can override them),
# have_NAME (yes/no) and NAME_why (why not, for the summary).
AC_DEFUN([MITCH_OPTIONAL_LIB], [
  have_$2=no
  $2_why="--without-$2"
  AS_IF([test "x$4" != xno], [
    PKG_CHECK_MODULES([$1], [$3], [mitch_pkg_found=yes], [mitch_pkg_found=no])
    AS_IF([test "x$mitch_pkg_found" = xyes], [
      AC_MSG_CHECKING([whether $3 compiles and links for $host])
      mitch_save_CFLAGS=$CFLAGS
      mitch_save_LIBS=$LIBS
      CFLAGS="$CFLAGS $$1_CFLAGS"
      LIBS="$$1_LIBS $LIBS"
      AC_LINK_IFELSE([AC_LANG_PROGRAM([$5], [$6])], [have_$2=yes],
        [$2_why="pkg-config ($PKG_CONFIG) found $3, but it does not compile and link for $host (a build-machine copy?)"])
      CFLAGS=$mitch_save_CFLAGS
      LIBS=$mitch_save_LIBS
      AC_MSG_RESULT([$have_$2])
    ], [
      $2_why="pkg-config ($PKG_CONFIG) has no $3 for $host"
    ])
    AS_IF([test "x$have_$2" = xno], [
      $1_CFLAGS=
      $1_LIBS=
      AS_IF([test "x$4" = xyes], [AC_MSG_ERROR([--with-$2 given, but: $$2_why])])
    ])
  ])
])
