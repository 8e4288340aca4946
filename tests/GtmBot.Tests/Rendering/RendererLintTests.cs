using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Host.Local;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Wire;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Protocol;

namespace GtmBot.Tests.Rendering;

/// <summary>
/// Every block kind through every renderer (Block Kit, Adaptive Cards, HTML, canvas markdown), with user text that tries to
/// format, mention, link or inject. Each renderer must show the text and give it no meaning.
/// </summary>
public partial class RendererLintTests
{
    public static readonly TheoryData<string> Hostile = new()
    {
        "*bold* ~strike~ _it_ `code`",
        "<!channel> <!here> <@U0ADMIN>",
        "<https://evil.example/login|Reset your password>",
        "![](@U0ADMIN) ![](#C0SECRET)",
        "[Reset your password](https://evil.example/login)",
        "[x](javascript:alert(1))",
        "# Heading\n## Sub\n> quote",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "<at>Admin</at> @[U0ADMIN]",
    };

    private static readonly Type[] Kinds = [.. typeof(ReplyBlock).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ReplyBlock)) && !t.IsAbstract)];

    private static ReplyBlock Block(Type kind, string user) => kind.Name switch
    {
        nameof(HeaderBlock) => new HeaderBlock(user),
        nameof(TextBlock) => new TextBlock(Markup.Escape(user)),
        nameof(FieldsBlock) => new FieldsBlock([new Field(user, Markup.Escape(user))]),
        nameof(DividerBlock) => new DividerBlock(),
        nameof(ContextBlock) => new ContextBlock(Markup.Escape(user)),
        nameof(ActionsBlock) => new ActionsBlock([new Button(user, "lint.press", user)]) { Menus = [new ActionMenu(user, [new MenuOption(user, "lint.choose", user), new MenuOption(user, "lint.other")])] },
        nameof(FormBlock) => new FormBlock(user, "lint.submit", user, [new FormInput("a", user, InputKind.Select, user, [new Choice(user, "v")]), new FormInput("b", user, InputKind.Multiline, user)], user),
        nameof(ImageBlock) => new ImageBlock(ImageUrl, user),
        _ => throw new InvalidOperationException($"{kind.Name} has no lint case: add one, and make every renderer handle it."),
    };

    private const string ImageUrl = "https://bot.example/exports/7?ws=local%3Alocal&exp=1&sig=ab";

    private static readonly string[] Renderers = ["blockkit", "adaptive", "html", "canvas"];

    private static string Render(string renderer, Reply reply) => renderer switch
    {
        "blockkit" => string.Join('\n', BlockKitRenderer.RenderMessages(reply).Select(m => JsonSerializer.Serialize(m, SlackJson.Default.KitMessage))),
        "adaptive" => string.Join('\n', AdaptiveCardRenderer.Render(reply).Select(c => JsonSerializer.Serialize(c, TeamsJson.Default.AdaptiveCard))),
        "html" => HtmlRenderer.Render(reply),
        "canvas" => CanvasMarkdownRenderer.Render(reply),
        _ => throw new ArgumentOutOfRangeException(nameof(renderer)),
    };

    [Fact]
    public void Every_block_kind_is_rendered_by_every_renderer()
    {
        Assert.Equal(8, Kinds.Length);
        foreach (var kind in Kinds)
        {
            foreach (var renderer in Renderers)
            {
                var output = Render(renderer, new Reply([Block(kind, "Visible text 42")], "fallback"));
                var shown = kind == typeof(DividerBlock) || (renderer == "canvas" && kind == typeof(ActionsBlock)) || (renderer == "canvas" && kind == typeof(FormBlock));
                if (!shown)
                {
                    Assert.True(output.Contains("Visible text 42", StringComparison.Ordinal), $"{renderer} lost the text of {kind.Name}: {output}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Block_kit_mrkdwn_gives_user_text_no_meaning(string user)
    {
        foreach (var kind in Kinds)
        {
            var json = JsonNode.Parse("[" + Render("blockkit", new Reply([Block(kind, user)], "fallback")).Replace("\n", ",", StringComparison.Ordinal) + "]")!;
            foreach (var text in MrkdwnTexts(json))
            {
                Assert.DoesNotMatch(@"<[!@#]|<https?:|<mailto:", text);
                foreach (var mark in (string[])["*bold*", "~strike~", "_it_", "`code`"])
                {
                    Assert.DoesNotContain(mark, text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Canvas_markdown_gives_user_text_no_meaning(string user)
    {
        foreach (var kind in Kinds)
        {
            var output = Render("canvas", new Reply([Block(kind, user)], "fallback"));
            Assert.DoesNotMatch(UnescapedLink(), output);
            Assert.DoesNotContain("](@", output.Replace("\\](@", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?<!\\)<", output);
            // Only the renderer's own heading marker starts a line: one "# " for a header, one "## " for a field label.
            var lines = output.Split('\n');
            var headings = lines.Count(l => l.StartsWith('#'));
            Assert.Equal(kind == typeof(HeaderBlock) || kind == typeof(FieldsBlock) ? 1 : 0, headings);
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith('>'));
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Adaptive_card_markdown_gives_user_text_no_meaning(string user)
    {
        foreach (var kind in Kinds)
        {
            var json = JsonNode.Parse("[" + Render("adaptive", new Reply([Block(kind, user)], "fallback")).Replace("\n", ",", StringComparison.Ordinal) + "]")!;
            foreach (var text in Strings(json, "text"))
            {
                Assert.DoesNotMatch(UnescapedLink(), text);
                Assert.DoesNotContain("<at>", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotMatch(@"(?<!\\)\*\*?[^*\s]", text.Replace("\\*", string.Empty, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Html_gives_user_text_no_meaning(string user)
    {
        foreach (var kind in Kinds)
        {
            var html = Render("html", new Reply([Block(kind, user)], "fallback"));
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            // The image block's own picture is the only <img>, at the address the engine gave.
            Assert.Equal(kind == typeof(ImageBlock) ? 1 : 0, Regex.Count(html, "<img", RegexOptions.IgnoreCase));
            if (kind == typeof(ImageBlock))
            {
                Assert.Contains("<img src=\"" + System.Net.WebUtility.HtmlEncode(ImageUrl) + "\"", html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("<at>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"href=""(javascript|https?):", html);
        }
    }

    [Theory]
    [InlineData("blockkit")]
    [InlineData("adaptive")]
    [InlineData("html")]
    [InlineData("canvas")]
    public void An_image_address_that_is_not_http_is_dropped_and_its_words_shown(string renderer)
    {
        var output = Render(renderer, new Reply([new ImageBlock("javascript:alert(1)", "Chart of themes")], "fallback"));
        Assert.DoesNotContain("javascript:", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Chart of themes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_is_a_block_kit_image_and_a_card_image()
    {
        var reply = new Reply([new ImageBlock(ImageUrl, "Chart")], "fallback");
        var kit = JsonNode.Parse(Render("blockkit", reply))!["blocks"]![0]!;
        Assert.Equal("image", (string?)kit["type"]);
        Assert.Equal(ImageUrl, (string?)kit["image_url"]);
        Assert.Equal("Chart", (string?)kit["alt_text"]);
        var card = JsonNode.Parse(Render("adaptive", reply))!["body"]![0]!;
        Assert.Equal("Image", (string?)card["type"]);
        Assert.Equal(ImageUrl, (string?)card["url"]);
    }

    [Fact]
    public void Canvas_mentions_come_only_from_mention_spans()
    {
        var output = CanvasMarkdownRenderer.Render(new Reply([new TextBlock("Owner " + Markup.Mention("U0ADMIN") + " and " + Markup.Escape("![](@U0EVIL)"))], "t"));
        Assert.Contains("![](@U0ADMIN)", output, StringComparison.Ordinal);
        Assert.Contains("\\!\\[\\]\\(\\@U0EVIL\\)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mrkdwn_keeps_the_engines_own_marks_and_words_with_underscores()
    {
        var text = SlackText.ToMrkdwn("**Why** " + Markup.Escape("snake_case *x*"));
        Assert.Equal("*Why* snake_case \u2217x\u2217", text);
    }

    private static IEnumerable<string> MrkdwnTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "mrkdwn" && o["text"] is JsonValue v)
                {
                    yield return (string)v!;
                }

                foreach (var (_, child) in o)
                {
                    foreach (var t in MrkdwnTexts(child))
                    {
                        yield return t;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var t in MrkdwnTexts(child))
                    {
                        yield return t;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node, string property)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key == property && child is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        yield return s;
                    }

                    foreach (var t in Strings(child, property))
                    {
                        yield return t;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var t in Strings(child, property))
                    {
                        yield return t;
                    }
                }

                break;
        }
    }

    /// <summary>Markdown link or image syntax whose brackets are not escaped.</summary>
    [GeneratedRegex(@"(?<!\\)\[[^\]\n]*(?<!\\)\]\(")]
    private static partial Regex UnescapedLink();
}
