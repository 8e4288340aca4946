using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Engine.Themes;

namespace GtmBot.Engine.Needs;

/// <summary>The evidence behind a need and the score it adds up to.</summary>
/// <param name="Customers">Distinct attributed customers among the linked quotes (the frequency F).</param>
/// <param name="Arr">ARR of those customers that have a profile.</param>
/// <param name="Renewals">Those customers renewing within <see cref="NeedPriority.RenewalWindowDays"/> days.</param>
/// <param name="ChurnQuotes">Distinct linked quotes tagged churn risk.</param>
/// <param name="Importance">I = 1 + log10(1 + ARR / 10,000) + 0.5 × renewals + 0.5 × churn-risk quotes.</param>
/// <param name="Feasibility">E from the effort: S 1, M 0.75, L 0.5, XL 0.25 (M when not set).</param>
/// <param name="Score">F × I × E, rounded to one decimal.</param>
/// <param name="Suggested">The MoSCoW call the score suggests.</param>
public sealed record NeedScore(int Customers, decimal Arr, int Renewals, int ChurnQuotes, double Importance, double Feasibility, double Score, Moscow Suggested);

/// <summary>
/// Priority from evidence, one documented score: <c>score = F × I × E</c>, where
/// F (frequency) = distinct customers among the linked quotes — a quote without a customer is not a customer, and the same
/// customer saying the same thing twice counts once;
/// I (importance) = 1 + log10(1 + ARR behind / 10,000) + 0.5 × customers renewing within 90 days + 0.5 × distinct churn-risk quotes
/// (ARR and renewal dates from the customer profiles, matched to the quotes' customers by the key the themes and segments use,
/// <see cref="ThemeEngine.NormalizeCustomer"/>: case, spacing and punctuation aside, so "Acme Inc." finds the profile "Acme Inc");
/// E (feasibility) = 1 for effort S, 0.75 for M (also when not yet estimated), 0.5 for L, 0.25 for XL.
/// The suggested MoSCoW is Must from <see cref="MustScore"/> when at least the channel's common threshold of customers is behind it
/// (a Must rests on a common need), Should from <see cref="ShouldScore"/>, Could from <see cref="CouldScore"/>, else Won't.
/// </summary>
public static class NeedPriority
{
    /// <summary>Renewals this close count as importance.</summary>
    public const int RenewalWindowDays = 90;

    /// <summary>ARR is read in steps of this much: log10(1 + ARR / unit).</summary>
    public const double ArrUnit = 10_000;

    /// <summary>Weight of each customer renewing soon and of each churn-risk quote.</summary>
    public const double SignalWeight = 0.5;

    public const double MustScore = 6;
    public const double ShouldScore = 3;
    public const double CouldScore = 1;

    /// <summary>E for an effort; M when not estimated.</summary>
    public static double Feasibility(Effort? effort) => effort switch
    {
        Needs.Effort.S => 1.0,
        Needs.Effort.L => 0.5,
        Needs.Effort.XL => 0.25,
        _ => 0.75,
    };

    /// <summary>The score of a need from its linked quotes.</summary>
    /// <param name="quotes">The linked quotes (ids that no longer exist already left out).</param>
    /// <param name="profiles">The workspace's customer profiles.</param>
    /// <param name="effort">The need's effort, if estimated.</param>
    /// <param name="today">Today, for the renewal window.</param>
    /// <param name="commonThreshold">Distinct customers that make a need common (the channel's insights threshold).</param>
    public static NeedScore Compute(IReadOnlyList<QuoteRecord> quotes, IReadOnlyList<CustomerProfile> profiles, Effort? effort, DateOnly today, int commonThreshold)
    {
        var byName = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        foreach (var p in profiles)
        {
            byName[ThemeEngine.NormalizeCustomer(p.Name)] = p;
        }

        var customers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in quotes.Where(q => !string.IsNullOrWhiteSpace(q.Customer)))
        {
            customers.TryAdd(ThemeEngine.NormalizeCustomer(q.Customer!), q.Customer!.Trim());
        }

        decimal arr = 0;
        var renewals = 0;
        foreach (var key in customers.Keys)
        {
            if (!byName.TryGetValue(key, out var profile))
            {
                continue;
            }

            arr += profile.Arr is > 0 ? profile.Arr.Value : 0;
            if (profile.Renewal is DateOnly renewal && renewal >= today && renewal.DayNumber - today.DayNumber <= RenewalWindowDays)
            {
                renewals++;
            }
        }

        var churn = quotes.Where(q => q.HasTag(QuoteTags.ChurnRisk))
            .Select(q => QuoteFingerprint.Key(q.Text, q.Customer))
            .Distinct(StringComparer.Ordinal)
            .Count();
        var importance = 1 + Math.Log10(1 + ((double)arr / ArrUnit)) + (SignalWeight * renewals) + (SignalWeight * churn);
        var feasibility = Feasibility(effort);
        var score = Math.Round(customers.Count * importance * feasibility, 1, MidpointRounding.AwayFromZero);
        var suggested = score >= MustScore && customers.Count >= commonThreshold ? Moscow.Must
            : score >= ShouldScore ? Moscow.Should
            : score >= CouldScore ? Moscow.Could
            : Moscow.Wont;
        return new NeedScore(customers.Count, arr, renewals, churn, importance, feasibility, score, suggested);
    }
}
