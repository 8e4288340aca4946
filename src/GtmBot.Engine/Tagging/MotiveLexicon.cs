namespace GtmBot.Engine.Tagging;

/// <summary>
/// What drives a quote, in the terms of the motive definitions (docs/labelling.md, "Motive"): need is an external or
/// objective constraint or the core job failing; want is a preference; a report of a result has no driver.
/// </summary>
internal enum MotiveDriver
{
    /// <summary>A law, regulator, auditor, inspection, certification or compliance rule.</summary>
    Rule,

    /// <summary>A contract, SLA, clause, penalty or liability.</summary>
    Contract,

    /// <summary>A deadline or a date something must happen by.</summary>
    Deadline,

    /// <summary>The boss, headquarters, the board or an executive requiring it.</summary>
    Mandate,

    /// <summary>A procurement or budget rule, a fixed budget.</summary>
    Purchasing,

    /// <summary>The core job failing: data lost or wrong, orders or money lost, people unable to work, safety.</summary>
    CoreFailure,

    /// <summary>A preference: nicer, easier, faster, looks, convenience, a feeling.</summary>
    Preference,

    /// <summary>Value for money, haggling.</summary>
    Value,

    /// <summary>Says outright that it is not pressing ("nice to have", "no rush", "不急").</summary>
    NotPressing,

    /// <summary>Reports a result or a past state ("now", "since we", "used to", "现在", "之后").</summary>
    Result,

    /// <summary>An explicit ask (the main ask of a quote is where its motive is read).</summary>
    Ask,
}

/// <summary>
/// Bilingual phrases of <see cref="MotiveDriver"/>, written from the motive definitions, not from any particular quotes
/// (English and Simplified Chinese; Traditional is folded to Simplified by <see cref="PhraseMatcher"/>). Lower case; Latin
/// phrases match whole words, a trailing <c>*</c> matches a word prefix.
/// </summary>
internal static class MotiveLexicon
{
    /// <summary>Drivers on the need side of the definitions.</summary>
    public static bool IsNeed(MotiveDriver driver) => driver <= MotiveDriver.CoreFailure;

    /// <summary>Drivers on the want side of the definitions.</summary>
    public static bool IsWant(MotiveDriver driver) => driver is MotiveDriver.Preference or MotiveDriver.Value or MotiveDriver.NotPressing;

    /// <summary>All phrases with their driver.</summary>
    public static IEnumerable<(string Phrase, MotiveDriver Driver)> Entries()
    {
        foreach (var (driver, list) in Lists)
        {
            foreach (var phrase in list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (phrase, driver);
            }
        }
    }

