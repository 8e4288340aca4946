using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// A concern the customer denies ("no issues", "per-viewer 收费 OK，没意见", "价格还行", "not interested in EDI") or calls
/// fine ("approvals from mobile work fine for us", "结算一直挺及时的", "广告完全能接受") raises no
/// theme. Judged per clause, so "价格还行，就是导出太慢" still raises the export.
/// </summary>
public static partial class NegatedConcern
{
    /// <summary>This clause denies a concern.</summary>
    public static bool IsDenial(string clause) => Denial().IsMatch(clause);

    /// <summary>A clause that is nothing but a verdict on what came before ("没意见", "no complaints", "totally fine").</summary>
    public static bool IsBareVerdict(string clause) => BareVerdict().IsMatch(clause.Trim());

    /// <summary>The clauses of a line: split at commas, semicolons, sentence ends and contrast words.</summary>
    public static IReadOnlyList<string> Clauses(string line) =>
        [.. ClauseBreak().Split(line).Select(c => c.Trim()).Where(c => c.Length > 0)];

    [GeneratedRegex(@"(?ix)
        \bno\s+(?:issues?|problems?|complaints?|concerns?)\b | \bnot\s+(?:a|an)\s+(?:problem|issue|concern)\b | \bnon-issue\b
        | \bnot\s+(?:interested|worried|concerned)\b | \b(?:is|are|was|were)\s+(?:fine|ok|okay)\b
        | \b(?:is|are|was|were)(?:n'?t|\s+not)\s+(?:the|an?|our|my)\s+(?:(?:real|main|big)\s+)?(?:issue|problem|concern|reason)\b | \bnever\s+mind\b | \bfound\s+it\b | \bresolved\b
        | \bnot\s+(?:a\s+)?(?:priority|blocker|dealbreaker)\b | \bdon'?t\s+(?:care|need)\s+(?:about\s+)?
        | \b(?:works?|worked|working)\s+(?:fine|well|great|perfectly|ok|okay)\b | \bwe(?:'re|\s+are|'ve\s+been|\s+have\s+been)\s+(?:fine|ok|okay|happy)\b
        | \b(?:has|have)\s+been\s+(?:fine|ok|okay|great|reliable|stable|solid|predictable|smooth)\b | \bnever\s+had\s+(?:a|an|any)\s+(?:problem|issue|trouble)s?\b
        | 没意见 | 没有意见 | 没(?:什么)?问题 | 没出过问题 | 不是问题 | 还行 | 还可以 | 没有顾虑 | 没顾虑 | 无所谓 | 不打算换 | 已解决 | 不需要 | 用不上 | 不感兴趣
        | (?<!不)合理 | 能接受 | 可以接受 | 不影响使用 | 没遇到过 | 没碰到过 | 没有?\s*complaints? | (?:一直|都|挺|很|还算|算是)(?:挺|很)?(?:正常|及时|稳定|顺利) | (?:现在|都|也|还|挺)\s*(?:ok|okay|fine)\b")]
    private static partial Regex Denial();

    [GeneratedRegex(@"(?ix)^(?:(?:and|so|really|totally|all|that's|that\s+is|it's|it\s+is)\s+)*(?:no\s+(?:issues?|problems?|complaints?|concerns?)|(?:is\s+|are\s+)?(?:fine|ok|okay)|not\s+(?:a|an)\s+(?:problem|issue|concern)|non-issue)(?:\s+(?:here|for\s+us|at\s+all))?$
        | ^(?:都|也|完全|基本)?(?:没意见|没有意见|没(?:什么)?问题|不是问题|还行|还可以|没有顾虑|没顾虑|无所谓|可以接受|能接受)(?:的|了|吧)?$")]
    private static partial Regex BareVerdict();

    [GeneratedRegex(@"[,，;；。!！?？、]|\.(?=\s|$)|\s+(?:but|however|though|except)\s+|但是|不过|就是|只是|可惜")]
    private static partial Regex ClauseBreak();
}
