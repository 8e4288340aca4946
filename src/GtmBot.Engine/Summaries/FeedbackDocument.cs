using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>One line of pasted feedback, with the customer it belongs to and whether it carries feedback at all.</summary>
/// <param name="Number">1-based line number in the input.</param>
/// <param name="Raw">The line exactly as pasted (trimmed at the end only), for verbatim quotes.</param>
/// <param name="Body">The feedback words without ids, ratings, attribution and follow-up markers.</param>
/// <param name="Customer">Who said it: the account of a ticket or survey row, a reviewer handle, a call-note section's company.</param>
/// <param name="IsFeedback">False for titles, headers, blank lines, action items, small talk, negated concerns and injection lines.</param>
/// <param name="IsInjection">The line tries to give the summarizer instructions.</param>
public sealed record FeedbackLine(int Number, string Raw, string Body, string? Customer, bool IsFeedback, bool IsInjection)
{
    /// <summary>A key that is the same for the same customer; a line with no known customer counts as its own.</summary>
    public string CustomerKey => Customer is null ? $"#line{Number}" : FeedbackDocument.NormalizeCustomer(Customer);
}

/// <summary>
/// Splits pasted feedback into lines and customers. Recognises the common shapes: exported tickets and survey rows
/// (<c>#123 | Acme | text</c>, tab-separated), reviews (<c>[3星] handle：text</c>), attributed lines (<c>Acme: text</c>,
/// <c>R03 (Bramble Health): text</c>) and call notes (a <c>## Company — person</c> header over bullets).
/// </summary>
public static partial class FeedbackDocument
{
    /// <summary>Splits the text into lines (1-based) and classifies each.</summary>
    public static IReadOnlyList<FeedbackLine> Parse(string text)
    {
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var lines = new List<FeedbackLine>(raw.Length);
        string? section = null;
        var noiseSection = false;
        var firstContent = Array.FindIndex(raw, l => !string.IsNullOrWhiteSpace(l));
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd();
            var number = i + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                lines.Add(new FeedbackLine(number, line, string.Empty, null, false, false));
                continue;
            }

            var injection = InjectionDetector.IsInjection(trimmed);
            if (IsSectionHeader(trimmed, out var header))
            {
                noiseSection = NoiseSection().IsMatch(header);
                section = noiseSection ? null : SectionCustomer(header);
                lines.Add(new FeedbackLine(number, line, string.Empty, section, false, injection));
                continue;
            }

            // A title line followed by a blank line, before anything else, describes the paste ("Zendesk export …").
            var isTitle = i == firstContent && i + 1 < raw.Length && string.IsNullOrWhiteSpace(raw[i + 1]) && raw.Length > 3;
            var isWrapped = WrappedNote().IsMatch(trimmed);
            var (body, customer) = SplitRecord(StripBullet(trimmed));
            if (section is not null)
            {
                customer = section;
            }

