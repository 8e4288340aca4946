// Adds a migration for both providers: dotnet run --project tools/GtmBot.Migrations -- add <Name>
// (the same scaffolder `dotnet ef migrations add` calls, run once per provider's DbContext).
using GtmBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2 || args[0] != "add")
{
    Console.Error.WriteLine("usage: dotnet run --project tools/GtmBot.Migrations -- add <MigrationName>");
    return 2;
}

var name = args[1];
var storageDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/GtmBot.Storage"));
if (!File.Exists(Path.Combine(storageDir, "GtmBot.Storage.csproj")))
{
    Console.Error.WriteLine($"GtmBot.Storage not found at {storageDir}");
    return 1;
}

GtmDbContext[] contexts =
[
    new SqliteGtmDbContext(new DbContextOptionsBuilder<SqliteGtmDbContext>().UseSqlite("Data Source=:memory:").Options),
    new PostgresGtmDbContext(new DbContextOptionsBuilder<PostgresGtmDbContext>().UseNpgsql("Host=127.0.0.1").Options),
];
var reporter = new OperationReporter(new OperationReportHandler(
    e => Console.Error.WriteLine(e), w => Console.Error.WriteLine(w), i => Console.WriteLine(i), v => { }));
foreach (var context in contexts)
{
    var provider = context is SqliteGtmDbContext ? "Sqlite" : "Postgres";
    var assembly = typeof(GtmDbContext).Assembly;
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "GtmBot.Storage", $"Migrations.{provider}", "C#");
    var files = scaffolder.Save(storageDir, migration, Path.Combine(storageDir, "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
    await context.DisposeAsync();
}

return 0;
