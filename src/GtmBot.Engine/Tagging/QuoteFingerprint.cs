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

    public static string Of(string text, string? customer)
    {
        var key = (customer is null ? string.Empty : ThemeEngine.NormalizeCustomer(customer)) + "\u0000" + ThemeEngine.NormalizeCustomer(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
