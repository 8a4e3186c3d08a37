// TestEnv.cs - where the tests find the vectors, the mitch tool and the library.
using System;
using System.Diagnostics;
using System.IO;

namespace Mitch.Tests
{
  static class TestEnv
  {
    internal static string Require(string name)
    {
      string value = Environment.GetEnvironmentVariable(name);
      if (string.IsNullOrEmpty(value))
        throw new InvalidOperationException(name + " is not set: run the tests through make check");
      return value;
    }

    internal static string Vectors { get { return Require("MITCH_VECTORS_DIR"); } }
    internal static string LibraryFile { get { return Require("MITCH_LIBRARY"); } }

    /// <summary>MITCH_TOOL, defaulting to the build tree's tools/mitch.</summary>
    internal static string Tool
    {
      get
      {
        string tool = Environment.GetEnvironmentVariable("MITCH_TOOL");
        if (string.IsNullOrEmpty(tool))
          tool = Path.Combine(Require("MITCH_TOP_BUILDDIR"), "tools", "mitch");
        return tool;
      }
    }

    /// <summary>Runs a program; returns its exit code, stdout and stderr together in output.</summary>
    internal static int Run(string file, string arguments, out string output, params string[] environment)
    {
      var info = new ProcessStartInfo(file, arguments)
      {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
      };
      for (int i = 0; i + 1 < environment.Length; i += 2)
      {
        if (environment[i + 1] == null)
          info.EnvironmentVariables.Remove(environment[i]);
        else
          info.EnvironmentVariables[environment[i]] = environment[i + 1];
      }
      using (Process p = Process.Start(info))
      {
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120000))
          throw new TimeoutException(file + " " + arguments);
        output = stdout + err.Result;
        return p.ExitCode;
      }
    }
  }
}
