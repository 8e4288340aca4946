using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Slack.Api;
using GtmBot.Slack.OAuth;

namespace GtmBot.Slack.Outbound;

/// <summary>Export files into Slack channels through the file upload flow.</summary>
internal sealed class SlackFileSender(SlackApiClient api, SlackAuthResolver auth) : IPlatformFileSender
{
    public string Platform => Platforms.Slack;

    public async Task<string> SendFileAsync(ConversationKey channel, ExportFile file, string comment, CancellationToken cancellationToken)
    {
        var slackAuth = await auth.FindAsync(null, channel.Workspace, cancellationToken)
            ?? throw new DeliveryException($"No Slack token for workspace {channel.Workspace}.", permanent: true) { ConversationGone = true };
        try
        {
            return await api.UploadFileAsync(slackAuth.BotToken, channel.Channel, file.FileName, file.Title, file.Content, comment, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error == "ratelimited" || e.RetryAfter is not null)
        {
            throw new DeliveryException(e.Message, permanent: false, e.RetryAfter, e);
        }
        catch (SlackApiException e) when (e.ConversationGone)
        {
            throw new DeliveryException(e.Message, permanent: true, inner: e) { ConversationGone = true };
        }
        catch (SlackApiException e) when (e.MaybeDone)
        {
            // completeUploadExternal may have shared the file: sending it again could post it twice.
            throw new DeliveryException(e.Message + " (may have been delivered; not re-sent)", permanent: true, inner: e);
        }
        catch (SlackApiException e)
        {
            var transient = e.Error.StartsWith("http_", StringComparison.Ordinal) || e.Error is "transport_error" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
            throw new DeliveryException(e.Message, permanent: !transient, inner: e);
        }
    }
}

/// <summary>Slack workspace admins and owners, from <c>users.info</c> (read on every call: a demoted admin loses the right at once).</summary>
internal sealed class SlackAdminCheck(SlackApiClient api, SlackAuthResolver auth) : IPlatformAdminCheck
{
    public string Platform => Platforms.Slack;

    public async Task<bool> IsAdminAsync(ConversationKey conversation, TurnUser user, CancellationToken cancellationToken)
    {
        var slackAuth = await auth.FindAsync(null, conversation.Workspace, cancellationToken);
        if (slackAuth is null)
        {
            return false;
        }

        try
        {
            return await api.IsAdminAsync(slackAuth.BotToken, user.Id, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "missing_scope" or "invalid_auth")
        {
            return false;
        }
    }
}
