using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Protocol;

namespace GtmBot.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    private static JsonElement Json(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, TeamsJson.Default.AdaptiveCard);

    private static readonly Reply AllKinds = new(
        [
            new HeaderBlock("Canvas"),
            new TextBlock("**Who** buys _now_"),
            new FieldsBlock([new Field("Who", "SMB owners"), new Field("Why", "compliance")]),
            new DividerBlock(),
            new ContextBlock("Edited by @[aad-1]"),
            new ActionsBlock([new Button("Edit", "canvas.edit", "who", ButtonStyle.Primary), new Button("Remove", "canvas.clear", "who", ButtonStyle.Danger)]),
            new FormBlock("Edit Who", "canvas.save", "who:3",
            [
                new FormInput("text", "Who", InputKind.Multiline, "SMBs", MaxLength: 3000, Required: true),
                new FormInput("short", "Short", InputKind.Text, Placeholder: "e.g."),
                new FormInput("motive", "Motive", InputKind.Select, "need", [new Choice("Need", "need"), new Choice("Want", "want")]),
                new FormInput("tags", "Tags", InputKind.MultiSelect, "pain,pricing", [new Choice("Pain", "pain"), new Choice("Pricing", "pricing")]),
                new FormInput("due", "Due", InputKind.Date, "2026-12-01"),
                new FormInput("owner", "Owner", InputKind.User),
            ], "Save"),
        ],
        "Canvas");

    [Fact]
    public void Every_block_kind_is_rendered()
    {
        var card = Json(Assert.Single(AdaptiveCardRenderer.Render(AllKinds)));
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal(["TextBlock", "TextBlock", "FactSet", "TextBlock", "ActionSet", "Container"], body.Select(e => e.GetProperty("type").GetString()).ToList());
        Assert.Equal("Large", body[0].GetProperty("size").GetString());
        Assert.Equal("**Who** buys _now_", body[1].GetProperty("text").GetString());
        Assert.Equal("SMB owners", body[2].GetProperty("facts")[1 - 1].GetProperty("value").GetString());
        Assert.True(body[3].GetProperty("separator").GetBoolean()); // the divider separates the context line
        Assert.True(body[3].GetProperty("isSubtle").GetBoolean());
        Assert.Equal("Edited by <at>aad-1</at>", body[3].GetProperty("text").GetString());
        Assert.Equal("aad-1", card.GetProperty("msteams").GetProperty("entities")[0].GetProperty("mentioned").GetProperty("id").GetString());

        var buttons = body[4].GetProperty("actions").EnumerateArray().ToList();
        Assert.All(buttons, b => Assert.Equal("Action.Execute", b.GetProperty("type").GetString()));
        Assert.Equal("canvas.edit", buttons[0].GetProperty("verb").GetString());
        Assert.Equal("who", buttons[0].GetProperty("data").GetProperty("gtmValue").GetString());
        Assert.Equal("destructive", buttons[1].GetProperty("style").GetString());

        var items = body[5].GetProperty("items").EnumerateArray().ToList();
        var types = items.Select(i => i.GetProperty("type").GetString()).ToList();
        Assert.Equal(["TextBlock", "Input.Text", "Input.Text", "Input.ChoiceSet", "Input.ChoiceSet", "Input.Date", "Input.ChoiceSet", "ActionSet"], types);
        Assert.True(items[1].GetProperty("isMultiline").GetBoolean());
        Assert.Equal("SMBs", items[1].GetProperty("value").GetString());
        Assert.Equal(3000, items[1].GetProperty("maxLength").GetInt32());
        Assert.True(items[4].GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal("pain,pricing", items[4].GetProperty("value").GetString());
        Assert.Equal("graph.microsoft.com/users", items[6].GetProperty("choices.data").GetProperty("dataset").GetString());
        var submit = items[7].GetProperty("actions")[0];
        Assert.Equal("canvas.save", submit.GetProperty("verb").GetString());
        Assert.Equal("who:3", submit.GetProperty("data").GetProperty("gtmValue").GetString());
    }

    [Fact]
    public void Form_with_an_error_shows_it_and_keeps_the_users_text()
    {
        var form = new FormBlock("Edit", "canvas.save", "v", [new FormInput("text", "Who", InputKind.Multiline, "my long draft")], "Save", Error: "Too long: 5,000 of 3,000");
        var card = Json(AdaptiveCardRenderer.Render(new Reply([form], "Edit"))[0]);
        var items = card.GetProperty("body")[0].GetProperty("items");
        Assert.Equal("Attention", items[1].GetProperty("color").GetString());
        Assert.Contains("Too long", items[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("my long draft", items[2].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("**not bold**", "\\*\\*not bold\\*\\*")]
    [InlineData("[click](https://evil.example)", "\\[click\\]\\(https://evil.example\\)")]
    [InlineData("<at>Everyone</at>", "‹at›Everyone‹/at›")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("价格不是问题 v1.5", "价格不是问题 v1.5")]
    public void User_text_is_escaped_so_it_cannot_format_link_or_mention(string user, string expected)
    {
        var card = Json(AdaptiveCardRenderer.Render(new Reply([new TextBlock(Markup.Escape(user))], user))[0]);
        Assert.Equal(expected, card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.False(card.GetProperty("msteams").TryGetProperty("entities", out _));
    }

    [Fact]
    public void Header_and_labels_are_plain_text()
    {
        var card = Json(AdaptiveCardRenderer.Render(new Reply([new HeaderBlock("_x_ <b>"), new FieldsBlock([new Field("*a*", "b")])], "x"))[0]);
        Assert.Equal("\\_x\\_ ‹b›", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("\\*a\\*", card.GetProperty("body")[1].GetProperty("facts")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Content_over_28_KB_is_split_over_several_cards_each_within_the_limit()
    {
        var blocks = Enumerable.Range(0, 40).Select(i => (ReplyBlock)new TextBlock(Markup.Escape($"{i}: " + new string('x', 2000)))).ToList();
        var cards = AdaptiveCardRenderer.Render(new Reply(blocks, "long"));
        Assert.True(cards.Count >= 3, $"{cards.Count} cards");
        Assert.All(cards, c => Assert.True(AdaptiveCardRenderer.SizeOf(c) <= AdaptiveCardLimits.MaxCardBytes, $"{AdaptiveCardRenderer.SizeOf(c)} bytes"));
        var texts = cards.SelectMany(c => c.Body).OfType<TextBlockElement>().Select(t => t.Text).ToList();
        Assert.Equal(40, texts.Count);
        Assert.StartsWith("39: ", texts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_huge_text_is_cut_with_an_ellipsis()
    {
        var cards = AdaptiveCardRenderer.Render(new Reply([new TextBlock(new string('y', 50_000))], "huge"));
        var text = Assert.IsType<TextBlockElement>(Assert.Single(Assert.Single(cards).Body)).Text;
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.True(AdaptiveCardRenderer.SizeOf(cards[0]) <= AdaptiveCardLimits.MaxCardBytes);
    }

    [Fact]
    public void Dialog_cards_submit_with_action_submit()
    {
        var card = Json(AdaptiveCardRenderer.RenderDialog(new Reply([new FormBlock("Quote", "quote.capture", null, [new FormInput("customer", "Customer", InputKind.Text)], "Capture")], "q")));
        var submit = card.GetProperty("body")[0].GetProperty("items")[2].GetProperty("actions")[0];
        Assert.Equal("Action.Submit", submit.GetProperty("type").GetString());
        Assert.Equal("quote.capture", submit.GetProperty("data").GetProperty("gtmAction").GetString());
    }
}
