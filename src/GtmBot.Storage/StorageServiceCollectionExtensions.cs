using GtmBot.Engine.Ports;
using GtmBot.Storage.Delivery;
using GtmBot.Storage.Planning;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Reminders;
using GtmBot.Storage.Stores;
using GtmBot.Storage.Teams;
using GtmBot.Storage.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GtmBot.Storage;

/// <summary>Registers the database and the stores that implement the engine's ports.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddGtmStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new PostgresNeedsConnectionString(configuration));
        services.AddSingleton<IGtmDbFactory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider == StorageProvider.Postgres
                ? new GtmDbFactory(StorageProvider.Postgres, configuration.GetConnectionString("Postgres")!)
                : new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(options.DataDirectory), options.SqliteSynchronous);
        });
        services.AddSingleton<ISettingsStore, SettingsStore>();
        services.AddSingleton<IInboundDedupe, InboundDedupe>();
        services.AddSingleton(sp => new OutboxStore(sp.GetRequiredService<IGtmDbFactory>(), sp.GetRequiredService<TimeProvider>()) { Writer = sp.GetRequiredService<GroupCommitWriter>() });
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxStore>());
        services.AddSingleton<IDeliveryStatus>(sp => sp.GetRequiredService<OutboxStore>());
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<IReminderStore>(sp => sp.GetRequiredService<ReminderStore>());
        services.AddSingleton<LocalChannelStore>();
        services.AddSingleton<QuoteStore>();
        services.AddSingleton<IQuoteStore>(sp => sp.GetRequiredService<QuoteStore>());
        services.AddSingleton<ITagExampleStore>(sp => sp.GetRequiredService<QuoteStore>());
        services.AddSingleton<IQuoteSearch>(sp => sp.GetRequiredService<QuoteStore>());
        services.AddSingleton<IInsightsStore, InsightsStore>();
        services.AddSingleton<ICanvasStore, CanvasStore>();
        services.AddSingleton<IDrillStore, DrillStore>();
        services.AddSingleton<IChecklistStore, ChecklistStore>();
        services.AddSingleton<IOkrStore, OkrStore>();
        services.AddSingleton<IInstallationStore, Installations.InstallationStore>();
        services.AddSingleton<IConversationReferenceStore, ConversationReferenceStore>();
        services.AddSingleton<ISummaryStore, Summaries.SummaryStore>();
        services.AddSingleton<ICustomerStore, Customers.CustomerStore>();
        services.AddSingleton<INeedStore, Needs.NeedStore>();
        services.AddSingleton<IApiTokenStore, DataOut.ApiTokenStore>();
        services.AddSingleton<IWebhookStore, DataOut.WebhookStore>();
        services.AddSingleton<DataOut.ExportStore>();
        services.AddSingleton<IExportStore>(sp => sp.GetRequiredService<DataOut.ExportStore>());
        services.AddSingleton<IWorkspaceArchive, DataOut.WorkspaceArchive>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddHostedService<WalCheckpointer>();
        return services;
    }

    private sealed class PostgresNeedsConnectionString(IConfiguration configuration) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"))
                ? ValidateOptionsResult.Fail("GtmBot:Storage:Provider is Postgres but ConnectionStrings:Postgres is empty (set ConnectionStrings__Postgres).")
                : ValidateOptionsResult.Success;
    }

    /// <summary>
    /// Applies the provider's migrations before the host starts taking requests. On PostgreSQL they run under a session
    /// advisory lock, so instances started at once on an empty database take turns: the first migrates, the others find
    /// nothing left to do.
    /// </summary>
    /// <see href="https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS"/>
    private sealed class DatabaseMigrator(IGtmDbFactory db) : IHostedService
    {
        /// <summary>The advisory lock key of GtmBot's migrations (any fixed 64-bit number other applications do not use).</summary>
        public const long MigrationLockKey = 0x47746D426F744D67; // "GtmBotMg"

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var ctx = db.Create();
            if (db.Provider == StorageProvider.Postgres)
            {
                await MigrateUnderLockAsync(ctx, cancellationToken);
            }
            else
            {
                await ctx.Database.MigrateAsync(cancellationToken);
            }

            await GtmDbFactory.EnableWalAsync(ctx, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static async Task MigrateUnderLockAsync(GtmDbContext ctx, CancellationToken cancellationToken)
        {
            // The lock lives in the database, so the database must exist first; two instances may race to create it.
            var creator = ctx.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                try
                {
                    await creator.CreateAsync(cancellationToken);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
                {
                    // Created by the other instance in the meantime: exactly what was wanted.
                }
            }

            // The lock is held by this session, so the migrations run on the same open connection.
            await ctx.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await ctx.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [MigrationLockKey], cancellationToken);
                try
                {
                    await ctx.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    await ctx.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [MigrationLockKey], CancellationToken.None);
                }
            }
            finally
            {
                await ctx.Database.CloseConnectionAsync();
            }
        }
    }
}
