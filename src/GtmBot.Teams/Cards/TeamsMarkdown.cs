using System.Text;
using GtmBot.Engine;

namespace GtmBot.Teams.Cards;

/// <summary>
/// Neutral <see cref="Markup"/> to the markdown subset Teams renders in Adaptive Card text: <c>**bold**</c>, <c>_italic_</c>,
/// lists and links, nothing else. Literal text has every markdown character backslash-escaped, so user text can neither
/// format, link nor forge a mention; <c>&lt;</c> and <c>&gt;</c> are replaced by look-alikes because Teams parses
/// <c>&lt;at&gt;</c> tags before markdown.
/// </summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#markdown-format-for-adaptive-cards"/>
internal static class TeamsMarkdown
{
    private const string MarkdownSpecials = "\\*_[]()`~#|!";

    /// <summary>
    /// Renders markup; mentions become <c>&lt;at&gt;name&lt;/at&gt;</c> (the name from <paramref name="nameOf"/>, else the id)
    /// and are added to <paramref name="mentions"/> with the user's id, so Teams shows the name and links the person.
    /// </summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards"/>
    public static string Render(string markup, ICollection<CardMention>? mentions = null, Func<string, string?>? nameOf = null)
    {
        var sb = new StringBuilder(markup.Length + 16);
        foreach (var span in Markup.Parse(markup))
        {
            if (span.Style.HasFlag(SpanStyle.Mention))
            {
                var name = nameOf?.Invoke(span.Text) is { Length: > 0 } known ? known : span.Text;
                var tag = $"<at>{Escape(name)}</at>";
                mentions?.Add(new CardMention("mention", tag, new CardMentioned(span.Text, name)));
                sb.Append(tag);
                continue;
            }

            var text = Escape(span.Text);
            if (span.Style.HasFlag(SpanStyle.Bold) && text.Length > 0)
            {
                text = $"**{text}**";
            }

            if (span.Style.HasFlag(SpanStyle.Italic) && text.Length > 0)
            {
                text = $"_{text}_";
            }

            sb.Append(text);
        }

        // A single newline is not a line break in card markdown; a blank line is.
        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\n\n", StringComparison.Ordinal);
    }

    /// <summary>Makes plain text literal in card markdown.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<':
                    sb.Append('‹');
                    break;
                case '>':
                    sb.Append('›');
                    break;
                case '-' or '+' when lineStart:
                    sb.Append('\\').Append(c);
                    break;
                case '.' when IsOrderedListMarker(text, i):
                    sb.Append("\\.");
                    break;
                default:
                    if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
                    {
                        sb.Append('\\');
                    }

                    sb.Append(c);
                    break;
            }

            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return sb.ToString();
    }

    private static bool IsOrderedListMarker(string text, int dot)
    {
        var j = dot - 1;
        while (j >= 0 && char.IsAsciiDigit(text[j]))
        {
            j--;
        }

        return j < dot - 1 && (j < 0 || text[j] == '\n');
    }
}
