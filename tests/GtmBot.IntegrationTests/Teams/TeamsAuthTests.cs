using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>The Bot Connector JWT checks as a truth table, through the real <c>/api/messages</c> against a loopback OpenID + JWKS.</summary>
public sealed class TeamsAuthTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;
    private GtmHostFactory _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        _host = new GtmHostFactory(_fake.HostSettings());
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    private JsonObject Activity() => TeamsActivities.Load("14-playground-message-channel.json", _fake.ServiceUrl);

    private async Task<HttpStatusCode> PostAsync(string? token, string body)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Signing_keys_that_cannot_be_fetched_are_our_fault_a_503_to_retry_never_a_500_nor_a_401()
    {
        _fake.KeysDown = true;
        using (var client = _host.CreateClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Activity().ToJsonString(), Encoding.UTF8, "application/json") })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(GtmBot.Teams.Auth.SigningKeysUnavailableException.RetryAfterKeys, response.Headers.RetryAfter?.Delta);
        }

        // The connector's retry, once the keys are back, is served.
        _fake.KeysDown = false;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_fake.Token(), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_fake.Token(), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Token_expired_within_the_five_minute_skew_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_fake.Token(expiresIn: TimeSpan.FromMinutes(-2)), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_fake.Token(expiresIn: TimeSpan.FromMinutes(-10)), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_fake.Token(audience: "another-bot"), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Wrong_issuer_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_fake.Token(issuer: "https://evil.example"), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Token_signed_by_an_unknown_key_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_fake.Token(signer: FakeBotFramework.Signer.Unknown), Activity().ToJsonString()));
    }

    [Fact]
    public async Task ServiceUrl_claim_that_differs_from_the_activity_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_fake.Token(serviceUrl: "https://smba.trafficmanager.net/amer/"), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_forbidden()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(_fake.Token(signer: FakeBotFramework.Signer.Unendorsed), Activity().ToJsonString()));
    }

    [Fact]
    public async Task Missing_token_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null, Activity().ToJsonString()));
    }

    [Fact]
    public async Task Garbage_token_is_rejected()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("not-a-jwt", Activity().ToJsonString()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"message\"}")]
    public async Task Malformed_activity_with_a_valid_token_is_400(string body)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(_fake.Token(), body));
    }

    [Theory]
    [InlineData("11-invoke-composeextension-submitaction-compose.docs.json")]
    [InlineData("12-invoke-composeextension-submitaction-messagepayload.docs-partial.json")]
    public async Task Docs_samples_without_an_envelope_are_400(string fixture)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(_fake.Token(), TeamsActivities.Load(fixture, _fake.ServiceUrl).ToJsonString()));
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    public async Task An_id_longer_than_the_service_ever_sends_is_400_and_never_cached(string field)
    {
        var activity = (JsonObject)Faults.TeamsSeeds.All(_fake.ServiceUrl)[1].DeepClone();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_fake.Token(), activity.ToJsonString()));

        activity["id"] = "oversized-" + field;
        activity[field]!["id"] = new string('x', GtmBot.Teams.Protocol.Activity.MaxIdLength + 1);
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(_fake.Token(), activity.ToJsonString()));
    }

    [Fact]
    public async Task Unknown_activity_type_is_200()
    {
        var activity = Activity();
        activity["type"] = "messageReaction";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_fake.Token(), activity.ToJsonString()));
    }

    [Fact]
    public async Task Unauthenticated_dev_switch_is_refused_when_an_app_id_is_configured()
    {
        using var host = new GtmHostFactory(new Dictionary<string, string?>(_fake.HostSettings()) { ["GtmBot:Teams:DangerouslyAllowUnauthenticatedLoopback"] = "true" });
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(Activity().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_dev_switch_without_app_id_in_development_accepts_loopback()
    {
        using var host = new GtmHostFactory(new Dictionary<string, string?> { ["GtmBot:Teams:DangerouslyAllowUnauthenticatedLoopback"] = "true" });
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(Activity().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_app_id_and_without_the_dev_switch_everything_is_401()
    {
        using var host = new GtmHostFactory();
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(Activity().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
