using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace GtmBot.IntegrationTests.Flows;

/// <summary>
/// The journey a new team makes on the local page: fill a canvas through its form, drill five whys into the canvas's Why,
/// tick checklist items — then restart the host on the same database and find everything there.
/// </summary>
public sealed partial class PlanningJourneyTests
{
    private const string Channel = "launch";

    [Fact]
    public async Task Planning_survives_a_host_restart_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("gtmbot-journey-").FullName;
        try
        {
            using (var host = new GtmHostFactory(dataDirectory: dir))
            {
                await WalkTheJourneyAsync(host.CreateClient());
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var restarted = new GtmHostFactory(dataDirectory: dir))
            {
                await EverythingIsStillThereAsync(restarted.CreateClient());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Planning_survives_a_host_restart_on_postgres()
    {
        var server = TestEnvironment.Postgres();
        var database = $"gtm_test_{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["GtmBot:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        };
        try
        {
            using (var host = new GtmHostFactory(settings))
            {
                await WalkTheJourneyAsync(host.CreateClient());
            }

            using (var restarted = new GtmHostFactory(settings))
            {
                await EverythingIsStillThereAsync(restarted.CreateClient());
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Chinese_commands_and_an_oversized_answer_through_the_page_api()
    {
        using var host = new GtmHostFactory();
        var client = host.CreateClient();
        await PostAsync(client, new { channel = Channel, user = "li", text = "/gtm lang zh" });
        var canvas = await PostAsync(client, new { channel = Channel, user = "li", text = "/gtm 画布" });
        Assert.Contains("卖给谁", Html(canvas, 0), StringComparison.Ordinal);
        var (action, value) = Button(Html(canvas, 0), "canvas.edit", ":Who");
        var form = await PostAsync(client, new { channel = Channel, user = "li", action, value });
        var (submit, formValue) = Form(Html(form, 0));

        var tooLong = new string('长', 3001);
        var refused = await PostAsync(client, new { channel = Channel, user = "li", action = submit, value = formValue, form = new Dictionary<string, string> { ["text"] = tooLong } });
        var html = Html(refused, 0);
        Assert.Contains("上限是 3,000", html, StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);

        var checklist = await PostAsync(client, new { channel = Channel, user = "li", text = "/gtm 清单" });
        Assert.Contains("选择目标市场", Html(checklist, 0), StringComparison.Ordinal);
        var why = await PostAsync(client, new { channel = Channel, user = "li", text = "/gtm 为什么 客户不续约" });
        Assert.Contains("五问法", Html(why, 0), StringComparison.Ordinal);
    }

    private static async Task WalkTheJourneyAsync(HttpClient client)
    {
        // Canvas: open, edit Who through the form.
        var canvas = await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm canvas" });
        var (edit, editValue) = Button(Html(canvas, 0), "canvas.edit", ":Who");
        var formReply = await PostAsync(client, new { channel = Channel, user = "ana", action = edit, value = editValue, messageId = Id(canvas, 0) });
        var (save, saveValue) = Form(Html(formReply, 0));
        var (_, boSaveValue) = Form(Html(await PostAsync(client, new { channel = Channel, user = "bo", action = edit, value = editValue }), 0));
        var saved = await PostAsync(client, new { channel = Channel, user = "ana", action = save, value = saveValue, form = new Dictionary<string, string> { ["text"] = "Mid-size insurers in tier-1 cities" } });
        Assert.Contains("canvas:default", ArtefactKeys(saved));

        // Bo's form was opened before Ana saved: his save is refused, with Ana's text shown and his kept.
        var refused = Html(await PostAsync(client, new { channel = Channel, user = "bo", action = save, value = boSaveValue, form = new Dictionary<string, string> { ["text"] = "Banks" } }), 0);
        Assert.Contains("changed this field while you were editing", refused, StringComparison.Ordinal);
        Assert.Contains("Mid-size insurers in tier-1 cities", refused, StringComparison.Ordinal);
        Assert.Contains(">Banks</textarea>", refused, StringComparison.Ordinal);

        // Five whys: start, two answers by two people, root cause, need, into the canvas's Why.
        var drill = await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm why sales can't find last quarter's call notes" });
        var card = Html(drill, 0);
        foreach (var (user, answer) in new[] { ("bo", "Notes live in personal docs"), ("cy", "Nobody owns a shared tool") })
        {
            var (answerAction, answerValue) = Button(card, "why.answer", string.Empty);
            var answerForm = await PostAsync(client, new { channel = Channel, user, action = answerAction, value = answerValue });
            var (submit, submitValue) = Form(Html(answerForm, 0));
            var answered = await PostAsync(client, new { channel = Channel, user, action = submit, value = submitValue, form = new Dictionary<string, string> { ["answer"] = answer } });
            card = ArtefactHtml(answered, "why:");
        }

        var (stop, stopValue) = Button(card, "why.stop", string.Empty);
        card = ArtefactHtml(await PostAsync(client, new { channel = Channel, user = "ana", action = stop, value = stopValue }), "why:");
        var (skip, skipValue) = Button(card, "why.us-skip", string.Empty);
        card = ArtefactHtml(await PostAsync(client, new { channel = Channel, user = "ana", action = skip, value = skipValue }), "why:");
        var (pick, pickValue) = Button(card, "why.pick", ":2");
        card = ArtefactHtml(await PostAsync(client, new { channel = Channel, user = "ana", action = pick, value = pickValue }), "why:");
        var (motive, motiveValue) = Button(card, "why.motive", ":Need");
        card = ArtefactHtml(await PostAsync(client, new { channel = Channel, user = "ana", action = motive, value = motiveValue }), "why:");
        var (apply, applyValue) = Button(card, "why.apply", ":Why");
        var applyForm = await PostAsync(client, new { channel = Channel, user = "ana", action = apply, value = applyValue });
        var (write, writeValue) = Form(Html(applyForm, 0));
        var written = await PostAsync(client, new { channel = Channel, user = "ana", action = write, value = writeValue, form = new Dictionary<string, string> { ["canvas"] = "default", ["text"] = "Nobody owns a shared tool — Need" } });
        Assert.Contains("Nobody owns a shared tool — Need", ArtefactHtml(written, "canvas:default"), StringComparison.Ordinal);

        // Checklist: tick step 1, give step 2 an owner and a due date.
        var checklist = await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm checklist" });
        var (tick, tickValue) = Button(Html(checklist, 0), "checklist.status", string.Empty, "1:Done:");
        var ticked = await PostAsync(client, new { channel = Channel, user = "ana", action = tick, value = tickValue });
        Assert.Contains("✅ Done", ArtefactHtml(ticked, "checklist"), StringComparison.Ordinal);
        var (editStep, editStepValue) = Button(Html(checklist, 0), "checklist.edit", string.Empty, "2");
        var stepForm = await PostAsync(client, new { channel = Channel, user = "ana", action = editStep, value = editStepValue });
        var (stepSave, stepSaveValue) = Form(Html(stepForm, 0));
        await PostAsync(client, new { channel = Channel, user = "ana", action = stepSave, value = stepSaveValue, form = new Dictionary<string, string> { ["owner"] = "bo", ["due"] = "2099-12-31", ["note"] = "Persona v1" } });
    }

    private static async Task EverythingIsStillThereAsync(HttpClient client)
    {
        var canvas = Html(await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm canvas" }), 0);
        Assert.Contains("Mid-size insurers in tier-1 cities", canvas, StringComparison.Ordinal);
        Assert.Contains("Nobody owns a shared tool — Need", canvas, StringComparison.Ordinal);
        Assert.Contains("Need — objective", canvas, StringComparison.Ordinal);

        var history = Html(await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm canvas history" }), 0);
        Assert.Contains("Mid-size insurers in tier-1 cities", history, StringComparison.Ordinal);

        var drills = Html(await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm why list" }), 0);
        Assert.Contains("sales can&#39;t find last quarter&#39;s call notes", drills, StringComparison.Ordinal);
        Assert.Contains("done", drills, StringComparison.Ordinal);

        var checklist = Html(await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm checklist" }), 0);
        Assert.Contains("✅ Done", checklist, StringComparison.Ordinal);
        Assert.Contains("<span class=\"mention\">@bo</span>", checklist, StringComparison.Ordinal);
        Assert.Contains("2099-12-31", checklist, StringComparison.Ordinal);

        // Notes are behind "More" on the compact card.
        Assert.DoesNotContain("Persona v1", checklist, StringComparison.Ordinal);
        var details = Html(await PostAsync(client, new { channel = Channel, user = "ana", text = "/gtm checklist details" }), 0);
        Assert.Contains("Persona v1", details, StringComparison.Ordinal);

        // The page's pinned panel reloads the living artefacts from the store.
        var messages = await client.GetFromJsonAsync<JsonElement>(new Uri($"/local/api/channels/{Channel}/messages", UriKind.Relative));
        var keys = messages.GetProperty("replies").EnumerateArray()
            .Where(r => r.TryGetProperty("artefactKey", out _)).Select(r => r.GetProperty("artefactKey").GetString()).ToList();
        Assert.Contains("canvas:default", keys);
        Assert.Contains("checklist", keys);
        Assert.Contains(keys, k => k!.StartsWith("why:", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Html(JsonElement response, int index) => response.GetProperty("replies")[index].GetProperty("html").GetString()!;

    private static long? Id(JsonElement response, int index) =>
        response.GetProperty("replies")[index].TryGetProperty("id", out var id) ? id.GetInt64() : null;

    private static List<string?> ArtefactKeys(JsonElement response) =>
        [.. response.GetProperty("replies").EnumerateArray().Where(r => r.TryGetProperty("artefactKey", out _)).Select(r => r.GetProperty("artefactKey").GetString())];

    private static string ArtefactHtml(JsonElement response, string keyStart) =>
        response.GetProperty("replies").EnumerateArray()
            .Single(r => r.TryGetProperty("artefactKey", out var k) && k.GetString()!.StartsWith(keyStart, StringComparison.Ordinal))
            .GetProperty("html").GetString()!;

    /// <summary>A button as the page reads it: its data-action and data-value.</summary>
    private static (string Action, string Value) Button(string html, string action, string valueEnd, string? valueStart = null)
    {
        foreach (Match m in ButtonPattern().Matches(html))
        {
            var value = WebUtility.HtmlDecode(m.Groups["value"].Value);
            var parts = string.Join(':', GtmBot.Engine.ActionValue.SplitIds(value)); // read as a:b:c, whatever the codec wrote
            if (m.Groups["action"].Value == action && parts.EndsWith(valueEnd, StringComparison.Ordinal) && (valueStart is null || parts.StartsWith(valueStart, StringComparison.Ordinal)))
            {
                return (action, value);
            }
        }

        Assert.Fail($"No button {action} …{valueEnd} in {html}");
        return default;
    }

    /// <summary>A form as the page reads it: the action and value it submits.</summary>
    private static (string Action, string Value) Form(string html)
    {
        var m = FormPattern().Match(html);
        Assert.True(m.Success, $"No form in {html}");
        return (m.Groups["action"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    [GeneratedRegex("<button[^>]*data-action=\"(?<action>[^\"]*)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("<form[^>]*data-action=\"(?<action>[^\"]*)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex FormPattern();
}
