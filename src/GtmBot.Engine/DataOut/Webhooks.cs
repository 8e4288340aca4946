using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine.DataOut;

/// <summary>Event types a webhook can subscribe to.</summary>
public static class WebhookEvents
{
    public const string QuoteCreated = "quote.created";
    public const string ThemeChanged = "theme.changed";

    public static IReadOnlyList<string> All { get; } = [QuoteCreated, ThemeChanged];
}

/// <summary>The JSON body of every webhook POST.</summary>
/// <param name="Id">Unique per event: receivers deduplicate retries by it.</param>
public sealed record WebhookEnvelope(string Id, string Type, DateTimeOffset CreatedAt, string Workspace, string Channel, JsonElement Data);

/// <summary>Data of a <c>theme.changed</c> event: <c>added</c>, <c>updated</c> or <c>removed</c>, the theme now and before.</summary>
public sealed record ThemeChange(string Change, ThemeDto? Theme, ThemeDto? Previous);

/// <summary>
/// The webhook signature, modelled on Stripe's and Slack's: header <c>X-GtmBot-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>
/// where v1 is HMAC-SHA256(secret, <c>"{t}.{body}"</c>). Receivers recompute it with a constant-time compare and refuse
/// a timestamp older than <see cref="Tolerance"/>, which stops replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-GtmBot-Signature";
    public const string EventHeader = "X-GtmBot-Event";
    public const string DeliveryHeader = "X-GtmBot-Delivery";

    /// <summary>How old a signed timestamp a receiver should accept.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => "whsec_" + ApiTokens.Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}")));
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(mac)}");
    }

    /// <summary>True when the header carries a valid v1 signature of the body with a timestamp within the tolerance.</summary>
    public static bool Verify(string secret, string? header, string body, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        long? t = null;
        string? v1 = null;
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim() == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
            {
                t = ts;
            }
            else if (kv.Length == 2 && kv[0].Trim() == "v1")
            {
                v1 = kv[1].Trim();
            }
        }

        if (t is null || v1 is null || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - t.Value) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, t.Value, body).Split("v1=")[1]);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(v1));
    }

    /// <summary>Checks a webhook URL: https, or http to loopback when <paramref name="allowLoopbackHttp"/> (development only).</summary>
    public static string? CheckUrl(string? url, bool allowLoopbackHttp)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return "not an absolute URL";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && allowLoopbackHttp && uri.IsLoopback)
        {
            return null;
        }

        return "not https";
    }
}

/// <summary>Puts webhook events in the outbox, one row per subscription, durable when this returns.</summary>
public sealed class WebhookPublisher(IWebhookStore webhooks, IOutbox outbox, TimeProvider clock)
{
    /// <summary>The subscriptions of the workspace that want <paramref name="type"/>.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> SubscribersAsync(string workspaceKey, string type, CancellationToken cancellationToken) =>
        [.. (await webhooks.ListAsync(workspaceKey, cancellationToken)).Where(s => s.Events.Contains(type))];

    public async Task PublishAsync(ConversationKey channel, string type, object data, IReadOnlyList<WebhookSubscription> subscribers, CancellationToken cancellationToken)
    {
        foreach (var s in subscribers)
        {
            var id = "evt_" + ApiTokens.Base64Url(RandomNumberGenerator.GetBytes(12));
            var envelope = new WebhookEnvelope(id, type, clock.GetUtcNow(), channel.WorkspaceKey, channel.Channel, JsonSerializer.SerializeToElement(data, DataOutJson.Options));
            var json = JsonSerializer.Serialize(envelope, DataOutJson.Compact);
            var route = new ConversationKey(OutboxRoutes.Webhook, s.WorkspaceKey, s.Id.ToString(CultureInfo.InvariantCulture));
            await outbox.EnqueueAsync(new OutboundMessage(route, new Reply([], json), id), cancellationToken);
        }
    }
}

/// <summary>
/// Raises <c>quote.created</c> and <c>theme.changed</c> around the quote store: every capture (slash command, shortcut,
/// API) goes through <see cref="IQuoteStore.AddAsync"/>, so no flow needs to know about webhooks. Themes are compared
/// before and after a write only when someone subscribed to <c>theme.changed</c>.
/// </summary>
/// <remarks>The event is enqueued right after the write, not in its transaction: a crash between the two loses the event.</remarks>
public sealed partial class EventingQuoteStore(IQuoteStore inner, WebhookPublisher publisher, ISettingsStore settings, ILogger<EventingQuoteStore> logger) : IQuoteStore
{
    private readonly ThemeReport _themes = new(inner, settings);

