using System.Security.Cryptography;
using System.Text;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Tagging;

/// <summary>
/// What makes two saves the same quote: the same words from the same customer (or both without one). Case, spacing,
/// punctuation and markup do not count (<see cref="ThemeEngine.NormalizeCustomer"/>), so pressing "Save" twice or pasting
/// the same note again keeps one quote. Hex SHA-256, <see cref="Length"/> characters.
/// </summary>
public static class QuoteFingerprint
{
    public const int Length = 64;

    public static string Of(string text, string? customer) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key(text, customer))));

    /// <summary>The unhashed comparison key: equal keys are the same quote (what insights and scores count once).</summary>
    public static string Key(string text, string? customer) =>
        (string.IsNullOrWhiteSpace(customer) ? string.Empty : ThemeEngine.NormalizeCustomer(customer)) + "\u0000" + ThemeEngine.NormalizeCustomer(text);
}
