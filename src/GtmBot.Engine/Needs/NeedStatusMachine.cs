namespace GtmBot.Engine.Needs;

/// <summary>
/// The legal moves of a need: forward through new → under review → planned → in progress → shipped, one step back where
/// plans change (planned → under review, in progress → planned), and won't do from anywhere before shipped, with a reason.
/// A need declined can be reconsidered (won't do → under review). Shipped is final.
/// </summary>
public static class NeedStatusMachine
{
    private static readonly Dictionary<NeedStatus, NeedStatus[]> Moves = new()
    {
        [NeedStatus.New] = [NeedStatus.UnderReview, NeedStatus.Planned, NeedStatus.WontDo],
        [NeedStatus.UnderReview] = [NeedStatus.Planned, NeedStatus.WontDo],
        [NeedStatus.Planned] = [NeedStatus.InProgress, NeedStatus.UnderReview, NeedStatus.WontDo],
        [NeedStatus.InProgress] = [NeedStatus.Shipped, NeedStatus.Planned, NeedStatus.WontDo],
        [NeedStatus.Shipped] = [],
        [NeedStatus.WontDo] = [NeedStatus.UnderReview],
    };

    /// <summary>The statuses a need in <paramref name="from"/> may move to, in the order the card shows them.</summary>
    public static IReadOnlyList<NeedStatus> Next(NeedStatus from) => Moves[from];

    public static bool CanMove(NeedStatus from, NeedStatus to) => Moves[from].Contains(to);

    /// <summary>Won't do needs a reason: sales hear back why.</summary>
    public static bool NeedsReason(NeedStatus to) => to == NeedStatus.WontDo;
}
