using GtmBot.Engine;
using GtmBot.Host;
using GtmBot.Host.Api;
using GtmBot.Host.Cli;
using GtmBot.Host.Delivery;
using GtmBot.Host.Insights;
using GtmBot.Host.Llm;
using GtmBot.Host.Local;
using GtmBot.Host.Summaries;
using GtmBot.Host.Tagging;
using GtmBot.Slack;
using GtmBot.Storage;
using GtmBot.Teams;

MallocArenas.Limit(); // first, before the host's threads allocate

if (await CliVerbs.TryRunAsync(args) is int exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.UseLoopbackByDefault();
builder.QuietRequestLogging();

builder.Services.AddGtmEngine();
builder.Services.AddGtmTagger(builder.Configuration);
builder.Services.AddGtmFlows();
builder.Services.AddGtmStorage(builder.Configuration);
builder.Services.AddLocalChannel(builder.Configuration);
builder.Services.AddGtmDelivery(builder.Configuration);
builder.Services.AddSlack(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddGtmLlm(builder.Configuration);
builder.Services.AddHostedService<SummaryWorker>();
builder.Services.AddHostedService<InsightsRefresher>();
if (NativeHeapTrimmer.Available)
{
    builder.Services.AddHostedService<NativeHeapTrimmer>();
}

builder.Services.AddGtmDataOut(builder.Configuration, builder.Environment);

var app = builder.Build();
app.EnsureTaggerModel();

app.UseRetryLaterResponse();
app.MapHealth();
app.MapFavicon();
app.MapLocalChannel();
app.MapSlack();
app.MapTeams();
app.MapGtmApi();
app.LogWhatIsOff();
app.LogLlmStatus();

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
