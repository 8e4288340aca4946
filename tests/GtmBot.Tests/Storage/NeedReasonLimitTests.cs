using GtmBot.Engine.Flows;
using GtmBot.Storage;
using GtmBot.Storage.Needs;

namespace GtmBot.Tests.Storage;

/// <summary>The reason a need is declined for is kept up to the length the flow accepts: one constant for both.</summary>
public sealed class NeedReasonLimitTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public void The_reason_columns_hold_what_the_flow_accepts_and_no_more(StorageProvider provider)
    {
        var dir = Directory.CreateTempSubdirectory("gtmbot-reason-").FullName;
        try
        {
            var connection = provider == StorageProvider.Sqlite ? GtmDbFactory.SqliteConnectionString(dir) : "Host=127.0.0.1;Username=unused";
            using var ctx = new GtmDbFactory(provider, connection).Create();
            Assert.Equal(NeedFlow.MaxReasonLength, ctx.Model.FindEntityType(typeof(NeedEntity))!.FindProperty(nameof(NeedEntity.Reason))!.GetMaxLength());
            Assert.Equal(NeedFlow.MaxReasonLength, ctx.Model.FindEntityType(typeof(NeedChangeEntity))!.FindProperty(nameof(NeedChangeEntity.Reason))!.GetMaxLength());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
