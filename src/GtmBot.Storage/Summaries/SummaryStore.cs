using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Summaries;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Summaries;

internal sealed class SummaryStore(IGtmDbFactory db) : ISummaryStore
{
    /// <summary>Candidates looked at per claim; a lost race moves on to the next.</summary>
    private const int ClaimCandidates = 5;

    public async Task<long> AddAsync(NewSummaryRequest request, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = new SummaryRequestEntity
        {
            WorkspaceKey = request.Conversation.WorkspaceKey,
            Channel = request.Conversation.Channel,
            ConversationJson = JsonSerializer.Serialize(request.Conversation, StorageJson.Options),
            UserId = request.UserId,
            Text = request.Text,
            Language = request.Language,
            UseLlm = request.UseLlm,
            UiLang = Culture.Code(request.UiLang),
            CreatedAt = request.CreatedAt,
        };
        ctx.Add(row);
        await ctx.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    public async Task<SummaryRequest?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var set = ctx.Set<SummaryRequestEntity>();
        // Pending rows are few; filtering the lease client-side keeps DateTimeOffset comparisons portable across providers.
        var candidates = (await set.AsNoTracking()
                .Where(r => r.CompletedAt == null)
                .OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.LeaseUntil })
                .Take(ClaimCandidates * 20)
                .ToListAsync(cancellationToken))
            .Where(r => r.LeaseUntil is null || r.LeaseUntil < now)
            .Take(ClaimCandidates);
        foreach (var candidate in candidates)
        {
            var previous = candidate.LeaseUntil;
            // The conditional update is the claim: only one instance sees one affected row.
            var claimed = await set
                .Where(r => r.Id == candidate.Id && r.CompletedAt == null && r.LeaseUntil == previous)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.LeaseUntil, now + lease).SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.Attempts, r => r.Attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                var row = await set.AsNoTracking().FirstAsync(r => r.Id == candidate.Id, cancellationToken);
                return ToRecord(row);
            }
        }

        return null;
    }

    public async Task CompleteAsync(long id, FeedbackSummary result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var json = JsonSerializer.Serialize(result, StorageJson.Options);
        await ctx.Set<SummaryRequestEntity>()
            .Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultJson, json).SetProperty(r => r.CompletedAt, now).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task<SummaryRequest?> GetAsync(ConversationKey channel, long id, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<SummaryRequestEntity>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.WorkspaceKey == channel.WorkspaceKey && r.Channel == channel.Channel && r.Id == id, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    private static SummaryRequest ToRecord(SummaryRequestEntity row)
    {
        var conversation = JsonSerializer.Deserialize<ConversationKey>(row.ConversationJson, StorageJson.Options)!;
        var request = new NewSummaryRequest(conversation, row.UserId, row.Text, row.Language, row.UseLlm, Culture.Parse(row.UiLang) ?? Lang.En, row.CreatedAt);
        var result = row.ResultJson is null ? null : JsonSerializer.Deserialize<FeedbackSummary>(row.ResultJson, StorageJson.Options);
        return new SummaryRequest(row.Id, request, result, row.CompletedAt);
    }
}
