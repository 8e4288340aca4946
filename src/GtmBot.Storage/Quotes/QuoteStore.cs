using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage.Writes;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Storage.Quotes;

/// <summary>EF implementation of <see cref="IQuoteStore"/>: every query is scoped by workspace key and channel.</summary>
internal sealed class QuoteStore(IGtmDbFactory db, GroupCommitWriter writer, TimeProvider clock) : IQuoteStore, ITagExampleStore, IQuoteSearch
{
    /// <summary>
    /// The tagger reads a workspace's corrected quotes on every capture (three queries), so they are cached this long. A
    /// correction made through this store drops the workspace's entry at once; one made by another instance is seen within this time.
    /// </summary>
    public static readonly TimeSpan CorrectedCacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Workspaces whose corrected examples are cached at once.</summary>
    public const int MaxCachedWorkspaces = 10_000;

    private readonly ExpiringCache<string, (int Limit, IReadOnlyList<QuoteRecord> Quotes)> _corrected = new(clock, CorrectedCacheLifetime, MaxCachedWorkspaces, StringComparer.Ordinal);

    /// <summary>Candidates read per round trip of a search; the exact filter runs over each chunk.</summary>
    internal const int SearchChunk = 500;

    /// <summary>Most candidates one search reads before it answers with what it found (bounds a search that matches almost nothing).</summary>
    internal const int MaxSearchCandidates = 50_000;

