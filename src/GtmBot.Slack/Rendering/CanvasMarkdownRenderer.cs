using System.Text;
using System.Text.RegularExpressions;
using GtmBot.Engine;

namespace GtmBot.Slack.Rendering;

/// <summary>
/// A reply as Slack canvas markdown (the channel canvas mirrors the 4W1H canvas). Canvas markdown turns <c>![](@U…)</c> and
/// <c>![](#C…)</c> into mentions, <c>[text](url)</c> into links and <c># …</c> into headings, so every piece of user text is
/// backslash-escaped until it is inert; mentions come only from Mention spans. Buttons and forms have no place in a canvas.
/// </summary>
/// <see href="https://docs.slack.dev/messaging/formatting-message-text#canvases"/>
internal static partial class CanvasMarkdownRenderer
{
    /// <summary>Every ASCII character markdown may give a meaning to; escaped with a backslash in user text.</summary>
    private const string Special = "\\`*_{}[]()<>#+-.!|~:@&=\"'";

    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case HeaderBlock h:
                    sb.Append("# ").AppendLine(Literal(h.Text)).AppendLine();
                    break;
                case TextBlock t:
                    sb.AppendLine(Text(t.Markup)).AppendLine();
                    break;
                case FieldsBlock f:
                    foreach (var field in f.Fields)
                    {
                        sb.Append("## ").AppendLine(Literal(field.Label)).AppendLine(Text(field.Value)).AppendLine();
                    }

                    break;
                case ContextBlock c:
                    sb.Append('_').Append(Literal(Markup.ToPlainText(c.Markup))).AppendLine("_").AppendLine();
                    break;
                case DividerBlock:
                    sb.AppendLine("---").AppendLine();
                    break;
                case ActionsBlock or FormBlock:
                    break;
                case ImageBlock image:
                    // A canvas cannot hold the bot's short-lived link: the words stand in for the picture.
                    sb.Append('_').Append(Literal(image.AltText)).AppendLine("_").AppendLine();
                    break;
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>Neutral markup to canvas markdown: styles from the markup's spans, everything else literal.</summary>
    public static string Text(string markup)
    {
        var sb = new StringBuilder(markup.Length + 16);
        foreach (var span in Markup.Parse(markup))
        {
            if (span.Style.HasFlag(SpanStyle.Mention))
            {
                sb.Append(UserId().IsMatch(span.Text) ? $"![](@{span.Text})" : Literal("@" + span.Text));
                continue;
            }

            if (span.Style.HasFlag(SpanStyle.Code))
            {
                // No escape works inside a code span; without backticks and line breaks it cannot end early.
                sb.Append('`').Append(span.Text.Replace('`', '\'').Replace('\n', ' ')).Append('`');
                continue;
            }

            var text = Literal(span.Text);
            if (span.Style.HasFlag(SpanStyle.Italic))
            {
                text = $"_{text}_";
            }

            if (span.Style.HasFlag(SpanStyle.Bold))
            {
                text = $"**{text}**";
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    /// <summary>User text made inert: every markdown character escaped; line breaks kept as hard breaks inside the paragraph.</summary>
    public static string Literal(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\r')
            {
                continue;
            }

            if (c == '\n')
            {
                // A blank line would end the paragraph and let the next line start a heading or a list.
                sb.Append("\\\n");
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Slack user ids (U…, W… for Enterprise Grid).</summary>
    [GeneratedRegex("^[UW][A-Z0-9]{2,30}$")]
    private static partial Regex UserId();
}
