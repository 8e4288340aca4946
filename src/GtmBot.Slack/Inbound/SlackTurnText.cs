using System.Text;

namespace GtmBot.Slack.Inbound;

/// <summary>
/// Slack's message markup in what a person typed, made neutral for a <see cref="Engine.Turn"/>: a user mention
/// <c>&lt;@U1|ana&gt;</c> becomes the engine's <c>@[U1]</c>, a channel <c>&lt;#C1|launch&gt;</c> becomes <c>#launch</c>, a link
/// <c>&lt;https://x.example|label&gt;</c> becomes what the person saw (its label, else the address), a special
/// (<c>&lt;!here&gt;</c>, <c>&lt;!subteam^S1|@pm&gt;</c>) its plain name, and <c>&amp;amp; &amp;lt; &amp;gt;</c> their characters.
/// A single forward scan over the escaped text: a literal <c>&lt;</c> the person typed arrives as <c>&amp;lt;</c>, so every
/// <c>&lt;</c> opens a token.
/// </summary>
/// <see href="https://docs.slack.dev/messaging/formatting-message-text#retrieving-messages"/>
internal static class SlackTurnText
{
    /// <summary>An angle-bracket token longer than this is not markup but text.</summary>
    private const int MaxTokenLength = 2048;

    public static string Neutral(string? escaped)
    {
        if (string.IsNullOrEmpty(escaped))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(escaped.Length);
        var i = 0;
        while (i < escaped.Length)
        {
            var c = escaped[i];
            var close = c == '<' ? escaped.IndexOf('>', i + 1, Math.Min(MaxTokenLength, escaped.Length - i - 1)) : -1;
            if (close > i + 1)
            {
                sb.Append(Token(escaped[(i + 1)..close]));
                i = close + 1;
                continue;
            }

            sb.Append(c);
            i++;
        }

        return Unescape(sb.ToString());
    }

    private static string Token(string inner)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar >= 0 ? inner[..bar] : inner;
        var label = bar >= 0 ? inner[(bar + 1)..] : null;
        switch (target[0])
        {
            case '@':
                return Engine.Markup.Mention(target[1..]);
            case '#':
                return "#" + (string.IsNullOrEmpty(label) ? target[1..] : label);
            case '!':
                // <!here>, <!channel>, <!subteam^S1|@pm>, <!date^…|fallback>: the text Slack would show.
                return !string.IsNullOrEmpty(label) ? label : "@" + target[1..].Split('^')[0];
            default:
                return string.IsNullOrEmpty(label) ? target : label;
        }
    }

    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
