using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// Recurring product-feedback concepts in English and Chinese, so that "dupes", "duplicate records" and "重复" land in one
/// theme, and "续航", "电池" and "充电宝" in another. Broad on purpose: it names kinds of complaint every product hears,
/// not any one product's; words outside it still group by shared stems and character bigrams.
/// </summary>
public static partial class ThemeLexicon
{
    /// <summary>A concept: an id and the English stems / Chinese words that signal it.</summary>
    public sealed record Concept(string Id, Regex English, IReadOnlyList<string> Chinese);

    public static IReadOnlyList<Concept> Concepts { get; } =
    [
        C("duplicate", @"dup(?:e|es|licate[sd]?|licat\w*)|de-?dup\w*|same (?:person|contact|record)\w*,? (?:twice|\w+ records)|double entr\w*", "重复", "重了", "查重", "去重"),
        C("sync", @"sync\w*|synchroni[sz]\w*|not (?:showing|show) up|never show|disappear\w*", "同步"),
        C("calendar", @"calendar\w*|meeting\w*|appointment\w*|1:1s?|event invites?", "日历", "日程", "会议邀请"),
        C("bulk", @"bulk\w*|mass[- ]\w+|in batch\w*|batch (?:edit|update)\w*|at once|all at once|one by one|each one|one at a time|many at a time", "批量", "一键", "逐个", "一个个", "一条条", "挨个"),
        C("slow", @"slow\w*|lag\w*|laggy|hang\w*|freez\w*|takes? \d+\+? ?(?:s|sec|secs|seconds|minutes)\b|for ages|loading|load time\w*|sluggish|spinner", "卡顿", "很慢", "太慢", "好慢", "加载", "卡死", "转圈"),
        C("latency", @"refresh\w*|real[- ]?time|latenc\w*|stale|out of date|outdated|up[- ]to[- ]date|t\+1|delay\w*|lag behind|near real", "延迟", "刷新", "实时", "最新", "滞后", "T+1", "才进来", "进 dashboard"),
        C("mobile", @"mobile\w*|phones?\b|iphone|android|ipad|tablet\w*|on the go|in the field", "手机上", "手机端", "手机版", "移动端", "平板"),
        C("battery", @"batter\w*|charg\w*|power bank\w*|drain\w*|dies by|runs? out of power", "电池", "续航", "掉电", "充电", "电量", "没电", "耗电", "掉得快"),
        C("heat", @"overheat\w*|too hot|gets hot|heat\w*|thermal\w*|throttl\w*|burning up", "发热", "发烫", "烫", "温控", "降频", "过热"),
        C("ads", @"\bads?\b|advert\w*|promo\w*|bloatware|pre-?installed|push notifications?|spammy", "广告", "推送", "推荐", "弹窗", "弹通知", "预装", "负一屏"),
        C("crash", @"crash\w*|force[- ]clos\w*|won'?t open|can'?t open|fails? to (?:open|launch|start)|keeps closing|blank screen", "闪退", "崩溃", "打不开", "无法打开", "打不了", "白屏", "黑屏"),
        C("price", @"pric\w*|expensive|pricey|cost\w*|licen[cs]\w*|seats?\b|per[- ](?:user|seat|viewer)|budget\w*|overpriced|fees?\b|subscription\w*", "价格", "太贵", "贵了", "预算", "收费", "费用", "报价", "授权费", "按人", "按门店"),
        C("permission", @"permission\w*|row[- ]level|rls\b|access control|only see|never see|see only|visib\w+ (?:rules|settings)|roles? (?:and|&) rights", "权限", "只能看", "只应该看", "只看到", "看到自己", "看不到别人", "本科室", "本部门", "本门店"),
        C("export", @"export\w*|download\w* (?:as|to) (?:csv|excel|pdf)|csv export", "导出", "下载报表"),
        C("import", @"import\w*|upload\w* (?:a|the)? ?csv|migrat\w*", "导入", "迁移"),
        C("login", @"log ?in\b|sign[- ]?in|sso\b|single sign[- ]on|password\w*|2fa|mfa|locked out", "登录", "登陆", "密码", "单点登录"),
        C("search", @"search\w*|can'?t find|hard to find|filter\w*", "搜索", "搜不到", "找不到", "筛选"),
        C("integration", @"integrat\w*|\bapi\b|webhook\w*|connector\w*|plug-?in\w*", "集成", "对接", "接口", "打通"),
        C("notification", @"notif\w*|alert\w*|reminder\w*|e-?mail digest\w*", "提醒", "通知"),
        C("offline", @"offline|no signal|no connection|without (?:internet|wifi|signal)", "离线", "没网", "没信号", "断网"),
        C("language", @"translat\w*|locali[sz]\w*|in (?:chinese|english|spanish|french|german)|language support", "翻译", "多语言", "英文版", "中文版"),
        C("support", @"support (?:team|ticket)\w*|customer service|response time|no one (?:answers|replied)|waited \d+ days", "客服", "售后", "没人回复", "工单"),
        C("onboarding", @"onboard\w*|training|tutorial\w*|documentation|docs\b|learning curve|hard to learn|confusing", "上手", "培训", "教程", "文档", "不会用"),
        C("ui", @"layout|font\w*|too small|unreadable|cluttered|ui\b|ux\b|design\w*|dark mode", "排版", "字小", "字太小", "界面", "看不清", "布局", "暗黑模式", "深色模式"),
        C("update", @"after (?:the )?(?:\d[\d.]* )?(?:update|upgrade)|since (?:the )?(?:update|upgrade)|new version", "更新后", "更新到", "升级后", "升级之后", "更新以后", "新系统"),
        C("storage", @"storage|disk space|memory full|out of space", "存储", "内存不足", "空间不足"),
        C("camera", @"camera|photos? (?:are|look) (?:blurry|dark)|low light", "拍照", "相机", "摄像头"),
        C("network", @"wi-?fi|signal\b|5g\b|4g\b|lte\b|bluetooth|connection drops?", "信号", "断流", "蓝牙", "网络"),
    ];

