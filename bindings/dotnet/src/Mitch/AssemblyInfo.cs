// AssemblyInfo.cs - the test assembly checks the internal interop structs
// against the library's layout table, so it may see them.
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Mitch.Tests")]
