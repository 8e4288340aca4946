using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>
/// The weekly reminder: <c>/gtm remind &lt;weekday&gt; &lt;HH:MM&gt; [zone]</c>, <c>off</c>, <c>now</c>, <c>snooze</c>, <c>skip &lt;reason&gt;</c>,
/// and the digest's snooze/skip buttons. The scheduler in the host fires the digest; this flow only edits the schedule.
/// </summary>
public sealed class ReminderFlow(IReminderStore reminders, DigestComposer digest) : IFlow
{
    /// <summary>Longest skip reason kept.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>The flow's action ids.</summary>
    public static class Actions
    {
        public const string Snooze = "remind.snooze";
        public const string Skip = "remind.skip";
        public const string SkipSubmit = "remind.skip_submit";
        public const string ReasonField = "reason";
    }

    public string Id => "remind";

    public IReadOnlyList<string> Commands { get; } = ["remind", "提醒"];

    public Localized Help => ReminderStrings.Help;

    public async Task<IReadOnlyList<Reply>> OnCommandAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        var (verb, rest) = ConversationEngine.SplitCommand(args);
        return verb switch
        {
            "" or "status" or "状态" => await StatusAsync(context, cancellationToken),
            "off" or "stop" or "关闭" or "停止" => await OffAsync(context, cancellationToken),
            "now" or "preview" or "现在" or "预览" => [await PreviewAsync(context, cancellationToken)],
            "snooze" or "推迟" => await SnoozeAsync(context, cancellationToken),
            "skip" or "跳过" => await SkipAsync(context, rest, cancellationToken),
            _ => await ScheduleAsync(context, args, cancellationToken),
        };
    }

    public async Task<IReadOnlyList<Reply>> OnActionAsync(FlowContext context, ActionInput action, CancellationToken cancellationToken) => action.ActionId switch
    {
        Actions.Snooze => await SnoozeAsync(context, cancellationToken),
        Actions.Skip => [SkipForm(context, null, null)],
        Actions.SkipSubmit => await SkipAsync(context, action.Field(Actions.ReasonField) ?? string.Empty, cancellationToken),
        _ => context.Notice(CoreStrings.UnknownAction),
    };

    private async Task<IReadOnlyList<Reply>> ScheduleAsync(FlowContext context, string args, CancellationToken cancellationToken)
    {
        // A schedule without a zone uses the person's: their choice, the platform's, the workspace's (/gtm timezone), else UTC.
        var zone = context.Zone.Id;
        var parsed = WeeklySchedule.Parse(args, zone);
        if (parsed.Schedule is not { } schedule)
        {
            var words = args.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            var problem = parsed.Error switch
            {
                ScheduleError.Weekday => context.T(ReminderStrings.BadWeekday, Markup.Escape(words[0])),
                ScheduleError.Time => context.T(ReminderStrings.BadTime, Markup.Escape(words[1])),
                ScheduleError.Zone => context.T(ReminderStrings.BadZone, Markup.Escape(words.Length == 3 ? words[2] : zone)),
                _ => context.T(ReminderStrings.BadShape),
            };
            return [Reply.Notice(problem + " " + context.T(ReminderStrings.Example))];
        }

        var next = schedule.NextAfter(context.Now);
        await reminders.SetAsync(context.Channel, schedule, next, context.User.Id, cancellationToken);
        var text = context.T(ReminderStrings.Set, Markup.Mention(context.User.Id), DayName(schedule.Day, context.Lang), schedule.TimeText, Markup.Escape(schedule.TimeZoneId), When(next, schedule, context.Lang));
        return [ChannelNotice(text)];
    }

    private async Task<IReadOnlyList<Reply>> StatusAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var info = await reminders.GetAsync(context.Channel, cancellationToken);
        if (info is null)
        {
            return [Reply.Notice(context.T(ReminderStrings.NoReminder) + context.T(ReminderStrings.Example))];
        }

        var s = info.Schedule;
        if (!info.Enabled || info.NextRun is null)
        {
            return [Reply.Notice(context.T(ReminderStrings.StatusOff, Markup.Escape(info.DisabledReason)) + context.T(ReminderStrings.Example))];
        }

        var text = context.T(ReminderStrings.Status, DayName(s.Day, context.Lang), s.TimeText, Markup.Escape(s.TimeZoneId), When(info.NextRun.Value, s, context.Lang));
        if (!string.IsNullOrWhiteSpace(info.SkipReason))
        {
            text += "\n" + context.T(ReminderStrings.StatusSkipped, "_" + Markup.Escape(info.SkipReason) + "_");
        }

        return [Reply.Notice(text)];
    }

    private async Task<IReadOnlyList<Reply>> OffAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var reason = ReminderStrings.OffReasonUser.Get(context.Lang).Replace("{0}", context.User.Name, StringComparison.Ordinal);
        if (!await reminders.DisableAsync(context.Channel, reason, cancellationToken))
        {
            return [Reply.Notice(context.T(ReminderStrings.NoReminder) + context.T(ReminderStrings.Example))];
        }

        return [ChannelNotice(context.T(ReminderStrings.Off, Markup.Mention(context.User.Id)))];
    }

    private async Task<Reply> PreviewAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var info = await reminders.GetAsync(context.Channel, cancellationToken);
        var since = info?.LastRun ?? context.Now.AddDays(-7);
        return await digest.ComposeAsync(context.Channel, context.Lang, since, context.Now, info?.SkipReason, preview: true, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> SnoozeAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var info = await ActiveAsync(context, cancellationToken);
        if (info is null)
        {
            return [Reply.Notice(context.T(ReminderStrings.NoReminder) + context.T(ReminderStrings.Example))];
        }

        var next = info.Schedule.NextAfter(info.NextRun!.Value);
        await reminders.PostponeAsync(context.Channel, next, null, cancellationToken);
        return [ChannelNotice(context.T(ReminderStrings.Snoozed, Markup.Mention(context.User.Id), When(next, info.Schedule, context.Lang)))];
    }

    private async Task<IReadOnlyList<Reply>> SkipAsync(FlowContext context, string reason, CancellationToken cancellationToken)
    {
        reason = reason.Trim();
        if (reason.Length == 0)
        {
            return [Reply.Notice(context.T(ReminderStrings.SkipNeedsReason))];
        }

        if (reason.Length > MaxReasonLength)
        {
            return [SkipForm(context, reason, context.T(ReminderStrings.ReasonTooLong, MaxReasonLength))];
        }

        var info = await ActiveAsync(context, cancellationToken);
        if (info is null)
        {
            return [Reply.Notice(context.T(ReminderStrings.NoReminder) + context.T(ReminderStrings.Example))];
        }

        var next = info.Schedule.NextAfter(info.NextRun!.Value);
        await reminders.PostponeAsync(context.Channel, next, reason, cancellationToken);
        return [ChannelNotice(context.T(ReminderStrings.Skipped, Markup.Mention(context.User.Id), Markup.Escape(reason), When(next, info.Schedule, context.Lang)))];
    }

    private async Task<ReminderInfo?> ActiveAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var info = await reminders.GetAsync(context.Channel, cancellationToken);
        return info is { Enabled: true, NextRun: not null } ? info : null;
    }

    private static Reply SkipForm(FlowContext context, string? reason, string? error)
    {
        var form = new FormBlock(
            context.T(ReminderStrings.SkipFormTitle),
            Actions.SkipSubmit,
            null,
            [new FormInput(Actions.ReasonField, context.T(ReminderStrings.SkipReasonLabel), InputKind.Text, reason, Required: true, MaxLength: MaxReasonLength)],
            context.T(ReminderStrings.SkipSubmit),
            error);
        return new Reply([form], context.T(ReminderStrings.SkipFormTitle), ReplyVisibility.Ephemeral);
    }

    private static Reply ChannelNotice(string markup) => new([new TextBlock(markup)], Markup.ToPlainText(markup));

    private static string DayName(DayOfWeek day, Lang lang) =>
        (lang == Lang.Zh ? Culture.Zh : CultureInfo.InvariantCulture).DateTimeFormat.GetDayName(day);

    /// <summary>An occurrence in the schedule's own zone, e.g. <c>Monday 2026-11-30 09:00</c>.</summary>
    internal static string When(DateTimeOffset utc, WeeklySchedule schedule, Lang lang)
    {
        var local = TimeZoneInfo.ConvertTime(utc, schedule.TimeZone);
        return $"{DayName(local.DayOfWeek, lang)} {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
    }
}
