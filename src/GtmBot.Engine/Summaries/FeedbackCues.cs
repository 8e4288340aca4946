using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>Wording cues for need vs want and for requests, in English and Chinese (see the method: need vs. want).</summary>
public static partial class FeedbackCues
{
    /// <summary>An external or objective constraint: a rule, a deadline, a fixed budget, or the core job failing.</summary>
    public static bool SoundsLikeNeed(string line) => Need().IsMatch(line);

    /// <summary>A preference: nicer, easier, faster, a wish.</summary>
    public static bool SoundsLikeWant(string line) => Want().IsMatch(line);

    /// <summary>The customer asks for a capability or change.</summary>
    public static bool IsRequest(string line) => Request().IsMatch(line);

    [GeneratedRegex(@"(?ix)
        \b(?:must|required?|requirement|mandatory|compliance|complian\w+|regulat\w+|audit\w*|law|legal|gdpr|hipaa|deadline|cannot|can'?t|unable|blocked|
        impossible|stopped\s+working|doesn'?t\s+work|won'?t\s+work|broken|data\s+loss|lost\s+data|fixed\s+budget|budget\s+(?:is\s+)?(?:fixed|cap\w*|limit\w*)|
        is\s+fixed|mandate\w*|our\s+boss|the\s+board|hq|headquarters|policy|on\s+record|embarrass\w*)\b
        | 必须 | 监管 | 规定 | 合规 | 审计 | 法规 | 硬性 | 要求 | 不够 | 只能 | 不了 | 打不开 | 无法 | 不能用 | 预算 | 上限 | 固定 | 老板 | 领导 | 截止 | 来不及 | 急死 | 迟到 | 关机")]
    private static partial Regex Need();

    [GeneratedRegex(@"(?ix)
        \b(?:would\s+love|love\s+to|wish|nice\s+to\s+have|prefer\w*|easier|faster|nicer|cleaner|prettier|convenien\w+|annoy\w*|tedious|clicking)\b
        | 希望 | 想要 | 想 | 最好 | 方便 | 好看 | 体验 | 麻烦 | 别想 | 不敢 | 烦")]
    private static partial Regex Want();

    [GeneratedRegex(@"(?ix)
        \b(?:please\s+add|add\s+(?:a|an|the)?\s*\w+|request\w*|would\s+love|any\s+way\s+to|can\s+you|could\s+you|is\s+there\s+a\s+way|wish|we\s+need\s+(?:a|an|to)|
        need\s+(?:a|an)\b|want\s+(?:a|an|to)|should\s+(?:support|have|allow)|support\s+for|let\s+us)\b
        | 希望 | 想要 | 能不能 | 能否 | 最好能 | 要一个 | 请加 | 请增加 | 增加 | 支持一下 | 出个 | 加个 | 需要一个")]
    private static partial Regex Request();
}
