using System.Security.Cryptography;
using GtmBot.Slack.OAuth;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Slack;

public sealed class TokenProtectorTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Token_round_trips_and_is_not_stored_in_clear()
    {
        var p = new TokenProtector(Key);
        var stored = p.Protect("xoxb-secret-token", "slack:T1");
        Assert.DoesNotContain("xoxb", stored, StringComparison.Ordinal);
        Assert.Equal("xoxb-secret-token", p.Unprotect(stored, "slack:T1"));
    }

    [Fact]
    public void Token_of_another_workspace_row_does_not_decrypt()
    {
        var p = new TokenProtector(Key);
        Assert.ThrowsAny<CryptographicException>(() => p.Unprotect(p.Protect("xoxb-1", "slack:T1"), "slack:T2"));
    }

    [Fact]
    public void Token_under_another_key_does_not_decrypt() =>
        Assert.ThrowsAny<CryptographicException>(() => new TokenProtector(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Unprotect(new TokenProtector(Key).Protect("xoxb-1", "slack:T1"), "slack:T1"));

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void Key_that_is_not_32_bytes_is_refused(string key) => Assert.False(TokenProtector.IsValidKey(key));

    [Fact]
    public void OAuth_state_is_accepted_once_signed_and_fresh()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = SlackOAuthEndpoints.CreateState("secret", clock);
        Assert.NotNull(SlackOAuthEndpoints.CheckState("secret", state, clock));
        Assert.Null(SlackOAuthEndpoints.CheckState("other", state, clock));
        Assert.Null(SlackOAuthEndpoints.CheckState("secret", state[..^1] + (state[^1] == 'a' ? 'b' : 'a'), clock));
        clock.Advance(SlackOAuthEndpoints.StateLifetime + TimeSpan.FromSeconds(1));
        Assert.Null(SlackOAuthEndpoints.CheckState("secret", state, clock));
    }
}
