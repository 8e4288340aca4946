using System.Globalization;
using GtmBot.Engine.DataOut;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;
using Microsoft.Extensions.Logging;

namespace GtmBot.Engine.Flows;

/// <summary>
/// <c>/gtm export quotes|themes|canvas|checklist|all [csv|md|json] [filters]</c> posts a file into the channel (through the
/// outbox, so an outage delays it and loses nothing); <c>/gtm export weekly &lt;weekday&gt; &lt;HH:MM&gt; [zone] &lt;export&gt;</c>
/// schedules it, <c>list</c> and <c>off [#id]</c> manage the schedules.
/// </summary>
public sealed partial class ExportFlow(ExportService exports, IExportStore store, ILogger<ExportFlow> logger) : IFlow
{
    public string Id => "export";

    public IReadOnlyList<string> Commands { get; } = ["export", "导出"];

    public Localized Help => DataOutStrings.ExportHelp;

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (verb, rest) = ConversationEngine.SplitCommand(args);
        return verb switch
        {
            "weekly" or "每周" => await ScheduleAsync(context, rest, cancellationToken),
            "list" or "列表" => await ListAsync(context, cancellationToken),
            "off" or "关闭" => await OffAsync(context, rest, cancellationToken),
            _ => await ExportNowAsync(context, args, cancellationToken),
        };
    }

    public Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) =>
        Task.FromResult(context.Notice(CoreStrings.UnknownAction));

    private async Task<IReadOnlyList<Reply>> ExportNowAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (request, error) = ExportRequest.Parse(args);
        if (request is null)
        {
            return context.Notice(DataOutStrings.ExportUsage, Markup.Escape(error));
        }

        var result = await exports.ExportAsync(context.Channel, request, context.Now, null, cancellationToken);
        if (result.TooLargeBytes is { } size)
        {
            return context.Notice(DataOutStrings.ExportTooLarge, ExportLimits.Size(size), ExportLimits.Size(result.Limit));
        }

        Log.Exported(logger, request.Kind.ToString(), request.Format.ToString(), context.Channel.ToString(), result.Files.Count, result.TotalBytes);
        return context.Notice(DataOutStrings.ExportQueued, KindName(context, request.Kind), result.Files.Count, ExportLimits.Size(result.TotalBytes));
    }

    private async Task<IReadOnlyList<Reply>> ScheduleAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var words = args.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        var zoneGiven = words.Length >= 3 && !ExportRequest.TryKind(words[2], out _);
        var take = zoneGiven ? 3 : 2;
        if (words.Length <= take)
        {
            return context.Notice(DataOutStrings.ScheduleUsage);
        }

        var parsed = WeeklySchedule.Parse(string.Join(' ', words[..take]), context.User.TimeZone is { } tz && WeeklySchedule.IsKnownZone(tz) ? tz : "UTC");
        if (parsed.Schedule is not { } schedule)
        {
            var problem = parsed.Error switch
            {
                ScheduleError.Weekday => context.T(ReminderStrings.BadWeekday, Markup.Escape(words[0])),
                ScheduleError.Time => context.T(ReminderStrings.BadTime, Markup.Escape(words[1])),
                ScheduleError.Zone => context.T(ReminderStrings.BadZone, Markup.Escape(words[2])),
                _ => context.T(ReminderStrings.BadShape),
            };
            return [Reply.Notice(problem + " " + context.T(DataOutStrings.ScheduleUsage))];
        }

        var (request, error) = ExportRequest.Parse(string.Join(' ', words[take..]));
        if (request is null)
        {
            return context.Notice(DataOutStrings.ExportUsage, Markup.Escape(error));
        }

        var next = schedule.NextAfter(context.Now);
        var saved = await store.AddScheduleAsync(context.Channel, schedule, request, context.User.Id, next, cancellationToken);
        var reply = context.T(DataOutStrings.ScheduleSet, Markup.Mention(context.User.Id), saved.Id, Markup.Escape(request.Describe()), DayName(schedule.Day, context.Lang), schedule.TimeText, Markup.Escape(schedule.TimeZoneId), next.UtcDateTime);
        return [new Reply([new TextBlock(reply)], Markup.ToPlainText(reply))];
    }

    private async Task<IReadOnlyList<Reply>> ListAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var list = await store.ListSchedulesAsync(context.Channel, cancellationToken);
        if (list.Count == 0)
        {
            return [Reply.Notice(context.T(DataOutStrings.ScheduleNone) + context.T(DataOutStrings.ScheduleUsage))];
        }

        var lines = list.Select(s => "• " + context.T(DataOutStrings.ScheduleLine, s.Id, Markup.Escape(s.Request.Describe()), DayName(s.Schedule.Day, context.Lang), s.Schedule.TimeText, Markup.Escape(s.Schedule.TimeZoneId), s.NextRun.UtcDateTime));
        return [new Reply([new HeaderBlock(context.T(DataOutStrings.ScheduleListTitle)), new TextBlock(string.Join('\n', lines))], context.T(DataOutStrings.ScheduleListTitle), ReplyVisibility.Ephemeral)];
    }

    private async Task<IReadOnlyList<Reply>> OffAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var word = args.Trim().TrimStart('#');
        long? id = word.Length > 0 && long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var removed = await store.RemoveSchedulesAsync(context.Channel, id, cancellationToken);
        if (removed == 0)
        {
            return [Reply.Notice(context.T(DataOutStrings.ScheduleNone) + context.T(DataOutStrings.ScheduleUsage))];
        }

        var text = context.T(DataOutStrings.ScheduleOff, Markup.Mention(context.User.Id), removed);
        return [new Reply([new TextBlock(text)], Markup.ToPlainText(text))];
    }

    private static string KindName(FlowContext context, ExportKind kind) => context.T(kind switch
    {
        ExportKind.Quotes => DataOutStrings.KindQuotes,
        ExportKind.Themes => DataOutStrings.KindThemes,
        ExportKind.Canvas => DataOutStrings.KindCanvas,
        ExportKind.Checklist => DataOutStrings.KindChecklist,
        _ => DataOutStrings.KindAll,
    });

    private static string DayName(DayOfWeek day, Lang lang) =>
        lang == Lang.Zh ? "周" + "日一二三四五六"[(int)day] : day.ToString();
}
