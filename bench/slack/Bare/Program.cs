// A bare Kestrel endpoint reading the body and answering a small JSON, like /slack/events does minus the bot.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/slack/events", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    await reader.ReadToEndAsync();
    return Results.Text("""{"response_type":"ephemeral","text":"ok"}""", "application/json");
});
await app.RunAsync();
