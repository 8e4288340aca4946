using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace GtmBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API on an activity's <c>serviceUrl</c>: reply, send, update, create a channel thread, typing.
/// Throttling (429) and 412 are retried with bounded exponential backoff and jitter (412 and 429 mean "not applied");
/// 5xx and network errors are retried only for idempotent calls (PUT), since a POST that may have succeeded must not be
/// posted twice — the outbox decides about those.
/// </summary>
/// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference"/>
internal sealed class ConnectorClient(IHttpClientFactory http, BotTokenProvider tokens, TimeProvider clock, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "GtmBot.Teams.Connector";

    /// <summary>Attempts per call, the first included.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit#handle-rate-limits"/>
    public const int MaxAttempts = 3;

    /// <summary>First backoff step; doubled each retry, plus up to the same again as jitter.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(400);

    /// <summary>Longest wait inside one call; a longer Retry-After is handed to the caller (outbox) instead.</summary>
    public static readonly TimeSpan MaxInlineDelay = TimeSpan.FromSeconds(5);

    /// <summary>Replies in the thread of <paramref name="replyToId"/>. Returns the new activity id.</summary>
    public async Task<string?> ReplyAsync(string serviceUrl, string conversationId, string replyToId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        var url = $"{Conversation(serviceUrl, conversationId)}/activities/{Uri.EscapeDataString(replyToId)}";
        var response = await SendAsync(HttpMethod.Post, url, activity, TeamsJson.Default.OutboundActivity, TeamsJson.Default.ResourceResponse, idempotent: false, cancellationToken);
        return response?.Id;
    }

    /// <summary>Posts to a conversation (a chat, a channel thread). Returns the new activity id.</summary>
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        var url = $"{Conversation(serviceUrl, conversationId)}/activities";
        var response = await SendAsync(HttpMethod.Post, url, activity, TeamsJson.Default.OutboundActivity, TeamsJson.Default.ResourceResponse, idempotent: false, cancellationToken);
        return response?.Id;
    }

    /// <summary>Replaces a message the bot sent (card refresh).</summary>
    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        var url = $"{Conversation(serviceUrl, conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        await SendAsync(HttpMethod.Put, url, activity with { Id = activityId }, TeamsJson.Default.OutboundActivity, TeamsJson.Default.ResourceResponse, idempotent: true, cancellationToken);
    }

    /// <summary>Starts a new thread in a channel; the first post is <see cref="ConversationParameters.Activity"/>.</summary>
    /// <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation"/>
    /// <param name="idempotent">True for a 1:1 chat without a first post: Teams answers the same chat again, so a lost answer may be re-sent.</param>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken, bool idempotent = false)
    {
        var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations";
        return await SendAsync(HttpMethod.Post, url, parameters, TeamsJson.Default.ConversationParameters, TeamsJson.Default.ConversationResourceResponse, idempotent, cancellationToken)
            ?? throw new ConnectorException("Create conversation returned no body", null, null);
    }

    /// <summary>Shows "GtmBot is typing…" while slow work runs.</summary>
    /// <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-send-and-receive-messages#send-a-typing-indicator"/>
    public Task SendTypingAsync(string serviceUrl, string conversationId, OutboundActivity typing, CancellationToken cancellationToken) =>
        SendAsync(serviceUrl, conversationId, typing, cancellationToken);

    private static string Conversation(string serviceUrl, string conversationId) =>
        $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}";

    private async Task<TResponse?> SendAsync<TBody, TResponse>(
        HttpMethod method, string url, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, bool idempotent, CancellationToken cancellationToken)
        where TResponse : class
    {
        var client = http.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, bodyType) };
            var token = await TokenAsync(method, cancellationToken);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when ((idempotent || NeverSent(ex)) && attempt < MaxAttempts)
            {
                Log.ConnectorRetry(logger, method.Method, 0, attempt, ex.Message);
                await Task.Delay(Backoff(attempt), clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new ConnectorException($"{method} to the connector failed: {ex.Message}", null, null, ex) { NotSent = NeverSent(ex) };
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's timeout: the request may be on the wire already.
                throw new ConnectorException($"{method} to the connector timed out", null, null, ex);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    if (response.Content.Headers.ContentLength == 0)
                    {
                        return null;
                    }

                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    return string.IsNullOrWhiteSpace(text) ? null : System.Text.Json.JsonSerializer.Deserialize(text, responseType);
                }

                var status = response.StatusCode;
                var retryAfter = RetryAfter(response);
                var retryable = status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
                    || (idempotent && (int)status >= 500);
                var wait = retryAfter ?? Backoff(attempt);
                if (retryable && attempt < MaxAttempts && wait <= MaxInlineDelay)
                {
                    Log.ConnectorRetry(logger, method.Method, (int)status, attempt, status.ToString());
                    await Task.Delay(wait, clock, cancellationToken);
                    continue;
                }

                Log.ConnectorFailed(logger, method.Method, (int)status);
                throw new ConnectorException($"{method} answered {(int)status}", status, status == HttpStatusCode.TooManyRequests ? wait : retryAfter);
            }
        }
    }

    /// <summary>
    /// The bot's token; a token endpoint that fails, refuses or times out means nothing was sent, so the caller may queue the
    /// message (a timeout used to escape as a <see cref="TaskCanceledException"/> and fail the whole activity).
    /// </summary>
    private async Task<string?> TokenAsync(HttpMethod method, CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetTokenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ConnectorException($"{method} to the connector not sent: no bot token ({ex.Message})", null, null, ex) { NotSent = true };
        }
        catch (ConnectorException ex)
        {
            // The token endpoint's status is not the conversation's: a 404 there must not read as "conversation gone".
            throw new ConnectorException($"{method} to the connector not sent: {ex.Message}", null, ex.RetryAfter, ex) { NotSent = true };
        }
    }

    /// <summary>Failures before any byte of the request was sent: retrying cannot post twice.</summary>
    internal static bool NeverSent(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static TimeSpan Backoff(int attempt)
    {
        var step = BaseDelay * Math.Pow(2, attempt - 1);
        return step + (step * Random.Shared.NextDouble());
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - clock.GetUtcNow()).Ticks)) : null);
}
