namespace GtmBot.Teams;

/// <summary>
/// The time one activity's HTTP answer may take, and who gives that answer: the handling, when it finishes in time, or the
/// "still working" notice, when the budget runs out first. Exactly one of them wins (<see cref="TryFinish"/> against
/// <see cref="TryExpire"/>); once the budget has run out, whatever the handling still has to send goes to the outbox.
/// </summary>
internal sealed class ResponseBudget(TimeSpan length)
{
    /// <summary>
    /// The Bot Framework Service gives up on a bot after 10 to 15 seconds, depending on the channel (Teams: 15 s), and
    /// reports a 504 to the client: the answer leaves well before.
    /// </summary>
    /// <see href="https://learn.microsoft.com/azure/bot-service/bot-builder-howto-long-operations-guidance"/>
    public static readonly TimeSpan PlatformDeadline = TimeSpan.FromSeconds(15);

    /// <summary>The default budget: under the shortest deadline of any channel (10 s), with room for the network.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(8);

    private const int Running = 0;
    private const int Finished = 1;
    private const int Expired = 2;
    private int _state;

    public TimeSpan Length { get; } = length;

    /// <summary>The answer has gone without the handling's result: what it still produces is delivered through the outbox.</summary>
    public bool IsExpired => Volatile.Read(ref _state) == Expired;

    /// <summary>The handling claims the HTTP answer; false when the budget ran out first.</summary>
    public bool TryFinish() => Interlocked.CompareExchange(ref _state, Finished, Running) != Expired;

    /// <summary>The budget claims the HTTP answer; false when the handling finished first.</summary>
    public bool TryExpire() => Interlocked.CompareExchange(ref _state, Expired, Running) != Finished;
}
