using System.Text;
using System.Text.Json;
using GtmBot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Slack;

public sealed class SlackSignatureTests
{
    // Our own vector; the expected signature is computed here by the documented recipe (v0=hex(HMAC-SHA256(secret, "v0:ts:body"))).
    // https://docs.slack.dev/authentication/verifying-requests-from-slack
    private const string Secret = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string Timestamp = "1764400000";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=x&team_id=T0GTM&channel_id=C0GTM&user_id=U0ANA&command=%2Fgtm&text=canvas");
    private static readonly string Expected = "v0=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{Timestamp}:").Concat(Body).ToArray()));

    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    [Fact]
    public void Docs_worked_example_is_valid()
    {
        var vector = JsonDocument.Parse(SlackFixtures.Text("signing.v0_docs_vector.json")).RootElement;
        var timestamp = vector.GetProperty("x_slack_request_timestamp").GetString()!;
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(
            vector.GetProperty("signing_secret").GetString()!,
            timestamp,
            Encoding.UTF8.GetBytes(vector.GetProperty("raw_body").GetString()!),
            vector.GetProperty("expected_x_slack_signature").GetString()!,
            ClockAt(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Our_own_vector_is_valid() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Body, Expected, ClockAt(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Docs_worked_example_signature_is_computed() => Assert.Equal(Expected, SlackSignature.Sign(Secret, Timestamp, Body));

    [Fact]
    public void Timestamp_within_five_minutes_is_accepted() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Body, Expected, ClockAt(long.Parse(Timestamp) + 300)));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Expired_or_future_timestamp_is_rejected(long offset) =>
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, Timestamp, Body, Expected, ClockAt(long.Parse(Timestamp) + offset)));

    [Fact]
    public void Tampered_body_is_rejected()
    {
        var body = (byte[])Body.Clone();
        body[^1] ^= 1;
        Assert.Equal(SignatureCheck.Forged, SlackSignature.Verify(Secret, Timestamp, body, Expected, ClockAt(long.Parse(Timestamp))));
    }

    [Fact]
    public void Wrong_secret_is_rejected() =>
        Assert.Equal(SignatureCheck.Forged, SlackSignature.Verify(Secret + "x", Timestamp, Body, Expected, ClockAt(long.Parse(Timestamp))));

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Missing_headers_are_rejected(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.Missing, SlackSignature.Verify(Secret, timestamp, Body, signature, ClockAt(long.Parse(Timestamp))));

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1531420618.5")]
    public void Non_numeric_timestamp_is_rejected(string timestamp) =>
        Assert.Equal(SignatureCheck.Forged, SlackSignature.Verify(Secret, timestamp, Body, Expected, ClockAt(long.Parse(Timestamp))));

    [Fact]
    public void Signature_of_another_length_is_rejected() =>
        Assert.Equal(SignatureCheck.Forged, SlackSignature.Verify(Secret, Timestamp, Body, Expected[..^2], ClockAt(long.Parse(Timestamp))));
}
