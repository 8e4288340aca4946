using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GtmBot.IntegrationTests.Api;

/// <summary>The real host in-process with optional settings and a fake clock; helpers for the local page and the API.</summary>
internal sealed partial class ApiTestHost : IAsyncDisposable
{
    private readonly GtmHostFactory _root;

    public ApiTestHost(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (clock is not null)
        {
            // With a fake clock the background loops would sleep forever: tests run their rounds.
            all["GtmBot:Delivery:Enabled"] = "false";
        }

        _root = new GtmHostFactory(all, all.TryGetValue("GtmBot:Storage:DataDirectory", out var dir) ? dir : null);
        Factory = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            if (clock is not null)
            {
                s.AddSingleton(clock);
            }

            services?.Invoke(s);
        }));
        Client = Factory.CreateClient();
    }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _root.DataDirectory;

    public T Get<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public T Hosted<T>() => Factory.Services.GetServices<IHostedService>().OfType<T>().Single();

    /// <summary>A command on the local page; per reply its plain text and its rendered HTML.</summary>
    public async Task<IReadOnlyList<string>> TurnAsync(string channel, string text, string user = "ana")
    {
        using var response = await Client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), new { channel, user, text });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. json.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() + "\n" + System.Net.WebUtility.HtmlDecode(r.GetProperty("html").GetString()))];
    }

    /// <summary>Creates a token on the local page (the local workspace) and returns the secret shown once.</summary>
    public async Task<string> CreateTokenAsync(string name = "script")
    {
        var replies = await TurnAsync("general", $"/gtm api token create {name}");
        return TokenPattern().Match(string.Join('\n', replies)).Value is { Length: > 0 } token ? token : throw new InvalidOperationException("No token in: " + string.Join('\n', replies));
    }

    public HttpClient ApiClient(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static ConversationKey Local(string channel) => new(Platforms.Local, "local", channel);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    [GeneratedRegex("gtm_[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenPattern();
}
