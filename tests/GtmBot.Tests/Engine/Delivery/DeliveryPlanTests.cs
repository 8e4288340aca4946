using GtmBot.Engine;
using GtmBot.Engine.Delivery;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Engine.Delivery;

/// <summary>
/// The delivery plan as a truth table. Replies are letters, numbered by position so equal kinds stay apart:
/// N new channel message, E ephemeral notice, F ephemeral form, R replace-original, T thread reply, A artefact.
/// The plan reads <c>response|replace|form|later</c>; a replacement that went to "later" shows as <c>R&gt;N</c>.
/// </summary>
public class DeliveryPlanTests
{
    public static readonly TheoryData<string, string, string> Table = new()
    {
        // Slack slash command: the first new message is the ack body; a form opens; the rest follows.
        { "N", "slash", "N0|||" },
        { "E", "slash", "E0|||" },
        { "F", "slash", "||F0|" },
        { "F E", "slash", "E1||F0|" },
        { "N E", "slash", "N0|||E1" },
        { "E E", "slash", "E0|||E1" },
        { "A E", "slash", "E1|||" },
        { "A", "slash", "|||" },
        { "T N", "slash", "N1|||T0" },
        { "R", "slash", "|||R>N0" },
        { "F F", "slash", "F1||F0|" },
        // Slack slash without a trigger: the form is a message like any other.
        { "F", "slash-no-trigger", "F0|||" },
        // Slack button: no body; replacement in place; a form opens.
        { "R", "block-action", "|R0||" },
        { "R E", "block-action", "|R0||E1" },
        { "R R", "block-action", "|R0||R>N1" },
        { "F N", "block-action", "||F0|N1" },
        { "A E", "block-action", "|||E1" },
        { "N", "block-action", "|||N0" },
        // Slack modal submit: a form in the answer updates the modal; none closes it.
        { "F E", "view-submission", "F0|||E1" },
        { "E A", "view-submission", "|||E0" },
        { "R E", "view-submission", "|R0||E1" },
        { "", "view-submission", "|||" },
        // Events (mention, reaction): everything after the 200.
        { "N E R", "event", "|||N0 E1 R>N2" },
        { "A", "event", "|||" },
        // Teams card press: the replacement refreshes the card, else the form, else the artefact, else a notice.
        { "R E", "card", "R0|||E1" },
        { "E F", "card", "F1|||E0" },
        { "N A", "card", "A1|||N0" },
        { "N E", "card", "E1|||N0" },
        { "N", "card", "|||N0" },
        { "E A E", "card", "A1|||E0 E2" },
        // Teams dialog submit: the first private notice closes it; the rest goes to the conversation.
        { "E N", "dialog-submit", "E0|||N1" },
        { "F E", "dialog-submit", "E1|||F0" },
        { "N A", "dialog-submit", "|||N0" },
        // Teams dialog fetch: the form is the dialog.
        { "E F", "dialog-fetch", "F1|||E0" },
        { "E", "dialog-fetch", "|||E0" },
        // Teams message with a card submit (Action.Submit): the source card is updated.
        { "R N", "teams-submit", "|R0||N1" },
        { "R N", "teams-message", "|||R>N0 N1" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Plan_matches_the_table(string replies, string origin, string expected)
    {
        var input = Replies(replies);
        var plan = DeliveryPlan.For(new TurnResult(input, Lang.Zh), Origin(origin));
        Assert.Equal(expected, Describe(plan, input));
        Assert.Equal(Lang.Zh, plan.Lang);
    }

    [Fact]
    public void Every_reply_that_is_not_an_artefact_is_planned_exactly_once()
    {
        var kinds = new[] { "N", "E", "F", "R", "T", "A" };
        var origins = new[] { "slash", "slash-no-trigger", "block-action", "view-submission", "event", "card", "dialog-submit", "dialog-fetch", "teams-submit", "teams-message" };
        foreach (var a in kinds)
        {
            foreach (var b in kinds)
            {
                foreach (var c in kinds)
                {
                    foreach (var origin in origins)
                    {
                        var input = Replies($"{a} {b} {c}");
                        var plan = DeliveryPlan.For(new TurnResult(input, Lang.En), Origin(origin));
                        var planned = new[] { plan.Response, plan.Replace, plan.Form }.Where(r => r is not null).Concat(plan.Later).ToList();
                        var expected = input.Count(r => r.Placement != ReplyPlacement.Artefact) + (origin == "card" && plan.Response?.Placement == ReplyPlacement.Artefact ? 1 : 0);
                        Assert.True(expected == planned.Count, $"{a} {b} {c} / {origin}: {Describe(plan, input)}");
                        Assert.DoesNotContain(plan.Later, r => r.Placement is ReplyPlacement.Artefact or ReplyPlacement.ReplaceOriginal);
                    }
                }
            }
        }
    }

    [Fact]
    public void Equal_replies_stay_two_messages()
    {
        var notice = Reply.Notice("same");
        var plan = DeliveryPlan.For(new TurnResult([notice, notice], Lang.En), Origin("slash"));
        Assert.Same(notice, plan.Response);
        Assert.Single(plan.Later);
    }

    private static OriginCapabilities Origin(string name) => name switch
    {
        "slash" => new(ResponseSlot.Message, CanReplaceSource: false, CanOpenForm: true),
        "slash-no-trigger" => new(ResponseSlot.Message),
        "block-action" => new(ResponseSlot.None, CanReplaceSource: true, CanOpenForm: true),
        "view-submission" => new(ResponseSlot.FormResult, CanReplaceSource: true),
        "event" => new(),
        "card" => new(ResponseSlot.CardRefresh),
        "dialog-submit" => new(ResponseSlot.DialogResult),
        "dialog-fetch" => new(ResponseSlot.DialogForm),
        "teams-submit" => new(ResponseSlot.None, CanReplaceSource: true),
        "teams-message" => new(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static List<Reply> Replies(string letters) =>
        [.. letters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => l switch
        {
            "N" => new Reply([new TextBlock("n" + i)], "n" + i),
            "E" => Reply.Notice("e" + i),
            "F" => new Reply([new FormBlock("f", "x.submit", null, [new FormInput("a", "A", InputKind.Text)], "Go")], "f" + i, ReplyVisibility.Ephemeral),
            "R" => new Reply([new TextBlock("r" + i)], "r" + i, Placement: ReplyPlacement.ReplaceOriginal),
            "T" => new Reply([new TextBlock("t" + i)], "t" + i, Placement: ReplyPlacement.ThreadReply),
            "A" => new Reply([new TextBlock("a" + i)], "a" + i, Placement: ReplyPlacement.Artefact, ArtefactKey: "canvas:default"),
            _ => throw new ArgumentOutOfRangeException(nameof(letters), l, null),
        })];

    private static string Describe(DeliveryPlan plan, IReadOnlyList<Reply> input)
    {
        string Name(Reply? r)
        {
            if (r is null)
            {
                return string.Empty;
            }

            // Later replies may be copies (a replacement turned into a new message): find them by their fallback text.
            var i = input.Select((x, n) => (x, n)).First(p => p.x.Text == r.Text).n;
            var letter = input[i].Text[0] switch { 'n' => "N", 'e' => "E", 'f' => "F", 'r' => "R", 't' => "T", _ => "A" };
            return letter == "R" && r.Placement == ReplyPlacement.NewMessage ? $"R>N{i}" : $"{letter}{i}";
        }

        return $"{Name(plan.Response)}|{Name(plan.Replace)}|{Name(plan.Form)}|{string.Join(' ', plan.Later.Select(Name))}";
    }
}
