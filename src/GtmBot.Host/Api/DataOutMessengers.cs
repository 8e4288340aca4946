using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Api;

/// <summary>
/// Delivers <see cref="OutboxRoutes.Export"/> rows: Slack gets the file through its upload flow; Teams and the local page get a
/// message with a short-lived signed download link served by the bot. Errors are <see cref="DeliveryException"/>s, so the
/// outbox retries, honours Retry-After and dead-letters as for any message.
/// </summary>
internal sealed class ExportMessenger(
    IExportStore exports,
    IEnumerable<IPlatformFileSender> fileSenders,
    IServiceProvider services,
    DownloadLinks links,
    ISettingsStore settings,
    ILogger<ExportMessenger> logger) : IPlatformMessenger
{
    public string Platform => OutboxRoutes.Export;

    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        var channel = OutboxRoutes.ChannelOf(conversation);
        if (!long.TryParse(reply.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var fileId)
            || await exports.GetFileAsync(channel.WorkspaceKey, fileId, cancellationToken) is not { } file)
        {
            throw new DeliveryException($"Export file '{reply.Text}' is gone.", permanent: true);
        }

        var lang = await settings.GetWorkspaceLanguageAsync(channel.WorkspaceKey, cancellationToken) ?? Lang.En;
        string id;
        if (fileSenders.LastOrDefault(s => s.Platform == channel.Platform) is { } sender)
        {
            id = await sender.SendFileAsync(channel, file, DataOutStrings.ExportPosted.Format(lang, file.Title), cancellationToken);
        }
        else
        {
            // The messengers are resolved here, not injected: this messenger is one of them.
            var messenger = services.GetServices<IPlatformMessenger>().LastOrDefault(m => m.Platform == channel.Platform)
                ?? throw new DeliveryException($"No messenger is registered for platform '{channel.Platform}'.", permanent: false);
            var (url, expires) = await links.CreateAsync(file, cancellationToken);
            if (file.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                // A picture (the insights chart) is shown, not offered as a download: an Adaptive Card Image, an <img> on the local page.
                var caption = DataOutStrings.ImageLink.Format(lang, expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                id = await messenger.DeliverAsync(channel, new Reply([new ImageBlock(url.ToString(), file.Title), new ContextBlock(caption)], file.Title), null, cancellationToken);
                Log.ExportDelivered(logger, file.Id, file.Content.Length, channel.Platform, channel.Channel);
                return id;
            }

            var text = DataOutStrings.ExportLink.Format(lang, Markup.Escape(file.FileName), ExportLimits.Size(file.Content.Length), expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(url.ToString()));
            id = await messenger.DeliverAsync(channel, new Reply([new TextBlock(text)], Markup.ToPlainText(text)), null, cancellationToken);
        }

        Log.ExportDelivered(logger, file.Id, file.Content.Length, channel.Platform, channel.Channel);
        return id;
    }
}

/// <summary>
/// Delivers <see cref="OutboxRoutes.Webhook"/> rows: POSTs the event JSON to the subscription's URL, signed at send time
/// (<see cref="WebhookSignature"/>). 2xx is done; 429 and 5xx are retried (Retry-After honoured); other answers and a removed
/// subscription go to the dead letter.
/// </summary>
internal sealed class WebhookMessenger(IWebhookStore webhooks, IHttpClientFactory http, IOptions<ApiOptions> options, TimeProvider clock, ILogger<WebhookMessenger> logger) : IPlatformMessenger
{
    public const string HttpClientName = "webhooks";

    public string Platform => OutboxRoutes.Webhook;

    public async Task<string> DeliverAsync(ConversationKey conversation, Reply reply, string? existingMessageId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(conversation.Channel, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await webhooks.GetAsync(conversation.Workspace, id, cancellationToken) is not { } subscription)
        {
            throw new DeliveryException($"Webhook subscription {conversation.Channel} was removed.", permanent: true);
        }

        var body = reply.Text;
        string eventId, type;
        using (var doc = JsonDocument.Parse(body))
        {
            eventId = doc.RootElement.GetProperty("id").GetString() ?? string.Empty;
            type = doc.RootElement.GetProperty("type").GetString() ?? string.Empty;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookSignature.EventHeader, type);
        request.Headers.Add(WebhookSignature.DeliveryHeader, eventId);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("GtmBot-Webhooks", "1"));

        var client = http.CreateClient(HttpClientName);
        client.Timeout = options.Value.WebhookTimeout;
        using var response = await client.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        Log.WebhookDelivered(logger, conversation.Channel, eventId, status);
        if (response.IsSuccessStatusCode)
        {
            return eventId;
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new DeliveryException("Webhook receiver answered 429.", permanent: false, retryAfter ?? TimeSpan.FromSeconds(30));
        }

        var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout;
        throw new DeliveryException($"Webhook receiver answered HTTP {status}.", permanent: !transient);
    }
}

/// <summary>Who may manage API tokens and webhooks: Slack asks users.info, Teams reads <c>GtmBot:Api:Admins</c>, the local page lets anyone.</summary>
internal sealed class WorkspaceAdmins(IEnumerable<IPlatformAdminCheck> checks, IOptions<ApiOptions> options) : IWorkspaceAdmins
{
    public async Task<bool> IsAdminAsync(ConversationKey conversation, TurnUser user, CancellationToken cancellationToken)
    {
        switch (conversation.Platform)
        {
            case Platforms.Local:
                return true;
            case Platforms.Teams:
                return options.Value.Admins.Contains(user.Id, StringComparer.OrdinalIgnoreCase);
        }

        var check = checks.LastOrDefault(c => c.Platform == conversation.Platform);
        return check is not null && await check.IsAdminAsync(conversation, user, cancellationToken);
    }
}