    private static readonly (MotiveDriver Driver, string Phrases)[] Lists =
    [
        (MotiveDriver.Rule,
            "law|laws|legal|legally|regulat*|regulator*|auditor*|audit|audits|audited|compliance|compliant|non-compliant|inspection*|inspector*|accredit*|certif*|licensing|" +
            "hipaa|gdpr|sox|pci|fda|osha|iso|soc 2|soc2|statutory|mandatory|required by law|by law|the rules|rule says|policy requires|our policy|" +
            "法规|法律|法务|监管|审计|合规|抽查|评鉴|评审|验收|资质|认证|备案|等保|药监|卫健委|消防|税务局|医保|规定|条例|政策要求|红线|迎检|飞检|检查组"),
        (MotiveDriver.Contract,
            "contract*|sla|slas|clause|agreement|dpa|penalt*|fined|fine us|fines|liabilit*|liable|breach|obligat*|" +
            "合同|协议|条款|违约|罚款|罚钱|赔钱|赔偿|索赔|对赌"),
        (MotiveDriver.Deadline,
            "deadline|deadlines|due date|due by|cutoff|cut-off|go-live|go live|launch date|by monday|by friday|by the end of|by end of|before the end of|by next week|by next month|" +
            "by january|by february|by march|by april|by may|by june|by july|by august|by september|by october|by november|by december|by q1|by q2|by q3|by q4|by year-end|fiscal year|" +
            "before launch|before we launch|before go-live|before the audit|before renewal|" +
            "截止|期限|之前必须|前必须|月底前|年底前|季度末|上线前|开业前|开学前|下周前|deadline前|到期前|最晚|来不及"),
        (MotiveDriver.Mandate,
            "boss|my boss|our boss|ceo|cfo|coo|cio|cto|owner wants|owner said|hq|headquarters|head office|corporate|the board|board wants|board asked|parent company|group it|management wants|leadership wants|" +
            "老板|总部|集团|董事会|领导|上级|总经理|总裁|校长要求|院长要求|局里|投资方"),
        (MotiveDriver.Purchasing,
            "procurement|purchasing|purchase order|tender|rfp|budget cap|budget is fixed|fixed budget|budget is capped|budget is locked|approved budget|budget rule|only approve|spend limit|" +
            "采购|招标|投标|预算只有|预算就|预算定|预算上限|预算卡|预算批|批预算|报批|审批"),
        (MotiveDriver.CoreFailure,
            "data loss|lost data|lose data|lost the data|wiped|deleted|corrupt*|wrong numbers|wrong data|wrong amount|double-charged|double charged|overcharged|lost orders|lost sales|lost revenue|lose money|losing money|lost money|missed payment*|" +
            "can't log in|cannot log in|can't work|cannot work|can't use|cannot use|unusable|down for|outage|went down|is down|not working|doesn't work|does not work|won't open|stopped working|" +
            "safety|unsafe|injur*|accident*|patient*|evacuat*|emergency|recall|refund*|chargeback*|" +
            "丢数据|数据丢|丢失|丢了|丢单|漏单|错单|算错|对不上|多扣|扣错|赔钱|亏钱|损失|用不了|没法用|不能用|登不上|登录不了|打不开|停机|宕机|瘫痪|挂了|崩了|安全|事故|受伤|患者|病人|召回|退款"),
        (MotiveDriver.Preference,
            "nice|nicer|nicest|easier|easy|faster|quicker|snappier|smoother|simpler|cleaner|prettier|pretty|ugly|looks good|looks bad|looks dated|looks old|look better|looks better|look nicer|look and feel|modern|sleek|polish*|dark mode|dark theme|" +
            "convenient|convenience|fewer clicks|one click|one-click|prefer|preference|i'd love|we'd love|would love|love to|would be great|would be nice|would be cool|would be amazing|wish|hoping|" +
            "annoying|annoyed|tedious|hassle|clunky|feel|feels|comfortable|fun|cool|" +
            "好看|难看|颜值|漂亮|美观|方便|顺手|省事|省心|简单点|简单一点|快一点|快点|更快|更好|舒服|体验|希望|最好|要是能|如果能|就好了|就更好了|麻烦|繁琐|啰嗦|嫌|想要"),
        (MotiveDriver.Value,
            "discount|cheaper|lower price|better price|price match|match the price|too expensive|hard to justify|value for money|worth the money|" +
            "折扣|打折|便宜|优惠|降价|太贵|性价比|划算|值不值"),
        (MotiveDriver.NotPressing,
            "nice to have|nice-to-have|no rush|not urgent|not a priority|low priority|not critical|not a must|not a big deal|no big deal|not a blocker|whenever you can|someday|at some point|" +
            "不急|不着急|不是急|锦上添花|有更好|没有也行|没有也没关系|不影响|不是必须|有空|顺便"),
        (MotiveDriver.Result,
            "now we|now it|since we|since then|ever since|used to|no longer|went from|dropped from|down from|up from|cut our|saved us|saves us|this month|last quarter|so far|" +
            "自从|以后就|从此|省了|降到|提升到|缩短到|不再|再也没"),
        (MotiveDriver.Ask,
            "can you|could you|would you|please add|please|add a|add an|we need|i need|need a way|needs to|need to|must have|has to|have to|should|let us|allow us|give us|support for|" +
            "能不能|能否|可不可以|可否|是否可以|请|加个|加一个|增加|新增|需要|必须|得要|一定要|要求|要能"),
    ];
}
