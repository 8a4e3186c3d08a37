// Exceptions.cs - one exception class per libmitch status code.
using System;

namespace Mitch
{
  /// <summary>
  /// Base class of every error libmitch reports.  Carries the status number
  /// (<see cref="Status"/>), the text of <c>mitch_strerror</c> in the
  /// message, and what the library could say about the cause: the field at
  /// fault (the protocol's name, e.g. <c>"price"</c>), a second field for a
  /// rule between two fields, the rule broken in words, the byte offset of
  /// the damage in the caller's input and the index of the body or message.
  /// </summary>
  public class MitchException : Exception
  {
    /// <summary>An exception for a status, with a message and what is known (may be null).</summary>
    public MitchException(int status, string message, ErrorDetail detail) : base(message)
    {
      Status = status;
      Detail = detail ?? ErrorDetail.None;
    }

    /// <summary>The libmitch status code (1..7, 9, 99).</summary>
    public int Status { get; }

    /// <summary>Everything the library said about the failure.</summary>
    public ErrorDetail Detail { get; }

    /// <summary>The protocol name of the field at fault, or null.</summary>
    public string Field { get { return Detail.Field; } }

    /// <summary>The second field of a rule between two fields, or null.</summary>
    public string OtherField { get { return Detail.OtherField; } }

    /// <summary>The rule that was broken, in words, or null.</summary>
    public string Rule { get { return Detail.Rule; } }

    /// <summary>Byte offset of the damage from the start of the caller's input, or -1.</summary>
    public long Offset { get { return Detail.Offset; } }

    /// <summary>Which body (of a batch) or message (of a stream) is at fault, or -1.</summary>
    public long Index { get { return Detail.Index; } }

    /// <summary>The exception class for a status (unknown codes: the base class).</summary>
    public static MitchException ForStatus(int status, string message, ErrorDetail detail)
    {
      switch (status)
      {
        case Mitch.Status.InvalidData: return new InvalidDataException(message, detail);
        case Mitch.Status.InvalidMessageType: return new InvalidMessageTypeException(message, detail);
        case Mitch.Status.BufferTooSmall: return new BufferTooSmallException(message, detail);
        case Mitch.Status.InvalidTickerId: return new InvalidTickerIdException(message, detail);
        case Mitch.Status.InvalidChannelId: return new InvalidChannelIdException(message, detail);
        case Mitch.Status.InvalidFieldValue: return new InvalidFieldValueException(message, detail);
        case Mitch.Status.Serialization: return new SerializationException(message, detail);
        case Mitch.Status.NotFound: return new NotFoundException(message, detail);
        default: return new MitchException(status, message, detail);
      }
    }
  }

  /// <summary>Status 1: a required input is missing, a text is not valid, or nothing matched (flat ABI).</summary>
  public class InvalidDataException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public InvalidDataException(string message, ErrorDetail detail) : base(Mitch.Status.InvalidData, message, detail) { }
  }

  /// <summary>Status 2: the message type is not one of t o s i b.</summary>
  public class InvalidMessageTypeException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public InvalidMessageTypeException(string message, ErrorDetail detail) : base(Mitch.Status.InvalidMessageType, message, detail) { }
  }

  /// <summary>Status 3: the input is shorter than it must be, or the output too short.</summary>
  public class BufferTooSmallException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public BufferTooSmallException(string message, ErrorDetail detail) : base(Mitch.Status.BufferTooSmall, message, detail) { }
  }

  /// <summary>Status 4: ticker-id validation failed (reserved type or class, base equals quote).</summary>
  public class InvalidTickerIdException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public InvalidTickerIdException(string message, ErrorDetail detail) : base(Mitch.Status.InvalidTickerId, message, detail) { }
  }

  /// <summary>Status 5: a channel id fails validation.</summary>
  public class InvalidChannelIdException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public InvalidChannelIdException(string message, ErrorDetail detail) : base(Mitch.Status.InvalidChannelId, message, detail) { }
  }

  /// <summary>Status 6: a field breaks a rule of the protocol, or a code is not defined.</summary>
  public class InvalidFieldValueException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public InvalidFieldValueException(string message, ErrorDetail detail) : base(Mitch.Status.InvalidFieldValue, message, detail) { }
  }

  /// <summary>Status 7: encoding failed for another reason.</summary>
  public class SerializationException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public SerializationException(string message, ErrorDetail detail) : base(Mitch.Status.Serialization, message, detail) { }
  }

  /// <summary>Status 9: a registry lookup matched nothing.</summary>
  public class NotFoundException : MitchException
  {
    /// <summary>With the library's message and details.</summary>
    public NotFoundException(string message, ErrorDetail detail) : base(Mitch.Status.NotFound, message, detail) { }
  }

  /// <summary>
  /// libmitch could not be loaded, or has the wrong major version; the
  /// message lists everything that was tried and how to fix it.  Every call
  /// that needs the library throws it again.
  /// </summary>
  public class LibraryLoadException : InvalidOperationException
  {
    /// <summary>With the explanation.</summary>
    public LibraryLoadException(string message) : base(message) { }
  }

  /// <summary>
  /// What the library (or this binding) said about a failure.  Absent
  /// strings are null, absent numbers -1 (values NaN).
  /// </summary>
  public sealed class ErrorDetail
  {
    /// <summary>Nothing known.</summary>
    public static readonly ErrorDetail None = new ErrorDetail(null, null, null, double.NaN, double.NaN, -1, -1, -1, null);

    /// <summary>All of it.</summary>
    public ErrorDetail(string field, string otherField, string rule, double value, double otherValue,
                       long index, long offset, long messageOffset, string text)
    {
      Field = field;
      OtherField = otherField;
      Rule = rule;
      Value = value;
      OtherValue = otherValue;
      Index = index;
      Offset = offset;
      MessageOffset = messageOffset;
      Text = text;
    }

    /// <summary>The protocol name of the field at fault.</summary>
    public string Field { get; }
    /// <summary>The second field of a rule between two fields.</summary>
    public string OtherField { get; }
    /// <summary>The rule broken, in words.</summary>
    public string Rule { get; }
    /// <summary>The field's value as a number.</summary>
    public double Value { get; }
    /// <summary>The second field's value.</summary>
    public double OtherValue { get; }
    /// <summary>Which body or message is at fault.</summary>
    public long Index { get; }
    /// <summary>Byte offset of the damage from the start of the caller's input.</summary>
    public long Offset { get; }
    /// <summary>For streams, the offset of the damaged message.</summary>
    public long MessageOffset { get; }
    /// <summary>The library's one-line explanation.</summary>
    public string Text { get; }

    internal static ErrorDetail At(long index, long offset, long messageOffset, string text)
    {
      return new ErrorDetail(null, null, null, double.NaN, double.NaN, index, offset, messageOffset, text);
    }
  }
}
