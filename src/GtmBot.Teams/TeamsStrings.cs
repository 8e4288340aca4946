using GtmBot.Engine.Strings;

namespace GtmBot.Teams;

/// <summary>User-facing text of the Teams edge itself (welcome, the message action's answers).</summary>
internal static class TeamsStrings
{
    public static readonly Localized WelcomeTitle = new("Hi, I'm GtmBot", "你好，我是 GtmBot");
    public static readonly Localized WelcomeBody = new(
        "I help this team take a product to market with discipline: the 4W1H canvas, the 8-step checklist, five whys and customer quotes. Mention me with a command, e.g. **@GtmBot canvas** or **@GtmBot help**.",
        "我帮助团队有章法地把产品推向市场：4W1H 画布、8 步检查清单、五问法和客户原话。@我并输入命令，例如 **@GtmBot canvas** 或 **@GtmBot help**。");
    public static readonly Localized WelcomeContext = new(
        "Tip: on any message, choose … › Apps › “Tag as customer quote” to capture what a customer said.",
        "提示：在任意消息上选择 … › 应用 › “标记为客户原话”，即可记录客户说的话。");
    public static readonly Localized QuoteEmpty = new("That message has no text to capture.", "这条消息没有可记录的文字。");
    public static readonly Localized QuoteDone = new("Captured. The quote is in this conversation.", "已记录。原话已发到本对话中。");
    public static readonly Localized StillWorking = new(
        "This is taking longer than Teams waits. The answer will be posted in this conversation when it is ready.",
        "处理时间超过了 Teams 的等待时限。完成后，结果会发到本对话中。");
    public static readonly Localized DialogNotOpened = new(
        "The dialog could not open in time. Please try again.",
        "对话框未能及时打开，请重试。");
    public static readonly Localized UnknownCommand = new("This action is not supported.", "不支持此操作。");
}
