namespace GtmBot.Engine.Strings;

/// <summary>
/// The method's terms in both languages, in one place so every string says them the same way: need / want (需要 / 想要,
/// never 刚需), GTM (产品上市, never 上市 alone, which reads as an IPO), the life-cycle stages; and how lists are joined.
/// </summary>
public static class Glossary
{
    public static readonly Localized Need = new("need", "需要");
    public static readonly Localized Want = new("want", "想要");
    public static readonly Localized Gtm = new("go-to-market", "产品上市");
    public static readonly Localized Definition = new("Definition", "定义");
    public static readonly Localized PreparingLaunch = new("Preparing launch", "发布准备");
    public static readonly Localized Pilot = new("Pilot", "试点");
    public static readonly Localized Launch = new("Launch", "发布");
    public static readonly Localized Scale = new("Scale", "规模化");
    public static readonly Localized Iterate = new("Iterate", "迭代");
    public static readonly Localized Retire = new("Retire", "退市");

    /// <summary>Words Chinese strings must not use for the method's terms, with the term to use instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> AvoidInChinese = new Dictionary<string, string>
    {
        ["刚需"] = "需要",
        ["刚性需求"] = "需要",
    };

    /// <summary>A list as each language writes it: "a, b, c" in English, "甲、乙、丙" in Chinese.</summary>
    public static string List(Lang lang, IEnumerable<string> items) => string.Join(lang == Lang.Zh ? "、" : ", ", items);
}
