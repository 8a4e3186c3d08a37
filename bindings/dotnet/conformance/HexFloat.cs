// HexFloat.cs - the vectors' price literals, read exactly.
using System;
using System.Globalization;

namespace Mitch.Conformance
{
  /// <summary>
  /// C99 hex-float literals ("0x1.0875p+0", "-0x0.0p+0", "0x0.0000000000001p-1022")
  /// and "nan" / "inf".  The value is the integer mantissa times a power of
  /// two, assembled into the double's bits; a literal that a double cannot
  /// hold exactly is an error (never a rounded value).
  /// </summary>
  public static class HexFloat
  {
    public static double Parse(string text)
    {
      bool negative = text.StartsWith("-", StringComparison.Ordinal);
      string body = negative || text.StartsWith("+", StringComparison.Ordinal) ? text.Substring(1) : text;
      if (body == "nan")
        return double.NaN;
      if (body == "inf")
        return negative ? double.NegativeInfinity : double.PositiveInfinity;
      if (!body.StartsWith("0x", StringComparison.Ordinal))
        throw new FormatException("not a hex-float literal: " + text);
      int p = body.IndexOf('p');
      if (p < 0)
        throw new FormatException("no binary exponent: " + text);
      string digits = body.Substring(2, p - 2);
      int exponent = int.Parse(body.Substring(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
      int dot = digits.IndexOf('.');
      string whole = dot < 0 ? digits : digits.Substring(0, dot);
      string fraction = dot < 0 ? "" : digits.Substring(dot + 1);
      if (whole.Length + fraction.Length == 0)
        throw new FormatException("no digits: " + text);
      // mantissa = all hex digits as one integer; value = mantissa * 2^(exponent - 4 * fraction digits)
      ulong mantissa = 0;
      int binaryExponent = exponent - 4 * fraction.Length;
      foreach (char c in whole + fraction)
      {
        int d = Digit(c, text);
        if ((mantissa >> 60) != 0)
        {
          // More digits than 64 bits: only zeros may follow exactly.
          if (d != 0)
            throw new FormatException("more precision than a double holds: " + text);
          binaryExponent += 4;
          continue;
        }
        mantissa = mantissa << 4 | (uint)d;
      }
      return Assemble(negative, mantissa, binaryExponent, text);
    }

    static int Digit(char c, string text)
    {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      throw new FormatException("not a hex digit '" + c + "' in " + text);
    }

    /// <summary>(-1)^negative * mantissa * 2^e as a double, exactly or not at all.</summary>
    static double Assemble(bool negative, ulong mantissa, int e, string text)
    {
      long sign = negative ? long.MinValue : 0;
      if (mantissa == 0)
        return BitConverter.Int64BitsToDouble(sign);
      // Normalise to 53 significant bits: value = m * 2^e with 2^52 <= m < 2^53.
      int top = 63;
      while ((mantissa >> top) == 0)
        top--;
      int shift = top - 52;
      if (shift > 0)
      {
        if ((mantissa & ((1UL << shift) - 1)) != 0)
          throw new FormatException("more precision than a double holds: " + text);
        mantissa >>= shift;
      }
      else
      {
        mantissa <<= -shift;
      }
      e += shift;
      long biased = e + 52 + 1023; // exponent field of m * 2^e with m in [2^52, 2^53)
      if (biased >= 2047)
        throw new FormatException("too large for a double: " + text);
      if (biased >= 1)
        return BitConverter.Int64BitsToDouble(sign | biased << 52 | (long)(mantissa & ((1UL << 52) - 1)));
      // Subnormal: the value is mantissa * 2^e = (mantissa >> (1 - biased)) * 2^-1074.
      int drop = (int)(1 - biased);
      if (drop > 53 || (mantissa & ((1UL << drop) - 1)) != 0)
        throw new FormatException("not exactly representable (subnormal): " + text);
      return BitConverter.Int64BitsToDouble(sign | (long)(mantissa >> drop));
    }
  }
}
