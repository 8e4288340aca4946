using System.Text;

namespace GtmBot.Engine.Tagging;

/// <summary>
/// Strips Slack and Teams markup from a captured message before tagging: Slack mentions, channel links and specials
/// (<c>&lt;@U…&gt;</c>, <c>&lt;#C…|name&gt;</c>, <c>&lt;!here&gt;</c>), links (<c>&lt;url|text&gt;</c> keeps the text), emoji codes
/// (<c>:fire:</c>), emphasis marks (<c>*bold*</c>, <c>_italic_</c>, <c>~strike~</c>), Teams <c>&lt;at&gt;…&lt;/at&gt;</c> mentions,
/// HTML tags and entities. A single forward scan: no regular expressions, so no backtracking on hostile input.
/// </summary>
/// <remarks>Slack's formats: https://docs.slack.dev/messaging/formatting-message-text ; Teams mentions: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations</remarks>
public static class QuoteMarkup
{
    /// <summary>An angle-bracket token longer than this is not markup but text.</summary>
    private const int MaxTokenLength = 2048;

    /// <summary>Longest emoji short code we treat as one (Slack names are at most 100 characters).</summary>
    private const int MaxEmojiLength = 100;

    /// <summary>The text without markup, with runs of whitespace collapsed.</summary>
    public static string Strip(string? text) => Strip(text, out _);

    /// <summary>The text without markup; <paramref name="emphasised"/> gets the short spans the writer emphasised or put in scare quotes.</summary>
    public static string Strip(string? text, out IReadOnlyList<string> emphasised)
    {
        var marks = new List<string>();
        emphasised = marks;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && TryAngle(text, i, sb, out var next))
            {
                i = next;
                continue;
            }

            if (c == '&' && TryEntity(text, i, sb, out next))
            {
                i = next;
                continue;
            }

            if (c == ':' && TryEmoji(text, i, out next))
            {
                i = next;
                continue;
            }

            if (c is '*' or '_' or '~' && IsEmphasisMark(text, i))
            {
                CollectEmphasis(text, i, marks);
                i++;
                continue;
            }

            if (c is '\'' or '"' or '‘' or '“' or '「' or '『')
            {
                CollectQuoted(text, i, marks);
            }

            sb.Append(c);
            i++;
        }

        return CollapseWhitespace(sb);
    }

    private static bool TryAngle(string text, int start, StringBuilder sb, out int next)
    {
        next = start;
        var limit = Math.Min(text.Length, start + MaxTokenLength);
        var close = -1;
        for (var j = start + 1; j < limit; j++)
        {
            if (text[j] == '>')
            {
                close = j;
                break;
            }

            if (text[j] == '<')
            {
                return false;
            }
        }

        if (close < 0 || close == start + 1)
        {
            return false;
        }

        var inner = text.AsSpan(start + 1, close - start - 1);
        var first = inner[0];
        if (first is '@' or '!')
        {
            // A user mention or a special (<!here>): it names nobody a customer and carries no meaning for tags.
            sb.Append(' ');
            next = close + 1;
            return true;
        }

        if (first == '#')
        {
            var bar = inner.IndexOf('|');
            sb.Append(bar >= 0 ? "#" + inner[(bar + 1)..].ToString() : " ");
            next = close + 1;
            return true;
        }

        if (inner.StartsWith("http", StringComparison.OrdinalIgnoreCase) || inner.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            var bar = inner.IndexOf('|');
            sb.Append(bar >= 0 ? inner[(bar + 1)..].ToString() : " ");
            next = close + 1;
            return true;
        }

        if (inner.Equals("at", StringComparison.OrdinalIgnoreCase) || inner.StartsWith("at ", StringComparison.OrdinalIgnoreCase))
        {
            // Teams mention: <at>Name</at> — drop the name with the tags.
            var end = text.IndexOf("</at>", close, StringComparison.OrdinalIgnoreCase);
            sb.Append(' ');
            next = end >= 0 ? end + 5 : close + 1;
            return true;
        }

        if (char.IsAsciiLetter(first) || first == '/')
        {
            // An HTML tag (Teams sends HTML): block-level tags become a space so words do not run together.
            sb.Append(' ');
            next = close + 1;
            return true;
        }

        return false;
    }

    private static bool TryEntity(string text, int start, StringBuilder sb, out int next)
    {
        next = start;
        var semi = text.IndexOf(';', start, Math.Min(10, text.Length - start));
        if (semi < 0)
        {
            return false;
        }

        var name = text.AsSpan(start + 1, semi - start - 1);
        string? value = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" or "#39" => "'",
            "nbsp" => " ",
            _ => null,
        };
        if (value is null)
        {
            return false;
        }

        sb.Append(value);
        next = semi + 1;
        return true;
    }

    private static bool TryEmoji(string text, int start, out int next)
    {
        next = start;
        var hasLetter = false;
        var limit = Math.Min(text.Length, start + MaxEmojiLength);
        for (var j = start + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == ':')
            {
                // A code has a letter (:tada:) or is a sign code (:+1:); "10:30:00" is a time, not an emoji.
                if (j == start + 1 || !(hasLetter || text[start + 1] is '+' or '-'))
                {
                    return false;
                }

                next = j + 1;
                return true;
            }

            if (char.IsAsciiLetterLower(c))
            {
                hasLetter = true;
            }
            else if (!(char.IsAsciiDigit(c) || c is '_' or '-' or '+' or '\''))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A mark opens or closes emphasis when it touches a word on one side and not the other.</summary>
    private static bool IsEmphasisMark(string text, int i)
    {
        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        var beforeWord = char.IsLetterOrDigit(before);
        var afterWord = char.IsLetterOrDigit(after);
        if (text[i] == '_' && beforeWord && afterWord)
        {
            return false; // snake_case
        }

        return beforeWord != afterWord || (text[i] == '*' && (beforeWord || afterWord));
    }

    private static void CollectEmphasis(string text, int i, List<string> marks)
    {
        var mark = text[i];
        if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
        {
            return; // a closing mark
        }

        var close = text.IndexOf(mark, i + 1);
        if (close > i + 1 && close - i <= 24)
        {
            marks.Add(text[(i + 1)..close]);
        }
    }

    private static void CollectQuoted(string text, int i, List<string> marks)
    {
        var open = text[i];
        var closer = open switch
        {
            '‘' => '’',
            '“' => '”',
            '「' => '」',
            '『' => '』',
            _ => open,
        };

        // An apostrophe inside a word (we're) is not a quote.
        if (open == '\'' && i > 0 && char.IsLetter(text[i - 1]))
        {
            return;
        }

        var close = text.IndexOf(closer, i + 1);
        if (close > i + 1 && close - i <= 16)
        {
            marks.Add(text[(i + 1)..close]);
        }
    }

    private static string CollapseWhitespace(StringBuilder sb)
    {
        var result = new StringBuilder(sb.Length);
        var space = false;
        for (var j = 0; j < sb.Length; j++)
        {
            var c = sb[j];
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
