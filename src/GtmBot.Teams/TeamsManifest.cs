namespace GtmBot.Teams;

/// <summary>Ids shared with <c>manifests/teams/manifest.json</c>.</summary>
public static class TeamsManifest
{
    /// <summary>The message action "Tag as customer quote" (<c>composeExtensions[0].commands[0].id</c>).</summary>
    public const string QuoteCommandId = "tagCustomerQuote";

    /// <summary>Most commands one command list of a bot may name; the others are typed (<c>help</c> lists every command).</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#bots"/>
    public const int MaxCommandsPerList = 10;
}
