#!/bin/sh
# csproj.sh - the SDK-style Mitch.csproj (for .NET users; not buildable
# here) compiles exactly what make compiles with mcs: its <Compile> items,
# the list in local.mk and the .cs files on disk are the same set.  Its
# version is the library's, and it asks for C# 7.2 as mcs does.
set -u
. "${MITCH_TOP_BUILDDIR:?run through make check}/bindings/dotnet/test-env.sh"
dotnet_work csproj
csproj="$dotnet_src/src/Mitch/Mitch.csproj"
fails=0
sed -n 's|.*<Compile Include="\([^"]*\)" */>.*|\1|p' "$csproj" | LC_ALL=C sort > "$work/csproj"
sed -n '/^mitch_dotnet_sources = /,/^$/p' "$dotnet_src/local.mk" | tr -d '\\\t' | tr ' ' '\n' |
  sed -n 's|^bindings/dotnet/src/Mitch/\(.*\.cs\)$|\1|p' | LC_ALL=C sort > "$work/make"
(cd "$dotnet_src/src/Mitch" && ls *.cs) | LC_ALL=C sort > "$work/disk"
for other in make disk; do
  if cmp -s "$work/csproj" "$work/$other"; then
    echo "ok: Mitch.csproj lists the same $(wc -l < "$work/csproj") files as $other"
  else
    echo "FAIL: Mitch.csproj (-) and $other (+) differ:"; diff "$work/csproj" "$work/$other"
    fails=$((fails + 1))
  fi
done
grep -q '<EnableDefaultCompileItems>false</EnableDefaultCompileItems>' "$csproj" ||
  { echo "FAIL: the csproj must not glob (EnableDefaultCompileItems)"; fails=$((fails + 1)); }
grep -q '<LangVersion>7.2</LangVersion>' "$csproj" ||
  { echo "FAIL: the csproj must ask for C# 7.2"; fails=$((fails + 1)); }
version=$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' "$csproj")
if [ "$version" = "$MITCH_PACKAGE_VERSION" ]; then
  echo "ok: version $version"
else
  echo "FAIL: csproj version '$version' is not the library's $MITCH_PACKAGE_VERSION"
  fails=$((fails + 1))
fi
[ "$fails" = 0 ]
