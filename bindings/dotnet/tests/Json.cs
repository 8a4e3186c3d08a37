// Json.cs - a small JSON reader for the tests (Mono's System.Json is not
// on .NET, so the tests carry their own).  Objects keep their key order as
// List<KeyValuePair>; numbers are long when integral, else double.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Mitch.Tests
{
  sealed class JsonObject
  {
    internal readonly List<KeyValuePair<string, object>> Members = new List<KeyValuePair<string, object>>();

    internal object this[string key]
    {
      get
      {
        foreach (var m in Members)
          if (m.Key == key)
            return m.Value;
        throw new KeyNotFoundException(key);
      }
    }

    internal IEnumerable<string> Keys { get { return Members.Select(m => m.Key); } }
  }

  sealed class Json
  {
    readonly string text;
    int at;

    Json(string text) { this.text = text; }

    internal static object Parse(string text)
    {
      var j = new Json(text);
      object v = j.Value();
      j.Space();
      if (j.at != text.Length)
        throw j.Error("trailing text");
      return v;
    }

    object Value()
    {
      Space();
      if (at >= text.Length)
        throw Error("unexpected end");
      switch (text[at])
      {
        case '{': return Object();
        case '[': return Array();
        case '"': return String();
        case 't': return Literal("true", true);
        case 'f': return Literal("false", false);
        case 'n': return Literal("null", null);
        default: return Number();
      }
    }

    JsonObject Object()
    {
      var o = new JsonObject();
      at++;
      Space();
      if (Peek() == '}') { at++; return o; }
      while (true)
      {
        Space();
        string key = String();
        Space();
        Expect(':');
        o.Members.Add(new KeyValuePair<string, object>(key, Value()));
        Space();
        if (Peek() == ',') { at++; continue; }
        Expect('}');
        return o;
      }
    }

    List<object> Array()
    {
      var list = new List<object>();
      at++;
      Space();
      if (Peek() == ']') { at++; return list; }
      while (true)
      {
        list.Add(Value());
        Space();
        if (Peek() == ',') { at++; continue; }
        Expect(']');
        return list;
      }
    }

    string String()
    {
      Expect('"');
      var s = new StringBuilder();
      while (true)
      {
        if (at >= text.Length)
          throw Error("unterminated string");
        char c = text[at++];
        if (c == '"')
          return s.ToString();
        if (c != '\\') { s.Append(c); continue; }
        char e = text[at++];
        switch (e)
        {
          case 'n': s.Append('\n'); break;
          case 't': s.Append('\t'); break;
          case 'r': s.Append('\r'); break;
          case 'b': s.Append('\b'); break;
          case 'f': s.Append('\f'); break;
          case 'u': s.Append((char)int.Parse(text.Substring(at, 4), NumberStyles.AllowHexSpecifier)); at += 4; break;
          default: s.Append(e); break;
        }
      }
    }

    object Number()
    {
      int start = at;
      while (at < text.Length && "+-0123456789.eE".IndexOf(text[at]) >= 0)
        at++;
      string n = text.Substring(start, at - start);
      if (n.Length == 0)
        throw Error("unexpected character");
      if (n.IndexOfAny(new[] { '.', 'e', 'E' }) < 0)
        return long.Parse(n, CultureInfo.InvariantCulture);
      return double.Parse(n, CultureInfo.InvariantCulture);
    }

    object Literal(string word, object value)
    {
      if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
        throw Error("bad literal");
      at += word.Length;
      return value;
    }

    void Expect(char c)
    {
      if (Peek() != c)
        throw Error("expected '" + c + "'");
      at++;
    }

    char Peek() { return at < text.Length ? text[at] : '\0'; }

    void Space()
    {
      while (at < text.Length && char.IsWhiteSpace(text[at]))
        at++;
    }

    FormatException Error(string what) { return new FormatException("JSON: " + what + " at " + at); }
  }
}
