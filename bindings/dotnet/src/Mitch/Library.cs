// Library.cs - the libmitch that was loaded.
namespace Mitch
{
  /// <summary>The libmitch that was loaded: its versions and its file.</summary>
  public static class Library
  {
    /// <summary>The library version, e.g. "1.1.0".</summary>
    public static string Version
    {
      get { Loader.Ensure(); return Utf8.FromC(Native.GetVersion()); }
    }

    /// <summary>(major &lt;&lt; 16) | (minor &lt;&lt; 8) | patch of the library loaded.</summary>
    public static uint VersionNumber
    {
      get { Loader.Ensure(); return Native.GetVersionNumber(); }
    }

    /// <summary>The wire protocol version the library speaks, e.g. "1.0.0".</summary>
    public static string ProtocolVersion
    {
      get { Loader.Ensure(); return Utf8.FromC(Native.GetProtocolVersion()); }
    }

    /// <summary>The file the dynamic loader mapped for libmitch, or null where it cannot tell.</summary>
    public static string Path
    {
      get { return Dl.FileOf(Native.Library, "mitch_get_version_number"); }
    }
  }
}
