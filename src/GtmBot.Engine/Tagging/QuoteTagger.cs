namespace GtmBot.Engine.Tagging;

/// <summary>
/// The offline quote tagger: strips platform markup, reads the customer from the attribution, detects the language,
/// finds the lexicon's cues in one pass and applies the taxonomy's rules (negation, sarcasm, competitor vs integration,
/// commercial terms vs capability asks, need vs want). Thread-safe and allocation-light; see bench/ for its throughput.
/// </summary>
public sealed class QuoteTagger : IQuoteTagger
{
    private static readonly Cue[] EntryCues;
    private static readonly PhraseMatcher Matcher;
    private static readonly int CueCount = Enum.GetValues<Cue>().Length;

    /// <summary>How far back (in characters of the same clause) an English negator reaches: about three words.</summary>
    private const int EnglishNegationReach = 16;

    /// <summary>How far back a Chinese negator reaches (不打算换, 并不担心).</summary>
    private const int ChineseNegationReach = 3;

    /// <summary>Clauses past this index share the last bit of the clause masks.</summary>
    private const int MaxClauses = 63;

    [ThreadStatic]
    private static List<PhraseHit>? _hits;

    static QuoteTagger()
    {
        var entries = Lexicon.Entries().ToList();
        EntryCues = [.. entries.Select(e => e.Cue)];
        Matcher = new PhraseMatcher(entries.Select((e, i) => (e.Phrase, i)));
    }

    public TagResult Tag(string text)
    {
        var stripped = QuoteMarkup.Strip(text, out var emphasised);
        var (customer, bodyStart) = CustomerExtractor.Extract(stripped);
        var body = bodyStart > 0 ? stripped.AsSpan(bodyStart) : stripped.AsSpan();
        var language = LanguageOf(body);

        var folded = PhraseMatcher.Fold(body.ToString());
        var hits = _hits ??= new List<PhraseHit>(64);
        hits.Clear();
        Matcher.Match(folded, hits);

        var cues = new Found(CueCount);
        Collect(folded, hits, cues);
        var sarcastic = cues.Any(Cue.Sarcasm) || IsIronic(emphasised);
        var tags = Decide(cues, sarcastic);
        var motive = DecideMotive(cues, tags);
        return new TagResult(tags, motive, customer, language, stripped);
    }

    /// <summary>The lexicon cues found in a quote's body (<c>pain:manual</c>, …): shows why the tagger decided as it did.</summary>
    public static IReadOnlyList<string> Explain(string text)
    {
        var stripped = QuoteMarkup.Strip(text);
        var (_, bodyStart) = CustomerExtractor.Extract(stripped);
        var folded = PhraseMatcher.Fold(stripped[bodyStart..]);
        var hits = new List<PhraseHit>();
        Matcher.Match(folded, hits);
        return [.. hits.Select(h => $"{EntryCues[h.Entry]}:{folded[h.Start..h.End]}")];
    }

    /// <summary><c>en</c>, <c>zh</c> or <c>mixed</c>: Chinese with English words used as ordinary vocabulary is mixed; product names and acronyms are not.</summary>
    public static string LanguageOf(ReadOnlySpan<char> text)
    {
        var cjk = false;
        var lowerWord = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (CustomerExtractor.IsCjk(c))
            {
                cjk = true;
                i++;
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var start = i;
                var allLower = true;
                while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '\''))
                {
                    allLower &= !char.IsAsciiLetterUpper(text[i]);
                    i++;
                }

                var digitNext = i < text.Length && char.IsAsciiDigit(text[i]);
                var digitBefore = start > 0 && char.IsAsciiDigit(text[start - 1]);
                if (allLower && i - start >= 2 && !digitNext && !digitBefore)
                {
                    lowerWord = true;
                }