    private static Concept C(string id, string english, params string[] chinese) =>
        new(id, new Regex(@"(?i)\b(?:" + english + ")", RegexOptions.CultureInvariant), chinese);

    /// <summary>English words that carry no theme.</summary>
    public static IReadOnlySet<string> EnglishStopwords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "to", "of", "in", "on", "at", "for", "from", "by", "with", "about", "as", "into",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having", "can", "could", "would",
        "should", "will", "shall", "may", "might", "must", "it", "its", "it's", "this", "that", "these", "those", "there", "here", "we", "our", "us",
        "you", "your", "they", "their", "them", "he", "she", "his", "her", "i", "me", "my", "who", "what", "when", "where", "which", "why", "how",
        "all", "any", "some", "no", "not", "just", "only", "also", "too", "very", "really", "still", "again", "even", "now", "then", "than", "more",
        "most", "less", "much", "many", "every", "each", "other", "another", "same", "such", "own", "up", "down", "out", "over", "after", "before",
        "since", "until", "while", "because", "instead", "way", "thing", "things", "lot", "lots", "get", "got", "gets", "make", "makes", "made",
        "take", "takes", "took", "keep", "keeps", "kept", "use", "used", "using", "one", "two", "three", "time", "times", "day", "days", "week",
        "weeks", "month", "months", "year", "years", "today", "yesterday", "tomorrow", "last", "next", "new", "old", "good", "bad", "great", "please",
        "thanks", "thank", "hi", "hello", "hey", "ok", "okay", "yes", "yeah", "like", "love", "want", "wants", "need", "needs", "needed", "issue",
        "issues", "problem", "problems", "customer", "customers", "user", "users", "team", "teams", "people", "someone", "everyone", "anyone", "seem",
        "seems", "seeing", "see", "saw", "said", "says", "say", "tell", "told", "ask", "asked", "let", "lets", "go", "going", "gone", "come",
        "came", "back", "half", "whole", "able", "per", "via", "vs", "etc", "e.g", "i.e", "lah", "la", "leh", "ah", "oh", "er", "um", "re",
        "follow", "report", "request", "update", "honestly", "actually", "basically", "literally",
    };

    /// <summary>Characters that make a Chinese bigram a function-word fragment rather than a topic word.</summary>
    public static IReadOnlySet<char> ChineseStopChars { get; } = new HashSet<char>(
        "的了是在我你他她它们这那就都也还很太又和与及或吗呢吧啊呀么着过把被让给对从到为以而但所如果个一上下来去说要会能可有没不很更最再才只已每天些啥怎其之得地中后前时");

    /// <summary>Chinese bigrams that recur across unrelated feedback.</summary>
    public static IReadOnlySet<string> ChineseStopBigrams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "现在", "时候", "以后", "之后", "已经", "可以", "什么", "没有", "不是", "这个", "那个", "客户", "用户", "真的", "感觉", "觉得", "希望",
        "问题", "一下", "一直", "每天", "后续", "追评", "追加", "补充", "产品", "我们", "他们", "公司", "东西", "比较", "非常", "特别", "其实",
        "然后", "还是", "但是", "就是", "因为", "所以", "如果", "虽然", "好评", "差评", "评价", "反馈",
    };

    /// <summary>The concepts a line raises, each with the words that raised it.</summary>
    public static IEnumerable<(string Id, string Surface)> Match(string text)
    {
        foreach (var concept in Concepts)
        {
            var m = concept.English.Match(text);
            if (m.Success)
            {
                yield return (concept.Id, m.Value);
                continue;
            }

            foreach (var word in concept.Chinese)
            {
                if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    yield return (concept.Id, word);
                    break;
                }
            }
        }
    }
}
