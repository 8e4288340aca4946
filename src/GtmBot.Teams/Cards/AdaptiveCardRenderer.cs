using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Teams.Protocol;

namespace GtmBot.Teams.Cards;

/// <summary>
/// Renders a neutral <see cref="Reply"/> as Adaptive Cards (1.5) for Teams: one card, or several when the content is
/// larger than <see cref="AdaptiveCardLimits.MaxCardBytes"/>. Buttons and form submits are <c>Action.Execute</c>, so a
/// press comes back as an <c>adaptiveCard/action</c> invoke and the card can be refreshed in the response. A menu of
/// actions is an <c>Action.ShowCard</c> whose options are such buttons.
/// </summary>
internal static class AdaptiveCardRenderer
{
    private sealed record Chunk(List<CardElement> Elements, List<CardMention> Mentions);

    /// <summary>
    /// The reply as cards, each within <see cref="AdaptiveCardLimits.MaxCardBytes"/>. <paramref name="nameOf"/> gives the
    /// display name a mention shows (Teams shows the text inside <c>&lt;at&gt;</c>); without one the id is shown.
    /// </summary>
    public static IReadOnlyList<AdaptiveCard> Render(Reply reply, Func<string, string?>? nameOf = null)
    {
        var chunks = new List<Chunk>();
        var separatorNext = false;
        foreach (var block in reply.Blocks)
        {
            if (block is DividerBlock)
            {
                separatorNext = true;
                continue;
            }

            var chunk = RenderBlock(block, nameOf);
            if (chunk.Elements.Count == 0)
            {
                continue;
            }

            if (separatorNext)
            {
                chunk.Elements[0] = chunk.Elements[0] with { Separator = true, Spacing = "Medium" };
                separatorNext = false;
            }

            chunks.Add(chunk);
        }

        if (chunks.Count == 0)
        {
            chunks.Add(new Chunk([new TextBlockElement(TeamsMarkdown.Escape(reply.Text))], []));
        }

        return Pack(chunks);
    }

    /// <summary>The attachment that carries a card.</summary>
    public static CardAttachment Attach(AdaptiveCard card) =>
        new(AdaptiveCardLimits.ContentType, JsonSerializer.SerializeToElement(card, TeamsJson.Default.AdaptiveCard));

    /// <summary>Size of a card as sent (UTF-8 JSON).</summary>
    public static int SizeOf(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, TeamsJson.Default.AdaptiveCard).Length;

    /// <summary>A card for a dialog (task module): the reply's blocks, with the form submitted by <c>Action.Submit</c>.</summary>
    public static AdaptiveCard RenderDialog(Reply reply)
    {
        var card = Render(reply)[0];
        return card with { Body = [.. card.Body.Select(ToSubmit)] };

        static CardElement ToSubmit(CardElement element) => element switch
        {
            ActionSetElement set => set with
            {
                Actions = [.. set.Actions.Select(ToSubmitAction)],
            },
            ContainerElement c => c with { Items = [.. c.Items.Select(ToSubmit)] },
            _ => element,
        };

        static CardAction ToSubmitAction(CardAction action) => action switch
        {
            ExecuteAction e => new SubmitAction(e.Title) { Style = e.Style, Data = e.Data },
            ShowCardAction s => s with { Card = s.Card with { Body = [.. s.Card.Body.Select(ToSubmit)] } },
            _ => action,
        };
    }

    private static Chunk RenderBlock(ReplyBlock block, Func<string, string?>? nameOf)
    {
        var mentions = new List<CardMention>();
        List<CardElement> elements = block switch
        {
            HeaderBlock h => [new TextBlockElement(TeamsMarkdown.Escape(Cut(h.Text))) { Size = "Large", Weight = "Bolder" }],
            TextBlock t => [new TextBlockElement(TeamsMarkdown.Render(Cut(t.Markup), mentions, nameOf))],
            ContextBlock c => [new TextBlockElement(TeamsMarkdown.Render(Cut(c.Markup), mentions, nameOf)) { Size = "Small", IsSubtle = true }],
            FieldsBlock f => [new FactSetElement([.. f.Fields.Select(x => new Fact(TeamsMarkdown.Escape(x.Label), TeamsMarkdown.Render(Cut(x.Value), mentions, nameOf)))])],
            ActionsBlock a => Actions(a) is { Count: > 0 } actions ? [new ActionSetElement(actions)] : [],
            FormBlock form => [RenderForm(form)],
            DividerBlock => [],
            ImageBlock image when ImageBlock.IsWebAddress(image.Url) => [new ImageElement(image.Url, Cut(image.AltText))],
            ImageBlock image => [new TextBlockElement(TeamsMarkdown.Escape(Cut(image.AltText))) { Size = "Small", IsSubtle = true }],
            _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block kind"),
        };
        return new Chunk(elements, mentions);
    }

