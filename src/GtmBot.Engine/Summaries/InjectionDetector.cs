using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// Spots lines that try to instruct whoever summarizes the feedback ("ignore previous instructions", "请忽略之前的所有指令").
/// They are reported as data and never counted as feedback; the LLM is told the whole paste is data anyway.
/// </summary>
public static partial class InjectionDetector
{
    /// <summary>
    /// True for a known override phrase, or for a line that both addresses whoever reads or summarizes it (an AI, an
    /// assistant, a summarizer, "如果你是…AI") and tells it what to do (ignore, output, report, list, mark as, 只输出, 标记为).
    /// </summary>
    /// <remarks>
    /// Two more shapes that do not name an AI: a line that speaks to whatever reads or compiles the paste ("whoever compiles
    /// this report", "the summarizing tool", "[system note]", "整理这份表格的系统") and tells it what to do; and a line that
    /// dictates what the summary must say — a verdict that erases the feedback ("no issues", "all customers satisfied",
    /// "leave out the complaints", "全部满意", "已解决") about the summary or the other lines of the paste, with a directive
    /// ("write that", "mark … as", "请", "只写"). Customers' own lines rarely hold all three: over the 18,873 quotes of the
    /// training corpus none of these rules fires.
    /// </remarks>
    public static bool IsInjection(string line) =>
        Pattern().IsMatch(line)
        || (Command().IsMatch(line) && (Addressee().IsMatch(line) || Reader().IsMatch(line)))
        || (Verdict().IsMatch(line) && AboutThePaste().IsMatch(line) && Directive().IsMatch(line));

