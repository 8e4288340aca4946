using System.Text;
using System.Text.RegularExpressions;
using GtmBot.Engine;

namespace GtmBot.Slack.Rendering;

/// <summary>
/// Text for Slack's <c>mrkdwn</c>: escapes exactly <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> so user text can never form
/// <c>&lt;!channel&gt;</c>, a mention or a spoofed <c>&lt;url|label&gt;</c> link; mentions are built only from Mention spans.
/// </summary>
/// <see href="https://docs.slack.dev/messaging/formatting-message-text"/>
internal static partial class SlackText
{
    /// <summary>∗ ASTERISK OPERATOR: looks like <c>*</c>, never bold.</summary>
    public const char LiteralAsterisk = '\u2217';

    /// <summary>∼ TILDE OPERATOR: looks like <c>~</c>, never strikes through.</summary>
    public const char LiteralTilde = '\u223C';

    /// <summary>ˋ MODIFIER LETTER GRAVE ACCENT: looks like a backtick, never opens code.</summary>
    public const char LiteralBacktick = '\u02CB';

    /// <summary>＿ FULLWIDTH LOW LINE: looks like <c>_</c>, never italic.</summary>
    public const char LiteralUnderscore = '\uFF3F';

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Text shown as typed in mrkdwn. Slack has no escape for its formatting marks, so the marks that could pair up
    /// (<c>*bold*</c>, <c>~strike~</c>, <c>_italic_</c>, <c>`code`</c>) become look-alike characters that never format;
    /// an underscore inside a word (<c>snake_case</c>) cannot open a mark and stays.
    /// </summary>
    public static string Literal(string text)
    {
        var escaped = Escape(text);
        if (escaped.AsSpan().IndexOfAny("*~_`") < 0)
        {
            return escaped;
        }

        var sb = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            sb.Append(c switch
            {
                '*' => LiteralAsterisk,
                '~' => LiteralTilde,
                '`' => LiteralBacktick,
                '_' when !(i > 0 && char.IsLetterOrDigit(escaped[i - 1]) && i + 1 < escaped.Length && char.IsLetterOrDigit(escaped[i + 1])) => LiteralUnderscore,
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Slack's own escaping undone (incoming text), before it is stored or re-escaped.</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Neutral markup to mrkdwn.</summary>
    public static string ToMrkdwn(string markup)
    {
        var sb = new StringBuilder(markup.Length + 16);
        foreach (var span in Markup.Parse(markup))
        {
            if (span.Style.HasFlag(SpanStyle.Mention))
            {
                sb.Append(UserId().IsMatch(span.Text) ? $"<@{span.Text}>" : Escape("@" + span.Text));
                continue;
            }

            if (span.Style.HasFlag(SpanStyle.Code))
            {
                sb.Append('`').Append(Escape(span.Text.Replace('`', '\''))).Append('`');
                continue;
            }

            var text = Literal(span.Text);
            if (span.Style.HasFlag(SpanStyle.Italic))
            {
                text = $"_{text}_";
            }

            if (span.Style.HasFlag(SpanStyle.Bold))
            {
                text = $"*{text}*";
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Cuts text to at most <paramref name="max"/> characters with an ellipsis, never inside an escape (<c>&amp;amp;</c>),
    /// a mention (<c>&lt;@U1&gt;</c>) or a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - SlackLimits.Ellipsis.Length;
        var amp = text.LastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 6 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        var lt = text.LastIndexOf('<', cut - 1);
        if (lt >= 0 && text.IndexOf('>', lt) >= cut)
        {
            cut = lt;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + SlackLimits.Ellipsis;
    }

    /// <summary>Splits text into chunks of at most <paramref name="max"/>, at a line break where one is near.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2)
            {
                cut = SafeCut(rest, max);
            }

            parts.Add(rest[..cut]);
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int SafeCut(string text, int max)
    {
        var cut = max;
        var amp = text.LastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 6 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        var lt = text.LastIndexOf('<', cut - 1);
        if (lt >= 0 && text.IndexOf('>', lt) >= cut)
        {
            cut = lt;
        }

        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return cut;
    }

    /// <summary>Slack user ids (U…, W… for Enterprise Grid).</summary>
    [GeneratedRegex("^[UWB][A-Z0-9]{2,30}$")]
    private static partial Regex UserId();
}
