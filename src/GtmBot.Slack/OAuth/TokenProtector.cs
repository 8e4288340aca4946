using System.Security.Cryptography;
using System.Text;

namespace GtmBot.Slack.OAuth;

/// <summary>
/// Encrypts installation tokens at rest with AES-GCM (256-bit key from <c>GtmBot:Slack:TokenEncryptionKey</c>).
/// Stored form: <c>v1.</c> + base64(nonce | tag | ciphertext); the workspace key is bound in as associated data,
/// so a token copied to another workspace's row does not decrypt.
/// </summary>
internal sealed class TokenProtector
{
    private const string Prefix = "v1.";
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public TokenProtector(string base64Key)
    {
        if (!IsValidKey(base64Key))
        {
            throw new ArgumentException("The token encryption key must be base64 of 32 bytes.", nameof(base64Key));
        }

        _key = Convert.FromBase64String(base64Key);
    }

    public static bool IsValidKey(string base64Key)
    {
        var buffer = new byte[KeyBytes + 3];
        return Convert.TryFromBase64String(base64Key.Trim(), buffer, out var written) && written == KeyBytes;
    }

    public string Protect(string token, string workspaceKey)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var blob = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = blob.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceBytes + TagBytes), blob.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(workspaceKey));
        return Prefix + Convert.ToBase64String(blob);
    }

    /// <exception cref="CryptographicException">Wrong key, tampered data or another workspace's row.</exception>
    public string Unprotect(string protectedToken, string workspaceKey)
    {
        if (!protectedToken.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown token format.");
        }

        var blob = Convert.FromBase64String(protectedToken[Prefix.Length..]);
        if (blob.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("Token too short.");
        }

        var plain = new byte[blob.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(blob.AsSpan(0, NonceBytes), blob.AsSpan(NonceBytes + TagBytes), blob.AsSpan(NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(workspaceKey));
        return Encoding.UTF8.GetString(plain);
    }
}