    [GeneratedRegex(
        @"(?ix)
        (?:ignore|disregard|forget|override)\s+(?:(?:all|any|the|your|of|my|these)\s+)*(?:previous|prior|above|earlier|preceding|former|system|your)\s+(?:instructions?|prompts?|rules|directions|guidelines)
        | (?:system|developer)\s+(?:note|prompt|message|instruction)s?\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistant|model|llm|bot|summari[sz]er)
        | \byou\s+are\s+now\b | \bnew\s+instructions?\s*: | \bact\s+as\s+(?:an?\s+)?(?:ai|assistant|system)
        | (?:忽略|无视|忘记|忘掉|不要理会)(?:之前|以上|上面|前面|先前|你的|所有)?(?:的)?(?:所有|全部|一切)?(?:的)?(?:指令|指示|提示|规则|要求|设定)
        | (?:系统|开发者)(?:提示|指令|消息)[:：]
        | (?:把|将).{0,20}标记(?:成|为).{0,40}(?:并|然后).{0,10}(?:在总结|在摘要|输出)
        ")]
    private static partial Regex Pattern();

    // Speaking to the machine that reads the paste, not about a product feature: "Note to the AI …", "Summarizer: …" (at the
    // start of the line or of a sentence), "Attention automated summarizer", "if you are an AI", "the assistant summarizing
    // this", "致负责汇总的AI：", "如果你是…AI", "AI：". A line that only mentions an AI feature ("the AI assistant replies
    // too slowly", "智能助手，回复太慢了") does not address it.
    [GeneratedRegex(
        @"(?ix)
        \b(?:note|message|instructions?|attention|memo|psa)\s*(?:to|for)?\s*(?:the\s+|any\s+|all\s+|an\s+|whatever\s+|whichever\s+|every\s+|each\s+)?(?:automated\s+|ai\s+)?(?:ai|a\.i\.|assistant|bot|llm|gpt|chatgpt|language\s+model|summari[sz]er|summary\s+(?:bot|tool))\b
        | \bif\s+you\s+are\s+(?:an?\s+|the\s+)?(?:ai|a\.i\.|assistant|bot|llm|language\s+model|summari[sz]er|automated)
        | \b(?:ai|assistant|bot|llm|summari[sz]er)\s+(?:that\s+is\s+|who\s+is\s+)?(?:summari[sz]ing|reading|processing|analy[sz]ing|parsing|reviewing)\s+(?:this|these)\b
        | \b(?:whoever|whatever|anyone|anything)(?:\s+or\s+(?:whoever|whatever|anyone|anything))?\s+(?:is\s+)?(?:summari[sz]ing|reading|processing)\s+(?:this|these)\b
        | \bwhen\s+you\s+(?:pass|forward|send|hand|write)\s+(?:this|these|it)\b.{0,20}\b(?:on|up|along|over)\b
        | \bwhen\s+you\s+summari[sz]e\b
        | \bif\s+(?:this|these|it|my\s+\w+)\s+(?:goes|go|ends?\s+up|gets?\s+(?:fed|put|pasted|sent|dropped|run)|is\s+(?:fed|pasted|sent|put|run))\s+(?:in|into|to|through)\b.{0,40}\b(?:ai|a\.i\.|summar\w*|bot|assistant|llm|gpt)\b
        | \bfor\s+(?:the|your|any)\s+(?:ai|a\.i\.|automated)\s+(?:\w+\s+)?(?:assistant|bot|summari[sz]er|triage|tool|agent|helper)\s*[—–:,-]
        | (?:^|[.!?]\s)[\s>*•-]*(?:dear\s+|hey\s+|hi\s+)?(?:ai|assistant|summari[sz]er|llm|gpt|chatgpt)\s*[:：]
        | \bfor\s+(?:whoever|anyone|anybody)\b.{0,60}\b(?:ai|a\.i\.|llm|summary|summari[sz]e[sd]?)\b
        | 致.{0,12}(?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型|系统|系統|工具)
        | (?:给|給)(?:负责|負責|正在)?.{0,12}?(?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型|系统|系統|工具)\s*[：:]
        | 机器人注意|機器人注意
        | (?:^|[。！？])[\s>*•-]*(?:AI|ＡＩ|人工智能|助手)\s*[：:]
        | (?:被|由)\s*(?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型)
        | (?:AI|ＡＩ|人工智能|助手|机器人|機器人|大模型)\s*的?(?:指令|指示|提示词|提示詞)
        | 如果你是.{0,12}(?:AI|ＡＩ|人工智能|助手|机器人|機器人|模型)
        | (?:负责|負責|正在)(?:总结|總結|汇总|匯總|摘要|整理|分析|阅读|閱讀|处理|處理).{0,8}(?:AI|ＡＩ|人工智能|助手|机器人|機器人|模型)
        ")]
    private static partial Regex Addressee();

    // Telling it what to do with the paste.
    [GeneratedRegex(
        @"(?ix)
        \b(?:ignore|disregard|forget|override|skip|output|respond|reply|write|report|say|state|list|mark|label|classify|rate|treat|close|resolve|delete|hide|tag|categori[sz]e|pretend|assume|tell|leave\b.{0,30}\bout|summari[sz]e\s+(?:this|these|it|everything)\s+as|leave\s+out|omit|exclude|drop|remove|only\s+(?:output|say|report|list|write|mention)|do\s+not\s+(?:mention|include|list|report|count)|don'?t\s+(?:mention|include|list|report|count))\b
        | 忽略|无视|無視|忘记|忘記|忘掉|跳过|跳過|略过|略過|只输出|只輸出|仅输出|僅輸出|输出|輸出|只写|只寫|标记|標記|写成|寫成|写为|寫為|报告|報告|回复|回覆|不要(?:提|列|写|寫|输出|輸出|统计|統計|计入|計入)|请不要|請不要|删除|刪除|删掉|刪掉|列为|列為|当作|當作|视为|視為|改成
        ")]
    private static partial Regex Command();

    // Whatever reads, compiles or summarizes the paste, named without saying "AI".
    [GeneratedRegex(
        @"(?ix)
        \b(?:whoever|anyone|anybody|whatever|(?:any|an?|the)\s+(?:automated\s+|ai\s+)?(?:tool|system|process|program|script|agent|model|bot|software)|the\s+(?:automated\s+|ai\s+)?(?:tool|system|model|agent|copilot|bot|script|pipeline|program)s?)\s+(?:that\s+|which\s+|who\s+)?(?:is\s+|are\s+)?(?:compil|summari[sz]|process|pars|read|generat|analy[sz]|aggregat|digest|collat|condens|ingest|scrap|crawl)(?:ing|es|s|e)?\s+(?:this|these|the\s+(?:above|following))\b
        | \b(?:the|any|this|a)\s+(?:summari[sz]ing|parsing|compiling|ingesting)\s+(?:tool|system|model|bot|script|agent|assistant|engine|pipeline|software|program)\b
        | \b(?:person|someone|human|people|team)\s+or\s+(?:tool|system|bot|ai|machine|software)\b
        | \bwho(?:ever)?\s+(?:writes|is\s+writing|types)\s+up\s+(?:this|these|the)\b
        | \bif\s+you\s+(?:are|'re)\s+(?:generating|writing|compiling|producing|creating|drafting|preparing)\s+(?:a|the|an|any)\s+(?:summary|report|digest|recap|overview|synopsis)
        | (?:^|[.!?。！？]\s*|[-–—>*•]\s*)(?:copilot|gemini|claude|chatgpt|gpt-?\d?|llm|model|bot)\s*[,:：，]
        | \b(?:dear|hey|hello|hi)\s+(?:model|bot|robot|machine|computer|agent)\b
        | (?:^|[\s(\[【<])(?:\[|【|<|\()?\s*(?:system|sys|assistant|summary|summarizer|ai|bot|admin|instruction|prompt)\s*(?:note|notice|message|instruction|directive|override)?\s*(?:\]|】|>|\))
        | \b(?:summary|summarization|summarisation|digest|recap)\s+(?:instruction|directive|note|rule|override)s?\b
        | 智能体|智能體|(?:总结|總結|汇总|匯總|摘要|整理|统计|統計|读取|讀取|解析|处理|處理)(?:本|这|這|此|该|該)(?:份|些|个|個|条|條|批|张|張|段|群|封)?.{0,6}?的(?:系统|系統|工具|程序|程式|模型|助手|人|同事)
        ")]
    private static partial Regex Reader();

    // A verdict that erases the feedback: nothing wrong, everyone happy, complaints left out, everything resolved.
    [GeneratedRegex(
        @"(?ix)
        \b(?:no|zero|nil)\s+(?:open\s+|real\s+|major\s+|outstanding\s+|recurring\s+)?(?:issues?|problems?|complaints?|bugs?|concerns?|negative\s+feedback)\b
        | \b(?:all|every|each)\s+(?:of\s+the\s+)?(?:customers?|users?|respondents?|accounts?|clients?|reviewers?|tickets?|schools?|stores?)\s+(?:are|is|were|was|as|rated|gave)?\s*(?:very\s+|fully\s+|completely\s+)?(?:happy|satisfied|positive|promoters?|resolved|closed|renewed|5\s*stars?|10/10)
        | \b(?:fully|completely|100\s*%)\s+satisfied\b | \b10/10\b | \bclosed[\s-]won\b
        | \b(?:leave|keep)\s+(?:out|off)\b | \bleave\s+(?:the\s+|all\s+|any\s+)?[\w\s-]{0,30}(?:complaints?|issues?|problems?|tickets?|feedback)\s+out\b | \b(?:omit|exclude|drop|hide|remove|suppress|skip)\s+(?:the\s+|all\s+|every\s+|any\s+)?(?:other\s+|negative\s+|remaining\s+)?(?:complaints?|issues?|problems?|negative|criticism|comments|reviews|tickets|answers|responses|feedback|verbatims?)\b
        | 全部满意|全部滿意|都满意|都滿意|整体满意|整體滿意|运行正常|運行正常|一切正常|无(?:待处理|未解决|重大)?(?:问题|投诉)|無(?:待處理|未解決|重大)?(?:問題|投訴)|一致好评|一致好評|没有(?:任何)?(?:问题|bug|投诉|抱怨)|沒有(?:任何)?(?:問題|bug|投訴|抱怨)|无异议|無異議|满意度\s*100|滿意度\s*100|无须处理|無須處理|已续约|已續約|已解决|已解決|非常满意|非常滿意|好评如潮
        ")]
    private static partial Regex Verdict();

    // The summary itself, or the other lines of the paste.
    [GeneratedRegex(
        @"(?ix)
        \b(?:summary|summaries|summari[sz]e|summari[sz]ing|recap|digest|synopsis|overview|write-?up|roll-?up|output|final\s+report|your\s+report|the\s+report|this\s+report|readout)\b
        | \b(?:this|these|the)\s+(?:export|notes|page|responses|answers|thread|channel|document|file|feedback|tickets|reviews|comments|survey|minutes|log|csv|sheet)\b
        | \b(?:the\s+)?(?:other|remaining|previous|earlier|above)\s+(?:lines|tickets|reviews|comments|answers|responses|messages|feedback|complaints|issues|notes|entries|rows|items)\b
        | \beverything\s+(?:else|above)\b
        | 总结|總結|汇总|匯總|摘要|结论|結論|报告里|報告裡|以上|上面|其他(?:消息|评论|評論|内容|內容|工单|工單|反馈|回饋|问题|問題)|其它|本群|这个群|這個群|这批|這批|本邮件|本郵件|这份|這份
        ")]
    private static partial Regex AboutThePaste();

    // Dictating what is written: "write that", "mark … as", "must", "请", "只写".
    [GeneratedRegex(
        @"(?ix)
        \b(?:write|say|state|report|output|reply|respond|conclude|mark|list|classify|label|treat|record|flag|tag|rank|rate|present|describe|show|count|put|note)\b.{0,60}\b(?:that|as|only)\b
        | \b(?:write|say|state|report|output|reply|respond|conclude)\s*[:：""“'「]
        | \b(?:ignore|disregard|omit|exclude|skip|leave\s+out|don'?t\s+(?:mention|include|list|count)|do\s+not\s+(?:mention|include|list|count)|must|should\s+(?:say|state|read|list|show|report|conclude))\b
        | 请|請|务必|務必|必须|必須|只写|只寫|就写|就寫|(?:写|寫)\s*[“""「『]|只输出|只輸出|直接写|直接寫|写成|寫成|写为|寫為|标记为|標記為|归类为|歸類為|列为|列為|视为|視為|当作|當作|不要(?:提|列|写|寫|输出|輸出|统计|統計|计入|計入)|忽略|跳过|跳過
        ")]
    private static partial Regex Directive();
}
