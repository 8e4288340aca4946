namespace GtmBot.Engine.Strings;

/// <summary>Strings of the open API tokens, exports, scheduled exports and webhooks.</summary>
public static class DataOutStrings
{
    public static readonly Localized ApiHelp = new(
        "`/gtm api token create|list|revoke <name>` — tokens for the open API at `/api/v1` (admins only)",
        "`/gtm api token create|list|revoke <名称>` —— 开放 API（`/api/v1`）的访问令牌（仅管理员）");

    public static readonly Localized ApiUsage = new(
        "Use `/gtm api token create <name>`, `/gtm api token list` or `/gtm api token revoke <name>`. The API is described at `/openapi/v1.json`.",
        "用法：`/gtm api token create <名称>`、`/gtm api token list`、`/gtm api token revoke <名称>`。API 说明见 `/openapi/v1.json`。");

    public static readonly Localized NotAdmin = new(
        "Only workspace admins or owners may manage API tokens and webhooks.",
        "只有工作区管理员或所有者可以管理 API 令牌和 Webhook。");

    public static readonly Localized TokenBadName = new(
        "A token name is 1 to {0} characters without spaces.",
        "令牌名称为 1 至 {0} 个字符，不能包含空格。");

    public static readonly Localized TokenExists = new("There is already an active token named **{0}**. Revoke it first or pick another name.", "已有名为 **{0}** 的有效令牌。请先撤销它，或换一个名称。");

    public static readonly Localized TokenCreated = new(
        "API token **{0}** for this workspace — copy it now, it is shown only once:\n`{1}`\nSend it as `Authorization: Bearer <token>`; the API is described at `/openapi/v1.json`, with a reference page at `/scalar/v1`.",
        "本工作区的 API 令牌 **{0}** —— 请立即复制，它只显示这一次：\n`{1}`\n请求时带上 `Authorization: Bearer <令牌>`；API 说明见 `/openapi/v1.json`，参考页面见 `/scalar/v1`。");

    public static readonly Localized TokenListTitle = new("API tokens of this workspace", "本工作区的 API 令牌");
    public static readonly Localized TokenLine = new("**{0}** `{1}…` created by {2} on {3}", "**{0}** `{1}…` 由 {2} 创建于 {3}");
    public static readonly Localized TokenRevokedLine = new("{0} `{1}…` revoked on {2}", "{0} `{1}…` 已于 {2} 撤销");
    public static readonly Localized TokenNone = new("This workspace has no API tokens yet. Create one: `/gtm api token create <name>`.", "本工作区还没有 API 令牌。创建：`/gtm api token create <名称>`。");
    public static readonly Localized TokenRevoked = new("Token **{0}** is revoked: requests with it are refused from now on.", "令牌 **{0}** 已撤销：此后使用它的请求都会被拒绝。");
    public static readonly Localized TokenNotFound = new("No active token named **{0}**.", "没有名为 **{0}** 的有效令牌。");

    public static readonly Localized ExportHelp = new(
        "`/gtm export quotes|themes|canvas|checklist|all [csv|md|json] [filters]` — a file in the channel; `/gtm export weekly Monday 08:00 [zone] quotes csv`, `list`, `off`",
        "`/gtm export quotes|themes|canvas|checklist|all [csv|md|json] [筛选]` —— 导出文件到频道；`/gtm export weekly 周一 08:00 [时区] quotes csv`、`list`、`off`");

    public static readonly Localized ExportUsage = new(
        "I couldn't read that export ({0}). For example: `/gtm export quotes csv customer=Acme from=2026-01-01 q=sync`. Filters: `q`, `customer`, `by`, `tag`, `motive`, `from`, `to`.",
        "无法识别这个导出（{0}）。例如：`/gtm export quotes csv customer=Acme from=2026-01-01 q=同步`。筛选：`q`、`customer`、`by`、`tag`、`motive`、`from`、`to`。");

    public static readonly Localized ExportQueued = new(
        "Exporting **{0}** ({1} file(s), {2}) — the file appears in the channel in a moment.",
        "正在导出 **{0}**（{1} 个文件，{2}）—— 稍后文件会出现在频道中。");

    public static readonly Localized ExportTooLarge = new(
        "The export is {0}, over the limit of {1} per file. Narrow it with filters such as `from=`, `to=` or `customer=`.",
        "导出文件大小为 {0}，超过了每个文件 {1} 的上限。请用 `from=`、`to=`、`customer=` 等筛选缩小范围。");

    public static readonly Localized ExportPosted = new("Export: {0}", "导出：{0}");

