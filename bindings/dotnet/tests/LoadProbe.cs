// LoadProbe.cs - load-probe.exe for LoadingTests: three calls into the
// binding, printing what each threw (with a missing library every call
// must throw LibraryLoadException, never a TypeInitializationException).
using System;

namespace Mitch.Tests
{
  static class LoadProbe
  {
    static void Main()
    {
      var calls = new Action[]
      {
        () => Console.Write(Library.Version),
        () => new Trade(1, 1, 1, 1, Side.Buy).Encode(),
        () => Registry.Resolve("EURUSD"),
      };
      for (int i = 0; i < calls.Length; i++)
      {
        try
        {
          calls[i]();
          Console.WriteLine((i + 1) + ": ok");
        }
        catch (Exception e)
        {
          Console.WriteLine((i + 1) + ": " + e.GetType().Name);
        }
      }
    }
  }
}
