using GtmBot.Engine;
using GtmBot.Host;
using GtmBot.Host.Local;
using GtmBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseLoopbackByDefault();

builder.Services.AddGtmEngine();
builder.Services.AddGtmFlows();
builder.Services.AddGtmStorage(builder.Configuration);
builder.Services.AddLocalChannel(builder.Configuration);

var app = builder.Build();

app.MapHealth();
app.MapLocalChannel();
app.LogWhatIsOff();

app.Run();

/// <summary>Visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