    public static readonly Localized ExportLink = new(
        "Export **{0}** ({1}) is ready. Download it (the link works until {2} UTC):\n{3}",
        "导出文件 **{0}**（{1}）已就绪。下载链接（有效期至 UTC {2}）：\n{3}");

    public static readonly Localized ImageLink = new("The picture's link works until {0} UTC.", "图片链接有效期至 UTC {0}。");

    public static readonly Localized ScheduleUsage = new(
        "For example: `/gtm export weekly Monday 08:00 Europe/Berlin quotes csv` (weekday, 24-hour time, optional IANA time zone, then what to export).",
        "例如：`/gtm export weekly 周一 08:00 Asia/Shanghai quotes csv`（星期几、24 小时制时间、可选 IANA 时区，然后是导出内容）。");

    public static readonly Localized ScheduleSet = new(
        "{0} scheduled a weekly export #{1}: **{2}** every {3} at {4} ({5}). Next: {6:yyyy-MM-dd HH:mm} UTC.",
        "{0} 设置了每周导出 #{1}：每{3} {4}（{5}）导出 **{2}**。下一次：UTC {6:yyyy-MM-dd HH:mm}。");

    public static readonly Localized ScheduleListTitle = new("Weekly exports of this channel", "本频道的每周导出");
    public static readonly Localized ScheduleLine = new("#{0} **{1}** every {2} at {3} ({4}); next {5:yyyy-MM-dd HH:mm} UTC", "#{0} 每{2} {3}（{4}）导出 **{1}**；下一次 UTC {5:yyyy-MM-dd HH:mm}");
    public static readonly Localized ScheduleNone = new("This channel has no weekly export. ", "本频道没有每周导出。");
    public static readonly Localized ScheduleOff = new("{0} turned off {1} weekly export(s).", "{0} 关闭了 {1} 个每周导出。");

    public static readonly Localized WebhookHelp = new(
        "`/gtm webhook add <https-url> quote.created,theme.changed`, `list`, `remove <id|url>` — signed JSON events (admins only)",
        "`/gtm webhook add <https 地址> quote.created,theme.changed`、`list`、`remove <编号|地址>` —— 带签名的 JSON 事件（仅管理员）");

    public static readonly Localized WebhookUsage = new(
        "Use `/gtm webhook add <https-url> [quote.created,theme.changed]`, `/gtm webhook list` or `/gtm webhook remove <id|url>`.",
        "用法：`/gtm webhook add <https 地址> [quote.created,theme.changed]`、`/gtm webhook list`、`/gtm webhook remove <编号|地址>`。");

    public static readonly Localized WebhookBadUrl = new(
        "`{0}` is refused ({1}): a webhook URL must be https (plain http only to loopback, in development).",
        "`{0}` 被拒绝（{1}）：Webhook 地址必须是 https（仅开发环境可用 http 回环地址）。");

    public static readonly Localized WebhookBadEvents = new("Unknown event `{0}`; events: {1}.", "未知事件 `{0}`；可用事件：{1}。");

    public static readonly Localized WebhookAdded = new(
        "Webhook #{0} added: {1} receives {2}. Signing secret — copy it now, it is shown only once:\n`{3}`\nEach POST carries `X-GtmBot-Signature: t=<unix>,v1=<HMAC-SHA256 of \"t.body\">`.",
        "已添加 Webhook #{0}：{1} 将收到 {2}。签名密钥 —— 请立即复制，它只显示这一次：\n`{3}`\n每个 POST 都带有 `X-GtmBot-Signature: t=<unix>,v1=<对 \"t.body\" 的 HMAC-SHA256>`。");

    public static readonly Localized WebhookListTitle = new("Webhooks of this workspace", "本工作区的 Webhook");
    public static readonly Localized WebhookLine = new("#{0} {1} — {2} (added by {3})", "#{0} {1} —— {2}（由 {3} 添加）");
    public static readonly Localized WebhookNone = new("This workspace has no webhooks. ", "本工作区没有 Webhook。");
    public static readonly Localized WebhookRemoved = new("Removed {0} webhook(s).", "已删除 {0} 个 Webhook。");
    public static readonly Localized WebhookNotFound = new("No webhook `{0}` in this workspace.", "本工作区没有 Webhook `{0}`。");

    public static readonly Localized KindQuotes = new("quotes", "原话");
    public static readonly Localized KindThemes = new("themes", "主题");
    public static readonly Localized KindCanvas = new("canvas", "画布");
    public static readonly Localized KindChecklist = new("checklist", "清单");
    public static readonly Localized KindAll = new("everything", "全部");
}
