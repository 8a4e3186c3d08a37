// Loader.cs - finding libmitch before the first P/Invoke is compiled.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Mitch
{
  /// <summary>
  /// Loads libmitch once, in its static constructor, which every public
  /// entry point triggers (through <see cref="Ensure"/>) before it calls a
  /// wrapper of <see cref="Native"/>.  Order (bindings.md): the
  /// <c>MITCH_LIBRARY</c> environment variable (a full path; when set and
  /// it fails, nothing else is tried), then the platform's own search for
  /// the versioned name (<c>libmitch.so.1</c>; the dllmap of Mitch.dll.config
  /// gives <c>libmitch-1.dll</c> and <c>libmitch.1.dylib</c>).  The loaded
  /// library's major version must be 1.  Any failure becomes one message
  /// listing what was tried, thrown as <see cref="LibraryLoadException"/> by
  /// every call that needs the library.
  /// </summary>
  internal static class Loader
  {
    internal const int Major = 1;
    internal const string EnvironmentVariable = "MITCH_LIBRARY";

    /// <summary>Null when the library is usable, else the explanation.</summary>
    internal static readonly string Error;

    static Loader()
    {
#if NETCOREAPP3_0_OR_GREATER
      // .NET has no dllmap: map the versioned name to the platform's file.
      // (Compiled only by the .csproj for .NET, which is not built or run
      // here; Mono's mcs never defines this symbol.)
      NativeLibrary.SetDllImportResolver(typeof(Loader).Assembly, ResolveOnDotNet);
#endif
      Error = Load();
    }

#if NETCOREAPP3_0_OR_GREATER
    static IntPtr ResolveOnDotNet(string name, System.Reflection.Assembly assembly, DllImportSearchPath? path)
    {
      if (name != Native.Library)
        return IntPtr.Zero;
      string file = Environment.GetEnvironmentVariable(EnvironmentVariable);
      if (string.IsNullOrEmpty(file))
        file = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "libmitch-1.dll"
          : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "libmitch.1.dylib" : Native.Library;
      IntPtr handle;
      return NativeLibrary.TryLoad(file, assembly, path, out handle) ? handle : IntPtr.Zero;
    }
#endif

    /// <summary>Throws the loading error, with everything that was tried.</summary>
    internal static void Ensure()
    {
      if (Error != null)
        throw new LibraryLoadException(Error);
    }

    static bool IsWindows
    {
      get { return Environment.OSVersion.Platform == PlatformID.Win32NT; }
    }

    static string Load()
    {
      var tried = new List<string>();
      string path = Environment.GetEnvironmentVariable(EnvironmentVariable);
      if (!string.IsNullOrEmpty(path))
      {
        string problem = LoadFile(path);
        if (problem != null)
        {
          tried.Add(EnvironmentVariable + "=" + path + ": " + problem);
          return Explain(tried, EnvironmentVariable + " is set, so nothing else was tried.");
        }
        tried.Add(EnvironmentVariable + "=" + path + ": loaded");
      }
      else
      {
        tried.Add(EnvironmentVariable + ": not set");
      }
      uint number;
      try
      {
        number = Native.GetVersionNumber();
      }
      catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException
                                || e is BadImageFormatException)
      {
        tried.Add(Native.Library + " through the platform's search (LD_LIBRARY_PATH, the "
                  + "ldconfig cache, /usr/lib; Mitch.dll.config maps the name on other "
                  + "systems): " + e.GetType().Name + ": " + e.Message);
        return Explain(tried, null);
      }
      if (number >> 16 != Major)
      {
        return "the libmitch loaded from " + (Library.Path ?? "(unknown file)") + " is version "
               + (number >> 16) + "." + ((number >> 8) & 0xff) + "." + (number & 0xff)
               + ", but this C# binding needs " + Major + ".x. Install libmitch " + Major
               + ".x or point " + EnvironmentVariable + " at it.";
      }
      return null;
    }

    /// <summary>Loads a library file by path so that its soname is taken; null on success.</summary>
    static string LoadFile(string path)
    {
      try
      {
        if (IsWindows)
        {
          return LoadLibraryW(path) != IntPtr.Zero ? null
            : "LoadLibrary failed, error " + Marshal.GetLastWin32Error();
        }
        // RTLD_NOW | RTLD_GLOBAL: the DllImport of the versioned name then
        // finds this copy, already loaded under its soname.
        return Dl.Open(path, 2 | 0x100);
      }
      catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
      {
        return "no dlopen on this platform (" + e.Message + ")";
      }
    }

    static string Explain(List<string> tried, string note)
    {
      var text = new StringBuilder("libmitch could not be loaded. Tried, in order:");
      foreach (string step in tried)
        text.Append("\n  - ").Append(step);
      if (note != null)
        text.Append('\n').Append(note);
      text.Append("\nFix: install libmitch (the libmitch1 package, or 'make install' and ")
          .Append("'sudo ldconfig'), or set ").Append(EnvironmentVariable)
          .Append(" to the full path of libmitch.so.1 (in a build tree: lib/.libs/libmitch.so.1;")
          .Append(" libmitch-1.dll on Windows, libmitch.1.dylib on macOS).");
      return text.ToString();
    }

    [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
    static extern IntPtr LoadLibraryW(string path);
  }

  /// <summary>dlopen and friends: libdl.so.2 on glibc, libc elsewhere.</summary>
  internal static class Dl
  {
    internal const int Lazy = 1;
    internal const int NoLoad = 4;

    [DllImport("libdl.so.2", EntryPoint = "dlopen")]
    static extern IntPtr dlopen_glibc(string file, int mode);
    [DllImport("libdl.so.2", EntryPoint = "dlerror")]
    static extern IntPtr dlerror_glibc();
    [DllImport("libdl.so.2", EntryPoint = "dlsym")]
    static extern IntPtr dlsym_glibc(IntPtr handle, string name);
    [DllImport("libdl.so.2", EntryPoint = "dladdr")]
    static extern int dladdr_glibc(IntPtr address, out DlInfo info);
    [DllImport("libc", EntryPoint = "dlopen")]
    static extern IntPtr dlopen_libc(string file, int mode);
    [DllImport("libc", EntryPoint = "dlerror")]
    static extern IntPtr dlerror_libc();
    [DllImport("libc", EntryPoint = "dlsym")]
    static extern IntPtr dlsym_libc(IntPtr handle, string name);
    [DllImport("libc", EntryPoint = "dladdr")]
    static extern int dladdr_libc(IntPtr address, out DlInfo info);

    [StructLayout(LayoutKind.Sequential)]
    internal struct DlInfo
    {
      public IntPtr FileName;
      public IntPtr Base;
      public IntPtr SymbolName;
      public IntPtr SymbolAddress;
    }

    /// <summary>Whether libdl.so.2 (glibc) exists; found once, before any dlerror matters.</summary>
    static readonly bool Glibc = HasLibdl();

    static bool HasLibdl()
    {
      try
      {
        dlerror_glibc();
        return true;
      }
      catch (DllNotFoundException)
      {
        return false;
      }
    }

    /// <summary>dlopen; null on success, else dlerror's text.</summary>
    internal static string Open(string file, int mode)
    {
      return Glibc ? OpenGlibc(file, mode) : OpenLibc(file, mode);
    }

    // dlerror must come right after the failed dlopen: Mono itself calls the
    // dl functions when it resolves a P/Invoke (which it does when it
    // compiles the calling method), and that would clear the message.  So
    // each of these methods calls only functions of one library, all
    // resolved before it runs.
    static string OpenGlibc(string file, int mode)
    {
      if (dlopen_glibc(file, mode) != IntPtr.Zero)
        return null;
      IntPtr e = dlerror_glibc();
      return e == IntPtr.Zero ? "dlopen failed" : Marshal.PtrToStringAnsi(e);
    }

    static string OpenLibc(string file, int mode)
    {
      if (dlopen_libc(file, mode) != IntPtr.Zero)
        return null;
      IntPtr e = dlerror_libc();
      return e == IntPtr.Zero ? "dlopen failed" : Marshal.PtrToStringAnsi(e);
    }

    /// <summary>The file that defines a symbol of an already loaded library, or null.</summary>
    internal static string FileOf(string library, string symbol)
    {
      try
      {
        bool glibc = Glibc;
        IntPtr handle = glibc ? dlopen_glibc(library, Lazy | NoLoad) : dlopen_libc(library, Lazy | NoLoad);
        if (handle == IntPtr.Zero)
          return null;
        IntPtr address = glibc ? dlsym_glibc(handle, symbol) : dlsym_libc(handle, symbol);
        DlInfo info;
        if (address == IntPtr.Zero
            || (glibc ? dladdr_glibc(address, out info) : dladdr_libc(address, out info)) == 0
            || info.FileName == IntPtr.Zero)
          return null;
        return Marshal.PtrToStringAnsi(info.FileName);
      }
      catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
      {
        return null;
      }
    }
  }
}
