dnl mitch_js.m4 - MITCH_JS_BINDING: the toolchain of bindings/js.
dnl
dnl Node.js >= 18 and npm build and test the JavaScript package; make
dnl installs its npm dependencies (koffi, typescript, deno, bun, pinned by
dnl bindings/js/package-lock.json) into the build tree's bindings/js with
dnl `npm ci` unless a `npm install` there already did.  Deno and Bun are
dnl those npm packages; configure reports the ones already installed.
dnl --without-node leaves the JavaScript binding alone out.
AC_DEFUN([MITCH_JS_BINDING], [
AC_ARG_WITH([node],
  [AS_HELP_STRING([--without-node], [do not build or test the JavaScript binding])],
  [], [with_node=auto])
AC_ARG_VAR([NODE], [the Node.js interpreter for the JavaScript binding (>= 18)])
AC_ARG_VAR([NPM], [npm, which installs the JavaScript binding's dependencies])
have_js=no
js_summary="no"
AS_IF([test "x$enable_bindings" = xyes && test "x$with_node" != xno], [
  AC_PATH_PROGS([NODE], [node nodejs], [])
  AC_PATH_PROG([NPM], [npm], [])
  AS_IF([test -n "$NODE"], [
    AC_MSG_CHECKING([whether $NODE is Node.js 18 or newer])
    mitch_node_version=`"$NODE" -p 'process.versions.node' 2>/dev/null`
    AS_IF(["$NODE" -e 'process.exit(+process.versions.node.split(".")[[0]] >= 18 ? 0 : 1)' >/dev/null 2>&1],
      [AC_MSG_RESULT([yes ($mitch_node_version)]); mitch_node_ok=yes],
      [AC_MSG_RESULT([no ($mitch_node_version)]); mitch_node_ok=no])
  ], [mitch_node_ok=no])
  AS_IF([test "x$mitch_node_ok" = xyes && test -n "$NPM"], [
    have_js=yes
    mitch_npm_version=`"$NPM" --version 2>/dev/null`
    js_summary="yes (node $mitch_node_version, npm $mitch_npm_version"
    dnl Deno and Bun come from npm; report what an earlier npm step installed.
    for mitch_rt in deno bun; do
      mitch_rt_version=
      for mitch_dir in bindings/js "$srcdir/bindings/js"; do
        AS_IF([test -z "$mitch_rt_version" && test -x "$mitch_dir/node_modules/.bin/$mitch_rt"],
          [mitch_rt_version=`"$mitch_dir/node_modules/.bin/$mitch_rt" --version 2>/dev/null | sed -n '1s/^[[^0-9]]*\([[0-9.]]*\).*/\1/p'`])
      done
      AS_IF([test -n "$mitch_rt_version"],
        [js_summary="$js_summary, $mitch_rt $mitch_rt_version"],
        [js_summary="$js_summary, $mitch_rt from npm at make time"])
    done
    js_summary="$js_summary)"
  ], [
    AS_IF([test "x$with_node" = xyes],
      [AC_MSG_ERROR([--with-node given but Node.js >= 18 and npm were not found])])
    js_summary="no (needs Node.js >= 18 and npm)"
  ])
], [
  AS_IF([test "x$enable_bindings" != xyes], [js_summary="no (bindings disabled)"],
    [js_summary="no (--without-node)"])
])
AM_CONDITIONAL([HAVE_JS], [test "x$have_js" = xyes])
])
