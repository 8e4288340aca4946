using GtmBot.Slack.Api;

namespace GtmBot.Tests.Slack;

/// <summary>Which Slack errors end a direct message for good, and which leave it to be retried.</summary>
public sealed class SlackApiExceptionTests
{
    [Theory]
    [InlineData("user_not_found")]
    [InlineData("user_not_visible")]
    [InlineData("user_disabled")]
    [InlineData("cannot_dm_bot")]
    [InlineData("not_allowed_token_type")]
    [InlineData("missing_scope")]
    [InlineData("messages_tab_disabled")]
    [InlineData("account_inactive")]
    [InlineData("channel_not_found")]
    public void A_refusal_no_retry_will_change_ends_a_direct_message(string error) =>
        Assert.True(new SlackApiException("conversations.open", error).DirectRefused);

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("http_503")]
    [InlineData("transport_error")]
    [InlineData("connection_failed")]
    [InlineData("internal_error")]
    public void A_passing_failure_does_not_end_a_direct_message(string error) =>
        Assert.False(new SlackApiException("conversations.open", error).DirectRefused);
}
