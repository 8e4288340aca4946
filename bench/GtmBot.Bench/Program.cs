using BenchmarkDotNet.Running;
using GtmBot.Bench;

// `eval [path] [--misses]` scores the quote tagger on a labelled set; anything else runs BenchmarkDotNet.
if (args.Length > 0 && args[0] == "eval")
{
    return QuoteEval.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(QuoteTaggerBenchmark).Assembly).Run(args);
return 0;