    private static ContainerElement RenderForm(FormBlock form)
    {
        var items = new List<CardElement> { new TextBlockElement(TeamsMarkdown.Escape(form.Title)) { Weight = "Bolder" } };
        if (!string.IsNullOrEmpty(form.Error))
        {
            items.Add(new TextBlockElement(TeamsMarkdown.Render(form.Error)) { Color = "Attention" });
        }

        items.AddRange(form.Inputs.Select(Input));
        items.Add(new ActionSetElement([new ExecuteAction(form.SubmitLabel, form.SubmitActionId)
        {
            Style = "positive",
            Data = Data(form.SubmitActionId, form.Value),
        }]));
        return new ContainerElement(items);
    }

    private static CardElement Input(FormInput input)
    {
        var label = input.Label;
        return input.Kind switch
        {
            InputKind.Text or InputKind.Multiline => new InputTextElement(input.Id, label)
            {
                Value = input.Initial,
                Placeholder = input.Placeholder,
                IsMultiline = input.Kind == InputKind.Multiline ? true : null,
                MaxLength = input.MaxLength,
                IsRequired = input.Required ? true : null,
            },
            InputKind.Select or InputKind.MultiSelect => new InputChoiceSetElement(input.Id, label)
            {
                Value = input.Initial,
                Placeholder = input.Placeholder,
                Choices = [.. (input.Choices ?? []).Select(c => new CardChoice(c.Label, c.Value))],
                IsMultiSelect = input.Kind == InputKind.MultiSelect ? true : null,
                Style = "compact",
                IsRequired = input.Required ? true : null,
            },
            InputKind.Date => new InputDateElement(input.Id, label) { Value = input.Initial, IsRequired = input.Required ? true : null },
            InputKind.User => new InputChoiceSetElement(input.Id, label)
            {
                Value = input.Initial,
                Placeholder = input.Placeholder,
                ChoicesData = new DataQuery("Data.Query", "graph.microsoft.com/users"),
                IsRequired = input.Required ? true : null,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, "Unknown input kind"),
        };
    }

    private static List<CardAction> Actions(ActionsBlock a) => [.. a.Menus.Where(m => m.Options.Count > 0).Select(Menu), .. a.Buttons.Select(Button)];

    /// <summary>
    /// A menu of actions as one button that unfolds its options (<c>Action.ShowCard</c>); each option is an
    /// <c>Action.Execute</c> with the data its own button would carry, so a choice reaches the bot as that button's press.
    /// The chosen state is marked with a tick.
    /// </summary>
    /// <see href="https://adaptivecards.io/explorer/Action.ShowCard.html"/>
    private static ShowCardAction Menu(ActionMenu menu) => new(
        menu.Label + " " + MenuMark,
        new AdaptiveCard
        {
            Body = [new ActionSetElement([.. menu.Options.Select(o => Button(new Button((o.Selected ? "✓ " : string.Empty) + o.Label, o.ActionId, o.Value)))])],
        });

    /// <summary>Marks a button that unfolds a menu.</summary>
    private const string MenuMark = "▾";

    private static ExecuteAction Button(Button b) => new(b.Label, b.ActionId)
    {
        // Teams ignores styles it does not support; the others show primary/destructive emphasis.
        Style = b.Style switch { ButtonStyle.Primary => "positive", ButtonStyle.Danger => "destructive", _ => null },
        Data = Data(b.ActionId, b.Value),
    };

    private static Dictionary<string, string?> Data(string actionId, string? value)
    {
        var data = new Dictionary<string, string?> { [AdaptiveCardLimits.ActionKey] = actionId };
        if (value is not null)
        {
            data[AdaptiveCardLimits.ValueKey] = value;
        }

        return data;
    }

    private static string Cut(string text) =>
        text.Length <= AdaptiveCardLimits.MaxTextChars ? text : string.Concat(text.AsSpan(0, AdaptiveCardLimits.MaxTextChars - 1), "…");

    private static List<AdaptiveCard> Pack(List<Chunk> chunks)
    {
        var cards = new List<AdaptiveCard>();
        var body = new List<CardElement>();
        var mentions = new List<CardMention>();
        foreach (var chunk in chunks)
        {
            var candidate = Card([.. body, .. chunk.Elements], [.. mentions, .. chunk.Mentions]);
            if (body.Count > 0 && SizeOf(candidate) > AdaptiveCardLimits.MaxCardBytes)
            {
                cards.Add(Card(body, mentions));
                body = [];
                mentions = [];
            }

            body.AddRange(chunk.Elements);
            mentions.AddRange(chunk.Mentions);
        }

        cards.Add(Card(body, mentions));
        return cards;
    }

    private static AdaptiveCard Card(List<CardElement> body, List<CardMention> mentions)
    {
        var first = body.Count > 0 && body[0].Separator == true ? [body[0] with { Separator = null, Spacing = null }, .. body.Skip(1)] : body;
        return new AdaptiveCard
        {
            Body = [.. first],
            Msteams = new TeamsCardProperties("Full", mentions.Count > 0 ? [.. mentions.DistinctBy(m => m.Text)] : null),
        };
    }
}
