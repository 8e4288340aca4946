namespace GtmBot.Slack.Wire;

/// <summary>
/// What a modal remembers in <c>private_metadata</c> (at most 3,000 characters): the form's value and where it was opened,
/// because a <c>view_submission</c> carries no channel.
/// </summary>
/// <param name="V">The form's opaque value.</param>
/// <param name="C">Channel id.</param>
/// <param name="T">Thread ts.</param>
/// <param name="M">The message the form came from.</param>
/// <param name="R">A response_url still valid for that message.</param>
internal sealed record ModalMetadata(string? V, string C, string? T = null, string? M = null, string? R = null);
