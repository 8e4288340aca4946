using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.IntegrationTests.Api;

/// <summary>401 without a valid token, revocation at once, another workspace's channel not found, 429, and 400 with the reason.</summary>
public sealed class ApiGuardTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new ApiTestHost(new Dictionary<string, string?> { ["GtmBot:Api:PermitsPerMinute"] = "30" });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer gtm_not-a-real-token-at-all-000000000000")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task No_token_or_a_bad_one_is_401_with_a_problem(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/quotes");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        var token = await _host.CreateTokenAsync("ci");
        using var api = _host.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/quotes", UriKind.Relative))).StatusCode);

        var revoked = string.Join('\n', await _host.TurnAsync("general", "/gtm api token revoke ci"));
        Assert.Contains("revoked", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/quotes", UriKind.Relative))).StatusCode);

        var list = string.Join('\n', await _host.TurnAsync("general", "/gtm api token list"));
        Assert.Contains("ci", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_workspaces_channel_is_not_found_and_its_quotes_never_listed()
    {
        // A Slack workspace's quote, stored directly: the local token must never see it.
        var slack = new ConversationKey(Platforms.Slack, "T-OTHER", "C-SECRET");
        await _host.Get<IQuoteStore>().AddAsync(
            slack,
            new NewQuote("Secret roadmap complaint", "Umbrella", "en", new QuoteOrigin("U9", null, null, null, null, null, "slash"), TimeProvider.System.GetUtcNow(), [], Motive.Unclear),
            CancellationToken.None);

        using var api = _host.ApiClient(await _host.CreateTokenAsync());
        foreach (var path in new[] { "/api/v1/quotes?channel=C-SECRET", "/api/v1/themes?channel=C-SECRET", "/api/v1/canvases?channel=C-SECRET", "/api/v1/summaries?channel=C-SECRET" })
        {
            using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var all = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/quotes?q=roadmap", UriKind.Relative));
        Assert.Equal(0, all.GetProperty("items").GetArrayLength());

        // Posting to that channel id stores into the token's own workspace, not the other one.
        using var posted = await api.PostAsJsonAsync(new Uri("/api/v1/quotes", UriKind.Relative), new { channel = "C-SECRET", text = "Our own quote" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var other = await _host.Get<IQuoteStore>().ListAsync(slack, null, 10, CancellationToken.None);
        Assert.Equal(["Secret roadmap complaint"], other.Select(q => q.Text));
    }

    [Theory]
    [InlineData("/api/v1/quotes?tag=frobnicate", "Unknown tag 'frobnicate'")]
    [InlineData("/api/v1/quotes?from=2026-05-01&to=2026-04-01", "'from'")]
    [InlineData("/api/v1/quotes?from=yesterday", "not an ISO 8601")]
    [InlineData("/api/v1/quotes?to=2026-13-45", "not an ISO 8601")]
    [InlineData("/api/v1/quotes?limit=1000", "maximum of 200")]
    [InlineData("/api/v1/quotes?limit=abc", "'limit'")]
    [InlineData("/api/v1/quotes?motive=maybe", "Unknown motive")]
    [InlineData("/api/v1/quotes?cursor=%21%21", "'cursor'")]
    [InlineData("/api/v1/quotes?sort=desc", "Unknown parameter 'sort'")]
    [InlineData("/api/v1/themes", "'channel' is required")]
    public async Task Bad_filters_are_400_with_the_reason(string path, string reason)
    {
        using var api = _host.ApiClient(await _host.CreateTokenAsync());
        using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"channel":"sales"}""", "'text' is required")]
    [InlineData("""{"channel":"sales","text":"   "}""", "'text' is required")]
    [InlineData("""{"text":"hello"}""", "'channel' is required")]
    [InlineData("""{"channel":"sales","text":""", "not valid JSON")]
    [InlineData("""["not","an","object"]""", "not valid JSON")]
    public async Task A_posted_quote_without_text_or_malformed_is_400(string body, string reason)
    {
        using var api = _host.ApiClient(await _host.CreateTokenAsync());
        using var response = await api.PostAsync(new Uri("/api/v1/quotes", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_over_the_length_limit_is_refused_naming_it()
    {
        using var api = _host.ApiClient(await _host.CreateTokenAsync());
        using var response = await api.PostAsJsonAsync(new Uri("/api/v1/quotes", UriKind.Relative), new { channel = "sales", text = new string('x', QuoteFlow.MaxQuoteLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_rate_limit_is_429_with_Retry_After_per_token()
    {
        using var api = _host.ApiClient(await _host.CreateTokenAsync("busy"));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/quotes", UriKind.Relative))).StatusCode);
        }

        using var limited = await api.GetAsync(new Uri("/api/v1/quotes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("30 per minute", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another token has its own budget.
        using var other = _host.ApiClient(await _host.CreateTokenAsync("quiet"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/v1/quotes", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        using var response = await _host.Client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
