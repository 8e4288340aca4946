namespace GtmBot.Teams.Cards;

/// <summary>Numbers of the Adaptive Card format as Teams renders it.</summary>
internal static class AdaptiveCardLimits
{
    /// <summary>Teams supports cards up to version 1.5 for bots; Universal Actions need 1.5.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference"/>
    public const string Version = "1.5";

    /// <see href="https://adaptivecards.io/explorer/AdaptiveCard.html"/>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference"/>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Largest card GtmBot sends (UTF-8 JSON bytes). Teams caps cards at 28 KB; the whole message at 40 KB.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format"/>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>Longest text of a single TextBlock before it is cut with an ellipsis (keeps one block within <see cref="MaxCardBytes"/>).</summary>
    public const int MaxTextChars = 6000;

    /// <summary>Action.Execute data keys GtmBot puts on its buttons; every other data key is an input value.</summary>
    public const string ActionKey = "gtmAction";

    /// <inheritdoc cref="ActionKey"/>
    public const string ValueKey = "gtmValue";
}
