using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Summaries;

namespace GtmBot.Host.Summaries;

/// <summary>
/// Summarizes stored requests in the background: claims one from the database (a lease, so a restart or a second
/// instance resumes it exactly once), runs the LLM or offline summarizer, stores the result and queues it in the outbox.
/// </summary>
public sealed partial class SummaryWorker(
    ISummaryStore store,
    ISummarizer summarizer,
    HeuristicSummarizer offline,
    IOutbox outbox,
    IEnumerable<IPlatformMessenger> messengers,
    TimeProvider clock,
    ILogger<SummaryWorker> logger) : BackgroundService
{
    /// <summary>How often to look for new requests when idle.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A claim outlives the slowest LLM path (chunks × timeout) before another instance may retry it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>How often the "working" indicator is renewed while a summary runs (Teams shows typing for about 3 s).</summary>
    public static readonly TimeSpan WorkingInterval = TimeSpan.FromSeconds(3);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SummaryFailed(logger, e);
                worked = false;
            }

            if (!worked)
            {
                await Task.Delay(PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles one pending request; false when there was none.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimNextAsync(_owner, clock.GetUtcNow(), Lease, cancellationToken);
        if (claimed is null)
        {
            return false;
        }

        var request = claimed.Request;
        var options = new SummaryOptions(request.Language);
        FeedbackSummary result;
        using (var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var indicator = ShowWorkingAsync(request.Conversation, working.Token, cancellationToken);
            try
            {
                result = request.UseLlm
                    ? await summarizer.SummarizeAsync(request.Text, options, cancellationToken)
                    : await offline.SummarizeAsync(request.Text, options, cancellationToken);
            }
            finally
            {
                await working.CancelAsync();
                await indicator;
            }
        }

        // The result replaces the "Summarizing…" message the request posted (same artefact key, same conversation).
        // Queued before the request is marked done: a crash in between runs the request again, and the second enqueue is a
        // no-op (same idempotency key), where the other order would leave a stored result that is never delivered.
        await outbox.EnqueueAsync(new OutboundMessage(request.Conversation.ChannelOnly, SummaryFlow.RenderResult(result, claimed.Id), $"summary:{claimed.Id}"), cancellationToken);
        await store.CompleteAsync(claimed.Id, result, clock.GetUtcNow(), cancellationToken);
        Log.SummaryDone(logger, claimed.Id, result.Summarizer, result.FellBack, result.Themes.Count);
        return true;
    }

    /// <summary>Renews the platform's "working" indicator until the summary is done; a failed indicator is logged, never fatal.</summary>
    /// <param name="conversation">Where the summary was asked for.</param>
    /// <param name="done">Cancelled when the summary is done: no further indicator.</param>
    /// <param name="cancellationToken">Shutdown: an indicator already on its way is abandoned.</param>
    private async Task ShowWorkingAsync(ConversationKey conversation, CancellationToken done, CancellationToken cancellationToken)
    {
        var messenger = messengers.FirstOrDefault(m => m.Platform == conversation.Platform);
        if (messenger is null)
        {
            return;
        }

        while (!done.IsCancellationRequested)
        {
            try
            {
                await messenger.ShowWorkingAsync(conversation, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.WorkingIndicatorFailed(logger, conversation.Platform, e);
                return;
            }
            catch (OperationCanceledException)
            {
                // Shutting down.
                return;
            }

            await Task.Delay(WorkingInterval, clock, done).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
