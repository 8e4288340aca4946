using System.Net;
using System.Net.Http.Headers;
using GtmBot.Host.Local;
using GtmBot.IntegrationTests.Slack;
using GtmBot.IntegrationTests.Teams;
using GtmBot.Slack;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GtmBot.IntegrationTests.Faults;

/// <summary>10 MB bodies, declared or chunked, on every endpoint: 413 naming the limit, and the server stops reading early.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const long TenMegabytes = 10L * 1024 * 1024;

    private FakeBotFramework _teams = null!;
    private FakeSlackApi _slack = null!;
    private GtmHostFactory _host = null!;

    public async ValueTask InitializeAsync()
    {
        _teams = await FakeBotFramework.StartAsync();
        _slack = await FakeSlackApi.StartAsync();
        var settings = _teams.HostSettings();
        settings["GtmBot:Slack:SigningSecret"] = SlackHost.Secret;
        settings["GtmBot:Slack:ApiBaseUrl"] = _slack.ApiBaseUrl;
        _host = new GtmHostFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _teams.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public static TheoryData<string, bool> Endpoints() => new()
    {
        { "/local/api/turns", true },
        { "/local/api/turns", false },
        { "/slack/events", true },
        { "/slack/events", false },
        { "/api/messages", true },
        { "/api/messages", false },
    };

    private static int LimitOf(string path) => path switch
    {
        "/local/api/turns" => LocalChannelEndpoints.MaxBodyBytes,
        "/slack/events" => SlackLimits.MaxRequestBodyBytes,
        _ => GtmBot.Teams.TeamsEndpoints.MaxActivityBytes,
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_ten_megabyte_body_is_refused_with_413_naming_the_limit(string path, bool chunked)
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var chunkedBody = chunked ? new ChunkedBody(TenMegabytes) : null;
        HttpContent content = chunkedBody is null ? new ByteArrayContent(new byte[TenMegabytes]) : chunkedBody;
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (path == "/api/messages")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _teams.Token());
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var limit = LimitOf(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        if (chunkedBody is not null)
        {
            Assert.True(chunkedBody.Sent < limit + (2 * 1024 * 1024), $"the server read {chunkedBody.Sent} bytes of a body over its {limit}-byte limit");
        }
    }
}
