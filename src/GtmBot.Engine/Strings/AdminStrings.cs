namespace GtmBot.Engine.Strings;

/// <summary>Strings of the workspace administration commands and of delivery alerts.</summary>
public static class AdminStrings
{
    public static readonly Localized Help = new(
        "`/gtm admin deliveries` — messages waiting for delivery and the ones given up on",
        "`/gtm admin deliveries` —— 等待投递的消息和已放弃投递的消息");

    public static readonly Localized Usage = new("Try `/gtm admin deliveries`.", "试试 `/gtm admin deliveries`。");
    public static readonly Localized DeliveriesHeader = new("Deliveries", "消息投递");
    public static readonly Localized DeliveriesCounts = new("**{0}** waiting for delivery, **{1}** given up on.", "**{0}** 条等待投递，**{1}** 条已放弃投递。");
    public static readonly Localized DeadLetterLine = new("#{0} in {1}, written {2:yyyy-MM-dd HH:mm} UTC, {3} attempts: {4}", "#{0}（{1}），写入于 {2:yyyy-MM-dd HH:mm} UTC，尝试 {3} 次：{4}");
    public static readonly Localized NoDeadLetters = new("Nothing was given up on.", "没有放弃投递的消息。");
    public static readonly Localized UnknownError = new("no error recorded", "未记录错误");

    public static readonly Localized DeadLetterAlert = new(
        "A message for this channel could not be delivered and was set aside (#{0}: {1}). `/gtm admin deliveries` lists what was set aside.",
        "一条发往本频道的消息未能送达，已被搁置（#{0}：{1}）。`/gtm admin deliveries` 可查看被搁置的消息。");

    public static readonly Localized MaybeLostAlert = new(
        "A message for this channel may not have arrived: the platform's answer was lost and it cannot be asked, so it was not sent again (#{0}). `/gtm admin deliveries` lists it.",
        "一条发往本频道的消息可能未送达：平台的应答丢失且无法查询，为避免重复未再发送（#{0}）。`/gtm admin deliveries` 可查看。");
}
