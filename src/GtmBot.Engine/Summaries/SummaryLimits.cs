namespace GtmBot.Engine.Summaries;

/// <summary>Limits of the summaries feature.</summary>
public static class SummaryLimits
{
    /// <summary>Largest paste we summarize, in characters (about 25,000 words or 100,000 Chinese characters).</summary>
    public const int MaxInputChars = 100_000;
}
