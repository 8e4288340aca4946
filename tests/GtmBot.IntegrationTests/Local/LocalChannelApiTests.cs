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

    internal static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
