# mitch_jvm.m4 - the toolchains of the Java (JNI) and C# (P/Invoke) bindings.
#
# MITCH_JAVA_TOOLCHAIN: a JDK (javac, jar, java, javadoc and jni.h) builds
# bindings/java: the JNI glue libmitch-jni with the library's compiler,
# mitch.jar and mitch-conformance.jar; Debian's JUnit 5 console launcher
# (package junit5) runs its tests.  Sets JAVAC JAR JAVA JAVADOC JNI_CPPFLAGS
# JUNIT5_CONSOLE, AM_CONDITIONALs HAVE_JAVA and HAVE_JUNIT5, and
# mitch_java_summary for the summary.
#
# MITCH_DOTNET_TOOLCHAIN: Mono's mcs (C# 7.2) and mono build bindings/dotnet;
# NUnit 2.6's console runner (Debian's nunit-console) runs its tests.  Sets
# MCS MONO NUNIT_CONSOLE NUNIT_FRAMEWORK, AM_CONDITIONALs HAVE_MONO and
# HAVE_NUNIT, and mitch_dotnet_summary.
#
# Both look only when enable_bindings is yes (never when cross compiling:
# the glue must load into this machine's JVM).

AC_DEFUN([MITCH_JAVA_TOOLCHAIN], [
  AC_ARG_VAR([JAVAC], [Java compiler for the Java binding])
  AC_ARG_VAR([JAVA_HOME], [JDK whose javac, jar, java and jni.h the Java binding uses])
  AC_ARG_VAR([JUNIT5_CONSOLE], [JUnit 5 console launcher jar (default: Debian's junit5 package)])
  have_java=no
  have_junit5=no
  mitch_java_summary=no
  AS_IF([test "x$enable_bindings" = xyes], [
    AS_IF([test -n "$JAVA_HOME" && test -x "$JAVA_HOME/bin/javac"],
      [JAVAC=${JAVAC:-$JAVA_HOME/bin/javac}])
    AC_PATH_PROGS([JAVAC], [javac])
    AS_IF([test -n "$JAVAC"], [
      dnl The JDK is the directory above the real javac (Debian links
      dnl /usr/bin/javac through alternatives).
      mitch_jdk=`readlink -f "$JAVAC" 2>/dev/null || echo "$JAVAC"`
      mitch_jdk=`dirname "$mitch_jdk"`
      mitch_jdk=`dirname "$mitch_jdk"`
      AS_IF([test -z "$JAVA_HOME"], [JAVA_HOME=$mitch_jdk])
      JAR=$JAVA_HOME/bin/jar
      JAVA=$JAVA_HOME/bin/java
      JAVADOC=$JAVA_HOME/bin/javadoc
      AC_MSG_CHECKING([for jni.h in $JAVA_HOME])
      AS_IF([test -f "$JAVA_HOME/include/jni.h" && test -x "$JAR" && test -x "$JAVA"], [
        JNI_CPPFLAGS="-I$JAVA_HOME/include"
        for mitch_jni_md in "$JAVA_HOME"/include/*/jni_md.h; do
          AS_IF([test -f "$mitch_jni_md"],
            [JNI_CPPFLAGS="$JNI_CPPFLAGS -I`dirname $mitch_jni_md`"])
        done
        AC_MSG_RESULT([yes])
        AC_MSG_CHECKING([whether $JAVAC compiles for Java 17 (--release 17)])
        mitch_java_dir=`mktemp -d 2>/dev/null || echo conftest.java.d`
        mkdir -p "$mitch_java_dir"
        echo 'record Probe(long x) {}' > "$mitch_java_dir/Probe.java"
        AS_IF(["$JAVAC" --release 17 -d "$mitch_java_dir" "$mitch_java_dir/Probe.java" >&AS_MESSAGE_LOG_FD 2>&1],
          [have_java=yes], [have_java=no])
        rm -rf "$mitch_java_dir"
        AC_MSG_RESULT([$have_java])
      ], [AC_MSG_RESULT([no])])
    ])
    AS_IF([test "x$have_java" = xyes], [
      AC_MSG_CHECKING([for the JUnit 5 console launcher])
      AS_IF([test -z "$JUNIT5_CONSOLE"],
        [JUNIT5_CONSOLE=/usr/share/java/junit-platform-console-standalone.jar])
      AS_IF([test -f "$JUNIT5_CONSOLE"], [have_junit5=yes], [JUNIT5_CONSOLE=])
      AC_MSG_RESULT([${JUNIT5_CONSOLE:-no}])
      mitch_java_version=`"$JAVA" -version 2>&1 | sed -n '1s/.*version "\(.*\)".*/\1/p'`
      mitch_java_summary="yes ($JAVA_HOME, Java $mitch_java_version)"
      AS_IF([test "x$have_junit5" = xyes],
        [mitch_java_summary="$mitch_java_summary, JUnit 5 tests"],
        [mitch_java_summary="$mitch_java_summary, no tests (install Debian's junit5)"])
    ], [mitch_java_summary="no (install a JDK with jni.h, e.g. default-jdk-headless)"])
  ])
  AC_SUBST([JAR])
  AC_SUBST([JAVA])
  AC_SUBST([JAVADOC])
  AC_SUBST([JNI_CPPFLAGS])
  dnl The glue links libmitch through the linker, past libtool (see
  dnl bindings/java/local.mk: no build-tree RUNPATH in the glue).
  AC_SUBST([JNI_LINK_MITCH], ['-Wl,-lmitch'])
  AM_CONDITIONAL([HAVE_JAVA], [test "x$have_java" = xyes])
  AM_CONDITIONAL([HAVE_JUNIT5], [test "x$have_junit5" = xyes])
])

AC_DEFUN([MITCH_DOTNET_TOOLCHAIN], [
  AC_ARG_VAR([MCS], [Mono C@%:@ compiler for the C@%:@ binding])
  AC_ARG_VAR([MONO], [Mono runtime for the C@%:@ binding's tests and tools])
  AC_ARG_VAR([NUNIT_CONSOLE], [NUnit 2.6 console runner (an .exe run by mono)])
  have_mono=no
  have_nunit=no
  mitch_dotnet_summary=no
  AS_IF([test "x$enable_bindings" = xyes], [
    AC_PATH_PROGS([MCS], [mcs])
    AC_PATH_PROGS([MONO], [mono])
    AS_IF([test -n "$MCS" && test -n "$MONO"], [
      AC_MSG_CHECKING([whether $MCS compiles C@%:@ 7.2 with Span<byte>])
      mitch_cs_dir=`mktemp -d 2>/dev/null || echo conftest.cs.d`
      mkdir -p "$mitch_cs_dir"
      cat > "$mitch_cs_dir/probe.cs" <<'MITCH_EOF'
public readonly struct Probe { public readonly int X; public Probe(int x) { X = x; }
  public static int Main() { System.Span<byte> s = new byte@<:@2@:>@; return s.Length - 2; } }
MITCH_EOF
      AS_IF(["$MCS" -langversion:7.2 -out:"$mitch_cs_dir/probe.exe" "$mitch_cs_dir/probe.cs" >&AS_MESSAGE_LOG_FD 2>&1 &&
             "$MONO" "$mitch_cs_dir/probe.exe" >&AS_MESSAGE_LOG_FD 2>&1],
        [have_mono=yes])
      rm -rf "$mitch_cs_dir"
      AC_MSG_RESULT([$have_mono])
    ])
    AS_IF([test "x$have_mono" = xyes], [
      AC_MSG_CHECKING([for NUnit 2.6])
      AS_IF([test -z "$NUNIT_CONSOLE"], [NUNIT_CONSOLE=/usr/lib/nunit/nunit-console.exe])
      NUNIT_FRAMEWORK=`ls /usr/lib/cli/nunit.framework-2.6*/nunit.framework.dll 2>/dev/null | head -n 1`
      AS_IF([test -f "$NUNIT_CONSOLE" && test -n "$NUNIT_FRAMEWORK"], [have_nunit=yes])
      AC_MSG_RESULT([$have_nunit])
      mitch_mono_version=`"$MONO" --version 2>/dev/null | sed -n '1s/.*version \([[0-9.]]*\).*/\1/p'`
      mitch_dotnet_summary="yes (Mono $mitch_mono_version, $MCS -langversion:7.2)"
      AS_IF([test "x$have_nunit" = xyes],
        [mitch_dotnet_summary="$mitch_dotnet_summary, NUnit tests"],
        [mitch_dotnet_summary="$mitch_dotnet_summary, no tests (install Debian's nunit-console libnunit-cil-dev)"])
    ], [mitch_dotnet_summary="no (install Debian's mono-devel)"])
  ])
  AC_SUBST([NUNIT_FRAMEWORK])
  AM_CONDITIONAL([HAVE_MONO], [test "x$have_mono" = xyes])
  AM_CONDITIONAL([HAVE_NUNIT], [test "x$have_nunit" = xyes])
])