    public async Task<QuoteSave> AddAsync(ConversationKey channel, NewQuote quote, CancellationToken cancellationToken)
    {
        // Committed with whatever other requests are writing at the same moment; the id is read after the commit. A fresh
        // row per attempt: a batch that failed is retried unit by unit. No read before the write: the unique fingerprint
        // refuses the same quote twice, even from two requests in the same batch or on two PostgreSQL writers.
        var fingerprint = QuoteFingerprint.Of(quote.Text, quote.Customer);
        try
        {
            var saved = await writer.WriteDirectAsync<QuoteRecord>(
                batch =>
                {
                    var row = NewRow(channel, quote);
                    row.Fingerprint = fingerprint;
                    if (batch.Direct)
                    {
                        row.Id = QuoteInsert.Run(batch, row);
                    }
                    else
                    {
                        batch.Context.Add(row);
                    }

                    return () => ToRecord(row, []);
                },
                cancellationToken);
            return new QuoteSave(saved, Added: true);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Not a repeat after all (a row too long, a lost connection): the write's own error stands.
            var existing = await FindByFingerprintAsync(channel, fingerprint, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return new QuoteSave(existing, Added: false);
        }
    }

    public async Task<QuoteSearchResult> SearchAsync(QuoteSearch search, CancellationToken cancellationToken)
    {
        var countUpTo = Math.Max(search.Limit, search.CountUpTo ?? search.Limit);
        if (search.Limit <= 0)
        {
            return new QuoteSearchResult([], 0);
        }

        await using var ctx = db.Create();
        await ctx.Database.OpenConnectionAsync(cancellationToken);
        var connection = ctx.Database.GetDbConnection();
        var drive = await QuoteSearchSql.ChooseIndexedKeywordAsync(connection, db.Provider, search, cancellationToken);
        var capturers = search.By is { } by ? await QuoteSearchSql.CapturersNamedAsync(connection, search.WorkspaceKey, by, cancellationToken) : null;
        if (QuoteSearchSql.DecidedBySql(search))
        {
            return await SearchBySqlAsync(ctx, connection, search, drive, capturers, countUpTo, cancellationToken);
        }

        // Tags and motives need people's corrections, so those searches read whole quotes; the others decide on the text,
        // customer and capturer (as QuoteSearch.Matches does) and read whole quotes only for the ones returned.
        var whole = search.Tag is not null || search.Motive is not null;
        var quick = search with { Tag = null, Motive = null };
        var shown = new List<long>();
        var records = new Dictionary<long, ChannelQuote>();
        var matched = 0;
        (object At, long Id)? after = null;
        for (var scanned = 0; scanned < MaxSearchCandidates && matched < countUpTo;)
        {
            var candidates = new List<QuoteSearchSql.Candidate>();
            await using (var cmd = connection.CreateCommand())
            {
                QuoteSearchSql.Bind(cmd, QuoteSearchSql.Candidates(db.Provider, search, drive, after, SearchChunk, capturers: capturers));
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    candidates.Add(QuoteSearchSql.Read(reader));
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            scanned += candidates.Count;
            after = (candidates[^1].RawAt, candidates[^1].Id);
            var passing = candidates.Where(c => quick.Matches(c.Sketch)).Select(c => c.Id).ToList();
            if (whole)
            {
                var loaded = await LoadManyAsync(ctx, search.WorkspaceKey, passing, cancellationToken);
                passing = [.. passing.Where(id => loaded.TryGetValue(id, out var q) && search.Matches(q.Quote))];
                foreach (var id in passing.Take(search.Limit - shown.Count))
                {
                    records[id] = loaded[id];
                }
            }

            foreach (var id in passing)
            {
                if (matched == countUpTo)
                {
                    break;
                }

                matched++;
                if (shown.Count < search.Limit)
                {
                    shown.Add(id);
                }
            }

            if (candidates.Count < SearchChunk)
            {
                break;
            }
        }

        var missing = shown.Where(id => !records.ContainsKey(id)).ToList();
        foreach (var (id, quote) in await LoadManyAsync(ctx, search.WorkspaceKey, missing, cancellationToken))
        {
            records[id] = quote;
        }

        return new QuoteSearchResult([.. shown.Where(records.ContainsKey).Select(id => records[id])], matched);
    }

    /// <summary>A search the SQL decides alone: one query for the quotes shown, one counting the matches.</summary>
    private async Task<QuoteSearchResult> SearchBySqlAsync(GtmDbContext ctx, System.Data.Common.DbConnection connection, QuoteSearch search, string? drive, IReadOnlyList<string>? capturers, int countUpTo, CancellationToken cancellationToken)
    {
        var shown = new List<long>();
        await using (var cmd = connection.CreateCommand())
        {
            QuoteSearchSql.Bind(cmd, QuoteSearchSql.Candidates(db.Provider, search, drive, null, search.Limit, capturers: capturers));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shown.Add(reader.GetInt64(0));
            }
        }

        var matched = shown.Count;
        if (countUpTo > search.Limit && shown.Count == search.Limit)
        {
            await using var cmd = connection.CreateCommand();
            QuoteSearchSql.Bind(cmd, QuoteSearchSql.Candidates(db.Provider, search, drive, null, search.Limit, countUpTo, capturers));
            matched = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var records = await LoadManyAsync(ctx, search.WorkspaceKey, shown, cancellationToken);
        return new QuoteSearchResult([.. shown.Where(records.ContainsKey).Select(id => records[id])], matched);
    }

    private static async Task<Dictionary<long, ChannelQuote>> LoadManyAsync(GtmDbContext ctx, string workspaceKey, List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await ctx.Set<QuoteEntity>().AsNoTracking().Where(q => q.WorkspaceKey == workspaceKey && ids.Contains(q.Id)).ToListAsync(cancellationToken);
        var corrections = (await ctx.Set<QuoteCorrectionEntity>().AsNoTracking().Where(c => c.WorkspaceKey == workspaceKey && ids.Contains(c.QuoteId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.QuoteId);
        return rows.ToDictionary(q => q.Id, q => new ChannelQuote(q.Channel, ToRecord(q, corrections[q.Id])));
    }

    public async Task<IReadOnlyList<string>> ListCustomersAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await Quotes(ctx, channel).Where(q => q.Customer != null).Select(q => q.Customer!).Distinct().ToListAsync(cancellationToken);
    }

    public Task<QuoteRecord?> FindSameAsync(ConversationKey channel, string text, string? customer, CancellationToken cancellationToken) =>
        FindByFingerprintAsync(channel, QuoteFingerprint.Of(text, customer), cancellationToken);

    private async Task<QuoteRecord?> FindByFingerprintAsync(ConversationKey channel, string fingerprint, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var id = await Quotes(ctx, channel).Where(q => q.Fingerprint == fingerprint).Select(q => (long?)q.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await LoadAsync(ctx, channel, id.Value, cancellationToken);
    }

    internal static QuoteEntity NewRow(ConversationKey channel, NewQuote quote) => new()
    {
        WorkspaceKey = channel.WorkspaceKey,
        Channel = channel.Channel,
        Text = quote.Text,
        Customer = quote.Customer,
        Language = quote.Language,
        CapturedBy = quote.Origin.CapturedBy,
        CapturedByName = quote.Origin.CapturedByName,
        Author = quote.Origin.Author,
        AuthorName = quote.Origin.AuthorName,
        Permalink = quote.Origin.Permalink,
        MessageId = quote.Origin.MessageId,
        Source = quote.Origin.Source,
        CapturedAt = quote.CapturedAt,
        AutoTags = string.Join(',', quote.AutoTags),
        AutoMotive = MotiveNames.Name(quote.AutoMotive),
        SuggestedTags = quote.SuggestedTags is { Count: > 0 } suggested ? string.Join(',', suggested) : null,
        TaggedAt = quote.CapturedAt,
        SearchText = QuoteQuery.SearchText(quote.Text, quote.Customer),
    };

    public async Task<QuoteRecord?> GetAsync(ConversationKey channel, long id, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        return await LoadAsync(ctx, channel, id, cancellationToken);
    }

    public async Task<IReadOnlyList<QuoteRecord>> GetManyAsync(ConversationKey channel, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var ctx = db.Create();
        var rows = await Quotes(ctx, channel).Where(q => ids.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        var found = rows.Select(q => q.Id).ToList();
        var corrections = (await Corrections(ctx, channel).Where(c => found.Contains(c.QuoteId)).ToListAsync(cancellationToken)).ToLookup(c => c.QuoteId);
        return [.. rows.Select(q => ToRecord(q, corrections[q.Id]))];
    }

    public async Task<QuoteRecord?> FindByMessageAsync(ConversationKey channel, string messageId, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var id = await Quotes(ctx, channel).Where(q => q.MessageId == messageId).OrderBy(q => q.Id).Select(q => (long?)q.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await LoadAsync(ctx, channel, id.Value, cancellationToken);
    }

    public async Task<IReadOnlyList<QuoteRecord>> ListAsync(ConversationKey channel, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var query = Quotes(ctx, channel);
        var rows = await query.ToListAsync(cancellationToken);

        // Filtered and ordered in memory: SQLite cannot order by DateTimeOffset, and a channel's quotes are few.
        var selected = rows.Where(q => since is null || q.CapturedAt >= since.Value)
            .OrderByDescending(q => q.CapturedAt).ThenByDescending(q => q.Id)
            .Take(limit)
            .ToList();
        var ids = selected.Select(q => q.Id).ToList();
        var corrections = await Corrections(ctx, channel).Where(c => ids.Contains(c.QuoteId)).ToListAsync(cancellationToken);
        var byQuote = corrections.ToLookup(c => c.QuoteId);
        return [.. selected.Select(q => ToRecord(q, byQuote[q.Id]))];
    }

    public async Task<QuoteRecord?> CorrectAsync(ConversationKey channel, long id, QuoteCorrection correction, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        if (!await Quotes(ctx, channel).AnyAsync(q => q.Id == id, cancellationToken))
        {
            return null;
        }

        ctx.Add(new QuoteCorrectionEntity
        {
            WorkspaceKey = channel.WorkspaceKey,
            Channel = channel.Channel,
            QuoteId = id,
            Field = correction.Field,
            Value = correction.Value,
            By = correction.By,
            ByName = correction.ByName,
            At = correction.At,
        });
        await SaveChangeAsync(ctx, channel, cancellationToken);
        return await LoadAsync(ctx, channel, id, cancellationToken);
    }

    public async Task<QuoteRecord?> UpdateAutoTagsAsync(ConversationKey channel, long id, IReadOnlyList<string> tags, Motive motive, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await Quotes(ctx, channel).AsTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        row.AutoTags = string.Join(',', tags);
        row.AutoMotive = MotiveNames.Name(motive);
        row.TaggedAt = clock.GetUtcNow();
        await SaveChangeAsync(ctx, channel, cancellationToken);
        return await LoadAsync(ctx, channel, id, cancellationToken);
    }

    public async Task<IReadOnlyList<QuoteRecord>> ListCorrectedAsync(string workspaceKey, int limit, CancellationToken cancellationToken)
    {
        if (_corrected.TryGet(workspaceKey, out var cached) && cached.Limit == limit)
        {
            return cached.Quotes;
        }

        var removals = _corrected.Removals;
        var quotes = await LoadCorrectedAsync(workspaceKey, limit, cancellationToken);
        _corrected.SetUnlessRemovedSince(removals, workspaceKey, (limit, quotes));
        return quotes;
    }

    /// <summary>
    /// Saves a change to a channel's quotes (a correction, a re-tag) and the bump that marks the channel's insights snapshot
    /// behind, in one transaction. The workspace's cached corrected examples are dropped whether it committed or not.
    /// </summary>
    private async Task SaveChangeAsync(GtmDbContext ctx, ConversationKey channel, CancellationToken cancellationToken)
    {
        try
        {
            await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
            await ctx.SaveChangesAsync(cancellationToken);
            await InsightsStore.BumpAsync(ctx, channel, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            _corrected.Remove(channel.WorkspaceKey);
        }
    }

    private async Task<IReadOnlyList<QuoteRecord>> LoadCorrectedAsync(string workspaceKey, int limit, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var corrections = ctx.Set<QuoteCorrectionEntity>().AsNoTracking().Where(c => c.WorkspaceKey == workspaceKey);
        var ids = await corrections.GroupBy(c => c.QuoteId).Select(g => new { QuoteId = g.Key, Last = g.Max(c => c.Id) })
            .OrderByDescending(g => g.Last).Take(limit).Select(g => g.QuoteId).ToListAsync(cancellationToken);
        var rows = await ctx.Set<QuoteEntity>().AsNoTracking().Where(q => q.WorkspaceKey == workspaceKey && ids.Contains(q.Id)).ToListAsync(cancellationToken);
        var byQuote = (await corrections.Where(c => ids.Contains(c.QuoteId)).ToListAsync(cancellationToken)).ToLookup(c => c.QuoteId);
        return [.. rows.OrderBy(q => q.Id).Select(q => ToRecord(q, byQuote[q.Id]))];
    }

    public async Task SetThemePriorityAsync(ConversationKey channel, ThemePriority priority, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var row = await ctx.Set<QuoteThemePriorityEntity>()
            .FirstOrDefaultAsync(p => p.WorkspaceKey == channel.WorkspaceKey && p.Channel == channel.Channel && p.ThemeKey == priority.ThemeKey, cancellationToken);
        if (row is null)
        {
            row = new QuoteThemePriorityEntity { WorkspaceKey = channel.WorkspaceKey, Channel = channel.Channel, ThemeKey = priority.ThemeKey, Priority = string.Empty, SetBy = string.Empty };
            ctx.Add(row);
        }

        row.Priority = priority.Priority.ToString();
        row.SetBy = priority.SetBy;
        row.SetAt = priority.SetAt;
        await ctx.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ThemePriority>> GetThemePrioritiesAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        await using var ctx = db.Create();
        var rows = await ctx.Set<QuoteThemePriorityEntity>().AsNoTracking()
            .Where(p => p.WorkspaceKey == channel.WorkspaceKey && p.Channel == channel.Channel)
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => Enum.TryParse<Moscow>(r.Priority, out _)).Select(r => new ThemePriority(r.ThemeKey, Enum.Parse<Moscow>(r.Priority), r.SetBy, r.SetAt))];
    }

    private static IQueryable<QuoteEntity> Quotes(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<QuoteEntity>().AsNoTracking().Where(q => q.WorkspaceKey == channel.WorkspaceKey && q.Channel == channel.Channel);

    private static IQueryable<QuoteCorrectionEntity> Corrections(GtmDbContext ctx, ConversationKey channel) =>
        ctx.Set<QuoteCorrectionEntity>().AsNoTracking().Where(c => c.WorkspaceKey == channel.WorkspaceKey && c.Channel == channel.Channel);

    private static async Task<QuoteRecord?> LoadAsync(GtmDbContext ctx, ConversationKey channel, long id, CancellationToken cancellationToken)
    {
        var row = await Quotes(ctx, channel).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var corrections = await Corrections(ctx, channel).Where(c => c.QuoteId == id).ToListAsync(cancellationToken);
        return ToRecord(row, corrections);
    }

    internal static QuoteRecord ToRecord(QuoteEntity q, IEnumerable<QuoteCorrectionEntity> corrections) => new(
        q.Id,
        q.Text,
        q.Customer,
        q.Language,
        new QuoteOrigin(q.CapturedBy, q.CapturedByName, q.Author, q.AuthorName, q.Permalink, q.MessageId, q.Source),
        q.CapturedAt,
        [.. q.AutoTags.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        MotiveNames.TryParse(q.AutoMotive, out var m) ? m : Motive.Unclear,
        [.. corrections.OrderBy(c => c.Id).Select(c => new QuoteCorrection(c.Field, c.Value, c.By, c.ByName, c.At))],
        q.SuggestedTags is null ? null : [.. q.SuggestedTags.Split(',', StringSplitOptions.RemoveEmptyEntries)]);
}
