dnl mitch_cppgo.m4 - the toolchains of the C++ binding (include/mitch.hpp,
dnl bindings/cpp) and the Go binding (bindings/go).
dnl
dnl MITCH_CPPGO_TOOLCHAINS sets, when the bindings are enabled:
dnl   mitch_cxx17=yes      $CXX compiles and links C++17 (make check builds the
dnl                        C++ tests and bindings/cpp/mitch-conformance with it)
dnl   mitch_cxx20=yes      ... and C++20 with std::span (the C++20 test build)
dnl   MITCH_CXX_OTHERS     the other C++17 compilers found among g++ and
dnl                        clang++ (bindings/cpp/ci-extra.sh builds with them)
dnl   GO, mitch_go=yes     a Go >= 1.19 with cgo and pkg-config (make check
dnl                        runs the Go tests)
dnl and the conditionals MITCH_CPP_TESTS, MITCH_CPP20_TESTS, MITCH_GO_TESTS.
dnl mitch_cppgo_summary is the line for configure's closing summary.
dnl
dnl configure.ac expands AC_PROG_CXX at its top level just before this
dnl macro (libtool's C++ support warns when it is expanded inside one), in
dnl every configuration: automake and libtool need CXX defined, and
dnl installing mitch.hpp needs no compiler; only the tests depend on what
dnl it found.
AC_DEFUN([MITCH_CPPGO_TOOLCHAINS], [
AC_REQUIRE([AC_PROG_CXX])
dnl The CMake package's version file refuses a library of another pointer
dnl size (installed in every configuration).
AC_CHECK_SIZEOF([void *])
AC_SUBST([MITCH_SIZEOF_VOID_P], [$ac_cv_sizeof_void_p])
AC_ARG_VAR([GO], [the Go toolchain for the Go binding's tests (default: go on PATH)])

mitch_cxx17=no
mitch_cxx20=no
MITCH_CXX_OTHERS=
mitch_go=no
mitch_go_version=
mitch_cppgo_cxx_why="bindings disabled"
mitch_cppgo_go_why="bindings disabled"

AS_IF([test "x$enable_bindings" = xyes], [
  AC_LANG_PUSH([C++])
  mitch_save_CXXFLAGS=$CXXFLAGS
  dnl The header needs C++17: string_view, inline variables, if constexpr.
  AC_MSG_CHECKING([whether $CXX compiles C++17 (for mitch.hpp's tests)])
  CXXFLAGS="$mitch_save_CXXFLAGS -std=c++17"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <string_view>
#if __cplusplus < 201703L
#error not C++17
#endif
inline constexpr std::string_view s = "mitch";]], [[return static_cast<int>(s.size()) - 5;]])],
    [mitch_cxx17=yes], [mitch_cxx17=no])
  AC_MSG_RESULT([$mitch_cxx17])
  AS_IF([test "x$mitch_cxx17" = xyes], [
    AC_MSG_CHECKING([whether $CXX compiles C++20 with std::span])
    CXXFLAGS="$mitch_save_CXXFLAGS -std=c++20"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <span>
#if !defined(__cpp_lib_span)
#error no std::span
#endif]], [[int a[2] = {0, 0}; std::span<int> s(a); return static_cast<int>(s.size()) - 2;]])],
      [mitch_cxx20=yes], [mitch_cxx20=no])
    AC_MSG_RESULT([$mitch_cxx20])
  ])
  CXXFLAGS=$mitch_save_CXXFLAGS
  AC_LANG_POP([C++])
  mitch_cppgo_cxx_why="no C++17 compiler (install g++)"

  dnl The issue's two compilers: whichever of g++ and clang++ is not $CXX,
  dnl when it compiles C++17 too.
  AC_MSG_CHECKING([for other C++17 compilers (g++, clang++)])
  cat >conftest.cpp <<'_MITCH_EOF'
#include <string_view>
int main() { return std::string_view("").size() != 0; }
_MITCH_EOF
  for mitch_cxx in g++ clang++; do
    AS_IF([test "x$mitch_cxx" != "x$CXX" && command -v "$mitch_cxx" >/dev/null 2>&1 &&
           $mitch_cxx -std=c++17 conftest.cpp -o conftest$EXEEXT >/dev/null 2>&1],
      [MITCH_CXX_OTHERS="$MITCH_CXX_OTHERS $mitch_cxx"])
  done
  rm -f conftest.cpp conftest$EXEEXT
  MITCH_CXX_OTHERS=`echo $MITCH_CXX_OTHERS`
  AC_MSG_RESULT([${MITCH_CXX_OTHERS:-none}])

  dnl Go: Debian 12's 1.19 is the oldest the module supports; cgo finds the
  dnl library through pkg-config (mitch-uninstalled.pc in the build tree).
  AS_IF([test -z "$GO"], [AC_PATH_PROG([GO], [go])])
  mitch_cppgo_go_why="no go command (install golang-go)"
  AS_IF([test -n "$GO"], [
    AC_MSG_CHECKING([whether $GO is Go >= 1.19 with cgo])
    mitch_go_version=`"$GO" env GOVERSION 2>/dev/null`
    mitch_go_cgo=`"$GO" env CGO_ENABLED 2>/dev/null`
    dnl "go1.19.8", "go1.26.8", "go1.22rc1": the minor number after "go1."
    mitch_go_minor=`echo "$mitch_go_version" | $SED -n 's/^go1\.\([[0-9]]*\).*/\1/p'`
    AS_IF([test -z "$mitch_go_minor"],
        [mitch_cppgo_go_why="cannot tell the version of $GO (${mitch_go_version:-none})"],
      [test "$mitch_go_minor" -lt 19],
        [mitch_cppgo_go_why="$GO is $mitch_go_version (need go1.19 or later)"],
      [test "x$mitch_go_cgo" != x1],
        [mitch_cppgo_go_why="$GO has cgo disabled (needs CGO_ENABLED=1 and a C compiler)"],
      [test -z "$PKG_CONFIG"],
        [mitch_cppgo_go_why="no pkg-config (cgo finds libmitch through it)"],
      [mitch_go=yes])
    AC_MSG_RESULT([$mitch_go ($mitch_go_version)])
  ])
])

AM_CONDITIONAL([MITCH_CPP_TESTS], [test "x$mitch_cxx17" = xyes])
AM_CONDITIONAL([MITCH_CPP20_TESTS], [test "x$mitch_cxx20" = xyes])
AM_CONDITIONAL([MITCH_GO_TESTS], [test "x$mitch_go" = xyes])
AC_SUBST([MITCH_CXX_OTHERS])

AS_IF([test "x$mitch_cxx17" = xyes],
  [mitch_cppgo_cpp="$CXX -std=c++17"
   AS_IF([test "x$mitch_cxx20" = xyes], [mitch_cppgo_cpp="$mitch_cppgo_cpp and c++20"])
   AS_IF([test -n "$MITCH_CXX_OTHERS"], [mitch_cppgo_cpp="$mitch_cppgo_cpp; also $MITCH_CXX_OTHERS"])],
  [mitch_cppgo_cpp="no ($mitch_cppgo_cxx_why)"])
AS_IF([test "x$mitch_go" = xyes],
  [mitch_cppgo_go="$mitch_go_version ($GO)"],
  [mitch_cppgo_go="no ($mitch_cppgo_go_why)"])
mitch_cppgo_summary="C++: $mitch_cppgo_cpp; Go: $mitch_cppgo_go"
])
