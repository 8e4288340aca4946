using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// A concern the customer denies ("no issues", "per-viewer 收费 OK，没意见", "价格还行") raises no theme —
/// unless the same line goes on to a real complaint ("…, but the sync is broken").
/// </summary>
public static partial class NegatedConcern
{
    public static bool IsNegated(string line) => Denial().IsMatch(line) && !Contrast().IsMatch(line);

    [GeneratedRegex(@"(?ix)
        \bno\s+(?:issues?|problems?|complaints?|concerns?)\b | \bnot\s+(?:a|an)\s+(?:problem|issue|concern)\b | \bnon-issue\b
        | \bnot\s+(?:interested|worried|concerned)\b | \b(?:is|are)\s+(?:fine|ok|okay)\b | \bnever\s+mind\b | \bfound\s+it\b | \bresolved\b
        | 没意见 | 没有意见 | 没(?:什么)?问题 | 不是问题 | 还行 | 还可以 | 没有顾虑 | 没顾虑 | 无所谓 | 不打算换 | 已解决")]
    private static partial Regex Denial();

    [GeneratedRegex(@"(?ix)\bbut\b|\bhowever\b|\bexcept\b|\bthough\b|但是|但|不过|就是|只是|可惜|然而")]
    private static partial Regex Contrast();
}
