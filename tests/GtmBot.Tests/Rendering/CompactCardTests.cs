using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Local;
using GtmBot.Slack;
using GtmBot.Slack.Rendering;
using GtmBot.Slack.Wire;
using GtmBot.Teams.Cards;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Rendering;

/// <summary>
/// The checklist and quote cards through the three renderers: status, stage, tags and need/want are menus, not button
/// walls, within Block Kit's and Adaptive Cards' limits. Before menus the checklist had 40 buttons (7 stages, 4 per step,
/// the objectives board) and a quote 11 (8 tags, 3 motives).
/// </summary>
public sealed partial class CompactCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static FlowContext Context(Lang lang) =>
        new(new Turn(new ConversationKey(Platforms.Slack, "T1", "C1"), new TurnUser("U1"), "en", new CommandInput("checklist")), lang, new FakeTimeProvider(Now));

    private static Reply ChecklistCard(Lang lang) => ChecklistFlow.Card(
        Context(lang),
        new Checklist(1, LifecycleStage.Pilot, 3, [.. Enumerable.Range(1, ChecklistFlow.Steps).Select(s => new ChecklistItem(s, ChecklistStatus.Doing, "U2", new DateOnly(2026, 12, 15), "note " + s, 2, "U2", Now))], Now),
        new OkrSummary(2, 1),
        artefact: true);

    private static Reply QuoteCard(Lang lang) => QuoteFlow.Card(
        Context(lang),
        new QuoteRecord(7, "We retype every order by hand", "Acme", "en", new QuoteOrigin("U1", "Ana", null, null, null, null, "slash"), Now, [QuoteTags.Pain, QuoteTags.Pricing], Motive.Need, [], [QuoteTags.Pricing]),
        QuoteStrings.Captured,
        ReplyPlacement.NewMessage);

    private static JsonNode Slack(Reply reply) => JsonNode.Parse(JsonSerializer.Serialize(Assert.Single(BlockKitRenderer.RenderMessages(reply)), SlackJson.Default.KitMessage))!;

    private static JsonNode Teams(Reply reply) => JsonNode.Parse(JsonSerializer.Serialize(Assert.Single(AdaptiveCardRenderer.Render(reply)), TeamsJson.Default.AdaptiveCard))!;

    private static List<JsonNode> SlackElements(JsonNode message) =>
        [.. message["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!)];

    /// <summary>Actions shown on the card itself (not folded into a menu).</summary>
    private static List<JsonNode> TeamsTopActions(JsonNode card) =>
        [.. card["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()).Select(a => a!)];

    private static int HtmlButtonsOutsideMenus(string html) => Regex.Count(MenuPattern().Replace(html, string.Empty), "<button");

    [Theory]
    [InlineData(Lang.En)]
    [InlineData(Lang.Zh)]
    public void Checklist_card_has_one_button_and_a_menu_per_step_in_every_renderer(Lang lang)
    {
        var card = ChecklistCard(lang);

        var slack = SlackElements(Slack(card));
        Assert.Single(slack, e => (string?)e["type"] == "button");
        Assert.Single(slack, e => (string?)e["type"] == "static_select");
        var overflows = slack.Where(e => (string?)e["type"] == "overflow").ToList();
        Assert.Equal(ChecklistFlow.Steps, overflows.Count);
        Assert.All(overflows, o => Assert.InRange(o["options"]!.AsArray().Count, SlackLimits.MinOverflowOptions, SlackLimits.MaxOverflowOptions));
        Assert.InRange(Slack(card)["blocks"]!.AsArray().Count, 1, SlackLimits.MaxBlocksPerMessage);

        var teams = TeamsTopActions(Teams(card));
        Assert.Single(teams, a => (string?)a["type"] == "Action.Execute");
        Assert.Equal(1 + ChecklistFlow.Steps, teams.Count(a => (string?)a["type"] == "Action.ShowCard"));
        Assert.True(AdaptiveCardRenderer.SizeOf(AdaptiveCardRenderer.Render(card)[0]) <= AdaptiveCardLimits.MaxCardBytes);

        var html = HtmlRenderer.Render(card);
        Assert.Equal(1, HtmlButtonsOutsideMenus(html));
        Assert.Equal(1 + ChecklistFlow.Steps, Regex.Count(html, "<details class=\"menu\""));
    }

    [Theory]
    [InlineData(Lang.En)]
    [InlineData(Lang.Zh)]
    public void Quote_card_has_no_button_wall_but_one_menu_of_tags_and_need_or_want(Lang lang)
    {
        var card = QuoteCard(lang);

        var slack = SlackElements(Slack(card));
        var select = Assert.Single(slack);
        Assert.Equal("static_select", (string?)select["type"]);
        Assert.Equal(QuoteTags.All.Count + 3, select["options"]!.AsArray().Count);
        Assert.Equal(ActionMenu.ChooseActionId, (string?)select["action_id"]);

        var teams = Assert.Single(TeamsTopActions(Teams(card)));
        Assert.Equal("Action.ShowCard", (string?)teams["type"]);
        Assert.Equal(QuoteTags.All.Count + 3, teams["card"]!["body"]![0]!["actions"]!.AsArray().Count);

        Assert.Equal(0, HtmlButtonsOutsideMenus(HtmlRenderer.Render(card)));
    }

    [Fact]
    public void A_slack_menu_option_carries_the_action_its_button_carried()
    {
        var card = ChecklistCard(Lang.En);
        var step3 = SlackElements(Slack(card)).Where(e => (string?)e["type"] == "overflow").ElementAt(2);
        var values = step3["options"]!.AsArray().Select(o => ActionMenu.Unpack(new ActionInput(ActionMenu.ChooseActionId, (string?)o!["value"]))).ToList();

        Assert.Contains(values, a => a!.ActionId == ChecklistFlow.SetStatus && a.Value == ActionValue.Join("3", "Done", "2"));
        Assert.Contains(values, a => a!.ActionId == ChecklistFlow.Edit && a.Value == "3");
        Assert.DoesNotContain(values, a => a!.Value == ActionValue.Join("3", "Doing", "2"));
    }

    [Fact]
    public void A_teams_menu_option_is_a_button_with_the_same_data()
    {
        var card = QuoteCard(Lang.En);
        var option = Teams(card)["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet")
            .SelectMany(e => e!["actions"]!.AsArray()).Single()!["card"]!["body"]![0]!["actions"]![0]!;

        Assert.Equal("Action.Execute", (string?)option["type"]);
        Assert.Equal(QuoteActions.Tag, (string?)option["verb"]);
        Assert.Equal(QuoteActions.Tag, (string?)option["data"]![AdaptiveCardLimits.ActionKey]);
        Assert.Equal("7|pain", (string?)option["data"]![AdaptiveCardLimits.ValueKey]);
        Assert.StartsWith("✓ ", (string?)option["title"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_menu_option_posts_the_action_its_button_posted()
    {
        var html = HtmlRenderer.Render(ChecklistCard(Lang.En));
        Assert.Contains($"data-action=\"checklist.status\" data-value=\"{ActionValue.Join("1", "Done", "2")}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"checklist.edit\" data-value=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-action=\"checklist.stage\" data-value=\"{ActionValue.Join("Pilot", "3")}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "static_select")]
    [InlineData(2, "overflow")]
    [InlineData(5, "overflow")]
    [InlineData(6, "static_select")]
    public void An_overflow_outside_two_to_five_options_becomes_a_select(int options, string type)
    {
        var menu = new ActionMenu("More", [.. Enumerable.Range(1, options).Select(i => new MenuOption("o" + i, "x.y", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], MenuStyle.Overflow);
        var element = Assert.Single(SlackElements(Slack(new Reply([new ActionsBlock([]) { Menus = [menu] }], "t"))));
        Assert.Equal(type, (string?)element["type"]);
    }

    [Fact]
    public void Menu_options_slack_cannot_carry_are_left_out_and_the_options_capped()
    {
        var options = Enumerable.Range(0, SlackLimits.MaxSelectOptions + 10).Select(i => new MenuOption("o", "x.y", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Prepend(new MenuOption("long", "x.y", new string('v', SlackLimits.MaxOptionValue)));
        var element = Assert.Single(SlackElements(Slack(new Reply([new ActionsBlock([]) { Menus = [new ActionMenu("Pick", [.. options])] }], "t"))));
        var values = element["options"]!.AsArray().Select(o => (string)o!["value"]!).ToList();
        Assert.Equal(SlackLimits.MaxSelectOptions, values.Count);
        Assert.All(values, v => Assert.True(v.Length <= SlackLimits.MaxOptionValue));
    }

    [Fact]
    public void Several_menus_in_one_row_get_distinct_slack_action_ids_and_the_selected_option_is_initial()
    {
        MenuOption[] options = [new("a", "x.a", "1"), new("b", "x.b", "2", Selected: true)];
        var elements = SlackElements(Slack(new Reply([new ActionsBlock([new Button("Go", "x.go")]) { Menus = [new ActionMenu("One", options), new ActionMenu("Two", options)] }], "t")));
        Assert.Equal([ActionMenu.ChooseActionId, ActionMenu.ChooseActionId + ".1", "x.go"], elements.Select(e => (string?)e["action_id"]));
        Assert.All(elements.Take(2), e => Assert.Equal(ActionMenu.Encode(options[1]), (string?)e["initial_option"]!["value"]));
        Assert.All(elements.Take(2), e => Assert.True(ActionMenu.IsChoice((string)e["action_id"]!)));
    }

    [GeneratedRegex("<details class=\"menu\".*?</details>", RegexOptions.Singleline)]
    private static partial Regex MenuPattern();
}
