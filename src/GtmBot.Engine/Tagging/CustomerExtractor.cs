namespace GtmBot.Engine.Tagging;

/// <summary>
/// Reads the customer from a quote's leading attribution, exactly as written: <c>Acme:</c>, <c>客户W：</c>,
/// <c>Lakeside Foods 的 procurement 说</c>, <c>海川科技那边说</c>, <c>Gantry said</c>, <c>Pinecrest Dental (call notes):</c>.
/// Works on text whose markup is already stripped. Greetings and dashes before the name are skipped; roles, pronouns and
/// labels ("Fitness app feedback:", "客户反馈：") are not customers.
/// </summary>
public static class CustomerExtractor
{
    /// <summary>An attribution is short: a colon further in belongs to the quote itself.</summary>
    private const int MaxPrefixLength = 48;

    private const int MaxChineseNameLength = 12;

    private const int MaxLatinNameWords = 5;

    private static readonly string[] Greetings = ["heads up", "heads-up", "hey", "hi", "hello", "fyi", "btw", "ps", "cc", "quick one", "update", "also", "so", "ok", "okay", "嗨", "你好", "补充一下", "更新"];

    private static readonly string[] LatinSaid = [" said", " says", " told us", " told me", " mentioned", " just said", " wrote", " asked"];

    private static readonly string[] ChineseSaid = ["说", "表示", "反馈", "提到"];

    /// <summary>Without a side word (那边, 的 …) a name before 说 must look like an organisation or a person's title.</summary>
    private static readonly string[] ChineseNameEndings = ["科技", "公司", "集团", "银行", "医院", "药房", "超市", "食品", "物流", "餐饮", "酒店", "学校", "大学", "工厂", "制造", "商贸", "连锁", "总", "经理", "老板", "主任", "院长", "校长", "老师", "先生", "女士", "小姐"];

    private static readonly string[] ChineseSideSuffixes = ["那边", "这边", "方面", "那头", "的人"];

