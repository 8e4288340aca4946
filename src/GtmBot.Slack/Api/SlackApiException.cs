namespace GtmBot.Slack.Api;

/// <summary>Slack answered <c>ok:false</c> (or 429, or a transport failure): <see cref="Error"/> is Slack's error code.</summary>
/// <see href="https://docs.slack.dev/apis/web-api/#responses"/>
public sealed class SlackApiException(string method, string error, TimeSpan? retryAfter = null, bool maybeDone = false, Exception? inner = null)
    : Exception($"Slack {method} failed: {error}", inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Set for <c>ratelimited</c>: Slack's Retry-After.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The request may have been carried out (5xx or timeout on a non-idempotent call): do not re-send blindly.</summary>
    public bool MaybeDone { get; } = maybeDone;

    /// <summary>Errors after which the bot cannot post to the conversation any more.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/chat.postMessage#errors"/>
    public bool ConversationGone => Error is "channel_not_found" or "not_in_channel" or "is_archived" or "account_inactive" or "invalid_auth" or "token_revoked" or "team_access_not_granted" or "no_permission" or "missing_scope";

    /// <summary>
    /// Refusals of a direct message that no retry will change: the person is gone or hidden, DMs with the app are closed, or
    /// the token may not open DMs (bot token without <c>im:write</c>).
    /// </summary>
    /// <see href="https://docs.slack.dev/reference/methods/conversations.open#errors"/>
    /// <see href="https://docs.slack.dev/reference/methods/chat.postMessage#errors"/>
    public bool DirectRefused => ConversationGone || Error is "user_not_found" or "user_not_visible" or "user_disabled" or "cannot_dm_bot" or "not_allowed_token_type"
        or "invalid_user_combination" or "method_not_supported_for_channel_type" or "messages_tab_disabled" or "access_denied" or "ekm_access_denied" or "not_authed";

    /// <summary>The message to update is gone.</summary>
    /// <see href="https://docs.slack.dev/reference/methods/chat.update#errors"/>
    public bool MessageGone => Error is "message_not_found" or "cant_update_message";
}