                continue;
            }

            i++;
        }

        return cjk ? (lowerWord ? "mixed" : "zh") : "en";
    }

    private static void Collect(string folded, List<PhraseHit> hits, Found cues)
    {
        var clauseStarts = ClauseStarts(folded);

        // First pass: the qualifiers (negators, denials, scope words) by clause.
        Span<int> negEnds = stackalloc int[32];
        var negCount = 0;
        foreach (var hit in hits)
        {
            var cue = EntryCues[hit.Entry];
            var clause = ClauseOf(clauseStarts, hit.Start);
            if (cue == Cue.NegEn)
            {
                if (negCount < negEnds.Length)
                {
                    negEnds[negCount++] = hit.End;
                }

                continue;
            }

            if (cue is Cue.DenyConcern or Cue.DenyChurn or Cue.NotPraise or Cue.NotAsk or Cue.Solved or Cue.Integration or Cue.Compare or Cue.Must
                or Cue.BareQuestion or Cue.Sarcasm or Cue.Haggle)
            {
                cues.Add(cue, clause);
            }
        }

        foreach (var hit in hits)
        {
            var cue = EntryCues[hit.Entry];
            if (cue is Cue.NegEn or Cue.DenyConcern or Cue.DenyChurn or Cue.NotPraise or Cue.NotAsk or Cue.Solved or Cue.Integration or Cue.Compare
                or Cue.Must or Cue.BareQuestion or Cue.Sarcasm or Cue.Haggle or Cue.Quality)
            {
                continue;
            }

            var clause = ClauseOf(clauseStarts, hit.Start);
            if (IsNegatable(cue) && IsNegated(folded, hit, clauseStarts[clause], negEnds[..negCount]))
            {
                continue;
            }

            cues.Add(cue, clause);
        }
    }

    private static bool IsNegatable(Cue cue) => cue is Cue.Pain or Cue.Objection or Cue.Churn or Cue.Praise or Cue.Ask or Cue.Want or Cue.NeedStrong;

    private static bool IsNegated(string folded, PhraseHit hit, int clauseStart, ReadOnlySpan<int> negEnds)
    {
        foreach (var end in negEnds)
        {
            if (end <= hit.Start && end >= clauseStart && hit.Start - end <= EnglishNegationReach)
            {
                return true;
            }
        }

        var from = Math.Max(clauseStart, hit.Start - ChineseNegationReach);
        for (var i = from; i < hit.Start; i++)
        {
            if (folded[i] is '不' or '没' or '无' or '非' or '别' or '未' or '免')
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<string> Decide(Found cues, bool sarcastic)
    {
        var denied = cues.Mask(Cue.DenyConcern);
        var solved = cues.Mask(Cue.Solved);

        var pain = (cues.Mask(Cue.Pain) & ~denied & ~solved) != 0;
        var objection = (cues.Mask(Cue.Objection) & ~denied) != 0;
        var churn = (cues.Mask(Cue.Churn) & ~denied) != 0 && !cues.Any(Cue.DenyChurn);

        var scenario = cues.Any(Cue.Situation) || (cues.Any(Cue.Role) && cues.Any(Cue.Task));

        var notAsk = cues.Mask(Cue.NotAsk);
        var ask = (cues.Mask(Cue.Ask) & ~notAsk) != 0
            || ((cues.Mask(Cue.Capability) & cues.Mask(Cue.Must) & ~notAsk) != 0)
            || (cues.Any(Cue.SoftAsk) && (pain || cues.Any(Cue.Want)));

        var pricing = cues.Any(Cue.Pricing);

        var integration = cues.Mask(Cue.Integration);
        var competitor = (cues.Mask(Cue.Competitor) & ~integration) != 0
            || ((cues.Mask(Cue.MaybeCompetitor) & ~integration) != 0 && cues.Any(Cue.Compare));

        var praise = !sarcastic && (cues.Mask(Cue.Praise) & ~cues.Mask(Cue.NotPraise)) != 0;

        if (sarcastic && !pain && !objection)
        {
            pain = true;
        }

        var tags = new List<string>(4);
        if (pain)
        {
            tags.Add(QuoteTags.Pain);
        }

        if (scenario)
        {
            tags.Add(QuoteTags.Scenario);
        }

        if (ask)
        {
            tags.Add(QuoteTags.FeatureRequest);
        }

        if (objection)
        {
            tags.Add(QuoteTags.Objection);
        }

        if (pricing)
        {
            tags.Add(QuoteTags.Pricing);
        }

        if (competitor)
        {
            tags.Add(QuoteTags.Competitor);
        }

        if (praise)
        {
            tags.Add(QuoteTags.Praise);
        }

        if (churn)
        {
            tags.Add(QuoteTags.ChurnRisk);
        }

        return tags;
    }

    private static Motive DecideMotive(Found cues, IReadOnlyList<string> tags)
    {
        var need = (2 * cues.Count(Cue.NeedStrong)) + cues.Count(Cue.Need);
        var want = cues.Count(Cue.Want) + cues.Count(Cue.Haggle);
        if (need == 0 && want == 0)
        {
            return Motive.Unclear;
        }

        return need >= want ? Motive.Need : Motive.Want;
    }

    private static bool IsIronic(IReadOnlyList<string> emphasised)
    {
        foreach (var span in emphasised)
        {
            var folded = PhraseMatcher.Fold(span);
            foreach (var word in IronyWords)
            {
                if (folded.Contains(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] IronyWords = [.. Lexicon.Entries().Where(e => e.Cue == Cue.Quality).Select(e => PhraseMatcher.Fold(e.Phrase))];

    private static List<int> ClauseStarts(string folded)
    {
        var starts = new List<int>(8) { 0 };
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var boundary = c switch
            {
                '。' or '!' or '?' or ';' or ',' or '—' or '–' or '\n' or '(' or ')' or '"' => true,
                '.' => i + 1 == folded.Length || folded[i + 1] == ' ',
                _ => false,
            };
            if (boundary && starts.Count <= MaxClauses)
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int ClauseOf(List<int> starts, int position)
    {
        var clause = 0;
        for (var i = 1; i < starts.Count && starts[i] <= position; i++)
        {
            clause = i;
        }

        return clause;
    }

    /// <summary>Which cues were found, in which clauses (one bit per clause), how often.</summary>
    private sealed class Found(int size)
    {
        private readonly ulong[] _masks = new ulong[size];
        private readonly int[] _counts = new int[size];

        public void Add(Cue cue, int clause)
        {
            _masks[(int)cue] |= 1UL << Math.Min(clause, MaxClauses);
            _counts[(int)cue]++;
        }

        public ulong Mask(Cue cue) => _masks[(int)cue];

        public bool Any(Cue cue) => _counts[(int)cue] > 0;

        public int Count(Cue cue) => _counts[(int)cue];
    }
}
