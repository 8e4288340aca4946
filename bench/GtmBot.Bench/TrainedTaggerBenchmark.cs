using BenchmarkDotNet.Attributes;
using GtmBot.Engine.Tagging;

namespace GtmBot.Bench;

/// <summary>
/// The trained tagger (<see cref="ModelQuoteTagger"/>, the bot's default): quotes per second on one thread over the same
/// bilingual mix as <see cref="QuoteTaggerBenchmark"/>, and the time to load the shipped model file.
/// </summary>
[MemoryDiagnoser]
public class TrainedTaggerBenchmark
{
    private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, TaggerModel.OutputPath);

    /// <summary>The quote mix (also used by <see cref="CpuThroughput"/>).</summary>
    internal static readonly string[] Mix =
    [
        "Acme: Every Friday our coordinator retypes the orders from email into the ERP, and a typo last month shipped the wrong pallets.",
        "客户K：价格不是问题，但是必须支持私有化部署，不然信息安全部门不会批。",
        "<@U0AAA1111> heads up — Brightline: \"we're trialling Pipedrive next to you and will decide at renewal\" :eyes:",
        "这个 dashboard 很 nice，但是 export 到 PDF 老是 timeout，能不能 fix 一下？",
        "Yeah sure, *instant* sync that takes twenty minutes. Super helpful during month-end close.",
        "門市店長每天晚上關店前要手動盤點，常常算錯，希望能用掃碼槍。",
        "Honestly the support team has been great, no complaints.",
        "Can we get a discount if we sign for two years? Budget is tight this quarter.",
    ];

    private ModelQuoteTagger _tagger = null!;

    [GlobalSetup]
    public void Setup() => _tagger = new ModelQuoteTagger(TaggerModel.Load(ModelPath));

    [Benchmark(OperationsPerInvoke = 8)]
    public int TagMixedQuotes()
    {
        var n = 0;
        foreach (var q in Mix)
        {
            n += _tagger.Tag(q).Tags.Count;
        }

        return n;
    }

    [Benchmark]
    public TaggerModel LoadModel() => TaggerModel.Load(ModelPath);
}
