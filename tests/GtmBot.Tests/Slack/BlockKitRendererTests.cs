using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Slack;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Wire;

namespace GtmBot.Tests.Slack;

public sealed class BlockKitRendererTests
{
    private static Reply R(params ReplyBlock[] blocks) => new(blocks, "fallback");

    private static string Json(KitMessage m) => JsonSerializer.Serialize(m, SlackJson.Default.KitMessage);

    private static readonly ModalMetadata Meta = new("v", "C1");

    public static TheoryData<string> BlockKinds() => [.. typeof(ReplyBlock).GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), false)
        .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)];

    private static ReplyBlock Sample(string kind) => kind switch
    {
        "header" => new HeaderBlock("Title"),
        "text" => new TextBlock("**bold** _it_ `code` " + Markup.Mention("U123ABC")),
        "fields" => new FieldsBlock([new Field("Who", "SMB"), new Field("Why", "speed")]),
        "divider" => new DividerBlock(),
        "context" => new ContextBlock("updated by " + Markup.Mention("U1A2B3")),
        "actions" => new ActionsBlock([new Button("Edit", "canvas.edit", "who", ButtonStyle.Primary), new Button("Drop", "canvas.drop", null, ButtonStyle.Danger)]),
        "form" => new FormBlock("Edit Who", "canvas.save", "who:3", [new FormInput("text", "Who", InputKind.Multiline, "SMB", Required: true)], "Save"),
        "image" => new ImageBlock("https://bot.example/exports/1?ws=slack%3AT1&exp=1&sig=ab", "Chart"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind),
    };

    [Theory]
    [MemberData(nameof(BlockKinds))]
    public void Every_block_kind_renders_in_a_message(string kind)
    {
        var messages = BlockKitRenderer.RenderMessages(R(Sample(kind)));
        var block = Assert.Single(Assert.Single(messages).Blocks);
        var expected = kind switch { "text" or "fields" or "form" => typeof(SectionKitBlock), "header" => typeof(HeaderKitBlock), "divider" => typeof(DividerKitBlock), "context" => typeof(ContextKitBlock), "image" => typeof(ImageKitBlock), _ => typeof(ActionsKitBlock) };
        Assert.IsType(expected, block);
    }

    [Theory]
    [MemberData(nameof(BlockKinds))]
    public void Every_block_kind_renders_in_a_modal(string kind)
    {
        var form = new FormBlock("T", "x.save", null, [new FormInput("a", "A", InputKind.Text)], "Save");
        var view = BlockKitRenderer.RenderModal(kind == "form" ? R(Sample(kind)) : R(Sample(kind), form), Meta);
        Assert.NotEmpty(view.Blocks);
        Assert.IsType<InputKitBlock>(view.Blocks[^1]);
    }

    [Fact]
    public void Text_markup_becomes_mrkdwn_with_mentions_only_from_mention_spans()
    {
        var section = (SectionKitBlock)BlockKitRenderer.RenderMessages(R(new TextBlock("**b** _i_ `c` " + Markup.Mention("U123ABC") + " " + Markup.Escape("<@U999> <!channel> <https://evil|https://good> a&b"))))[0].Blocks[0];
        Assert.Equal("*b* _i_ `c` <@U123ABC> &lt;@U999&gt; &lt;!channel&gt; &lt;https://evil|https://good&gt; a&amp;b", section.Text!.Text);
        Assert.True(section.Text.Verbatim);
    }

    [Fact]
    public void A_mention_span_that_is_not_a_user_id_is_escaped() =>
        Assert.Equal("@!channel", ((SectionKitBlock)BlockKitRenderer.RenderMessages(R(new TextBlock(Markup.Mention("!channel"))))[0].Blocks[0]).Text!.Text);

    [Theory]
    [InlineData(SlackLimits.MaxHeaderText, false)]
    [InlineData(SlackLimits.MaxHeaderText + 1, true)]
    public void Header_is_truncated_beyond_its_limit(int length, bool truncated)
    {
        var header = (HeaderKitBlock)BlockKitRenderer.RenderMessages(R(new HeaderBlock(new string('h', length))))[0].Blocks[0];
        Assert.True(header.Text.Text.Length <= SlackLimits.MaxHeaderText);
        Assert.Equal(truncated, header.Text.Text.EndsWith(SlackLimits.Ellipsis, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlackLimits.MaxSectionText, 1)]
    [InlineData(SlackLimits.MaxSectionText + 1, 2)]
    [InlineData(SlackLimits.MaxSectionText * 3, 3)]
    public void Long_text_is_split_over_sections(int length, int sections)
    {
        var blocks = BlockKitRenderer.RenderMessages(R(new TextBlock(new string('t', length))))[0].Blocks;
        Assert.Equal(sections, blocks.Count);
        Assert.All(blocks.Cast<SectionKitBlock>(), s => Assert.InRange(s.Text!.Text.Length, 1, SlackLimits.MaxSectionText));
        Assert.Equal(length, blocks.Cast<SectionKitBlock>().Sum(s => s.Text!.Text.Length));
    }

    [Fact]
    public void Split_never_cuts_an_escape()
    {
        var text = new string('a', SlackLimits.MaxSectionText - 2) + "&&&&";
        var blocks = BlockKitRenderer.RenderMessages(R(new TextBlock(text)))[0].Blocks.Cast<SectionKitBlock>().ToList();
        Assert.All(blocks, b => Assert.DoesNotMatch("&(?!amp;)", b.Text!.Text));
    }

    [Theory]
    [InlineData(SlackLimits.MaxSectionFields, 1)]
    [InlineData(SlackLimits.MaxSectionFields + 1, 2)]
    public void Fields_beyond_ten_go_to_another_section(int count, int sections)
    {
        var blocks = BlockKitRenderer.RenderMessages(R(new FieldsBlock([.. Enumerable.Range(0, count).Select(i => new Field("L" + i, "v"))])))[0].Blocks;
        Assert.Equal(sections, blocks.Count);
        Assert.All(blocks.Cast<SectionKitBlock>(), s => Assert.InRange(s.Fields!.Count, 1, SlackLimits.MaxSectionFields));
    }

    [Theory]
    [InlineData(SlackLimits.MaxFieldText - 10, false)]
    [InlineData(SlackLimits.MaxFieldText + 1, true)]
    public void Field_text_is_truncated_beyond_its_limit(int length, bool truncated)
    {
        var field = ((SectionKitBlock)BlockKitRenderer.RenderMessages(R(new FieldsBlock([new Field("L", new string('v', length))])))[0].Blocks[0]).Fields![0];
        Assert.True(field.Text.Length <= SlackLimits.MaxFieldText);
        Assert.Equal(truncated, field.Text.EndsWith(SlackLimits.Ellipsis, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlackLimits.MaxBlocksPerMessage, 1)]
    [InlineData(SlackLimits.MaxBlocksPerMessage + 1, 2)]
    [InlineData(SlackLimits.MaxBlocksPerMessage * 2 + 1, 3)]
    public void Blocks_beyond_fifty_spill_into_further_messages(int count, int messages)
    {
        var rendered = BlockKitRenderer.RenderMessages(R([.. Enumerable.Range(0, count).Select(_ => (ReplyBlock)new DividerBlock())]));
        Assert.Equal(messages, rendered.Count);
        Assert.All(rendered, m => Assert.InRange(m.Blocks.Count, 1, SlackLimits.MaxBlocksPerMessage));
        Assert.Equal(count, rendered.Sum(m => m.Blocks.Count));
    }

    [Theory]
    [InlineData(SlackLimits.MaxButtonText, false)]
    [InlineData(SlackLimits.MaxButtonText + 1, true)]
    public void Button_text_is_truncated_beyond_its_limit(int length, bool truncated)
    {
        var button = (ButtonElement)((ActionsKitBlock)BlockKitRenderer.RenderMessages(R(new ActionsBlock([new Button(new string('b', length), "x.y")])))[0].Blocks[0]).Elements[0];
        Assert.True(button.Text.Text.Length <= SlackLimits.MaxButtonText);
        Assert.Equal(truncated, button.Text.Text.EndsWith(SlackLimits.Ellipsis, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlackLimits.MaxActionId, SlackLimits.MaxButtonValue, true)]
    [InlineData(SlackLimits.MaxActionId + 1, 1, false)]
    [InlineData(10, SlackLimits.MaxButtonValue + 1, false)]
    public void Button_whose_id_or_value_exceeds_the_limit_is_left_out(int idLength, int valueLength, bool kept)
    {
        var blocks = BlockKitRenderer.RenderMessages(R(new ActionsBlock([new Button("ok", "k.ok"), new Button("b", new string('a', idLength), new string('v', valueLength))])))[0].Blocks;
        Assert.Equal(kept ? 2 : 1, ((ActionsKitBlock)blocks[0]).Elements.Count);
    }

    [Theory]
    [InlineData(SlackLimits.MaxActionsElements, 1)]
    [InlineData(SlackLimits.MaxActionsElements + 1, 2)]
    public void Buttons_beyond_the_actions_limit_go_to_another_row(int count, int rows) =>
        Assert.Equal(rows, BlockKitRenderer.RenderMessages(R(new ActionsBlock([.. Enumerable.Range(0, count).Select(i => new Button("b", "x.b" + i))])))[0].Blocks.Count);

    [Theory]
    [InlineData(SlackLimits.MaxModalTitle, false)]
    [InlineData(SlackLimits.MaxModalTitle + 1, true)]
    public void Modal_title_and_submit_are_truncated_beyond_their_limit(int length, bool truncated)
    {
        var view = BlockKitRenderer.RenderModal(R(new FormBlock(new string('t', length), "x.save", null, [new FormInput("a", "A", InputKind.Text)], new string('s', length))), Meta);
        Assert.True(view.Title.Text.Length <= SlackLimits.MaxModalTitle);
        Assert.True(view.Submit!.Text.Length <= SlackLimits.MaxModalTitle);
        Assert.Equal(truncated, view.Title.Text.EndsWith(SlackLimits.Ellipsis, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SlackLimits.MaxSelectOptions, SlackLimits.MaxSelectOptions)]
    [InlineData(SlackLimits.MaxSelectOptions + 5, SlackLimits.MaxSelectOptions)]
    public void Select_options_are_capped_at_the_limit(int count, int expected)
    {
        var input = new FormInput("s", "S", InputKind.Select, "o3", [.. Enumerable.Range(0, count).Select(i => new Choice(new string('c', 80), "o" + i))]);
        var select = (StaticSelectElement)((InputKitBlock)BlockKitRenderer.RenderModal(R(new FormBlock("T", "x.s", null, [input], "Save")), Meta).Blocks[0]).Element;
        Assert.Equal(expected, select.Options.Count);
        Assert.All(select.Options, o => Assert.True(o.Text.Text.Length <= SlackLimits.MaxOptionText));
        Assert.Equal("o3", select.InitialOption!.Value);
    }

    [Fact]
    public void Option_whose_value_exceeds_the_limit_is_left_out()
    {
        var input = new FormInput("s", "S", InputKind.MultiSelect, null, [new Choice("a", new string('v', SlackLimits.MaxOptionValue)), new Choice("b", new string('v', SlackLimits.MaxOptionValue + 1))]);
        var select = (MultiStaticSelectElement)((InputKitBlock)BlockKitRenderer.RenderModal(R(new FormBlock("T", "x.s", null, [input], "Save")), Meta).Blocks[0]).Element;
        Assert.Single(select.Options);
    }

    [Theory]
    [InlineData(SlackLimits.MaxBlocksPerModal - 1)]
    [InlineData(SlackLimits.MaxBlocksPerModal + 20)]
    public void Modal_keeps_within_the_block_limit_and_keeps_its_inputs(int leading)
    {
        var blocks = Enumerable.Range(0, leading).Select(_ => (ReplyBlock)new DividerBlock()).Append(new FormBlock("T", "x.s", null, [new FormInput("a", "A", InputKind.Text)], "Save")).ToArray();
        var view = BlockKitRenderer.RenderModal(R(blocks), Meta);
        Assert.True(view.Blocks.Count <= SlackLimits.MaxBlocksPerModal);
        Assert.IsType<InputKitBlock>(view.Blocks[^1]);
    }

    [Fact]
    public void Form_inputs_render_every_kind_with_initial_values()
    {
        var form = new FormBlock("T", "x.s", "val", [
            new FormInput("t", "T", InputKind.Text, "hello", MaxLength: 5000),
            new FormInput("m", "M", InputKind.Multiline, "a\nb"),
            new FormInput("s", "S", InputKind.Select, "b", [new Choice("A", "a"), new Choice("B", "b")]),
            new FormInput("ms", "MS", InputKind.MultiSelect, "a,b", [new Choice("A", "a"), new Choice("B", "b")]),
            new FormInput("d", "D", InputKind.Date, "2026-11-23"),
            new FormInput("u", "U", InputKind.User, "U1")], "Save");
        var view = BlockKitRenderer.RenderModal(R(form), Meta);
        var elements = view.Blocks.Cast<InputKitBlock>().Select(b => b.Element).ToList();
        Assert.Equal(SlackLimits.MaxPlainTextInputLength, ((PlainTextInputElement)elements[0]).MaxLength);
        Assert.True(((PlainTextInputElement)elements[1]).Multiline);
        Assert.Equal("b", ((StaticSelectElement)elements[2]).InitialOption!.Value);
        Assert.Equal(2, ((MultiStaticSelectElement)elements[3]).InitialOptions!.Count);
        Assert.Equal("2026-11-23", ((DatePickerElement)elements[4]).InitialDate);
        Assert.Equal("U1", ((UsersSelectElement)elements[5]).InitialUser);
        Assert.All(view.Blocks, b => Assert.Equal(((InputKitBlock)b).Element.ActionId, b.BlockId));
        Assert.Equal("x.s", view.CallbackId);
        Assert.Contains("\"v\":\"val\"", view.PrivateMetadata, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitted_values_are_kept_when_the_form_comes_back_with_an_error()
    {
        var form = new FormBlock("T", "x.s", null, [new FormInput("t", "T", InputKind.Text, "old")], "Save", Error: "Too long");
        var view = BlockKitRenderer.RenderModal(R(form), Meta, new Dictionary<string, string?> { ["t"] = "typed" });
        Assert.Contains("Too long", ((SectionKitBlock)view.Blocks[0]).Text!.Text, StringComparison.Ordinal);
        Assert.Equal("typed", ((PlainTextInputElement)((InputKitBlock)view.Blocks[1]).Element).InitialValue);
    }

    [Fact]
    public void Message_json_uses_block_kit_names()
    {
        var json = Json(BlockKitRenderer.RenderMessages(R(new HeaderBlock("H"), new ActionsBlock([new Button("Go", "x.go", "1", ButtonStyle.Primary)])))[0]);
        Assert.Contains("\"type\":\"header\"", json, StringComparison.Ordinal);
        Assert.Contains("\"action_id\":\"x.go\"", json, StringComparison.Ordinal);
        Assert.Contains("\"style\":\"primary\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_text_is_escaped_and_within_the_limit()
    {
        var message = BlockKitRenderer.RenderMessages(new Reply([], "<!channel> " + new string('x', SlackLimits.MaxMessageText)))[0];
        Assert.StartsWith("&lt;!channel&gt;", message.Text, StringComparison.Ordinal);
        Assert.True(message.Text.Length <= SlackLimits.MaxMessageText);
    }
}
