// Utf8.cs - strings to and from C: strict UTF-8, NUL-terminated.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Mitch
{
  internal static class Utf8
  {
    static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

    /// <summary>
    /// The text as NUL-terminated UTF-8.  A string UTF-8 cannot hold
    /// unchanged (a lone surrogate) or that holds U+0000 (C would see it end
    /// early) is refused with status 1 rather than altered.
    /// </summary>
    internal static byte[] ToC(string field, string text)
    {
      if (text == null)
        throw new ArgumentNullException(field);
      if (text.IndexOf('\0') >= 0)
        throw Invalid(field, text, "must not contain U+0000");
      byte[] bytes;
      try
      {
        bytes = new byte[Strict.GetByteCount(text) + 1];
        Strict.GetBytes(text, 0, text.Length, bytes, 0);
      }
      catch (EncoderFallbackException)
      {
        throw Invalid(field, text, "must be valid Unicode (no lone surrogates)");
      }
      return bytes;
    }

    static MitchException Invalid(string field, string text, string rule)
    {
      return Errors.Error(Status.InvalidData, new ErrorDetail(field, null, rule, double.NaN, double.NaN, -1, -1, -1,
        field + " \"" + Errors.Echo(text) + "\" " + rule));
    }

    /// <summary>A NUL-terminated UTF-8 string of the library (constant storage); null for NULL.</summary>
    internal static unsafe string FromC(IntPtr p)
    {
      if (p == IntPtr.Zero)
        return null;
      byte* b = (byte*)p;
      int n = 0;
      while (b[n] != 0)
        n++;
      return Encoding.UTF8.GetString(b, n);
    }

    /// <summary>A NUL-terminated string in a char array of at most max bytes.</summary>
    internal static unsafe string FromC(IntPtr p, int max)
    {
      byte* b = (byte*)p;
      int n = 0;
      while (n < max && b[n] != 0)
        n++;
      return Encoding.UTF8.GetString(b, n);
    }

    /// <summary>A '|'-separated list ("" is empty).</summary>
    internal static string[] Split(string joined)
    {
      return string.IsNullOrEmpty(joined) ? new string[0] : joined.Split('|');
    }
  }
}