    public async Task<QuoteSave> AddAsync(ConversationKey channel, NewQuote quote, CancellationToken cancellationToken)
    {
        var created = await SubscribersAsync(channel, WebhookEvents.QuoteCreated, cancellationToken);
        var themed = await SubscribersAsync(channel, WebhookEvents.ThemeChanged, cancellationToken);
        var before = themed.Count > 0 ? await _themes.ComputeAsync(channel, cancellationToken) : null;
        var saved = await inner.AddAsync(channel, quote, cancellationToken);
        if (!saved.Added)
        {
            return saved;
        }

        if (created.Count > 0)
        {
            await publisher.PublishAsync(channel, WebhookEvents.QuoteCreated, QuoteDto.From(channel.Channel, saved.Quote), created, cancellationToken);
        }

        await PublishThemeChangesAsync(channel, before, themed, cancellationToken);
        return saved;
    }

    public Task<QuoteRecord?> GetAsync(ConversationKey channel, long id, CancellationToken cancellationToken) => inner.GetAsync(channel, id, cancellationToken);

    public Task<IReadOnlyList<QuoteRecord>> GetManyAsync(ConversationKey channel, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => inner.GetManyAsync(channel, ids, cancellationToken);

    public Task<QuoteRecord?> FindSameAsync(ConversationKey channel, string text, string? customer, CancellationToken cancellationToken) => inner.FindSameAsync(channel, text, customer, cancellationToken);

    public Task<QuoteRecord?> FindByMessageAsync(ConversationKey channel, string messageId, CancellationToken cancellationToken) => inner.FindByMessageAsync(channel, messageId, cancellationToken);

    public Task<IReadOnlyList<QuoteRecord>> ListAsync(ConversationKey channel, DateTimeOffset? since, int limit, CancellationToken cancellationToken) => inner.ListAsync(channel, since, limit, cancellationToken);

    public async Task<QuoteRecord?> CorrectAsync(ConversationKey channel, long id, QuoteCorrection correction, CancellationToken cancellationToken)
    {
        var themed = await SubscribersAsync(channel, WebhookEvents.ThemeChanged, cancellationToken);
        var before = themed.Count > 0 ? await _themes.ComputeAsync(channel, cancellationToken) : null;
        var result = await inner.CorrectAsync(channel, id, correction, cancellationToken);
        await PublishThemeChangesAsync(channel, before, themed, cancellationToken);
        return result;
    }

    public Task<QuoteRecord?> UpdateAutoTagsAsync(ConversationKey channel, long id, IReadOnlyList<string> tags, Motive motive, CancellationToken cancellationToken) =>
        inner.UpdateAutoTagsAsync(channel, id, tags, motive, cancellationToken);

    public async Task SetThemePriorityAsync(ConversationKey channel, ThemePriority priority, CancellationToken cancellationToken)
    {
        var themed = await SubscribersAsync(channel, WebhookEvents.ThemeChanged, cancellationToken);
        var before = themed.Count > 0 ? await _themes.ComputeAsync(channel, cancellationToken) : null;
        await inner.SetThemePriorityAsync(channel, priority, cancellationToken);
        await PublishThemeChangesAsync(channel, before, themed, cancellationToken);
    }

    public Task<IReadOnlyList<ThemePriority>> GetThemePrioritiesAsync(ConversationKey channel, CancellationToken cancellationToken) => inner.GetThemePrioritiesAsync(channel, cancellationToken);

    /// <summary>The themes that were added, changed their counts, motive, common mark or MoSCoW call, or disappeared.</summary>
    public static IReadOnlyList<ThemeChange> Diff(ThemesDto before, ThemesDto after)
    {
        var old = before.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var now = after.Themes.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var changes = new List<ThemeChange>();
        foreach (var t in after.Themes)
        {
            if (!old.TryGetValue(t.Key, out var o))
            {
                changes.Add(new ThemeChange("added", t, null));
            }
            else if (o.Mentions != t.Mentions || o.DistinctCustomers != t.DistinctCustomers || o.Common != t.Common || o.Motive != t.Motive || o.Moscow != t.Moscow)
            {
                changes.Add(new ThemeChange("updated", t, o));
            }
        }

        changes.AddRange(before.Themes.Where(o => !now.ContainsKey(o.Key)).Select(o => new ThemeChange("removed", null, o)));
        return changes;
    }

    private async Task<IReadOnlyList<WebhookSubscription>> SubscribersAsync(ConversationKey channel, string type, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.SubscribersAsync(channel.WorkspaceKey, type, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The capture matters more than its notification: a failing look-up must not refuse the quote.
            Log.LookupFailed(logger, e);
            return [];
        }
    }

    private async Task PublishThemeChangesAsync(ConversationKey channel, ThemesDto? before, IReadOnlyList<WebhookSubscription> subscribers, CancellationToken cancellationToken)
    {
        if (before is null || subscribers.Count == 0)
        {
            return;
        }

        var after = await _themes.ComputeAsync(channel, cancellationToken);
        foreach (var change in Diff(before, after))
        {
            await publisher.PublishAsync(channel, WebhookEvents.ThemeChanged, change, subscribers, cancellationToken);
        }
    }
}
