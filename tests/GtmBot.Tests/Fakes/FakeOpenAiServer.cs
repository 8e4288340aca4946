using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GtmBot.Tests.Fakes;

/// <summary>
/// A loopback chat-completions server in the OpenAI wire format, answering both the OpenAI path
/// (<c>/v1/chat/completions</c>) and the Azure OpenAI path (<c>/openai/deployments/{d}/chat/completions</c>).
/// Each call is recorded; the answer of call n comes from the handler.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>What each call sent: path, headers of interest and the JSON body.</summary>
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts on 127.0.0.1 with a free port. <paramref name="respond"/> gets the 0-based call index and the request body.</summary>
    public static async Task<FakeOpenAiServer> StartAsync(Func<int, JsonElement, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var index = Interlocked.Increment(ref server._calls) - 1;
            server.Calls.Enqueue(new RecordedCall(http.Request.Path + http.Request.QueryString, http.Request.Headers["api-key"].ToString(), http.Request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            await respond(index, body.RootElement, http);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>A 200 chat completion whose message content is <paramref name="content"/>.</summary>
    public static Task Completion(HttpContext http, string content)
    {
        http.Response.ContentType = "application/json";
        var payload = new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 321, completion_tokens = 123, total_tokens = 444 },
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(payload));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record RecordedCall(string Path, string ApiKey, string Authorization, JsonElement Body)
    {
        public string System => Body.GetProperty("messages")[0].GetProperty("content").ToString();

        public string User => Body.GetProperty("messages")[1].GetProperty("content").ToString();
    }
}
