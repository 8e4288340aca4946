namespace GtmBot.Teams;

/// <summary>Ids shared with <c>manifests/teams/manifest.json</c>.</summary>
public static class TeamsManifest
{
    /// <summary>The message action "Tag as customer quote" (<c>composeExtensions[0].commands[0].id</c>).</summary>
    public const string QuoteCommandId = "tagCustomerQuote";
}
