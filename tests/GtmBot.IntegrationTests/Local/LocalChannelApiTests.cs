using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GtmBot.IntegrationTests.Local;

public sealed class LocalChannelApiTests : IDisposable
{
    private readonly GtmHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Health_answers_ok()
    {
        using var client = _host.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Help_command_returns_rendered_help_in_english_and_chinese()
    {
        using var client = _host.CreateClient();
        var en = await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm help" });
        Assert.Contains("GtmBot", en.GetProperty("replies")[0].GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", en.GetProperty("replies")[0].GetProperty("visibility").GetString());

        await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm lang zh" });
        var zh = await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm help" });
        Assert.Contains("有章法地", zh.GetProperty("replies")[0].GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_subcommand_gets_help_naming_it()
    {
        using var client = _host.CreateClient();
        var reply = await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm frobnicate" });
        Assert.Contains("frobnicate", reply.GetProperty("replies")[0].GetProperty("text").GetString() + reply.GetProperty("replies")[0].GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"channel\":\"general\"}")]
    [InlineData("{\"channel\":\"bad channel!\",\"user\":\"a\",\"text\":\"help\"}")]
    [InlineData("{\"channel\":\"general\",\"user\":\"a\",\"text\":\"help\",\"action\":\"x.y\"}")]
    [InlineData("{\"channel\":\"general\",\"user\":\"a\",\"text\":42}")]
    public async Task Malformed_requests_get_400_with_a_reason(string body)
    {
        using var client = _host.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/local/api/turns", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private static HttpRequestMessage Turn(string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/local/api/turns")
        {
            Content = new StringContent("""{"channel":"general","user":"ana","text":"/gtm help"}""", System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_body_that_is_not_declared_json_gets_415(string contentType)
    {
        using var client = _host.CreateClient();
        using var response = await client.SendAsync(Turn(contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Json_with_a_charset_is_accepted()
    {
        using var client = _host.CreateClient();
        using var response = await client.SendAsync(Turn("application/json; charset=utf-8"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://127.0.0.1:9999")]
    [InlineData("null")]
    public async Task A_request_from_another_origin_gets_403(string origin)
    {
        using var client = _host.CreateClient();
        using var request = Turn();
        request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_request_from_the_page_s_own_origin_is_served()
    {
        using var client = _host.CreateClient();
        using var request = Turn();
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.example:3978")]
    public async Task A_foreign_host_name_gets_403_against_dns_rebinding(string host)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/local/api/channels/general/messages");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    public async Task A_forwarded_request_counts_as_remote(string header, string value)
    {
        using var client = _host.CreateClient();
        using var request = Turn();
        request.Headers.Add(header, value);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_request_is_served_when_the_proxy_is_trusted()
    {
        using var host = new GtmHostFactory(new Dictionary<string, string?> { ["GtmBot:Local:TrustForwardedHeaders"] = "true" });
        using var client = host.CreateClient();
        using var request = Turn();
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_detail_counts_pending_and_dead_deliveries()
    {
        using var client = _host.CreateClient();
        var detail = await client.GetFromJsonAsync<JsonElement>(new Uri("/healthz?detail=true", UriKind.Relative));
        Assert.Equal("ok", detail.GetProperty("status").GetString());
        Assert.Equal(0, detail.GetProperty("outbox").GetProperty("dead").GetInt32());
        Assert.True(detail.GetProperty("outbox").GetProperty("pending").GetInt32() >= 0);
    }

    [Fact]
    public async Task Admin_deliveries_answers_in_both_languages()
    {
        using var client = _host.CreateClient();
        var en = await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm admin deliveries" });
        Assert.Contains("waiting for delivery", en.GetProperty("replies")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm lang zh" });
        var zh = await PostAsync(client, new { channel = "general", user = "ana", text = "/gtm 管理 投递" });
        Assert.Contains("等待投递", zh.GetProperty("replies")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
