// Status.cs - the status codes and turning them into exceptions.
using System;
using System.Globalization;
using System.Text;

namespace Mitch
{
  /// <summary>The status codes of mitch.h and the flat ABI (ffi.md).</summary>
  public static class Status
  {
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>A NULL pointer, a text that is not valid, nothing matched (flat ABI).</summary>
    public const int InvalidData = 1;
    /// <summary>The type byte is not one of t o s i b.</summary>
    public const int InvalidMessageType = 2;
    /// <summary>Input shorter than needed, or output too short.</summary>
    public const int BufferTooSmall = 3;
    /// <summary>Ticker-id validation failed.</summary>
    public const int InvalidTickerId = 4;
    /// <summary>A channel id fails validation.</summary>
    public const int InvalidChannelId = 5;
    /// <summary>A field breaks a protocol rule.</summary>
    public const int InvalidFieldValue = 6;
    /// <summary>Encoding failed for another reason.</summary>
    public const int Serialization = 7;
    /// <summary>Not an error: no more messages in the buffer.</summary>
    public const int End = 8;
    /// <summary>A registry lookup matched nothing.</summary>
    public const int NotFound = 9;
    /// <summary>Never returned on purpose.</summary>
    public const int Unknown = 99;

    /// <summary><c>mitch_strerror(status)</c>: a short English description.</summary>
    public static string Text(int status)
    {
      Loader.Ensure();
      return Utf8.FromC(Native.Strerror(status));
    }
  }

  internal static class Errors
  {
    /// <summary>mitch_get_version_number() of the first release with the check and capture calls.</summary>
    internal const uint Api11 = 0x010100;
    /// <summary>Longest piece of caller text an error message repeats.</summary>
    internal const int EchoLimit = 80;

    internal static void Check(int status)
    {
      if (status != Status.Ok)
        throw Error(status, null);
    }

    internal static MitchException Error(int status, ErrorDetail detail)
    {
      string message = Status.Text(status) + " (status " + status + ")";
      if (detail != null && !string.IsNullOrEmpty(detail.Text))
        message += ": " + detail.Text;
      else if (detail != null && detail.Offset >= 0)
        message += " at offset " + detail.Offset;
      return MitchException.ForStatus(status, message, detail);
    }

    internal static bool HasApi11
    {
      get { return Native.GetVersionNumber() >= Api11; }
    }

    internal static void RequireApi11(string what)
    {
      if (!HasApi11)
        throw new NotSupportedException(what + " needs libmitch 1.1 or later; " + Library.Path
                                        + " is " + Library.Version);
    }

    internal static unsafe ErrorDetail FromNative(ref ErrorNative e)
    {
      string text;
      fixed (byte* t = e.Text)
        text = Utf8.FromC((IntPtr)t, ErrorNative.TextSize);
      return new ErrorDetail(Empty(Utf8.FromC(e.FieldName)), Empty(Utf8.FromC(e.OtherName)),
                             Empty(Utf8.FromC(e.Rule)), e.Value, e.OtherValue, (long)e.Index,
                             (long)e.Offset, (long)e.MessageOffset, Empty(text));
    }

    /// <summary>After a failed call: the details of the 1.1 check call, when there is one.</summary>
    internal static MitchException WithDetail(int status, ref ErrorNative e, int checkStatus)
    {
      return checkStatus == status ? Error(status, FromNative(ref e)) : Error(status, null);
    }

    static string Empty(string s)
    {
      return string.IsNullOrEmpty(s) ? null : s;
    }

    /// <summary>
    /// Caller text for a message: at most EchoLimit characters (a cut never
    /// splits a surrogate pair), and what no log or terminal should receive
    /// - a control character, a lone surrogate UTF-8 cannot hold - as a
    /// \uXXXX escape.
    /// </summary>
    internal static string Echo(string text)
    {
      var echo = new StringBuilder();
      int i = 0;
      for (; i < text.Length && i < EchoLimit; i++)
      {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
          echo.Append(c).Append(text[++i]);
        else if (char.IsSurrogate(c) || char.IsControl(c))
          echo.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        else
          echo.Append(c);
      }
      if (i < text.Length)
        echo.Append("...");
      return echo.ToString();
    }
  }
}
