using System.Globalization;

namespace GtmBot.Engine.Strings;

/// <summary>The languages GtmBot speaks.</summary>
public enum Lang
{
    En,
    Zh,
}

/// <summary>One user-facing string in English and Simplified Chinese. Format holes use <c>{0}</c>.</summary>
public sealed record Localized(string En, string Zh)
{
    public string Get(Lang lang) => lang == Lang.Zh ? Zh : En;

    public string Format(Lang lang, params object?[] args) =>
        string.Format(lang == Lang.Zh ? Culture.Zh : CultureInfo.InvariantCulture, Get(lang), args);
}

/// <summary>Parsing and naming of languages.</summary>
public static class Culture
{
    public static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Maps a platform locale or a user's word (<c>zh</c>, <c>zh-CN</c>, <c>中文</c>, <c>en-US</c>) to a language.</summary>
    public static Lang? Parse(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var l = locale.Trim().ToLowerInvariant();
        if (l.StartsWith("zh", StringComparison.Ordinal) || l is "中文" or "汉语" or "简体中文" or "cn" or "chinese")
        {
            return Lang.Zh;
        }

        if (l.StartsWith("en", StringComparison.Ordinal) || l is "英文" or "英语" or "english")
        {
            return Lang.En;
        }

        return null;
    }

    public static string Code(Lang lang) => lang == Lang.Zh ? "zh" : "en";
}
