// LoadingTests.cs - loading in fresh Mono processes: MITCH_LIBRARY first
// (by path, before any P/Invoke is compiled), then the platform's search.
using System;
using System.IO;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class LoadingTests
  {
    static string Runner { get { return TestEnv.Require("MITCH_DOTNET_CONFORMANCE"); } }
    static string Mono { get { return TestEnv.Require("MONO"); } }

    [Test]
    public void ALibraryOutsideEverySearchPathLoadsThroughMitchLibrary()
    {
      string dir = Path.Combine(Path.GetTempPath(), "mitch-load-" + Guid.NewGuid().ToString("N"));
      Directory.CreateDirectory(dir);
      try
      {
        string copy = Path.Combine(dir, "libmitch.so.1");
        File.Copy(TestEnv.LibraryFile, copy);
        string output;
        int status = TestEnv.Run(Mono, "\"" + Runner + "\" \"" + TestEnv.Vectors + "\"", out output,
                                 "MITCH_LIBRARY", copy, "LD_LIBRARY_PATH", null);
        Assert.AreEqual(0, status, output);
        StringAssert.Contains(" passed, 0 failed", output);
      }
      finally
      {
        Directory.Delete(dir, true);
      }
    }

    [Test]
    public void AMissingLibraryIsAClearErrorListingWhatWasTried()
    {
      string output;
      int status = TestEnv.Run(Mono, "\"" + Runner + "\" \"" + TestEnv.Vectors + "\"", out output,
                               "MITCH_LIBRARY", "/nonexistent/libmitch.so.1");
      Assert.AreEqual(2, status, output);
      StringAssert.Contains("libmitch could not be loaded. Tried, in order:", output);
      StringAssert.Contains("MITCH_LIBRARY=/nonexistent/libmitch.so.1: /nonexistent/libmitch.so.1: cannot open", output);
      StringAssert.Contains("nothing else was tried", output);
      StringAssert.Contains("Fix: install libmitch", output);
    }

    [Test]
    public void WithoutMitchLibraryTheSystemsCopyOrAList()
    {
      string output;
      int status = TestEnv.Run(Mono, "\"" + Runner + "\" \"" + TestEnv.Vectors + "\"", out output,
                               "MITCH_LIBRARY", null, "LD_LIBRARY_PATH", null);
      if (status == 0)
      {
        StringAssert.Contains(" passed, 0 failed", output); // an installed libmitch
      }
      else
      {
        Assert.AreEqual(2, status, output);
        StringAssert.Contains("MITCH_LIBRARY: not set", output);
        StringAssert.Contains("libmitch.so.1 through the platform's search", output);
      }
    }

    [Test]
    public void EveryCallThrowsTheSameLoadErrorNotATypeInitializationError()
    {
      string output;
      int status = TestEnv.Run(Mono, "\"" + TestEnv.Require("MITCH_DOTNET_PROBE") + "\"", out output,
                               "MITCH_LIBRARY", "/nonexistent/libmitch.so.1");
      Assert.AreEqual(0, status, output);
      StringAssert.StartsWith("1: LibraryLoadException\n2: LibraryLoadException\n3: LibraryLoadException", output.Replace("\r", ""));
    }
  }
}
