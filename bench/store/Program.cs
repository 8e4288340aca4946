// Store benches, run against the real host process and the real databases:
//   kill  — quote capture under load, kill -9 of the host mid-run, then every acknowledged quote must be in the database;
//   seed  — 1,000,000 quotes (2,000 customers, 200 channels, English and Chinese), then the QuoteSearch migration indexes them;
//   query — p50/p95 of the API's quote query (keyword / person / time range) through the product's IQuoteSearch;
//   commands — p50/p95 of /gtm quotes and /gtm insights through the engine over the seeded database.
// See bench/README.md for the commands and the measured results.
using GtmBot.Bench.Store;

return args.FirstOrDefault() switch
{
    "kill" => await KillCount.RunAsync(args[1..]),
    "seed" => await Scale.SeedAsync(args[1..]),
    "query" => await EngineQueries.SearchAsync(args[1..]),
    "commands" => await EngineQueries.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: kill [--provider sqlite|postgres] [--runs 3] [--connections 32] [--seconds 4]");
    Console.Error.WriteLine("       seed [--provider sqlite|postgres] [--quotes 1000000] [--file gtmbot.db | --database gtm_bench_1m]");
    Console.Error.WriteLine("       query [--provider sqlite|postgres] [--iterations 100] [--file … | --database …]");
    Console.Error.WriteLine("       commands [--provider sqlite|postgres] [--iterations 50] [--file … | --database …]");
    return 2;
}