            body = FollowUpMarker().Replace(body, string.Empty).Trim();
            var feedback = !isTitle && !isWrapped && !noiseSection && !injection && body.Length > 0
                && !SmallTalk().IsMatch(StripBullet(trimmed)) && !SmallTalk().IsMatch(body) && !NegatedConcern.IsNegated(body);
            lines.Add(new FeedbackLine(number, line, body, customer, feedback, injection));
        }

        return lines;
    }

    /// <summary>Case, spacing and punctuation do not make a different customer.</summary>
    public static string NormalizeCustomer(string customer) =>
        NonWord().Replace(customer.Trim().ToLowerInvariant(), string.Empty);

    private static bool IsSectionHeader(string line, out string header)
    {
        header = string.Empty;
        var m = MarkdownHeader().Match(line);
        if (m.Success)
        {
            header = m.Groups[1].Value.Trim();
            return true;
        }

        m = BoldOrRuleHeader().Match(line);
        if (m.Success)
        {
            header = m.Groups[1].Value.Trim();
            return true;
        }

        return false;
    }

    private static string? SectionCustomer(string header)
    {
        var name = SectionSplit().Split(header)[0].Trim();
        name = Parenthetical().Replace(name, string.Empty).Trim();
        return name.Length == 0 ? null : name;
    }

    private static string StripBullet(string line) => Bullet().Replace(line, string.Empty);

    /// <summary>Separates the record's attribution (customer) from what they said.</summary>
    private static (string Body, string? Customer) SplitRecord(string line)
    {
        var fields = line.Contains('|', StringComparison.Ordinal) ? line.Split('|') : line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t') : null;
        if (fields is { Length: >= 2 })
        {
            var parts = fields.Select(f => f.Trim()).ToList();
            // Exports put the text last; a much longer earlier column is the text when the tail is a status or date.
            var bodyIndex = parts.FindLastIndex(p => p.Length > 0);
            var longest = parts.Select((p, ix) => (p, ix)).MaxBy(x => x.p.Length).ix;
            if (bodyIndex < 0 || parts[longest].Length > 2 * parts[bodyIndex].Length)
            {
                bodyIndex = longest;
            }

            string? customer = null;
            for (var k = 0; k < parts.Count; k++)
            {
                if (k != bodyIndex && !IsIdLike(parts[k]))
                {
                    customer = IsNoAccount(parts[k]) ? null : parts[k];
                    break;
                }
            }

            return (parts[bodyIndex], customer);
        }

        var rest = LeadingTags().Replace(line, string.Empty);
        var attribution = Attribution().Match(rest);
        if (attribution.Success)
        {
            var prefix = attribution.Groups[1].Value.Trim();
            var body = rest[attribution.Length..].Trim();
            if (!NotACustomer().IsMatch(prefix))
            {
                return (body, AttributedCustomer(prefix));
            }

            return (body, null);
        }

        return (rest, null);
    }

    /// <summary><c>R03 (Bramble Health)</c> names the organisation in brackets; <c>Nordlys Trading (HK)</c> names it outside.</summary>
    private static string? AttributedCustomer(string prefix)
    {
        var m = ParenOrg().Match(prefix);
        if (m.Success)
        {
            var outside = m.Groups[1].Value.Trim();
            var inside = m.Groups[2].Value.Trim();
            return IsIdLike(outside) || outside.Length == 0 ? inside : outside;
        }

        return IsNoAccount(prefix) ? null : prefix;
    }

    private static bool IsIdLike(string field) => field.Length == 0 || IdLike().IsMatch(field);

    private static bool IsNoAccount(string field) => NoAccount().IsMatch(field);

    [GeneratedRegex(@"^#{1,6}\s+(.+)$")]
    private static partial Regex MarkdownHeader();

    [GeneratedRegex(@"^(?:\*\*(.+?)\*\*|={2,}\s*(?<1>.+?)\s*={2,}|-{2,}\s*(?<1>.+?)\s*-{2,})\s*[:：]?$")]
    private static partial Regex BoldOrRuleHeader();

    [GeneratedRegex(@"\s+[—–-]{1,2}\s+|\s*[|｜:：]\s*|\s*[,，]\s+")]
    private static partial Regex SectionSplit();

    [GeneratedRegex(@"\s*[(（][^)）]*[)）]")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^(?:[-*•·]\s+|\d{1,3}[.)、]\s*)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:\s*(?:\[[^\]]{1,20}\]|【[^】]{1,20}】|[★☆]{1,5}|\(\d(?:\.\d)?\s*/\s*\d\)))+\s*")]
    private static partial Regex LeadingTags();

    // "Acme:", "客户W：", "R03 (Bramble Health):", "j***8：" — a short name before a colon, with no sentence in it.
    [GeneratedRegex(@"^([^:：。！？!?,，;；""“”]{1,40}?)\s*[:：]\s*")]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(?i:small talk|off[- ]topic|fyi|note|notes|update|re|request|question|answer|q|a|pricing|price|feedback|summary|todo|action items?|next steps?|follow[- ]?ups?|follow[- ]up on .*|second report.*|p\.?s\.?|闲聊|备注|追评|追加|补充|更新|问题|回答|价格|定价|反馈|总结|待办|后续|跟进|说明)$")]
    private static partial Regex NotACustomer();

    [GeneratedRegex(@"^(.*?)\s*[(（]([^)）]+)[)）]\s*$")]
    private static partial Regex ParenOrg();

    [GeneratedRegex(@"^(?i:#?[a-z]{0,3}[-_ ]?\d+|(?:respondent|response|row|ticket|review|受访者|回答者|问卷|工单)\s*#?\d+|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d(?:\.\d)?\s*(?:星|stars?|/5)|[★☆]+|p[0-4]|(?:low|medium|high|urgent|open|closed|resolved|pending))$")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"^[(（\[]?(?i:no account|n/?a|none|unknown|anonymous|匿名|无|未知)[)）\]]?$")]
    private static partial Regex NoAccount();

    [GeneratedRegex(@"(?i)^(?:follow[- ]?ups?|action items?|next steps?|to-?dos?|logistics|admin|待办|后续|跟进|下一步|行动项)\b")]
    private static partial Regex NoiseSection();

    // "(end of export)", "（以上共23条…）": the paster's own note about the paste.
    [GeneratedRegex(@"^[(（].*[)）]$")]
    private static partial Regex WrappedNote();

    [GeneratedRegex(@"^(?i:small talk|off[- ]topic|闲聊|寒暄|题外话)")]
    private static partial Regex SmallTalk();

    [GeneratedRegex(@"^(?:(?i:follow[- ]?up(?: on [#\w]+)?|update|second report(?: this week)?|again|also|p\.?s\.?)\s*[:：,，-]\s*|(?:追评|追加|补充)\s*[:：,，]?\s*|更新\s*[:：]\s*)")]
    private static partial Regex FollowUpMarker();

    [GeneratedRegex(@"[\s\p{P}\p{S}]+")]
    private static partial Regex NonWord();
}
