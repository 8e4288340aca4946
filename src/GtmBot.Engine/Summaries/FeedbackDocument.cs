using System.Text.RegularExpressions;
using GtmBot.Engine.Themes;

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
    /// <summary>The line signs the paragraph above it ("— Priya, Northwind").</summary>
    public bool IsSignature { get; init; }

}

/// <summary>
/// Splits pasted feedback into lines and customers. Recognises the common shapes: exported tickets and survey rows
/// (<c>#123 | Acme | text</c>, tab-separated), reviews (<c>[3星] handle：text</c>), attributed lines (<c>Acme: text</c>,
/// <c>R03 (Bramble Health): text</c>) and call notes (a <c>## Company — person</c> header over bullets).
/// </summary>
public static partial class FeedbackDocument
{
    /// <summary>
    /// People the paste itself ties to a company ("王磊（鼎盛五金）", "Tom Becker | Greenway Logistics", a signature
    /// "林雅婷｜老街牛肉麵"), by normalised name, for the parse running on this thread: a line signed by the person alone
    /// ("王磊：…", a "From: 林雅婷" header) then counts for the company.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, string>? aliases;

    /// <summary>Splits the text into lines (1-based) and classifies each.</summary>
    public static IReadOnlyList<FeedbackLine> Parse(string text)
    {
        aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var lines = ParseLines(text);
            ApplyRelays(lines);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Customer is { } who && aliases.TryGetValue(NormalizeCustomer(who), out var company))
                {
                    lines[i] = lines[i] with { Customer = company };
                }
            }

            return lines;
        }
        finally
        {
            aliases = null;
        }
    }

    /// <summary>Fewest lines naming a customer that make a speaker a colleague passing feedback on, not a customer.</summary>
    private const int MinRelays = 2;

    /// <summary>
    /// A chat where colleagues pass on what customers said ("Jordan Park: heard from Priya at Lumen Data: …", "Maria: Forwarded
    /// from Ben Adler (Orchard Labs): …", "Aiden: Quarrystone Bank — compliance says …"): a speaker who names a customer on
    /// <see cref="MinRelays"/> or more lines relays; each of their lines counts for the customer it names, or else for the one
    /// they named last ("she also said …"), and the relay words leave the text.
    /// </summary>
    private static void ApplyRelays(List<FeedbackLine> lines)
    {
        var named = new (string Customer, int Length)?[lines.Count];
        var relays = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is { IsFeedback: true, Customer: { } speaker } line && RelayedCustomer(line.Body) is { } relayed)
            {
                named[i] = relayed;
                var key = NormalizeCustomer(speaker);
                relays[key] = relays.GetValueOrDefault(key) + 1;
            }
        }

        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Customer is not { } speaker || relays.GetValueOrDefault(NormalizeCustomer(speaker)) < MinRelays)
            {
                continue;
            }

            var key = NormalizeCustomer(speaker);
            if (named[i] is { } relayed)
            {
                last[key] = relayed.Customer;
                lines[i] = lines[i] with { Customer = relayed.Customer, Body = lines[i].Body[relayed.Length..].Trim() };
            }
            else
            {
                lines[i] = lines[i] with { Customer = last.GetValueOrDefault(key) };
            }
        }
    }

    /// <summary>The customer a relayed line names at its start, and how long the relay words are.</summary>
    private static (string Customer, int Length)? RelayedCustomer(string body)
    {
        var m = Relay().Match(body);
        if (!m.Success)
        {
            return null;
        }

        var who = m.Groups["who"].Value.Trim();
        var at = FromCompany().Match(who);
        var customer = at.Success ? at.Groups[1].Value.Trim() : AttributedCustomer(who);
        return customer is { Length: > 0 } && NameLike(customer) && ProperName(customer) && !OurTeam().IsMatch(customer)
            ? (customer, m.Length)
            : null;
    }

    private static void RecordAlias(string person, string company)
    {
        var key = NormalizeCustomer(person);
        if (aliases is not null && key.Length > 0 && key != NormalizeCustomer(company))
        {
            aliases.TryAdd(key, company);
        }
    }

    private static List<FeedbackLine> ParseLines(string text)
    {
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var lines = new List<FeedbackLine>(raw.Length);
        string? section = null;
        var noiseSection = false;
        // A block header ("> From Dana, Acme:", "Caller: Gloria Mendez", "j***8 | 2026-11-02 | ★★★★★", "【海川科技】") names
        // whose lines follow until the next header or, once a line was under it, the next blank line.
        var blockScoped = false;
        var blockHasLines = false;
        var firstContent = Array.FindIndex(raw, l => !string.IsNullOrWhiteSpace(l));
        CsvLayout? csv = null;
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd();
            var number = i + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || QuoteMarksOnly().IsMatch(trimmed))
            {
                if (blockScoped && blockHasLines)
                {
                    section = null;
                    blockScoped = false;
                    noiseSection = false;
                }

                lines.Add(new FeedbackLine(number, line, string.Empty, null, false, false));
                continue;
            }

            var injection = InjectionDetector.IsInjection(trimmed);
            if (csv is null && CsvLayout.TryHeader(trimmed, out var layout))
            {
                csv = layout;
                lines.Add(new FeedbackLine(number, line, string.Empty, null, false, injection));
                continue;
            }

            if (csv is not null && csv.TryRow(trimmed, out var csvBody, out var csvCustomer, out var account))
            {
                var ourRow = OurTeam().IsMatch(account);
                var isFeedback = !injection && !ourRow && csvBody.Length > 0 && !SmallTalk().IsMatch(csvBody) && !ActionItem().IsMatch(csvBody);
                lines.Add(new FeedbackLine(number, line, csvBody, csvCustomer, isFeedback, injection));
                continue;
            }

            if (TrySignature(trimmed, out var signed))
            {
                // "— Priya, Northwind" signs the paragraph above it.
                for (var k = lines.Count - 1; k >= 0 && lines[k].Raw.Trim().Length > 0 && !lines[k].IsSignature; k--)
                {
                    if (lines[k].Customer is null)
                    {
                        lines[k] = lines[k] with { Customer = signed };
                    }
                }

                lines.Add(new FeedbackLine(number, line, string.Empty, signed, false, injection) { IsSignature = true });
                continue;
            }

            if (ReviewerLine().Match(trimmed) is { Success: true } reviewer)
            {
                // "Reviewer: Tom H., IT Manager, Mid-Market": the review's lines below are Tom H.'s.
                section = reviewer.Groups[1].Value.Trim();
                noiseSection = false;
                lines.Add(new FeedbackLine(number, line, string.Empty, section, false, injection));
                continue;
            }

            if (LabelLine().Match(StripBullet(trimmed)) is { Success: true } label && NoiseSection().IsMatch(label.Groups[1].Value.Trim()))
            {
                // "Action items:", "Notes from CS (not survey data):", "待办：": our own notes follow, until the next header.
                noiseSection = true;
                section = null;
                lines.Add(new FeedbackLine(number, line, string.Empty, null, false, injection));
                continue;
            }

            if (IsSectionHeader(trimmed, out var header))
            {
                noiseSection = NoiseSection().IsMatch(header);
                section = noiseSection ? null : SectionCustomer(header);
                blockScoped = false;
                lines.Add(new FeedbackLine(number, line, string.Empty, section, false, injection));
                continue;
            }

            if (!injection && i != firstContent && TryBlockHeader(trimmed, section, out var opened, out var title, out var oursBelow))
            {
                if (oursBelow)
                {
                    // "2026-11-18 09:02:11 客服-小林": our side speaks on the lines below.
                    section = null;
                    blockScoped = true;
                    blockHasLines = false;
                    noiseSection = true;
                }
                else if (opened is not null)
                {
                    // A contact line under a company's header ("对接人：财务经理 周敏") keeps the company.
                    section = opened;
                    blockScoped = true;
                    blockHasLines = false;
                    noiseSection = false;
                }

                lines.Add(new FeedbackLine(number, line, title, section, title.Length > 0 && !noiseSection, false));
                blockHasLines |= title.Length > 0;
                continue;
            }

            // A title line followed by a blank line, before anything else, describes the paste ("Zendesk export …").
            // So does one that names the paste and is built like a title ("ClockWise — ticket export — week 46").
            var isTitle = i == firstContent && raw.Length > 3
                && ((i + 1 < raw.Length && string.IsNullOrWhiteSpace(raw[i + 1])) || (PasteDescription().IsMatch(ThemeText.Simplify(trimmed)) && (TitleShape().IsMatch(trimmed) || !SentenceMark().IsMatch(trimmed))));
            var isWrapped = WrappedNote().IsMatch(trimmed);
            var (body, customer) = SplitRecord(StripBullet(trimmed));
            if (customer is null && Continuation().IsMatch(trimmed))
            {
                // "↳ comment (Tom): …": a reply under a ticket that names no customer belongs to the ticket's.
                customer = lines.LastOrDefault(l => l.IsFeedback && !Continuation().IsMatch(l.Raw.Trim()))?.Customer;
            }

            if (TryTrailingSignature(body, out var said, out var signer))
            {
                // "> 发票又识别错了 —— 李伟 / 远航医疗": the line signs itself.
                body = said;
                customer = signer ?? customer;
            }
            var ownCustomer = customer;
            if (section is not null && !BoldAccount().IsMatch(StripBullet(trimmed)))
            {
                // Under a company's header a "…:" prefix is a speaker or a topic ("Coco:", "refresh 慢："), part of what was said.
                customer = section;
                // A row that carries no words of its own (a signature "李娜｜蓝湾酒店｜021-…") stays empty.
                body = body.Length == 0 ? body : ReviewPrompt().Replace(LeadingTags().Replace(StripBullet(trimmed), string.Empty), string.Empty);
            }

            body = FollowUpMarker().Replace(body, string.Empty).Trim();
            // "Agent note: …" under a caller's header is still our side.
            var ours = OurTeamLine().IsMatch(StripBullet(trimmed)) || (customer is not null && OurHandle().IsMatch(customer))
                || (ownCustomer is not null && OurTeam().IsMatch(ownCustomer));
            var feedback = !isTitle && !isWrapped && !noiseSection && !injection && !ours && body.Length > 0 && !ActionItem().IsMatch(body)
                && !ActionItem().IsMatch(StripBullet(trimmed).Replace("**", string.Empty, StringComparison.Ordinal))
                && !SmallTalk().IsMatch(StripBullet(trimmed)) && !SmallTalk().IsMatch(body);
            blockHasLines = true;
            lines.Add(new FeedbackLine(number, line, body, customer, feedback, injection));
        }

        return lines;
    }

    /// <summary>
    /// A line that says whose lines follow rather than saying something itself: a labelled name ("Caller: Gloria Mendez,
    /// Tucson AZ", "> From Dr. Alan Pierce, Harbor Dental Group:", "客户：海川科技"), a bracketed name alone ("【海川科技】"),
    /// or a record header made of a name and dates, times, ratings or ids ("j***8 | 2026-11-02 | ★★★★★",
    /// "★★☆☆☆ "Stopped syncing" — maple_and_more — Mar 2, 2026"; a quoted review title is what the header says).
    /// <paramref name="customer"/> is null for a contact line under a company's header ("对接人：财务经理 周敏").
    /// </summary>
    private static bool TryBlockHeader(string line, string? section, out string? customer, out string said, out bool ours)
    {
        customer = null;
        said = string.Empty;
        ours = false;
        var s = StripBullet(line).Trim();
        var role = RoleLabel().Match(LeadingTags().Replace(s, string.Empty));
        if (role.Success)
        {
            // "寄件者：林雅婷 <yating@…>　主旨：…": the name, without the address or the next label.
            var name = Email().Replace(SecondLabel().Replace(role.Groups["name"].Value, string.Empty), string.Empty).Trim().TrimEnd(':', '：').Trim();
            if (!NameLike(name))
            {
                return false;
            }

            if (role.Groups["contact"].Success)
            {
                // The contact person at a company whose header came before: the company stays the customer.
                customer = section is null ? HeaderName(name) : null;
                return section is not null || customer is not null;
            }

            customer = HeaderName(name);
            return customer is not null;
        }

        // "[29/04 08:12] Tom Becker (Hollis Orchards)", "2026-11-18 09:15:40 杭州-银泰KTV-周老板(274810392)", "张三 2024/5/16 9:10":
        // who speaks, with the message on the lines below.
        var stamped = LeadingStamp().Replace(LeadingTags().Replace(s, string.Empty), string.Empty).Trim();
        var speaker = stamped.Length < s.Length ? stamped : TrailingStamp().Match(s) is { Success: true } t ? t.Groups[1].Value.Trim() : string.Empty;
        if (speaker.Length is > 0 and <= MaxHeaderName && NameLike(speaker) && !speaker.Contains(':', StringComparison.Ordinal) && !speaker.Contains('：', StringComparison.Ordinal)
            && (ParenOrg().IsMatch(speaker) ? ProperName(ParenOrg().Replace(speaker, "$1").Trim()) || !speaker.Contains(' ', StringComparison.Ordinal) : !speaker.Contains(' ', StringComparison.Ordinal) || ProperName(speaker)))
        {
            var bare = ParenOrg().Match(speaker) is { Success: true } p && IsIdLike(p.Groups[2].Value.Trim()) ? p.Groups[1].Value.Trim() : speaker;
            ours = OurTeamLine().IsMatch(speaker + ":") || OurTeam().IsMatch(bare) || OurTeam().IsMatch(bare.Split('-', '－')[0]);
            customer = ours ? null : HeaderName(bare);
            return true;
        }

        var bracket = BracketOnly().Match(s);
        if (bracket.Success)
        {
            var inner = bracket.Groups[1].Value.Trim();
            var labelled = RoleLabel().Match(inner);
            var name = labelled.Success ? labelled.Groups["name"].Value.Trim() : inner;
            customer = NameLike(name) && !PasteDescription().IsMatch(name) && !IsIdLike(name) ? HeaderName(name) : null;
            return customer is not null;
        }

        var label = HeaderLabel().Match(s);
        if (label.Success)
        {
            var text = label.Groups[1].Value.Trim();
            var from = FromLabel().Match(text);
            var name = from.Success ? from.Groups[1].Value.Trim() : text;
            if ((from.Success || ProperName(name)) && NameLike(name) && !NoiseSection().IsMatch(ThemeText.Simplify(text)) && !PasteDescription().IsMatch(ThemeText.Simplify(text))
                && !NotACustomer().IsMatch(text) && !OurTeam().IsMatch(name) && !ActionItem().IsMatch(text + ":"))
            {
                customer = HeaderName(name);
                return customer is not null;
            }

            return false;
        }

        var fields = HeaderFields().Split(s).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        if (fields.Count < 2)
        {
            return false;
        }

        string? who = null;
        foreach (var field in fields)
        {
            if (RoleLabel().Match(field) is { Success: true } labelledWho && !labelledWho.Groups["contact"].Success)
            {
                // "#48211 · Requester: Maria Costa (Leeds) · Subject: … · Priority: High"
                who ??= labelledWho.Groups["name"].Value.Trim();
                continue;
            }

            if (MetadataField().IsMatch(field))
            {
                continue;
            }

            if (QuotedTitle().Match(field) is { Success: true } title)
            {
                said = title.Groups[1].Value.Trim();
            }
            else if (IsIdLike(field) || Rating().Replace(field, string.Empty).Length == 0 || Location().IsMatch(field))
            {
                continue;
            }
            else if (who is null && field.Length <= MaxHeaderName && NameLike(field))
            {
                who = field;
            }
            else
            {
                return false; // a second name or a sentence: a record, not a header
            }
        }

        customer = who is null ? null : HeaderName(who);
        if (customer is null)
        {
            said = string.Empty;
        }

        return customer is not null;
    }

    /// <summary>Longest name a record header may carry.</summary>
    private const int MaxHeaderName = 40;

    /// <summary>The customer a header names: the company of "Dr. Alan Pierce, Harbor Dental Group", the person of "Gloria Mendez, Tucson AZ".</summary>
    private static string? HeaderName(string name)
    {
        name = Parenthetical().Replace(Honorific().Replace(name, string.Empty), string.Empty).Trim().TrimEnd(',', '，', ':', '：').Trim();
        var comma = name.IndexOfAny([',', '，']);
        if (comma > 0 && Location().IsMatch(name[(comma + 1)..].Trim()))
        {
            name = name[..comma].Trim();
        }

        if (name.Length == 0 || IsNoAccount(name) || OurTeam().IsMatch(name))
        {
            return null;
        }

        return AttributedCustomer(name) is { Length: > 0 } company ? Department().Replace(company, string.Empty).Trim() : null;
    }

    /// <summary>Short, and no sentence in it.</summary>
    private static bool NameLike(string text) =>
        text.Length is > 0 and <= 2 * MaxHeaderName && !SentenceMark().IsMatch(text) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;

    /// <summary>Every word capitalised ("Harbor Dental Group", "Dr. Alan Pierce, Acme"), or a Chinese organisation or person.</summary>
    private static bool ProperName(string text) =>
        ChineseOrganisation().IsMatch(text) || ChinesePerson().IsMatch(text)
        || (ParenOrg().Match(text) is { Success: true } m && ChineseOrganisation().IsMatch(m.Groups[2].Value))
        || text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).All(w => w is "&" or "and" or "of" or "the" or "de" || char.IsUpper(w[0]) || char.IsDigit(w[0]));

    private static bool IsWhen(string field) => When().IsMatch(FollowUpWord().Replace(field, string.Empty).Trim());

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

    /// <summary>
    /// The company a section header names: "Mon — Brinkley Home Goods", "Call: Acme", "禾丰超市 — 数据部 Leo". Parts that are a
    /// day, a date, a time or a kind of note ("Call", "Interview", "访谈") are skipped; the first other part is the company.
    /// </summary>
    private static string? SectionCustomer(string header)
    {
        // "Conversation #48211 · Visitor: Jenna Morales · Company: CoreFit Studio": the part labelled as the company.
        if (LabelledCompany().Match(header) is { Success: true } labelled)
        {
            return labelled.Groups["c"].Value.Trim();
        }

        var parts = SectionSplit().Split(Parenthetical().Replace(header, string.Empty));
        foreach (var part in parts)
        {
            // "发件人：周敏｜明德实验小学 财务室｜11月4日": the part that names an organisation wins over a person.
            var org = LeadingWhen().Replace(part.Trim(), string.Empty).Trim();
            if (ChineseOrganisation().IsMatch(ThemeText.Simplify(org)) && !PasteDescription().IsMatch(ThemeText.Simplify(org)))
            {
                return Department().Replace(org, string.Empty).Trim();
            }
        }

        foreach (var part in parts)
        {
            var name = LeadingWhen().Replace(Parenthetical().Replace(part, string.Empty).Trim(), string.Empty).Trim();
            // The word lists are written in simplified characters; the name keeps the script it was written in.
            if (name.Length > 0 && !SectionFiller().IsMatch(ThemeText.Simplify(name)) && !PasteDescription().IsMatch(ThemeText.Simplify(name)))
            {
                return name;
            }
        }

        return null;
    }

    private static string StripBullet(string line) => Bullet().Replace(line, string.Empty);

    /// <summary>Separates the record's attribution (customer) from what they said.</summary>
    private static (string Body, string? Customer) SplitRecord(string line)
    {
        var fields = FieldSeparator().IsMatch(line) ? FieldSeparator().Split(line)
            : NumberedDashFields().IsMatch(line) ? DashSeparator().Split(line, 3) // "#01 — 陈杰, 华芯电子 — notes…"
            : null;
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
                    var next = k + 1;
                    var company = next < parts.Count ? TrailingRole().Replace(parts[next], string.Empty).Trim() : string.Empty;
                    if (customer is not null && company.Length > 0 && next != bodyIndex && LooksLikePerson(customer)
                        && NameLike(company) && !IsIdLike(company) && !LooksLikePerson(company) && !RoleOrRegion().IsMatch(company))
                    {
                        // "Tom Becker | Greenway Logistics | …", "林雅婷｜老街牛肉麵 營運主任｜…": the person, then their company.
                        RecordAlias(customer, company);
                        customer = company;
                    }
                    else if (customer is not null && !(ParenOrg().Match(customer) is { Success: true } place && PlaceLike().IsMatch(place.Groups[2].Value.Trim())))
                    {
                        // "林姐（好食光早午餐）" names the company inside; "Rosa Diaz (Fresno)" keeps the town that tells two Rosas apart.
                        customer = AttributedCustomer(customer) ?? customer;
                    }

                    break;
                }
            }

            return (Phone().IsMatch(parts[bodyIndex]) || IsIdLike(parts[bodyIndex]) ? string.Empty : parts[bodyIndex], customer);
        }

        if (BracketSpeaker().Match(line) is { Success: true } speaker)
        {
            // "[Agent Tom R., 20 Nov 09:01] …" is our side whatever follows; "[Maria Costa, 20 Nov 08:12] …" is hers.
            var who = speaker.Groups["who"].Value.Trim();
            if (OurTeam().IsMatch(who))
            {
                return (line[speaker.Length..].Trim(), who);
            }

            if (IsWhen(speaker.Groups["when"].Value.Trim()) && NameLike(who))
            {
                return (line[speaker.Length..].Trim(), AttributedCustomer(who));
            }
        }

        // "Dana Wu (Acme Corp) 10:42 AM: …", "Priya <priya@lumen.com> (Lumen Bank): …": the time and address are not who.
        var rest = Email().Replace(ChatTime().Replace(LeadingStamp().Replace(LeadingTags().Replace(line, string.Empty), string.Empty), string.Empty, 1), string.Empty);
        var bold = BoldAccount().Match(rest);
        if (bold.Success)
        {
            // "**Northwind Traders** — payroll export drops overtime", "**华景酒店**：…".
            var account = bold.Groups[1].Value.Trim();
            return (rest[bold.Length..].Trim(), IsNoAccount(account) || NotACustomer().IsMatch(account) ? null : AttributedCustomer(account));
        }

        var attribution = Attribution().Match(rest);
        if (attribution.Success)
        {
            var prefix = attribution.Groups[1].Value.Trim();
            var body = rest[attribution.Length..].Trim();
            if (prefix.Length > MaxPlainPrefix && !ParenOrg().IsMatch(prefix))
            {
                // A long run of words before a colon is a sentence ("The thing that bothers me most about it is this:").
                return (rest, null);
            }

            if (!NotACustomer().IsMatch(prefix))
            {
                return (body, AttributedCustomer(prefix));
            }

            return (body, null);
        }

        return (rest, null);
    }

    /// <summary><c>R03 (Bramble Health)</c> names the organisation in brackets; <c>Nordlys Trading (HK)</c> names it outside.</summary>
    /// <remarks>
    /// "Dana (Acme)" and "王经理（海川科技）" name a person outside and the company inside; "Kiwi Learning (SG)" and
    /// "Acme (VP Ops)" name the company outside and a region or role inside.
    /// </remarks>
    private static string? AttributedCustomer(string prefix)
    {
        // "03-02 厦门鹭岛烘焙（王店长）", "2025-03-01 Acme": the date is when, not who.
        prefix = Rating().Replace(LeadingDate().Replace(prefix, string.Empty), " ").Trim();
        if (prefix.Length == 0)
        {
            return null;
        }

        // "王经理@逸家精选·杭州西湖店", "Dana@Acme": the person at the company.
        var at = prefix.IndexOfAny(['@', '＠']);
        if (at > 0 && at < prefix.Length - 1 && !prefix.Contains('.', StringComparison.Ordinal))
        {
            RecordAlias(prefix[..at].Trim(), prefix[(at + 1)..].Trim());
            prefix = prefix[(at + 1)..].Trim();
        }

        // "李伟 / 远航医疗", "Dana / Acme": the person, then the company.
        var slash = prefix.LastIndexOfAny(['/', '／']);
        if (slash > 0 && slash < prefix.Length - 1 && !prefix.Contains("://", StringComparison.Ordinal))
        {
            prefix = Department().Replace(prefix[(slash + 1)..].Trim(), string.Empty).Trim();
        }

        var m = ParenOrg().Match(prefix);
        if (m.Success)
        {
            var outside = m.Groups[1].Value.Trim();
            var inside = m.Groups[2].Value.Trim();
            if (outside.Length > 0 && (Aside().IsMatch(inside) || IsWhen(inside)))
            {
                // "Harbor Plumbing (follow-up call Thu)": a note about the call, not who.
                return AttributedCustomer(outside);
            }

            if (OurTeam().IsMatch(inside))
            {
                // "Sam (our CSM)", "Amy（我們客服）": our side of the conversation.
                return null;
            }

            if (inside.IndexOfAny([',', '，']) is var roleEnd and > 0 && RoleOrRegion().IsMatch(inside[..roleEnd].Trim()) && (IsIdLike(outside) || LooksLikePerson(outside)))
            {
                // "P2 (Legal Ops lead, Northwind Foods APAC)", "王珂（法务经理，远航医疗）": the role, then the company.
                inside = inside[(roleEnd + 1)..].Trim();
                if (!IsIdLike(outside))
                {
                    RecordAlias(outside, inside);
                }

                return inside;
            }

            if (IsIdLike(outside) || outside.Length == 0)
            {
                return inside;
            }

            if (IsIdLike(inside) || RoleOrRegion().IsMatch(inside))
            {
                return outside;
            }

            if (ChineseOrganisation().IsMatch(inside) != ChineseOrganisation().IsMatch(outside))
            {
                // "李强【顺远物流】", "顺远物流（李强）": the side that names an organisation.
                if (ChineseOrganisation().IsMatch(inside))
                {
                    RecordAlias(outside, inside);
                    return inside;
                }

                return outside;
            }

            if (LooksLikePerson(outside))
            {
                RecordAlias(outside, inside);
                return inside;
            }

            return outside;
        }

        // "Brightwater Hotels - Priya", "Acme — Dana (VP Ops)": the company, then who at it said so.
        var dash = CompanyDashPerson().Match(prefix);
        if (dash.Success && (LooksLikePerson(ParenOrg().Replace(dash.Groups[2].Value, "$1").Trim()) || RoleOrRegion().IsMatch(dash.Groups[2].Value.Trim())))
        {
            return dash.Groups[1].Value.Trim();
        }

        var comma = PersonCommaCompany().Match(prefix);
        if (comma.Success && LooksLikePerson(comma.Groups[1].Value.Trim()) && !RoleOrRegion().IsMatch(comma.Groups[2].Value.Trim()))
        {
            return comma.Groups[2].Value.Trim();
        }

        return IsNoAccount(prefix) ? null : prefix;
    }

    /// <summary>A first name, a first and last name, or a Chinese surname with a title — not a company.</summary>
    private static bool LooksLikePerson(string name)
    {
        if (ChinesePerson().IsMatch(name) || ChineseFullName().IsMatch(name))
        {
            return true;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Dana", "Dana Wu", "Dana W." (an initial is a surname cut short).
        return words.Length is 1 or 2
            && words.Select((w, i) => (w, i)).All(x => (x.w.Length > 1 && char.IsUpper(x.w[0]) && x.w.Skip(1).All(char.IsLower)) || (x.i == 1 && x.w.Length == 2 && char.IsUpper(x.w[0]) && x.w[1] == '.'))
            && !CompanyWord().IsMatch(name);
    }

    /// <summary>A signature line ("— Priya, Northwind", "-- Dana (Acme)", "～ 王经理，海川科技") and the customer it names.</summary>
    private static bool TrySignature(string line, out string? customer)
    {
        customer = null;
        var m = Signature().Match(line);
        if (!m.Success)
        {
            return false;
        }

        // "-- end of export (7 tickets) --" closes the paste; it signs nothing.
        if (line.TrimEnd().EndsWith("--", StringComparison.Ordinal) || PasteDescription().IsMatch(m.Groups[1].Value))
        {
            return false;
        }

        customer = Signer(m.Groups[1].Value.Trim());
        return customer is { Length: > 0 };
    }

    /// <summary>The company a signature names: "Priya from Northwind", "Priya, Northwind", "李伟 / 远航医疗 财务部".</summary>
    private static string? Signer(string who)
    {
        var from = FromCompany().Match(who);
        var customer = from.Success ? from.Groups[1].Value.Trim()
            : who.IndexOfAny([',', '，']) is var c and > 0 ? who[(c + 1)..].Trim()
            : AttributedCustomer(who);
        return customer is null ? null : Department().Replace(customer, string.Empty).Trim();
    }

    /// <summary>A line that ends with its own signature ("…， —— 李伟 / 远航医疗", "… -- Dana, Acme").</summary>
    private static bool TryTrailingSignature(string body, out string said, out string? customer)
    {
        said = body;
        customer = null;
        var m = TrailingSignature().Match(body);
        if (!m.Success)
        {
            return false;
        }

        if (m.Groups[2].Value.Split(['/', '／', ',', '，'], StringSplitOptions.TrimEntries).Any(p => p.Length > MaxSignaturePart))
        {
            return false; // "— 构建5000万向量的索引时内存直接爆了，64G 的机器都不够": a sentence, not a name
        }

        said = m.Groups[1].Value.Trim();
        customer = Signer(m.Groups[2].Value.Trim());
        customer = customer is { Length: > 0 } && !IsNoAccount(customer) ? customer : null;
        return true;
    }

    /// <summary>Longest name or company in a signature at the end of a line.</summary>
    private const int MaxSignaturePart = 24;

    private static bool IsIdLike(string field) => field.Length == 0 || IdLike().IsMatch(field) || IsWhen(field);

    /// <summary>An account cell or prefix that names nobody ("n/a", "anonymous", "internal", "匿名").</summary>
    internal static bool IsNoAccount(string field) => NoAccount().IsMatch(field);

    [GeneratedRegex(@"^(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,4}(?:[-/.月]\d{1,2}(?:[-/.日]\d{0,4})?)?日?|\d{1,2}[:.]\d{2}(?:\s*[ap]m)?|company|customer|account|(?:call|meeting|interview|visit|demo|notes?|call notes|session|week|day|conversation|chat|ticket|case)\s*#?\d*(?:\s+(?:with|notes))?|q[1-4]|(?:slide|page|投影片|幻灯片|幻燈片|第)\s*\d+\s*页?|(?:华|華)?[东南西北中東](?:区|區|部)|周[一二三四五六日天]|星期[一二三四五六日天]|访谈|拜访|通话|电话|会议|纪要|笔记|上午|下午|晚上|(?:forwarded|original)\s+(?:message|e-?mail)|转发邮件|转寄邮件|转寄|转发的邮件|原始邮件|转发|邮件|e-?mail|from|sender|发件人|寄件人|發件人)$")]
    private static partial Regex SectionFiller();

    [GeneratedRegex(@"^(?i:[a-z]{2,3}|apac|emea|latam|vp\b.*|head of.*|c[a-z]o|it|ops|hr|finance|procurement|sales|marketing|engineering|admin|legal|security|it team|.*\b(?:manager|director|lead|head|owner|officer|admin|engineer|analyst|buyer|rep|president|founder|coordinator|partner|champion)\b.*|.*(?:经理|总监|主任|主管|负责人|老板|店长|采购|财务|运营|销售|市场|技术|信息科|IT|部|科|总|老师)|北京|上海|广州|深圳|杭州|成都|新加坡|香港|台湾|华东|华南|华北|华中|西南)$")]
    private static partial Regex RoleOrRegion();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,2}(?:经理|經理|总|總|老师|老師|主任|先生|女士|小姐|太太|姐|哥|工|老板|老闆|店长|店長|总监|總監)$|^(?:小|老|阿)[\p{IsCJKUnifiedIdeographs}]$")]
    private static partial Regex ChinesePerson();

    [GeneratedRegex(@"(?i)\b(?:inc|ltd|llc|gmbh|co|corp|corporation|company|group|holdings|health|healthcare|labs?|foods?|bank|systems|tech|technologies|logistics|dental|legal|law|insurance|brewing|analytics|learning|trading|outdoor|home|goods|studio|studios|partners|clinic|school|university|hospital|hotels?|media|retail|software|solutions|services|motors|energy|pharma|capital|ventures|industries|manufacturing|academy|bakery|coffee|cafe|supply|markets?)\b")]
    private static partial Regex CompanyWord();

    [GeneratedRegex(@"^(.{2,40}?)\s+[-—–]{1,2}\s+(.{1,30})$")]
    private static partial Regex CompanyDashPerson();

    [GeneratedRegex(@"^([^,，]{1,30})[,，]\s*([^,，]{2,40})$")]
    private static partial Regex PersonCommaCompany();

    [GeneratedRegex(@"^(?:—{1,2}|–{1,2}|-{2}|~|～|——)\s*([^\s—–~～-][^:：。！？!?]{0,58})$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"(?i)^.*?\b(?:from|at|@)\s+(.+)$")]
    private static partial Regex FromCompany();

    [GeneratedRegex(@"^(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}月\d{1,2}日?|\d{1,2}:\d{2})\s+")]
    private static partial Regex LeadingDate();

    // "Weekly account sync", "客户会议纪要", "Ticket export": a title describing the paste, not a company.
    [GeneratedRegex(@"(?i)\b(?:notes?|export(?:ed)?|summary|digest|recap|sync|feedback|survey|reviews?|tickets?|minutes|weekly|monthly|queue|channel|chat\s+log|transcript|quotes|verbatims?|raw)\b|原话|原話|纪要|紀要|汇总|匯總|汇整|彙整|来信|來信|记录|記錄|反馈|回饋|导出|匯出|周报|週報|聊天|工单|工單|问卷|問卷")]
    private static partial Regex PasteDescription();

    // A label on a line of its own: "Action items:", "待办：".
    [GeneratedRegex(@"^([^:：。！？!?]{1,40})[:：]$")]
    private static partial Regex LabelLine();

    // "Action: RMA the terminal", "Action item (Lin)：…", "Next steps: …", "待办：…": our to-do, not what a customer said.
    [GeneratedRegex(@"^(?i:action(?:\s+items?)?|next\s+steps?|to-?dos?|待办|待辦|跟进|跟進|下一步|行动项|行動項)\s*(?:[(（][^)）]{0,20}[)）])?\s*[:：]")]
    private static partial Regex ActionItem();

    // "Sam (our CSM) 10:45 AM: …", "Mia (Ledgerly Support): …", "Amy（我們客服）：…": our side of the conversation.
    [GeneratedRegex(@"^[^:：(（]{1,40}[(（](?i:our\b[^)）]*|[^)）]*\b(?:support|customer success|csm|account manager|help\s?desk|host|moderator|facilitator|interviewer)\b[^)）]*|[^)）]*(?:客服|客户成功|客戶成功|主持)[^)）]*|我們[^)）]*|我们[^)）]*)[)）]")]
    private static partial Regex OurTeamLine();

    // A reply under the brand's own handle ("@暖居官方", "Acme Official", "our team").
    [GeneratedRegex(@"(?:官方|客服)$|^(?i:our\b.*|.*\bofficial)$")]
    private static partial Regex OurHandle();

    // A title built of parts ("Acme — ticket export — week 46") rather than a sentence.
    [GeneratedRegex(@"\s[—–|-]\s.*\s[—–|-]\s|^[^:：]*\s[—–]\s[^:：]*$")]
    private static partial Regex TitleShape();

    // "Tue 3/12 Harbor Freightways", "3/13 北辰物流", "周二 下午 南港冷链": when the call was, before whom it was with.
    [GeneratedRegex(@"^(?:(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|\d{1,4}[-/.月]\d{1,2}(?:[-/.日]\d{0,4})?日?,?|\d{1,2}[:.]\d{2}(?:\s*[ap]m)?|周[一二三四五六日天]|星期[一二三四五六日天]|上午|下午|晚上)\s+)+")]
    private static partial Regex LeadingWhen();

    // Table cells: "#1 | Acme | text", tab-separated, "#4411 · Maria Lopez (Denver) · text", "工单 20931｜王芳（杭州）｜…".
    [GeneratedRegex(@"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?(?=\s*[:：])")]
    private static partial Regex ChatTime();

    [GeneratedRegex(@"\s*<[^<>\s]+@[^<>\s]+>")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\*\*([^*]{1,40})\*\*\s*(?:[:：]|[—–-]{1,2}\s)\s*")]
    private static partial Regex BoldAccount();

    [GeneratedRegex(@"^(?i:me|our\b.*|.*\bour\s+(?:team|side|csm|support|sales)\b.*|internal|agent\b.*|.*\b(?:support|customer success|help\s?desk)\b.*|.*客服.*|.*官方.*|.*\bofficial\b.*|我们.*|我們.*|本公司.*|内部.*|內部.*)$")]
    private static partial Regex OurTeam();

    [GeneratedRegex(@"^(?i:reviewer|reviewed by|review by|评价人|評價人|评论者|評論者)\s*[:：]\s*([^,，]{1,40})")]
    private static partial Regex ReviewerLine();

    [GeneratedRegex(@"^(?i:what do you (?:like|dislike)(?: (?:best|most|least))?\??|pros?\s*[:：]|cons?\s*[:：]|recommendations? to others.*?[?:：]|优点[:：]?|缺点[:：]?|優點[:：]?|缺點[:：]?)\s*")]
    private static partial Regex ReviewPrompt();

    [GeneratedRegex(@"\s*[|｜\t]\s*|\s+[·•]\s+")]
    private static partial Regex FieldSeparator();

    // A star or score rating inside an attribution ("momo酱 ★★★☆☆", "Dana (4/5)", "3星").
    [GeneratedRegex(@"\s*(?:[★☆]{1,5}|[(（]\d(?:\.\d)?\s*/\s*\d+[)）]|\b\d(?:\.\d)?\s*(?:星|stars?|/\s*5)\b)\s*")]
    private static partial Regex Rating();

    // A department after the company in a signature ("华庭地产 行政部", "Acme IT team").
    [GeneratedRegex(@"(?:\s+[\p{IsCJKUnifiedIdeographs}]{1,6}(?:部|科|处|處|室|中心|办公室|辦公室|小组|小組|团队|團隊)|(?i:\s+(?:it\s+)?(?:team|dept\.?|department|office)))$")]
    private static partial Regex Department();

    // "… —— 李伟 / 远航医疗", "… -- Dana, Acme": a short signature with a person and a company at the end of the line.
    // A single dash needs a space before it ("35–40 minutes" is a range, not a signature), and a signature quotes nobody.
    [GeneratedRegex(@"^(.*?\S)(?:\s*——|\s+—{1,2}|\s+–{1,2}|\s+--)\s*([^\s—–~～""“”-][^:：。！？!?—–""“”]{0,40}?(?:[/／,，]|\s(?:from|at)\s|@|匿名|anonymous)[^:：。！？!?—–""“”]{0,40})$")]
    private static partial Regex TrailingSignature();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)(?:\s+#+)?$")]
    private static partial Regex MarkdownHeader();

    [GeneratedRegex(@"^(?:\*\*(.+?)\*\*|={2,}\s*(?<1>.+?)\s*={2,}|-{2,}\s*(?<1>.+?)\s*-{2,}|[─━—]{2,}\s*(?<1>.+?)\s*[─━—]{2,})\s*[:：]?$")]
    private static partial Regex BoldOrRuleHeader();

    [GeneratedRegex(@"(?i:company|customer|account|organi[sz]ation|client)\s*[:：]\s*(?<c>[^·•|｜,，:：=]{2,60}?)\s*(?:$|[·•|｜,，]|={2,}|\s[—–-]\s)|(?:客户|客戶|公司|单位|單位)\s*[:：]\s*(?<c>[^·•|｜,，:：=]{2,40}?)\s*(?:$|[·•|｜,，]|={2,})")]
    private static partial Regex LabelledCompany();

    [GeneratedRegex(@"\s+[—–-]{1,2}\s+|\s*[|｜:：]\s*|\s*[,，]\s+|\s+[·•]\s+")]
    private static partial Regex SectionSplit();

    [GeneratedRegex(@"\s*[(（][^)）]*[)）]")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^(?:>\s*|[└├↳]\s*|[-*•·]\s+|\d{1,3}[.)、]\s*)+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:\s*(?:\[[^\]]{1,20}\]|【[^】]{1,20}】|[★☆]{1,5}|\(\d(?:\.\d)?\s*/\s*\d\)|(?i:score|nps|rating|评分|評分)\s*\d{1,2}(?:\s*/\s*10)?\s*[—–:：-]))+\s*")]
    private static partial Regex LeadingTags();

    // "Acme:", "客户W：", "R03 (Bramble Health):", "j***8：" — a short name before a colon, with no sentence in it.
    [GeneratedRegex(@"^([^:：。！？!?,，;；""“”]{1,64}?)\s*[:：]\s*")]
    private static partial Regex Attribution();

    /// <summary>Longest attribution prefix without a bracketed company ("Sofia Lindqvist (Norrvik Municipal College):" may be longer).</summary>
    private const int MaxPlainPrefix = 40;

    // "2024-05-16 09:10 ", "2024/03/04 9:12:33 AM ": when, before who.
    [GeneratedRegex(@"^\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s+")]
    private static partial Regex LeadingStamp();

    [GeneratedRegex(@"^(.{1,40}?)\s+\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$")]
    private static partial Regex TrailingStamp();

    [GeneratedRegex(@"^(?i:small talk|off[- ]topic|fyi|note|notes|update|re|request|(?:comment|reply|回复|回覆|评论|評論)(?:\s*[(（].*)?|question|answer|q|a|pricing|price|feedback|summary|todo|action items?|next steps?|follow[- ]?ups?|follow[- ]up on .*|second report.*|p\.?s\.?|闲聊|备注|追评|追加|补充|更新|问题|回答|价格|定价|反馈|总结|待办|后续|跟进|说明|subject|from|to|cc|date|主题|标题|发件人|收件人|抄送|日期|时间|整理|转发)$")]
    private static partial Regex NotACustomer();

    [GeneratedRegex(@"^(.*?)\s*[(（【]([^)）】]+)[)）】]\s*$")]
    private static partial Regex ParenOrg();

    // A Chinese organisation name: ends in (or contains) a kind of organisation.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{2,}(?:公司|集团|集團|学校|學校|小学|小學|中学|中學|大学|大學|学院|學院|幼儿园|医院|醫院|诊所|診所|物流|科技|银行|銀行|酒店|工厂|工廠|实业|實業|餐饮|餐飲|超市|商场|商場|地产|地產|机械|機械|教育|食品|制药|製藥|医疗|醫療|建设|建設|营造|營造|工程|药业|藥業|冷链|冷鏈|电商|電商|建材|供应链|供應鏈)")]
    private static partial Regex ChineseOrganisation();

    [GeneratedRegex(@"^(?i:#?[a-z]{0,3}[-_ ]?\d+|[a-z]{2,10}-\d+|(?:respondent|response|row|ticket|review|受访者|回答者|问卷|工单)\s*#?\d+|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d(?:\.\d)?\s*(?:星|stars?|/5)|[★☆]+|p[0-4]|(?:low|medium|high|urgent|open|closed|resolved|pending))$")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"^[(（\[]?(?i:no account|n/?a|none|-|—|unknown|anonymous|internal|our team|匿名|无|未知|内部)[)）\]]?$")]
    private static partial Regex NoAccount();

    [GeneratedRegex(@"(?i)^(?:follow[- ]?ups?|action items?|next steps?|to-?dos?|logistics|admin|internal|notes? from (?:cs|us|our|the team|sales|support|success)|待办|待辦|后续|跟进|下一步|行动项|內部|内部|备注|備註)\b|\(not (?:survey|customer|review) (?:data|feedback)\)")]
    private static partial Regex NoiseSection();

    // "(end of export)", "（以上共23条…）": the paster's own note about the paste.
    [GeneratedRegex(@"^[(（].*[)）]$")]
    private static partial Regex WrappedNote();

    [GeneratedRegex(@"^(?i:small talk|off[- ]topic|闲聊|寒暄|题外话)")]
    private static partial Regex SmallTalk();

    [GeneratedRegex(@"^(?:(?i:follow[- ]?up(?: on [#\w]+)?(?:\s*\([^)]{1,20}\))?|update(?:\s+(?:after|on|from)\s+[\w\s]{1,20})?|second report(?: this week)?|again|also|p\.?s\.?)\s*[:：,，-]\s*|(?:追评|追加|补充)\s*[:：,，]?\s*|更新\s*[:：]\s*)")]
    private static partial Regex FollowUpMarker();

    [GeneratedRegex(@"[\s\p{P}\p{S}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^(?:>\s*)+$")]
    private static partial Regex QuoteMarksOnly();

    // "Subject: …", "Priority: High", "Status: open", "主题：…": a ticket's metadata in a header line.
    [GeneratedRegex(@"^(?i:subject|priority|status|type|channel|tags?|assignee|agent|group|sla|re|主题|主題|优先级|優先級|状态|狀態|类型|類型)\s*[:：]")]
    private static partial Regex MetadataField();

    // "[Maria Costa, 20 Nov 08:12] …": who wrote the message, and when.
    [GeneratedRegex(@"^\[(?<who>[^\],]{2,40}),\s*(?<when>[^\]]{3,25})\]\s*")]
    private static partial Regex BracketSpeaker();

    [GeneratedRegex(@"^#?\d{1,4}\s+[—–]\s+[^—–]{2,60}?\s+[—–]\s+")]
    private static partial Regex NumberedDashFields();

    [GeneratedRegex(@"\s+[—–]\s+")]
    private static partial Regex DashSeparator();

    // "heard from Priya at Lumen Data:", "Forwarded from Ben Adler (Orchard Labs):", "call with Helix Robotics today.",
    // "Quarrystone Bank — compliance says", "Lumen Data follow-up call — …": a colleague naming the customer they pass on.
    [GeneratedRegex(@"^(?:(?i:(?:heard|forwarded|quote|notes?|feedback|word|email)\s+from|from|per|call with|spoke (?:with|to)|talked (?:with|to)|met with|chatted with|meeting with|demo (?:with|for))\s+(?<who>[^:：""“”—–.,;]{2,50}?)(?:\s+(?i:today|yesterday|this (?:morning|afternoon|week)))?\s*(?:[:：""“—–.,;]|$)|(?<who>[A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,3})(?:\s+(?i:follow-up(?: call)?|call|update|again))?\s+[—–]\s)")]
    private static partial Regex Relay();

    [GeneratedRegex(@"^[↳└├]")]
    private static partial Regex Continuation();

    // "Wang Lei", "王磊", "林雅婷": a common Chinese surname and a given name of one or two characters.
    [GeneratedRegex(@"^[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯][\p{IsCJKUnifiedIdeographs}]{1,2}$")]
    private static partial Regex ChineseFullName();

    // "(follow-up call Thu)", "(callback)", "（回访）": a note about the contact, not a name.
    [GeneratedRegex(@"^(?i:follow[- ]?up|call\s?back|call|meeting|visit|demo|update|again|cont(?:inued|'d)?|second|2nd|repeat)\b|^(?:回访|回訪|追评|追評|追加|补充|補充|再次|复诊|覆診)")]
    private static partial Regex Aside();

    // A role after the company in a cell ("老街牛肉麵 營運主任", "Acme, Head of Ops").
    [GeneratedRegex(@"(?:[\s　,，]+(?:[\p{IsCJKUnifiedIdeographs}]{0,4}(?:主任|经理|經理|总监|總監|主管|老板|老闆|店长|店長|负责人|負責人|专员|專員|老师|老師)|(?i:(?:head of|vp|director|manager|owner|founder|ceo|cfo|cto|coo)\b.*)))$")]
    private static partial Regex TrailingRole();

    // One word in brackets after a name: a town or a region ("Fresno", "成都"), not a company.
    [GeneratedRegex(@"^(?:[A-Z][a-z]+|[\p{IsCJKUnifiedIdeographs}]{1,3})$")]
    private static partial Regex PlaceLike();

    [GeneratedRegex(@"^\+?[\d(][\d\s()-]{6,}$")]
    private static partial Regex Phone();

    // "…　主旨：…", "… Subject: …": the next label on a header line.
    [GeneratedRegex(@"[\s　]+(?:主旨|主题|主題|标题|標題|(?i:subject|re|date|sent))\s*[:：].*$")]
    private static partial Regex SecondLabel();

    // A label on a line of its own, long enough for "From Dr. Alan Pierce, Harbor Dental Group (follow-up):".
    [GeneratedRegex(@"^([^:：。！？!?]{1,70})[:：]$")]
    private static partial Regex HeaderLabel();

    // "Caller: …", "Visitor — …", "客户：…", "对接人：…": a label saying who the lines below are from.
    [GeneratedRegex(@"^(?:(?i:caller|customer|client|visitor|account|company|reviewer|respondent|author|requester|reporter|submitted by|organi[sz]ation|from)|寄件者|寄件人|发件人|發件人|客户|客戶|来电人?|來電人?|来电客户|访客|訪客|用户|用戶|公司|单位|單位|门店|門店|(?<contact>(?i:contact|attendees?|participants?)|对接人|對接人|联系人|聯絡人|参会人?|參會人?))\s*(?:[:：]|\s[—–-]\s)\s*(?<name>.+)$")]
    private static partial Regex RoleLabel();

    [GeneratedRegex(@"^[【\[「『〔]([^【\[「『〔】\]」』〕]{1,40})[】\]」』〕]$")]
    private static partial Regex BracketOnly();

    [GeneratedRegex(@"^(?i:from|by|via|forwarded from)\s+(.+)$|^(?:来自|來自|发件人|發件人|寄件人)\s*[:：]?\s*(.+)$")]
    private static partial Regex FromLabel();

    [GeneratedRegex(@"\s*[|｜\t]\s*|\s+[·•]\s+|\s+[—–]\s+|\s{2,}")]
    private static partial Regex HeaderFields();

    [GeneratedRegex(@"^[""“”「『](.+)[""“”」』]$")]
    private static partial Regex QuotedTitle();

    // "Tucson AZ", "Portland, OR", "Leeds UK": where a consumer lives (a town and a state or country code), not who they are.
    [GeneratedRegex(@"^[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2},?\s(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|UK|NSW|VIC|QLD|ON|BC|QC)$")]
    private static partial Regex Location();

    [GeneratedRegex(@"^(?i:follow[- ]?up|update|edited|追评|追評|追加|补充|補充)\s*[:：]?\s*")]
    private static partial Regex FollowUpWord();

    [GeneratedRegex(@"^(?i:dr|mr|mrs|ms|prof)\.?\s+")]
    private static partial Regex Honorific();

    [GeneratedRegex(@"[。！？!?；;]|[.,，]\s*$|\b(?i:is|are|was|were|can't|cannot|don't|doesn't|we|our|my|i|please|need|want)\b")]
    private static partial Regex SentenceMark();

    // A date or a time alone: "2026-11-02", "Mar 2, 2026", "11/23 08:14", "2026/11/24（二）", "周二".
    [GeneratedRegex(@"^(?i:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\d{4}年?\d{1,2}月\d{1,2}日?|\d{1,2}月\d{1,2}日?)?(?:\s*[(（][一二三四五六日天][)）])?(?:\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?|周[一二三四五六日天]|星期[一二三四五六日天])$")]
    private static partial Regex When();
}
