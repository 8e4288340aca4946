using System.Text.Json;
using System.Text.Json.Serialization;

namespace GtmBot.Teams.Cards;

/// <summary>The Adaptive Card elements GtmBot uses, hand-written from the schema (version 1.5).</summary>
/// <see href="https://adaptivecards.io/explorer/AdaptiveCard.html"/>
internal sealed record AdaptiveCard
{
    [JsonPropertyName("type")]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema => AdaptiveCardLimits.SchemaUrl;

    [JsonPropertyName("version")]
    public string Version => AdaptiveCardLimits.Version;

    [JsonPropertyName("body")]
    public required IReadOnlyList<CardElement> Body { get; init; }

    [JsonPropertyName("actions")]
    public IReadOnlyList<CardAction>? Actions { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? Msteams { get; init; }
}

/// <summary>Teams' extension of the card: full width and the mention entities of <c>&lt;at&gt;</c> tags.</summary>
/// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards"/>
internal sealed record TeamsCardProperties(
    [property: JsonPropertyName("width")] string? Width,
    [property: JsonPropertyName("entities")] IReadOnlyList<CardMention>? Entities);

internal sealed record CardMention(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("mentioned")] CardMentioned Mentioned);

internal sealed record CardMentioned(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlockElement), "TextBlock")]
[JsonDerivedType(typeof(FactSetElement), "FactSet")]
[JsonDerivedType(typeof(ContainerElement), "Container")]
[JsonDerivedType(typeof(ActionSetElement), "ActionSet")]
[JsonDerivedType(typeof(InputTextElement), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSetElement), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputDateElement), "Input.Date")]
[JsonDerivedType(typeof(ImageElement), "Image")]
internal abstract record CardElement
{
    [JsonPropertyName("separator")]
    public bool? Separator { get; init; }

    [JsonPropertyName("spacing")]
    public string? Spacing { get; init; }
}

/// <see href="https://adaptivecards.io/explorer/TextBlock.html"/>
internal sealed record TextBlockElement(string Text) : CardElement
{
    [JsonPropertyName("text")]
    public string Text { get; init; } = Text;

    [JsonPropertyName("wrap")]
    public bool Wrap { get; init; } = true;

    [JsonPropertyName("size")]
    public string? Size { get; init; }

    [JsonPropertyName("weight")]
    public string? Weight { get; init; }

    [JsonPropertyName("isSubtle")]
    public bool? IsSubtle { get; init; }

    [JsonPropertyName("color")]
    public string? Color { get; init; }
}

/// <see href="https://adaptivecards.io/explorer/Image.html"/>
internal sealed record ImageElement(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("altText")] string AltText) : CardElement
{
    [JsonPropertyName("size")]
    public string Size { get; init; } = "Stretch";
}

/// <see href="https://adaptivecards.io/explorer/FactSet.html"/>
internal sealed record FactSetElement(
    [property: JsonPropertyName("facts")] IReadOnlyList<Fact> Facts) : CardElement;

internal sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

/// <see href="https://adaptivecards.io/explorer/Container.html"/>
internal sealed record ContainerElement(
    [property: JsonPropertyName("items")] IReadOnlyList<CardElement> Items) : CardElement;

/// <see href="https://adaptivecards.io/explorer/ActionSet.html"/>
internal sealed record ActionSetElement(
    [property: JsonPropertyName("actions")] IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>Common input properties (label, required, error message) of Adaptive Cards 1.3+.</summary>
/// <see href="https://adaptivecards.io/explorer/Input.Text.html"/>
internal abstract record InputElement(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label) : CardElement
{
    [JsonPropertyName("isRequired")]
    public bool? IsRequired { get; init; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }
}

internal sealed record InputTextElement(string Id, string Label) : InputElement(Id, Label)
{
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("isMultiline")]
    public bool? IsMultiline { get; init; }

    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; init; }
}

/// <see href="https://adaptivecards.io/explorer/Input.ChoiceSet.html"/>
internal sealed record InputChoiceSetElement(string Id, string Label) : InputElement(Id, Label)
{
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("choices")]
    public IReadOnlyList<CardChoice> Choices { get; init; } = [];

    [JsonPropertyName("isMultiSelect")]
    public bool? IsMultiSelect { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }

    /// <summary>Teams' people picker: choices searched in the organisation's directory.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/people-picker"/>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

internal sealed record CardChoice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

internal sealed record DataQuery(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("dataset")] string Dataset);

/// <see href="https://adaptivecards.io/explorer/Input.Date.html"/>
internal sealed record InputDateElement(string Id, string Label) : InputElement(Id, Label)
{
    [JsonPropertyName("value")]
    public string? Value { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
internal abstract record CardAction(
    [property: JsonPropertyName("title")] string Title)
{
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("data")]
    public Dictionary<string, string?>? Data { get; init; }
}

/// <summary>Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with the verb, the data and the inputs.</summary>
/// <see href="https://adaptivecards.io/explorer/Action.Execute.html"/>
internal sealed record ExecuteAction(string Title, [property: JsonPropertyName("verb")] string Verb) : CardAction(Title);

/// <summary>Used in dialogs (task modules), where Teams turns the submit into the dialog's result.</summary>
/// <see href="https://adaptivecards.io/explorer/Action.Submit.html"/>
internal sealed record SubmitAction(string Title) : CardAction(Title);

/// <summary>A button that unfolds a card inside this one: GtmBot's menus of actions, each option a button of its own.</summary>
/// <see href="https://adaptivecards.io/explorer/Action.ShowCard.html"/>
internal sealed record ShowCardAction(string Title, [property: JsonPropertyName("card")] AdaptiveCard Card) : CardAction(Title);
