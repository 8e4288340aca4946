using System.Net;
using System.Text;
using GtmBot.Engine;

namespace GtmBot.Host.Local;

/// <summary>Renders the neutral <see cref="Reply"/> as an HTML fragment for the local channel page. All text is HTML-encoded.</summary>
public static class HtmlRenderer
{
    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"reply\">");
        foreach (var block in reply.Blocks)
        {
            RenderBlock(sb, block);
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    private static void RenderBlock(StringBuilder sb, ReplyBlock block)
    {
        switch (block)
        {
            case HeaderBlock h:
                sb.Append("<h3>").Append(E(h.Text)).Append("</h3>");
                break;
            case TextBlock t:
                sb.Append("<div class=\"text\">").Append(Markup(t.Markup)).Append("</div>");
                break;
            case FieldsBlock f:
                sb.Append("<dl class=\"fields\">");
                foreach (var field in f.Fields)
                {
                    sb.Append("<dt>").Append(E(field.Label)).Append("</dt><dd>").Append(Markup(field.Value)).Append("</dd>");
                }

                sb.Append("</dl>");
                break;
            case DividerBlock:
                sb.Append("<hr>");
                break;
            case ContextBlock c:
                sb.Append("<div class=\"context\">").Append(Markup(c.Markup)).Append("</div>");
                break;
            case ActionsBlock a:
                sb.Append("<div class=\"actions\">");
                foreach (var menu in a.Menus.Where(m => m.Options.Count > 0))
                {
                    RenderMenu(sb, menu);
                }

                foreach (var b in a.Buttons)
                {
                    RenderButton(sb, b.Label, b.ActionId, b.Value, b.Style.ToString().ToLowerInvariant());
                }

                sb.Append("</div>");
                break;
            case FormBlock form:
                RenderForm(sb, form);
                break;
            case ImageBlock image when ImageBlock.IsWebAddress(image.Url):
                sb.Append("<figure class=\"image\"><img src=\"").Append(E(image.Url)).Append("\" alt=\"").Append(E(image.AltText))
                    .Append("\" loading=\"lazy\"><figcaption>").Append(E(image.AltText)).Append("</figcaption></figure>");
                break;
            case ImageBlock image:
                sb.Append("<div class=\"context\">").Append(E(image.AltText)).Append("</div>");
                break;
            default:
                throw new NotSupportedException($"No HTML for block {block.GetType().Name}");
        }
    }

    private static void RenderButton(StringBuilder sb, string label, string actionId, string? value, string style) =>
        sb.Append("<button type=\"button\" class=\"btn ").Append(style)
            .Append("\" data-action=\"").Append(E(actionId)).Append("\" data-value=\"").Append(E(value ?? string.Empty))
            .Append("\">").Append(E(label)).Append("</button>");

    /// <summary>
    /// A menu of actions as a disclosure: its label opens the options, each a button that posts the action and value its
    /// own button would, so the page's one click path serves menus too (no script of its own).
    /// </summary>
    private static void RenderMenu(StringBuilder sb, ActionMenu menu)
    {
        sb.Append("<details class=\"menu\"><summary class=\"btn default\">").Append(E(menu.Label)).Append("</summary><div class=\"menu-options\" role=\"menu\">");
        foreach (var option in menu.Options)
        {
            RenderButton(sb, (option.Selected ? "✓ " : string.Empty) + option.Label, option.ActionId, option.Value, option.Selected ? "default selected" : "default");
        }

        sb.Append("</div></details>");
    }

    private static void RenderForm(StringBuilder sb, FormBlock form)
    {
        sb.Append("<form class=\"form\" data-action=\"").Append(E(form.SubmitActionId)).Append("\" data-value=\"").Append(E(form.Value ?? string.Empty)).Append("\">");
        sb.Append("<h4>").Append(E(form.Title)).Append("</h4>");
        if (form.Error is not null)
        {
            sb.Append("<div class=\"error\" role=\"alert\">").Append(Markup(form.Error)).Append("</div>");
        }

        foreach (var input in form.Inputs)
        {
            var id = E(input.Id);
            sb.Append("<label>").Append(E(input.Label));
            var required = input.Required ? " required" : string.Empty;
            var max = input.MaxLength is int m ? $" maxlength=\"{m}\"" : string.Empty;
            var placeholder = input.Placeholder is null ? string.Empty : $" placeholder=\"{E(input.Placeholder)}\"";
            switch (input.Kind)
            {
                case InputKind.Multiline:
                    sb.Append("<textarea name=\"").Append(id).Append("\" rows=\"4\"").Append(required).Append(placeholder).Append('>')
                        .Append(E(input.Initial ?? string.Empty)).Append("</textarea>");
                    break;
                case InputKind.Select or InputKind.MultiSelect:
                    var selected = (input.Initial ?? string.Empty).Split(FormInput.MultiSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
                    sb.Append("<select name=\"").Append(id).Append('"').Append(input.Kind == InputKind.MultiSelect ? " multiple" : string.Empty).Append(required).Append('>');
                    foreach (var choice in input.Choices ?? [])
                    {
                        sb.Append("<option value=\"").Append(E(choice.Value)).Append('"').Append(selected.Contains(choice.Value) ? " selected" : string.Empty)
                            .Append('>').Append(E(choice.Label)).Append("</option>");
                    }

                    sb.Append("</select>");
                    break;
                default:
                    var type = input.Kind == InputKind.Date ? "date" : "text";
                    sb.Append("<input type=\"").Append(type).Append("\" name=\"").Append(id).Append("\" value=\"").Append(E(input.Initial ?? string.Empty)).Append('"')
                        .Append(required).Append(max).Append(placeholder).Append('>');
                    break;
            }

            sb.Append("</label>");
        }

        sb.Append("<button type=\"submit\" class=\"btn primary\">").Append(E(form.SubmitLabel)).Append("</button></form>");
    }

    /// <summary>Neutral markup to HTML: spans are encoded, then wrapped in their tags.</summary>
    public static string Markup(string markup)
    {
        var sb = new StringBuilder();
        foreach (var span in Engine.Markup.Parse(markup))
        {
            var text = E(span.Text).Replace("\n", "<br>", StringComparison.Ordinal);
            if (span.Style.HasFlag(SpanStyle.Mention))
            {
                sb.Append("<span class=\"mention\">@").Append(text).Append("</span>");
                continue;
            }

            if (span.Style.HasFlag(SpanStyle.Code))
            {
                text = "<code>" + text + "</code>";
            }

            if (span.Style.HasFlag(SpanStyle.Italic))
            {
                text = "<em>" + text + "</em>";
            }

            if (span.Style.HasFlag(SpanStyle.Bold))
            {
                text = "<strong>" + text + "</strong>";
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
