using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GtmBot.Slack;

/// <summary>Outcome of checking a request's Slack signature.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Forged,
}

/// <summary>
/// Slack's v0 request signature: <c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body))</c>, compared in constant time.
/// </summary>
/// <see href="https://docs.slack.dev/authentication/verifying-requests-from-slack"/>
public static class SlackSignature
{
    /// <summary>Requests older or newer than this are refused as possible replays.</summary>
    /// <see href="https://docs.slack.dev/authentication/verifying-requests-from-slack"/>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public const string Version = "v0";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    private const int HexSignatureLength = 64;

    public static SignatureCheck Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signature, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Forged;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)MaxClockSkew.TotalSeconds)
        {
            return SignatureCheck.Stale;
        }

        var expected = Compute(secret, timestamp, body);
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Forged;
    }

    /// <summary>The header value Slack would send for this body (ASCII bytes of <c>v0=…</c>).</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        var header = new byte[Version.Length + 1 + HexSignatureLength];
        Encoding.ASCII.GetBytes(Version + "=" + Convert.ToHexStringLower(mac), header);
        return header;
    }

    /// <summary>The signature header for a body, as a string (tests and the load script's twin).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) => Encoding.ASCII.GetString(Compute(secret, timestamp, body));
}
