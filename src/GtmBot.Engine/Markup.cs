using System.Text;

namespace GtmBot.Engine;

/// <summary>
/// The neutral text markup of replies: <c>**bold**</c>, <c>_italic_</c>, <c>`code`</c>, <c>@[userId]</c> (a mention) and
/// line breaks. A backslash escapes the next character. User text goes in through <see cref="Escape"/>, so it can never
/// open a mark, mention anyone or smuggle platform syntax: each renderer escapes the parsed spans for its own platform.
/// </summary>
public static class Markup
{
    private const string Special = "\\*_`@";

    /// <summary>Makes user text literal inside markup.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Bold user text.</summary>
    public static string Bold(string? text) => $"**{Escape(text)}**";

    /// <summary>A mention of a platform user id.</summary>
    public static string Mention(string userId) => $"@[{Escape(userId).Replace("]", string.Empty, StringComparison.Ordinal)}]";

    /// <summary>Parses markup into spans. Unclosed marks are literal text.</summary>
    public static IReadOnlyList<Span> Parse(string markup)
    {
        var spans = new List<Span>();
        var sb = new StringBuilder();
        bool bold = false, italic = false;
        var i = 0;

        void Flush()
        {
            if (sb.Length > 0)
            {
                spans.Add(new Span(sb.ToString(), (bold ? SpanStyle.Bold : SpanStyle.None) | (italic ? SpanStyle.Italic : SpanStyle.None)));
                sb.Clear();
            }
        }

        while (i < markup.Length)
        {
            var c = markup[i];
            if (c == '\\' && i + 1 < markup.Length)
            {
                sb.Append(markup[i + 1]);
                i += 2;
                continue;
            }

            if (c == '*' && i + 1 < markup.Length && markup[i + 1] == '*' && (bold || HasCloser(markup, i + 2, "**")))
            {
                Flush();
                bold = !bold;
                i += 2;
                continue;
            }

            if (c == '_' && (italic || HasCloser(markup, i + 1, "_")))
            {
                Flush();
                italic = !italic;
                i++;
                continue;
            }

            if (c == '`')
            {
                var end = FindUnescaped(markup, i + 1, "`");
                if (end > i)
                {
                    Flush();
                    spans.Add(new Span(Unescape(markup[(i + 1)..end]), SpanStyle.Code));
                    i = end + 1;
                    continue;
                }
            }

            if (c == '@' && i + 1 < markup.Length && markup[i + 1] == '[')
            {
                var end = markup.IndexOf(']', i + 2);
                if (end > i + 2)
                {
                    Flush();
                    spans.Add(new Span(Unescape(markup[(i + 2)..end]), SpanStyle.Mention));
                    i = end + 1;
                    continue;
                }
            }

            sb.Append(c);
            i++;
        }

        Flush();
        return spans;
    }

    /// <summary>The text without marks (mentions keep their id with an @).</summary>
    public static string ToPlainText(string markup)
    {
        var sb = new StringBuilder();
        foreach (var span in Parse(markup))
        {
            sb.Append(span.Style == SpanStyle.Mention ? "@" + span.Text : span.Text);
        }

        return sb.ToString();
    }

    private static bool HasCloser(string s, int from, string mark) => FindUnescaped(s, from, mark) >= 0;

    private static int FindUnescaped(string s, int from, string mark)
    {
        for (var j = from; j <= s.Length - mark.Length; j++)
        {
            if (s[j] == '\\')
            {
                j++;
                continue;
            }

            if (string.CompareOrdinal(s, j, mark, 0, mark.Length) == 0)
            {
                return j;
            }
        }

        return -1;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var j = 0; j < s.Length; j++)
        {
            if (s[j] == '\\' && j + 1 < s.Length)
            {
                j++;
            }

            sb.Append(s[j]);
        }

        return sb.ToString();
    }
}

/// <summary>How a span of markup is shown.</summary>
[Flags]
public enum SpanStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Code = 4,
    Mention = 8,
}

/// <summary>A run of literal text with one style. For <see cref="SpanStyle.Mention"/>, the text is the user id.</summary>
public sealed record Span(string Text, SpanStyle Style);