    private static readonly HashSet<string> LatinStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "update", "note", "notes", "fyi", "re", "fwd", "quote", "customer", "client", "prospect", "feedback", "summary", "context", "background",
        "question", "answer", "ps", "edit", "action", "decision", "problem", "issue", "idea", "request", "bug", "reminder", "also", "ok", "yes", "no",
        "well", "so", "honestly", "basically", "example", "important", "warning", "tldr", "recap", "takeaway", "verdict", "they", "we", "i", "he",
        "she", "it", "this", "that", "our", "my", "their", "your", "his", "her", "the", "a", "an", "someone", "everyone", "nobody", "somebody", "user",
        "users", "team", "sales", "support", "boss", "cfo", "ceo", "cto", "it", "finance", "legal", "procurement", "security", "management", "lol",
        "thanks", "thank", "sure", "yeah", "great", "good", "bad", "meh", "wow", "hmm", "oh", "why", "what", "how", "when", "where", "who", "result",
        "results", "status", "todo", "next", "step", "steps", "agenda", "call", "meeting", "demo", "deal", "lost", "won", "win", "loss", "pricing", "price",
    };

    private static readonly string[] LatinConnectors = ["of", "and", "&", "de", "the", "for", "von", "van", "la", "le", "da", "di"];

    private static readonly string[] ChineseStarts = ["我", "你", "他", "她", "它", "咱", "大家", "有人", "有个", "这个", "那个", "说实话", "其实", "就是", "但是", "所以", "因为", "如果", "目前", "现在", "另外", "还有", "今天", "昨天", "刚才", "用户", "对方", "说"];

    private static readonly string[] ChineseLabels = ["反馈", "总结", "备注", "问题", "原话", "记录", "更新", "结论", "补充", "重点", "注意", "例如", "比如", "摘要", "背景", "需求", "建议", "要点", "纪要", "复盘", "结果", "情况", "原因"];

    /// <summary>Function words that never appear in an attribution but do in sentences (不是, 都要, 很好).</summary>
    private const string NotInNames = "不没是要能会都也很太就还在把被让给和吗呢吧了着过";

    private static readonly HashSet<string> ChineseRoles = ["客户", "老板", "领导", "财务", "销售", "采购", "老师", "经理", "总监", "同事", "用户", "店长", "他们", "我们", "对方", "客服", "IT", "法务", "技术", "运营", "市场"];

    /// <summary>The customer and where the quote's own words start after the attribution (0 when there is none).</summary>
    public static (string? Customer, int BodyStart) Extract(string text)
    {
        var pos = SkipLead(text, 0);
        var colon = TryColon(text, pos);
        if (colon.Customer is not null)
        {
            return colon;
        }

        var said = TryLatinSaid(text, pos);
        if (said.Customer is not null)
        {
            return said;
        }

        return TryChineseSaid(text, pos);
    }

    /// <summary>Words after a one-word name that show a separator was forgotten (<c>Acme we need SSO</c>).</summary>
    private static readonly string[] AfterOneWordName = ["the", "we", "they", "our", "their", "us"];

    /// <summary>
    /// A name the quote seems to start with although nothing marks it as the customer: <c>Acme Bank the export keeps
    /// failing</c> (capitalised words, then a sentence), <c>Acme we need SSO</c>, <c>海川科技 导出太慢</c>. Null when the text
    /// names its customer the usual way (<see cref="Extract"/>) or starts like an ordinary sentence.
    /// </summary>
    public static (string Name, int BodyStart)? LeadingName(string text)
    {
        if (Extract(text).Customer is not null)
        {
            return null;
        }

        var pos = SkipLead(text, 0);
        var words = new List<(int Start, int End)>();
        var i = pos;
        while (i < text.Length && words.Count <= MaxLatinNameWords)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((start, i));
            }
        }

        if (words.Count < 2)
        {
            return null;
        }

        string Word(int k) => text[words[k].Start..words[k].End];
        var first = Word(0);
        if (first.All(IsCjk))
        {
            // 海川科技 导出太慢: a Chinese organisation's name, then a space, then the quote.
            return first.Length <= MaxChineseNameLength && (ChineseNameEndings.Any(e => first.EndsWith(e, StringComparison.Ordinal)) || IsLetteredCustomer(first)) && IsChineseName(first)
                ? (first, SkipLead(text, words[0].End))
                : null;
        }

        var count = 0;
        while (count < words.Count && count < MaxLatinNameWords && (char.IsUpper(Word(count)[0]) || char.IsDigit(Word(count)[0]) || (count > 0 && LatinConnectors.Contains(Word(count), StringComparer.Ordinal))))
        {
            count++;
        }

        // "Acme Bank the export …": a connector ("the", "of") ends no name.
        while (count > 0 && LatinConnectors.Contains(Word(count - 1), StringComparer.Ordinal))
        {
            count--;
        }

        // A name (a dash after it allowed), then at least two words of the quote, the first of them not capitalised.
        var next = count < words.Count && Word(count) is "-" or "—" or "–" ? count + 1 : count;
        if (count == 0 || next >= words.Count - 1 || !char.IsLower(Word(next)[0]))
        {
            return null;
        }

        if (count == 1 && next == count && !AfterOneWordName.Contains(Word(1), StringComparer.Ordinal) && !Word(0).EndsWith(','))
        {
            return null;
        }

        var name = text[words[0].Start..words[count - 1].End].TrimEnd(',', '，');
        if (!IsName(name) || Themes.StopWords.IsEnglish(first.ToLowerInvariant()))
        {
            return null;
        }

        return (name, SkipLead(text, words[count - 1].End));
    }

    private static int SkipLead(string text, int pos)
    {
        while (true)
        {
            var start = pos;
            while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] is ',' or '，' or ':' or '：' or '-' or '—' or '–' or '>' or '·' or '•' or '*' or '!' or '！' or '、'))
            {
                pos++;
            }

            foreach (var g in Greetings)
            {
                if (string.Compare(text, pos, g, 0, g.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (pos + g.Length == text.Length || !char.IsLetter(text[pos + g.Length]) || !char.IsAsciiLetter(g[0])))
                {
                    pos += g.Length;
                    break;
                }
            }

            if (pos == start)
            {
                return pos;
            }
        }
    }

    private static (string? Customer, int BodyStart) TryColon(string text, int pos)
    {
        var depth = 0;
        var limit = Math.Min(text.Length, pos + MaxPrefixLength);
        for (var i = pos; i < limit; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '(' or '（':
                    depth++;
                    break;
                case ')' or '）':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ':' or '：' when depth == 0:
                    var name = WithoutParentheses(text[pos..i]).Trim();
                    return IsName(name) ? (name, i + 1) : (null, 0);
                case '.' or '。' or '!' or '！' or '?' or '？' or ',' or '，' or ';' or '；' or '"' or '“' or '”' when depth == 0:
                    return (null, 0);
            }
        }

        return (null, 0);
    }

    private static (string? Customer, int BodyStart) TryLatinSaid(string text, int pos)
    {
        var limit = Math.Min(text.Length, pos + MaxPrefixLength);
        foreach (var verb in LatinSaid)
        {
            var at = text.IndexOf(verb, pos, limit - pos, StringComparison.OrdinalIgnoreCase);
            if (at <= pos)
            {
                continue;
            }

            var end = at + verb.Length;
            if (end < text.Length && char.IsLetter(text[end]))
            {
                continue;
            }

            var name = text[pos..at].Trim();
            var possessive = name.IndexOf("'s ", StringComparison.Ordinal);
            if (possessive < 0)
            {
                possessive = name.IndexOf("’s ", StringComparison.Ordinal);
            }

            if (possessive > 0)
            {
                name = name[..possessive];
            }

            if (name.Length > 0 && char.IsAsciiLetterUpper(name[0]) && IsName(name))
            {
                return (name, SkipLead(text, end));
            }
        }

        return (null, 0);
    }

    private static (string? Customer, int BodyStart) TryChineseSaid(string text, int pos)
    {
        var limit = Math.Min(text.Length, pos + MaxPrefixLength);
        var at = -1;
        var verbLength = 0;
        foreach (var verb in ChineseSaid)
        {
            var i = text.IndexOf(verb, pos, limit - pos, StringComparison.Ordinal);
            if (i > pos && (at < 0 || i < at))
            {
                at = i;
                verbLength = verb.Length;
            }
        }

        if (at < 0)
        {
            return (null, 0);
        }

        var name = text[pos..at].Trim();
        if (name.AsSpan().IndexOfAny("，,。.!！?？;；:：\"“”") >= 0)
        {
            return (null, 0);
        }

        var marked = false;
        foreach (var suffix in ChineseSideSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length].Trim();
                marked = true;
            }
        }

        var of = name.LastIndexOf('的');
        if (of > 0)
        {
            name = name[..of].Trim();
            marked = true;
        }

        if (!marked && !ChineseNameEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal)) && !IsLetteredCustomer(name))
        {
            return (null, 0);
        }

        return IsName(name) ? (name, SkipLead(text, at + verbLength)) : (null, 0);
    }

    /// <summary>客户A, 客户W: a customer named by letter.</summary>
    private static bool IsLetteredCustomer(string name) =>
        name.Length >= 3 && name.StartsWith("客户", StringComparison.Ordinal) && char.IsAsciiLetterOrDigit(name[2]);

    private static string WithoutParentheses(string s)
    {
        var open = s.IndexOfAny(['(', '（']);
        return open < 0 ? s : s[..open];
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0 || name.Length > MaxPrefixLength)
        {
            return false;
        }

        var hasCjk = false;
        foreach (var c in name)
        {
            if (IsCjk(c))
            {
                hasCjk = true;
            }
            else if (!(char.IsLetterOrDigit(c) || c is ' ' or '&' or '.' or '-' or '\'' or '’'))
            {
                return false;
            }
        }

        return hasCjk ? IsChineseName(name) : IsLatinName(name);
    }

    private static bool IsChineseName(string name)
    {
        if (name.Length > MaxChineseNameLength || ChineseRoles.Contains(name) || name.AsSpan().IndexOfAny(NotInNames) >= 0)
        {
            return false;
        }

        foreach (var start in ChineseStarts)
        {
            if (name.StartsWith(start, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var label in ChineseLabels)
        {
            if (name.Contains(label, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLatinName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > MaxLatinNameWords || LatinStopWords.Contains(words[0]) || LatinStopWords.Contains(words[^1]))
        {
            return false;
        }

        foreach (var w in words)
        {
            if (!(char.IsUpper(w[0]) || char.IsDigit(w[0]) || LatinConnectors.Contains(w, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
